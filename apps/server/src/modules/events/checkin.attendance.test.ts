import { describe, expect, it } from 'vitest';
import { attendedMinutes, earnsCertificate } from './checkin.attendance';
import { signCheckinCode, verifyCheckinCode } from './checkin.code';

const at = (h: number) => new Date(Date.UTC(2026, 5, 1, 0, 0) + h * 3600_000);
const start = at(1);
const end = at(5);

describe('check-in attendance', () => {
  it('counts minutes between entry and exit inside the event’s hours only', () => {
    expect(attendedMinutes([{ kind: 'entry', at: at(0) }, { kind: 'exit', at: at(3.5) }], start, end)).toBe(150);
    expect(attendedMinutes([{ kind: 'entry', at: at(4) }, { kind: 'exit', at: at(7) }], start, end)).toBe(60);
    // Two stays; a second entry while inside changes nothing; an exit without entry counts nothing.
    expect(
      attendedMinutes(
        [
          { kind: 'exit', at: at(1) },
          { kind: 'entry', at: at(1) },
          { kind: 'entry', at: at(1.5) },
          { kind: 'exit', at: at(2) },
          { kind: 'entry', at: at(3) },
          { kind: 'exit', at: at(3.25) },
        ],
        start,
        end,
      ),
    ).toBe(75);
    // Never scanned out: no minutes (a training's minimum needs the exit scan).
    expect(attendedMinutes([{ kind: 'entry', at: at(1) }], start, end)).toBe(0);
  });

  it('gives a certificate to trainings’ attendees who stayed the minimum', () => {
    const r = { status: 'confirmed', attendedAt: at(1), attendedMinutes: 120 };
    expect(earnsCertificate({ type: 'training', minAttendanceMinutes: 120 }, r)).toBe(true);
    expect(earnsCertificate({ type: 'training', minAttendanceMinutes: 121 }, r)).toBe(false);
    expect(earnsCertificate({ type: 'training', minAttendanceMinutes: null }, { ...r, attendedMinutes: 0 })).toBe(true);
    expect(earnsCertificate({ type: 'training', minAttendanceMinutes: null }, { ...r, attendedAt: null })).toBe(false);
    expect(earnsCertificate({ type: 'sport', minAttendanceMinutes: null }, r)).toBe(false);
    expect(earnsCertificate({ type: 'training', minAttendanceMinutes: null }, { ...r, status: 'cancelled' })).toBe(false);
  });
});

describe('the rotating check-in code', () => {
  const key = Buffer.alloc(32, 3);
  const id = '0b3c1f7e-2d4a-4c1b-9e8f-7a6b5c4d3e2f';
  it('names its event for about two minutes, and nothing when forged or of another key', () => {
    const now = new Date('2026-06-01T08:00:30Z');
    const { code } = signCheckinCode(key, id, now);
    expect(verifyCheckinCode(key, code, now)).toBe(id);
    expect(verifyCheckinCode(key, code, new Date(now.getTime() + 60_000))).toBe(id);
    expect(verifyCheckinCode(key, code, new Date(now.getTime() + 120_000))).toBeNull();
    expect(verifyCheckinCode(key, code, new Date(now.getTime() - 60_000))).toBeNull();
    expect(verifyCheckinCode(Buffer.alloc(32, 4), code, now)).toBeNull();
    const parts = code.split('.');
    expect(verifyCheckinCode(key, [parts[0], parts[1], (parseInt(parts[2]!, 36) + 1).toString(36), parts[3]].join('.'), new Date(now.getTime() + 60_000))).toBeNull();
  });
});
