import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  checkIdNumber,
  idNumberCheckChar,
  maskIdNumber,
  type FileMutualaidClaim,
  type ImportRowError,
  type MutualaidBatch,
  type MutualaidBenefit,
  type MutualaidBenefitRules,
  type MutualaidClaim,
  type MutualaidEnrolment,
  type MutualaidPlan,
  type MyMutualaid,
  type Page,
  type ReviewMutualaidClaim,
  type SaveMutualaidPlan,
  type UpdateMutualaidPlan,
} from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, isRelated, type Scope } from '../../platform/auth';
import { uniqueViolationOf } from '../../platform/error-handler';
import { AppError, capList, notFound, versionConflict } from '../../platform/errors';
import { t, type Lang } from '../../platform/i18n';
import { announceTodoChange, notify } from '../../platform/notifications';
import type { Secrets } from '../../platform/secrets';
import { cellText, readTemplateRows, type SpreadsheetLimits } from '../../platform/spreadsheet';
import { fieldError } from '../../platform/validation';
import { findPersonIdsOfUser, hashIdNumber, writeWorkbook } from '../members';
import { findOrgById } from '../orgs';
import { assertOwnPhotos, pdfIdsAmong } from '../stars';
import * as repo from './mutualaid.repository';
import './mutualaid.errors';

export type StaffActor = { userId: string; displayName: string; scope: Scope; audit: AuditContext };
export type WorkerActor = { userId: string; audit: AuditContext };

/** The enrolment sheet (参保名单): name and ID number; other columns are ignored. */
export const ENROLMENT_COLUMNS = [
  { key: 'realName', header: '姓名', required: true },
  { key: 'idNumber', header: '身份证号', required: true },
] as const;
type EnrolmentColumn = (typeof ENROLMENT_COLUMNS)[number]['key'];
export const MAX_ENROLMENT_ROWS = 20_000;
const ENROLMENT_LIMITS: Partial<SpreadsheetLimits> = { maxFileBytes: 5 * 1024 * 1024, maxRows: MAX_ENROLMENT_ROWS, maxColumns: 32, maxCellChars: 200 };
/** Row errors kept with a batch (the answer lists the first 100 of them and counts the rest). */
const STORED_ERRORS = 1000;
const EXAMPLE_PREFIX = '示例';

type StoredError = { row: number; column: EnrolmentColumn | null; code: string; params?: Record<string, string | number>; name: string | null; idNumberMasked: string | null };

/** The plan's rule amount for a claim, before any cap. */
export function ruleAmount(benefits: MutualaidBenefitRules, c: { benefit: MutualaidBenefit; hospitalDays: number | null; amountFen: number | null }): number {
  if (c.benefit === 'hospital') return (c.hospitalDays ?? 0) * benefits.hospital.dailyFen;
  if (c.benefit === 'serious_illness') return benefits.serious_illness.lumpSumFen;
  return Math.min(c.amountFen ?? 0, benefits.accident.capFen);
}

/** What is paid: the rule amount within what this benefit's and the year's caps have left. */
export function cappedPayout(rule: number, left: { enrolLeft: number; usageLeft: number }): number {
  return Math.max(0, Math.min(rule, left.enrolLeft, left.usageLeft));
}

const shanghaiToday = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Enrolment and claims need an open plan: a draft is not open yet, a closed one has ended. */
const notOpen = (status: string) => new AppError(status === 'closed' ? 'MUTUALAID_PLAN_CLOSED' : 'MUTUALAID_PLAN_NOT_OPEN', { status: 409 });

