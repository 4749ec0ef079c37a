import type { PositionUsage } from '@niangjia/contracts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useEcharts } from '../../../shared/use-echarts';
import { useTranslation } from 'react-i18next';

// Only the pieces used here, so the chart chunk stays small and loads after the page.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Buckets are Shanghai wall-clock ISO strings (…+08:00): label them from the text, not the browser's zone. */
function bucketLabel(bucket: string, granularity: PositionUsage['granularity']): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})/.exec(bucket);
  if (!m) return bucket;
  if (granularity === 'hour') return `${m[2]}-${m[3]} ${m[4]}:00`;
  if (granularity === 'day') return `${m[2]}-${m[3]}`;
  return `${m[1]}-${m[2]}`;
}

/** Visits (bars, after-hours stacked) and unique visitors (line) per bucket. */
export function UsageChart({ usage }: { usage: PositionUsage }) {
  const { t } = useTranslation();
  const { el, chart } = useEcharts();

  useEffect(() => {
    const labels = usage.buckets.map((b) => bucketLabel(b.bucket, usage.granularity));
    chart.current?.setOption(
      {
        color: ['#c8102e', '#7b5cd6', '#1677ff'],
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 20, top: 36, bottom: 30 },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: t('access.entries.staffed'),
            type: 'bar',
            stack: 'visits',
            data: usage.buckets.map((b) => b.visits - b.afterHoursVisits),
            itemStyle: { color: '#c8102e' },
          },
          {
            name: t('access.usage.afterHoursVisits'),
            type: 'bar',
            stack: 'visits',
            data: usage.buckets.map((b) => b.afterHoursVisits),
            itemStyle: { color: '#7b5cd6' },
          },
          {
            name: t('access.usage.uniqueVisitors'),
            type: 'line',
            data: usage.buckets.map((b) => b.uniqueVisitors),
            itemStyle: { color: '#1677ff' },
          },
        ],
      },
      true,
    );
  }, [usage, t]);

  return <div ref={el} style={{ width: '100%', height: 300 }} data-testid="usage-chart" />;
}
