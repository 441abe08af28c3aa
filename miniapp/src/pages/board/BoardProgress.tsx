import { Text, View } from '@tarojs/components';
import type { ProjectBoard } from '@jiugai/shared';
import { Section } from '../../components/Section';
import { PhotoGrid } from '../../components/PhotoGrid';
import { formatDateTime } from '../../services/format';

export function BoardProgress({ board }: { board: ProjectBoard }) {
  return (
    <Section title="最新进展">
      {board.latestProgress.length === 0 && <Text className="muted">暂无进展更新。</Text>}
      {board.latestProgress.map((p) => (
        <View key={p.id} className="timeline-item">
          <View className="timeline-dot" />
          <Text className="block muted">
            {formatDateTime(p.at)} · 进度 {p.percent}%
          </Text>
          <Text className="block">{p.text}</Text>
          <PhotoGrid photos={p.photos} label="进展照片" />
        </View>
      ))}
    </Section>
  );
}
