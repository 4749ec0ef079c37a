import type { ScreenMap } from '@niangjia/contracts';
import { ScatterChart } from 'echarts/charts';
import { GeoComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { POSITION_TYPES, TYPE_COLORS } from '../../shared/positions';
import { useEcharts } from '../../shared/use-echarts';

echarts.use([ScatterChart, GeoComponent, LegendComponent, CanvasRenderer]);

const MAP_NAME = 'niangjia-district';

/**
 * The district outline with its stations in service: coloured by type, a diamond for a
 * commerce-sustained station (以商养站), a white ring for a smart 24-hour one. Without an outline
 * (a district whose boundary is not bundled) the stations are drawn on a plain plane.
 */
export function DistrictMap({ map }: { map: ScreenMap }) {
  const { t } = useTranslation();
  const { el, chart } = useEcharts();

  useEffect(() => {
    if (!chart.current) return;
    const hasOutline = !!map.outline;
    if (hasOutline) echarts.registerMap(MAP_NAME, map.outline as Parameters<typeof echarts.registerMap>[1]);
    const byType = POSITION_TYPES.map((type) => ({ type, stations: map.stations.filter((s) => s.type === type) })).filter((g) => g.stations.length);
    const coordinateSystem = hasOutline ? { coordinateSystem: 'geo' } : { xAxisIndex: 0, yAxisIndex: 0 };
    chart.current.setOption(
      {
        animation: false,
        tooltip: { show: false },
        legend: {
          bottom: 8,
          left: 'center',
          itemGap: 22,
          textStyle: { color: '#d8e6ff', fontSize: 18 },
          data: byType.map((g) => t(`screen.types.${g.type}`)),
        },
        ...(hasOutline
          ? {
              geo: {
                map: MAP_NAME,
                roam: false,
                top: 10,
                bottom: 60,
                left: 10,
                right: 10,
                itemStyle: { areaColor: 'rgba(16, 64, 140, 0.55)', borderColor: '#35e0ff', borderWidth: 2, shadowColor: 'rgba(53,224,255,.6)', shadowBlur: 16 },
                emphasis: { disabled: true },
                label: { show: false },
                silent: true,
              },
            }
          : {
              grid: { top: 10, bottom: 60, left: 10, right: 10 },
              xAxis: { type: 'value', scale: true, show: false },
              yAxis: { type: 'value', scale: true, show: false },
            }),
        series: byType.map((g) => ({
          type: 'scatter',
          name: t(`screen.types.${g.type}`),
          ...coordinateSystem,
          silent: true,
          data: g.stations.map((s) => ({
            value: [s.lng, s.lat],
            symbol: s.isCommerceSustained ? 'diamond' : 'circle',
            symbolSize: s.isSmart ? 22 : s.isCommerceSustained ? 16 : 11,
            itemStyle: { color: TYPE_COLORS[g.type], borderColor: s.isSmart ? '#ffffff' : 'rgba(255,255,255,.35)', borderWidth: s.isSmart ? 4 : 1 },
          })),
          itemStyle: { color: TYPE_COLORS[g.type] },
        })),
      },
      true,
    );
  }, [map, t, chart]);

  return <div ref={el} data-testid="screen-map" style={{ width: '100%', height: '100%' }} />;
}
