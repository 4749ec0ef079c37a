import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { auditEntry } from '../platform.tables';

export type AuditContext = {
  actorId: string | null;
  actorName: string | null;
  requestId: string | null;
  ip: string | null;
};

export type AuditRecord = {
  action: string;
  entityType: string;
  entityId?: string | null;
  orgId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Who is acting, taken from the request (or the CLI, with a system actor). */
export function auditContextOf(request: FastifyRequest): AuditContext {
  return {
    actorId: request.actor?.userId ?? null,
    actorName: request.actor ? (request.actor.username ?? request.actor.displayName) : null,
    requestId: request.id,
    ip: request.ip,
  };
}

/** Who wrote the demo data, as people read it in the audit log and on the 工作台 (not a CLI command). */
export const SEED_ACTOR = '系统初始化';

export const systemAuditContext = (name = 'system'): AuditContext => ({ actorId: null, actorName: name, requestId: null, ip: null });

/**
 * Writes one audit entry in the caller's transaction, so the change and its record commit or
 * fail together. Values are stored as given: callers pass snapshots with personal data masked.
 */
export async function recordAudit(db: Db, ctx: AuditContext, record: AuditRecord): Promise<void> {
  await db.insert(auditEntry).values({
    actorId: ctx.actorId,
    actorName: ctx.actorName,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId ?? null,
    orgId: record.orgId ?? null,
    before: record.before ?? null,
    after: record.after ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}

/** Only the fields that changed, for a readable before/after. */
export function diffSnapshots<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
