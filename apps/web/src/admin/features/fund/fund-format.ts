import type { ContributionRule } from '@niangjia/contracts';
import type { TFunction } from 'i18next';
import { formatMoney } from '../../../shared/format';

/** A rule in words: "每笔 ¥0.10" or "销售额 × 1%，每笔至多 ¥0.50". */
export function describeRule(t: TFunction, rule: Pick<ContributionRule, 'kind' | 'fixedFen' | 'bps' | 'capFen'> | null): string {
  if (!rule) return '—';
  const base =
    rule.kind === 'fixed'
      ? t('fundAdmin.rule.describeFixed', {
          amount: formatMoney(rule.fixedFen ?? 0),
        })
      : t('fundAdmin.rule.describeBps', { pct: (rule.bps ?? 0) / 100 });
  return rule.capFen ? base + t('fundAdmin.rule.describeCap', { amount: formatMoney(rule.capFen) }) : base;
}

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** The first day of this month and today, Asia/Shanghai. */
export function thisMonth(): [string, string] {
  const today = todayInShanghai();
  return [`${today.slice(0, 8)}01`, today];
}

/** Yuan typed by staff ("1,234.5") to integer fen, or null when it is not an amount. */
export function yuanToFen(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const s = String(text).replace(/[,\s¥]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole = '0', frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
