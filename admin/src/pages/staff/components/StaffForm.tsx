import { ModalForm, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { roleLabel, StaffCreate, staffAccountRoles } from '@jiugai/shared';
import { zodRule } from '../../../utils/zodRule';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { createStaff } from '../service';

/** New staff account; fields are checked with the same schema the server uses. */
export function StaffForm({ onCreated }: { onCreated: () => void }) {
  const fields = StaffCreate.shape;
  return (
    <ModalForm<StaffCreate>
      title="新建账号"
      trigger={
        <Button type="primary" icon={<PlusOutlined />}>
          新建账号
        </Button>
      }
      modalProps={{ destroyOnHidden: true }}
      onFinish={async (values) => {
        await createStaff(StaffCreate.parse(values));
        onCreated();
        return true;
      }}
    >
      <ProFormText name="account" label="登录账号" rules={[zodRule(fields.account)]} />
      <ProFormText name="name" label="姓名" rules={[zodRule(fields.name)]} />
      <ProFormText name="phone" label="手机号" rules={[zodRule(fields.phone)]} />
      <ProFormSelect
        name="role"
        label="角色"
        rules={[zodRule(fields.role)]}
        options={staffAccountRoles.map((r) => ({ value: r, label: roleLabel[r] }))}
      />
      <RegionTreeSelect name="scopeRegionId" label="管辖区域" maxLevel="community" />
      <ProFormText.Password name="password" label="初始密码" rules={[zodRule(fields.password)]} />
    </ModalForm>
  );
}
