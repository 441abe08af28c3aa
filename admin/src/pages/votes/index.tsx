import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Link, useNavigate } from 'react-router-dom';
import { voteStatusLabel, type VoteView } from '@jiugai/shared';
import { ProjectSelect } from '../../components/ProjectSelect';
import { StatusTag } from '../../components/StatusTag';
import { useSession } from '../../useSession';
import { formatDateTime } from '../../utils/format';
import { VoteCreateForm } from './components/VoteCreateForm';
import { listVotes } from './service';

export default function VotesPage() {
  const { access } = useSession();
  const navigate = useNavigate();
  const columns: ProColumns<VoteView>[] = [
    {
      title: '表决事项',
      dataIndex: 'title',
      search: false,
      render: (_, r) => <Link to={`/votes/${r.id}`}>{r.title}</Link>,
    },
    {
      title: '项目',
      dataIndex: 'projectId',
      hideInTable: true,
      renderFormItem: () => <ProjectSelect allowClear placeholder="全部项目" />,
    },
    { title: '事项类别', dataIndex: 'article278Label', search: false, ellipsis: true },
    { title: '通过规则', dataIndex: 'rule', search: false, ellipsis: true, width: 260 },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(Object.entries(voteStatusLabel).map(([k, text]) => [k, { text }])),
      render: (_, r) => <StatusTag status={r.status} label={r.statusLabel} />,
    },
    { title: '户数', dataIndex: ['totals', 'households'], search: false },
    { title: '开始', dataIndex: 'opensAt', search: false, renderText: formatDateTime },
    { title: '结束', dataIndex: 'closesAt', search: false, renderText: formatDateTime },
    { title: '操作', valueType: 'option', render: (_, r) => <Link to={`/votes/${r.id}`}>查看</Link> },
  ];
  return (
    <PageContainer
      title="业主表决"
      content="依《民法典》第二百七十八条：参与表决的专有面积和人数均须达到三分之二以上。"
    >
      <ProTable<VoteView>
        rowKey="id"
        columns={columns}
        request={async ({ current, pageSize, status, projectId }) => {
          const page = await listVotes({ page: current, size: pageSize, status, projectId });
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() =>
          access['votes.manage']
            ? [<VoteCreateForm key="new" onCreated={(id) => navigate(`/votes/${id}`)} />]
            : []
        }
        pagination={{ pageSize: 20 }}
      />
    </PageContainer>
  );
}
