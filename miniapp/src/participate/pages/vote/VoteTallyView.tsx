import { Text, View } from '@tarojs/components';
import { meetsThreshold, thresholdInWords, type Ratio, type TallyView, type Threshold } from '@jiugai/shared';
import { Section } from '../../../components/Section';
import { formatPercent } from '../../../services/format';

/** 66.26%（161.00 / 243.00 平方米）: areas are integers in 0.01 m², so the fraction is exact. */
export const areaText = (r: Ratio) =>
  `${formatPercent(r.percent)}（${(r.numerator / 100).toFixed(2)} / ${(r.denominator / 100).toFixed(2)} 平方米）`;
/** 66.67%（2 / 3 人）. */
export const peopleText = (r: Ratio) => `${formatPercent(r.percent)}（${r.numerator} / ${r.denominator} 人）`;

/**
 * A figure with whether it reaches the legal threshold, in words (✓ 达到三分之二以上 / ✗ 未过半数). The check is
 * exact, in integers: a rounded percentage could say 66.67% for a fraction just below two thirds.
 */
export function FigureLine({
  label,
  text,
  ratio,
  threshold,
}: {
  label: string;
  text: string;
  ratio: Ratio;
  threshold?: Threshold;
}) {
  const met = threshold && meetsThreshold(ratio.numerator, ratio.denominator, threshold);
  const words = threshold ? thresholdInWords(threshold) : '';
  return (
    <View className="block">
      <Text>
        {label}：{text}
      </Text>
      {threshold && (
        // Kept whole on one line, so large font never splits 达到 | 三分之二以上.
        <Text style={{ fontWeight: 700, whiteSpace: 'nowrap', display: 'inline-block', marginLeft: '0.3em' }}>
          {met
            ? ` ✓ ${threshold.strict ? '' : '达到'}${words}`
            : ` ✗ 未${threshold.strict ? '' : '达到'}${words}`}
        </Text>
      )}
    </View>
  );
}

/** Participation: while open the only figures shown (option counts stay hidden until close). */
export function VoteTallyView({ tally }: { tally: TallyView }) {
  const p = tally.participation;
  const closed = tally.status === 'closed';
  return (
    <Section title={closed ? '参加表决情况（最终）' : '当前参与情况'}>
      <Text className="block">
        {closed ? '共有' : '已有'} {p.households} 户参与表决（共 {tally.totals.households} 户）
      </Text>
      <FigureLine
        label="参与面积"
        text={areaText(p.area)}
        ratio={p.area}
        threshold={closed ? p.threshold : undefined}
      />
      <FigureLine
        label="参与人数"
        text={peopleText(p.headcount)}
        ratio={p.headcount}
        threshold={closed ? p.threshold : undefined}
      />
      <Text className="block muted">
        面积和人数两项都需达到{thresholdInWords(p.threshold)}（含本数），表决才有效。
      </Text>
      {!closed && <Text className="block muted">表决结束前不公布各选项的票数。</Text>}
    </Section>
  );
}
