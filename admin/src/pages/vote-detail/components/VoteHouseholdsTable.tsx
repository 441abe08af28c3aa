import { ProTable } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { participationChannelLabel, type VoteHouseholdRow, type VoteView } from '@jiugai/shared';
import { formatDateTime } from '../../../utils/format';
import { listVoteHouseholds } from '../service';

/** The per-household record: who voted, by which channel, and (after close) what they chose. */
export function VoteHouseholdsTable({ vote, reloadKey }: { vote: VoteView; reloadKey: number }) {
  const optionLabel = (id?: string) => vote.options.find((o) => o.id === id)?.label ?? '—';
  return (
    <ProTable<VoteHouseholdRow>
      headerTitle="逐户记录"
      rowKey="householdId"
      params={{ reloadKey }}
      search={{ labelWidth: 'auto' }}
      options={false}
      request={async ({ current, pageSize, voted }) => {
        const page = await listVoteHouseholds(vote.id, { page: current, size: pageSize, voted });
        return { data: page.items, total: page.total, success: true };
      }}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: '房屋', dataIndex: 'address', search: false },
        { title: '业主', dataIndex: 'owner', search: false },
        {
          title: '面积（㎡）',
          dataIndex: 'areaCenti',
          search: false,
          renderText: (v: number) => (v / 100).toFixed(2),
        },
        {
          title: '是否投票',
          dataIndex: 'voted',
          valueType: 'select',
          valueEnum: { true: { text: '已投票' }, false: { text: '未投票' } },
          render: (_, r) => (r.voted ? <Tag color="green">已投票</Tag> : <Tag>未投票</Tag>),
        },
        {
          title: '渠道',
          dataIndex: 'channel',
          search: false,
          renderText: (c?: keyof typeof participationChannelLabel) =>
            c ? participationChannelLabel[c] : '—',
        },
        { title: '投票时间', dataIndex: 'castAt', search: false, renderText: formatDateTime },
        {
          title: '选择',
          dataIndex: 'optionId',
          search: false,
          renderText: (id?: string) => (vote.status === 'closed' ? optionLabel(id) : '结束后公布'),
        },
      ]}
    />
  );
}
