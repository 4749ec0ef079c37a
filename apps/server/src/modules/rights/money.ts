/** ¥1,234.50 from fen. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/**
 * The amount in Chinese capitals (人民币大写), as agreements write it so no digit can be altered:
 * 1234567 fen → 壹万贰仟叁佰肆拾伍元陆角柒分; whole yuan end in 整.
 */
export function yuanInWords(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) throw new RangeError('fen must be a whole number ≥ 0');
  if (fen === 0) return '零元整';
  const yuanPart = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenPart = fen % 10;
  let words = '';
  if (yuanPart > 0) {
    const groups: number[] = [];
    for (let n = yuanPart; n > 0; n = Math.floor(n / 10000)) groups.push(n % 10000);
    let needZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g]!;
      if (group === 0) {
        needZero = words.length > 0;
        continue;
      }
      if (needZero || (words.length > 0 && group < 1000)) words += '零';
      needZero = false;
      let inner = '';
      let zero = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(group / 10 ** i) % 10;
        if (d === 0) {
          zero = inner.length > 0;
          continue;
        }
        if (zero) inner += '零';
        zero = false;
        inner += DIGITS[d]! + SMALL[i]!;
      }
      words += inner + BIG[g]!;
      // 1,005,000 is 壹佰万零伍仟: a group ending in zeros needs 零 before the next non-zero group.
      needZero = group % 10 === 0;
    }
    words += '元';
  }
  if (jiao === 0 && fenPart === 0) return `${words}整`;
  if (jiao > 0) words += `${DIGITS[jiao]!}角`;
  else if (yuanPart > 0) words += '零';
  if (fenPart > 0) words += `${DIGITS[fenPart]!}分`;
  else words += '整';
  return words;
}

/** 2026-12-05 → 2026年12月5日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}
