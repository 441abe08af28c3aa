import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { ProjectBoard, PublicComplaintView } from '@jiugai/shared';
import { PublicComplaintItem } from '../../components/PublicComplaintItem';
import { Section } from '../../components/Section';
import { fetchPublicComplaints } from '../../services/board';

export function BoardComplaints({ board }: { board: ProjectBoard }) {
  const [items, setItems] = useState<PublicComplaintView[] | null>(null);
  const [total, setTotal] = useState(0);
  useEffect(() => {
    fetchPublicComplaints(board.projectId, 1, 3)
      .then((p) => {
        setItems(p.items);
        setTotal(p.total);
      })
      .catch(() => setItems([]));
  }, [board.projectId]);
  return (
    <Section title="投诉公示">
      {items === null && <Text className="muted">正在加载…</Text>}
      {items?.length === 0 && <Text className="muted">暂无公开的投诉。</Text>}
      {items?.map((c) => (
        <PublicComplaintItem key={c.id} c={c} />
      ))}
      {total > 3 && (
        <Text
          className="link"
          onClick={() =>
            void Taro.navigateTo({ url: `/board/pages/complaints/index?projectId=${board.projectId}` })
          }
        >
          查看全部 {total} 条投诉 ›
        </Text>
      )}
    </Section>
  );
}
