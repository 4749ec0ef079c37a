import { isRelated, relatedSql, scopeSql } from '../../platform/auth';
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

export { isRelated, relatedSql, scopeSql };

export function versionConflict(sent: number, current: number): AppError {
  return new AppError('VERSION_CONFLICT', { params: { sent, current } });
}

export function stateError(status: string): AppError {
  return new AppError('EVENT_STATE', { status: 409, params: { status: `EVENT_STATUS_${status}` } });
}

export function registrationStateError(status: string): AppError {
  return new AppError('EVENT_REGISTRATION_STATE', { status: 409, params: { status: `EVENT_REG_STATUS_${status}` } });
}
