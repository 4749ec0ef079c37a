import { formatMoney } from '../../../shared/format';

export const FORMS = ['full_time', 'part_time', 'flexible', 'internship'] as const;
export const PERIODS = ['month', 'day', 'hour'] as const;
/** Whole yuan without a trailing .00 (pay ranges read as ¥6,000–¥8,000). */
export const yuanText = (fen: number) => formatMoney(fen).replace(/\.00$/, '');
/** Today's date in Asia/Shanghai, YYYY-MM-DD. */
export const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const STATUS_COLORS: Record<string, string> = { draft: 'default', open: 'green', closed: 'default', filled: 'blue' };
