import { describe, expect, it } from 'vitest';
import { hoursText, isOpenAt, toLocal, validateSchedule, type Schedule, type WeeklyHours } from './schedule';

const every = (start: string, end: string): WeeklyHours => [0, 1, 2, 3, 4, 5, 6].map(() => [{ start, end }]) as WeeklyHours;
// Shanghai local time → the UTC instant.
const at = (local: string) => new Date(`${local}:00+08:00`);

describe('opening hours (Asia/Shanghai)', () => {
  it('reads local time, not UTC', () => {
    expect(toLocal(at('2026-11-24T07:30'))).toEqual({ date: '2026-11-24', weekday: 1, minute: 450 });
    expect(toLocal(new Date('2026-11-24T20:00:00Z'))).toMatchObject({ date: '2026-11-25', minute: 240 });
  });

  it('day hours: open inside, closed at and after closing', () => {
    const s: Schedule = { is24h: false, weekly: every('08:00', '18:00'), exceptions: [] };
    expect(isOpenAt(s, at('2026-11-24T07:59'))).toBe(false);
    expect(isOpenAt(s, at('2026-11-24T08:00'))).toBe(true);
    expect(isOpenAt(s, at('2026-11-24T17:59'))).toBe(true);
    expect(isOpenAt(s, at('2026-11-24T18:00'))).toBe(false);
  });

  it('a night range crosses midnight and belongs to the day it starts', () => {
    const weekly = every('08:00', '18:00');
    weekly[4] = [{ start: '22:00', end: '06:00' }]; // Friday night
    weekly[5] = []; // Saturday closed
    const s: Schedule = { is24h: false, weekly, exceptions: [] };
    expect(isOpenAt(s, at('2026-11-27T23:30'))).toBe(true); // Friday
    expect(isOpenAt(s, at('2026-11-28T05:59'))).toBe(true); // Saturday early, from Friday
    expect(isOpenAt(s, at('2026-11-28T06:00'))).toBe(false);
    expect(isOpenAt(s, at('2026-11-28T12:00'))).toBe(false);
  });

  it('24-hour positions are always open, except on a closure', () => {
    const s: Schedule = { is24h: true, weekly: every('08:00', '18:00'), exceptions: [{ date: '2026-12-01', kind: 'closed', note: '设备检修' }] };
    expect(isOpenAt(s, at('2026-11-30T03:00'))).toBe(true);
    expect(isOpenAt(s, at('2026-12-01T12:00'))).toBe(false);
    expect(hoursText(s, at('2026-12-01T12:00'))).toEqual({ date: '2026-12-01', ranges: [], note: '设备检修' });
    expect(hoursText(s, at('2026-11-30T12:00')).ranges).toEqual(['00:00–24:00']);
  });

  it('holiday hours replace the weekly ones', () => {
    const s: Schedule = { is24h: false, weekly: every('08:00', '18:00'), exceptions: [{ date: '2027-02-06', kind: 'hours', ranges: [{ start: '10:00', end: '14:00' }], note: '春节' }] };
    expect(isOpenAt(s, at('2027-02-06T09:00'))).toBe(false);
    expect(isOpenAt(s, at('2027-02-06T13:00'))).toBe(true);
    expect(hoursText(s, at('2027-02-06T13:00'))).toEqual({ date: '2027-02-06', ranges: ['10:00–14:00'], note: '春节' });
  });

  it('finds overlapping ranges and bad times', () => {
    const weekly = every('08:00', '18:00');
    weekly[0] = [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }];
    weekly[1] = [{ start: '8:00', end: '12:00' }];
    const problems = validateSchedule({ is24h: false, weekly, exceptions: [{ date: '2026-02-30', kind: 'closed' }] });
    expect(problems).toEqual([
      { path: 'weekly.0', problem: 'SCHEDULE_OVERLAP' },
      { path: 'weekly.1', problem: 'SCHEDULE_TIME_FORMAT' },
      { path: 'exceptions.0.date', problem: 'SCHEDULE_DATE_FORMAT' },
    ]);
  });
});
