import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { complaintCategoryLabel, complaintStatusLabel, type ComplaintSummary } from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { StatusTag } from '../../../components/StatusTag';
import { myComplaints } from '../../../services/complaints';
import { formatDateTime } from '../../../services/format';

/** The resident's own complaints, newest first, each with its status in words. */
export default function MyComplaintsPage() {
  const [items, setItems] = useState<ComplaintSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useDidShow(() => {
    myComplaints()
      .then((p) => setItems(p.items))
      .catch((e: Error) => setError(e.message));
  });
  return (
    <PageShell loading={!items && !error} error={error}>
      <Text className="title">我的投诉</Text>
      {items?.length === 0 && <Text className="block">您还没有提交过投诉。</Text>}
      {items?.map((c) => (
        <View
          key={c.id}
          className="section"
          onClick={() => void Taro.navigateTo({ url: `/mine/pages/complaint/index?id=${c.id}` })}
        >
          <View>
            <StatusTag
              label={complaintStatusLabel[c.status]}
              tone={c.status === 'closed' ? 'good' : c.overdue ? 'bad' : 'warn'}
            />
            {c.overdue && <StatusTag label="已超时，已督办" tone="bad" />}
            <Text className="muted">{complaintCategoryLabel[c.category]}</Text>
          </View>
          <Text className="block">{c.text}</Text>
          <Text className="block muted">提交于 {formatDateTime(c.createdAt)}</Text>
          <Text className="link">查看进度 ›</Text>
        </View>
      ))}
    </PageShell>
  );
}
