import type { Role } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { maskPhone } from '../../platform/logger';
import * as repo from './accounts.repository';

/**
 * Accounts made and roles granted by other modules' workflows (a judge invited by phone, a
 * provider's account after registration), in the caller's transaction and audited there.
 */

/** The account with this phone, made (as a worker, as sign-in by code would) when there is none. */
export async function ensurePhoneUser(db: Db, input: { phone: string; displayName: string }, audit: AuditContext): Promise<{ id: string; isNew: boolean }> {
  const existing = await repo.findUserByPhone(db, input.phone);
  if (existing) return { id: existing.id, isNew: false };
  const user = await repo.insertUser(db, { displayName: input.displayName, phone: input.phone });
  await repo.insertGrant(db, { userId: user.id, role: 'worker', orgId: null });
  await recordAudit(db, audit, { action: 'user.register', entityType: 'user', entityId: user.id, after: { phone: maskPhone(input.phone), role: 'worker' } });
  return { id: user.id, isNew: true };
}

/** Grants a role on an org (or globally) unless the user already holds it there. */
export async function ensureRoleGrant(db: Db, input: { userId: string; role: Role; orgId: string | null; grantedBy: string | null }, audit: AuditContext): Promise<void> {
  if (await repo.hasGrant(db, input.userId, input.role, input.orgId)) return;
  const grant = await repo.insertGrant(db, { userId: input.userId, role: input.role, orgId: input.orgId, grantedBy: input.grantedBy });
  await recordAudit(db, audit, { action: 'role.grant', entityType: 'user', entityId: input.userId, orgId: input.orgId, after: { grantId: grant.id, role: input.role, orgId: input.orgId } });
}
