/**
 * Attendance arithmetic of check-in, kept pure (unit-tested): the minutes between entry and exit
 * scans inside the event's hours, and who earns a training certificate.
 */
export type Scan = { kind: 'entry' | 'exit'; at: Date };

/** Check-in opens this long before the start and closes this long after the end. */
export const CHECKIN_MARGIN_MS = 2 * 3600_000;

/**
 * Minutes attended: each entry opens a stay (a second entry while inside changes nothing), the
 * next exit closes it; only the part inside [start, end] counts. A stay never closed by an exit
 * counts nothing — a training's minimum hours need the exit scan.
 */
export function attendedMinutes(scans: readonly Scan[], start: Date, end: Date): number {
  const sorted = [...scans].sort((a, b) => a.at.getTime() - b.at.getTime());
  let inAt: number | null = null;
  let ms = 0;
  for (const s of sorted) {
    const t = s.at.getTime();
    if (s.kind === 'entry') inAt ??= t;
    else if (inAt !== null) {
      ms += Math.max(0, Math.min(t, end.getTime()) - Math.max(inAt, start.getTime()));
      inAt = null;
    }
  }
  return Math.floor(ms / 60_000);
}

/** A training's certificate: for those who came, and stayed the minimum when one is set. */
export function earnsCertificate(e: { type: string; minAttendanceMinutes: number | null }, r: { status: string; attendedAt: Date | null; attendedMinutes: number }): boolean {
  if (e.type !== 'training' || r.status !== 'confirmed' || !r.attendedAt) return false;
  return e.minAttendanceMinutes === null || r.attendedMinutes >= e.minAttendanceMinutes;
}
