import { and, asc, count, eq, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { org, todoScopeCondition } from '../orgs';
import { voiceCategory, voiceReport } from './voice.tables';

/** 随手拍: reports waiting to be accepted, or past their time limit, at the orgs in scope. */
export const voiceTodos: TodoSource = {
  kind: 'voice_report',
  permission: 'voice.write',
  list(db: Db, q) {
    const where = and(
      sql`(${voiceReport.status} = 'new' or (${voiceReport.status} in ('accepted','in_progress') and ${voiceReport.dueAt} < now()))`,
      todoScopeCondition(q),
    );
    return collectTodos(
      db
        .select({ n: count(), oldest: min(voiceReport.createdAt) })
        .from(voiceReport)
        .innerJoin(org, eq(org.id, voiceReport.orgId))
        .where(where),
      db
        .select({ id: voiceReport.id, text: voiceReport.description, category: voiceCategory.nameZh, categoryEn: voiceCategory.nameEn, orgName: org.name, at: voiceReport.createdAt })
        .from(voiceReport)
        .innerJoin(org, eq(org.id, voiceReport.orgId))
        .innerJoin(voiceCategory, eq(voiceCategory.key, voiceReport.categoryKey))
        .where(where)
        .orderBy(asc(voiceReport.dueAt))
        .limit(q.limit),
      (r) => ({
        id: r.id,
        title: { 'zh-CN': `${r.category}：${r.text.slice(0, 40)}`, en: `${r.categoryEn}: ${r.text.slice(0, 40)}` },
        orgName: r.orgName,
        at: r.at,
        link: `/admin/voice?report=${r.id}`,
      }),
    );
  },
};
