import { auditEntrySchema, listAuditQuerySchema, pageOf, type ListAuditQuery } from '@niangjia/contracts';
import { and, count, desc, eq, gte, ilike, like, lte, or, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { requireScope, type Scope } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import { auditEntry } from '../../platform/platform.tables';
import { org } from '../orgs';

/**
 * Searching the audit log. There is deliberately no route that changes or deletes an entry, and
 * the table's trigger refuses it anyway. Staff see entries of orgs in their scope; entries with
 * no org (sign-ins, global actions) only a platform admin sees.
 */
export async function listAuditEntries(db: Db, query: ListAuditQuery, scope: Scope) {
  const conditions: (SQL | undefined)[] = [];
  if (scope !== 'all') conditions.push(or(...scope.map((p) => like(org.path, `${p}%`))));
  if (query.orgId) {
    const target = (await db.select({ path: org.path }).from(org).where(eq(org.id, query.orgId)).limit(1))[0];
    if (!target || (scope !== 'all' && !scope.some((p) => target.path.startsWith(p)))) throw notFound('ENTITY_org');
    conditions.push(like(org.path, `${target.path}%`));
  }
  if (query.actorId) conditions.push(eq(auditEntry.actorId, query.actorId));
  if (query.actor) conditions.push(ilike(auditEntry.actorName, `%${query.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (query.entityType) conditions.push(eq(auditEntry.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditEntry.entityId, query.entityId));
  if (query.action) conditions.push(like(auditEntry.action, `${query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (query.from) conditions.push(gte(auditEntry.at, new Date(query.from)));
  if (query.to) conditions.push(lte(auditEntry.at, new Date(query.to)));
  const where = and(...conditions);
  const [rows, totals] = await Promise.all([
    db
      .select({ entry: auditEntry, orgName: org.name })
      .from(auditEntry)
      .leftJoin(org, eq(org.id, auditEntry.orgId))
      .where(where)
      .orderBy(desc(auditEntry.at), desc(auditEntry.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(auditEntry).leftJoin(org, eq(org.id, auditEntry.orgId)).where(where),
  ]);
  return {
    items: rows.map(({ entry, orgName }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      actorId: entry.actorId,
      actorName: entry.actorName,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      orgId: entry.orgId,
      orgName: orgName ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: entry.requestId,
      ip: entry.ip,
    })),
    total: totals[0]?.value ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/audit-entries',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], summary: 'Search the audit log (append-only)', querystring: listAuditQuerySchema, response: { 200: pageOf(auditEntrySchema) } },
    },
    async (request) => listAuditEntries(db, request.query, requireScope(request, 'audit.read').scope),
  );
};

