import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
  message,
  type InputRef,
} from 'antd';
import type { RefSelectProps } from 'antd/es/select';
import {
  checkAnswers,
  isQuestionShown,
  participationChannelLabel,
  staffEntryChannels,
  type HouseholdView,
  type RegionNode,
  type StaffEntryChannel,
  type SurveyAnswers,
  type SurveyView,
} from '@jiugai/shared';
import { RequestError } from '../../../request';
import { choiceHint, describeAnswer, parsePaperAnswer } from '../paperAnswers';
import { getBuildings, listBuildingHouseholds, submitPaperResponse } from '../service';

interface Props {
  survey: SurveyView;
  /** Households that have not answered yet (from the collection view). */
  missingIds: Set<string>;
  onSaved: () => void;
}

const householdLabel = (h: HouseholdView) => `${h.unit}单元 ${h.room}`;

/**
 * Entering a stack of paper forms with the keyboard: pick the household by typing its room, type each answer as
 * option numbers, Enter moves to the next question, Enter on the last one saves and starts the next form.
 */
export function PaperEntry({ survey, missingIds, onSaved }: Props) {
  const [buildings, setBuildings] = useState<RegionNode[]>([]);
  const [buildingId, setBuildingId] = useState<string>();
  const [households, setHouseholds] = useState<HouseholdView[]>([]);
  const [householdId, setHouseholdId] = useState<string>();
  const [channel, setChannel] = useState<StaffEntryChannel>('paper');
  const [raw, setRaw] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [savedCount, setSavedCount] = useState(0);
  const householdSelect = useRef<RefSelectProps>(null);
  const inputs = useRef<Record<string, InputRef | null>>({});

  useEffect(() => {
    getBuildings(survey.compoundId).then((list) => {
      setBuildings(list);
      if (list[0]) setBuildingId(list[0].id);
    });
  }, [survey.compoundId]);
  useEffect(() => {
    if (buildingId) listBuildingHouseholds(buildingId).then((p) => setHouseholds(p.items));
  }, [buildingId]);

  const parsed = useMemo(() => {
    const answers: SurveyAnswers = {};
    const errors: Record<string, string> = {};
    for (const q of survey.questions) {
      const r = parsePaperAnswer(q, raw[q.id] ?? '');
      if (r.error) errors[q.id] = r.error;
      else if (r.value !== undefined) answers[q.id] = r.value;
    }
    return { answers, errors };
  }, [raw, survey.questions]);
  const shown = survey.questions.filter((q) => q.type !== 'photo' && isQuestionShown(q, parsed.answers));

  const reset = () => {
    setRaw({});
    setIssues([]);
    setHouseholdId(undefined);
    setTimeout(() => householdSelect.current?.focus(), 0);
  };

  const save = async () => {
    const answers = Object.fromEntries(
      Object.entries(parsed.answers).filter(([id]) => shown.some((q) => q.id === id)),
    );
    const problems = [
      ...(householdId ? [] : ['请选择户']),
      ...Object.entries(parsed.errors).map(
        ([id, e]) => `${survey.questions.find((q) => q.id === id)?.title}：${e}`,
      ),
      ...checkAnswers(survey.questions, answers).map((i) => i.message),
    ];
    setIssues(problems);
    if (problems.length || !householdId) return;
    setSaving(true);
    try {
      await submitPaperResponse(survey.id, householdId, { answers, channel });
      const h = households.find((x) => x.id === householdId);
      message.success(`已录入 ${h ? householdLabel(h) : ''}`);
      setSavedCount((n) => n + 1);
      onSaved();
      reset();
    } catch (err) {
      setIssues([err instanceof RequestError ? err.message : '保存失败，请重试']);
    } finally {
      setSaving(false);
    }
  };

  const focusNext = (index: number) => {
    const next = shown[index + 1];
    if (next) inputs.current[next.id]?.focus();
    else void save();
  };

  return (
    <Card
      title="纸质意见表录入"
      extra={
        <Typography.Text type="secondary">
          本次已录入 {savedCount} 份 · 回车跳到下一题，最后一题回车保存
        </Typography.Text>
      }
    >
      <Form layout="inline" component="div" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="楼栋">
          <Select
            aria-label="楼栋"
            style={{ width: 140 }}
            value={buildingId}
            onChange={setBuildingId}
            options={buildings.map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
        <Form.Item label="户">
          <Select
            ref={householdSelect}
            aria-label="选择户"
            showSearch
            autoFocus
            style={{ width: 220 }}
            placeholder="输入房号，回车选中"
            virtual={false}
            optionFilterProp="label"
            value={householdId}
            onChange={(id: string) => {
              setHouseholdId(id);
              const first = shown[0];
              if (first) setTimeout(() => inputs.current[first.id]?.focus(), 0);
            }}
            options={households.map((h) => ({
              value: h.id,
              label: `${householdLabel(h)}${missingIds.has(h.id) ? '' : ' ✓已反馈'}`,
            }))}
          />
        </Form.Item>
        <Form.Item label="渠道">
          <Radio.Group value={channel} onChange={(e) => setChannel(e.target.value)}>
            {staffEntryChannels.map((c) => (
              <Radio.Button key={c} value={c}>
                {participationChannelLabel[c]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      </Form>
      <Space direction="vertical" style={{ width: '100%' }}>
        {shown.map((q, i) => (
          <div key={q.id}>
            <Typography.Text strong>
              {i + 1}. {q.title}
              {q.required && <Typography.Text type="danger"> *</Typography.Text>}
            </Typography.Text>
            <Space style={{ width: '100%', marginTop: 4 }} align="start">
              <Input
                ref={(el) => {
                  inputs.current[q.id] = el;
                }}
                aria-label={`答案 ${i + 1}`}
                style={{ width: q.type === 'text' ? 480 : 160 }}
                value={raw[q.id] ?? ''}
                status={parsed.errors[q.id] ? 'error' : undefined}
                onChange={(e) => setRaw((r) => ({ ...r, [q.id]: e.target.value }))}
                onPressEnter={(e) => {
                  e.preventDefault();
                  focusNext(i);
                }}
              />
              {parsed.errors[q.id] ? (
                <Typography.Text type="danger">{parsed.errors[q.id]}</Typography.Text>
              ) : (
                parsed.answers[q.id] !== undefined &&
                q.type !== 'text' && <Tag color="blue">{describeAnswer(q, parsed.answers[q.id])}</Tag>
              )}
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {choiceHint(q)}
              </Typography.Text>
            </div>
          </div>
        ))}
        {issues.length > 0 && (
          <Alert type="error" showIcon message="未保存" description={issues.join('；')} />
        )}
        <Space>
          <Button type="primary" loading={saving} onClick={save}>
            保存并录入下一份
          </Button>
          <Button onClick={reset}>清空</Button>
        </Space>
      </Space>
    </Card>
  );
}
