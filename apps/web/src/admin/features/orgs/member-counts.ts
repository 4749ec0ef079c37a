import type { IndicatorBreakdown } from '@niangjia/contracts';
import { api } from '../../../shared/api';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';

/**
 * 会员人数 of an org and of each of its children, today, from the indicator catalogue
 * (members.total by child): the same numbers as 数据中心, counted once by the figures engine
 * rather than again by the org tree. Nothing is asked without figures.read.
 */
export function useMemberCounts(orgId: string | undefined) {
  const me = useMe();
  const allowed = Boolean(orgId) && me.permissions.includes('figures.read');
  const counts = useRequest(
    async (signal) => {
      const b = await api.get<IndicatorBreakdown>('/indicators/members.total/breakdown', { org: orgId, by: 'child', period: 'day' }, { signal });
      return { total: b.total, byChild: new Map(b.rows.filter((r) => r.org && !r.isOwn).map((r) => [r.org!.id, r.value])) };
    },
    [orgId],
    allowed,
  );
  return allowed ? counts.data : undefined;
}
