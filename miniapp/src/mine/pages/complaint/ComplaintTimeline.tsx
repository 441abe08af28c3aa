import { Text, View } from '@tarojs/components';
import { complaintStatusLabel, type ComplaintHistoryEntry } from '@jiugai/shared';
import { formatDateTime } from '../../../services/format';

const actionLabel: Record<ComplaintHistoryEntry['action'], string> = {
  submit: '提交投诉',
  transition: '状态更新',
  rate: '评价',
  reopen: '重新打开',
  escalate: '超时督办',
};

/** Every step of the complaint: when, who (masked), what status, and the note or reply. */
export function ComplaintTimeline({ history }: { history: ComplaintHistoryEntry[] }) {
  return (
    <View>
      {history.map((h, i) => (
        <View key={i} className="timeline-item">
          <View className="timeline-dot" />
          <Text className="block" style={{ fontWeight: 700 }}>
            {actionLabel[h.action]} · {complaintStatusLabel[h.status]}
          </Text>
          <Text className="block muted">
            {formatDateTime(h.at)} {h.actorName}
          </Text>
          {h.note && <Text className="block">{h.note}</Text>}
        </View>
      ))}
    </View>
  );
}
