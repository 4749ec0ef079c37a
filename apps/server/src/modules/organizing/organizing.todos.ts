import { and, asc, count, eq, isNull, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registerMessages } from '../../platform/i18n';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { org, todoScopeCondition } from '../orgs';
import { organizingEnterprise, organizingStep } from './organizing.tables';
import { shanghaiDay } from './organizing.shared';

registerMessages({
  TODO_ORGANIZING_STEP: ['{enterprise}：{title}（{due} 到期）', '{enterprise}: {title} (due {due})'],
});

const under = todoScopeCondition;

/** 建会入会事项逾期: open next steps past their day at enterprises in scope. */
export const organizingTodos: TodoSource = {
  kind: 'organizing_step',
  permission: 'organizing.write',
  list(db: Db, q) {
    const today = shanghaiDay(q.now);
    const where = and(isNull(organizingStep.doneAt), sql`${organizingStep.dueOn} < ${today}`, under(q));
    return collectTodos(
      db
        .select({ n: count(), oldest: min(organizingStep.createdAt) })
        .from(organizingStep)
        .innerJoin(organizingEnterprise, eq(organizingEnterprise.id, organizingStep.enterpriseId))
        .innerJoin(org, eq(org.id, organizingEnterprise.orgId))
        .where(where),
      db
        .select({
          id: organizingStep.id,
          enterpriseId: organizingStep.enterpriseId,
          title: organizingStep.title,
          due: organizingStep.dueOn,
          enterprise: organizingEnterprise.name,
          orgName: org.name,
          at: organizingStep.createdAt,
        })
        .from(organizingStep)
        .innerJoin(organizingEnterprise, eq(organizingEnterprise.id, organizingStep.enterpriseId))
        .innerJoin(org, eq(org.id, organizingEnterprise.orgId))
        .where(where)
        .orderBy(asc(organizingStep.dueOn))
        .limit(q.limit),
      (r) => ({
        id: r.id,
        title: { key: 'TODO_ORGANIZING_STEP', params: { enterprise: r.enterprise, title: r.title, due: r.due } },
        orgName: r.orgName,
        at: r.at,
        link: `/admin/organizing?enterprise=${r.enterpriseId}`,
      }),
    );
  },
};
