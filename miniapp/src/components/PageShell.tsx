import { useSyncExternalStore, type ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { a11yClass, getA11y, subscribeA11y } from '../services/a11y';

interface Props {
  children?: ReactNode;
  /** While true a "正在加载" line is shown instead of the children. */
  loading?: boolean;
  /** A message shown instead of the children (e.g. the project was not found). */
  error?: string | null;
  className?: string;
}

/** The root of every page: applies the large-font / high-contrast settings and the loading and error states. */
export function PageShell({ children, loading, error, className }: Props) {
  const settings = useSyncExternalStore(subscribeA11y, getA11y, getA11y);
  return (
    <View className={['page', a11yClass(settings), className ?? ''].filter(Boolean).join(' ')}>
      {loading ? (
        <View className="state">
          <Text>正在加载…</Text>
        </View>
      ) : error ? (
        <View className="state state-error" role="alert">
          <Text>{error}</Text>
        </View>
      ) : (
        children
      )}
    </View>
  );
}
