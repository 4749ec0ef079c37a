import { and, asc, count, eq, min } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registerMessages } from '../../platform/i18n';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { org, todoScopeCondition } from '../orgs';
import { marketProject, marketProjectVersion, marketProvider } from './market.tables';

registerMessages({
  TODO_MARKET_PROVIDER: ['服务商注册：{name}', 'Provider registration: {name}'],
  TODO_MARKET_VERSION: ['服务项目审核：{title}', 'Project to review: {title}'],
});

const inScope = todoScopeCondition;

/** 服务商审核: registrations waiting for the district's staff (approve or return with reasons). */
export const marketProviderTodos: TodoSource = {
  kind: 'market_provider',
  permission: 'market.write',
  list(db: Db, q) {
    const where = and(eq(marketProvider.status, 'pending'), inScope(q));
    return collectTodos(
      db.select({ n: count(), oldest: min(marketProvider.createdAt) }).from(marketProvider).innerJoin(org, eq(org.id, marketProvider.orgId)).where(where),
      db.select({ id: marketProvider.id, name: marketProvider.name, orgName: org.name, at: marketProvider.createdAt }).from(marketProvider).innerJoin(org, eq(org.id, marketProvider.orgId)).where(where).orderBy(asc(marketProvider.createdAt)).limit(q.limit),
      (r) => ({ id: r.id, title: { key: 'TODO_MARKET_PROVIDER', params: { name: r.name } }, orgName: r.orgName, at: r.at, link: `/admin/market/providers/${r.id}` }),
    );
  },
};

/** 项目审核: a project's new version (a first listing or an edit) submitted for review. */
export const marketVersionTodos: TodoSource = {
  kind: 'market_project_version',
  permission: 'market.write',
  list(db: Db, q) {
    const where = and(eq(marketProjectVersion.status, 'pending'), inScope(q));
    const from = () => db.select({ id: marketProject.id, title: marketProjectVersion.title, orgName: org.name, at: marketProjectVersion.submittedAt }).from(marketProjectVersion).innerJoin(marketProject, eq(marketProject.id, marketProjectVersion.projectId)).innerJoin(org, eq(org.id, marketProject.orgId));
    return collectTodos(
      db.select({ n: count(), oldest: min(marketProjectVersion.submittedAt) }).from(marketProjectVersion).innerJoin(marketProject, eq(marketProject.id, marketProjectVersion.projectId)).innerJoin(org, eq(org.id, marketProject.orgId)).where(where),
      from().where(where).orderBy(asc(marketProjectVersion.submittedAt)).limit(q.limit),
      (r) => ({ id: r.id, title: { key: 'TODO_MARKET_VERSION', params: { title: r.title } }, orgName: r.orgName, at: r.at ?? new Date(0), link: `/admin/market/projects/${r.id}` }),
    );
  },
};
