import fs from 'node:fs';
import { createRequire } from 'node:module';
import { addDays, isIsoDate, weekdayOf, yearOf, type IsoDate } from './dates';

/**
 * China's working-day calendar: weekends are rest days, except the 调休 Saturdays and Sundays the
 * State Council's yearly notice makes working days; statutory holidays (with the days joined to
 * them) are rest days. The yearly notices come bundled from the `chinese-days` package (2004 on,
 * a JSON file, nothing is downloaded); staff overrides cover a year the package does not know
 * yet, or correct a day.
 */
export type DayKind = 'holiday' | 'workday';
export type DaySource = 'override' | 'bundled' | 'weekday' | 'weekend';
export type DayInfo = { date: IsoDate; isWorkingDay: boolean; source: DaySource; name: string | null };
export type HolidayOverride = { date: IsoDate; kind: DayKind; name: string | null };

type BundledData = { holidays: Record<string, string>; workdays: Record<string, string> };
export type BundledCalendar = { holidays: Map<IsoDate, string>; workdays: Map<IsoDate, string>; years: Set<number> };

let bundled: BundledCalendar | undefined;

/** "Spring Festival,春节,4" → "春节". */
const chineseName = (value: string): string => value.split(',')[1] ?? value;

/** The package's JSON, read once (37 kB). */
export function loadBundledCalendar(): BundledCalendar {
  if (bundled) return bundled;
  const file = createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as BundledData;
  const holidays = new Map(Object.entries(data.holidays).map(([d, v]) => [d, chineseName(v)] as const));
  const workdays = new Map(Object.entries(data.workdays).map(([d, v]) => [d, chineseName(v)] as const));
  const years = new Set([...holidays.keys()].map(yearOf));
  bundled = { holidays, workdays, years };
  return bundled;
}

export type HolidayCalendar = {
  /** What kind of day a date is, and why. */
  dayInfo(date: IsoDate): DayInfo;
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The n-th working day after `date` (n ≥ 1; the start day itself is not counted), e.g. "within
   * 3 working days of receipt". n = 0 returns the date itself.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** The date itself if it is a working day, else the next working day (Civil Code art. 203). */
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate;
  /** Working days in (from, to]: how many working days have passed since `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** Whether the year's holiday notice is known (bundled, or staff entered overrides for it). */
  isYearCovered(year: number): boolean;
};

/** A calendar from the bundled notices plus staff overrides (an override wins). */
export function createCalendar(overrides: readonly HolidayOverride[] = [], data: BundledCalendar = loadBundledCalendar()): HolidayCalendar {
  const byDate = new Map(overrides.map((o) => [o.date, o] as const));
  const overrideYears = new Set(overrides.map((o) => yearOf(o.date)));

  function dayInfo(date: IsoDate): DayInfo {
    if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
    const o = byDate.get(date);
    if (o) return { date, isWorkingDay: o.kind === 'workday', source: 'override', name: o.name };
    const holiday = data.holidays.get(date);
    if (holiday !== undefined) return { date, isWorkingDay: false, source: 'bundled', name: holiday };
    const workday = data.workdays.get(date);
    if (workday !== undefined) return { date, isWorkingDay: true, source: 'bundled', name: `${workday}调休上班` };
    const wd = weekdayOf(date);
    return wd === 0 || wd === 6 ? { date, isWorkingDay: false, source: 'weekend', name: null } : { date, isWorkingDay: true, source: 'weekday', name: null };
  }
  const isWorkingDay = (date: IsoDate) => dayInfo(date).isWorkingDay;

  return {
    dayInfo,
    isWorkingDay,
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
      let current = date;
      let left = n;
      // Guard: no year has more than ~120 rest days in a row, so 10 years is generous for any n we use.
      for (let guard = 0; left > 0 && guard < 3660 + n * 2; guard++) {
        current = addDays(current, 1);
        if (isWorkingDay(current)) left--;
      }
      return current;
    },
    nextWorkingDayOnOrAfter(date) {
      let current = date;
      for (let guard = 0; !isWorkingDay(current) && guard < 366; guard++) current = addDays(current, 1);
      return current;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
      return count;
    },
    isYearCovered: (year) => data.years.has(year) || overrideYears.has(year),
  };
}
