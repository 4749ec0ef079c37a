import { describe, expect, it } from 'vitest';
import { groupWeek } from './hours';

const label = {
  day: (d: number) => ['周一', '周二', '周三', '周四', '周五', '周六', '周日'][d]!,
  range: (a: string, b: string) => `${a}至${b}`,
  closed: '不开放',
};
const r = (start: string, end: string) => [{ start, end }];

describe('the sign’s week of hours', () => {
  it('puts consecutive days with the same hours on one line', () => {
    const week = [r('08:00', '18:00'), r('08:00', '18:00'), r('08:00', '18:00'), r('08:00', '18:00'), r('08:00', '18:00'), [], []];
    expect(groupWeek(week, label)).toEqual([
      { days: '周一至周五', hours: '08:00–18:00' },
      { days: '周六、周日', hours: '不开放' },
    ]);
  });

  it('keeps a day apart when its neighbours differ, and lists split ranges', () => {
    const week = [r('08:00', '18:00'), [...r('08:00', '12:00'), ...r('14:00', '18:00')], r('08:00', '18:00'), r('08:00', '18:00'), r('08:00', '18:00'), r('08:00', '18:00'), r('08:00', '18:00')];
    expect(groupWeek(week, label)).toEqual([
      { days: '周一', hours: '08:00–18:00' },
      { days: '周二', hours: '08:00–12:00，14:00–18:00' },
      { days: '周三至周日', hours: '08:00–18:00' },
    ]);
  });
});
