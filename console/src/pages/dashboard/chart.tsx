import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// Only the parts the dashboard draws, so the console does not carry the whole of ECharts.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface ChartProps {
  /** What the chart shows, for screen readers; the same data is in the table beside it. */
  label: string;
  option: EChartsCoreOption;
}

/** A canvas chart that follows its container's width (it resizes with the window, down to a phone's). */
export function Chart({ label, option }: ChartProps) {
  return (
    <div role="img" aria-label={label} style={{ width: '100%', marginBottom: 16 }}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 300, width: '100%' }} />
    </div>
  );
}
