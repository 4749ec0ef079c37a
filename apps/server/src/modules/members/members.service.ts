import {
  employmentForms,
  isGigEmployment,
  maskIdNumber,
  normaliseIdNumber,
  normalizeMobilePhone,
  type EmploymentForm,
  type ListMembersQuery,
  type MemberDetail,
  type MemberStats,
  type MembershipEventKind,
  type TransferMember,
  type UpdateMember,
  type ApproveMembersBatch,
  type ApproveMembersBatchResult,
} from '@niangjia/contracts';
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '@niangjia/contracts/stars-domain';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, isAppError, notFound } from '../../platform/errors';
import { hasMessage, t as translate, type Lang } from '../../platform/i18n';
import { decryptField, DecryptError, encryptField } from '../../platform/pii';
import { checkUpload } from '../../platform/uploads';
import { enforceRateLimit } from '../../platform/rate-limit';
import { findOrgById } from '../orgs';
import * as repo from './members.repository';
import { notifyDecision } from './members.notify';
import {
  registerFieldsOf,
  assignMemberNumber,
  checkPersonFields,
  getMemberUnion,
  getScopedMember,
  hashIdNumber,
  ID_NUMBER_PURPOSE,
  orgRefOf,
  PHOTO_PURPOSE,
  parseIdNumber,
  shanghaiDate,
  shanghaiDayStart,
  snapshotOf,
  statusInvalid,
  toMember,
  versionConflict,
  type MembersActor,
  type MembersDeps,
} from './members.shared';

type StatusAction = 'approve' | 'reject' | 'suspend' | 'resume' | 'leave';

/** Exact searches by full ID number or phone per user and hour (enough for a desk, too few to guess hidden digits). */
export const EXACT_SEARCHES_PER_HOUR = 30;

/** Which status each action starts from and leads to (applied → active | rejected; active ⇄ suspended; → left). */
const TRANSITIONS: Record<StatusAction, { from: readonly string[]; to: string; event: MembershipEventKind }> = {
  approve: { from: ['applied'], to: 'active', event: 'approved' },
  reject: { from: ['applied'], to: 'rejected', event: 'rejected' },
  suspend: { from: ['active'], to: 'suspended', event: 'suspended' },
  resume: { from: ['suspended'], to: 'active', event: 'resumed' },
  leave: { from: ['active', 'suspended'], to: 'left', event: 'left' },
};

