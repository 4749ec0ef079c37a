import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditContext } from '../../platform/audit/audit.service';
import type { Scope } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import type { Secrets } from '../../platform/secrets';
import './events.errors';

export type EventsDeps = { db: Db; secrets: Secrets; clock: Clock };

/** Staff: `read` = where they see events (their subtree and the unions above it), `write` = where they run them. */
export type StaffCtx = { userId: string; read: Scope; write: Scope; audit: AuditContext; lang: Lang };
/** A signed-in worker acting for themself. */
export type WorkerCtx = { userId: string; displayName: string; audit: AuditContext; lang: Lang };

/** The org path is in one of the scope's subtrees. */
export function scopeSql(scope: Scope, pathColumn: SQL): SQL {
  if (scope === 'all') return sql`true`;
  if (!scope.length) return sql`false`;
  return sql`(${sql.join(
    scope.map((p) => sql`${pathColumn} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/** The org is in scope or above it: a street's staff see the district's events (their members take part). */
export function relatedSql(scope: Scope, pathColumn: SQL): SQL {
  if (scope === 'all') return sql`true`;
  if (!scope.length) return sql`false`;
  return sql`(${sql.join(
    scope.map((p) => sql`(${pathColumn} like ${`${p}%`} or ${p} like ${pathColumn} || '%')`),
    sql` or `,
  )})`;
}

export const isRelated = (scope: Scope, path: string) => scope === 'all' || scope.some((p) => path.startsWith(p) || p.startsWith(path));

export function versionConflict(sent: number, current: number): AppError {
  return new AppError('VERSION_CONFLICT', { params: { sent, current } });
}

export function stateError(status: string): AppError {
  return new AppError('EVENT_STATE', { status: 409, params: { status: `EVENT_STATUS_${status}` } });
}

export function registrationStateError(status: string): AppError {
  return new AppError('EVENT_REGISTRATION_STATE', { status: 409, params: { status: `EVENT_REG_STATUS_${status}` } });
}
