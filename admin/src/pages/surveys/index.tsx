import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { surveyStatusLabel, type SurveyView } from '@jiugai/shared';
import { ProjectSelect } from '../../components/ProjectSelect';
import { StatusTag } from '../../components/StatusTag';
import { useSession } from '../../useSession';
import { formatDateTime } from '../../utils/format';
import { listSurveys } from './service';

export default function SurveysPage() {
  const { access } = useSession();
  const navigate = useNavigate();
  const columns: ProColumns<SurveyView>[] = [
    {
      title: '标题',
      dataIndex: 'title',
      search: false,
      render: (_, r) => <Link to={`/surveys/${r.id}`}>{r.title}</Link>,
    },
    {
      title: '项目',
      dataIndex: 'projectId',
      hideInTable: true,
      renderFormItem: () => <ProjectSelect allowClear placeholder="全部项目" />,
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(Object.entries(surveyStatusLabel).map(([k, text]) => [k, { text }])),
      render: (_, r) => <StatusTag status={r.status} label={r.statusLabel} />,
    },
    { title: '版本', dataIndex: 'version', search: false, renderText: (v: number) => `第 ${v} 版` },
    {
      title: '题数',
      dataIndex: 'questions',
      search: false,
      renderText: (q: SurveyView['questions']) => q.length,
    },
    { title: '开始时间', dataIndex: 'opensAt', search: false, renderText: formatDateTime },
    { title: '结束时间', dataIndex: 'closesAt', search: false, renderText: formatDateTime },
    { title: '操作', valueType: 'option', render: (_, r) => <Link to={`/surveys/${r.id}`}>查看</Link> },
  ];
  return (
    <PageContainer title="征求意见" content="征集率 = 已反馈户数 ÷ 小区总户数，目标 ≥ 80%。">
      <ProTable<SurveyView>
        rowKey="id"
        columns={columns}
        request={async ({ current, pageSize, status, projectId }) => {
          const page = await listSurveys({ page: current, size: pageSize, status, projectId });
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() =>
          access['surveys.edit']
            ? [
                <Button
                  key="new"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => navigate('/surveys/new')}
                >
                  新建问卷
                </Button>,
              ]
            : []
        }
        pagination={{ pageSize: 20 }}
      />
    </PageContainer>
  );
}
