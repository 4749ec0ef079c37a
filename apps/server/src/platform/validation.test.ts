import { describe, expect, it } from 'vitest';
import { findBadInput, isImpossibleDate, isUnstorableText } from './validation';

describe('bad input', () => {
  it('knows real dates from impossible ones', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01T23:59:59+08:00', '2026-01-01T00:00:00.123Z', '0001-01-01', 'not a date', '2026-02-30 is not a date but free text']) {
      expect(isImpossibleDate(ok), ok).toBe(false);
    }
    for (const bad of ['2026-02-30', '2023-02-29', '1900-02-29', '0000-01-01', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-01T24:00:00Z', '2026-01-01T10:60', '2026-01-01T10:00:00+24:00']) {
      expect(isImpossibleDate(bad), bad).toBe(true);
    }
  });

  it('finds NUL and lone surrogates but keeps real pairs (emoji, rare CJK)', () => {
    expect(isUnstorableText('a\u0000b')).toBe(true);
    expect(isUnstorableText('\ud800')).toBe(true);
    expect(isUnstorableText('x\udc00')).toBe(true);
    expect(isUnstorableText('😀 𠀀 驿站')).toBe(false);
  });

  it('names each bad place and stops at a depth no contract needs', () => {
    expect(findBadInput({ a: [{ b: 'ok' }, { c: 'x\u0000' }], d: '2026-02-30' }, '')).toEqual([
      { path: 'a.1.c', code: 'FIELD_TEXT_INVALID' },
      { path: 'd', code: 'FIELD_DATE_INVALID' },
    ]);
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(findBadInput(deep, 'body')[0]?.code).toBe('FIELD_TOO_DEEP');
    expect(findBadInput(Buffer.from([0, 0]), '')).toEqual([]);
  });
});