/** Staff work on members in their scope: list, detail, edit, approve, transfer, suspend, leave, reveal, figures. */
export function createMembersService({ db, secrets, dataKeys, clock = () => new Date() }: MembersDeps) {
  async function detailOf(tx: Db, row: repo.MemberRow): Promise<MemberDetail> {
    const events = await repo.listEvents(tx, row.membership.id);
    const photo = await repo.findPhoto(tx, row.person.id);
    return {
      ...toMember(row),
      photo: photo ? { contentType: photo.contentType, size: photo.size, consentAt: photo.consentAt.toISOString(), consentRecordedByName: photo.consentRecordedByName, updatedAt: photo.updatedAt.toISOString() } : null,
      history: events.map(({ event, fromOrg, toOrg }) => ({
        id: event.id,
        kind: event.kind as MembershipEventKind,
        at: event.at.toISOString(),
        fromOrg: fromOrg ? orgRefOf(fromOrg) : null,
        toOrg: toOrg ? orgRefOf(toOrg) : null,
        actorName: event.actorName,
        reason: event.reason,
      })),
    };
  }

  async function subtreePath(orgId: string | undefined, scope: Scope): Promise<string | undefined> {
    if (!orgId) return undefined;
    const target = await findOrgById(db, orgId);
    if (!target || !isInScope(scope, target.path)) throw notFound('ENTITY_org');
    return target.path;
  }

  /** Loads, locks and version-checks a member for a change. */
  async function loadForChange(tx: Db, id: string, version: number, scope: Scope): Promise<repo.MemberRow> {
    await repo.lockMembership(tx, id);
    const row = await getScopedMember(tx, id, scope);
    if (row.membership.version !== version) throw versionConflict(version, row.membership.version);
    return row;
  }

  async function changeStatus(id: string, action: StatusAction, input: { version: number; reason?: string | undefined }, actor: MembersActor): Promise<MemberDetail> {
    const rule = TRANSITIONS[action];
    const now = clock();
    return db.transaction(async (tx) => {
      const row = await loadForChange(tx, id, input.version, actor.scope);
      if (!rule.from.includes(row.membership.status)) throw statusInvalid(row.membership.status, action);
      const values: Parameters<typeof repo.updateMembershipIfVersion>[3] = { status: rule.to };
      if (action === 'approve') {
        values.memberNumber = row.membership.memberNumber ?? (await assignMemberNumber(tx, row.org.path));
        values.joinedAt = now;
        values.rejectedReason = null;
      }
      if (action === 'reject') values.rejectedReason = input.reason ?? null;
      if (action === 'leave') values.leftAt = now;
      const updated = await repo.updateMembershipIfVersion(tx, id, input.version, values);
      if (!updated) throw versionConflict(input.version, row.membership.version);
      let person = row.person;
      if (action === 'approve') person = await repo.updatePerson(tx, person.id, { verifiedAt: now, orgId: row.org.id });
      await repo.insertEvent(tx, { membershipId: id, orgId: row.org.id, kind: rule.event, actorId: actor.audit.actorId, actorName: actor.audit.actorName, reason: input.reason ?? null, at: now });
      const before = snapshotOf(row);
      const after = snapshotOf({ membership: updated, person });
      await recordAudit(tx, actor.audit, { action: `member.${action}`, entityType: 'member', entityId: id, orgId: row.org.id, ...diffSnapshots(before, after) });
      if (action === 'approve' || action === 'reject') {
        await notifyDecision(tx, { action, membershipId: id, userId: person.userId, orgId: row.org.id, orgName: row.org.name, memberNumber: updated.memberNumber, reason: input.reason ?? null, actorId: actor.audit.actorId });
      }
      return detailOf(tx, { ...row, membership: updated, person });
    });
  }

  return {
    /**
     * `searcherId`: who is searching, when the search is theirs to count. An exact search by ID
     * number or phone answers "is this the hidden number?", so a user gets a few dozen an hour.
     */
    async listMembers(query: ListMembersQuery, scope: Scope, searcherId?: string | null) {
      const underPath = await subtreePath(query.orgId, scope);
      const filter: repo.MemberFilter = {
        scope,
        underPath,
        status: query.status,
        employmentForm: query.employmentForm,
        isMigrant: query.isMigrant,
        isHardship: query.isHardship,
        joinedFrom: query.joinedFrom ? shanghaiDayStart(query.joinedFrom) : undefined,
        joinedBefore: query.joinedTo ? new Date(shanghaiDayStart(query.joinedTo).getTime() + 86_400_000) : undefined,
        page: query.page,
        pageSize: query.pageSize,
      };
      const q = query.q ? normaliseIdNumber(query.q) : undefined;
      // A full ID number is found through its keyed hash; digits are a phone or a member number; else a name.
      const phone = query.q ? normalizeMobilePhone(query.q) : null;
      if (q && /^\d{17}[\dX]$/.test(q)) filter.idNumberHash = hashIdNumber(secrets, q);
      else if (phone) {
        // A phone as typed ("+86 138-0000-0001"), or eleven digits that may also be a member number.
        filter.phone = phone;
        if (q && /^1\d{10}$/.test(q)) filter.memberNumber = q;
      } else if (q && /^[0-9A-Z-]{6,32}$/.test(q)) filter.memberNumber = q;
      else if (q) filter.namePrefix = query.q;
      if (searcherId && (filter.idNumberHash || filter.phone)) {
        await enforceRateLimit(db, { key: `members:exact-search:${searcherId}`, limit: EXACT_SEARCHES_PER_HOUR, windowSeconds: 3600 });
      }
      const { items, total } = await repo.listMembers(db, filter);
      return { items: items.map(toMember), total, page: query.page, pageSize: query.pageSize };
    },

    async getMember(id: string, scope: Scope): Promise<MemberDetail> {
      return detailOf(db, await getScopedMember(db, id, scope));
    },

    approve: (id: string, version: number, actor: MembersActor) => changeStatus(id, 'approve', { version }, actor),
    reject: (id: string, input: { version: number; reason: string }, actor: MembersActor) => changeStatus(id, 'reject', input, actor),
    /** 批量通过: one transaction per application; what could not be approved says why, in the caller's language. */
    async approveBatch(input: ApproveMembersBatch, actor: MembersActor, lang: Lang): Promise<ApproveMembersBatchResult> {
      const result: ApproveMembersBatchResult = { approved: [], failed: [] };
      // An id outside the caller's scope is "not found" for the whole request, as on every other route.
      for (const item of input.items) await getScopedMember(db, item.id, actor.scope);
      for (const item of input.items) {
        try {
          const saved = await changeStatus(item.id, 'approve', { version: item.version }, actor);
          result.approved.push({ id: saved.id, realName: saved.person.realName, memberNumber: saved.memberNumber });
        } catch (e) {
          if (!isAppError(e)) throw e;
          const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, typeof v === 'string' && hasMessage(v) ? translate(lang, v) : v]));
          result.failed.push({ id: item.id, code: e.code, message: translate(lang, e.code, params) });
        }
      }
      return result;
    },
    suspend: (id: string, input: { version: number; reason: string }, actor: MembersActor) => changeStatus(id, 'suspend', input, actor),
    resume: (id: string, input: { version: number; reason?: string | undefined }, actor: MembersActor) => changeStatus(id, 'resume', input, actor),
    leave: (id: string, input: { version: number; reason: string }, actor: MembersActor) => changeStatus(id, 'leave', input, actor),

    async updateMember(id: string, input: UpdateMember, actor: MembersActor): Promise<MemberDetail> {
      const now = clock();
      const idInfo = input.idNumber !== undefined ? parseIdNumber(input.idNumber, now) : undefined;
      checkPersonFields(input);
      return db.transaction(async (tx) => {
        const row = await loadForChange(tx, id, input.version, actor.scope);
        if (row.membership.status === 'left' || row.membership.status === 'rejected' || row.membership.status === 'withdrawn') throw statusInvalid(row.membership.status, 'edit');
        const { version, idNumber: _idNumber, ...fields } = input;
        const changes: Parameters<typeof repo.updatePerson>[2] = { ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), ...registerFieldsOf(input) };
        if (idInfo) {
          const hash = hashIdNumber(secrets, idInfo.value);
          if (hash !== row.person.idNumberHash) {
            const holder = await repo.findPersonByIdHash(tx, hash);
            if (holder) throw new AppError('ID_NUMBER_TAKEN', { status: 409, errors: [{ path: 'idNumber', message: 'ID_NUMBER_TAKEN' }] });
            Object.assign(changes, {
              idNumberEnc: encryptField(dataKeys, ID_NUMBER_PURPOSE, idInfo.value),
              idNumberHash: hash,
              idNumberMasked: maskIdNumber(idInfo.value),
              sex: idInfo.sex,
              birthDate: idInfo.birthDate,
            });
          }
        }
        const updated = await repo.updateMembershipIfVersion(tx, id, version, {});
        if (!updated) throw versionConflict(version, row.membership.version);
        const person = await repo.updatePerson(tx, row.person.id, changes);
        await repo.insertEvent(tx, { membershipId: id, orgId: row.org.id, kind: 'edited', actorId: actor.audit.actorId, actorName: actor.audit.actorName, at: now });
        const diff = diffSnapshots(snapshotOf(row), snapshotOf({ membership: updated, person }));
        await recordAudit(tx, actor.audit, { action: 'member.update', entityType: 'member', entityId: id, orgId: row.org.id, ...diff });
        return detailOf(tx, { ...row, membership: updated, person });
      });
    },

    /** Moves a membership to another union; both must be in the actor's scope. The history keeps both. */
    async transfer(id: string, input: TransferMember, actor: MembersActor): Promise<MemberDetail> {
      const now = clock();
      return db.transaction(async (tx) => {
        const row = await loadForChange(tx, id, input.version, actor.scope);
        if (!['applied', 'active', 'suspended'].includes(row.membership.status)) throw statusInvalid(row.membership.status, 'transfer');
        const target = await getMemberUnion(tx, input.orgId, actor.scope);
        if (target.id === row.org.id) throw new AppError('TRANSFER_SAME_ORG', { status: 409, errors: [{ path: 'orgId', message: 'TRANSFER_SAME_ORG' }] });
        const updated = await repo.updateMembershipIfVersion(tx, id, input.version, { orgId: target.id });
        if (!updated) throw versionConflict(input.version, row.membership.version);
        const person = await repo.updatePerson(tx, row.person.id, { orgId: target.id });
        await repo.insertEvent(tx, {
          membershipId: id,
          orgId: target.id,
          kind: 'transferred',
          fromOrgId: row.org.id,
          toOrgId: target.id,
          actorId: actor.audit.actorId,
          actorName: actor.audit.actorName,
          reason: input.reason,
          at: now,
        });
        await recordAudit(tx, actor.audit, {
          action: 'member.transfer',
          entityType: 'member',
          entityId: id,
          orgId: row.org.id,
          before: { orgId: row.org.id, orgName: row.org.name },
          after: { orgId: target.id, orgName: target.name, reason: input.reason },
        });
        return detailOf(tx, { membership: updated, person, org: target });
      });
    },

    /** Shows a full ID number or phone: its own permission, and always audited (PIPL). */
    async reveal(id: string, field: 'idNumber' | 'phone', actor: MembersActor): Promise<{ field: 'idNumber' | 'phone'; value: string | null }> {
      return db.transaction(async (tx) => {
        const row = await getScopedMember(tx, id, actor.scope);
        let value: string | null;
        try {
          value = field === 'idNumber' ? decryptField(dataKeys, ID_NUMBER_PURPOSE, row.person.idNumberEnc) : row.person.phone;
        } catch (error) {
          if (error instanceof DecryptError) throw new AppError('PERSONAL_DATA_UNREADABLE', { status: 500, cause: error });
          throw error;
        }
        await recordAudit(tx, actor.audit, { action: 'personal_data.read', entityType: 'member', entityId: id, orgId: row.org.id, after: { field } });
        return { field, value };
      });
    },

    /**
     * Keeps a member's photo (issue 10 point 7): only with the member's consent, which staff
     * confirm and which is recorded with who and when; the image is checked by its bytes and kept
     * encrypted. A left or rejected membership takes no photo.
     */
    async setPhoto(id: string, upload: { data: unknown; contentType: string | undefined; consent: boolean }, actor: MembersActor): Promise<MemberDetail> {
      if (!upload.consent) throw new AppError('MEMBER_PHOTO_CONSENT', { status: 400, errors: [{ path: 'consent', message: 'MEMBER_PHOTO_CONSENT' }] });
      const file = checkUpload(upload.data, upload.contentType, { allowed: PHOTO_TYPES, maxBytes: MAX_PHOTO_BYTES, code: 'PHOTO_TYPE' });
      const now = clock();
      return db.transaction(async (tx) => {
        await repo.lockMembership(tx, id);
        const row = await getScopedMember(tx, id, actor.scope);
        if (!['applied', 'active', 'suspended'].includes(row.membership.status)) throw statusInvalid(row.membership.status, 'photo');
        const before = await repo.findPhoto(tx, row.person.id);
        await repo.upsertPhoto(tx, {
          personId: row.person.id,
          contentType: file.contentType,
          dataEnc: encryptField(dataKeys, PHOTO_PURPOSE, file.data.toString('base64')),
          size: file.size,
          sha256: file.sha256,
          consentAt: now,
          consentRecordedBy: actor.audit.actorId,
          consentRecordedByName: actor.audit.actorName,
          updatedAt: now,
        });
        await recordAudit(tx, actor.audit, { action: 'member.photo_set', entityType: 'member', entityId: id, orgId: row.org.id, ...(before ? { before: { size: before.size } } : {}), after: { size: file.size, consentAt: now.toISOString() } });
        return detailOf(tx, row);
      });
    },

    /** The photo itself: personal data, so every look is in the audit log. */
    async photo(id: string, actor: MembersActor): Promise<{ contentType: string; data: Buffer }> {
      return db.transaction(async (tx) => {
        const row = await getScopedMember(tx, id, actor.scope);
        const photo = await repo.findPhoto(tx, row.person.id, true);
        if (!photo?.dataEnc) throw notFound('ENTITY_member_photo');
        let data: Buffer;
        try {
          data = Buffer.from(decryptField(dataKeys, PHOTO_PURPOSE, photo.dataEnc), 'base64');
        } catch (error) {
          if (error instanceof DecryptError) throw new AppError('PERSONAL_DATA_UNREADABLE', { status: 500, cause: error });
          throw error;
        }
        await recordAudit(tx, actor.audit, { action: 'personal_data.read', entityType: 'member', entityId: id, orgId: row.org.id, after: { field: 'photo' } });
        return { contentType: photo.contentType, data };
      });
    },

    /** Removes the photo (the member withdrew consent, or it was the wrong one). */
    async removePhoto(id: string, actor: MembersActor): Promise<MemberDetail> {
      return db.transaction(async (tx) => {
        await repo.lockMembership(tx, id);
        const row = await getScopedMember(tx, id, actor.scope);
        if (!(await repo.deletePhoto(tx, row.person.id))) throw notFound('ENTITY_member_photo');
        await recordAudit(tx, actor.audit, { action: 'member.photo_remove', entityType: 'member', entityId: id, orgId: row.org.id });
        return detailOf(tx, row);
      });
    },

    /** Figures counted from the records, for an org's subtree or the whole scope. */
    async getStats(orgId: string | undefined, scope: Scope): Promise<MemberStats> {
      let target: repo.OrgBrief | undefined;
      if (orgId) {
        target = await repo.findOrgBrief(db, orgId);
        if (!target || !isInScope(scope, target.path)) throw notFound('ENTITY_org');
      }
      const now = clock();
      const today = shanghaiDate(now);
      const bounds = { monthStart: shanghaiDayStart(`${today.slice(0, 7)}-01`), yearStart: shanghaiDayStart(`${today.slice(0, 4)}-01-01`) };
      const { totals, byForm } = await repo.countMembers(db, { underPath: target?.path, scope }, bounds);
      const forms = Object.fromEntries(employmentForms.map((f) => [f, 0])) as Record<EmploymentForm, number>;
      for (const r of byForm) forms[r.form as EmploymentForm] = r.value;
      return {
        org: target ? orgRefOf(target) : null,
        total: totals.active,
        applied: totals.applied,
        suspended: totals.suspended,
        byEmploymentForm: forms,
        gigWorkers: employmentForms.filter(isGigEmployment).reduce((sum, f) => sum + forms[f], 0),
        realNameVerified: totals.verified,
        migrantWorkers: totals.migrant,
        joinedThisMonth: totals.joinedThisMonth,
        joinedThisYear: totals.joinedThisYear,
        generatedAt: now.toISOString(),
      };
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
