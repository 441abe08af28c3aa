import { Text, View } from '@tarojs/components';
import type { Ratio, TallyView } from '@jiugai/shared';
import { Section } from '../../../components/Section';
import { StatusTag } from '../../../components/StatusTag';
import { formatPercent } from '../../../services/format';

const area = (r: Ratio) =>
  `${formatPercent(r.percent)}（${(r.numerator / 100).toFixed(2)} / ${(r.denominator / 100).toFixed(2)} 平方米）`;
const people = (r: Ratio) => `${formatPercent(r.percent)}（${r.numerator} / ${r.denominator} 人）`;

/** Participation while open; after close also the result with both ratios (area and headcount). */
export function VoteTallyView({ tally }: { tally: TallyView }) {
  const p = tally.participation;
  return (
    <>
      <Section title={tally.status === 'closed' ? '参与情况（最终）' : '当前参与情况'}>
        <Text className="block">
          已有 {p.households} 户参与表决（共 {tally.totals.households} 户）
        </Text>
        <Text className="block">参与面积：{area(p.area)}</Text>
        <Text className="block">参与人数：{people(p.headcount)}</Text>
        <Text className="block muted">两项都需达到三分之二以上，表决才有效。</Text>
        {tally.status !== 'closed' && <Text className="block muted">表决结束前不公布各选项的票数。</Text>}
      </Section>
      {tally.approval && (
        <Section title="表决结果">
          <View>
            <StatusTag label={tally.resultLabel ?? ''} tone={tally.result === 'passed' ? 'good' : 'bad'} />
          </View>
          {tally.approval.options.map((o) => (
            <View key={o.optionId} className="row" style={{ display: 'block' }}>
              <Text className="block" style={{ fontWeight: 700 }}>
                {o.label}：{o.households} 户 {o.passed ? '（达到通过条件）' : '（未达到通过条件）'}
              </Text>
              <Text className="block">面积占参与者：{area(o.area)}</Text>
              <Text className="block">人数占参与者：{people(o.headcount)}</Text>
            </View>
          ))}
          <Text className="block muted">弃权：{tally.approval.abstentions.households} 户</Text>
        </Section>
      )}
    </>
  );
}
