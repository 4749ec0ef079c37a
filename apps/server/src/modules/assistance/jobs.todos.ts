import { and, asc, count, eq, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registerMessages } from '../../platform/i18n';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { org, todoScopeCondition } from '../orgs';
import { jobApplication, jobPosting } from './jobs.tables';

registerMessages({
  TODO_JOBS_APPLICATION: ['{name} 投递了“{title}”，待查看', '{name} applied for “{title}”: to look at'],
});

/** 春送岗位: applications nobody has looked at yet, on jobs still recruiting. */
export const jobsTodos: TodoSource = {
  kind: 'job_application',
  permission: 'assistance.write',
  list(db: Db, q) {
    const where = and(eq(jobApplication.status, 'applied'), sql`${jobPosting.status} = 'open'`, todoScopeCondition(q));
    return collectTodos(
      db
        .select({ n: count(), oldest: min(jobApplication.createdAt) })
        .from(jobApplication)
        .innerJoin(jobPosting, eq(jobPosting.id, jobApplication.postingId))
        .innerJoin(org, eq(org.id, jobApplication.orgId))
        .where(where),
      db
        .select({ id: jobApplication.id, postingId: jobPosting.id, name: jobApplication.name, title: jobPosting.title, orgName: org.name, at: jobApplication.createdAt })
        .from(jobApplication)
        .innerJoin(jobPosting, eq(jobPosting.id, jobApplication.postingId))
        .innerJoin(org, eq(org.id, jobApplication.orgId))
        .where(where)
        .orderBy(asc(jobApplication.createdAt))
        .limit(q.limit),
      (r) => ({ id: r.id, title: { key: 'TODO_JOBS_APPLICATION', params: { name: r.name, title: r.title } }, orgName: r.orgName, at: r.at, link: `/admin/assistance/jobs?posting=${r.postingId}` }),
    );
  },
};
