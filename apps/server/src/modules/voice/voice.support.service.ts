import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import * as repo from './voice.repository';

/** The list of auxiliary grid members (网格员). (A report's photos are stars' care photos: POST /photos.) */
export function createVoiceSupportService({ db }: { db: Db }) {
  return {
    async listGridMembers(scope: Scope) {
      const rows = await repo.listGridMembers(db, scope);
      return rows.map((r) => ({ ...r, reports: Number(r.reports), createdAt: r.createdAt.toISOString() }));
    },

    /** Enrols a worker (by the phone they sign in with) as a grid member of a union in the caller's scope. */
    async addGridMember(input: { phone: string; orgId: string }, actor: { userId: string; scope: Scope; audit: AuditContext }) {
      return db.transaction(async (tx) => {
        const target = await repo.findOrg(tx, input.orgId);
        if (!target || !isInScope(actor.scope, target.path)) throw fieldError('orgId', 'NOT_FOUND');
        const user = await repo.findUserByPhone(tx, input.phone);
        if (!user) throw fieldError('phone', 'VOICE_GRID_MEMBER_UNKNOWN');
        const row = await repo.insertGridMember(tx, { orgId: target.id, userId: user.id, addedBy: actor.userId });
        if (!row) throw new AppError('VOICE_GRID_MEMBER_EXISTS', { status: 409 });
        await recordAudit(tx, actor.audit, { action: 'voice_grid_member.add', entityType: 'voice_grid_member', entityId: row.id, orgId: target.id, after: { userId: user.id } });
        return { id: row.id };
      });
    },

    async removeGridMember(id: string, actor: { scope: Scope; audit: AuditContext }) {
      await db.transaction(async (tx) => {
        const row = await repo.findGridMember(tx, id);
        if (!row || !isInScope(actor.scope, row.orgPath)) throw notFound('ENTITY_voice_grid_member');
        await repo.deleteGridMember(tx, id);
        await recordAudit(tx, actor.audit, { action: 'voice_grid_member.remove', entityType: 'voice_grid_member', entityId: id, orgId: row.orgId, before: { userId: row.userId } });
      });
    },
  };
}
export type VoiceSupportService = ReturnType<typeof createVoiceSupportService>;
