import dayjs, { type Dayjs } from 'dayjs';
import { currentLanguage } from './i18n';

export const TIME_ZONE = 'Asia/Shanghai';

const dateTimeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of dateTimeParts.formatToParts(date)) out[part.type] = part.value;
  return out;
}

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, whatever the browser's own zone. */
export function formatDateTime(value: string | number | Date | null | undefined, withSeconds = false): string {
  const date = toDate(value);
  if (!date) return '—';
  const p = partsOf(date);
  const base = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return withSeconds ? `${base}:${p.second}` : base;
}

export function formatDate(value: string | number | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return '—';
  const p = partsOf(date);
  return `${p.year}-${p.month}-${p.day}`;
}

export function formatTime(value: Date, withSeconds = true): string {
  const p = partsOf(value);
  return withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

/**
 * An ISO timestamp with the +08:00 offset for a wall-clock time in Shanghai, which is what the
 * audit filter expects (from/to with offset). China has had no daylight saving since 1991.
 */
export function shanghaiIso(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+08:00`;
}

/**
 * Date-time pickers on the Shanghai wall clock whatever the browser's zone: a picker value is a
 * Dayjs whose local fields are Shanghai's (instants are stored UTC and shown in Shanghai).
 */
export function shanghaiPickerValue(at: string | number | Date): Dayjs {
  const wall = new Date(new Date(at).getTime() + 8 * 3600_000); // its UTC fields are Shanghai's
  return dayjs(new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()));
}

/** The instant (ISO, UTC) a picker's wall clock means in Shanghai. */
export function instantOfShanghaiPicker(d: Dayjs): string {
  return new Date(shanghaiIso(d.year(), d.month() + 1, d.date(), d.hour(), d.minute(), d.second())).toISOString();
}

/** Now, as a picker value (for defaults). */
export const shanghaiNow = (): Dayjs => shanghaiPickerValue(Date.now());

/** Integer fen → `¥1,234.50`. */
export function formatMoney(fen: number | bigint | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const value = typeof fen === 'bigint' ? fen : BigInt(Math.round(fen));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/** Counts as the reports print them: 17.2万 from ten thousand up (in English: 172,000). */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  if (currentLanguage() === 'en') return n.toLocaleString('en-US');
  if (Math.abs(n) >= 10000) {
    const wan = Math.round(n / 1000) / 10;
    return `${wan.toLocaleString('zh-CN', { maximumFractionDigits: 1 })}万`;
  }
  return n.toLocaleString('zh-CN');
}
