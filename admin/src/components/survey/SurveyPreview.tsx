import { useState } from 'react';
import { Card, Checkbox, Empty, Input, Radio, Select, Space, Typography, Upload } from 'antd';
import { isQuestionShown, type SurveyAnswers, type SurveyQuestion } from '@jiugai/shared';

interface Props {
  title: string;
  description?: string;
  questions: SurveyQuestion[];
}

/** The survey as a resident sees it on the phone: show-if conditions apply live as the preview is answered. */
export function SurveyPreview({ title, description, questions }: Props) {
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const set = (id: string, v: SurveyAnswers[string] | undefined) =>
    setAnswers((a) => {
      const next = { ...a };
      if (v === undefined) delete next[id];
      else next[id] = v;
      return next;
    });
  const shown = questions.filter((q) => isQuestionShown(q, answers));
  return (
    <div
      style={{
        maxWidth: 420,
        margin: '0 auto',
        border: '8px solid #222',
        borderRadius: 24,
        padding: 16,
        background: '#fafafa',
      }}
    >
      <Typography.Title level={5}>{title || '（未填写标题）'}</Typography.Title>
      {description && <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>}
      {shown.length === 0 && <Empty description="还没有题目" />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {shown.map((q, i) => (
          <Card
            key={q.id}
            size="small"
            title={`${i + 1}. ${q.title || '（未填写题目）'}${q.required ? ' *' : ''}`}
          >
            {q.type === 'single' && (
              <Radio.Group value={answers[q.id]} onChange={(e) => set(q.id, e.target.value)}>
                <Space direction="vertical">
                  {q.options.map((o) => (
                    <Radio key={o.id} value={o.id}>
                      {o.label}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            )}
            {q.type === 'multiple' && (
              <Checkbox.Group
                value={(answers[q.id] as string[]) ?? []}
                options={q.options.map((o) => ({ value: o.id, label: o.label }))}
                onChange={(v) => set(q.id, v as string[])}
              />
            )}
            {q.type === 'text' && <Input.TextArea rows={2} maxLength={q.maxLength} placeholder="请输入" />}
            {q.type === 'scale' && (
              <Radio.Group
                optionType="button"
                value={answers[q.id]}
                onChange={(e) => set(q.id, e.target.value)}
                options={Array.from({ length: q.max - q.min + 1 }, (_, k) => ({
                  value: q.min + k,
                  label: String(q.min + k),
                }))}
              />
            )}
            {q.type === 'ranking' && (
              <Select
                mode="multiple"
                style={{ width: '100%' }}
                placeholder={`按紧迫程度依次选择${q.pick ? `（前 ${q.pick} 项）` : ''}`}
                maxCount={q.pick}
                value={(answers[q.id] as string[]) ?? []}
                options={q.items.map((o) => ({ value: o.id, label: o.label }))}
                onChange={(v: string[]) => set(q.id, v)}
              />
            )}
            {q.type === 'photo' && (
              <Upload listType="picture-card" disabled>
                <span>上传照片（最多 {q.maxPhotos} 张）</span>
              </Upload>
            )}
          </Card>
        ))}
      </Space>
    </div>
  );
}
