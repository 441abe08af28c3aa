import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { BallotReceipt, TallyView, VoteView } from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { Row, Section } from '../../../components/Section';
import { BigButton } from '../../../components/BigButton';
import { HouseholdPicker, type HouseholdChoice } from '../../../components/HouseholdPicker';
import { fetchMe, householdAddress, pickHousehold } from '../../../services/account';
import {
  castBallot,
  fetchMyBallot,
  fetchTally,
  fetchVote,
  passingRuleInWords,
} from '../../../services/votes';
import { formatDateTime } from '../../../services/format';
import { BallotChoices } from './BallotChoices';
import { HouseholdBallots, type HouseholdBallot } from './HouseholdBallots';
import { VoteResultView } from './VoteResultView';
import { VoteTallyView } from './VoteTallyView';

type Step = 'choose' | 'confirm' | 'done';

/**
 * A vote explained in plain words, one ballot per household with a confirm screen; after close, the result
 * (verdict, both ratios against the legal thresholds) and the ballots of the resident's own households.
 */
export default function VotePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [vote, setVote] = useState<VoteView | null>(null);
  const [tally, setTally] = useState<TallyView | null>(null);
  const [households, setHouseholds] = useState<HouseholdChoice[]>([]);
  const [householdId, setHouseholdId] = useState('');
  const [ballot, setBallot] = useState<BallotReceipt | null>(null);
  const [choice, setChoice] = useState('');
  const [step, setStep] = useState<Step>('choose');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  const [ownBallots, setOwnBallots] = useState<HouseholdBallot[] | null>(null);
  const [tallyFailed, setTallyFailed] = useState(false);

  const loadTally = () =>
    void fetchTally(id)
      .then(setTally)
      .catch(() => setTallyFailed(true));
  useEffect(() => {
    Promise.all([fetchVote(id), fetchMe()])
      .then(([v, me]) => {
        const eligible = me.households.filter(
          (h) =>
            h.compoundId === v.compoundId &&
            (v.buildingIds.length === 0 || v.buildingIds.includes(h.buildingId)),
        );
        const choices = eligible.map((h) => ({ householdId: h.id, address: householdAddress(h) }));
        setVote(v);
        setHouseholds(choices);
        if (v.status !== 'closed') {
          setHouseholdId(pickHousehold(eligible.map((h) => h.id)));
          return;
        }
        // Closed: every household's own ballot at once, no picking.
        return Promise.all(
          choices.map((c) =>
            fetchMyBallot(id, c.householdId)
              .then((ballot): HouseholdBallot => ({ ...c, ballot }))
              .catch((): HouseholdBallot => ({ ...c, ballot: undefined })),
          ),
        ).then(setOwnBallots);
      })
      .catch((e: Error) => setError(e.message));
    loadTally();
  }, [id]);

  useEffect(() => {
    if (!householdId) return;
    setStep('choose');
    fetchMyBallot(id, householdId)
      .then((b) => {
        setBallot(b);
        setChoice(b?.optionId ?? '');
      })
      .catch(() => setBallot(null));
  }, [id, householdId]);

  if (!vote) return <PageShell loading={!error} error={error} />;
  const rules = (
    <Section title="怎样才算通过">
      {passingRuleInWords(vote.article278Item).map((line) => (
        <Text key={line} className="block">
          · {line}
        </Text>
      ))}
    </Section>
  );
  const matter = (
    <Section title="表决什么">
      {vote.description && <Text className="block">{vote.description}</Text>}
      <Text className="block muted">事项类别：{vote.article278Label}</Text>
    </Section>
  );

  if (vote.status === 'closed') {
    return (
      <PageShell>
        <Text className="title">{vote.title}</Text>
        <Text className="block muted">
          {vote.statusLabel} · 结束时间：{formatDateTime(vote.closesAt)}
        </Text>
        {tally ? (
          <VoteResultView
            vote={vote}
            tally={tally}
            mine={ownBallots && <HouseholdBallots items={ownBallots} />}
          />
        ) : (
          <Text className="block">
            {tallyFailed ? '暂时无法读取表决结果，请稍后再试。' : '正在读取表决结果…'}
          </Text>
        )}
        {rules}
        {matter}
        <BigButton onClick={() => void Taro.navigateBack()}>返回</BigButton>
      </PageShell>
    );
  }

  const open = vote.status === 'open';
  const canVote = open && households.length > 0 && (!ballot || vote.allowChange);
  const chosen = vote.options.find((o) => o.id === choice);
  const address = households.find((h) => h.householdId === householdId)?.address ?? '';

  const pick = (optionId: string) => {
    setChoice(optionId);
    setProblem('');
  };
  const toConfirm = () => {
    if (choice) setStep('confirm');
    else setProblem('请先选择一项');
  };
  const submit = async () => {
    setBusy(true);
    try {
      setBallot(await castBallot(id, householdId, choice));
      setStep('done');
      loadTally();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '投票失败，请重试');
      setStep('choose');
    } finally {
      setBusy(false);
    }
  };

  if (step === 'confirm' && chosen) {
    return (
      <PageShell>
        <Text className="title">请确认您的选择</Text>
        <Section title={vote.title}>
          <Row label="房屋">{address}</Row>
          <Row label="您的选择">{chosen.label}</Row>
        </Section>
        <Text className="block">
          {vote.allowChange ? '截止前还可以修改，以最后一次为准。' : '本次表决提交后不能修改，请确认无误。'}
        </Text>
        <BigButton kind="primary" onClick={() => void submit()} disabled={busy}>
          {busy ? '正在提交…' : '确认投票'}
        </BigButton>
        <BigButton onClick={() => setStep('choose')}>返回修改</BigButton>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <Text className="title">{vote.title}</Text>
      <Text className="block muted">
        {vote.statusLabel} ·{' '}
        {open ? `截止时间：${formatDateTime(vote.closesAt)}` : `结束时间：${formatDateTime(vote.closesAt)}`}
      </Text>
      {matter}
      {rules}
      {tally && <VoteTallyView tally={tally} />}

      {households.length === 0 && open && (
        <Text className="block">您在本小区没有已绑定的房屋，不能参与本次表决。</Text>
      )}
      <HouseholdPicker choices={households} value={householdId} onChange={setHouseholdId} verb="投票" />

      {step === 'done' && ballot && (
        <Section title="✓ 投票成功">
          <Row label="回执编号">{ballot.receiptNo}</Row>
          <Row label="您的选择">{ballot.optionLabel}</Row>
          <Row label="时间">{formatDateTime(ballot.castAt)}</Row>
        </Section>
      )}
      {step !== 'done' && ballot && (
        <Section title="您已投票">
          <Row label="您的选择">{ballot.optionLabel}</Row>
          <Row label="时间">{formatDateTime(ballot.castAt)}</Row>
          {open && !vote.allowChange && <Text className="block muted">本次表决投票后不能修改。</Text>}
        </Section>
      )}

      {canVote && step === 'choose' && (
        <Section title={ballot ? '修改我的选择' : '请选择'}>
          <BallotChoices options={vote.options} value={choice} onChange={pick} />
          {problem && (
            <View role="alert">
              <Text className="error-text">⚠ {problem}</Text>
            </View>
          )}
          <BigButton kind="primary" onClick={toConfirm}>
            下一步：确认
          </BigButton>
        </Section>
      )}
      <BigButton onClick={() => void Taro.navigateBack()}>返回</BigButton>
    </PageShell>
  );
}
