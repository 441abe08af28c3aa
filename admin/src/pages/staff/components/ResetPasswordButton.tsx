import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { Button, message } from 'antd';
import { StaffPassword, type StaffAccount } from '@jiugai/shared';
import { zodRule } from '../../../utils/zodRule';
import { resetStaffPassword } from '../service';

export function ResetPasswordButton({ staff }: { staff: StaffAccount }) {
  return (
    <ModalForm<{ password: string }>
      title={`重置密码：${staff.account}`}
      width={420}
      trigger={
        <Button type="link" size="small">
          重置密码
        </Button>
      }
      modalProps={{ destroyOnHidden: true }}
      onFinish={async ({ password }) => {
        await resetStaffPassword(staff.id, password);
        message.success('密码已重置');
        return true;
      }}
    >
      <ProFormText.Password name="password" label="新密码" rules={[zodRule(StaffPassword)]} />
    </ModalForm>
  );
}
