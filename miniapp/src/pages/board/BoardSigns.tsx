import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { ProjectBoard } from '@jiugai/shared';
import { Section } from '../../components/Section';
import { PhotoGrid } from '../../components/PhotoGrid';
import { assetUrl } from '../../services/http';

/** 五牌一图: the five site boards and the site plan (tap to zoom), plus the design renderings. */
export function BoardSigns({ board }: { board: ProjectBoard }) {
  const f = board.fiveBoards;
  const texts: [string, string][] = [
    ['工程概况牌', f.overview],
    ['消防保卫牌', f.fireSafety],
    ['安全生产牌', f.safetyProduction],
    ['文明施工牌', f.civilisedConstruction],
  ];
  const sitePlan = board.sitePlanUrl ? assetUrl(board.sitePlanUrl) : null;
  return (
    <Section title="五牌一图">
      {texts.slice(0, 1).map(([title, text]) => (
        <View key={title} className="field">
          <Text className="field-label">{title}</Text>
          <Text className="block pre">{text || '暂未公示'}</Text>
        </View>
      ))}
      <View className="field">
        <Text className="field-label">管理人员名单及监督电话牌</Text>
        {f.managers.length === 0 && <Text className="block">暂未公示</Text>}
        {f.managers.map((m, i) => (
          <Text key={i} className="block">
            {m.role}：{m.name} {m.phone ?? ''}
          </Text>
        ))}
      </View>
      {texts.slice(1).map(([title, text]) => (
        <View key={title} className="field">
          <Text className="field-label">{title}</Text>
          <Text className="block pre">{text || '暂未公示'}</Text>
        </View>
      ))}
      <View className="field">
        <Text className="field-label">施工现场总平面图</Text>
        {sitePlan ? (
          <Image
            src={sitePlan}
            mode="widthFix"
            style={{ width: '100%' }}
            ariaLabel="施工现场总平面图，点击放大"
            onClick={() => void Taro.previewImage({ urls: [sitePlan], current: sitePlan })}
          />
        ) : (
          <Text className="block">暂未公示</Text>
        )}
        {sitePlan && <Text className="block muted">点击图片可放大查看</Text>}
      </View>
      {board.renderings.length > 0 && (
        <View className="field">
          <Text className="field-label">改造效果图</Text>
          <PhotoGrid photos={board.renderings} label="效果图" />
        </View>
      )}
    </Section>
  );
}
