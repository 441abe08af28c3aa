import { useSyncExternalStore } from 'react';
import { Text, View } from '@tarojs/components';
import { getA11y, setA11y, subscribeA11y } from '../../services/a11y';
import { Section } from '../../components/Section';

/** Large-font and high-contrast switches; the state is written out ("已开启"), not only shown by colour. */
export function A11yToggles() {
  const s = useSyncExternalStore(subscribeA11y, getA11y, getA11y);
  const item = (label: string, on: boolean, toggle: () => void) => (
    <View className={`choice ${on ? 'choice-on' : ''}`} onClick={toggle} role="switch" aria-checked={on}>
      <Text className="choice-mark">{on ? '✓' : '○'}</Text>
      <Text>
        {label}：{on ? '已开启' : '已关闭'}（点击{on ? '关闭' : '开启'}）
      </Text>
    </View>
  );
  return (
    <Section title="长辈模式">
      {item('大字模式', s.largeFont, () => setA11y({ largeFont: !s.largeFont }))}
      {item('高对比度', s.highContrast, () => setA11y({ highContrast: !s.highContrast }))}
    </Section>
  );
}
