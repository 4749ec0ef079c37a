/** `YYYY-MM-DD HH:mm` in Asia/Shanghai (China keeps no daylight saving), for messages. */
export function shanghaiText(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * `iso` moved by whole months on the Asia/Shanghai calendar: the same wall-clock time on the same
 * day of the month, or the month's last day when it has fewer (31 Jan → 28/29 Feb, not 3 Mar). A
 * UTC shift would move an evening event that is already the next day in Shanghai.
 */
export function addShanghaiMonths(iso: string, months: number): string {
  const local = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const day = local.getUTCDate();
  const target = new Date(local.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return new Date(target.getTime() - 8 * 3600_000).toISOString();
}
