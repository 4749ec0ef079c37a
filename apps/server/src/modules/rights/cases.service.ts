import type { CaseDetail, CreateCase, ListCasesQuery, UpdateCase } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { yearOf, type HolidaysService } from '../../platform/holidays';
import type { DataKeys } from '../../platform/pii';
import type { Secrets } from '../../platform/secrets';
import { fieldError } from '../../platform/validation';
import { caseAccessOf, listMediatorCandidates, requireCaseAccess } from './case-access';
import { clocksView, refreshClocks } from './case-clocks';
import { asAudience, asClaimType, asDocKind, asMemberRole, asPaymentMethod, asSignerRole, caseSnapshot, toParty, toReferral, toSummary } from './case-view';
import * as repo from './cases.repository';
import * as docsRepo from './documents.repository';
import { claimsTotal, prepareParties } from './parties';
import { caseStatusError, checkNotFuture, findDistrictOf, findOrgBrief, getDeskOrg, nextNumber, numberPrefix, today, versionConflict, type RightsStaff } from './rights.shared';
import { notify } from '../../platform/notifications';
import { sql } from 'drizzle-orm';
import { rightsReferral } from './cases.tables';

export type CasesDeps = { db: Db; secrets: Secrets; dataKeys: DataKeys; holidays: HolidaysService; clock?: () => Date };

/** A case the viewer may act on (404 when they may not see it), locked when changing it. */
export async function loadCase(db: Db, id: string, viewer: RightsStaff, need: 'read' | 'write' | 'manage', forUpdate = false) {
  const found = await repo.findCase(db, id, { forUpdate });
  if (!found) throw notFound('ENTITY_rights_case');
  const access = await requireCaseAccess(db, viewer, { id, mediatorId: found.case.mediatorId, orgPath: found.orgPath }, need);
  return { ...found, access };
}

