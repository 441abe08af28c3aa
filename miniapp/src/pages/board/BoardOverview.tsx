import { Text } from '@tarojs/components';
import type { ProjectBoard } from '@jiugai/shared';
import { Row, Section } from '../../components/Section';

export function BoardOverview({ board }: { board: ProjectBoard }) {
  const o = board.overview;
  return (
    <Section title="项目概况">
      <Row label="所在位置">
        {[o.districtName, o.streetName, o.communityName, o.compoundName].filter(Boolean).join(' ')}
      </Row>
      {o.address && <Row label="地址">{o.address}</Row>}
      <Row label="改造规模">
        {o.figures.buildings} 栋 · {o.figures.households} 户 · {o.figures.floorArea.toLocaleString('zh-CN')}{' '}
        平方米
      </Row>
      {o.designUnit && <Row label="设计单位">{o.designUnit}</Row>}
      {o.constructionUnit && <Row label="施工单位">{o.constructionUnit}</Row>}
      {o.supervisionUnit && <Row label="监理单位">{o.supervisionUnit}</Row>}
      {o.description && <Text className="block">{o.description}</Text>}
      {board.isDemonstration && board.experienceSummary && (
        <Text className="block muted">经验总结：{board.experienceSummary}</Text>
      )}
    </Section>
  );
}
