import { and, asc, count, eq, min } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registerMessages } from '../../platform/i18n';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { org, todoScopeCondition } from '../orgs';
import { rightsCase, rightsReferral } from './cases.tables';
import { rightsConsultation } from './consultations.tables';
import { rightsMonitoringPoint, rightsWarning } from './monitoring.tables';

registerMessages({
  // No asker, no question: a to-do shows the category only (the question may name people).
  TODO_RIGHTS_CONSULTATION: ['{number}（{category}）待答复', '{number} ({category}) to answer'],
  // A case number only: the receiving union sees party details after it accepts.
  TODO_RIGHTS_REFERRAL: ['案件 {number} 转来待接收', 'Case {number} referred: accept or return'],
  TODO_RIGHTS_WARNING: ['{name} {quarter} 劳动关系预警', '{name}: labour-relations warning for {quarter}'],
});

const under = todoScopeCondition;

/** 法律咨询待答复: consultations in scope nobody has answered yet. */
export const rightsConsultationTodos: TodoSource = {
  kind: 'rights_consultation',
  permission: 'rights.write',
  list(db: Db, q) {
    const where = and(eq(rightsConsultation.status, 'open'), under(q));
    return collectTodos(
      db.select({ n: count(), oldest: min(rightsConsultation.askedAt) }).from(rightsConsultation).innerJoin(org, eq(org.id, rightsConsultation.orgId)).where(where),
      db
        .select({ id: rightsConsultation.id, number: rightsConsultation.number, category: rightsConsultation.category, orgName: org.name, at: rightsConsultation.askedAt })
        .from(rightsConsultation)
        .innerJoin(org, eq(org.id, rightsConsultation.orgId))
        .where(where)
        .orderBy(asc(rightsConsultation.askedAt))
        .limit(q.limit),
      (r) => ({ id: r.id, title: { key: 'TODO_RIGHTS_CONSULTATION', params: { number: r.number, category: `RIGHTS_CATEGORY_${r.category}` } }, orgName: r.orgName, at: r.at, link: `/admin/rights/consultations?id=${r.id}` }),
    );
  },
};

/** 转办待接收: referrals to a union the manager runs, waiting for accept or return. */
export const rightsReferralTodos: TodoSource = {
  kind: 'rights_referral',
  permission: 'rights.manage',
  list(db: Db, q) {
    const where = and(eq(rightsReferral.status, 'pending'), under(q));
    return collectTodos(
      db.select({ n: count(), oldest: min(rightsReferral.createdAt) }).from(rightsReferral).innerJoin(org, eq(org.id, rightsReferral.targetOrgId)).where(where),
      db
        .select({ id: rightsReferral.id, number: rightsCase.number, orgName: org.name, at: rightsReferral.createdAt })
        .from(rightsReferral)
        .innerJoin(org, eq(org.id, rightsReferral.targetOrgId))
        .innerJoin(rightsCase, eq(rightsCase.id, rightsReferral.caseId))
        .where(where)
        .orderBy(asc(rightsReferral.createdAt))
        .limit(q.limit),
      (r) => ({ id: r.id, title: { key: 'TODO_RIGHTS_REFERRAL', params: { number: r.number } }, orgName: r.orgName, at: r.at, link: '/admin/rights/referrals' }),
    );
  },
};

/** 劳动关系预警: open warnings routed to a street union in scope. */
export const rightsWarningTodos: TodoSource = {
  kind: 'rights_warning',
  permission: 'rights.write',
  list(db: Db, q) {
    const where = and(eq(rightsWarning.status, 'open'), under(q));
    return collectTodos(
      db.select({ n: count(), oldest: min(rightsWarning.createdAt) }).from(rightsWarning).innerJoin(org, eq(org.id, rightsWarning.orgId)).where(where),
      db
        .select({ id: rightsWarning.id, name: rightsMonitoringPoint.enterpriseName, quarter: rightsWarning.quarter, orgName: org.name, at: rightsWarning.createdAt })
        .from(rightsWarning)
        .innerJoin(org, eq(org.id, rightsWarning.orgId))
        .innerJoin(rightsMonitoringPoint, eq(rightsMonitoringPoint.id, rightsWarning.pointId))
        .where(where)
        .orderBy(asc(rightsWarning.createdAt))
        .limit(q.limit),
      (r) => ({ id: r.id, title: { key: 'TODO_RIGHTS_WARNING', params: { name: r.name, quarter: r.quarter } }, orgName: r.orgName, at: r.at, link: '/admin/rights/warnings' }),
    );
  },
};

/** The module's 待办, for buildApp's list. */
export const rightsTodoSources: readonly TodoSource[] = [rightsConsultationTodos, rightsReferralTodos, rightsWarningTodos];
