import { createHash } from 'node:crypto';
import {
  checkIdNumber,
  HARDSHIP_CONSENT_LINES_ZH,
  HARDSHIP_CONSENT_VERSION,
  maskIdNumber,
  type AddHouseholdMember,
  type HardshipDetail,
  type HardshipFile,
  type HardshipStatus,
  type HardshipTier,
  type ListHardshipQuery,
  type OpenHardshipFile,
  type Page,
} from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { uniqueViolationOf } from '../../platform/error-handler';
import { addDays, addYears, daysBetween, shanghaiDateOf } from '../../platform/holidays/dates';
import { announceTodoChange, notify } from '../../platform/notifications';
import { decryptField, DecryptError, encryptField, type DataKeys } from '../../platform/pii';
import { checkUpload } from '../../platform/uploads';
import { fieldError } from '../../platform/validation';
import { findActiveMembershipOfUser, findMemberships, findPersonIdsOfUser, ID_NUMBER_PURPOSE, setPersonHardship } from '../members';
import { findOrgById } from '../orgs';
import { assertOwnPhotos, pdfIdsAmong } from '../stars';
import * as repo from './hardship.repository';

/** Bound as associated data to a household member's encrypted ID number (pii.ts): it decrypts nowhere else. */
export const HOUSEHOLD_ID_PURPOSE = 'hardship.household.id_number';
/** A review falls due (and staff are reminded) this many days before its date. */
export const REVIEW_NOTICE_DAYS = 30;
/** 公示 lasts at least five days (the usual local rule: 不少于5个工作日; we count calendar days). */
export const MIN_NOTICE_DAYS = 5;
const MAX_SIGNATURE_BYTES = 512 * 1024;

export type StaffCtx = { userId: string; displayName: string; read: Scope; write: Scope; reveal: Scope; audit: AuditContext };
export type WorkerCtx = { userId: string; audit: AuditContext };
export type HardshipDeps = { db: Db; clock: Clock; dataKeys: DataKeys };

/** Who may do what in which status: the state machine. */
const TRANSITIONS = {
  edit: ['draft'],
  sign: ['draft'],
  submit: ['draft'],
  verify: ['submitted', 'verifying'],
  return: ['submitted', 'verifying'],
  notice: ['verified'],
  object: ['notice'],
  close_notice: ['notice'],
  review: ['active'],
  exit: ['draft', 'submitted', 'verifying', 'verified', 'notice', 'active'],
} as const satisfies Record<string, readonly HardshipStatus[]>;
type Action = keyof typeof TRANSITIONS;

function statusInvalid(status: string, action: Action): AppError {
  return new AppError('HARDSHIP_STATUS_INVALID', { status: 409, params: { status: `HARDSHIP_STATUS_${status}`, action: `HARDSHIP_ACTION_${action}` } });
}
function assertCan(file: { status: string }, action: Action): void {
  if (!(TRANSITIONS[action] as readonly string[]).includes(file.status)) throw statusInvalid(file.status, action);
}

export const hardshipNumber = (seq: number) => `KN${String(seq).padStart(6, '0')}`;
export const consentTextHash = () => createHash('sha256').update(`${HARDSHIP_CONSENT_VERSION}\n${HARDSHIP_CONSENT_LINES_ZH.join('\n')}`).digest('hex');

type Access = { kind: 'worker'; userId: string; personIds: string[] } | { kind: 'staff'; scope: Scope };

