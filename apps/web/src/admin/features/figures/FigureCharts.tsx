import type { IndicatorBreakdown, IndicatorTrend } from '@niangjia/contracts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEcharts } from '../../../shared/use-echarts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, CanvasRenderer]);

// Names typed by users are drawn as plain canvas text; braces would read as ECharts rich text.
const plain = (s: string) => s.replace(/\{/g, '｛').replace(/\}/g, '｝').replace(/\|/g, '｜');
const scaleOf = (unit: string) => (unit === 'fen' ? 100 : 1);

/** This period and last year by row of a breakdown (child orgs or dimension values). */
export function BreakdownChart({ breakdown }: { breakdown: IndicatorBreakdown }) {
  const { t } = useTranslation();
  const { el, chart } = useEcharts();
  useEffect(() => {
    const rows = breakdown.rows.filter((r) => r.value !== null || r.lastYear !== null);
    const k = scaleOf(breakdown.indicator.unit);
    chart.current?.setOption(
      {
        animationDuration: 400,
        tooltip: { show: false },
        legend: { top: 0, data: [t('figures.thisPeriod'), t('figures.lastYearShort')] },
        grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: rows.map((r) => plain(r.isOwn ? t('figures.own') : r.label.replace(/(总工会|工会)$/, ''))), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0, fontSize: 11 } },
        yAxis: { type: 'value' },
        series: [
          { name: t('figures.thisPeriod'), type: 'bar', data: rows.map((r) => (r.value ?? 0) / k), itemStyle: { color: '#c8102e' }, label: { show: rows.length <= 8, position: 'top', fontSize: 11 } },
          { name: t('figures.lastYearShort'), type: 'bar', data: rows.map((r) => (r.lastYear ?? 0) / k), itemStyle: { color: '#bfbfbf' } },
        ],
      },
      true,
    );
  }, [breakdown, t, chart]);
  return <div ref={el} data-testid="figures-breakdown-chart" style={{ width: '100%', height: 260 }} />;
}

/** The indicator through the period, month by month (or day by day), beside a year earlier. */
export function TrendLine({ trend }: { trend: IndicatorTrend }) {
  const { t } = useTranslation();
  const { el, chart } = useEcharts();
  useEffect(() => {
    const k = scaleOf(trend.indicator.unit);
    chart.current?.setOption(
      {
        animationDuration: 400,
        tooltip: { show: false },
        legend: { top: 0, data: [t('figures.thisPeriod'), t('figures.lastYearShort')] },
        grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: trend.points.map((p) => p.label) },
        yAxis: { type: 'value' },
        series: [
          { name: t('figures.thisPeriod'), type: 'line', smooth: true, data: trend.points.map((p) => (p.value === null ? null : p.value / k)), itemStyle: { color: '#c8102e' }, areaStyle: { opacity: 0.08 } },
          { name: t('figures.lastYearShort'), type: 'line', smooth: true, data: trend.points.map((p) => (p.lastYear === null ? null : p.lastYear / k)), itemStyle: { color: '#8c8c8c' }, lineStyle: { type: 'dashed' } },
        ],
      },
      true,
    );
  }, [trend, t, chart]);
  return <div ref={el} data-testid="figures-trend-chart" style={{ width: '100%', height: 220 }} />;
}
