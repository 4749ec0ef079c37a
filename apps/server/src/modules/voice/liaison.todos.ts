import { and, asc, count, eq, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { shanghaiDateOf } from '../../platform/holidays/dates';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { org, todoScopeCondition } from '../orgs';
import { liaisonProblem } from './liaison.tables';

/** 对口联系: problems found on visits that are past their due date and not resolved, at the unions in scope. */
export const liaisonTodos: TodoSource = {
  kind: 'liaison_problem',
  permission: 'voice.write',
  list(db: Db, q) {
    const where = and(sql`${liaisonProblem.status} <> 'resolved'`, sql`${liaisonProblem.dueOn} < ${shanghaiDateOf(q.now)}::date`, todoScopeCondition(q));
    return collectTodos(
      db.select({ n: count(), oldest: min(liaisonProblem.createdAt) }).from(liaisonProblem).innerJoin(org, eq(org.id, liaisonProblem.orgId)).where(where),
      db
        .select({ id: liaisonProblem.id, text: liaisonProblem.description, dueOn: liaisonProblem.dueOn, orgName: org.name, at: liaisonProblem.createdAt })
        .from(liaisonProblem)
        .innerJoin(org, eq(org.id, liaisonProblem.orgId))
        .where(where)
        .orderBy(asc(liaisonProblem.dueOn))
        .limit(q.limit),
      (r) => ({
        id: r.id,
        title: { 'zh-CN': `走访问题逾期（${r.dueOn} 到期）：${r.text.slice(0, 40)}`, en: `Liaison problem overdue (due ${r.dueOn}): ${r.text.slice(0, 40)}` },
        orgName: r.orgName,
        at: r.at,
        link: `/admin/voice/liaison?tab=problems&problem=${r.id}`,
      }),
    );
  },
};
