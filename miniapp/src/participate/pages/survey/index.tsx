import { useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  checkAnswers,
  isQuestionShown,
  type AnswerValue,
  type SurveyAnswers,
  type SurveyReceipt,
  type SurveyView,
} from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { BigButton } from '../../../components/BigButton';
import { HouseholdPicker } from '../../../components/HouseholdPicker';
import { fetchMe, householdAddress, pickHousehold } from '../../../services/account';
import {
  clearDraft,
  fetchMyResponse,
  fetchSurvey,
  loadDraft,
  saveDraft,
  submitResponse,
} from '../../../services/surveys';
import { formatDateTime } from '../../../services/format';
import { QuestionInput } from '../../components/QuestionInput';
import { SurveyReceiptView } from './SurveyReceiptView';

type Mode = 'intro' | 'question' | 'receipt';
type Household = { householdId: string; address: string };

/** Answers for the questions still shown (show-if), dropping blanks. */
function pruned(survey: SurveyView, answers: SurveyAnswers): SurveyAnswers {
  const out: SurveyAnswers = {};
  for (const q of survey.questions) {
    const a = answers[q.id];
    if (a === undefined || !isQuestionShown(q, answers)) continue;
    if ((typeof a === 'string' && a.trim() === '') || (Array.isArray(a) && a.length === 0)) continue;
    out[q.id] = a;
  }
  return out;
}

/** One question per screen, large text, "第 3 / 12 题"; drafts kept on the device; editable until close. */
export default function SurveyPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [survey, setSurvey] = useState<SurveyView | null>(null);
  const [households, setHouseholds] = useState<Household[]>([]);
  const [householdId, setHouseholdId] = useState('');
  const [receipt, setReceipt] = useState<SurveyReceipt | null>(null);
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const [mode, setMode] = useState<Mode>('intro');
  const [index, setIndex] = useState(0);
  const [problem, setProblem] = useState('');
  const [restored, setRestored] = useState(false);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([fetchSurvey(id), fetchMe()])
      .then(([s, me]) => {
        const mine = me.households.filter((h) => h.compoundId === s.compoundId);
        setSurvey(s);
        setHouseholds(mine.map((h) => ({ householdId: h.id, address: householdAddress(h) })));
        setHouseholdId(pickHousehold(mine.map((h) => h.id)));
      })
      .catch((e: Error) => setError(e.message));
  }, [id]);

  useEffect(() => {
    if (!householdId) return;
    fetchMyResponse(id, householdId)
      .then((r) => {
        const draft = loadDraft(id, householdId);
        setReceipt(r);
        setAnswers(draft?.answers ?? r?.answers ?? {});
        setIndex(draft?.index ?? 0);
        setRestored(Boolean(draft));
        setJustSubmitted(false);
        setMode(r && !draft ? 'receipt' : 'intro');
      })
      .catch((e: Error) => setError(e.message));
  }, [id, householdId]);

  const visible = useMemo(
    () => survey?.questions.filter((q) => isQuestionShown(q, answers)) ?? [],
    [survey, answers],
  );
  const open = survey?.status === 'open';

  if (survey && households.length === 0) {
    return (
      <PageShell>
        <Text className="title">{survey.title}</Text>
        <Text className="block">征求意见按户填写，请先绑定您在本小区的房屋。</Text>
        <BigButton kind="primary" onClick={() => void Taro.navigateTo({ url: '/mine/pages/bind/index' })}>
          去绑定房屋
        </BigButton>
      </PageShell>
    );
  }
  if (!survey || !householdId) return <PageShell loading={!error} error={error} />;

  const setAnswer = (qid: string, value: AnswerValue | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[qid];
    else next[qid] = value;
    setAnswers(next);
    setProblem('');
    saveDraft(id, householdId, { answers: next, index });
  };
  const goTo = (i: number) => {
    setIndex(i);
    setProblem('');
    saveDraft(id, householdId, { answers, index: i });
  };
  const issueFor = (qid: string) =>
    checkAnswers(survey.questions, pruned(survey, answers)).find((i) => i.path === qid);

  const next = () => {
    const q = visible[index];
    const issue = issueFor(q.id);
    if (issue) return setProblem(issue.message);
    goTo(index + 1);
  };
  const submit = async () => {
    const final = pruned(survey, answers);
    const issues = checkAnswers(survey.questions, final);
    if (issues.length > 0) {
      const at = visible.findIndex((q) => q.id === issues[0].path);
      setIndex(Math.max(0, at));
      setProblem(issues[0].message);
      return;
    }
    setBusy(true);
    try {
      const r = await submitResponse(id, householdId, final);
      clearDraft(id, householdId);
      setReceipt(r);
      setJustSubmitted(true);
      setMode('receipt');
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '提交失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const edit = () => {
    setAnswers(receipt?.answers ?? answers);
    setIndex(0);
    setMode('question');
  };

  const header = (
    <View>
      <Text className="title">{survey.title}</Text>
      <Text className="block muted">
        {open ? `截止时间：${formatDateTime(survey.closesAt)}` : `本次征求意见${survey.statusLabel}`}
      </Text>
    </View>
  );

  if (mode === 'receipt' && receipt) {
    return (
      <PageShell>
        {header}
        <SurveyReceiptView receipt={receipt} justSubmitted={justSubmitted} />
        {open && (
          <BigButton kind="primary" onClick={edit}>
            修改我的意见
          </BigButton>
        )}
        <BigButton onClick={() => void Taro.navigateBack()}>返回</BigButton>
      </PageShell>
    );
  }

  if (mode === 'intro' || !open) {
    return (
      <PageShell>
        {header}
        {survey.description && <Text className="block">{survey.description}</Text>}
        <Text className="block">共 {survey.questions.length} 道题，每屏一题，随时可以返回上一题。</Text>
        <HouseholdPicker choices={households} value={householdId} onChange={setHouseholdId} verb="填写" />
        {restored && <Text className="block muted">已恢复您上次未提交的内容。</Text>}
        {open ? (
          <BigButton kind="primary" onClick={() => setMode('question')}>
            {restored ? '继续填写' : '开始填写'}
          </BigButton>
        ) : (
          <Text className="block">本次征求意见未在进行中，不能填写。</Text>
        )}
      </PageShell>
    );
  }

  const i = Math.min(index, visible.length - 1);
  const q = visible[i];
  const last = i === visible.length - 1;
  return (
    <PageShell>
      {header}
      <Text className="block" style={{ fontWeight: 700 }}>
        第 {i + 1} / {visible.length} 题
      </Text>
      <View className="progress" aria-hidden>
        <View className="progress-bar" style={{ width: `${((i + 1) / visible.length) * 100}%` }} />
      </View>
      <View className="section">
        <Text className="block" style={{ fontSize: '1.15em', fontWeight: 700 }}>
          {q.title}
          {q.required ? '（必答）' : '（选答）'}
        </Text>
        <QuestionInput question={q} value={answers[q.id]} onChange={(v) => setAnswer(q.id, v)} />
        {problem && (
          <View role="alert">
            <Text className="error-text">⚠ {problem}</Text>
          </View>
        )}
      </View>
      {last ? (
        <BigButton kind="primary" onClick={() => void submit()} disabled={busy}>
          {busy ? '正在提交…' : receipt ? '提交修改' : '提交'}
        </BigButton>
      ) : (
        <BigButton kind="primary" onClick={next}>
          下一题
        </BigButton>
      )}
      {i > 0 && <BigButton onClick={() => goTo(i - 1)}>上一题</BigButton>}
    </PageShell>
  );
}