export function createMutualaidService({ db, secrets, clock = () => new Date() }: { db: Db; secrets: Secrets; clock?: () => Date }) {
  async function planInScope(tx: Db, id: string, scope: Scope, write: boolean, lock = false) {
    const plan = await repo.findPlan(tx, id, lock);
    if (!plan || !(write ? isInScope(scope, plan.org_path) : isRelated(scope, plan.org_path))) throw notFound('ENTITY_mutualaid_plan');
    return plan;
  }

  async function toPlan(p: repo.PlanRow, scope: Scope): Promise<MutualaidPlan> {
    const f = await repo.planFigures(db, p.id, scope);
    const total = await repo.countEnrolments(db, p.id);
    return {
      id: p.id,
      orgId: p.org_id,
      orgName: p.org_name,
      year: p.year,
      name: p.name,
      premiumFen: p.premium_fen,
      benefits: p.benefits,
      annualCapFen: p.annual_cap_fen,
      secondApprovalFen: p.second_approval_fen,
      samplePercent: p.sample_percent,
      status: p.status,
      isFrozen: total > 0,
      enrolled: f.enrolled,
      claims: f.claims,
      paidFen: f.paid_fen,
      version: p.version,
    };
  }

  function checkCaps(input: { benefits: MutualaidBenefitRules; annualCapFen: number }) {
    for (const b of ['hospital', 'serious_illness', 'accident'] as const) {
      if (input.benefits[b].capFen > input.annualCapFen) throw fieldError(`benefits.${b}.capFen`, 'MUTUALAID_PLAN_CAPS');
    }
  }

  function toClaim(c: repo.ClaimRow, pdfs: Set<string>): MutualaidClaim {
    const remaining = Math.max(0, Math.min(Number(c.enrol_left), Number(c.usage_left)));
    const prospective = c.payout_fen ?? Math.min(c.rule_fen ?? 0, remaining);
    return {
      id: c.id,
      number: c.number,
      planId: c.plan_id,
      planName: c.plan_name,
      year: c.year,
      enrolmentId: c.enrolment_id,
      orgId: c.org_id,
      orgName: c.org_name,
      realName: c.real_name,
      benefit: c.benefit,
      incidentDate: String(c.incident_date).slice(0, 10),
      hospitalDays: c.hospital_days,
      amountFen: c.amount_fen,
      description: c.description,
      photoIds: c.photo_ids ?? [],
      pdfIds: (c.photo_ids ?? []).filter((id) => pdfs.has(id)),
      isSampled: c.is_sampled,
      status: c.status,
      ruleFen: c.rule_fen,
      payoutFen: c.payout_fen,
      remainingFen: remaining,
      needsSecond: c.is_sampled || prospective > c.second_approval_fen,
      reviewedByName: c.reviewed_by_name,
      reviewedAt: repo.isoOrNull(c.reviewed_at),
      reviewNote: c.review_note,
      secondByName: c.second_by_name,
      secondAt: repo.isoOrNull(c.second_at),
      rejectedReason: c.rejected_reason,
      paymentMethod: c.payment_method,
      paymentReference: c.payment_reference,
      paidAt: repo.isoOrNull(c.paid_at),
      createdAt: repo.iso(c.created_at),
      version: c.version,
    };
  }

  /** Claims with which of their documents are PDFs (one look-up for the lot). */
  async function toClaims(rows: repo.ClaimRow[]): Promise<MutualaidClaim[]> {
    const pdfs = await pdfIdsAmong(db, rows.flatMap((c) => c.photo_ids ?? []));
    return rows.map((c) => toClaim(c, pdfs));
  }

  async function claimInScope(tx: Db, id: string, scope: Scope) {
    const c = await repo.findClaim(tx, id);
    if (!c || !isInScope(scope, c.org_path)) throw notFound('ENTITY_mutualaid_claim');
    return c;
  }

  /** The worker hears of every step on their phone (and in the bell); the union's 待办 follows it. */
  async function notifyWorker(tx: Db, c: repo.ClaimRow, status: string) {
    // Each step changes the union's 待办 (assistance.todos.ts): open bells recount.
    await announceTodoChange(tx, c.org_id);
    if (!c.filed_by) return;
    await notify(tx, {
      to: { userIds: [c.filed_by] },
      kind: 'mutualaid.claim',
      title: { key: 'MUTUALAID_CLAIM_STEP' },
      body: { key: 'MUTUALAID_CLAIM_STEP_BODY', params: { number: c.number, status: `MUTUALAID_STATUS_${status}` } },
      link: `/m/mutualaid/claims/${c.id}`,
      entity: { type: 'mutualaid_claim', id: c.id },
    });
  }

  function toEnrolment(e: repo.EnrolmentRow): MutualaidEnrolment {
    return { id: e.id, planId: e.plan_id, personId: e.person_id, realName: e.real_name, idNumberMasked: e.masked, orgId: e.org_id, orgName: e.org_name, capFen: e.cap_fen, committedFen: e.committed_fen, createdAt: repo.iso(e.created_at) };
  }

  return {
    async listPlans(year: number | undefined, scope: Scope): Promise<MutualaidPlan[]> {
      const plans = (await repo.listPlans(db, year)).filter((p) => isRelated(scope, p.org_path));
      return Promise.all(plans.map((p) => toPlan(p, scope)));
    },

    async getPlan(id: string, scope: Scope): Promise<MutualaidPlan> {
      return toPlan(await planInScope(db, id, scope, false), scope);
    },

    async createPlan(input: SaveMutualaidPlan, actor: StaffActor): Promise<MutualaidPlan> {
      const target = await findOrgById(db, input.orgId);
      if (!target || !isInScope(actor.scope, target.path)) throw fieldError('orgId', 'NOT_FOUND');
      if (target.type !== 'district') throw fieldError('orgId', 'MUTUALAID_PLAN_ORG_LEVEL');
      checkCaps(input);
      const now = clock();
      try {
        const id = await db.transaction(async (tx) => {
          const planId = await repo.insertPlan(tx, { ...input }, actor.userId, now);
          await recordAudit(tx, actor.audit, { action: 'mutualaid_plan.create', entityType: 'mutualaid_plan', entityId: planId, orgId: input.orgId, after: input });
          return planId;
        });
        return this.getPlan(id, actor.scope);
      } catch (error) {
        if (uniqueViolationOf(error) === 'mutualaid_plan_org_year_unique') throw new AppError('MUTUALAID_PLAN_EXISTS', { status: 409 });
        throw error;
      }
    },

    async updatePlan(id: string, input: UpdateMutualaidPlan, actor: StaffActor): Promise<MutualaidPlan> {
      checkCaps(input);
      await db.transaction(async (tx) => {
        const plan = await planInScope(tx, id, actor.scope, true, true);
        if ((await repo.countEnrolments(tx, id)) > 0) throw new AppError('MUTUALAID_PLAN_FROZEN', { status: 409 });
        if (!(await repo.updatePlan(tx, id, input.version, input, clock()))) throw versionConflict(input.version, plan.version);
        await recordAudit(tx, actor.audit, { action: 'mutualaid_plan.update', entityType: 'mutualaid_plan', entityId: id, orgId: plan.org_id, before: { name: plan.name, benefits: plan.benefits, annualCapFen: plan.annual_cap_fen }, after: input });
      });
      return this.getPlan(id, actor.scope);
    },

    async openPlan(id: string, version: number, actor: StaffActor): Promise<MutualaidPlan> {
      await db.transaction(async (tx) => {
        const plan = await planInScope(tx, id, actor.scope, true, true);
        if (plan.version !== version) throw versionConflict(version, plan.version);
        if (plan.status !== 'draft') throw new AppError('MUTUALAID_PLAN_NOT_DRAFT', { status: 409 });
        await repo.openPlan(tx, id, clock());
        await recordAudit(tx, actor.audit, { action: 'mutualaid_plan.open', entityType: 'mutualaid_plan', entityId: id, orgId: plan.org_id });
      });
      return this.getPlan(id, actor.scope);
    },

    /**
     * 结束计划: no more enrolments or claims (the worker is told why); claims already filed are
     * still reviewed, checked and paid, and the year's figures stay.
     */
    async closePlan(id: string, version: number, actor: StaffActor): Promise<MutualaidPlan> {
      await db.transaction(async (tx) => {
        const plan = await planInScope(tx, id, actor.scope, true, true);
        if (plan.version !== version) throw versionConflict(version, plan.version);
        if (plan.status !== 'open') throw notOpen(plan.status);
        await repo.closePlan(tx, id, clock());
        await recordAudit(tx, actor.audit, { action: 'mutualaid_plan.close', entityType: 'mutualaid_plan', entityId: id, orgId: plan.org_id });
      });
      return this.getPlan(id, actor.scope);
    },

    async listEnrolments(planId: string, q: { orgId?: string | undefined; q?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<MutualaidEnrolment>> {
      await planInScope(db, planId, scope, false);
      let underPath: string | undefined;
      if (q.orgId) {
        const o = await findOrgById(db, q.orgId);
        if (!o || !isRelated(scope, o.path)) throw notFound('ENTITY_org');
        underPath = o.path;
      }
      const { items, total } = await repo.listEnrolments(db, planId, { scope, underPath, q: q.q, page: q.page, pageSize: q.pageSize });
      return { items: items.map(toEnrolment), total, page: q.page, pageSize: q.pageSize };
    },

    /** 单个参保: staff enrol one active member of their scope by ID number. */
    async enrolOne(planId: string, idNumber: string, actor: StaffActor): Promise<MutualaidEnrolment> {
      const checked = checkIdNumber(idNumber, shanghaiToday(clock()));
      if (!checked.ok) throw fieldError('idNumber', checked.problem);
      const id = await db.transaction(async (tx) => {
        const plan = await planInScope(tx, planId, actor.scope, false);
        if (plan.status !== 'open') throw notOpen(plan.status);
        const [member] = await repo.findActiveMembersByHash(tx, [hashIdNumber(secrets, checked.info.value)], plan.org_path, actor.scope);
        if (!member) throw fieldError('idNumber', 'MUTUALAID_NOT_A_MEMBER');
        const [enrolmentId] = await repo.insertEnrolments(tx, plan, [{ personId: member.person_id, membershipId: member.membership_id, orgId: member.org_id }], null, actor.userId, clock());
        if (!enrolmentId) throw new AppError('MUTUALAID_ALREADY_ENROLLED', { status: 409 });
        await recordAudit(tx, actor.audit, { action: 'mutualaid_enrolment.create', entityType: 'mutualaid_enrolment', entityId: enrolmentId, orgId: member.org_id, after: { planId, personId: member.person_id } });
        return enrolmentId;
      });
      return toEnrolment((await repo.findEnrolment(db, id))!);
    },

    /** The empty enrolment sheet with an example row (which is never imported). */
    async template(planId: string, scope: Scope): Promise<Buffer> {
      await planInScope(db, planId, scope, false);
      return writeWorkbook(
        '参保名单',
        [
          { header: '姓名*', width: 14 },
          { header: '身份证号*', width: 24 },
        ],
        [[`${EXAMPLE_PREFIX}：张三`, `50010519900101001${idNumberCheckChar('50010519900101001')}`]],
        [['每行一名在册会员：姓名与身份证号须与会员档案一致。'], ['姓名以“示例”开头的行不会导入。已参保的会员会跳过，不重复参保。']],
      );
    },

    /**
     * 批量参保: a union's sheet of members, read through the bounded reader; every row is checked
     * (ID number, active member of the union's subtree, same name, once in the file) and the good
     * ones enrolled in one transaction. The report lists each refused row (capped).
     */
    async importEnrolments(planId: string, orgId: string, file: Buffer, fileName: string | null, actor: StaffActor, lang: Lang): Promise<MutualaidBatch> {
      const plan = await planInScope(db, planId, actor.scope, false);
      if (plan.status !== 'open') throw notOpen(plan.status);
      const union = await findOrgById(db, orgId);
      if (!union || !isInScope(actor.scope, union.path) || !union.path.startsWith(plan.org_path)) throw notFound('ENTITY_org');
      const today = shanghaiToday(clock());
      const errors: StoredError[] = [];
      let errorCount = 0;
      const fail = (e: StoredError) => {
        errorCount++;
        if (errors.length < STORED_ERRORS) errors.push(e);
      };
      const rows: { row: number; name: string; value: string; hash: string }[] = [];
      const seen = new Set<string>();
      let total = 0;
      for await (const r of readTemplateRows(file, ENROLMENT_COLUMNS, ENROLMENT_LIMITS)) {
        const name = cellText(r.cells.realName, { formulas: 'result' });
        const idn = cellText(r.cells.idNumber, { formulas: 'refuse', longNumbers: 'refuse' });
        if (name.text?.startsWith(EXAMPLE_PREFIX)) continue;
        total++;
        if (name.problem || !name.text) {
          fail({ row: r.row, column: 'realName', code: name.problem ?? 'FIELD_REQUIRED', name: null, idNumberMasked: null });
          continue;
        }
        if (idn.problem) {
          fail({ row: r.row, column: 'idNumber', code: idn.problem, name: name.text, idNumberMasked: null });
          continue;
        }
        const checked = checkIdNumber(idn.text, today);
        if (!checked.ok) {
          fail({ row: r.row, column: 'idNumber', code: checked.problem, name: name.text, idNumberMasked: null });
          continue;
        }
        if (seen.has(checked.info.value)) {
          fail({ row: r.row, column: 'idNumber', code: 'MUTUALAID_ROW_DUPLICATE', name: name.text, idNumberMasked: maskIdNumber(checked.info.value) });
          continue;
        }
        seen.add(checked.info.value);
        rows.push({ row: r.row, name: name.text, value: checked.info.value, hash: hashIdNumber(secrets, checked.info.value) });
      }
      const now = clock();
      const batch = await db.transaction(async (tx) => {
        const found = new Map<string, Awaited<ReturnType<typeof repo.findActiveMembersByHash>>[number]>();
        for (let i = 0; i < rows.length; i += 1000) {
          for (const m of await repo.findActiveMembersByHash(tx, rows.slice(i, i + 1000).map((r) => r.hash), union.path, actor.scope)) found.set(m.hash, m);
        }
        const good: { row: number; m: NonNullable<ReturnType<typeof found.get>> }[] = [];
        for (const r of rows) {
          const m = found.get(r.hash);
          if (!m) fail({ row: r.row, column: 'idNumber', code: 'MUTUALAID_ROW_NOT_MEMBER', name: r.name, idNumberMasked: maskIdNumber(r.value) });
          else if (m.real_name !== r.name) fail({ row: r.row, column: 'realName', code: 'MUTUALAID_ROW_NAME_MISMATCH', name: r.name, idNumberMasked: m.masked });
          else good.push({ row: r.row, m });
        }
        const already = new Set<string>();
        for (let i = 0; i < good.length; i += 1000) for (const p of await repo.enrolledPersonIds(tx, plan.id, good.slice(i, i + 1000).map((g) => g.m.person_id))) already.add(p);
        const fresh = good.filter((g) => !already.has(g.m.person_id));
        const ids = await repo.insertEnrolments(tx, plan, fresh.map((g) => ({ personId: g.m.person_id, membershipId: g.m.membership_id, orgId: g.m.org_id })), null, actor.userId, now);
        errors.sort((a, b) => a.row - b.row);
        const b = await repo.insertBatch(tx, { planId: plan.id, orgId, fileName, totalRows: total, enrolledRows: ids.length, skippedRows: good.length - ids.length, errorRows: errorCount, report: errors, createdBy: actor.userId }, now);
        await repo.setBatchOfEnrolments(tx, b.id, ids);
        await recordAudit(tx, actor.audit, { action: 'mutualaid_enrolment.import', entityType: 'mutualaid_batch', entityId: b.id, orgId, after: { planId, fileName, totalRows: total, enrolledRows: ids.length, errorRows: errorCount } });
        return { id: b.id, createdAt: b.created_at, enrolled: ids.length, skipped: good.length - ids.length };
      });
      const header = (key: EnrolmentColumn | null) => (key ? (ENROLMENT_COLUMNS.find((c) => c.key === key)?.header ?? key) : null);
      const listed = capList(errors, undefined, errorCount);
      return {
        id: batch.id,
        planId,
        orgId,
        fileName,
        totalRows: total,
        enrolledRows: batch.enrolled,
        skippedRows: batch.skipped,
        errorRows: errorCount,
        errors: listed.items.map((e): ImportRowError => ({ row: e.row, column: header(e.column), code: e.code, message: t(lang, e.code, e.params ?? {}), name: e.name, idNumberMasked: e.idNumberMasked })),
        errorsNotListed: listed.notListed,
        createdAt: repo.iso(batch.createdAt),
      };
    },

    async listClaims(q: { planId?: string | undefined; status?: string | undefined; orgId?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<MutualaidClaim>> {
      let underPath: string | undefined;
      if (q.orgId) {
        const o = await findOrgById(db, q.orgId);
        if (!o || !isRelated(scope, o.path)) throw notFound('ENTITY_org');
        underPath = o.path;
      }
      const { items, total } = await repo.listClaims(db, { scope, planId: q.planId, status: q.status, underPath, page: q.page, pageSize: q.pageSize });
      return { items: await toClaims(items), total, page: q.page, pageSize: q.pageSize };
    },

    async getClaim(id: string, scope: Scope): Promise<MutualaidClaim> {
      return (await toClaims([await claimInScope(db, id, scope)]))[0]!;
    },

    /**
     * 初审: approving computes the payout by the plan's rules within what the caps have left, and
     * takes it from the caps at once (the enrolment's row is locked, so parallel approvals of one
     * person queue; the tables' checks refuse going past a cap whatever happens). Above the
     * threshold, or when sampled, a second person must confirm.
     */
    async review(id: string, input: ReviewMutualaidClaim, actor: StaffActor): Promise<MutualaidClaim> {
      const now = clock();
      const after = await db.transaction(async (tx) => {
        const c = await claimInScope(tx, id, actor.scope);
        if (c.status !== 'submitted') throw new AppError('MUTUALAID_CLAIM_STATE', { status: 409 });
        if (c.version !== input.version) throw versionConflict(input.version, c.version);
        if (input.decision === 'reject') {
          if (!input.note) throw fieldError('note', 'MUTUALAID_REJECT_REASON');
          const moved = await repo.updateClaim(
            tx,
            id,
            { version: input.version, status: 'submitted' },
            sql`status = 'rejected', rejected_reason = ${input.note}, reviewed_by = ${actor.userId}, reviewed_by_name = ${actor.displayName}, reviewed_at = ${now.toISOString()}, review_note = ${input.note}`,
            now,
          );
          if (!moved) throw versionConflict(input.version);
          await recordAudit(tx, actor.audit, { action: 'mutualaid_claim.review', entityType: 'mutualaid_claim', entityId: id, orgId: c.org_id, after: { decision: 'reject', note: input.note } });
          await notifyWorker(tx, c, 'rejected');
          return id;
        }
        const plan = (await repo.findPlan(tx, c.plan_id))!;
        const rule = ruleAmount(plan.benefits, { benefit: c.benefit, hospitalDays: c.hospital_days, amountFen: c.amount_fen });
        const left = await repo.lockCaps(tx, c.enrolment_id, c.benefit);
        const payout = cappedPayout(rule, left);
        if (payout <= 0) throw new AppError('MUTUALAID_CAP_REACHED', { status: 409 });
        const needsSecond = c.is_sampled || payout > plan.second_approval_fen;
        const status = needsSecond ? 'awaiting_second' : 'approved';
        const moved = await repo.updateClaim(
          tx,
          id,
          { version: input.version, status: 'submitted' },
          sql`status = ${status}, rule_fen = ${rule}, payout_fen = ${payout}, reviewed_by = ${actor.userId}, reviewed_by_name = ${actor.displayName}, reviewed_at = ${now.toISOString()}, review_note = ${input.note ?? null}`,
          now,
        );
        if (!moved) throw versionConflict(input.version);
        await repo.commitCaps(tx, c.enrolment_id, c.benefit, payout);
        await recordAudit(tx, actor.audit, { action: 'mutualaid_claim.review', entityType: 'mutualaid_claim', entityId: id, orgId: c.org_id, after: { decision: 'approve', ruleFen: rule, payoutFen: payout, status } });
        await notifyWorker(tx, c, status);
        return id;
      });
      return this.getClaim(after, actor.scope);
    },

    /** 复核: another staff member confirms (or rejects, giving the amount back to the caps). */
    async secondCheck(id: string, input: ReviewMutualaidClaim, actor: StaffActor): Promise<MutualaidClaim> {
      const now = clock();
      await db.transaction(async (tx) => {
        const c = await claimInScope(tx, id, actor.scope);
        if (c.status !== 'awaiting_second') throw new AppError('MUTUALAID_CLAIM_STATE', { status: 409 });
        if (c.version !== input.version) throw versionConflict(input.version, c.version);
        if (c.reviewed_by === actor.userId) throw new AppError('MUTUALAID_SECOND_SAME_PERSON', { status: 409 });
        const isApproved = input.decision === 'approve';
        if (!isApproved && !input.note) throw fieldError('note', 'MUTUALAID_REJECT_REASON');
        const moved = await repo.updateClaim(
          tx,
          id,
          { version: input.version, status: 'awaiting_second' },
          isApproved
            ? sql`status = 'approved', second_by = ${actor.userId}, second_by_name = ${actor.displayName}, second_at = ${now.toISOString()}`
            : sql`status = 'rejected', rejected_reason = ${input.note ?? ''}, payout_fen = null, second_by = ${actor.userId}, second_by_name = ${actor.displayName}, second_at = ${now.toISOString()}`,
          now,
        );
        if (!moved) throw versionConflict(input.version);
        if (!isApproved) {
          await repo.lockCaps(tx, c.enrolment_id, c.benefit);
          await repo.commitCaps(tx, c.enrolment_id, c.benefit, -(c.payout_fen ?? 0));
        }
        await recordAudit(tx, actor.audit, { action: 'mutualaid_claim.second', entityType: 'mutualaid_claim', entityId: id, orgId: c.org_id, after: { decision: input.decision, note: input.note ?? null } });
        await notifyWorker(tx, c, isApproved ? 'approved' : 'rejected');
      });
      return this.getClaim(id, actor.scope);
    },

    /** 支付: the payment record (transfer or in person, with its reference). */
    async pay(id: string, input: { method: 'transfer' | 'in_person'; reference: string; version: number }, actor: StaffActor): Promise<MutualaidClaim> {
      const now = clock();
      await db.transaction(async (tx) => {
        const c = await claimInScope(tx, id, actor.scope);
        if (c.status !== 'approved') throw new AppError('MUTUALAID_CLAIM_STATE', { status: 409 });
        if (c.version !== input.version) throw versionConflict(input.version, c.version);
        const moved = await repo.updateClaim(
          tx,
          id,
          { version: input.version, status: 'approved' },
          sql`status = 'paid', payment_method = ${input.method}, payment_reference = ${input.reference}, paid_by = ${actor.userId}, paid_at = ${now.toISOString()}`,
          now,
        );
        if (!moved) throw versionConflict(input.version);
        await recordAudit(tx, actor.audit, { action: 'mutualaid_claim.pay', entityType: 'mutualaid_claim', entityId: id, orgId: c.org_id, after: { method: input.method, reference: input.reference, payoutFen: c.payout_fen } });
        await notifyWorker(tx, c, 'paid');
      });
      return this.getClaim(id, actor.scope);
    },

    /** The worker's enrolments (through the members they are) and their claims. */
    async mine(userId: string): Promise<MyMutualaid> {
      const personIds = await findPersonIdsOfUser(db, userId);
      const enrolments = await repo.enrolmentsOfPersons(db, personIds);
      const claims = await repo.listClaims(db, { scope: 'all', enrolmentIds: enrolments.map((e) => e.id), page: 1, pageSize: 100 });
      return {
        enrolments: enrolments.map((e) => ({ id: e.id, planId: e.plan_id, planName: e.plan_name, year: e.year, planStatus: e.plan_status as 'draft' | 'open' | 'closed', orgName: e.org_name, benefits: e.benefits, capFen: e.cap_fen, committedFen: e.committed_fen })),
        claims: await toClaims(claims.items),
      };
    },

    async myClaim(id: string, userId: string): Promise<MutualaidClaim> {
      const c = await repo.findClaim(db, id);
      if (!c || !(await findPersonIdsOfUser(db, userId)).includes(c.person_id)) throw notFound('ENTITY_mutualaid_claim');
      return (await toClaims([c]))[0]!;
    },

    /** 申请互助金: the enrolled worker files a claim with photos of the documents. */
    async fileClaim(input: FileMutualaidClaim, actor: WorkerActor): Promise<MutualaidClaim> {
      const now = clock();
      const id = await db.transaction(async (tx) => {
        const e = await repo.findEnrolment(tx, input.enrolmentId);
        if (!e || !(await findPersonIdsOfUser(tx, actor.userId)).includes(e.person_id)) throw fieldError('enrolmentId', 'MUTUALAID_NOT_ENROLLED');
        const plan = (await repo.findPlan(tx, e.plan_id))!;
        if (plan.status !== 'open') throw notOpen(plan.status);
        if (input.benefit === 'hospital' && !input.hospitalDays) throw fieldError('hospitalDays', 'MUTUALAID_HOSPITAL_DAYS');
        if (input.benefit === 'accident' && !input.amountFen) throw fieldError('amountFen', 'MUTUALAID_AMOUNT');
        if (!input.incidentDate.startsWith(String(plan.year)) || input.incidentDate > shanghaiToday(now)) throw fieldError('incidentDate', 'MUTUALAID_INCIDENT_DATE');
        const photoIds = await assertOwnPhotos(tx, input.photoIds, actor.userId, 'photoIds', { documents: true });
        // HZ + the Shanghai day + six random digits, drawn again if taken (a unique index backs it).
        let number = '';
        for (let i = 0; i < 5 && !number; i++) {
          const candidate = `HZ${shanghaiToday(now).replace(/-/g, '')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
          if (!(await repo.claimNumberTaken(tx, candidate))) number = candidate;
        }
        const claimId = await repo.insertClaim(
          tx,
          {
            number,
            enrolmentId: e.id,
            planId: plan.id,
            orgId: e.org_id,
            filedBy: actor.userId,
            benefit: input.benefit,
            incidentDate: input.incidentDate,
            hospitalDays: input.benefit === 'hospital' ? (input.hospitalDays ?? null) : null,
            amountFen: input.benefit === 'accident' ? (input.amountFen ?? null) : null,
            description: input.description,
            photoIds,
            isSampled: randomInt(0, 100) < plan.sample_percent,
          },
          now,
        );
        await recordAudit(tx, actor.audit, { action: 'mutualaid_claim.create', entityType: 'mutualaid_claim', entityId: claimId, orgId: e.org_id, after: { number, benefit: input.benefit } });
        await notify(tx, {
          to: { staffWith: 'assistance.write', inScopeOf: e.org_id },
          kind: 'mutualaid.claim_new',
          title: { key: 'MUTUALAID_CLAIM_SUBMITTED' },
          body: { key: 'MUTUALAID_CLAIM_SUBMITTED_BODY', params: { name: e.real_name, benefit: `MUTUALAID_BENEFIT_${input.benefit}`, number } },
          link: `/admin/assistance/mutualaid?claim=${claimId}`,
          entity: { type: 'mutualaid_claim', id: claimId },
        });
        await notifyWorker(tx, { ...((await repo.findClaim(tx, claimId))!) }, 'submitted');
        return claimId;
      });
      return this.myClaim(id, actor.userId);
    },
  };
}

export type MutualaidService = ReturnType<typeof createMutualaidService>;
