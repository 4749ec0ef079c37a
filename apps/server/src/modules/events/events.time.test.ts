import { describe, expect, it } from 'vitest';
import { addShanghaiMonths, shanghaiText } from './events.time';

describe('addShanghaiMonths', () => {
  it('keeps the Shanghai wall-clock time and day of the month', () => {
    // 2027-01-15 19:30 in Shanghai
    expect(shanghaiText(new Date(addShanghaiMonths('2027-01-15T11:30:00.000Z', 1)))).toBe('2027-02-15 19:30');
    expect(shanghaiText(new Date(addShanghaiMonths('2027-01-15T11:30:00.000Z', 12)))).toBe('2028-01-15 19:30');
  });

  it('moves an event that is already the next day in Shanghai by its Shanghai date', () => {
    // 2027-01-31 17:00Z is 1 February 01:00 in Shanghai: a month later is 1 March, not 3 March
    expect(shanghaiText(new Date(addShanghaiMonths('2027-01-31T17:00:00.000Z', 1)))).toBe('2027-03-01 01:00');
  });

  it('ends on the last day of a shorter month', () => {
    // 31 January 20:00 Shanghai
    expect(shanghaiText(new Date(addShanghaiMonths('2027-01-31T12:00:00.000Z', 1)))).toBe('2027-02-28 20:00');
    expect(shanghaiText(new Date(addShanghaiMonths('2028-01-31T12:00:00.000Z', 1)))).toBe('2028-02-29 20:00');
    expect(shanghaiText(new Date(addShanghaiMonths('2027-08-31T12:00:00.000Z', 1)))).toBe('2027-09-30 20:00');
  });

  it('is the identity for zero months', () => {
    expect(addShanghaiMonths('2027-05-20T02:00:00.000Z', 0)).toBe('2027-05-20T02:00:00.000Z');
  });
});
