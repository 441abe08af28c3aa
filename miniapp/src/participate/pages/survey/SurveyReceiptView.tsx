import { Text, View } from '@tarojs/components';
import type { SurveyReceipt } from '@jiugai/shared';
import { Row, Section } from '../../../components/Section';
import { formatDateTime } from '../../../services/format';

/** The household's receipt after answering. */
export function SurveyReceiptView({
  receipt,
  justSubmitted,
}: {
  receipt: SurveyReceipt;
  justSubmitted: boolean;
}) {
  return (
    <Section title={justSubmitted ? '✓ 提交成功，感谢您的意见' : '您已提交过本表'}>
      <View>
        <Row label="回执编号">{receipt.receiptNo}</Row>
        <Row label="房屋">{receipt.address}</Row>
        <Row label="提交时间">{formatDateTime(receipt.submittedAt)}</Row>
        {receipt.revision > 1 && (
          <Row label="最近修改">{`${formatDateTime(receipt.updatedAt)}（第 ${receipt.revision} 次提交）`}</Row>
        )}
        <Row label="提交方式">{receipt.channelLabel}</Row>
      </View>
      <Text className="block muted">截止前可以修改，以最后一次提交为准。</Text>
    </Section>
  );
}
