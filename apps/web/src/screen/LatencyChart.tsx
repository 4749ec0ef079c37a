import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useEcharts } from '../shared/use-echarts';
import { formatTime } from '../shared/format';
import type { Sample } from './ScreenApp';

// Only the pieces used here, so the chart chunk stays small and loads after the first paint.
echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export function LatencyChart({ samples }: { samples: Sample[] }) {
  const { el, chart } = useEcharts();

  useEffect(() => {
    chart.current?.setOption({
      animationDuration: 600,
      grid: { left: 70, right: 30, top: 30, bottom: 50 },
      tooltip: { trigger: 'axis', textStyle: { fontSize: 20 } },
      xAxis: {
        type: 'category',
        data: samples.map((s) => formatTime(new Date(s.at), true)),
        axisLabel: { color: '#9fb8e8', fontSize: 18 },
        axisLine: { lineStyle: { color: 'rgba(64,158,255,.35)' } },
      },
      yAxis: {
        type: 'value',
        min: 0,
        axisLabel: { color: '#9fb8e8', fontSize: 18 },
        splitLine: { lineStyle: { color: 'rgba(64,158,255,.15)' } },
      },
      series: [
        {
          type: 'line',
          smooth: true,
          showSymbol: samples.length < 3,
          symbolSize: 10,
          data: samples.map((s) => s.ms),
          lineStyle: { color: '#35e0ff', width: 3 },
          areaStyle: { color: new echarts.graphic.LinearGradient(0, 0, 0, 1, [{ offset: 0, color: 'rgba(53,224,255,.45)' }, { offset: 1, color: 'rgba(53,224,255,0)' }]) },
        },
      ],
    });
  }, [samples]);

  return <div ref={el} style={{ width: '100%', height: '100%' }} />;
}
