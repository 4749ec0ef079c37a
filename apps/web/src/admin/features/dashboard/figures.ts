import type { MemberStats, Org, OrgRef, OrgType, Page, Permission, Position, PublicFundSummary, ShortfallPage } from '@niangjia/contracts';
import { childTypesOf, orgTypes } from '@niangjia/contracts/domain';
import { api } from '../../../shared/api';

/** One figure tile. `group` keeps related tiles together (组织, 会员, 阵地, 爱心基金). */
export type Figure = { key: string; group: 'orgs' | 'members' | 'positions' | 'fund'; value: number; format?: 'count' | 'money'; link?: string; tone?: 'primary' | 'warning' };

/** Node types that can stand anywhere below a type (a street's subtree holds no district or park). */
export function typesBelow(type: OrgType): OrgType[] {
  const seen = new Set<OrgType>();
  const walk = (t: OrgType) => {
    for (const c of childTypesOf(t)) {
      if (c === t || seen.has(c)) continue;
      seen.add(c);
      walk(c);
    }
  };
  walk(type);
  return orgTypes.filter((t) => seen.has(t));
}

const count = (p: Promise<{ total: number }>) => p.then((r) => r.total);

/**
 * The 工作台's figures for a scope, from the modules' own endpoints. This is the one place to move
 * onto the indicator catalogue (`/api/v1/indicators`) when it lands: the tiles only see Figures.
 * Only what matters at the scope's level is asked for: a street sees its grassroots and joint
 * unions, not 区县 / 园区 / 行业 tiles at 0; a figure that is 0 for a type that can exist is shown.
 */
export async function loadScopeFigures(scope: OrgRef, can: (p: Permission) => boolean, signal: AbortSignal): Promise<Figure[]> {
  const tasks: Promise<Figure[]>[] = [];
  if (can('org.read')) {
    tasks.push(
      (async () => {
        const types = typesBelow(scope.type).filter((t) => t !== 'federation');
        const [all, ...byType] = await Promise.all([
          count(api.get<Page<Org>>('/orgs', { under: scope.id, status: 'active', pageSize: 1 }, { signal })),
          ...types.map((type) => count(api.get<Page<Org>>('/orgs', { under: scope.id, type, status: 'active', pageSize: 1 }, { signal }))),
        ]);
        // Types that can exist here but have none are left out, except the grassroots unions the scope is for.
        return [
          { key: 'orgs.all', group: 'orgs', value: Math.max(0, all - 1), link: '/orgs', tone: 'primary' } satisfies Figure,
          ...types.flatMap((type, i) => (byType[i]! > 0 || type === 'grassroots' ? [{ key: `orgs.${type}`, group: 'orgs', value: byType[i]!, link: '/orgs' } satisfies Figure] : [])),
        ];
      })(),
    );
  }
  if (can('member.read')) {
    tasks.push(
      api.get<MemberStats>('/members/stats', { orgId: scope.id }, { signal }).then((s) => [
        { key: 'members.total', group: 'members', value: s.total, link: '/members', tone: 'primary' },
        { key: 'members.applied', group: 'members', value: s.applied, link: '/members/applications', tone: s.applied ? 'warning' : undefined },
        { key: 'members.gig', group: 'members', value: s.gigWorkers, link: '/members' },
      ]),
    );
  }
  if (can('position.read')) {
    tasks.push(
      Promise.all([
        count(api.get<Page<Position>>('/positions', { orgId: scope.id, pageSize: 1 }, { signal })),
        count(api.get<Page<Position>>('/positions', { orgId: scope.id, openNow: 'true', pageSize: 1 }, { signal })),
        api.get<ShortfallPage>('/facility-standards/shortfalls', { orgId: scope.id, pageSize: 1 }, { signal }),
      ]).then(([total, openNow, short]) => [
        { key: 'positions.total', group: 'positions', value: total, link: '/positions', tone: 'primary' },
        { key: 'positions.openNow', group: 'positions', value: openNow, link: '/positions' },
        { key: 'positions.belowStandard', group: 'positions', value: short.total, link: '/positions/shortfalls', tone: short.total ? 'warning' : undefined },
      ]),
    );
  }
  if (can('fund.read')) tasks.push(loadFundFigures(scope, signal));
  return (await Promise.all(tasks)).flat();
}

/**
 * The fund where the scope has it: the whole fund for the org that runs it (or above it), the
 * scope's own stations' share for a street under it, nothing when no fund station is in the scope.
 */
async function loadFundFigures(scope: OrgRef, signal: AbortSignal): Promise<Figure[]> {
  let summary: PublicFundSummary;
  try {
    summary = await api.get<PublicFundSummary>('/public/fund/summary', { org: scope.code }, { signal });
  } catch {
    return []; // no fund covers this scope
  }
  const funds = await api.get<Page<{ id: string; orgId: string }>>('/funds', undefined, { signal }).catch(() => ({ items: [] as { id: string; orgId: string }[] }));
  const ownsFund = funds.items.some((f) => f.id === summary.fund.id && f.orgId === scope.id) || scope.type === 'federation';
  if (ownsFund) {
    return [
      { key: 'fund.total', group: 'fund', value: summary.totalFen, format: 'money', link: '/fund/reports', tone: 'primary' },
      { key: 'fund.balance', group: 'fund', value: summary.balanceFen, format: 'money', link: '/fund/custodian' },
      { key: 'fund.breakfasts', group: 'fund', value: summary.totalBreakfasts, link: '/fund/cards' },
      { key: 'fund.today', group: 'fund', value: summary.today.contributionFen, format: 'money', link: '/fund/reports' },
    ];
  }
  const mine = await api.get<Page<Position>>('/positions', { orgId: scope.id, pageSize: 200 }, { signal });
  const ids = new Set(mine.items.map((p) => p.id));
  const stations = summary.stations.filter((s) => ids.has(s.positionId));
  if (!stations.length) return [];
  return [
    { key: 'fund.stations', group: 'fund', value: stations.length, link: '/fund/shops', tone: 'primary' },
    { key: 'fund.stationTotal', group: 'fund', value: stations.reduce((n, s) => n + s.totalFen, 0), format: 'money', link: '/fund/reports' },
    { key: 'fund.stationBreakfasts', group: 'fund', value: stations.reduce((n, s) => n + s.breakfasts, 0), link: '/fund/reports' },
  ];
}
