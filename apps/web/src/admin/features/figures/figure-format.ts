import type { IndicatorUnit } from '@niangjia/contracts';

const UNIT_ZH: Record<IndicatorUnit, string> = { count: '个', people: '人', person_times: '人次', fen: '', percent: '%', m2: '㎡', stars: '星' };
const UNIT_EN: Record<IndicatorUnit, string> = { count: '', people: '', person_times: '', fen: '', percent: '%', m2: 'm²', stars: '★' };

export function unitLabel(unit: IndicatorUnit, lang: string): string {
  return (lang.startsWith('en') ? UNIT_EN : UNIT_ZH)[unit];
}

/** ¥1,234.50 for money, 1,234 人 for people, 86.5% for shares. */
export function formatFigure(unit: IndicatorUnit, value: number | null | undefined, decimals: number, lang: string): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'fen') return `¥${(value / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const n = value.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const u = unitLabel(unit, lang);
  return unit === 'percent' ? `${n}%` : u ? `${n} ${u}` : n;
}

/** +12.5% / −3.0% (a change rate), or ± points for shares. */
export function formatChange(unit: IndicatorUnit, value: number | null, base: number | null, rate: number | null, lang: string): string {
  if (value === null || base === null) return '—';
  if (unit === 'percent') {
    const d = value - base;
    return `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)}${lang.startsWith('en') ? ' pts' : ' 个百分点'}`;
  }
  if (rate === null) return value === base ? '0' : lang.startsWith('en') ? 'new' : '新增';
  return `${rate >= 0 ? '+' : '−'}${Math.abs(rate * 100).toFixed(1)}%`;
}

export function changeColor(value: number | null, base: number | null): string | undefined {
  if (value === null || base === null || value === base) return undefined;
  return value > base ? '#cf1322' : '#389e0d';
}
