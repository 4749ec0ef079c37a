import type { ScreenSummary } from '@niangjia/contracts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEcharts } from '../../shared/use-echarts';
import { formatWan } from './chart-text';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, CanvasRenderer]);

/** One trend of the year by month: bars this year, a line for the same months last year. */
export function TrendChart({ trend }: { trend: ScreenSummary['trends'][number] }) {
  const { t } = useTranslation();
  const { el, chart } = useEcharts();
  useEffect(() => {
    const scale = trend.unit === 'fen' ? 100 : 1;
    chart.current?.setOption({
      animationDurationUpdate: 600,
      tooltip: { show: false },
      legend: { top: 0, right: 10, textStyle: { color: '#d8e6ff', fontSize: 16 }, data: [t('screen.thisYear'), t('screen.lastYear')] },
      grid: { left: 70, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: trend.points.map((p) => p.label), axisLabel: { color: '#9fb8e8', fontSize: 16 }, axisLine: { lineStyle: { color: 'rgba(64,158,255,.35)' } } },
      yAxis: { type: 'value', axisLabel: { color: '#9fb8e8', fontSize: 15, formatter: (v: number) => formatWan(v) }, splitLine: { lineStyle: { color: 'rgba(64,158,255,.15)' } } },
      series: [
        {
          name: t('screen.thisYear'),
          type: 'bar',
          barWidth: '45%',
          data: trend.points.map((p) => (p.value ?? 0) / scale),
          itemStyle: { borderRadius: [4, 4, 0, 0], color: new echarts.graphic.LinearGradient(0, 0, 0, 1, [{ offset: 0, color: '#35e0ff' }, { offset: 1, color: 'rgba(53,224,255,.15)' }]) },
        },
        { name: t('screen.lastYear'), type: 'line', smooth: true, symbolSize: 6, data: trend.points.map((p) => (p.lastYear ?? 0) / scale), lineStyle: { color: '#ffb84d', width: 2 }, itemStyle: { color: '#ffb84d' } },
      ],
    });
  }, [trend, t, chart]);
  return <div ref={el} style={{ width: '100%', height: '100%' }} />;
}
