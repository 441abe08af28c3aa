import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import {
  complaintCategoryLabel,
  complaintStatusLabel,
  complaintVisibilityLabel,
  escalationLevelLabel,
  type ComplaintView,
} from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { Row, Section } from '../../../components/Section';
import { BigButton } from '../../../components/BigButton';
import { StatusTag } from '../../../components/StatusTag';
import { PhotoGrid } from '../../../components/PhotoGrid';
import { fetchComplaint, rateComplaint, reopenComplaint } from '../../../services/complaints';
import { formatDateTime } from '../../../services/format';
import { ComplaintTimeline } from './ComplaintTimeline';

const scores = [1, 2, 3, 4, 5];
const scoreWords = ['', '很不满意', '不满意', '一般', '满意', '很满意'];

/** One complaint: status timeline, the reply, and once closed: rate it or reopen it. */
export default function ComplaintPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [c, setC] = useState<ComplaintView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [score, setScore] = useState(0);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetchComplaint(id)
      .then(setC)
      .catch((e: Error) => setError(e.message));
  }, [id]);

  const act = async (fn: () => Promise<ComplaintView>) => {
    setBusy(true);
    try {
      setC(await fn());
      setReason('');
    } catch {
      // the request funnel already showed the server's message
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell loading={!c && !error} error={error}>
      {c && (
        <>
          <Text className="title">{complaintCategoryLabel[c.category]}</Text>
          <View>
            <StatusTag
              label={complaintStatusLabel[c.status]}
              tone={c.status === 'closed' ? 'good' : 'warn'}
            />
            {c.overdue && (
              <StatusTag label={`已超时，${escalationLevelLabel[c.escalationLevel]}督办中`} tone="bad" />
            )}
          </View>
          <Section title="投诉内容">
            <Text className="block">{c.text}</Text>
            <PhotoGrid photos={c.photos} label="投诉照片" />
            <Row label="项目">{c.projectName}</Row>
            {c.buildingName && <Row label="楼栋">{c.buildingName}</Row>}
            <Row label="公开方式">{complaintVisibilityLabel[c.visibility]}</Row>
            {c.dueAt && c.status !== 'closed' && <Row label="办理时限">{formatDateTime(c.dueAt)} 前</Row>}
          </Section>
          {c.reply && (
            <Section title="办理答复">
              <Text className="block">{c.reply.text}</Text>
              <Text className="block muted">{formatDateTime(c.reply.at)}</Text>
            </Section>
          )}
          <Section title="办理进度">
            <ComplaintTimeline history={c.history} />
          </Section>
          {c.rating && (
            <Section title="我的评价">
              <Text className="block">
                {c.rating.score} 分（{scoreWords[c.rating.score]}）{c.rating.comment}
              </Text>
            </Section>
          )}
          {c.status === 'closed' && !c.rating && (
            <Section title="请评价办理结果">
              {scores.map((s) => (
                <View
                  key={s}
                  className={`choice ${score === s ? 'choice-on' : ''}`}
                  onClick={() => setScore(s)}
                >
                  <Text className="choice-mark">{score === s ? '✓' : '○'}</Text>
                  <Text>
                    {s} 分 · {scoreWords[s]}
                  </Text>
                </View>
              ))}
              <BigButton
                kind="primary"
                disabled={!score || busy}
                onClick={() => void act(() => rateComplaint(id, { score }))}
              >
                提交评价
              </BigButton>
            </Section>
          )}
          {c.status === 'closed' && (
            <Section title="问题没有解决？">
              <Textarea
                className="textarea"
                value={reason}
                placeholder="请说明还存在什么问题"
                onInput={(e) => setReason(e.detail.value)}
              />
              <BigButton
                kind="danger"
                disabled={busy}
                onClick={() => void act(() => reopenComplaint(id, { reason }))}
              >
                重新打开投诉
              </BigButton>
            </Section>
          )}
        </>
      )}
    </PageShell>
  );
}
