import { useRef } from 'react';
import {
  ModalForm,
  PageContainer,
  ProFormTextArea,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { Button, Popconfirm, Tag } from 'antd';
import { BindingReject, bindingStatusLabel, type BindingRequestView } from '@jiugai/shared';
import { formatDateTime } from '../../utils/format';
import { zodRule } from '../../utils/zodRule';
import { approveBinding, listBindings, rejectBinding } from './service';

const statusColor = { pending: 'orange', approved: 'green', rejected: 'default' } as const;

export default function BindingsPage() {
  const table = useRef<ActionType>();
  const reload = () => table.current?.reload();
  const columns: ProColumns<BindingRequestView>[] = [
    { title: '申请时间', dataIndex: 'createdAt', search: false, renderText: formatDateTime },
    {
      title: '房屋',
      search: false,
      render: (_, r) => `${r.compoundName} ${r.buildingName} ${r.unit}单元 ${r.room}`,
    },
    { title: '申请人', dataIndex: 'name', search: false },
    { title: '手机号', dataIndex: 'phone', search: false },
    {
      title: '与业主登记信息',
      dataIndex: 'matchesOwner',
      search: false,
      render: (_, r) =>
        r.matchesOwner ? <Tag color="green">姓名一致</Tag> : <Tag color="red">姓名不一致，请核实</Tag>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      initialValue: 'pending',
      valueEnum: Object.fromEntries(Object.entries(bindingStatusLabel).map(([k, text]) => [k, { text }])),
      render: (_, r) => (
        <>
          <Tag color={statusColor[r.status]}>{bindingStatusLabel[r.status]}</Tag>
          {r.rejectReason}
        </>
      ),
    },
    {
      title: '操作',
      valueType: 'option',
      render: (_, r) =>
        r.status === 'pending'
          ? [
              <Popconfirm
                key="ok"
                title="确认该居民是此户业主或家庭成员？"
                onConfirm={async () => {
                  await approveBinding(r.id);
                  reload();
                }}
              >
                <Button type="link" size="small">
                  通过
                </Button>
              </Popconfirm>,
              <ModalForm<{ reason: string }>
                key="no"
                title="不通过的原因"
                width={420}
                trigger={
                  <Button type="link" size="small" danger>
                    不通过
                  </Button>
                }
                onFinish={async ({ reason }) => {
                  await rejectBinding(r.id, reason);
                  reload();
                  return true;
                }}
              >
                <ProFormTextArea
                  name="reason"
                  label="原因（居民可见）"
                  rules={[zodRule(BindingReject.shape.reason)]}
                />
              </ModalForm>,
            ]
          : [],
    },
  ];
  return (
    <PageContainer
      title="住户绑定"
      content="居民在小程序申请绑定房屋，社区核对后通过；也可在“区域与住户”打印一次性绑定码发给住户。"
    >
      <ProTable<BindingRequestView>
        rowKey="id"
        actionRef={table}
        columns={columns}
        request={async ({ current, pageSize, status }) => {
          const page = await listBindings({ page: current, size: pageSize, status });
          return { data: page.items, total: page.total, success: true };
        }}
        pagination={{ pageSize: 20 }}
      />
    </PageContainer>
  );
}
