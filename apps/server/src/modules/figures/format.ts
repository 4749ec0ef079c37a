/**
 * Figures in words for documents (the yearly report): the same rounding everywhere, so a test
 * can find an indicator's value in the PDF's text.
 */
const UNIT_ZH: Record<string, string> = { count: '个', people: '人', person_times: '人次', percent: '%', m2: '平方米', stars: '星', fen: '元' };

export function formatValue(unit: string, value: number | null, decimals = 0): string {
  if (value === null) return '—';
  if (unit === 'fen') return `¥${(value / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const n = value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  if (unit === 'percent') return `${n}%`;
  return `${n} ${UNIT_ZH[unit] ?? ''}`.trim();
}

/** 同比增长 3.2% / 同比下降 1.1% / 与去年同期持平 / 同比提高 2.1 个百分点 */
export function describeChange(label: '同比' | '环比', unit: string, value: number | null, base: number | null): string {
  if (value === null || base === null) return `${label}无可比数据`;
  if (unit === 'percent') {
    const d = value - base;
    if (Math.abs(d) < 0.05) return `${label}持平`;
    return `${label}${d > 0 ? '提高' : '下降'} ${Math.abs(d).toFixed(1)} 个百分点`;
  }
  if (value === base) return `与${label === '同比' ? '去年同期' : '上期'}持平`;
  if (base === 0) return `${label}新增 ${formatValue(unit, value - base)}`;
  const rate = ((value - base) / Math.abs(base)) * 100;
  return `${label}${rate > 0 ? '增长' : '下降'} ${Math.abs(rate).toFixed(1)}%`;
}

export function rateText(value: number | null, base: number | null): string {
  if (value === null || base === null || base === 0) return '—';
  const rate = ((value - base) / Math.abs(base)) * 100;
  return `${rate > 0 ? '+' : ''}${rate.toFixed(1)}%`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二 (section numbers of a report). */
export function chineseNumber(n: number): string {
  if (n <= 10) return DIGITS[n]!;
  if (n < 20) return `十${DIGITS[n - 10]}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}
