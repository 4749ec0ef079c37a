import type { AskConsultation, Consultation, CreateConsultation, ListConsultationsQuery } from '@niangjia/contracts';
import type { ConsultationChannel, ConsultationMessageKind, ConsultationStatus, DisputeCategory } from '@niangjia/contracts/rights-domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { shanghaiStartOf, addDays, yearOf } from '../../platform/holidays';
import { maskPhone } from '../../platform/logger';
import { enforceRateLimit } from '../../platform/rate-limit';
import { fieldError } from '../../platform/validation';
import { appUser } from '../accounts';
import { membership, person } from '../members';
import { org } from '../orgs';
import { listNearestManagers } from './case-access';
import type { CasesService } from './cases.service';
import * as repo from './consultations.repository';
import { DESK_TYPES, findDistrictOf, findOrgBrief, getDeskOrg, listOrgsOnPath, nextNumber, today, versionConflict, type RightsStaff, type RightsWorker } from './rights.shared';
import { announceTodoChange, notify } from '../../platform/notifications';

const ASKS_PER_HOUR = 5;
const ANONYMOUS = '匿名职工';

/** 法律咨询: walk-in, 12351 hotline and petitions recorded by staff; online questions from the phone. */
export function createConsultationsService(deps: { db: Db; cases: CasesService; clock?: () => Date }) {
  const { db, cases } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function view(row: repo.ConsultationWithOrg, forAsker: boolean): Promise<Consultation> {
    const c = row.c;
    const messages = await repo.listMessages(db, [c.id]);
    const lastStaffAt = Math.max(c.answeredAt?.getTime() ?? 0, ...messages.filter((m) => m.kind === 'reply').map((m) => m.createdAt.getTime()));
    const isHidden = c.isAnonymous && !forAsker;
    return {
      id: c.id,
      number: c.number,
      org: { id: c.orgId, code: row.orgCode, name: row.orgName },
      channel: c.channel as ConsultationChannel,
      category: c.category as DisputeCategory,
      question: c.question,
      isAnonymous: c.isAnonymous,
      askerName: isHidden ? ANONYMOUS : c.askerName,
      askerPhoneMasked: isHidden ? null : maskPhone(c.askerPhone),
      employerName: c.employerName,
      status: c.status as ConsultationStatus,
      answer: c.answer,
      citations: (c.citations as Consultation['citations']) ?? [],
      answererName: c.answererName,
      answeredAt: c.answeredAt?.toISOString() ?? null,
      // A worker does not see the staff's call-back notes (回访记录): those are the union's.
      messages: messages
        .filter((m) => !forAsker || m.kind !== 'callback')
        .map((m) => ({
          id: m.id,
          kind: m.kind as ConsultationMessageKind,
          body: m.body,
          authorName: m.kind === 'question' && isHidden ? ANONYMOUS : m.authorName,
          createdAt: m.createdAt.toISOString(),
        })),
      caseId: forAsker ? null : c.caseId,
      caseNumber: forAsker ? null : row.caseNumber,
      hasUnread: forAsker && lastStaffAt > (c.askerSeenAt?.getTime() ?? 0),
      askedAt: c.askedAt.toISOString(),
      version: c.version,
    };
  }

  async function scoped(tx: Db, id: string, viewer: RightsStaff, forUpdate = false) {
    const row = await repo.findConsultation(tx, id, forUpdate);
    if (!row || !isInScope(viewer.read, row.orgPath)) throw notFound('ENTITY_consultation');
    return row;
  }

  async function mineOr404(tx: Db, id: string, worker: RightsWorker, forUpdate = false) {
    const row = await repo.findConsultation(tx, id, forUpdate);
    if (!row || row.c.askerUserId !== worker.userId) throw notFound('ENTITY_consultation');
    return row;
  }

  async function newNumber(tx: Db, orgPath: string) {
    const district = await findDistrictOf(tx, orgPath);
    const year = yearOf(today(clock));
    // The district's code keeps numbers apart across districts (each counts from 1 each year).
    return `${district.code}-ZX${year}${String(await nextNumber(tx, district.id, 'consultation', year)).padStart(5, '0')}`;
  }

  /** Staff of the answering union (and above) who take consultations hear of a new online one. */
  async function tellNewQuestion(tx: Db, orgId: string, category: string) {
    const o = (await findOrgBrief(tx, orgId))!;
    const managers = await listNearestManagers(tx, o.path);
    await notify(tx, {
      to: { userIds: managers.map((m) => m.id) },
      kind: 'consultation.new',
      title: { key: 'RIGHTS_TELL_NEW_CONSULTATION', params: { category: `RIGHTS_CATEGORY_${category}` } },
      link: '/admin/rights/consultations',
      orgId,
    });
    await announceTodoChange(tx, o.path);
  }

  /** The union an online question goes to: the one chosen, else the worker's own union's street or district, else the first district. */
  async function routeOf(tx: Db, userId: string, orgId: string | undefined) {
    if (orgId) return getDeskOrg(tx, orgId, 'all');
    const own = (
      await tx
        .select({ path: org.path })
        .from(person)
        .innerJoin(membership, eq(membership.personId, person.id))
        .innerJoin(org, eq(org.id, membership.orgId))
        .where(and(eq(person.userId, userId), inArray(membership.status, ['active', 'applied', 'suspended'])))
        .limit(1)
    )[0];
    if (own) {
      const chain = await listOrgsOnPath(tx, own.path);
      const desk = [...chain].reverse().find((o) => o.type === 'street' || o.type === 'park' || o.type === 'district');
      if (desk) return desk;
    }
    const first = (
      await tx
        .select({ id: org.id })
        .from(org)
        .where(and(eq(org.type, 'district'), eq(org.status, 'active')))
        .orderBy(asc(org.code))
        .limit(1)
    )[0];
    if (!first) throw fieldError('orgId', 'RIGHTS_ORG_NOT_DESK');
    return getDeskOrg(tx, first.id, 'all');
  }

  return {
    /** The unions a worker may address a question to (public: names only). */
    async desks() {
      return db
        .select({ id: org.id, name: org.name, type: org.type })
        .from(org)
        .where(
          and(
            inArray(
              org.type,
              DESK_TYPES.filter((t) => t !== 'federation' && t !== 'industry'),
            ),
            eq(org.status, 'active'),
          ),
        )
        .orderBy(asc(org.depth), asc(org.code));
    },

    async create(input: CreateConsultation, viewer: RightsStaff) {
      const id = await db.transaction(async (tx) => {
        const desk = await getDeskOrg(tx, input.orgId, viewer.write);
        const row = await repo.insertConsultation(tx, {
          number: await newNumber(tx, desk.path),
          orgId: desk.id,
          channel: input.channel,
          category: input.category,
          question: input.question,
          isAnonymous: input.isAnonymous,
          askerName: input.askerName ?? null,
          askerPhone: input.askerPhone ?? null,
          employerName: input.employerName ?? null,
          createdBy: viewer.userId,
          askedAt: clock(),
        });
        await recordAudit(tx, viewer.audit, {
          action: 'consultation.create',
          entityType: 'consultation',
          entityId: row.id,
          orgId: desk.id,
          after: { number: row.number, channel: row.channel, category: row.category, isAnonymous: row.isAnonymous },
        });
        return row.id;
      });
      return view((await repo.findConsultation(db, id))!, false);
    },

    async ask(input: AskConsultation, worker: RightsWorker) {
      await enforceRateLimit(db, { key: `consultation-ask:${worker.userId}`, limit: ASKS_PER_HOUR, windowSeconds: 3600 }, clock());
      const id = await db.transaction(async (tx) => {
        const desk = await routeOf(tx, worker.userId, input.orgId);
        const user = (await tx.select({ name: appUser.displayName, phone: appUser.phone }).from(appUser).where(eq(appUser.id, worker.userId)).limit(1))[0];
        const row = await repo.insertConsultation(tx, {
          number: await newNumber(tx, desk.path),
          orgId: desk.id,
          channel: 'online',
          category: input.category,
          question: input.question,
          isAnonymous: input.isAnonymous,
          askerUserId: worker.userId,
          // Kept even when anonymous (the worker reads the answer with their account); staff never see it.
          askerName: user?.name ?? null,
          askerPhone: user?.phone ?? null,
          employerName: input.employerName ?? null,
          askedAt: clock(),
          askerSeenAt: clock(),
        });
        await recordAudit(tx, worker.audit, {
          action: 'consultation.ask',
          entityType: 'consultation',
          entityId: row.id,
          orgId: desk.id,
          after: { number: row.number, category: row.category, isAnonymous: row.isAnonymous },
        });
        await tellNewQuestion(tx, desk.id, input.category);
        return row.id;
      });
      return view((await repo.findConsultation(db, id))!, true);
    },

    async list(query: ListConsultationsQuery, viewer: RightsStaff) {
      let underPath: string | undefined;
      if (query.orgId) {
        const o = await findOrgBrief(db, query.orgId);
        if (!o || !isInScope(viewer.read, o.path)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'orgId', message: 'NOT_FOUND' }] });
        underPath = o.path;
      }
      const { items, total } = await repo.pageConsultations(
        db,
        {
          scope: viewer.read,
          underPath,
          status: query.status,
          channel: query.channel,
          category: query.category,
          q: query.q,
          from: query.from ? shanghaiStartOf(query.from) : undefined,
          to: query.to ? shanghaiStartOf(addDays(query.to, 1)) : undefined,
        },
        { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      );
      return { items: await Promise.all(items.map((r) => view(r, false))), total, page: query.page, pageSize: query.pageSize };
    },

    get: async (id: string, viewer: RightsStaff) => view(await scoped(db, id, viewer), false),

    /** The answer with the law articles it rests on; the worker is told (in-app, and SMS without details). */
    async answer(id: string, input: { answer: string; citations: Consultation['citations']; version: number }, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const row = await scoped(tx, id, viewer, true);
        if (!isInScope(viewer.write, row.orgPath)) throw new AppError('FORBIDDEN');
        if (row.c.status === 'closed') throw new AppError('RIGHTS_CONSULTATION_CLOSED', { status: 409 });
        const updated = await repo.updateConsultation(
          tx,
          id,
          { answer: input.answer, citations: input.citations, answeredBy: viewer.userId, answererName: viewer.name, answeredAt: clock(), status: 'answered' },
          input.version,
        );
        if (!updated) throw versionConflict(input.version, row.c.version);
        await recordAudit(tx, viewer.audit, {
          action: 'consultation.answer',
          entityType: 'consultation',
          entityId: id,
          orgId: row.c.orgId,
          before: { status: row.c.status },
          after: { status: 'answered', citations: input.citations.length },
        });
        await announceTodoChange(tx, row.orgPath);
        if (row.c.askerUserId)
          await notify(tx, {
            to: { userIds: [row.c.askerUserId] },
            kind: 'consultation.answered',
            title: { key: 'RIGHTS_TELL_ANSWERED' },
            link: `/m/me/legal/${id}`,
            orgId: row.c.orgId,
            sms: true,
            isConfidential: true,
          });
      });
      return this.get(id, viewer);
    },

    /** A staff reply to a follow-up question, or a call-back note (回访). */
    async addStaffMessage(id: string, input: { kind: 'reply' | 'callback'; body: string; version: number }, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const row = await scoped(tx, id, viewer, true);
        if (!isInScope(viewer.write, row.orgPath)) throw new AppError('FORBIDDEN');
        if (row.c.status === 'closed') throw new AppError('RIGHTS_CONSULTATION_CLOSED', { status: 409 });
        // The row is locked: a follow-up or another reply since the staff member read it is a conflict.
        if (row.c.version !== input.version) throw versionConflict(input.version, row.c.version);
        if (input.kind === 'reply' && !row.c.answeredAt) throw new AppError('RIGHTS_CONSULTATION_NOT_ANSWERED', { status: 409 });
        const m = await repo.insertMessage(tx, { consultationId: id, kind: input.kind, body: input.body, authorId: viewer.userId, authorName: viewer.name, createdAt: clock() });
        await repo.updateConsultation(tx, id, input.kind === 'reply' ? { status: 'answered' } : {});
        await recordAudit(tx, viewer.audit, { action: `consultation.${input.kind}`, entityType: 'consultation', entityId: id, orgId: row.c.orgId, after: { messageId: m.id } });
        if (input.kind === 'reply' && row.c.askerUserId)
          await notify(tx, {
            to: { userIds: [row.c.askerUserId] },
            kind: 'consultation.answered',
            title: { key: 'RIGHTS_TELL_ANSWERED' },
            link: `/m/me/legal/${id}`,
            orgId: row.c.orgId,
            sms: true,
            isConfidential: true,
          });
      });
      return this.get(id, viewer);
    },

    async close(id: string, input: { version: number }, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const row = await scoped(tx, id, viewer, true);
        if (!isInScope(viewer.write, row.orgPath)) throw new AppError('FORBIDDEN');
        if (row.c.status === 'closed') throw new AppError('RIGHTS_CONSULTATION_CLOSED', { status: 409 });
        if (row.c.version !== input.version) throw versionConflict(input.version, row.c.version);
        await repo.updateConsultation(tx, id, { status: 'closed' });
        await recordAudit(tx, viewer.audit, {
          action: 'consultation.close',
          entityType: 'consultation',
          entityId: id,
          orgId: row.c.orgId,
          before: { status: row.c.status },
          after: { status: 'closed' },
        });
      });
      return this.get(id, viewer);
    },

    /** One action: the consultation becomes a case (received), prefilled with what it said. */
    async convert(id: string, input: { applicantName?: string | undefined; respondentName?: string | undefined }, viewer: RightsStaff) {
      return db.transaction(async (tx) => {
        const row = await scoped(tx, id, viewer, true);
        if (row.c.caseId) throw new AppError('RIGHTS_CONSULTATION_CONVERTED', { status: 409 });
        const applicantName = input.applicantName ?? (row.c.isAnonymous ? undefined : (row.c.askerName ?? undefined));
        if (!applicantName) throw fieldError('applicantName', 'RIGHTS_APPLICANT_NAME_REQUIRED');
        const caseId = await cases.createInTx(
          tx,
          {
            orgId: row.c.orgId,
            source: 'consultation',
            category: row.c.category as DisputeCategory,
            summary: row.c.question,
            isWageArrearsOngoing: false,
            isComplainantSealed: row.c.isAnonymous,
            parties: [
              { role: 'applicant', name: applicantName, ...(row.c.askerPhone && !row.c.isAnonymous ? { phone: row.c.askerPhone } : {}) },
              { role: 'respondent', name: input.respondentName ?? row.c.employerName ?? '用人单位（待补充）' },
            ],
            claims: [],
          },
          viewer,
          { consultationId: id },
        );
        await repo.updateConsultation(tx, id, { caseId, status: row.c.status === 'open' ? 'answered' : row.c.status });
        await recordAudit(tx, viewer.audit, { action: 'consultation.convert', entityType: 'consultation', entityId: id, orgId: row.c.orgId, after: { caseId } });
        return { caseId };
      });
    },

    async mine(worker: RightsWorker) {
      const rows = await repo.listOfAsker(db, worker.userId);
      return Promise.all(rows.map((r) => view(r, true)));
    },

    /** The worker opens their consultation: the answer is then no longer new. */
    async myOne(id: string, worker: RightsWorker) {
      const row = await mineOr404(db, id, worker);
      const result = await view(row, true);
      await repo.markSeen(db, id, clock());
      return result;
    },

    async followUp(id: string, body: string, worker: RightsWorker) {
      await enforceRateLimit(db, { key: `consultation-ask:${worker.userId}`, limit: ASKS_PER_HOUR * 4, windowSeconds: 3600 }, clock());
      await db.transaction(async (tx) => {
        const row = await mineOr404(tx, id, worker, true);
        if (row.c.status === 'closed') throw new AppError('RIGHTS_CONSULTATION_CLOSED', { status: 409 });
        const user = (await tx.select({ name: appUser.displayName }).from(appUser).where(eq(appUser.id, worker.userId)).limit(1))[0];
        await repo.insertMessage(tx, { consultationId: id, kind: 'question', body, authorId: worker.userId, authorName: user?.name ?? null, createdAt: clock() });
        await repo.updateConsultation(tx, id, { status: 'open' });
        await repo.markSeen(tx, id, clock());
        await recordAudit(tx, worker.audit, { action: 'consultation.follow_up', entityType: 'consultation', entityId: id, orgId: row.c.orgId });
        await tellNewQuestion(tx, row.c.orgId, row.c.category);
      });
      return this.myOne(id, worker);
    },
  };
}

export type ConsultationsService = ReturnType<typeof createConsultationsService>;
