import { Skeleton } from 'antd';
import { lazy, Suspense, type ComponentProps } from 'react';

// ECharts is loaded with the dashboard's charts, not with the console's first page.
const Chart = lazy(() => import('./chart').then((module) => ({ default: module.Chart })));

export function LazyChart(props: ComponentProps<typeof Chart>) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 300 }} />}>
      <Chart {...props} />
    </Suspense>
  );
}
