import { and, asc, count, eq, min } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registerMessages } from '../../platform/i18n';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { org, todoScopeCondition } from '../orgs';
import { canteenCertification, canteenTier } from './canteen.tables';

registerMessages({
  TODO_CANTEEN_CERTIFICATION: ['{name} 申请“{tier}”食堂优惠，待认定', '{name} applied for the canteen tier “{tier}”: to certify'],
});

/** 共享食堂: certification applications waiting for the canteen's union. */
export const canteenTodos: TodoSource = {
  kind: 'canteen_certification',
  permission: 'assistance.write',
  list(db: Db, q) {
    const where = and(eq(canteenCertification.status, 'pending'), todoScopeCondition(q));
    return collectTodos(
      db
        .select({ n: count(), oldest: min(canteenCertification.createdAt) })
        .from(canteenCertification)
        .innerJoin(org, eq(org.id, canteenCertification.orgId))
        .where(where),
      db
        .select({ id: canteenCertification.id, name: canteenCertification.personName, tier: canteenTier.name, orgName: org.name, at: canteenCertification.createdAt })
        .from(canteenCertification)
        .innerJoin(canteenTier, eq(canteenTier.id, canteenCertification.tierId))
        .innerJoin(org, eq(org.id, canteenCertification.orgId))
        .where(where)
        .orderBy(asc(canteenCertification.createdAt))
        .limit(q.limit),
      (r) => ({ id: r.id, title: { key: 'TODO_CANTEEN_CERTIFICATION', params: { name: r.name, tier: r.tier } }, orgName: r.orgName, at: r.at, link: '/admin/assistance/canteen' }),
    );
  },
};
