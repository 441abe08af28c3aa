import { Text, View } from '@tarojs/components';
import type { ProjectBoard } from '@jiugai/shared';
import { Section } from '../../components/Section';

/** Renovation content grouped by category (地下管网, 供水 …), with lead department and responsible units. */
export function BoardContent({ board }: { board: ProjectBoard }) {
  const groups = new Map<string, ProjectBoard['content']>();
  for (const item of board.content)
    groups.set(item.categoryLabel, [...(groups.get(item.categoryLabel) ?? []), item]);
  return (
    <Section title="改造内容">
      {groups.size === 0 && <Text className="muted">改造方案正在征求意见和设计中，确定后在此公示。</Text>}
      {[...groups].map(([label, items]) => (
        <View key={label} className="field">
          <Text className="field-label">{label}</Text>
          {items.map((item, i) => (
            <View key={i}>
              <Text className="block">· {item.title}</Text>
              {item.description && <Text className="block muted">{item.description}</Text>}
              {item.leadDept && <Text className="block muted">牵头部门：{item.leadDept}</Text>}
              {item.responsibleUnits.length > 0 && (
                <Text className="block muted">责任单位：{item.responsibleUnits.join('、')}</Text>
              )}
            </View>
          ))}
        </View>
      ))}
    </Section>
  );
}
