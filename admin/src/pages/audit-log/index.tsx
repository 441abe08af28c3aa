import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { roleLabel, type AuditEntryView, type Role } from '@jiugai/shared';
import { formatDateTime } from '../../utils/format';
import { listAudit } from './service';

const actionGroups: Record<string, string> = {
  'survey.': '征求意见',
  'vote.': '业主表决',
  'ballot.': '投票',
  'complaint.': '投诉',
  'project.': '改造项目',
  'household.': '住户',
  'binding.': '绑定',
  'staff.': '账号',
  'region.': '区域',
};

export default function AuditLogPage() {
  const columns: ProColumns<AuditEntryView>[] = [
    { title: '时间', dataIndex: 'at', search: false, width: 150, renderText: formatDateTime },
    {
      title: '时间范围',
      dataIndex: 'range',
      valueType: 'dateRange',
      hideInTable: true,
    },
    {
      title: '类别',
      dataIndex: 'action',
      valueType: 'select',
      valueEnum: Object.fromEntries(Object.entries(actionGroups).map(([k, text]) => [k, { text }])),
      render: (_, r) => <Tag>{r.action}</Tag>,
      width: 170,
    },
    {
      title: '操作人',
      dataIndex: 'actorName',
      search: false,
      render: (_, r) => `${r.actorName}（${roleLabel[r.actorRole as Role] ?? r.actorRole}）`,
    },
    { title: '渠道', dataIndex: 'channel', search: false, width: 90 },
    { title: '内容', dataIndex: 'summary', search: false, ellipsis: true },
    { title: '对象', dataIndex: 'targetId', search: false, width: 120, render: (_, r) => `${r.targetType}` },
  ];
  return (
    <PageContainer title="操作日志" content="工作人员的每一次写操作和居民的每一张选票都有记录，不可修改。">
      <ProTable<AuditEntryView>
        rowKey="id"
        columns={columns}
        request={async ({ current, pageSize, action, range }) => {
          const [from, to] = (range as string[] | undefined) ?? [];
          const page = await listAudit({
            page: current,
            size: pageSize,
            action,
            from: from ? dayjs(from).format('YYYY-MM-DD') : undefined,
            to: to ? dayjs(to).format('YYYY-MM-DD') : undefined,
          });
          return { data: page.items, total: page.total, success: true };
        }}
        pagination={{ pageSize: 20 }}
      />
    </PageContainer>
  );
}
