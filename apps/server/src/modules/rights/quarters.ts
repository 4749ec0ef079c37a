import { DEFAULT_THRESHOLDS, type MonitoringIndicator, type Threshold, type WarningMeasure } from '@niangjia/contracts/rights-domain';
import { addDays, type IsoDate } from '../../platform/holidays';

export { DEFAULT_THRESHOLDS };
export type ReportValuesLike = Record<MonitoringIndicator, number>;

/** '2026-12-05' → '2026Q4'. */
export function quarterOf(date: IsoDate): string {
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

export function previousQuarter(q: string): string {
  const year = Number(q.slice(0, 4));
  const n = Number(q.slice(5));
  return n === 1 ? `${year - 1}Q4` : `${year}Q${n - 1}`;
}

/** The last day of a quarter. */
export function quarterEnd(q: string): IsoDate {
  const year = Number(q.slice(0, 4));
  const n = Number(q.slice(5));
  const nextStart = n === 4 ? `${year + 1}-01-01` : `${year}-${String(n * 3 + 1).padStart(2, '0')}-01`;
  return addDays(nextStart, -1);
}

/** A quarter's form is due on day `dueDay` of the month after it ends. */
export function reportDueOn(q: string, dueDay: number): IsoDate {
  return addDays(quarterEnd(q), dueDay);
}

/** The measures a threshold tests: shares of the headcount in percent, or the values as reported. */
export function measuresOf(v: ReportValuesLike): Record<WarningMeasure, number | null> {
  const share = (n: number) => (v.headcount > 0 ? Math.round((n / v.headcount) * 1000) / 10 : null);
  return {
    layoff_rate: share(v.layoffs),
    contract_rate: share(v.contract_signed),
    insurance_rate: share(v.social_insurance_covered),
    wage_arrears_workers: v.wage_arrears_workers,
    avg_monthly_overtime_hours: v.avg_monthly_overtime_hours,
    disputes: v.disputes,
    collective_incidents: v.collective_incidents,
  };
}

/** The thresholds a report crosses. */
export function breachesOf(v: ReportValuesLike, thresholds: readonly Threshold[]): (Threshold & { actual: number })[] {
  const m = measuresOf(v);
  return thresholds.flatMap((t) => {
    const actual = m[t.measure];
    if (actual === null) return [];
    return (t.op === 'gte' ? actual >= t.value : actual <= t.value) ? [{ ...t, actual }] : [];
  });
}
