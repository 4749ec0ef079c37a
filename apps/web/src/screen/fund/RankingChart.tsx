import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useEcharts } from '../../shared/use-echarts';
import { formatYuan } from './fund-live';

echarts.use([BarChart, GridComponent, CanvasRenderer]);

export type RankingRow = { name: string; fen: number };

/** Stations by amount raised, largest on top; bars grow in place when a sale lands. */
export function RankingChart({ rows, fontSize = 18 }: { rows: RankingRow[]; fontSize?: number }) {
  const { el, chart } = useEcharts();

  useEffect(() => {
    // ECharts draws the first category at the bottom: reverse so the leader is on top.
    const shown = [...rows].reverse();
    chart.current?.setOption({
      animationDurationUpdate: 800,
      grid: { left: 8, right: 130, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', show: false, max: 'dataMax' },
      yAxis: {
        type: 'category',
        data: shown.map((r) => r.name),
        axisLabel: {
          color: '#d8e6ff',
          fontSize,
          width: 190,
          overflow: 'truncate',
        },
        axisLine: { show: false },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: shown.map((r) => r.fen),
          barWidth: '58%',
          itemStyle: {
            borderRadius: [0, 6, 6, 0],
            color: new echarts.graphic.LinearGradient(0, 0, 1, 0, [
              { offset: 0, color: 'rgba(53,224,255,.25)' },
              { offset: 1, color: '#35e0ff' },
            ]),
          },
          label: {
            show: true,
            position: 'right',
            color: '#fff',
            fontSize,
            formatter: (p: { value: number }) => `¥${formatYuan(p.value)}`,
          },
        },
      ],
    });
  }, [rows, fontSize]);

  return <div ref={el} data-testid="fund-ranking" style={{ width: '100%', height: '100%' }} />;
}
