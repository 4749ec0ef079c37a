// The periods of the public 账目公开 page, as Asia/Shanghai days.
export type Period = 'month' | 'lastMonth' | 'year' | 'all';
// The fund's accounts start with the first commerce-sustained station (2023).
const FIRST_DAY = '2023-01-01';

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function rangeOf(period: Period, now = today()): { from: string; to: string } {
  const [y = 0, m = 1] = now.split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (period === 'month') return { from: `${y}-${pad(m)}-01`, to: now };
  if (period === 'year') return { from: `${y}-01-01`, to: now };
  if (period === 'all') {
    // The API takes at most three years at once.
    const d = Number(now.slice(8, 10));
    const threeYears = new Date(Date.UTC(y - 3, m - 1, d + 1)).toISOString().slice(0, 10);
    return { from: threeYears > FIRST_DAY ? threeYears : FIRST_DAY, to: now };
  }
  const [ly, lm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const lastDay = new Date(Date.UTC(ly, lm, 0)).getUTCDate();
  return { from: `${ly}-${pad(lm)}-01`, to: `${ly}-${pad(lm)}-${pad(lastDay)}` };
}
