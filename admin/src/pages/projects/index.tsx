import {
  ModalForm,
  PageContainer,
  ProFormDigit,
  ProFormText,
  ProTable,
  type ProColumns,
} from '@ant-design/pro-components';
import { Button, Progress, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { projectStageLabel, type ProjectSummary } from '@jiugai/shared';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useSession } from '../../useSession';
import { createProject, listProjects } from './service';

export default function ProjectsPage() {
  const { access } = useSession();
  const navigate = useNavigate();
  const columns: ProColumns<ProjectSummary>[] = [
    {
      title: '项目',
      dataIndex: 'name',
      search: false,
      render: (_, r) => <Link to={`/projects/${r.id}`}>{r.name}</Link>,
    },
    { title: '关键词', dataIndex: 'q', hideInTable: true },
    { title: '年度', dataIndex: 'year', valueType: 'digit', width: 80 },
    { title: '街道 / 社区', search: false, render: (_, r) => `${r.streetName} / ${r.communityName}` },
    {
      title: '阶段',
      dataIndex: 'stage',
      valueType: 'select',
      valueEnum: Object.fromEntries(Object.entries(projectStageLabel).map(([k, text]) => [k, { text }])),
      render: (_, r) => (
        <>
          <Tag color="blue">{r.stageLabel}</Tag>
          {r.overdue && <Tag color="red">节点逾期</Tag>}
          {r.isDemonstration && <Tag color="gold">示范</Tag>}
        </>
      ),
    },
    {
      title: '栋 / 户',
      search: false,
      render: (_, r) => `${r.figures.buildings} 栋 / ${r.figures.households} 户`,
    },
    { title: '建筑面积（㎡）', search: false, render: (_, r) => r.figures.floorArea.toLocaleString('zh-CN') },
    {
      title: '进度',
      dataIndex: 'percent',
      search: false,
      width: 160,
      render: (_, r) => <Progress percent={r.percent} size="small" />,
    },
  ];
  return (
    <PageContainer title="改造项目" content="一个小区、一套方案：每个小区每年一个改造项目。">
      <ProTable<ProjectSummary>
        rowKey="id"
        columns={columns}
        request={async ({ current, pageSize, stage, year, q }) => {
          const page = await listProjects({ page: current, size: pageSize, stage, year, q });
          return { data: page.items, total: page.total, success: true };
        }}
        pagination={{ pageSize: 20 }}
        toolBarRender={() =>
          access['projects.edit']
            ? [
                <ModalForm<{ compoundId: string; year: number; name?: string }>
                  key="new"
                  title="新建改造项目"
                  width={480}
                  trigger={
                    <Button type="primary" icon={<PlusOutlined />}>
                      新建项目
                    </Button>
                  }
                  initialValues={{ year: new Date().getFullYear() }}
                  modalProps={{ destroyOnHidden: true }}
                  onFinish={async (v) => {
                    const project = await createProject({
                      compoundId: v.compoundId,
                      year: v.year,
                      name: v.name || undefined,
                    });
                    navigate(`/projects/${project.id}`);
                    return true;
                  }}
                >
                  <RegionTreeSelect
                    name="compoundId"
                    label="小区"
                    maxLevel="compound"
                    selectLevels={['compound']}
                    rules={[{ required: true, message: '请选择小区' }]}
                  />
                  <ProFormDigit
                    name="year"
                    label="年度"
                    min={2000}
                    max={2100}
                    fieldProps={{ precision: 0 }}
                    rules={[{ required: true }]}
                  />
                  <ProFormText name="name" label="项目名称（可空，默认“小区 + 年度”）" />
                </ModalForm>,
              ]
            : []
        }
      />
    </PageContainer>
  );
}
