/**
 * Opening hours as people write them in a spreadsheet, and back:
 *   "周一至周五 08:00-18:00; 周六 09:00-12:00"   (days not named are closed)
 *   "24小时"                                      (the 24-hour flag)
 *   "每天 08:00-12:00,14:00-20:00"
 * and exceptions as "2026-10-01 闭馆 国庆; 2026-10-02 09:00-12:00 国庆".
 * Pure functions; the result is checked again by validateSchedule.
 */
import { isCalendarDate, parseTime, type ScheduleException, type TimeRange, type WeeklyHours } from './schedule';

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export class ScheduleTextError extends Error {
  constructor(
    readonly code: 'IMPORT_HOURS_TEXT' | 'IMPORT_EXCEPTIONS_TEXT',
    readonly part: string,
  ) {
    super(`${code}: ${part}`);
  }
}

const DAY_CHAR: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, 七: 6, '1': 0, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, '7': 6 };
const EN_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ALL_DAY = /^(24\s*小时|24\s*h(ours)?|全天(24\s*小时)?|00:00\s*-\s*24:00\s*每天)$/i;
const CLOSED = /^(闭馆|休息|关闭|不开放|closed?)$/i;

/** Full-width and typographic variants that Excel users type: ：；，～ – — 〜. */
function normalise(text: string): string {
  return text
    .replace(/[：]/g, ':')
    .replace(/[；]/g, ';')
    .replace(/[，、]/g, ',')
    .replace(/[～〜~–—－]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function dayOf(token: string): number | undefined {
  const t = token.trim().toLowerCase();
  const zh = /^(周|星期|礼拜)([一二三四五六日天七1-7])$/.exec(t);
  if (zh) return DAY_CHAR[zh[2]!];
  const en = EN_DAYS.indexOf(t.slice(0, 3));
  return en >= 0 && /^[a-z]+$/.test(t) ? en : undefined;
}

/** "周一至周五", "周一-周五", "周一,周三", "每天", "工作日", "周末" → weekday indexes. */
function parseDays(text: string): number[] | undefined {
  const t = text.trim().toLowerCase();
  if (/^(每天|每日|全周|daily|every ?day)$/.test(t)) return [0, 1, 2, 3, 4, 5, 6];
  if (/^(工作日|weekdays)$/.test(t)) return [0, 1, 2, 3, 4];
  if (/^(周末|双休日|weekends?)$/.test(t)) return [5, 6];
  const days = new Set<number>();
  for (const part of t.split(',')) {
    const range = part.split(/至|到|-/);
    if (range.length === 1) {
      const d = dayOf(range[0]!);
      if (d === undefined) return undefined;
      days.add(d);
    } else if (range.length === 2) {
      const from = dayOf(range[0]!);
      const to = dayOf(range[1]!);
      if (from === undefined || to === undefined || to < from) return undefined;
      for (let d = from; d <= to; d++) days.add(d);
    } else return undefined;
  }
  return days.size ? [...days].sort() : undefined;
}

const pad = (hhmm: string) => (hhmm.length === 4 ? `0${hhmm}` : hhmm);

/** "08:00-12:00,14:00-18:00" → ranges; "8:00-18:00" is read as 08:00. */
function parseRanges(text: string): TimeRange[] | undefined {
  const ranges: TimeRange[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    if (!m) return undefined;
    const range = { start: pad(m[1]!), end: pad(m[2]!) };
    try {
      parseTime(range.start);
      parseTime(range.end);
    } catch {
      return undefined;
    }
    ranges.push(range);
  }
  return ranges;
}

/** Reads the weekly hours; throws ScheduleTextError naming the part it could not read. */
export function parseWeeklyText(raw: string): { is24h: boolean; weekly: WeeklyHours } {
  const text = normalise(raw);
  const weekly: WeeklyHours = [[], [], [], [], [], [], []];
  if (ALL_DAY.test(text)) return { is24h: true, weekly };
  if (!text) throw new ScheduleTextError('IMPORT_HOURS_TEXT', raw);
  const seen = new Set<number>();
  for (const segment of text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    // The days come first, then the times (or 休息): split at the first digit that starts a time.
    const m = /^(.*?)\s*((\d{1,2}:\d{2}\s*-.*)|闭馆|休息|关闭|不开放|closed?)$/i.exec(segment);
    const days = m ? parseDays(m[1]!.replace(/[:\s]+$/, '')) : undefined;
    if (!m || !days) throw new ScheduleTextError('IMPORT_HOURS_TEXT', segment);
    const isClosed = CLOSED.test(m[2]!);
    const ranges = isClosed ? [] : parseRanges(m[2]!);
    if (!ranges || ranges.length > 4 || days.some((d) => seen.has(d))) throw new ScheduleTextError('IMPORT_HOURS_TEXT', segment);
    for (const d of days) {
      seen.add(d);
      weekly[d] = ranges.map((r) => ({ ...r }));
    }
  }
  return { is24h: false, weekly };
}

const rangesText = (ranges: TimeRange[]) => ranges.map((r) => `${r.start}-${r.end}`).join(',');

/** The weekly hours as text parseWeeklyText reads back: runs of days with the same hours grouped. */
export function formatWeeklyText(schedule: { is24h: boolean; weekly: WeeklyHours }): string {
  if (schedule.is24h) return '24小时';
  const parts: string[] = [];
  for (let d = 0; d < 7;) {
    const key = rangesText(schedule.weekly[d]!);
    let end = d;
    while (end + 1 < 7 && rangesText(schedule.weekly[end + 1]!) === key) end++;
    if (key) {
      const days = end === d ? WEEKDAY_LABELS[d] : end === d + 1 ? `${WEEKDAY_LABELS[d]},${WEEKDAY_LABELS[end]}` : `${WEEKDAY_LABELS[d]}至${WEEKDAY_LABELS[end]}`;
      parts.push(d === 0 && end === 6 ? `每天 ${key}` : `${days} ${key}`);
    }
    d = end + 1;
  }
  return parts.join('; ');
}

/** "2026-10-01 闭馆 国庆; 2026-10-02 09:00-12:00 国庆" → exceptions (note optional). */
export function parseExceptionsText(raw: string): ScheduleException[] {
  const text = normalise(raw);
  const out: ScheduleException[] = [];
  if (!text) return out;
  for (const segment of text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\d{4}-\d{1,2}-\d{1,2})\s+(闭馆|休息|关闭|不开放|closed?|[\d:,\s-]+?)(?:\s+(.+))?$/i.exec(segment);
    if (!m) throw new ScheduleTextError('IMPORT_EXCEPTIONS_TEXT', segment);
    const [y, mo, d] = m[1]!.split('-');
    const date = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    if (!isCalendarDate(date) || out.some((e) => e.date === date)) throw new ScheduleTextError('IMPORT_EXCEPTIONS_TEXT', segment);
    const note = m[3]?.trim();
    if (note && note.length > 60) throw new ScheduleTextError('IMPORT_EXCEPTIONS_TEXT', segment);
    if (CLOSED.test(m[2]!)) out.push({ date, kind: 'closed', ...(note ? { note } : {}) });
    else {
      const ranges = parseRanges(m[2]!.replace(/\s+/g, ''));
      if (!ranges || ranges.length > 4) throw new ScheduleTextError('IMPORT_EXCEPTIONS_TEXT', segment);
      out.push({ date, kind: 'hours', ranges, ...(note ? { note } : {}) });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export function formatExceptionsText(exceptions: ScheduleException[]): string {
  return exceptions.map((e) => [e.date, e.kind === 'closed' ? '闭馆' : rangesText(e.ranges ?? []), e.note ?? ''].filter(Boolean).join(' ')).join('; ');
}
