/** `YYYY-MM-DD HH:mm` in Asia/Shanghai (China keeps no daylight saving), for messages. */
export function shanghaiText(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
