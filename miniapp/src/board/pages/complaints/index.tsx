import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { PublicComplaintView } from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { BigButton } from '../../../components/BigButton';
import { fetchPublicComplaints } from '../../../services/board';
import { PublicComplaintItem } from '../../../components/PublicComplaintItem';

const pageSize = 20;

/** All public complaints of a project, newest first, redacted. */
export default function PublicComplaintsPage() {
  const { params } = useRouter();
  const projectId = params.projectId ?? '';
  const [items, setItems] = useState<PublicComplaintView[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setLoading(true);
    fetchPublicComplaints(projectId, page, pageSize)
      .then((p) => {
        setItems((prev) => (page === 1 ? p.items : [...prev, ...p.items]));
        setTotal(p.total);
      })
      .finally(() => setLoading(false));
  }, [projectId, page]);

  return (
    <PageShell loading={loading && page === 1}>
      <Text className="title">投诉公示（共 {total} 条）</Text>
      <Text className="block muted">公示内容不含投诉人姓名和电话；匿名投诉不显示楼栋。</Text>
      {items.map((c) => (
        <PublicComplaintItem key={c.id} c={c} />
      ))}
      {items.length < total && (
        <BigButton onClick={() => setPage((p) => p + 1)} disabled={loading}>
          加载更多
        </BigButton>
      )}
    </PageShell>
  );
}
