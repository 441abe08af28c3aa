import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { thresholdExplained, thresholdInWords, type TallyView, type VoteView } from '@jiugai/shared';
import { Section } from '../../../components/Section';
import { StatusTag } from '../../../components/StatusTag';
import { resultTone } from '../../../services/votes';
import { FigureLine, VoteTallyView, areaText, peopleText } from './VoteTallyView';

/** One sentence saying why the vote ended as it did. */
function resultExplained(vote: VoteView, tally: TallyView): string {
  const participation = thresholdInWords(tally.participation.threshold);
  const approval = tally.approval ? thresholdInWords(tally.approval.threshold) : '';
  const winner = tally.approval?.options.find((o) => o.optionId === tally.winningOptionId);
  if (tally.result === 'not_valid')
    return `参加表决的专有面积或人数未达到${participation}，本次表决无效，表决事项不生效。`;
  if (tally.result === 'passed')
    return vote.kind === 'yes_no'
      ? `参加表决的面积和人数都达到${participation}；同意的面积和人数都${approval}，表决通过。`
      : `参加表决的面积和人数都达到${participation}；选择「${winner?.label ?? ''}」的面积和人数都${approval}，按此方案通过。`;
  return vote.kind === 'yes_no'
    ? `参加表决的面积和人数都达到${participation}，但同意的面积和人数没有都${approval}，表决未通过。`
    : `参加表决的面积和人数都达到${participation}，但没有一个方案的面积和人数都${approval}，表决未通过。`;
}

/**
 * A closed vote's result for residents: the verdict in words, participation and approval by area and by
 * headcount as exact fractions and percentages, each checked against the legal threshold.
 */
export function VoteResultView({
  vote,
  tally,
  mine,
}: {
  vote: VoteView;
  tally: TallyView;
  /** Shown right after the verdict: the resident's own household ballots. */
  mine?: ReactNode;
}) {
  const approval = tally.approval;
  return (
    <>
      <Section title="表决结果">
        <View className="block" style={{ margin: '8px 0' }}>
          <Text className="muted">结果：</Text>
          <StatusTag label={tally.resultLabel ?? '计票中'} tone={resultTone(tally.result)} />
        </View>
        <Text className="block">{resultExplained(vote, tally)}</Text>
      </Section>
      {mine}
      <VoteTallyView tally={tally} />
      {approval && (
        <Section title="各选项得票">
          <Text className="block muted">
            按参加表决者计算。通过要求：{vote.kind === 'yes_no' ? '同意' : '同一方案'}
            的专有面积和人数都要{thresholdExplained(approval.threshold)}。
          </Text>
          {approval.options.map((o) => {
            // Only an approving option (同意, or one of the plans) is held against the threshold.
            const approving = vote.kind !== 'yes_no' || o.optionId === 'yes';
            const threshold = approving ? approval.threshold : undefined;
            return (
              <View key={o.optionId} className="row" style={{ display: 'block' }}>
                <Text className="block" style={{ fontWeight: 700 }}>
                  {o.label}：{o.households} 户{' '}
                  {!approving
                    ? ''
                    : !tally.participation.met
                      ? '（参与不足，不能通过）'
                      : o.passed
                        ? '（达到通过条件）'
                        : '（未达到通过条件）'}
                </Text>
                <FigureLine
                  label="面积占参与者"
                  text={areaText(o.area)}
                  ratio={o.area}
                  threshold={threshold}
                />
                <FigureLine
                  label="人数占参与者"
                  text={peopleText(o.headcount)}
                  ratio={o.headcount}
                  threshold={threshold}
                />
              </View>
            );
          })}
          <View className="row" style={{ display: 'block' }}>
            <Text className="block" style={{ fontWeight: 700 }}>
              弃权：{approval.abstentions.households} 户
            </Text>
            <FigureLine
              label="面积占参与者"
              text={areaText(approval.abstentions.area)}
              ratio={approval.abstentions.area}
            />
            <FigureLine
              label="人数占参与者"
              text={peopleText(approval.abstentions.headcount)}
              ratio={approval.abstentions.headcount}
            />
            <Text className="block muted">弃权算作参加表决，但不算同意。</Text>
          </View>
        </Section>
      )}
    </>
  );
}
