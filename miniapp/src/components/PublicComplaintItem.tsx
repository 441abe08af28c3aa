import { Text, View } from '@tarojs/components';
import { complaintCategoryLabel, complaintStatusLabel, type PublicComplaintView } from '@jiugai/shared';
import { StatusTag } from './StatusTag';
import { formatDate } from '../services/format';

/** The public, redacted complaint list: no names or phones, anonymous ones without the building. */
export function PublicComplaintItem({ c }: { c: PublicComplaintView }) {
  return (
    <View className="row" style={{ display: 'block' }}>
      <View>
        <StatusTag label={complaintStatusLabel[c.status]} tone={c.status === 'closed' ? 'good' : 'warn'} />
        <Text className="muted">
          {complaintCategoryLabel[c.category]} · {formatDate(c.createdAt)}
          {c.buildingName ? ` · ${c.buildingName}` : ''}
        </Text>
      </View>
      <Text className="block">{c.text}</Text>
      {c.reply && <Text className="block muted">答复：{c.reply}</Text>}
    </View>
  );
}