/** 困难职工档案: opened by the worker or their union, verified by two staff, publicly noticed, reviewed yearly, exited. */
export function createHardshipService({ db, clock, dataKeys }: HardshipDeps) {
  const today = () => shanghaiDateOf(clock());

  const toFile = (r: repo.FileJoined): HardshipFile => {
    const f = r.file;
    return {
      id: f.id,
      number: hardshipNumber(f.seq),
      orgId: f.orgId,
      orgName: r.orgName,
      applicantName: f.applicantName,
      status: f.status as HardshipStatus,
      tier: (f.tier as HardshipTier | null) ?? null,
      causes: f.causes as HardshipFile['causes'],
      householdSize: f.householdSize,
      incomePerHeadFen: f.incomePerHeadFen,
      openedVia: f.openedVia as 'phone' | 'staff',
      noticeEndsOn: f.noticeEndsOn,
      nextReviewOn: f.nextReviewOn,
      isReviewDue: f.status === 'active' && !!f.nextReviewOn && f.nextReviewOn <= addDays(today(), REVIEW_NOTICE_DAYS),
      updatedAt: f.updatedAt.toISOString(),
      version: f.version,
    };
  };

  /** What the caller may do now: the buttons a screen shows. */
  function actionsOf(r: repo.FileJoined, access: Access, staff?: StaffCtx): string[] {
    const s = r.file.status;
    const out: string[] = [];
    const can = (a: Action) => (TRANSITIONS[a] as readonly string[]).includes(s);
    if (access.kind === 'worker') {
      if (can('edit')) out.push('edit');
      if (can('sign')) out.push('sign');
      if (can('submit')) out.push('submit');
      return out;
    }
    if (!staff || !isInScope(staff.write, r.orgPath)) return isInScope(staff?.reveal ?? [], r.orgPath) ? ['reveal'] : [];
    for (const a of ['edit', 'submit', 'verify', 'return', 'notice', 'object', 'close_notice', 'review', 'exit'] as const) if (can(a)) out.push(a);
    if (isInScope(staff.reveal, r.orgPath)) out.push('reveal');
    return out;
  }

  async function detailOf(tx: Db, r: repo.FileJoined, access: Access, staff?: StaffCtx): Promise<HardshipDetail> {
    const [household, documents, consent, verifications, objections, reviews, threshold] = await Promise.all([
      repo.listHousehold(tx, r.file.id),
      repo.listDocuments(tx, r.file.id),
      repo.findConsent(tx, r.file.id),
      repo.listVerifications(tx, r.file.id),
      repo.listObjections(tx, r.file.id),
      repo.listReviews(tx, r.file.id),
      repo.findThreshold(tx, r.orgPath),
    ]);
    const pdfs = await pdfIdsAmong(tx, documents.map((d) => d.photoId));
    const f = r.file;
    return {
      ...toFile(r),
      causeNote: f.causeNote,
      thresholdFen: threshold?.monthlyFenPerHead ?? null,
      isBelowThreshold: threshold && f.householdSize > 0 ? f.incomePerHeadFen < threshold.monthlyFenPerHead : null,
      // Only the mask and the relation: no birth date or age beside it (the mask hides the birth date; issue 9.3).
      household: household.map((h) => ({ id: h.id, name: h.name, relation: h.relation as HardshipDetail['household'][number]['relation'], idNumberMasked: h.idNumberMasked, monthlyIncomeFen: h.monthlyIncomeFen, note: h.note })),
      documents: documents.map((d) => ({ id: d.id, photoId: d.photoId, isPdf: pdfs.has(d.photoId), kind: d.kind as HardshipDetail['documents'][number]['kind'], createdAt: d.createdAt.toISOString() })),
      consent: consent ? { signedAt: consent.signedAt.toISOString(), version: consent.textVersion } : null,
      verifications: verifications.map((v) => ({ verifierName: v.verifierName, tier: v.tier as HardshipTier, note: v.note, at: v.createdAt.toISOString() })),
      noticeStartsOn: f.noticeStartsOn,
      objections: objections.map((o) => ({ id: o.id, text: o.text, raisedOn: o.raisedOn, outcome: o.outcome as 'pending' | 'upheld' | 'dismissed', outcomeNote: o.outcomeNote })),
      admittedOn: f.admittedOn,
      reviews: reviews.map((v) => ({ reviewedOn: v.reviewedOn, reviewerName: v.reviewerName, outcome: v.outcome as 'continue' | 'exit', tier: (v.tier as HardshipTier | null) ?? null, note: v.note })),
      exitKind: (f.exitKind as 'resolved' | 'withdrawn' | null) ?? null,
      exitReason: f.exitReason,
      exitedOn: f.exitedOn,
      returnNote: f.returnNote,
      actions: actionsOf(r, access, staff),
    };
  }

  /** The file if the caller may see it; elsewhere it does not exist (nothing leaks). */
  async function getAccessible(tx: Db, id: string, access: Access, opts: { lock?: boolean } = {}): Promise<repo.FileJoined> {
    const r = await repo.findFile(tx, id, opts);
    if (!r) throw notFound('ENTITY_hardship_file');
    const isVisible = access.kind === 'worker' ? access.personIds.includes(r.file.personId) : isInScope(access.scope, r.orgPath);
    if (!isVisible) throw notFound('ENTITY_hardship_file');
    return r;
  }

  const workerAccess = async (tx: Db, ctx: WorkerCtx): Promise<Access> => ({ kind: 'worker', userId: ctx.userId, personIds: await findPersonIdsOfUser(tx, ctx.userId) });

  /** Runs a change on a locked file at the version the caller saw; the file's detail after it. */
  async function change(
    id: string,
    access: Access,
    version: number | null,
    audit: AuditContext,
    fn: (tx: Db, r: repo.FileJoined) => Promise<{ values?: Partial<repo.FileJoined['file']>; action: string; after?: unknown }>,
    staff?: StaffCtx,
  ): Promise<HardshipDetail> {
    return db.transaction(async (tx) => {
      const r = await getAccessible(tx, id, access, { lock: true });
      if (version !== null && version !== r.file.version) throw versionConflict(version, r.file.version);
      const { values = {}, action, after } = await fn(tx, r);
      const updated = await repo.updateFileIfVersion(tx, id, r.file.version, values);
      if (!updated) throw versionConflict(version ?? r.file.version);
      await recordAudit(tx, audit, { action, entityType: 'hardship_file', entityId: id, orgId: r.file.orgId, before: { status: r.file.status, tier: r.file.tier }, after: { status: updated.status, tier: updated.tier, ...(after as object | undefined) } });
      // The union's 待办 (assistance.todos.ts) follows the status: open bells recount.
      if (updated.status !== r.file.status) await announceTodoChange(tx, r.file.orgId);
      // 在档 marks the member as 困难职工 on their record; leaving it clears the mark.
      if ((updated.status === 'active') !== (r.file.status === 'active')) await setPersonHardship(tx, r.file.personId, updated.status === 'active');
      return detailOf(tx, { ...r, file: updated }, access, staff);
    });
  }

  /** Household size and income per head (fen a month, rounded down) from the household rows. */
  async function householdFigures(tx: Db, fileId: string) {
    const rows = await repo.listHousehold(tx, fileId);
    const total = rows.reduce((s, h) => s + h.monthlyIncomeFen, 0);
    return { householdSize: rows.length, incomePerHeadFen: rows.length ? Math.floor(total / rows.length) : 0 };
  }

  async function openFor(
    tx: Db,
    m: { membershipId: string; personId: string; orgId: string; realName: string },
    input: OpenHardshipFile,
    opener: { userId: string; via: 'phone' | 'staff'; audit: AuditContext },
  ): Promise<repo.FileJoined> {
    const p = await repo.findPersonIdentity(tx, m.personId);
    let file;
    try {
      file = await repo.insertFile(tx, {
        orgId: m.orgId,
        membershipId: m.membershipId,
        personId: m.personId,
        applicantName: m.realName,
        applicantUserId: opener.via === 'phone' ? opener.userId : (p?.userId ?? null),
        openedBy: opener.userId,
        openedVia: opener.via,
        causes: [...new Set(input.causes)],
        causeNote: input.causeNote ?? '',
      });
    } catch (error) {
      if (uniqueViolationOf(error) === 'hardship_file_open_person_unique') throw new AppError('HARDSHIP_ALREADY_OPEN', { status: 409 });
      throw error;
    }
    // The worker is the household's first member: their ID number re-encrypted for this purpose.
    let idEnc: string | null = null;
    if (p) {
      try {
        idEnc = encryptField(dataKeys, HOUSEHOLD_ID_PURPOSE, decryptField(dataKeys, ID_NUMBER_PURPOSE, p.idNumberEnc));
      } catch (error) {
        if (!(error instanceof DecryptError)) throw error;
      }
    }
    await repo.insertHouseholdMember(tx, { fileId: file.id, name: m.realName, relation: 'self', idNumberEnc: idEnc, idNumberMasked: idEnc ? (p?.idNumberMasked ?? null) : null, monthlyIncomeFen: input.selfMonthlyIncomeFen ?? 0 });
    const figures = await householdFigures(tx, file.id);
    const updated = (await repo.updateFileIfVersion(tx, file.id, file.version, figures))!;
    await recordAudit(tx, opener.audit, { action: 'hardship_file.open', entityType: 'hardship_file', entityId: file.id, orgId: file.orgId, after: { number: hardshipNumber(file.seq), applicant: m.realName, causes: file.causes, via: opener.via } });
    const o = await findOrgById(tx, m.orgId);
    return { file: updated, orgName: o?.name ?? '', orgPath: o?.path ?? '' };
  }

  // Changes both sides make while the file is a draft.
  const editing = {
    async update(id: string, access: Access, input: { causes?: string[] | undefined; causeNote?: string | undefined; version: number }, audit: AuditContext, staff?: StaffCtx) {
      return change(
        id,
        access,
        input.version,
        audit,
        async (_tx, r) => {
          assertCan(r.file, 'edit');
          return { values: { ...(input.causes ? { causes: [...new Set(input.causes)] } : {}), ...(input.causeNote !== undefined ? { causeNote: input.causeNote } : {}) }, action: 'hardship_file.update', after: { causes: input.causes } };
        },
        staff,
      );
    },
    async addHousehold(id: string, access: Access, input: AddHouseholdMember, audit: AuditContext, staff?: StaffCtx) {
      let idEnc: string | null = null;
      let masked: string | null = null;
      if (input.idNumber) {
        const checked = checkIdNumber(input.idNumber, today());
        // Children are household members too: the members' minimum age does not apply here.
        if (!checked.ok && checked.problem !== 'ID_NUMBER_UNDER_16') throw fieldError('idNumber', checked.problem);
        const value = checked.ok ? checked.info.value : input.idNumber.trim().toUpperCase();
        idEnc = encryptField(dataKeys, HOUSEHOLD_ID_PURPOSE, value);
        masked = maskIdNumber(value);
      }
      return change(
        id,
        access,
        input.version,
        audit,
        async (tx, r) => {
          assertCan(r.file, 'edit');
          await repo.insertHouseholdMember(tx, { fileId: id, name: input.name, relation: input.relation, idNumberEnc: idEnc, idNumberMasked: masked, monthlyIncomeFen: input.monthlyIncomeFen, note: input.note ?? '' });
          return { values: await householdFigures(tx, id), action: 'hardship_file.household_add', after: { name: input.name, relation: input.relation, idNumber: masked } };
        },
        staff,
      );
    },
    async removeHousehold(id: string, memberId: string, access: Access, version: number, audit: AuditContext, staff?: StaffCtx) {
      return change(
        id,
        access,
        version,
        audit,
        async (tx, r) => {
          assertCan(r.file, 'edit');
          if (!(await repo.deleteHouseholdMember(tx, id, memberId))) throw notFound('ENTITY_hardship_household_member');
          return { values: await householdFigures(tx, id), action: 'hardship_file.household_remove', after: { memberId } };
        },
        staff,
      );
    },
    async addDocument(id: string, access: Access, input: { photoId: string; kind: string; version: number }, userId: string, audit: AuditContext, staff?: StaffCtx) {
      return change(
        id,
        access,
        input.version,
        audit,
        async (tx, r) => {
          assertCan(r.file, 'edit');
          // Only the uploader's own photo: a guessed id must not pull someone else's picture into a file.
          const [photoId] = await assertOwnPhotos(tx, [input.photoId], userId, 'photoId', { documents: true });
          await repo.insertDocument(tx, { fileId: id, photoId: photoId!, kind: input.kind, uploadedBy: userId });
          return { action: 'hardship_file.document_add', after: { kind: input.kind } };
        },
        staff,
      );
    },
    async submit(id: string, access: Access, version: number, audit: AuditContext, staff?: StaffCtx) {
      return change(
        id,
        access,
        version,
        audit,
        async (tx, r) => {
          assertCan(r.file, 'submit');
          if (r.file.householdSize < 1) throw new AppError('HARDSHIP_HOUSEHOLD_EMPTY', { status: 409 });
          if (!(await repo.findConsent(tx, id))) throw new AppError('HARDSHIP_CONSENT_MISSING', { status: 409 });
          return { values: { status: 'submitted', submittedAt: clock(), returnNote: null }, action: 'hardship_file.submit' };
        },
        staff,
      );
    },
  };

  const staffAccess = (ctx: StaffCtx, which: 'read' | 'write' | 'reveal' = 'write'): Access => ({ kind: 'staff', scope: ctx[which] });

  return {
    // ---- the worker's side (their own files only) ----
    async mine(ctx: WorkerCtx): Promise<HardshipDetail[]> {
      const access = await workerAccess(db, ctx);
      if (access.kind !== 'worker') return [];
      const rows = await repo.listFilesOfPersons(db, access.personIds);
      return Promise.all(rows.map((r) => detailOf(db, r, access)));
    },
    async openMine(input: OpenHardshipFile, ctx: WorkerCtx): Promise<HardshipDetail> {
      const m = await findActiveMembershipOfUser(db, ctx.userId);
      if (!m) throw new AppError('HARDSHIP_NOT_A_MEMBER', { status: 409 });
      return db.transaction(async (tx) => {
        const r = await openFor(tx, m, input, { userId: ctx.userId, via: 'phone', audit: ctx.audit });
        return detailOf(tx, r, await workerAccess(tx, ctx));
      });
    },
    async updateMine(id: string, input: { causes?: string[] | undefined; causeNote?: string | undefined; version: number }, ctx: WorkerCtx) {
      return editing.update(id, await workerAccess(db, ctx), input, ctx.audit);
    },
    async addMyHousehold(id: string, input: AddHouseholdMember, ctx: WorkerCtx) {
      return editing.addHousehold(id, await workerAccess(db, ctx), input, ctx.audit);
    },
    async removeMyHousehold(id: string, memberId: string, version: number, ctx: WorkerCtx) {
      return editing.removeHousehold(id, memberId, await workerAccess(db, ctx), version, ctx.audit);
    },
    async addMyDocument(id: string, input: { photoId: string; kind: string; version: number }, ctx: WorkerCtx) {
      return editing.addDocument(id, await workerAccess(db, ctx), input, ctx.userId, ctx.audit);
    },
    async submitMine(id: string, version: number, ctx: WorkerCtx) {
      return editing.submit(id, await workerAccess(db, ctx), version, ctx.audit);
    },
    /** 授权书: the worker signs on their own phone (a PNG drawn on the screen), bound to the text's version and hash. */
    async signConsent(id: string, data: unknown, contentType: string | undefined, ctx: WorkerCtx): Promise<HardshipDetail> {
      const png = checkUpload(data, contentType, { allowed: ['image/png'], maxBytes: MAX_SIGNATURE_BYTES, code: 'HARDSHIP_SIGNATURE_EMPTY' });
      return change(id, await workerAccess(db, ctx), null, ctx.audit, async (tx, r) => {
        assertCan(r.file, 'sign');
        if (await repo.findConsent(tx, id)) throw new AppError('HARDSHIP_CONSENT_SIGNED', { status: 409 });
        await repo.insertConsent(tx, { fileId: id, signedBy: ctx.userId, textVersion: HARDSHIP_CONSENT_VERSION, textHash: consentTextHash(), image: png.data });
        return { action: 'hardship_file.consent_sign', after: { version: HARDSHIP_CONSENT_VERSION } };
      });
    },

    // ---- the staff's side (their subtree) ----
    async list(query: ListHardshipQuery, ctx: StaffCtx): Promise<Page<HardshipFile>> {
      let orgPath: string | undefined;
      if (query.orgId) {
        const o = await findOrgById(db, query.orgId);
        if (!o || !isInScope(ctx.read, o.path)) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
        orgPath = o.path;
      }
      const { rows, total } = await repo.listFiles(
        db,
        { scope: ctx.read, status: query.status, tier: query.tier, orgPath, q: query.q, reviewDueBy: query.isReviewDue === 'true' ? addDays(today(), REVIEW_NOTICE_DAYS) : undefined },
        query,
      );
      return { items: rows.map(toFile), total, page: query.page, pageSize: query.pageSize };
    },
    async get(id: string, ctx: StaffCtx): Promise<HardshipDetail> {
      const r = await getAccessible(db, id, staffAccess(ctx, 'read'));
      return detailOf(db, r, staffAccess(ctx, 'read'), ctx);
    },
    async open(input: OpenHardshipFile, ctx: StaffCtx): Promise<HardshipDetail> {
      if (!input.membershipId) throw fieldError('membershipId', 'HARDSHIP_MEMBER_UNKNOWN');
      const [m] = await findMemberships(db, [input.membershipId]);
      if (!m || m.status !== 'active' || !isInScope(ctx.write, m.orgPath)) throw fieldError('membershipId', 'HARDSHIP_MEMBER_UNKNOWN');
      return db.transaction(async (tx) => {
        const r = await openFor(tx, m, input, { userId: ctx.userId, via: 'staff', audit: ctx.audit });
        return detailOf(tx, r, staffAccess(ctx), ctx);
      });
    },
    update: (id: string, input: { causes?: string[] | undefined; causeNote?: string | undefined; version: number }, ctx: StaffCtx) => editing.update(id, staffAccess(ctx), input, ctx.audit, ctx),
    addHousehold: (id: string, input: AddHouseholdMember, ctx: StaffCtx) => editing.addHousehold(id, staffAccess(ctx), input, ctx.audit, ctx),
    removeHousehold: (id: string, memberId: string, version: number, ctx: StaffCtx) => editing.removeHousehold(id, memberId, staffAccess(ctx), version, ctx.audit, ctx),
    addDocument: (id: string, input: { photoId: string; kind: string; version: number }, ctx: StaffCtx) => editing.addDocument(id, staffAccess(ctx), input, ctx.userId, ctx.audit, ctx),
    submit: (id: string, version: number, ctx: StaffCtx) => editing.submit(id, staffAccess(ctx), version, ctx.audit, ctx),

    /** 两人核实: two different staff, neither of them the one who opened it; the second's tier is the file's. */
    async verify(id: string, input: { tier: HardshipTier; note?: string | undefined; version: number }, ctx: StaffCtx) {
      return change(
        id,
        staffAccess(ctx),
        input.version,
        ctx.audit,
        async (tx, r) => {
          assertCan(r.file, 'verify');
          if (r.file.openedBy === ctx.userId) throw new AppError('HARDSHIP_VERIFIER_OPENER', { status: 409 });
          const done = await repo.listVerifications(tx, id);
          if (done.some((v) => v.verifierId === ctx.userId)) throw new AppError('HARDSHIP_VERIFIER_SAME', { status: 409 });
          await repo.insertVerification(tx, { fileId: id, verifierId: ctx.userId, verifierName: ctx.displayName, tier: input.tier, note: input.note ?? '' });
          const isSecond = done.length >= 1;
          return {
            values: isSecond ? { status: 'verified', tier: input.tier, verifiedAt: clock() } : { status: 'verifying', tier: input.tier },
            action: 'hardship_file.verify',
            after: { round: isSecond ? 2 : 1 },
          };
        },
        ctx,
      );
    },
    async returnToDraft(id: string, input: { note: string; version: number }, ctx: StaffCtx) {
      return change(
        id,
        staffAccess(ctx),
        input.version,
        ctx.audit,
        async (tx, r) => {
          assertCan(r.file, 'return');
          await repo.deleteVerifications(tx, id);
          return { values: { status: 'draft', tier: null, returnNote: input.note }, action: 'hardship_file.return', after: { note: input.note } };
        },
        ctx,
      );
    },
    /** 公示: from a start date to an end date, at least MIN_NOTICE_DAYS days. */
    async startNotice(id: string, input: { startsOn: string; endsOn: string; version: number }, ctx: StaffCtx) {
      if (daysBetween(input.startsOn, input.endsOn) + 1 < MIN_NOTICE_DAYS) throw fieldError('endsOn', 'HARDSHIP_NOTICE_DATES');
      return change(
        id,
        staffAccess(ctx),
        input.version,
        ctx.audit,
        async (_tx, r) => {
          assertCan(r.file, 'notice');
          return { values: { status: 'notice', noticeStartsOn: input.startsOn, noticeEndsOn: input.endsOn }, action: 'hardship_file.notice_start', after: { startsOn: input.startsOn, endsOn: input.endsOn } };
        },
        ctx,
      );
    },
    async addObjection(id: string, input: { text: string; version: number }, ctx: StaffCtx) {
      return change(
        id,
        staffAccess(ctx),
        input.version,
        ctx.audit,
        async (tx, r) => {
          assertCan(r.file, 'object');
          await repo.insertObjection(tx, { fileId: id, text: input.text, raisedOn: today(), recordedBy: ctx.userId });
          return { action: 'hardship_file.objection_add' };
        },
        ctx,
      );
    },
    async decideObjection(id: string, objectionId: string, input: { outcome: 'upheld' | 'dismissed'; note: string; version: number }, ctx: StaffCtx) {
      return change(
        id,
        staffAccess(ctx),
        input.version,
        ctx.audit,
        async (tx, r) => {
          assertCan(r.file, 'object');
          const objections = await repo.listObjections(tx, id);
          const o = objections.find((x) => x.id === objectionId);
          if (!o) throw notFound('ENTITY_hardship_objection');
          if (!(await repo.decideObjection(tx, id, objectionId, { outcome: input.outcome, outcomeNote: input.note, decidedBy: ctx.userId, decidedAt: clock() }))) throw new AppError('HARDSHIP_OBJECTION_DECIDED', { status: 409 });
          return { action: 'hardship_file.objection_decide', after: { outcome: input.outcome } };
        },
        ctx,
      );
    },
    /** Ends the notice once its last day is over: 在档 when no objection was upheld, else rejected. */
    async closeNotice(id: string, version: number, ctx: StaffCtx) {
      return change(
        id,
        staffAccess(ctx),
        version,
        ctx.audit,
        async (tx, r) => {
          assertCan(r.file, 'close_notice');
          const now = today();
          if (r.file.noticeEndsOn && now <= r.file.noticeEndsOn) throw new AppError('HARDSHIP_NOTICE_NOT_OVER', { status: 409, params: { date: r.file.noticeEndsOn } });
          const objections = await repo.listObjections(tx, id);
          if (objections.some((o) => o.outcome === 'pending')) throw new AppError('HARDSHIP_OBJECTION_PENDING', { status: 409 });
          if (objections.some((o) => o.outcome === 'upheld')) return { values: { status: 'rejected' }, action: 'hardship_file.notice_close', after: { result: 'rejected' } };
          await notify(tx, {
            to: { userIds: [r.file.applicantUserId] },
            kind: 'hardship.admitted',
            title: { key: 'HARDSHIP_ADMITTED_TITLE' },
            link: '/m/assistance/hardship',
            orgId: r.file.orgId,
            entity: { type: 'hardship_file', id },
          });
          return { values: { status: 'active', admittedOn: now, nextReviewOn: addYears(now, 1) }, action: 'hardship_file.notice_close', after: { result: 'active' } };
        },
        ctx,
      );
    },
    /** 年度复核: continue (maybe in another tier) until next year, or end the file as resolved (解困). */
    async review(id: string, input: { outcome: 'continue' | 'exit'; tier?: HardshipTier | undefined; note: string; version: number }, ctx: StaffCtx) {
      return change(
        id,
        staffAccess(ctx),
        input.version,
        ctx.audit,
        async (tx, r) => {
          assertCan(r.file, 'review');
          const now = today();
          await repo.insertReview(tx, { fileId: id, reviewedOn: now, reviewerId: ctx.userId, reviewerName: ctx.displayName, outcome: input.outcome, tier: input.tier ?? null, note: input.note });
          const values: Partial<repo.FileJoined['file']> =
            input.outcome === 'continue'
              ? { nextReviewOn: addYears(now, 1), ...(input.tier ? { tier: input.tier } : {}) }
              : { status: 'exited', exitKind: 'resolved', exitReason: input.note, exitedOn: now };
          return { values, action: 'hardship_file.review', after: { outcome: input.outcome } };
        },
        ctx,
      );
    },
    /** 解困 (resolved: only a file in 在档) or 撤档 (withdrawn: any open file), with the reason. */
    async exit(id: string, input: { kind: 'resolved' | 'withdrawn'; reason: string; version: number }, ctx: StaffCtx) {
      return change(
        id,
        staffAccess(ctx),
        input.version,
        ctx.audit,
        async (_tx, r) => {
          assertCan(r.file, 'exit');
          if (input.kind === 'resolved' && r.file.status !== 'active') throw statusInvalid(r.file.status, 'exit');
          return { values: { status: 'exited', exitKind: input.kind, exitReason: input.reason, exitedOn: today() }, action: 'hardship_file.exit', after: { kind: input.kind, reason: input.reason } };
        },
        ctx,
      );
    },
    /** Shows a household member's full ID number: its own permission, always audited (PIPL). */
    async reveal(id: string, memberId: string, ctx: StaffCtx): Promise<{ idNumber: string | null }> {
      return db.transaction(async (tx) => {
        const r = await getAccessible(tx, id, staffAccess(ctx, 'reveal'));
        const h = await repo.findHouseholdMember(tx, id, memberId);
        if (!h) throw notFound('ENTITY_hardship_household_member');
        let value: string | null = null;
        try {
          value = h.idNumberEnc ? decryptField(dataKeys, HOUSEHOLD_ID_PURPOSE, h.idNumberEnc) : null;
        } catch (error) {
          if (error instanceof DecryptError) throw new AppError('PERSONAL_DATA_UNREADABLE', { status: 500, cause: error });
          throw error;
        }
        await recordAudit(tx, ctx.audit, { action: 'personal_data.read', entityType: 'hardship_file', entityId: id, orgId: r.file.orgId, after: { field: 'idNumber', householdMemberId: memberId } });
        return { idNumber: value };
      });
    },

    async getThreshold(orgId: string, ctx: StaffCtx) {
      const o = await findOrgById(db, orgId);
      if (!o || !isInScope(ctx.read, o.path)) throw notFound();
      const t = await repo.findThreshold(db, o.path);
      return t ? { orgId: t.orgId, orgName: t.orgName, monthlyFenPerHead: t.monthlyFenPerHead, isOwn: t.orgId === o.id } : null;
    },
    async saveThreshold(orgId: string, monthlyFenPerHead: number, ctx: StaffCtx) {
      return db.transaction(async (tx) => {
        const o = await findOrgById(tx, orgId);
        if (!o || !isInScope(ctx.write, o.path)) throw notFound();
        if (o.type !== 'district') throw new AppError('HARDSHIP_THRESHOLD_ORG', { status: 409 });
        const before = await repo.findThreshold(tx, o.path);
        await repo.upsertThreshold(tx, { orgId, monthlyFenPerHead, updatedBy: ctx.userId });
        await recordAudit(tx, ctx.audit, { action: 'hardship_threshold.save', entityType: 'hardship_threshold', entityId: orgId, orgId, before: before ? { monthlyFenPerHead: before.monthlyFenPerHead } : null, after: { monthlyFenPerHead } });
        return { orgId, orgName: o.name, monthlyFenPerHead, isOwn: true };
      });
    },

    /** The yearly-review reminder: staff of each file's union are told once per due date, REVIEW_NOTICE_DAYS ahead. */
    async remindReviews(): Promise<{ reminded: number }> {
      return db.transaction(async (tx) => {
        const due = await repo.claimReviewReminders(tx, addDays(today(), REVIEW_NOTICE_DAYS));
        for (const r of due) {
          await notify(tx, {
            to: { staffWith: 'assistance.write', inScopeOf: r.file.orgId },
            kind: 'hardship.review_due',
            title: { key: 'HARDSHIP_REVIEW_DUE_TITLE' },
            body: { key: 'HARDSHIP_REVIEW_DUE_BODY', params: { number: hardshipNumber(r.file.seq), name: r.file.applicantName, date: r.file.nextReviewOn ?? '' } },
            link: `/admin/assistance/hardship?file=${r.file.id}`,
            orgId: r.file.orgId,
            entity: { type: 'hardship_file', id: r.file.id },
          });
        }
        return { reminded: due.length };
      });
    },
  };
}
export type HardshipService = ReturnType<typeof createHardshipService>;
