import { useRef } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Popconfirm, Tag } from 'antd';
import { roleLabel, staffAccountRoles, type StaffAccount } from '@jiugai/shared';
import { formatDateTime } from '../../utils/format';
import { StaffForm } from './components/StaffForm';
import { ResetPasswordButton } from './components/ResetPasswordButton';
import { listStaff, updateStaff } from './service';

export default function StaffPage() {
  const table = useRef<ActionType>();
  const columns: ProColumns<StaffAccount>[] = [
    { title: '账号', dataIndex: 'account', search: false },
    { title: '姓名', dataIndex: 'name', search: false },
    { title: '关键词', dataIndex: 'q', hideInTable: true },
    {
      title: '角色',
      dataIndex: 'role',
      valueType: 'select',
      valueEnum: Object.fromEntries(staffAccountRoles.map((r) => [r, { text: roleLabel[r] }])),
    },
    {
      title: '管辖区域',
      dataIndex: 'scopeRegionName',
      search: false,
      renderText: (v?: string) => v || '全区',
    },
    { title: '手机号', dataIndex: 'phone', search: false },
    {
      title: '状态',
      dataIndex: 'disabled',
      search: false,
      render: (_, r) =>
        r.disabled ? (
          <Tag>已停用</Tag>
        ) : r.locked ? (
          <Tag color="orange">已锁定</Tag>
        ) : (
          <Tag color="green">正常</Tag>
        ),
    },
    { title: '创建时间', dataIndex: 'createdAt', search: false, renderText: formatDateTime },
    {
      title: '操作',
      valueType: 'option',
      render: (_, r) => [
        <Popconfirm
          key="toggle"
          title={r.disabled ? '启用该账号？' : '停用后该账号将无法登录，确定停用？'}
          onConfirm={async () => {
            await updateStaff(r.id, { disabled: !r.disabled });
            table.current?.reload();
          }}
        >
          <Button type="link" size="small">
            {r.disabled ? '启用' : '停用'}
          </Button>
        </Popconfirm>,
        <ResetPasswordButton key="reset" staff={r} />,
      ],
    },
  ];
  return (
    <PageContainer title="账号管理">
      <ProTable<StaffAccount>
        rowKey="id"
        actionRef={table}
        columns={columns}
        request={async ({ current, pageSize, role, q }) => {
          const page = await listStaff({ page: current, size: pageSize, role, q });
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() => [<StaffForm key="new" onCreated={() => table.current?.reload()} />]}
        pagination={{ pageSize: 20 }}
      />
    </PageContainer>
  );
}
