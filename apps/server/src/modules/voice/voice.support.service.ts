import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '@niangjia/contracts/stars-domain';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { checkUpload, enforceUploadQuota } from '../../platform/uploads';
import { fieldError } from '../../platform/validation';
import * as repo from './voice.repository';

type PhotoType = (typeof PHOTO_TYPES)[number];
/** A worker's report takes a few photos: 20 an hour and 30 MB a day are plenty. */
const PHOTOS_PER_HOUR = 20;
const PHOTO_BYTES_PER_DAY = 30 * 1024 * 1024;

/** Photos of reports and the list of auxiliary grid members (网格员). */
export function createVoiceSupportService({ db }: { db: Db }) {
  return {
    /** Stores a photo (checked by its bytes; within the uploader's hourly count and daily volume) to attach to a report. */
    async uploadPhoto(data: unknown, declaredType: string | undefined, actor: { userId: string; audit: AuditContext }) {
      const photo = checkUpload<PhotoType>(data, declaredType, { allowed: PHOTO_TYPES, maxBytes: MAX_PHOTO_BYTES, code: 'PHOTO_TYPE' });
      await enforceUploadQuota(db, {
        kind: 'voice_photos',
        userId: actor.userId,
        size: photo.size,
        code: 'PHOTO_QUOTA_EXCEEDED',
        perHour: PHOTOS_PER_HOUR,
        bytesPerDay: PHOTO_BYTES_PER_DAY,
        bytesSince: (since) => repo.sumPhotoBytesSince(db, actor.userId, since),
      });
      return db.transaction(async (tx) => {
        const row = await repo.insertPhoto(tx, { ...photo, uploadedBy: actor.userId });
        await recordAudit(tx, actor.audit, { action: 'voice_photo.upload', entityType: 'voice_photo', entityId: row.id, after: { contentType: row.contentType, size: row.size } });
        return row;
      });
    },

    /** A photo for its uploader, or for staff in scope of a report it is attached to. */
    async getPhoto(id: string, viewer: { userId: string; scope: Scope | null }) {
      const photo = await repo.findPhoto(db, id);
      if (!photo) throw notFound('ENTITY_voice_photo');
      if (photo.uploadedBy === viewer.userId) return photo;
      const scope = viewer.scope;
      if (!scope || !(await repo.photoReportPaths(db, id)).some((p) => isInScope(scope, p))) throw notFound('ENTITY_voice_photo');
      return photo;
    },

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
