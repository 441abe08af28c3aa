import { Text, View } from '@tarojs/components';
import type { BallotReceipt } from '@jiugai/shared';
import { Row, Section } from '../../../components/Section';
import { formatDateTime } from '../../../services/format';

export interface HouseholdBallot {
  householdId: string;
  address: string;
  /** null: the household did not vote; undefined: it could not be read just now. */
  ballot: BallotReceipt | null | undefined;
}

/** After close: what each of the resident's households chose, and how (小程序, 纸质, 入户走访…). */
export function HouseholdBallots({ items }: { items: HouseholdBallot[] }) {
  return (
    <Section title="我家的表决票">
      {items.length === 0 && <Text className="block">您在本次表决范围内没有已绑定的房屋。</Text>}
      {items.map(({ householdId, address, ballot }) => (
        <View key={householdId} style={{ marginBottom: '12px' }}>
          <Text className="block" style={{ fontWeight: 700 }}>
            {address}
          </Text>
          {ballot ? (
            <>
              <Row label="我家的选择">{ballot.optionLabel}</Row>
              <Row label="投票方式">{ballot.channelLabel}</Row>
              <Row label="投票时间">{formatDateTime(ballot.castAt)}</Row>
              <Row label="回执编号">{ballot.receiptNo}</Row>
            </>
          ) : (
            <Row label="我家的选择">{ballot === null ? '未参加本次表决' : '暂时无法读取，请稍后再看'}</Row>
          )}
        </View>
      ))}
    </Section>
  );
}
