import { and, asc, count, eq, inArray, min } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { org, todoScopeCondition } from '../orgs';
import { suggestion } from './suggestion.tables';

/** 合理化建议 still waiting for the union: submitted, under review or forwarded and not yet decided. */
export const suggestionTodos: TodoSource = {
  kind: 'suggestion',
  permission: 'voice.write',
  list(db: Db, q) {
    const where = and(inArray(suggestion.status, ['submitted', 'reviewing', 'forwarded']), todoScopeCondition(q));
    return collectTodos(
      db.select({ n: count(), oldest: min(suggestion.createdAt) }).from(suggestion).innerJoin(org, eq(org.id, suggestion.orgId)).where(where),
      db
        .select({ id: suggestion.id, title: suggestion.title, status: suggestion.status, orgName: org.name, at: suggestion.createdAt })
        .from(suggestion)
        .innerJoin(org, eq(org.id, suggestion.orgId))
        .where(where)
        .orderBy(asc(suggestion.createdAt))
        .limit(q.limit),
      (r) => ({
        id: r.id,
        title: { 'zh-CN': `合理化建议待办理：${r.title.slice(0, 40)}`, en: `Suggestion to take through: ${r.title.slice(0, 40)}` },
        orgName: r.orgName,
        at: r.at,
        link: `/admin/voice/suggestions?suggestion=${r.id}`,
      }),
    );
  },
};
