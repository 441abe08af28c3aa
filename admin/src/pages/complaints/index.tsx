import { useCallback, useRef, useState } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Rate } from 'antd';
import {
  complaintCategoryLabel,
  complaintStatusLabel,
  escalationLevelLabel,
  type ComplaintSummary,
} from '@jiugai/shared';
import { ProjectSelect } from '../../components/ProjectSelect';
import { useSession } from '../../useSession';
import { formatDateTime } from '../../utils/format';
import { ComplaintDrawer } from './components/ComplaintDrawer';
import { ComplaintStatusTag } from './components/ComplaintStatusTag';
import { listComplaints } from './service';

const textEnum = (labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).map(([k, text]) => [k, { text }]));

export default function ComplaintsPage() {
  const { access } = useSession();
  const table = useRef<ActionType>();
  const [openId, setOpenId] = useState<string>();
  const close = useCallback(() => setOpenId(undefined), []);

  const columns: ProColumns<ComplaintSummary>[] = [
    { title: '提交时间', dataIndex: 'createdAt', search: false, width: 150, renderText: formatDateTime },
    {
      title: '项目',
      dataIndex: 'projectId',
      hideInTable: true,
      renderFormItem: () => <ProjectSelect allowClear placeholder="全部项目" />,
    },
    { title: '项目', dataIndex: 'projectName', search: false },
    {
      title: '类别',
      dataIndex: 'category',
      valueType: 'select',
      valueEnum: textEnum(complaintCategoryLabel),
      width: 110,
    },
    { title: '内容', dataIndex: 'text', search: false, ellipsis: true },
    { title: '楼栋', dataIndex: 'buildingName', search: false, width: 90 },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: textEnum(complaintStatusLabel),
      width: 150,
      render: (_, r) => <ComplaintStatusTag status={r.status} overdue={r.overdue} />,
    },
    {
      title: '超时',
      dataIndex: 'overdue',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { true: { text: '已超时' }, false: { text: '未超时' } },
    },
    {
      title: '督办层级',
      dataIndex: 'escalation',
      valueType: 'select',
      valueEnum: textEnum(escalationLevelLabel),
      width: 90,
      render: (_, r) => escalationLevelLabel[r.escalationLevel],
    },
    { title: '办理时限', dataIndex: 'dueAt', search: false, width: 150, renderText: formatDateTime },
    {
      title: '评价',
      dataIndex: 'rating',
      search: false,
      width: 140,
      render: (_, r) => (r.rating ? <Rate disabled value={r.rating.score} style={{ fontSize: 12 }} /> : '—'),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 80,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setOpenId(r.id)}>
          {access['complaints.handle'] && r.status !== 'closed' ? '办理' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title="投诉处理"
      content="按时限办理居民投诉；超时未办的投诉标红并自动督办至街道办、区住建局。"
    >
      <ProTable<ComplaintSummary>
        rowKey="id"
        actionRef={table}
        columns={columns}
        rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
        onRow={(r) => ({ style: r.overdue ? { background: '#fff1f0' } : undefined })}
        request={async ({ current, pageSize, status, category, overdue, projectId, escalation }) => {
          const page = await listComplaints({
            page: current,
            size: pageSize,
            status,
            category,
            overdue,
            projectId,
            escalation,
          });
          return { data: page.items, total: page.total, success: true };
        }}
        pagination={{ pageSize: 20 }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
      />
      <ComplaintDrawer
        id={openId}
        canHandle={access['complaints.handle']}
        onClose={close}
        onChanged={() => table.current?.reload()}
      />
    </PageContainer>
  );
}
