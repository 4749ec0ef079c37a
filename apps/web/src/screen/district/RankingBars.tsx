import type { ScreenSummary } from '@niangjia/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useEcharts } from '../../shared/use-echarts';
import { formatWan, plainText } from './chart-text';

echarts.use([BarChart, GridComponent, CanvasRenderer]);

/** Child orgs (streets) ranked, the leader on top; names drawn as plain text. */
export function RankingBars({ ranking, testId }: { ranking: ScreenSummary['rankings'][number]; testId?: string }) {
  const { el, chart } = useEcharts();
  useEffect(() => {
    const shown = [...ranking.rows].reverse();
    const scale = ranking.unit === 'fen' ? 100 : 1;
    chart.current?.setOption({
      animationDurationUpdate: 800,
      tooltip: { show: false },
      grid: { left: 8, right: 90, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', show: false, max: 'dataMax' },
      yAxis: {
        type: 'category',
        data: shown.map((r) => plainText(r.name.replace(/(总工会|工会联合会|工会)$/, ''))),
        axisLabel: { color: '#d8e6ff', fontSize: 17, width: 170, overflow: 'truncate' },
        axisLine: { show: false },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: shown.map((r) => r.value / scale),
          barWidth: '56%',
          itemStyle: { borderRadius: [0, 5, 5, 0], color: new echarts.graphic.LinearGradient(0, 0, 1, 0, [{ offset: 0, color: 'rgba(77,255,166,.2)' }, { offset: 1, color: '#4dffa6' }]) },
          label: { show: true, position: 'right', color: '#fff', fontSize: 17, formatter: (p: { value: number }) => formatWan(p.value) },
        },
      ],
    });
  }, [ranking, chart]);
  return <div ref={el} data-testid={testId} style={{ width: '100%', height: '100%' }} />;
}
