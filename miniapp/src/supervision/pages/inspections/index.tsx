import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { inspectionAspectLabel, inspectionAspects, type InspectionView } from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { BigButton } from '../../../components/BigButton';
import { PhotoGrid } from '../../../components/PhotoGrid';
import { myInspections } from '../../../services/supervision';
import { formatDate } from '../../../services/format';
import { lastProject } from '../../../services/scene';

/** The member's own inspection records, newest first. */
export default function InspectionsPage() {
  const [items, setItems] = useState<InspectionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useDidShow(() => {
    myInspections()
      .then((p) => setItems(p.items))
      .catch((e: Error) => setError(e.message));
  });
  return (
    <PageShell loading={!items && !error} error={error}>
      <Text className="title">我的巡查记录</Text>
      <BigButton
        kind="primary"
        onClick={() =>
          void Taro.navigateTo({
            url: `/supervision/pages/inspection-new/index?projectId=${lastProject() ?? ''}`,
          })
        }
      >
        新增巡查记录
      </BigButton>
      {items?.length === 0 && <Text className="block">还没有巡查记录。</Text>}
      {items?.map((r) => (
        <View key={r.id} className="section">
          <Text className="block" style={{ fontWeight: 700 }}>
            {formatDate(r.date)}
          </Text>
          <Text className="block muted">
            {inspectionAspects.map((a) => `${inspectionAspectLabel[a]} ${r.ratings[a]} 分`).join('，')}
          </Text>
          <Text className="block">{r.findings}</Text>
          <PhotoGrid photos={r.photos} label="巡查照片" />
        </View>
      ))}
    </PageShell>
  );
}
