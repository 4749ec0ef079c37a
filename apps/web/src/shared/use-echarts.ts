import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * A canvas ECharts instance bound to a div: created on mount, resized with its box, disposed on
 * unmount. Each chart registers only the ECharts pieces it uses (`echarts.use`), so chunks stay small.
 */
export function useEcharts() {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    chart.current = echarts.init(el.current, undefined, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  return { el, chart };
}
