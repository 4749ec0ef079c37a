/**
 * Periods in Asia/Shanghai days (YYYY-MM-DD, both ends inclusive) and their comparisons: the
 * previous period (环比) and the same period last year (同比). A period that contains today is
 * "to date": it ends today and both comparisons cover the same number of days (like for like:
 * this year to 5 December against last year to 5 December). Pure functions, no database.
 */
export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type Period = { kind: PeriodKind; from: string; to: string };

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The Asia/Shanghai calendar day of an instant (China keeps no daylight saving time). */
export function shanghaiDayOf(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai day starts. */
export function shanghaiDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  return fromMs(toMs(day) + n * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** The same calendar day `years` later (29 February becomes 28 February in a common year). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = y + years;
  const last = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${target}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function monthStart(y: number, m: number): string {
  return fromMs(Date.UTC(y, m - 1, 1));
}

/** The period of a kind that contains `day`. */
export function periodContaining(kind: Exclude<PeriodKind, 'range'>, day: string): Period {
  const [y, m] = day.split('-').map(Number) as [number, number, number];
  switch (kind) {
    case 'day':
      return { kind, from: day, to: day };
    case 'week': {
      // ISO weeks run Monday to Sunday.
      const weekday = (new Date(toMs(day)).getUTCDay() + 6) % 7;
      const from = addDays(day, -weekday);
      return { kind, from, to: addDays(from, 6) };
    }
    case 'month':
      return { kind, from: monthStart(y, m), to: addDays(monthStart(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1), -1) };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3);
      const from = monthStart(y, q * 3 + 1);
      return { kind, from, to: addDays(q === 3 ? monthStart(y + 1, 1) : monthStart(y, q * 3 + 4), -1) };
    }
    case 'year':
      return { kind, from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

export function rangePeriod(from: string, to: string): Period {
  return { kind: 'range', from, to };
}

/** The period right before, of the same kind (a range: the same number of days before it). */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'range') {
    const length = daysBetween(p.from, p.to) + 1;
    return { kind: 'range', from: addDays(p.from, -length), to: addDays(p.from, -1) };
  }
  return periodContaining(p.kind, addDays(p.from, -1));
}

/** The same period a year earlier (a week: 52 weeks earlier, so weekdays line up). */
export function lastYearPeriod(p: Period): Period {
  if (p.kind === 'week') return { kind: 'week', from: addDays(p.from, -364), to: addDays(p.to, -364) };
  if (p.kind === 'range' || p.kind === 'day') return { kind: p.kind, from: addYears(p.from, -1), to: addYears(p.to, -1) };
  return periodContaining(p.kind, addYears(p.from, -1));
}

export type Comparison = {
  current: Period;
  previous: Period;
  lastYear: Period;
  /** The period contains today: it and its comparisons stop after the same number of days. */
  isToDate: boolean;
  /** The whole period lies after today: there is nothing to count yet. */
  isFuture: boolean;
};

/** A period as it can be answered today, with its like-for-like comparisons. */
export function comparePeriods(p: Period, today: string): Comparison {
  const isFuture = p.from > today;
  const isToDate = !isFuture && p.to > today;
  const previous = previousPeriod(p);
  const lastYear = lastYearPeriod(p);
  if (!isToDate) return { current: p, previous, lastYear, isToDate, isFuture };
  const elapsed = daysBetween(p.from, today);
  const clip = (c: Period): Period => {
    const to = addDays(c.from, elapsed);
    return { ...c, to: to < c.to ? to : c.to };
  };
  return { current: { ...p, to: today }, previous: clip(previous), lastYear: clip(lastYear), isToDate, isFuture };
}

/** Buckets for a trend chart: days for short periods, months for long ones. */
export function trendBuckets(p: Period): { granularity: 'day' | 'month'; buckets: Period[] } {
  const length = daysBetween(p.from, p.to) + 1;
  const buckets: Period[] = [];
  if (length <= 62) {
    for (let d = p.from; d <= p.to; d = addDays(d, 1)) buckets.push({ kind: 'day', from: d, to: d });
    return { granularity: 'day', buckets };
  }
  for (let d = p.from; d <= p.to; ) {
    const month = periodContaining('month', d);
    buckets.push({ kind: 'month', from: d, to: month.to < p.to ? month.to : p.to });
    d = addDays(month.to, 1);
  }
  return { granularity: 'month', buckets };
}

function isoWeekNumber(monday: string): { year: number; week: number } {
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

/** 2026年 / 2026年第4季度 / 2026年12月 / 2026年第49周 / 2026-12-05 / 2026-01-01 至 2026-03-31 */
export function periodLabel(p: Period, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const y = p.from.slice(0, 4);
  const m = Number(p.from.slice(5, 7));
  const zh = lang === 'zh-CN';
  switch (p.kind) {
    case 'year':
      return zh ? `${y}年` : y;
    case 'quarter':
      return zh ? `${y}年第${Math.floor((m - 1) / 3) + 1}季度` : `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
    case 'month':
      return zh ? `${y}年${m}月` : `${y}-${String(m).padStart(2, '0')}`;
    case 'week': {
      const { year, week } = isoWeekNumber(p.from);
      return zh ? `${year}年第${week}周` : `${year}-W${String(week).padStart(2, '0')}`;
    }
    case 'day':
      return p.from;
    case 'range':
      return zh ? `${p.from} 至 ${p.to}` : `${p.from} to ${p.to}`;
  }
}

/** The first day of the month `day` falls in. */
export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The last day of the month `day` falls in. */
export function lastOfMonth(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return addDays(m === 12 ? `${y + 1}-01-01` : monthStart(y, m + 1), -1);
}

/**
 * A day range as the whole calendar months inside it (each named by its first day) and the days at
 * its ragged edges: what the month rollup answers and what the day rollup must add. A range shorter
 * than a month, or one that holds no whole month, is all days.
 */
export function splitByMonths(from: string, to: string): { months: { from: string; to: string } | null; days: { from: string; to: string }[] } {
  const firstWhole = from === firstOfMonth(from) ? from : addDays(lastOfMonth(from), 1);
  const lastWhole = to === lastOfMonth(to) ? firstOfMonth(to) : firstOfMonth(addDays(firstOfMonth(to), -1));
  if (firstWhole > lastWhole) return { months: null, days: from <= to ? [{ from, to }] : [] };
  const days: { from: string; to: string }[] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  const afterWhole = addDays(lastOfMonth(lastWhole), 1);
  if (afterWhole <= to) days.push({ from: afterWhole, to });
  return { months: { from: firstWhole, to: lastWhole }, days };
}
