import { ProForm, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Card, List, Space, Tag } from 'antd';
import { ExpertReviewCreate, reviewVerdictLabel, reviewVerdicts, type ProjectDetail } from '@jiugai/shared';
import { formatDateTime } from '../../../utils/format';
import { zodRule } from '../../../utils/zodRule';
import { addReview } from '../service';

const verdictColor = { pass: 'green', revise: 'orange', reject: 'red' } as const;

/** Expert review opinions; experts add theirs while the project is in 专家评审. */
export function ReviewsPanel({
  project,
  canReview,
  onSaved,
}: {
  project: ProjectDetail;
  canReview: boolean;
  onSaved: (p: ProjectDetail) => void;
}) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title="专家评审意见">
        <List
          dataSource={project.reviews}
          locale={{ emptyText: '暂无评审意见' }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space>
                    {r.expertName}
                    <Tag color={verdictColor[r.verdict]}>{reviewVerdictLabel[r.verdict]}</Tag>
                    {formatDateTime(r.at)}
                  </Space>
                }
                description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.opinion}</span>}
              />
            </List.Item>
          )}
        />
      </Card>
      {canReview &&
        (project.stage === 'review' ? (
          <Card title="录入评审意见">
            <ProForm<ExpertReviewCreate>
              submitter={{ searchConfig: { submitText: '提交评审意见' }, resetButtonProps: false }}
              onFinish={async (v) => {
                onSaved(await addReview(project.id, v));
                return true;
              }}
            >
              <ProFormTextArea
                name="opinion"
                label="评审意见"
                fieldProps={{ rows: 4 }}
                rules={[zodRule(ExpertReviewCreate.shape.opinion)]}
              />
              <ProFormRadio.Group
                name="verdict"
                label="结论"
                rules={[{ required: true, message: '请选择评审结论' }]}
                options={reviewVerdicts.map((v) => ({ value: v, label: reviewVerdictLabel[v] }))}
              />
            </ProForm>
          </Card>
        ) : (
          <Alert type="info" showIcon message="项目进入“专家评审”阶段后可录入评审意见" />
        ))}
    </Space>
  );
}
