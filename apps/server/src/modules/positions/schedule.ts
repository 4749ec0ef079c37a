/**
 * Opening hours of a service position: a weekly schedule in Asia/Shanghai local time, a 24-hour
 * flag, and dated exceptions (holidays, closures, special hours). Pure functions, no database.
 *
 * An interval may cross midnight ("22:00-06:00"): it belongs to the day it starts on, so Friday's
 * 22:00–06:00 keeps the station open early on Saturday even if Saturday itself is closed.
 */
export type TimeRange = { start: string; end: string };
/** Index 0 = Monday … 6 = Sunday (GB/T 7408 / ISO 8601 week), local times "HH:mm". */
export type WeeklyHours = [TimeRange[], TimeRange[], TimeRange[], TimeRange[], TimeRange[], TimeRange[], TimeRange[]];
export type ScheduleException = {
  /** Local date YYYY-MM-DD. */
  date: string;
  /** closed: shut all day; hours: these ranges instead of the weekly ones. */
  kind: 'closed' | 'hours';
  ranges?: TimeRange[];
  note?: string;
};
export type Schedule = { is24h: boolean; weekly: WeeklyHours; exceptions: ScheduleException[] };

const SHANGHAI_OFFSET_MIN = 8 * 60; // China has no daylight saving time since 1991.
const DAY_MIN = 24 * 60;

export function parseTime(hhmm: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > DAY_MIN) throw new Error(`not a time of day: ${hhmm}`);
  return minutes;
}

/** Local (Asia/Shanghai) calendar date and minute of day of an instant. */
export function toLocal(instant: Date): { date: string; weekday: number; minute: number } {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MIN * 60_000);
  const date = local.toISOString().slice(0, 10);
  const weekday = (local.getUTCDay() + 6) % 7;
  return { date, weekday, minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The ranges that start on a local date, after exceptions; 24-hour positions are one range. */
export function rangesOn(schedule: Schedule, date: string): TimeRange[] {
  const exception = schedule.exceptions.find((e) => e.date === date);
  if (exception?.kind === 'closed') return [];
  if (exception?.kind === 'hours') return exception.ranges ?? [];
  if (schedule.is24h) return [{ start: '00:00', end: '24:00' }];
  return schedule.weekly[weekdayOf(date)] ?? [];
}

/** Minutes [from, to) relative to the start of `date`; a range crossing midnight runs past 1440. */
function spans(ranges: TimeRange[]): [number, number][] {
  return ranges.map(({ start, end }) => {
    const s = parseTime(start);
    let e = parseTime(end);
    if (e <= s) e += DAY_MIN;
    return [s, e];
  });
}

export function isOpenAt(schedule: Schedule, instant: Date): boolean {
  const { date, minute } = toLocal(instant);
  if (spans(rangesOn(schedule, date)).some(([s, e]) => minute >= s && minute < e)) return true;
  // Yesterday's ranges that run past midnight.
  const yesterday = shiftDate(date, -1);
  return spans(rangesOn(schedule, yesterday)).some(([s, e]) => e > DAY_MIN && minute + DAY_MIN >= s && minute + DAY_MIN < e);
}

/** Today's hours as people read them: "00:00–24:00", "08:00–12:00, 14:00–18:00", or [] when closed. */
export function hoursText(schedule: Schedule, instant: Date): { date: string; ranges: string[]; note: string | null } {
  const { date } = toLocal(instant);
  const exception = schedule.exceptions.find((e) => e.date === date);
  return {
    date,
    ranges: rangesOn(schedule, date).map((r) => `${r.start}–${r.end}`),
    note: exception?.note ?? null,
  };
}

/** Checks a schedule a person typed: times well-formed, ranges of one day not overlapping. */
export function validateSchedule(schedule: Schedule): { path: string; problem: string }[] {
  const problems: { path: string; problem: string }[] = [];
  const check = (ranges: TimeRange[], path: string) => {
    try {
      const sorted = spans(ranges).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i]![0] < sorted[i - 1]![1]) problems.push({ path, problem: 'SCHEDULE_OVERLAP' });
      }
    } catch {
      problems.push({ path, problem: 'SCHEDULE_TIME_FORMAT' });
    }
  };
  schedule.weekly.forEach((ranges, i) => check(ranges, `weekly.${i}`));
  schedule.exceptions.forEach((e, i) => {
    if (!isCalendarDate(e.date)) {
      problems.push({ path: `exceptions.${i}.date`, problem: 'SCHEDULE_DATE_FORMAT' });
    }
    if (e.kind === 'hours') check(e.ranges ?? [], `exceptions.${i}.ranges`);
  });
  return problems;
}

/** A real calendar date: JavaScript would happily read 2026-02-30 as 2 March. */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}
