import { describe, expect, it } from 'vitest';
import { chineseDate, yuan, yuanInWords } from './money';

describe('amounts in agreements', () => {
  it('writes yuan with separators', () => {
    expect(yuan(17_230_000)).toBe('¥172,300.00');
    expect(yuan(5)).toBe('¥0.05');
    expect(yuan(-12_345)).toBe('-¥123.45');
  });
  it('writes Chinese capitals the way receipts and agreements do', () => {
    expect(yuanInWords(17_230_000)).toBe('壹拾柒万贰仟叁佰元整');
    expect(yuanInWords(2_000_000)).toBe('贰万元整');
    expect(yuanInWords(100_500_000)).toBe('壹佰万零伍仟元整');
    expect(yuanInWords(1_234_567)).toBe('壹万贰仟叁佰肆拾伍元陆角柒分');
    expect(yuanInWords(1_005)).toBe('壹拾元零伍分');
    expect(yuanInWords(1_000_010_000)).toBe('壹仟万零壹佰元整');
    expect(yuanInWords(50)).toBe('伍角整');
    expect(yuanInWords(0)).toBe('零元整');
  });
  it('writes dates the Chinese way', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });
});
