import { describe, expect, it } from 'vitest';
import { addDays, addYears, comparePeriods, firstOfMonth, lastOfMonth, splitByMonths, periodContaining, periodLabel, previousPeriod, rangePeriod, shanghaiDayOf, trendBuckets } from './periods';
import { columnsOf, factSql, triggerFunctionSql, validateSeries } from './series-sql';

describe('periods in Asia/Shanghai days', () => {
  it('finds the period containing a day', () => {
    expect(periodContaining('week', '2026-12-05')).toMatchObject({ from: '2026-11-30', to: '2026-12-06' }); // Monday to Sunday
    expect(periodContaining('month', '2024-02-10')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodContaining('quarter', '2026-12-05')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodContaining('year', '2026-12-05')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('puts an instant on its Shanghai day', () => {
    expect(shanghaiDayOf(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(shanghaiDayOf(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });

  it('compares a year to date like for like: this year to 5 December against last year to 5 December', () => {
    const c = comparePeriods(periodContaining('year', '2026-06-01'), '2026-12-05');
    expect(c.isToDate).toBe(true);
    expect(c.current).toMatchObject({ from: '2026-01-01', to: '2026-12-05' });
    expect(c.lastYear).toMatchObject({ from: '2025-01-01', to: '2025-12-05' });
    expect(c.previous).toMatchObject({ from: '2025-01-01', to: '2025-12-05' });
  });

  it('clips a month to date and its previous month to the same number of days, never past its end', () => {
    const c = comparePeriods(periodContaining('month', '2026-03-31'), '2026-03-31');
    expect(c.isToDate).toBe(false);
    const d = comparePeriods(periodContaining('month', '2026-03-10'), '2026-03-30');
    expect(d.current).toMatchObject({ from: '2026-03-01', to: '2026-03-30' });
    expect(d.previous).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(d.lastYear).toMatchObject({ from: '2025-03-01', to: '2025-03-30' });
  });

  it('moves 29 February to the 28th a year earlier, and weeks by 52 weeks', () => {
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(comparePeriods(periodContaining('week', '2026-12-05'), '2027-01-01').lastYear).toMatchObject({ from: '2025-12-01', to: '2025-12-07' });
  });

  it('takes the same number of days before a range', () => {
    expect(previousPeriod(rangePeriod('2026-03-01', '2026-03-10'))).toMatchObject({ from: '2026-02-19', to: '2026-02-28' });
  });

  it('labels periods and buckets trends', () => {
    expect(periodLabel(periodContaining('quarter', '2026-12-05'))).toBe('2026年第4季度');
    expect(periodLabel(periodContaining('week', '2026-12-05'))).toBe('2026年第49周');
    expect(trendBuckets(periodContaining('year', '2026-01-01')).buckets).toHaveLength(12);
    expect(trendBuckets(periodContaining('month', '2026-02-01')).granularity).toBe('day');
  });
});

describe('a range as whole months and edge days (what the month rollup answers)', () => {
  it('splits a year to date into its whole months and the days of this month', () => {
    expect(splitByMonths('2026-01-01', '2026-12-05')).toEqual({ months: { from: '2026-01-01', to: '2026-11-01' }, days: [{ from: '2026-12-01', to: '2026-12-05' }] });
    expect(splitByMonths('2026-01-01', '2026-12-31')).toEqual({ months: { from: '2026-01-01', to: '2026-12-01' }, days: [] });
    expect(splitByMonths('2024-02-10', '2024-04-29')).toEqual({
      months: { from: '2024-03-01', to: '2024-03-01' },
      days: [
        { from: '2024-02-10', to: '2024-02-29' },
        { from: '2024-04-01', to: '2024-04-29' },
      ],
    });
  });

  it('keeps a range without a whole month as days', () => {
    expect(splitByMonths('2026-11-30', '2026-12-06')).toEqual({ months: null, days: [{ from: '2026-11-30', to: '2026-12-06' }] });
    expect(splitByMonths('2026-02-02', '2026-02-28')).toEqual({ months: null, days: [{ from: '2026-02-02', to: '2026-02-28' }] });
    expect(splitByMonths('2026-02-01', '2026-02-28')).toEqual({ months: { from: '2026-02-01', to: '2026-02-01' }, days: [] });
  });

  it('covers every day of any range exactly once', () => {
    for (let i = 0; i < 400; i++) {
      const from = addDays('2023-12-20', (i * 37) % 500);
      const to = addDays(from, (i * 53) % 420);
      const { months, days } = splitByMonths(from, to);
      const covered: string[] = days.flatMap((d) => Array.from({ length: Math.round((Date.parse(d.to) - Date.parse(d.from)) / 86_400_000) + 1 }, (_, k) => addDays(d.from, k)));
      for (let m = months?.from; months && m && m <= months.to; m = addDays(lastOfMonth(m), 1))
        for (let d = m; d <= lastOfMonth(m); d = addDays(d, 1)) covered.push(d);
      const expected = Array.from({ length: Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1 }, (_, k) => addDays(from, k));
      expect(covered.sort(), `${from}..${to}`).toEqual(expected);
      expect(months === null || months.from === firstOfMonth(months.from)).toBe(true);
    }
  });
});

describe('series SQL', () => {
  const def = {
    key: 'members.count',
    tables: { m: 'membership', p: 'person' },
    from: '{m} m join {p} p on p.id = m.person_id',
    org: 'm.org_id',
    dims: { form: 'p.employment_form' },
    events: [{ at: 'm.joined_at', value: '1', where: "m.status = 'active'" }],
  };

  it('knows which columns of each table a series reads', () => {
    expect(columnsOf(def, 'm')).toEqual(['id', 'joined_at', 'org_id', 'person_id', 'status']);
    expect(columnsOf(def, 'p')).toEqual(['employment_form', 'id']);
  });

  it('evaluates the SQL over any stand-in for a table (a transition table in a trigger)', () => {
    expect(factSql(def, (a, t) => (a === 'm' ? 'indicator_new_rows' : t))).toContain('from indicator_new_rows m join person p');
    expect(triggerFunctionSql('person', [def])).toContain('row(y.employment_form, y.id) is not distinct from row(x.employment_form, x.id)');
  });

  it('refuses declarations it cannot maintain', () => {
    expect(validateSeries({ ...def, key: 'bad' })).not.toEqual([]);
    expect(validateSeries({ ...def, from: '{m} m' })).toContainEqual(expect.stringContaining('{p} is not in from'));
  });
});
