import type { MyBreakfastCard } from '@niangjia/contracts';
import { api } from '../../../shared/api';
import { useSession } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';

/**
 * What this worker can use besides the basics: their breakfast card (only when they hold one) and
 * the fund's public accounts (only where a fund exists), so no tile leads to an empty page.
 */
export function useWorkerOffers() {
  const { me } = useSession();
  const cards = useRequest((signal) => api.get<{ items: MyBreakfastCard[] }>('/me/breakfast-cards', undefined, { signal, skipAuthRedirect: true }), [me?.user.id], !!me);
  const fund = useRequest((signal) => api.get<{ totalFen: number }>('/public/fund/summary', undefined, { signal }).catch(() => null), []);
  return { hasBreakfastCard: (cards.data?.items.length ?? 0) > 0, hasFund: Boolean(fund.data) };
}
