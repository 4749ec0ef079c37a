import { describe, expect, it } from 'vitest';
import { validateSchedule, type WeeklyHours } from './schedule';
import { formatExceptionsText, formatWeeklyText, parseExceptionsText, parseWeeklyText, ScheduleTextError } from './schedule-text';

const r = (start: string, end: string) => ({ start, end });

describe('weekly hours as text', () => {
  it('reads day ranges, single days and closed days', () => {
    const { is24h, weekly } = parseWeeklyText('周一至周五 08:00-18:00; 周六 09:00-12:00');
    expect(is24h).toBe(false);
    expect(weekly).toEqual([[r('08:00', '18:00')], [r('08:00', '18:00')], [r('08:00', '18:00')], [r('08:00', '18:00')], [r('08:00', '18:00')], [r('09:00', '12:00')], []]);
  });

  it('reads 24小时, 每天, full-width punctuation, split days and two ranges', () => {
    expect(parseWeeklyText('24小时').is24h).toBe(true);
    expect(parseWeeklyText(' 24 小时 ').is24h).toBe(true);
    expect(parseWeeklyText('每天 8:00–20:00').weekly.every((d) => d[0]?.start === '08:00' && d[0].end === '20:00')).toBe(true);
    const w = parseWeeklyText('周一、周三：08:00-12:00，14:00-18:00；星期日 10:00～16:00').weekly;
    expect(w[0]).toEqual([r('08:00', '12:00'), r('14:00', '18:00')]);
    expect(w[1]).toEqual([]);
    expect(w[2]).toEqual(w[0]);
    expect(w[6]).toEqual([r('10:00', '16:00')]);
    expect(parseWeeklyText('工作日 09:00-17:00; 周末 休息').weekly[5]).toEqual([]);
    // Across midnight is kept as typed (the schedule reads it as running into the next day).
    expect(parseWeeklyText('周五 22:00-06:00').weekly[4]).toEqual([r('22:00', '06:00')]);
  });

  it('refuses what it cannot read, naming the part', () => {
    for (const bad of ['', '周八 08:00-18:00', '周一至周五 8点到18点', '周五至周一 08:00-18:00', '周一 08:00-18:00; 周一 09:00-10:00', '周一 25:00-26:00', 'sometimes']) {
      expect(() => parseWeeklyText(bad), bad).toThrow(ScheduleTextError);
    }
    try {
      parseWeeklyText('周一至周五 08:00-18:00; 周六 9点');
    } catch (e) {
      expect((e as ScheduleTextError).part).toBe('周六 9点');
    }
  });

  it('writes text that reads back to the same schedule', () => {
    const cases: WeeklyHours[] = [
      [[r('08:00', '18:00')], [r('08:00', '18:00')], [r('08:00', '18:00')], [r('08:00', '18:00')], [r('08:00', '18:00')], [r('09:00', '12:00')], []],
      [[r('07:00', '21:00')], [r('07:00', '21:00')], [r('07:00', '21:00')], [r('07:00', '21:00')], [r('07:00', '21:00')], [r('07:00', '21:00')], [r('07:00', '21:00')]],
      [[], [r('08:00', '12:00'), r('14:00', '18:00')], [], [r('08:00', '12:00'), r('14:00', '18:00')], [], [], [r('22:00', '06:00')]],
      [[], [], [], [], [], [], []],
    ];
    expect(formatWeeklyText({ is24h: false, weekly: cases[0]! })).toBe('周一至周五 08:00-18:00; 周六 09:00-12:00');
    expect(formatWeeklyText({ is24h: false, weekly: cases[1]! })).toBe('每天 07:00-21:00');
    expect(formatWeeklyText({ is24h: true, weekly: cases[3]! })).toBe('24小时');
    for (const weekly of cases.slice(0, 3)) expect(parseWeeklyText(formatWeeklyText({ is24h: false, weekly })).weekly).toEqual(weekly);
  });
});

describe('exceptions as text', () => {
  it('reads closures and special hours with notes, sorted by date', () => {
    const e = parseExceptionsText('2026-10-02 09:00-12:00 国庆; 2026-10-01 闭馆 国庆节；2027-2-1 休息');
    expect(e).toEqual([
      { date: '2026-10-01', kind: 'closed', note: '国庆节' },
      { date: '2026-10-02', kind: 'hours', ranges: [r('09:00', '12:00')], note: '国庆' },
      { date: '2027-02-01', kind: 'closed' },
    ]);
    expect(validateSchedule({ is24h: false, weekly: [[], [], [], [], [], [], []], exceptions: e })).toEqual([]);
    expect(parseExceptionsText(formatExceptionsText(e))).toEqual(e);
    expect(parseExceptionsText('')).toEqual([]);
  });

  it('refuses impossible dates, duplicates and unreadable hours', () => {
    for (const bad of ['2026-02-30 闭馆', '2026-10-01 闭馆; 2026-10-01 休息', '10月1日 闭馆', '2026-10-01 上午']) {
      expect(() => parseExceptionsText(bad), bad).toThrow(ScheduleTextError);
    }
  });
});
