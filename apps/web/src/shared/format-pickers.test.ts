import { afterEach, describe, expect, it } from 'vitest';
import { instantOfShanghaiPicker, shanghaiPickerValue } from './format';

const zoneBefore = process.env.TZ;
afterEach(() => {
  process.env.TZ = zoneBefore;
});

describe.each(['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/Berlin'])('date-time pickers in Shanghai, from a browser in %s', (zone) => {
  it('shows an instant on the Shanghai wall clock and gives the same instant back', () => {
    process.env.TZ = zone;
    const v = shanghaiPickerValue('2027-05-25T06:00:00.000Z');
    expect(v.format('YYYY-MM-DD HH:mm')).toBe('2027-05-25 14:00');
    expect(instantOfShanghaiPicker(v)).toBe('2027-05-25T06:00:00.000Z');
    // Across the browser's own daylight-saving change (New York: 14 March 2027; Berlin: 28 March).
    expect(shanghaiPickerValue('2027-03-14T07:30:00.000Z').format('YYYY-MM-DD HH:mm')).toBe('2027-03-14 15:30');
    expect(instantOfShanghaiPicker(shanghaiPickerValue('2027-03-28T01:30:00.000Z'))).toBe('2027-03-28T01:30:00.000Z');
    // Late evening in Shanghai is the next day there.
    expect(shanghaiPickerValue('2027-01-31T17:00:00.000Z').format('YYYY-MM-DD HH:mm')).toBe('2027-02-01 01:00');
  });
});
