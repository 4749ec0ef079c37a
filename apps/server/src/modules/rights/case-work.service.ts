import type { CreateClockEvent, CreateReferral, RecordOutcome } from '@niangjia/contracts';
import { MAX_MEDIATION_EXTENSION_DAYS, interruptReasons, suspendReasons } from '@niangjia/contracts/rights-domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { yearOf, type HolidaysService } from '../../platform/holidays';
import { checkUpload } from '../../platform/uploads';
import { fieldError } from '../../platform/validation';
import { caseAccessOf, listNearestManagers } from './case-access';
import { refreshClocks } from './case-clocks';
import { toReferral } from './case-view';
import * as repo from './cases.repository';
import { loadCase } from './cases.service';
import { rightsReferral } from './cases.tables';
import { caseStatusError, checkNotFuture, findOrgBrief, getDeskOrg, today, versionConflict, type RightsStaff } from './rights.shared';
import { announceTodoChange, notify } from '../../platform/notifications';

export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** What happens to a case after intake: sessions, clock events, the outcome, payments, evidence, referrals. */
export function createCaseWorkService(deps: { db: Db; holidays: HolidaysService; onCaseFailed?: (tx: Db, creditCodes: string[], year: number) => Promise<void>; clock?: () => Date }) {
  const { db, holidays } = deps;
  const clock = deps.clock ?? (() => new Date());
  const refresh = async (tx: Db, id: string) => refreshClocks(tx, id, await holidays.calendar(tx), today(clock));

  return {
    async addSession(id: string, input: { heldAt: string; place?: string | undefined; attendees?: string | undefined; notes: string }, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'write', true);
        if (found.case.status !== 'accepted') throw caseStatusError(found.case.status);
        const row = await repo.insertSession(tx, { caseId: id, heldAt: new Date(input.heldAt), place: input.place ?? null, attendees: input.attendees ?? null, notes: input.notes, createdBy: viewer.userId });
        await recordAudit(tx, viewer.audit, { action: 'rights_case.session', entityType: 'rights_case', entityId: id, orgId: found.case.orgId, after: { sessionId: row.id, heldAt: input.heldAt } });
      });
    },

    /** 中断, 中止 and its end, and extensions: recorded as events; the clocks are recomputed from them. */
    async addEvent(id: string, input: CreateClockEvent, viewer: RightsStaff) {
      checkNotFuture(input.onDate, today(clock), 'onDate');
      await db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'write', true);
        const c = found.case;
        if (['rejected', 'withdrawn'].includes(c.status)) throw caseStatusError(c.status);
        const live = (await repo.listEvents(tx, [id])).map((e) => e.event).filter((e) => !e.voidedAt);
        if (input.kind === 'interrupt' && !(interruptReasons as readonly string[]).includes(input.reason ?? '')) throw fieldError('reason', 'RIGHTS_EVENT_REASON');
        if (input.kind === 'suspend' && !(suspendReasons as readonly string[]).includes(input.reason ?? '')) throw fieldError('reason', 'RIGHTS_EVENT_REASON');
        if (input.kind === 'mediation_extension') {
          if (c.status !== 'accepted' || c.stage !== 'mediation') throw new AppError('RIGHTS_EXTENSION_STAGE', { status: 409 });
          if (!input.hasApplicantConsent || !input.hasRespondentConsent) throw fieldError('hasRespondentConsent', 'RIGHTS_EXTENSION_CONSENT');
          const used = live.filter((e) => e.kind === 'mediation_extension').reduce((s, e) => s + (e.days ?? 0), 0);
          if (!input.days || used + input.days > MAX_MEDIATION_EXTENSION_DAYS) throw fieldError('days', 'RIGHTS_EXTENSION_DAYS', { used });
        }
        if (input.kind === 'arbitration_extension') {
          if (c.stage !== 'arbitration' || !c.arbitrationAcceptedOn) throw new AppError('RIGHTS_EXTENSION_STAGE', { status: 409 });
          if (live.some((e) => e.kind === 'arbitration_extension')) throw new AppError('RIGHTS_EXTENSION_TWICE', { status: 409 });
        }
        const row = await repo.insertEvent(tx, {
          caseId: id,
          kind: input.kind,
          onDate: input.onDate,
          reason: input.kind === 'interrupt' || input.kind === 'suspend' ? (input.reason ?? null) : null,
          days: input.kind === 'mediation_extension' ? (input.days ?? null) : input.kind === 'arbitration_extension' ? 15 : null,
          hasApplicantConsent: input.kind === 'mediation_extension' ? true : null,
          hasRespondentConsent: input.kind === 'mediation_extension' ? true : null,
          note: input.note ?? null,
          createdBy: viewer.userId,
        });
        const before = { limitationEndsOn: c.limitationEndsOn, mediationDueOn: c.mediationDueOn, arbitrationDueOn: c.arbitrationDueOn };
        const { clocks } = await refresh(tx, id);
        await recordAudit(tx, viewer.audit, {
          action: 'rights_case.clock_event',
          entityType: 'rights_case',
          entityId: id,
          orgId: c.orgId,
          before,
          after: { eventId: row.id, kind: input.kind, onDate: input.onDate, reason: row.reason, days: row.days, limitationEndsOn: clocks.limitation.endsOn, mediationDueOn: clocks.mediationDueOn, arbitrationDueOn: clocks.arbitrationDueOn },
        });
      });
    },

    async voidEvent(id: string, eventId: string, reason: string, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'write', true);
        const event = await repo.findEvent(tx, eventId);
        if (!event || event.caseId !== id) throw notFound('ENTITY_clock_event');
        if (event.voidedAt) throw new AppError('RIGHTS_EVENT_VOIDED', { status: 409 });
        await repo.voidEvent(tx, eventId, viewer.userId, reason);
        await refresh(tx, id);
        await recordAudit(tx, viewer.audit, { action: 'rights_case.clock_event_void', entityType: 'rights_case', entityId: id, orgId: found.case.orgId, after: { eventId, kind: event.kind, reason } });
      });
    },

    /** The outcome: an agreement (amounts per claim, payment plan), a failure, or a withdrawal. */
    async recordOutcome(id: string, input: RecordOutcome, viewer: RightsStaff) {
      const now = today(clock);
      checkNotFuture(input.on, now, 'on');
      await db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'write', true);
        const c = found.case;
        const allowed = input.outcome === 'withdrawn' ? ['received', 'accepted'] : ['accepted'];
        if (!allowed.includes(c.status)) throw caseStatusError(c.status);
        if (c.version !== input.version) throw versionConflict(input.version, c.version);
        const on = input.on ?? now;
        if (on < c.receivedOn) throw fieldError('on', 'RIGHTS_DATE_BEFORE_RECEIPT');
        let agreedFen = 0;
        if (input.outcome === 'agreed') {
          const claims = await repo.listClaims(tx, id);
          const given = new Map((input.agreedClaims ?? []).map((a) => [a.claimId, a.agreedFen]));
          for (const [claimId] of given) if (!claims.some((x) => x.id === claimId)) throw fieldError('agreedClaims', 'RIGHTS_CLAIM_UNKNOWN');
          if (claims.length === 0 || claims.some((x) => !given.has(x.id))) throw fieldError('agreedClaims', 'RIGHTS_AGREEMENT_AMOUNTS');
          for (const x of claims) await repo.setClaimAgreed(tx, x.id, given.get(x.id)!);
          agreedFen = claims.reduce((s, x) => s + given.get(x.id)!, 0);
          const plan = input.installments ?? [];
          const planSum = plan.reduce((s, i) => s + i.amountFen, 0);
          if (plan.length && planSum !== agreedFen) throw fieldError('installments', 'RIGHTS_INSTALLMENTS_SUM', { sum: planSum / 100, total: agreedFen / 100 });
          await repo.replaceInstallments(
            tx,
            id,
            plan.map((i) => ({ caseId: id, dueOn: i.dueOn, amountFen: i.amountFen, note: i.note ?? null })),
          );
          // The employer agreeing to perform interrupts the limitation (劳动争议调解仲裁法 第二十七条第二款):
          // if it does not pay, the worker has a fresh year to go to arbitration.
          await repo.insertEvent(tx, { caseId: id, kind: 'interrupt', onDate: on, reason: 'agreed_to_perform', note: '达成调解协议（自动记录）', createdBy: viewer.userId });
        }
        const updated = await repo.updateCaseIfVersion(tx, id, input.version, {
          status: input.outcome,
          outcomeOn: on,
          outcomeNote: input.note ?? null,
          agreementTerms: input.outcome === 'agreed' ? (input.terms ?? null) : c.agreementTerms,
          agreedFen,
        });
        if (!updated) throw versionConflict(input.version, c.version);
        await refresh(tx, id);
        if (input.outcome === 'failed' && deps.onCaseFailed) {
          const parties = await repo.listParties(tx, [id]);
          await deps.onCaseFailed(
            tx,
            parties.filter((p) => p.role === 'respondent' && p.creditCode).map((p) => p.creditCode!),
            yearOf(on),
          );
        }
        await recordAudit(tx, viewer.audit, { action: `rights_case.${input.outcome}`, entityType: 'rights_case', entityId: id, orgId: c.orgId, before: { status: c.status }, after: { status: input.outcome, on, agreedFen, installments: input.installments?.length ?? 0 } });
      });
    },

    /** Money received against the agreement (append-only; a negative entry corrects). */
    async recordPayment(id: string, input: { receivedOn: string; amountFen: number; method: string; note?: string | undefined }, viewer: RightsStaff) {
      checkNotFuture(input.receivedOn, today(clock), 'receivedOn');
      await db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'write', true);
        if (found.case.status !== 'agreed') throw new AppError('RIGHTS_PAYMENT_NO_AGREEMENT', { status: 409 });
        const total = (await repo.sumPayments(tx, id)) + input.amountFen;
        if (total < 0) throw fieldError('amountFen', 'RIGHTS_PAYMENT_NEGATIVE_TOTAL');
        const row = await repo.insertPayment(tx, { caseId: id, receivedOn: input.receivedOn, amountFen: input.amountFen, method: input.method, note: input.note ?? null, recordedBy: viewer.userId });
        await repo.updateCaseFields(tx, id, { paidFen: total });
        await recordAudit(tx, viewer.audit, { action: 'rights_case.payment', entityType: 'rights_case', entityId: id, orgId: found.case.orgId, after: { paymentId: row.id, amountFen: input.amountFen, receivedOn: input.receivedOn, paidFen: total } });
      });
    },

    /** An evidence file's bytes decide its type (image or PDF), not its declared Content-Type. */
    async uploadFile(body: unknown, contentType: string | undefined, fileName: string | undefined, viewer: RightsStaff) {
      const file = checkUpload(body, contentType, { allowed: EVIDENCE_TYPES, maxBytes: MAX_EVIDENCE_BYTES, code: 'RIGHTS_FILE_TYPE' });
      const name = (fileName ? safeFileName(fileName) : '') || `证据.${file.contentType === 'application/pdf' ? 'pdf' : file.contentType.split('/')[1]}`;
      return db.transaction(async (tx) => {
        const row = await repo.insertFile(tx, { uploadedBy: viewer.userId, fileName: name, ...file });
        await recordAudit(tx, viewer.audit, { action: 'rights_file.upload', entityType: 'rights_file', entityId: row.id, after: { contentType: row.contentType, size: row.size, sha256: row.sha256 } });
        return { ...row, createdAt: row.createdAt.toISOString() };
      });
    },

    async addEvidence(id: string, input: { fileId: string; description?: string | undefined }, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'write', true);
        const file = await repo.findFile(tx, input.fileId);
        if (!file || file.uploadedBy !== viewer.userId) throw fieldError('fileId', 'RIGHTS_FILE_NOT_YOURS');
        await repo.insertEvidence(tx, { caseId: id, fileId: input.fileId, description: input.description ?? null, addedBy: viewer.userId });
        await recordAudit(tx, viewer.audit, { action: 'rights_case.evidence', entityType: 'rights_case', entityId: id, orgId: found.case.orgId, after: { fileId: input.fileId, sha256: file.sha256 } });
      });
    },

    /** A file for its uploader, or for anyone who may read a case it is evidence in (audited). */
    async readFile(fileId: string, viewer: RightsStaff, extraAllowed?: (fileId: string) => Promise<boolean>) {
      const file = await repo.findFile(db, fileId);
      if (!file) throw notFound('ENTITY_rights_file');
      let allowed = file.uploadedBy === viewer.userId;
      let orgId: string | null = null;
      for (const caseId of allowed ? [] : await repo.caseIdsOfFile(db, fileId)) {
        const c = await repo.findCase(db, caseId);
        if (c && (await caseAccessOf(db, viewer, { id: caseId, mediatorId: c.case.mediatorId, orgPath: c.orgPath }))) {
          allowed = true;
          orgId = c.case.orgId;
          break;
        }
      }
      if (!allowed && extraAllowed) allowed = await extraAllowed(fileId);
      if (!allowed) throw notFound('ENTITY_rights_file');
      await recordAudit(db, viewer.audit, { action: 'rights_file.read', entityType: 'rights_file', entityId: fileId, orgId, after: { sha256: file.sha256 } });
      return file;
    },

    /**
     * A referral along 商、调、裁、诉、援、执: a record of its own. To a union in the tree, that union
     * accepts it in the console; to an outside body, the case's staff record its answer.
     */
    async refer(id: string, input: CreateReferral, viewer: RightsStaff) {
      const now = today(clock);
      checkNotFuture(input.referredOn, now, 'referredOn');
      if (!input.hasWorkerConsent) throw fieldError('hasWorkerConsent', 'RIGHTS_REFERRAL_CONSENT');
      return db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'write', true);
        const c = found.case;
        if (['rejected', 'withdrawn'].includes(c.status)) throw caseStatusError(c.status);
        if (!input.targetOrgId && !input.targetName) throw fieldError('targetName', 'RIGHTS_REFERRAL_TARGET');
        let targetName = input.targetName ?? '';
        if (input.targetOrgId) {
          // Any union in the tree may receive a referral; the sender need not manage it.
          const target = await getDeskOrg(tx, input.targetOrgId, 'all', 'targetOrgId');
          if (target.id === c.orgId) throw fieldError('targetOrgId', 'RIGHTS_REFERRAL_SELF');
          targetName = target.name;
        }
        const pending = await repo.listReferrals(tx, and(eq(rightsReferral.caseId, id), eq(rightsReferral.status, 'pending')));
        if (pending.length) throw new AppError('RIGHTS_REFERRAL_PENDING', { status: 409 });
        const row = await repo.insertReferral(tx, {
          caseId: id,
          kind: input.kind,
          fromOrgId: c.orgId,
          targetOrgId: input.targetOrgId ?? null,
          targetName,
          referredOn: input.referredOn ?? now,
          referredBy: viewer.userId,
          hasWorkerConsent: true,
          consentNote: input.consentNote ?? null,
          note: input.note ?? null,
        });
        await recordAudit(tx, viewer.audit, { action: 'rights_referral.create', entityType: 'rights_case', entityId: id, orgId: c.orgId, after: { referralId: row.id, kind: input.kind, targetOrgId: input.targetOrgId ?? null, targetName } });
        if (input.targetOrgId)
          await notify(tx, { to: { userIds: (await managersOf(tx, input.targetOrgId)).map((m) => m.id) }, kind: 'rights_referral.incoming', title: { key: 'RIGHTS_TELL_REFERRAL', params: { number: c.number } }, link: '/admin/rights/referrals', orgId: input.targetOrgId, sms: true, isConfidential: true });
        if (input.targetOrgId) await announceTodoChange(tx, input.targetOrgId);
        return row.id;
      });
    },

    /** Referrals waiting for the unions in the viewer's manage scope (no party details until accepted). */
    async incoming(viewer: RightsStaff) {
      if (viewer.manage !== 'all' && viewer.manage.length === 0) return [];
      const rows = await repo.listReferrals(db, and(eq(rightsReferral.status, 'pending'), sql`${rightsReferral.targetOrgId} is not null`));
      return rows.filter((r) => r.targetPath && isInScope(viewer.manage, r.targetPath)).map(toReferral);
    },

    /**
     * Accept or return a referral. Ownership moves only here, on acceptance: to the receiving union
     * (whose managers then assign a mediator), or to the outside body (the stage changes; the union
     * keeps the file and follows it up).
     */
    async respond(referralId: string, input: { decision: 'accept' | 'return'; on?: string | undefined; note?: string | undefined; referenceNo?: string | undefined; version: number }, viewer: RightsStaff) {
      const now = today(clock);
      checkNotFuture(input.on, now, 'on');
      return db.transaction(async (tx) => {
        const ref = (await repo.listReferrals(tx, eq(rightsReferral.id, referralId)))[0];
        if (!ref) throw notFound('ENTITY_referral');
        const r = ref.referral;
        const found = (await repo.findCase(tx, r.caseId, { forUpdate: true }))!;
        if (r.targetOrgId) {
          if (!ref.targetPath || !isInScope(viewer.manage, ref.targetPath)) throw notFound('ENTITY_referral');
        } else {
          await loadCase(tx, r.caseId, viewer, 'write');
        }
        if (r.status !== 'pending') throw new AppError('RIGHTS_REFERRAL_STATUS', { status: 409 });
        const on = input.on ?? now;
        const updated = await repo.updateReferralIfVersion(tx, referralId, input.version, { status: input.decision === 'accept' ? 'accepted' : 'returned', respondedOn: on, respondedBy: viewer.userId, responseNote: input.note ?? null, referenceNo: input.referenceNo ?? null });
        if (!updated) throw versionConflict(input.version, r.version);
        const c = found.case;
        if (input.decision === 'accept') {
          if (r.targetOrgId) {
            // The receiving union now holds the case; the sender's mediator and staff step off it.
            await repo.updateCaseFields(tx, c.id, { orgId: r.targetOrgId, stage: r.kind, externalBody: null, mediatorId: null, assignedAt: null, updatedAt: new Date(), version: c.version + 1 });
            await repo.removeMembers(tx, c.id, {});
            await repo.addMember(tx, { caseId: c.id, userId: viewer.userId, role: 'added', addedBy: viewer.userId });
          } else {
            await repo.updateCaseFields(tx, c.id, { stage: r.kind, externalBody: r.targetName, arbitrationAcceptedOn: r.kind === 'arbitration' ? on : c.arbitrationAcceptedOn, updatedAt: new Date(), version: c.version + 1 });
          }
          await refresh(tx, c.id);
        }
        await recordAudit(tx, viewer.audit, {
          action: input.decision === 'accept' ? 'rights_referral.accept' : 'rights_referral.return',
          entityType: 'rights_case',
          entityId: c.id,
          orgId: c.orgId,
          before: { orgId: c.orgId, stage: c.stage },
          after: { referralId, orgId: input.decision === 'accept' && r.targetOrgId ? r.targetOrgId : c.orgId, stage: input.decision === 'accept' ? r.kind : c.stage, on },
        });
        if (r.targetOrgId) await announceTodoChange(tx, r.targetOrgId);
        return { caseId: c.id, canOpen: input.decision === 'accept' || !r.targetOrgId };
      });
    },

    async recordReferralResult(referralId: string, input: { result: string; on?: string | undefined; version: number }, viewer: RightsStaff) {
      checkNotFuture(input.on, today(clock), 'on');
      await db.transaction(async (tx) => {
        const ref = (await repo.listReferrals(tx, eq(rightsReferral.id, referralId)))[0];
        if (!ref) throw notFound('ENTITY_referral');
        const found = await loadCase(tx, ref.referral.caseId, viewer, 'write', true);
        if (ref.referral.status !== 'accepted') throw new AppError('RIGHTS_REFERRAL_NOT_ACCEPTED', { status: 409 });
        const updated = await repo.updateReferralIfVersion(tx, referralId, input.version, { result: input.result, resultOn: input.on ?? today(clock) });
        if (!updated) throw versionConflict(input.version, ref.referral.version);
        await refresh(tx, found.case.id);
        await recordAudit(tx, viewer.audit, { action: 'rights_referral.result', entityType: 'rights_case', entityId: found.case.id, orgId: found.case.orgId, after: { referralId, result: input.result } });
      });
    },
  };

  async function managersOf(tx: Db, orgId: string) {
    const o = await findOrgBrief(tx, orgId);
    if (!o) return [];
    return listNearestManagers(tx, o.path);
  }
}

/** A display name for a stored file: no path, no control characters, at most 100 characters. */
function safeFileName(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // not percent-encoded: keep as sent
  }
  return decoded
    .replace(/^.*[\\/]/, '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 100);
}

export type CaseWorkService = ReturnType<typeof createCaseWorkService>;
