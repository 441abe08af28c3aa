import { useEffect, useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Descriptions, Progress, Tabs, Tag } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { ProjectDetail } from '@jiugai/shared';
import { PageLoading } from '../../components/PageLoading';
import { useSession } from '../../useSession';
import { AcceptancePanel } from './components/AcceptancePanel';
import { OverviewForm } from './components/OverviewForm';
import { PlanEditor } from './components/PlanEditor';
import { ProgressPanel } from './components/ProgressPanel';
import { ReviewsPanel } from './components/ReviewsPanel';
import { StagePanel } from './components/StagePanel';
import { getProject } from './service';

export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { access } = useSession();
  const [project, setProject] = useState<ProjectDetail>();
  useEffect(() => {
    getProject(id).then(setProject, () => navigate('/projects'));
  }, [id, navigate]);
  if (!project) return <PageLoading />;
  const edit = access['projects.edit'];
  return (
    <PageContainer
      title={project.name}
      onBack={() => navigate('/projects')}
      tags={[
        <Tag key="stage" color="blue">
          {project.stageLabel}
        </Tag>,
        ...(project.overdue
          ? [
              <Tag key="overdue" color="red">
                节点逾期
              </Tag>,
            ]
          : []),
        ...(project.isDemonstration
          ? [
              <Tag key="demo" color="gold">
                示范项目
              </Tag>,
            ]
          : []),
      ]}
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => navigate(`/projects/${id}/board`)}>
          打印公示栏
        </Button>
      }
      content={
        <Descriptions size="small" column={4}>
          <Descriptions.Item label="小区">{project.compoundName}</Descriptions.Item>
          <Descriptions.Item label="街道 / 社区">{`${project.streetName} / ${project.communityName}`}</Descriptions.Item>
          <Descriptions.Item label="规模">{`${project.figures.buildings} 栋 ${project.figures.households} 户`}</Descriptions.Item>
          <Descriptions.Item label="进度">
            <Progress percent={project.percent} size="small" style={{ width: 140 }} />
          </Descriptions.Item>
        </Descriptions>
      }
    >
      <Tabs
        items={[
          {
            key: 'overview',
            label: '项目概况',
            children: <OverviewForm project={project} editable={edit} onSaved={setProject} />,
          },
          {
            key: 'plan',
            label: '改造方案',
            children: <PlanEditor project={project} editable={edit} onSaved={setProject} />,
          },
          {
            key: 'reviews',
            label: '专家评审',
            children: (
              <ReviewsPanel project={project} canReview={access['reviews.write']} onSaved={setProject} />
            ),
          },
          {
            key: 'stage',
            label: '阶段与节点',
            children: (
              <StagePanel project={project} canChangeStage={access['projects.stage']} onSaved={setProject} />
            ),
          },
          {
            key: 'progress',
            label: '施工进度',
            children: <ProgressPanel project={project} editable={edit} />,
          },
          {
            key: 'acceptance',
            label: '验收与移交',
            children: <AcceptancePanel project={project} editable={edit} onSaved={setProject} />,
          },
        ]}
      />
    </PageContainer>
  );
}
