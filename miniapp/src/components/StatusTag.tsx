import { Text } from '@tarojs/components';

/** A status always carries its words; the colour only repeats them (no information only in colour). */
export function StatusTag({
  label,
  tone = 'neutral',
}: {
  label: string;
  tone?: 'good' | 'warn' | 'bad' | 'neutral';
}) {
  return <Text className={`tag tag-${tone}`}>{label}</Text>;
}