export function createCasesService(deps: CasesDeps) {
  const { db, holidays } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function detail(id: string, viewer: RightsStaff, opts: { audit: boolean }): Promise<CaseDetail> {
    const found = await loadCase(db, id, viewer, 'read');
    const now = today(clock);
    const { clocks, running } = await refreshClocks(db, id, await holidays.calendar(), now);
    const c = (await repo.findCase(db, id))!;
    const [parties, claims, members, sessions, events, referrals, installments, payments, evidence, documents, signatures] = await Promise.all([
      repo.listParties(db, [id]),
      repo.listClaims(db, id),
      repo.listMembers(db, id),
      repo.listSessions(db, id),
      repo.listEvents(db, [id]),
      repo.listReferrals(db, sql`${rightsReferral.caseId} = ${id}`),
      repo.listInstallments(db, id),
      repo.listPayments(db, id),
      repo.listEvidence(db, id),
      docsRepo.listDocuments(db, id),
      docsRepo.listSignatures(db, id),
    ]);
    if (opts.audit) {
      // Every read of a case is in the audit log (issue #15 point 6), with who and from where.
      await recordAudit(db, viewer.audit, { action: 'rights_case.read', entityType: 'rights_case', entityId: id, orgId: c.case.orgId, after: { number: c.case.number } });
    }
    const ineffective = new Set(clocks.limitation.ineffectiveEventIds);
    const latest = new Map<string, number>();
    for (const d of documents) latest.set(`${d.kind}:${d.audience}`, Math.max(latest.get(`${d.kind}:${d.audience}`) ?? 0, d.version));
    const currentHashes = await docsRepo.currentContentHashes(db, id);
    let paidLeft = payments.reduce((s, p) => s + p.payment.amountFen, 0);
    return {
      ...toSummary(c, parties, running[0] ?? null),
      summary: c.case.summary,
      consultationId: c.case.consultationId,
      decisionNote: c.case.decisionNote,
      outcomeNote: c.case.outcomeNote,
      agreementTerms: c.case.agreementTerms,
      limitationStartOn: c.case.limitationStartOn,
      isWageArrearsOngoing: c.case.isWageArrearsOngoing,
      employmentEndedOn: c.case.employmentEndedOn,
      arbitrationAcceptedOn: c.case.arbitrationAcceptedOn,
      parties: parties.map(toParty),
      claims: claims.map((x) => ({ id: x.id, type: asClaimType(x.type), description: x.description, amountFen: x.amountFen, agreedFen: x.agreedFen })),
      members: members.map((m) => ({ userId: m.userId, name: m.name, role: asMemberRole(m.role), addedAt: m.addedAt.toISOString() })),
      sessions: sessions.map((s) => ({ id: s.id, heldAt: s.heldAt.toISOString(), place: s.place, attendees: s.attendees, notes: s.notes, createdAt: s.createdAt.toISOString() })),
      events: events.map(({ event: e, createdByName }) => ({
        id: e.id,
        kind: e.kind as CaseDetail['events'][number]['kind'],
        onDate: e.onDate,
        reason: e.reason,
        days: e.days,
        hasApplicantConsent: e.hasApplicantConsent,
        hasRespondentConsent: e.hasRespondentConsent,
        note: e.note,
        createdByName,
        createdAt: e.createdAt.toISOString(),
        voidedAt: e.voidedAt?.toISOString() ?? null,
        voidReason: e.voidReason,
        isIneffective: ineffective.has(e.id),
      })),
      clocks: clocksView(clocks, running),
      referrals: referrals.map(toReferral),
      // Payments are applied to the instalments in due order, so each shows what is still owed.
      installments: installments.map((i) => {
        const paid = Math.max(0, Math.min(i.amountFen, paidLeft));
        paidLeft -= paid;
        return { id: i.id, dueOn: i.dueOn, amountFen: i.amountFen, note: i.note, paidFen: paid };
      }),
      payments: payments.map(({ payment: p, recordedByName }) => ({ id: p.id, receivedOn: p.receivedOn, amountFen: p.amountFen, method: asPaymentMethod(p.method), note: p.note, recordedByName, createdAt: p.createdAt.toISOString() })),
      evidence: evidence.map((e) => ({ id: e.evidence.id, file: { ...e.file, createdAt: e.file.createdAt.toISOString() }, description: e.evidence.description, addedAt: e.evidence.createdAt.toISOString() })),
      documents: documents.map((d) => ({ id: d.id, kind: asDocKind(d.kind), audience: asAudience(d.audience), version: d.version, sha256: d.sha256, size: d.size, signers: d.signers, createdAt: d.createdAt.toISOString(), isCurrent: latest.get(`${d.kind}:${d.audience}`) === d.version })),
      signatures: signatures.map((s) => ({ id: s.id, kind: asDocKind(s.kind), signerRole: asSignerRole(s.signerRole), signerName: s.signerName, signedAt: s.signedAt.toISOString(), isCurrent: currentHashes.get(s.kind) === s.contentHash })),
      can: { manage: found.access.isManager, write: found.access.isMember || isInScope(viewer.write, found.orgPath) },
    };
  }

  /** Intake in the caller's transaction (a consultation becomes a case in the same one). */
  async function createInTx(tx: Db, input: CreateCase, viewer: RightsStaff, extra: { consultationId?: string }): Promise<string> {
    const now = today(clock);
    checkNotFuture(input.receivedOn, now, 'receivedOn');
    checkNotFuture(input.limitationStartOn, now, 'limitationStartOn');
    const desk = await getDeskOrg(tx, input.orgId, viewer.write);
    const parties = await prepareParties(tx, input.parties, { secrets: deps.secrets, dataKeys: deps.dataKeys, today: now });
    const receivedOn = input.receivedOn ?? now;
    const district = await findDistrictOf(tx, desk.path);
    const year = yearOf(receivedOn);
    const seq = await nextNumber(tx, district.id, 'case', year);
    const cal = await holidays.calendar(tx);
    const row = await repo.insertCase(tx, {
      number: `${numberPrefix(district)}劳调〔${year}〕${seq}号`,
      orgId: desk.id,
      source: extra.consultationId ? 'consultation' : input.source,
      consultationId: extra.consultationId ?? null,
      category: input.category,
      summary: input.summary,
      receivedOn,
      // Replaced by refreshClocks below with the district's own number of working days.
      acceptanceDueOn: cal.addWorkingDays(receivedOn, 3),
      limitationStartOn: input.limitationStartOn ?? null,
      isWageArrearsOngoing: input.isWageArrearsOngoing,
      employmentEndedOn: input.employmentEndedOn ?? null,
      isComplainantSealed: input.isComplainantSealed,
      claimedFen: claimsTotal(input.claims),
      createdBy: viewer.userId,
    });
    await repo.insertParties(
      tx,
      parties.map(({ id: _id, ...p }) => ({ ...p, caseId: row.id })),
    );
    await repo.replaceClaims(
      tx,
      row.id,
      input.claims.map((c, i) => ({ caseId: row.id, type: c.type, description: c.description ?? null, amountFen: c.amountFen, sortOrder: i })),
    );
    await repo.addMember(tx, { caseId: row.id, userId: viewer.userId, role: 'intake', addedBy: viewer.userId });
    // Applying for mediation is a request for relief: it interrupts the limitation (劳动争议调解仲裁法 第二十七条第二款).
    await repo.insertEvent(tx, { caseId: row.id, kind: 'interrupt', onDate: receivedOn, reason: 'relief_requested', note: '申请调解（登记时自动记录）', createdBy: viewer.userId });
    await refreshClocks(tx, row.id, cal, now);
    await recordAudit(tx, viewer.audit, { action: 'rights_case.create', entityType: 'rights_case', entityId: row.id, orgId: desk.id, after: { ...caseSnapshot(row), workers: parties.filter((p) => p.role === 'applicant').length } });
    return row.id;
  }

  return {
    detail: (id: string, viewer: RightsStaff) => detail(id, viewer, { audit: true }),

    async list(query: ListCasesQuery, viewer: RightsStaff) {
      let underPath: string | undefined;
      if (query.orgId) {
        const o = await getDeskOrgOrAny(db, query.orgId, viewer);
        underPath = o.path;
      }
      const { items, total } = await repo.pageCases(
        db,
        { viewer, underPath, status: query.status, stage: query.stage, category: query.category, q: query.q, from: query.from, to: query.to, isMine: query.mine === 'true' },
        { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      );
      const ids = items.map((i) => i.case.id);
      const parties = await repo.listParties(db, ids);
      const now = today(clock);
      if (ids.length) await recordAudit(db, viewer.audit, { action: 'rights_case.list', entityType: 'rights_case', after: { numbers: items.map((i) => i.case.number) } });
      return {
        items: items.map((row) => {
          const c = row.case;
          const dues = [
            c.status === 'received' ? { clock: 'acceptance' as const, dueOn: c.acceptanceDueOn } : null,
            c.status === 'accepted' && c.stage === 'mediation' && c.mediationDueOn ? { clock: 'mediation' as const, dueOn: c.mediationDueOn } : null,
            ['received', 'accepted', 'failed'].includes(c.status) && ['mediation', 'negotiation'].includes(c.stage) && c.limitationEndsOn ? { clock: 'limitation' as const, dueOn: c.limitationEndsOn } : null,
            c.stage === 'arbitration' && c.arbitrationDueOn ? { clock: 'arbitration' as const, dueOn: c.arbitrationDueOn } : null,
          ]
            .filter((d): d is NonNullable<typeof d> => d !== null)
            .sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
          const next = dues[0];
          const daysLeft = next ? Math.round((Date.parse(next.dueOn) - Date.parse(now)) / 86_400_000) : 0;
          return toSummary(row, parties, next ? { ...next, daysLeft, isOverdue: next.dueOn < now } : null);
        }),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** Intake (登记): parties, claims in fen; the acceptance deadline in working days from receipt. */
    async create(input: CreateCase, viewer: RightsStaff) {
      const id = await db.transaction(async (tx) => createInTx(tx, input, viewer, {}));
      return detail(id, viewer, { audit: false });
    },

    createInTx,

    async update(id: string, input: UpdateCase, viewer: RightsStaff) {
      const now = today(clock);
      checkNotFuture(input.limitationStartOn, now, 'limitationStartOn');
      await db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'write', true);
        const c = found.case;
        if (!['received', 'accepted'].includes(c.status)) throw caseStatusError(c.status);
        if (c.version !== input.version) throw versionConflict(input.version, c.version);
        const values: Parameters<typeof repo.updateCaseIfVersion>[3] = {};
        if (input.category) values.category = input.category;
        if (input.summary) values.summary = input.summary;
        if (input.limitationStartOn !== undefined) values.limitationStartOn = input.limitationStartOn;
        if (input.isWageArrearsOngoing !== undefined) values.isWageArrearsOngoing = input.isWageArrearsOngoing;
        if (input.employmentEndedOn !== undefined) values.employmentEndedOn = input.employmentEndedOn;
        if (input.isComplainantSealed !== undefined) values.isComplainantSealed = input.isComplainantSealed;
        if (input.parties) {
          const existing = await repo.listParties(tx, [id]);
          const parties = await prepareParties(tx, input.parties, { secrets: deps.secrets, dataKeys: deps.dataKeys, today: now }, existing);
          const kept = new Set(parties.map((p) => p.id).filter(Boolean));
          const dropped = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
          if (dropped.length && (await docsRepo.countSignaturesOfParties(tx, dropped)) > 0) throw new AppError('CONFLICT', { detail: 'RIGHTS_CASE_STATUS_DETAIL' });
          await repo.deleteParties(tx, dropped);
          for (const p of parties) {
            const { id: partyId, ...rest } = p;
            if (partyId) await repo.updateParty(tx, partyId, rest);
            else await repo.insertParties(tx, [{ ...rest, caseId: id }]);
          }
        }
        if (input.claims) {
          if (c.status !== 'received' && c.status !== 'accepted') throw caseStatusError(c.status);
          await repo.replaceClaims(
            tx,
            id,
            input.claims.map((x, i) => ({ caseId: id, type: x.type, description: x.description ?? null, amountFen: x.amountFen, sortOrder: i })),
          );
          values.claimedFen = claimsTotal(input.claims);
        }
        const updated = await repo.updateCaseIfVersion(tx, id, input.version, values);
        if (!updated) throw versionConflict(input.version, c.version);
        await refreshClocks(tx, id, await holidays.calendar(tx), now);
        const diff = diffSnapshots(caseSnapshot(c), caseSnapshot(updated));
        await recordAudit(tx, viewer.audit, { action: 'rights_case.update', entityType: 'rights_case', entityId: id, orgId: c.orgId, before: diff.before, after: { ...diff.after, parties: input.parties ? input.parties.length : undefined, claims: input.claims ? input.claims.length : undefined } });
      });
      return detail(id, viewer, { audit: false });
    },

    /** 受理: the employer's credit code must be known; optionally assigns the mediator at once. */
    async accept(id: string, input: { acceptedOn?: string | undefined; note?: string | undefined; mediatorId?: string | undefined; version: number }, viewer: RightsStaff) {
      const now = today(clock);
      checkNotFuture(input.acceptedOn, now, 'acceptedOn');
      await db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'manage', true);
        const c = found.case;
        if (c.status !== 'received') throw caseStatusError(c.status);
        const acceptedOn = input.acceptedOn ?? now;
        if (acceptedOn < c.receivedOn) throw fieldError('acceptedOn', 'RIGHTS_DATE_BEFORE_RECEIPT');
        const parties = await repo.listParties(tx, [id]);
        if (parties.some((p) => p.role === 'respondent' && !p.creditCode)) throw fieldError('parties', 'RIGHTS_RESPONDENT_CREDIT_CODE');
        if (input.mediatorId) await checkMediator(tx, found.orgPath, input.mediatorId);
        const updated = await repo.updateCaseIfVersion(tx, id, input.version, {
          status: 'accepted',
          acceptedOn,
          decisionNote: input.note ?? null,
          ...(input.mediatorId ? { mediatorId: input.mediatorId, assignedAt: clock() } : {}),
        });
        if (!updated) throw versionConflict(input.version, c.version);
        if (input.mediatorId) await setMediator(tx, id, input.mediatorId, viewer.userId);
        await refreshClocks(tx, id, await holidays.calendar(tx), now);
        await recordAudit(tx, viewer.audit, { action: 'rights_case.accept', entityType: 'rights_case', entityId: id, orgId: c.orgId, before: { status: c.status }, after: { status: 'accepted', acceptedOn, mediatorId: input.mediatorId ?? null } });
        if (input.mediatorId) await tellAssigned(tx, updated, input.mediatorId, viewer.userId);
      });
      return detail(id, viewer, { audit: false });
    },

    async reject(id: string, input: { note: string; version: number }, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'manage', true);
        if (found.case.status !== 'received') throw caseStatusError(found.case.status);
        const updated = await repo.updateCaseIfVersion(tx, id, input.version, { status: 'rejected', decisionNote: input.note, outcomeOn: today(clock) });
        if (!updated) throw versionConflict(input.version, found.case.version);
        await recordAudit(tx, viewer.audit, { action: 'rights_case.reject', entityType: 'rights_case', entityId: id, orgId: found.case.orgId, before: { status: 'received' }, after: { status: 'rejected', note: input.note } });
      });
      return detail(id, viewer, { audit: false });
    },

    async mediatorCandidates(id: string, viewer: RightsStaff) {
      const found = await loadCase(db, id, viewer, 'manage');
      return listMediatorCandidates(db, found.orgPath);
    },

    async assign(id: string, input: { mediatorId: string; version: number }, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'manage', true);
        const c = found.case;
        if (!['received', 'accepted'].includes(c.status)) throw caseStatusError(c.status);
        await checkMediator(tx, found.orgPath, input.mediatorId);
        const updated = await repo.updateCaseIfVersion(tx, id, input.version, { mediatorId: input.mediatorId, assignedAt: clock() });
        if (!updated) throw versionConflict(input.version, c.version);
        await setMediator(tx, id, input.mediatorId, viewer.userId);
        await recordAudit(tx, viewer.audit, { action: 'rights_case.assign', entityType: 'rights_case', entityId: id, orgId: c.orgId, before: { mediatorId: c.mediatorId }, after: { mediatorId: input.mediatorId } });
        await tellAssigned(tx, updated, input.mediatorId, viewer.userId);
      });
      return detail(id, viewer, { audit: false });
    },

    /** Adds a staff member to the case (they may then read it); only managers do this. */
    async addMember(id: string, userId: string, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'manage', true);
        const allowed = await listMediatorCandidates(tx, found.orgPath);
        if (!allowed.some((u) => u.id === userId)) throw fieldError('userId', 'RIGHTS_MEMBER_INVALID');
        await repo.addMember(tx, { caseId: id, userId, role: 'added', addedBy: viewer.userId });
        await recordAudit(tx, viewer.audit, { action: 'rights_case.member_add', entityType: 'rights_case', entityId: id, orgId: found.case.orgId, after: { userId } });
      });
      return detail(id, viewer, { audit: false });
    },

    async removeMember(id: string, userId: string, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const found = await loadCase(tx, id, viewer, 'manage', true);
        if (found.case.mediatorId === userId) throw fieldError('userId', 'RIGHTS_MEMBER_INVALID');
        const removed = await repo.removeMembers(tx, id, { userId });
        if (!removed) throw notFound();
        await recordAudit(tx, viewer.audit, { action: 'rights_case.member_remove', entityType: 'rights_case', entityId: id, orgId: found.case.orgId, before: { userId } });
      });
    },

    /** For the incoming-referral and overdue views: may this viewer open the case? */
    canOpen: async (viewer: RightsStaff, c: { id: string; mediatorId: string | null; orgPath: string }) => (await caseAccessOf(db, viewer, c)) !== null,
  };

  async function checkMediator(tx: Db, orgPath: string, userId: string) {
    const allowed = await listMediatorCandidates(tx, orgPath);
    if (!allowed.some((u) => u.id === userId)) throw fieldError('mediatorId', 'RIGHTS_MEDIATOR_INVALID');
  }

  async function setMediator(tx: Db, caseId: string, userId: string, by: string) {
    await repo.removeMembers(tx, caseId, { role: 'mediator' });
    await repo.removeMembers(tx, caseId, { userId });
    await repo.addMember(tx, { caseId, userId, role: 'mediator', addedBy: by });
  }

  async function tellAssigned(tx: Db, c: repo.CaseRow, mediatorId: string, by: string) {
    await notify(tx, {
      to: { userIds: [mediatorId] },
      kind: 'rights_case.assigned',
      title: { key: 'RIGHTS_TELL_ASSIGNED', params: { number: c.number } },
      link: `/admin/rights/cases/${c.id}`,
      orgId: c.orgId,
      entity: { type: 'rights_case', id: c.id },
      sms: true,
      isConfidential: true,
      exceptUserId: by,
    });
  }
}

/** An org filter for lists: any org in the viewer's read scope (grassroots included). */
async function getDeskOrgOrAny(db: Db, orgId: string, viewer: RightsStaff) {
  const o = await findOrgBrief(db, orgId);
  if (!o || !isInScope(viewer.read, o.path)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'orgId', message: 'NOT_FOUND' }] });
  return o;
}

export type CasesService = ReturnType<typeof createCasesService>;
