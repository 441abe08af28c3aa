import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EChartProps } from './EChart';

const EChart = lazy(() => import('./EChart'));

/** A chart whose library loads on first use, so pages without charts never download it. */
export function Chart(props: EChartProps & { ariaLabel: string }) {
  const { ariaLabel, ...chart } = props;
  return (
    <div role="img" aria-label={ariaLabel}>
      <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
        <EChart {...chart} />
      </Suspense>
    </div>
  );
}
export type { EChartProps };
