import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Col, DatePicker, Dropdown, Form, Input, Row, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import {
  SurveyCreateBody,
  surveyQuestionTypeLabel,
  type SurveyQuestion,
  type SurveyQuestionType,
} from '@jiugai/shared';
import { ProjectSelect } from '../../components/ProjectSelect';
import { SurveyPreview } from '../../components/survey/SurveyPreview';
import { QuestionEditor } from './components/QuestionEditor';
import { moveQuestion, newQuestion, nextId, removeQuestion, showIfSources } from './questionDrafts';
import { createSurvey, fetchPlanItems } from './service';

/** Turns zod issues into lines a person can act on: "第 2 题：至少需要 2 个选项". */
function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((i) =>
    i.path[0] === 'questions' && typeof i.path[1] === 'number'
      ? `第 ${i.path[1] + 1} 题：${i.message}`
      : i.message,
  );
}

export default function SurveyBuilderPage() {
  const navigate = useNavigate();
  const [projectId, setProjectId] = useState<string>();
  const [planItems, setPlanItems] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([
    dayjs().startOf('minute'),
    dayjs().add(30, 'day').endOf('day'),
  ]);
  const [questions, setQuestions] = useState<SurveyQuestion[]>([]);
  const [issues, setIssues] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const add = (type: SurveyQuestionType) =>
    setQuestions((qs) => [
      ...qs,
      newQuestion(
        type,
        nextId(
          'q',
          qs.map((q) => q.id),
        ),
        planItems,
      ),
    ]);

  const submit = async () => {
    const parsed = SurveyCreateBody.safeParse({
      projectId,
      title,
      description,
      questions,
      opensAt: range[0].toISOString(),
      closesAt: range[1].toISOString(),
    });
    if (!projectId)
      return setIssues(['请选择改造项目', ...(parsed.success ? [] : describeIssues(parsed.error))]);
    if (!parsed.success) return setIssues(describeIssues(parsed.error));
    setIssues([]);
    setSaving(true);
    try {
      const survey = await createSurvey(parsed.data);
      navigate(`/surveys/${survey.id}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer title="新建征求意见表" onBack={() => navigate('/surveys')}>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="基本信息" style={{ marginBottom: 16 }}>
            <Form layout="vertical" component="div">
              <Form.Item label="改造项目" required>
                <ProjectSelect
                  value={projectId}
                  onChange={(id) => {
                    setProjectId(id);
                    fetchPlanItems(id).then(setPlanItems, () => setPlanItems([]));
                  }}
                />
              </Form.Item>
              <Form.Item label="标题" required>
                <Input
                  aria-label="问卷标题"
                  value={title}
                  maxLength={100}
                  onChange={(e) => setTitle(e.target.value)}
                />
              </Form.Item>
              <Form.Item label="说明">
                <Input.TextArea
                  aria-label="问卷说明"
                  rows={2}
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                />
              </Form.Item>
              <Form.Item label="征集时间" required>
                <DatePicker.RangePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  value={range}
                  allowClear={false}
                  onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
                />
              </Form.Item>
            </Form>
          </Card>
          <Space direction="vertical" style={{ width: '100%' }}>
            {questions.map((q, i) => (
              <QuestionEditor
                key={q.id}
                question={q}
                index={i}
                sources={showIfSources(questions, i)}
                onChange={(next) => setQuestions((qs) => qs.map((x) => (x.id === q.id ? next : x)))}
                onMove={(d) => setQuestions((qs) => moveQuestion(qs, i, d))}
                onRemove={() => setQuestions((qs) => removeQuestion(qs, q.id))}
              />
            ))}
            <Dropdown
              menu={{
                items: Object.entries(surveyQuestionTypeLabel).map(([key, label]) => ({ key, label })),
                onClick: ({ key }) => add(key as SurveyQuestionType),
              }}
            >
              <Button type="dashed" block icon={<PlusOutlined />}>
                添加题目
              </Button>
            </Dropdown>
            {issues.length > 0 && (
              <Alert
                type="error"
                showIcon
                message="请先修改以下问题"
                description={
                  <ul style={{ margin: 0 }}>
                    {issues.map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Button type="primary" size="large" loading={saving} onClick={submit}>
              保存问卷
            </Button>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="居民端预览" style={{ position: 'sticky', top: 72 }}>
            <SurveyPreview title={title} description={description} questions={questions} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
