import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';

/** A titled card. */
export function Section({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <View className="section">
      <View className="section-head">
        <Text className="section-title">{title}</Text>
        {extra}
      </View>
      {children}
    </View>
  );
}

/** A label–value line. */
export function Row({ label, children }: { label: string; children?: ReactNode }) {
  return (
    <View className="row">
      <Text className="row-label">{label}</Text>
      <Text className="row-value">{children}</Text>
    </View>
  );
}
