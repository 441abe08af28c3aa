import { Button, Card, Form, Input, InputNumber, Select, Space, Switch, Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { surveyQuestionTypeLabel, type SurveyQuestion } from '@jiugai/shared';
import { OptionsEditor } from './OptionsEditor';
import type { showIfSources } from '../questionDrafts';

interface Props {
  question: SurveyQuestion;
  index: number;
  sources: ReturnType<typeof showIfSources>;
  onChange: (q: SurveyQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One question of the builder: title, required, the fields its type needs, and an optional show-if. */
export function QuestionEditor({ question: q, index, sources, onChange, onMove, onRemove }: Props) {
  const no = index + 1;
  const patch = (p: Partial<SurveyQuestion>) => onChange({ ...q, ...p } as SurveyQuestion);
  const source = sources.find((s) => s.id === q.showIf?.questionId);
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>第 {no} 题</span>
          <Tag color="blue">{surveyQuestionTypeLabel[q.type]}</Tag>
        </Space>
      }
      extra={
        <Space>
          <Button
            size="small"
            aria-label={`上移第${no}题`}
            icon={<ArrowUpOutlined />}
            onClick={() => onMove(-1)}
          />
          <Button
            size="small"
            aria-label={`下移第${no}题`}
            icon={<ArrowDownOutlined />}
            onClick={() => onMove(1)}
          />
          <Button
            size="small"
            danger
            aria-label={`删除第${no}题`}
            icon={<DeleteOutlined />}
            onClick={onRemove}
          />
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        <Form.Item label="题目" required>
          <Input
            aria-label={`第${no}题题目`}
            value={q.title}
            maxLength={200}
            onChange={(e) => patch({ title: e.target.value })}
          />
        </Form.Item>
        <Form.Item label="必答">
          <Switch
            aria-label={`第${no}题必答`}
            checked={q.required}
            onChange={(required) => patch({ required })}
          />
        </Form.Item>
        {(q.type === 'single' || q.type === 'multiple') && (
          <Form.Item label="选项">
            <OptionsEditor questionNo={no} value={q.options} onChange={(options) => patch({ options })} />
          </Form.Item>
        )}
        {q.type === 'multiple' && (
          <Space>
            <Form.Item label="最少选">
              <InputNumber
                min={0}
                max={q.options.length}
                value={q.minSelect}
                onChange={(v) => patch({ minSelect: v ?? 0 })}
              />
            </Form.Item>
            <Form.Item label="最多选">
              <InputNumber
                min={1}
                max={q.options.length}
                value={q.maxSelect}
                placeholder="不限"
                onChange={(v) => patch({ maxSelect: v ?? undefined })}
              />
            </Form.Item>
          </Space>
        )}
        {q.type === 'ranking' && (
          <>
            <Form.Item label="参与排序的改造内容">
              <OptionsEditor
                questionNo={no}
                itemName="改造内容"
                value={q.items}
                onChange={(items) => patch({ items })}
              />
            </Form.Item>
            <Form.Item label="排前几项">
              <InputNumber
                min={1}
                max={q.items.length}
                value={q.pick}
                placeholder="全部"
                onChange={(v) => patch({ pick: v ?? undefined })}
              />
            </Form.Item>
          </>
        )}
        {q.type === 'scale' && (
          <Space wrap>
            <Form.Item label="最低分">
              <InputNumber min={0} max={1} value={q.min} onChange={(v) => patch({ min: v ?? 1 })} />
            </Form.Item>
            <Form.Item label="最高分">
              <InputNumber min={2} max={10} value={q.max} onChange={(v) => patch({ max: v ?? 5 })} />
            </Form.Item>
            <Form.Item label="最低分含义">
              <Input
                value={q.minLabel}
                maxLength={20}
                onChange={(e) => patch({ minLabel: e.target.value })}
              />
            </Form.Item>
            <Form.Item label="最高分含义">
              <Input
                value={q.maxLabel}
                maxLength={20}
                onChange={(e) => patch({ maxLabel: e.target.value })}
              />
            </Form.Item>
          </Space>
        )}
        {q.type === 'text' && (
          <Form.Item label="最多字数">
            <InputNumber
              min={1}
              max={2000}
              value={q.maxLength}
              onChange={(v) => patch({ maxLength: v ?? 500 })}
            />
          </Form.Item>
        )}
        {q.type === 'photo' && (
          <Form.Item label="最多照片数">
            <InputNumber min={1} max={9} value={q.maxPhotos} onChange={(v) => patch({ maxPhotos: v ?? 3 })} />
          </Form.Item>
        )}
        {sources.length > 0 && (
          <Form.Item label="显示条件（前面某题选了以下选项时才显示）">
            <Space wrap>
              <Select
                aria-label={`第${no}题显示条件题目`}
                allowClear
                placeholder="总是显示"
                style={{ minWidth: 220 }}
                value={q.showIf?.questionId}
                options={sources.map((s) => ({ value: s.id, label: s.title || s.id }))}
                onChange={(questionId?: string) =>
                  patch({ showIf: questionId ? { questionId, optionIds: [] } : undefined })
                }
              />
              {source && (
                <Select
                  aria-label={`第${no}题显示条件选项`}
                  mode="multiple"
                  style={{ minWidth: 220 }}
                  value={q.showIf?.optionIds}
                  options={source.options.map((o) => ({ value: o.id, label: o.label }))}
                  onChange={(optionIds: string[]) => patch({ showIf: { questionId: source.id, optionIds } })}
                />
              )}
            </Space>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
