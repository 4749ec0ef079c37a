import { defineIndicators, type IndicatorModule } from '../../platform/indicators';

/**
 * The summary figures of the union's work over every module: 服务人次 (people served) adds up
 * each indicator a module marks `countsAsService` (door entries, breakfasts, and later event
 * attendance, orders, assistance), so a new module's services count without touching this file.
 */
export function figuresIndicators(modules: readonly IndicatorModule[]): IndicatorModule {
  const served = modules.flatMap((m) => m.indicators.filter((i) => i.countsAsService && i.unit === 'person_times').map((i) => i.key));
  return defineIndicators({
    module: 'figures',
    section: { zh: '服务职工总体情况', en: 'Workers served' },
    order: 5,
    series: [],
    indicators: [
      {
        key: 'figures.served',
        name: { zh: '服务职工人次', en: 'People served' },
        unit: 'person_times',
        definition: {
          zh: `期内各项服务的人次之和：${served.length ? served.join('、') : '（暂无）'}。每新增一项服务类指标自动计入。`,
          en: `The sum of the period's services: ${served.join(', ') || '(none yet)'}. Each new service indicator adds to it.`,
        },
        compute: { kind: 'sum', of: served },
        isHeadline: true,
        hasTarget: true,
      },
    ],
  });
}
