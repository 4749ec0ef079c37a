/**
 * Calendar dates as 'YYYY-MM-DD' strings in Asia/Shanghai. China has had no daylight saving time
 * since 1991, so the zone is always UTC+8 and date arithmetic can run on UTC midnights.
 */
export type IsoDate = string;

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Asia/Shanghai calendar date at an instant. */
export function shanghaiDateOf(at: Date): IsoDate {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day begins. */
export function shanghaiStartOf(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function toUtc(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(toUtc(date)).getUTCDay();
}

/**
 * The same day `years` later; 29 February becomes 28 February in a common year. This is how the
 * Civil Code art. 202 counts a period in years: it ends on the corresponding day of the last year,
 * or on the month's last day when that day does not exist.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));
