import { sql } from 'drizzle-orm';
import { benefitValueFen, campaignBenefitSchema, eligibilityRulesSchema, type Campaign, type CreateCampaign, type DecideNomination, type DuplicateReview, type Nominate, type Nomination, type Page, type UpdateCampaign } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, isRelated, type Scope } from '../../platform/auth';
import { uniqueViolationOf } from '../../platform/error-handler';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { announceTodoChange, notify } from '../../platform/notifications';
import { campaignLink } from './assistance.todos';
import { checkUpload } from '../../platform/uploads';
import { fieldError } from '../../platform/validation';
import { findPersonIdsOfUser } from '../members';
import { findOrgById } from '../orgs';
import { hasActiveHonour } from '../honours';
import { assertOwnPhotos } from '../stars';
import { approvalSteps, failedRules } from './campaign.eligibility';
import * as repo from './campaign.repository';
import { iso, isoOrNull } from './mutualaid.repository';
import './campaign.errors';

export type CampaignStaff = { userId: string; displayName: string; scope: Scope; audit: AuditContext };
export type CampaignWorker = { userId: string; audit: AuditContext };

const MAX_SIGNATURE_BYTES = 256 * 1024;
const yuan = (fen: number) => (fen / 100).toFixed(2);
const num = (v: string | number | null | undefined) => Number(v ?? 0);
/** JSON with sorted keys: two rule sets or benefit lists compare equal whatever order their keys came in. */
const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/**
 * Whether the actor may approve at a step: their scope covers the step's union but not the next
 * step's (the step's own union approves, not one above it), unless they act for the whole
 * installation (platform admin) or it is the last step.
 */
export function canActAtStep(scope: Scope, stepPath: string, nextPath: string | null): boolean {
  if (scope === 'all') return true;
  if (!isInScope(scope, stepPath)) return false;
  return nextPath === null || !isInScope(scope, nextPath);
}

export function createCampaignService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  async function campaignInScope(tx: Db, id: string, scope: Scope, write: boolean, lock = false) {
    const c = await repo.findCampaign(tx, id, lock);
    if (!c || !(write ? isInScope(scope, c.org_path) : isRelated(scope, c.org_path))) throw notFound('ENTITY_campaign');
    return c;
  }

  /** What a new or changed campaign must satisfy beyond its schema: a period, funding adding up to the budget, distinct benefit keys, known subtrees. */
  async function checkTerms(input: Omit<CreateCampaign, 'orgId' | 'kind'>, scope: Scope) {
    if (input.endsOn < input.startsOn) throw fieldError('endsOn', 'CAMPAIGN_PERIOD');
    if (input.fundingSources.reduce((s, f) => s + f.amountFen, 0) !== input.budgetFen) throw fieldError('fundingSources', 'CAMPAIGN_FUNDING_SUM');
    if (new Set(input.benefits.map((b) => b.key)).size !== input.benefits.length) throw fieldError('benefits', 'CAMPAIGN_BENEFIT_KEYS');
    for (const [i, id] of (input.eligibility.orgSubtreeIds ?? []).entries()) {
      const o = await findOrgById(db, id);
      if (!o || !isRelated(scope, o.path)) throw fieldError(`eligibility.orgSubtreeIds.${i}`, 'CAMPAIGN_ORG_UNKNOWN');
    }
  }

  async function toCampaign(c: repo.CampaignRow, scope: Scope): Promise<Campaign> {
    const f = await repo.campaignFigures(db, c.id, scope);
    const all = await repo.listAllocations(db, c.id);
    const pathOf = new Map(all.map((a) => [a.id, a.org_path]));
    const allocations = all.filter((a) => isRelated(scope, a.org_path));
    const open = c.status !== 'closed';
    return {
      id: c.id,
      orgId: c.org_id,
      orgName: c.org_name,
      kind: c.kind,
      name: c.name,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      year: Number(c.starts_on.slice(0, 4)),
      budgetFen: num(c.budget_fen),
      approvedFen: num(c.approved_fen),
      fundingSources: c.funding_sources,
      benefits: c.benefits,
      eligibility: c.eligibility,
      secondApprovalFen: num(c.second_approval_fen),
      yearlyLimitFen: c.yearly_limit_fen === null ? null : num(c.yearly_limit_fen),
      status: c.status,
      nominations: f.nominations,
      recipients: f.recipients,
      disbursedFen: f.disbursed,
      allocations: allocations.map((a) => ({
        id: a.id,
        orgId: a.org_id,
        orgName: a.org_name,
        parentId: a.parent_id,
        amountFen: num(a.amount_fen),
        subAllocatedFen: num(a.sub_allocated_fen),
        spentFen: num(a.spent_fen),
        canChange: open && a.parent_id !== null && isInScope(scope, pathOf.get(a.parent_id) ?? '/'),
      })),
      canEdit: open && isInScope(scope, c.org_path),
      version: c.version,
    };
  }

  async function toNominations(rows: repo.NominationRow[]): Promise<Nomination[]> {
    const approvals = await repo.approvalsOf(
      db,
      rows.map((r) => r.id),
    );
    const names = await repo.orgNames(
      db,
      rows.flatMap((r) => r.steps),
    );
    return rows.map((n) => {
      const benefit = n.benefits.find((b) => b.key === n.benefit_key);
      const mine = approvals.filter((a) => a.nomination_id === n.id);
      return {
        id: n.id,
        campaignId: n.campaign_id,
        campaignName: n.campaign_name,
        campaignKind: n.campaign_kind,
        orgId: n.org_id,
        orgName: n.org_name,
        personName: n.person_name,
        idNumberMasked: n.masked,
        benefitKey: n.benefit_key,
        benefitName: benefit?.name ?? n.benefit_key,
        benefitKind: n.benefit_kind,
        quantity: n.quantity,
        unit: benefit?.unit ?? null,
        valueFen: num(n.value_fen),
        status: n.status,
        steps: n.steps.map((orgId, i) => {
          const a = mine.find((x) => x.step === i);
          return { orgId, orgName: names.get(orgId) ?? '', approverName: a?.approver_name ?? null, decidedAt: a ? iso(a.created_at) : null };
        }),
        currentStep: n.current_step,
        needsSecond: num(n.value_fen) > num(n.second_approval_fen),
        secondByName: n.second_by_name,
        rejectedReason: n.rejected_reason,
        disburseMethod: n.disburse_method,
        disburseReference: n.disburse_reference,
        disbursedAt: isoOrNull(n.disbursed_at),
        acknowledgedAt: isoOrNull(n.acknowledged_at),
        ackVia: n.ack_via,
        hasSignature: n.has_signature,
        ackPhotoId: n.ack_photo_id,
        createdAt: iso(n.created_at),
        version: n.version,
      };
    });
  }

  async function nominationInScope(tx: Db, id: string, scope: Scope, lock = false) {
    const n = await repo.findNomination(tx, id, lock);
    // Staff over the nominating union see it: every union of its approval steps is above it.
    if (!n || !isInScope(scope, n.org_path)) throw notFound('ENTITY_campaign_nomination');
    return n;
  }

  async function notifyStep(tx: Db, n: { id: string; campaignId: string; campaign_name: string; person_name: string; benefitName: string }, orgId: string) {
    await notify(tx, {
      to: { staffWith: 'assistance.write', inScopeOf: orgId },
      kind: 'campaign.step',
      title: { key: 'CAMPAIGN_STEP_TITLE' },
      body: { key: 'CAMPAIGN_STEP_BODY', params: { campaign: n.campaign_name, name: n.person_name, benefit: n.benefitName } },
      link: campaignLink(n.campaignId),
      entity: { type: 'campaign_nomination', id: n.id },
    });
  }

  /** Takes an approved nomination's value from its allocation, the budget and the person's year; refuses (and the transaction rolls back) when any is short. */
  async function charge(tx: Db, n: repo.NominationRow) {
    const value = num(n.value_fen);
    if (!(await repo.takeFromAllocation(tx, n.allocation_id, 'spent_fen', value))) {
      const [a] = await repo.query<{ left: string | number }>(tx, sql`select amount_fen - sub_allocated_fen - spent_fen as left from campaign_allocation where id = ${n.allocation_id}`);
      throw new AppError('CAMPAIGN_ALLOCATION_SPENT', { status: 409, params: { left: yuan(num(a?.left)) } });
    }
    if (!(await repo.takeFromBudget(tx, n.campaign_id, value))) throw new AppError('CAMPAIGN_BUDGET_SPENT', { status: 409 });
    const limit = n.yearly_limit_fen === null ? null : num(n.yearly_limit_fen);
    if (!(await repo.takeFromYearlyLimit(tx, { personId: n.person_id, year: n.year, orgId: n.campaign_org_id, fen: value, limit }))) {
      const [y] = await repo.query<{ v: string | number }>(tx, sql`select value_fen as v from campaign_person_year where person_id = ${n.person_id} and year = ${n.year}`);
      throw new AppError('CAMPAIGN_YEARLY_LIMIT', { status: 409, params: { got: yuan(num(y?.v)), limit: yuan(limit ?? 0) } });
    }
  }

  async function release(tx: Db, n: repo.NominationRow) {
    const value = num(n.value_fen);
    await repo.takeFromAllocation(tx, n.allocation_id, 'spent_fen', -value);
    await repo.takeFromBudget(tx, n.campaign_id, -value);
    await repo.giveBackYearly(tx, n.person_id, n.year, value);
  }

  return {
    async listCampaigns(q: { kind?: string | undefined; year?: number | undefined; status?: string | undefined }, scope: Scope): Promise<Campaign[]> {
      const rows = await repo.listCampaigns(db, { scope, ...q });
      return Promise.all(rows.map((c) => toCampaign(c, scope)));
    },

    async getCampaign(id: string, scope: Scope): Promise<Campaign> {
      return toCampaign(await campaignInScope(db, id, scope, false), scope);
    },

    /** A union in the caller's scope sets up a campaign (a draft); its own allocation holds the whole budget. */
    async createCampaign(input: CreateCampaign, actor: CampaignStaff): Promise<Campaign> {
      const owner = await findOrgById(db, input.orgId);
      if (!owner || !isInScope(actor.scope, owner.path)) throw fieldError('orgId', 'CAMPAIGN_ORG_UNKNOWN');
      await checkTerms(input, actor.scope);
      const now = clock();
      const id = await db.transaction(async (tx) => {
        const campaignId = await repo.insertCampaign(tx, { ...input, createdBy: actor.userId }, now);
        await repo.insertAllocation(tx, { campaignId, orgId: input.orgId, parentId: null, amountFen: input.budgetFen, createdBy: actor.userId });
        await recordAudit(tx, actor.audit, { action: 'campaign.create', entityType: 'campaign', entityId: campaignId, orgId: input.orgId, after: input });
        return campaignId;
      });
      return this.getCampaign(id, actor.scope);
    },

    /**
     * 修改活动 (the owner's staff): a draft changes freely; an open campaign keeps its start,
     * benefits and eligibility, and its budget never drops below what is shared out or approved
     * (the owner's share and the budget each change by a conditional UPDATE); a closed one is final.
     */
    async updateCampaign(id: string, input: UpdateCampaign, actor: CampaignStaff): Promise<Campaign> {
      await checkTerms(input, actor.scope);
      await db.transaction(async (tx) => {
        const c = await campaignInScope(tx, id, actor.scope, true, true);
        if (c.version !== input.version) throw versionConflict(input.version, c.version);
        if (c.status === 'closed') throw new AppError('CAMPAIGN_CLOSED', { status: 409 });
        if (c.status === 'open') {
          if (input.startsOn !== c.starts_on) throw fieldError('startsOn', 'CAMPAIGN_FIXED_WHEN_OPEN');
          if (canonical(input.benefits.map((b) => campaignBenefitSchema.parse(b))) !== canonical(c.benefits.map((b) => campaignBenefitSchema.parse(b)))) throw fieldError('benefits', 'CAMPAIGN_FIXED_WHEN_OPEN');
          if (canonical(eligibilityRulesSchema.parse(input.eligibility)) !== canonical(eligibilityRulesSchema.parse(c.eligibility))) throw fieldError('eligibility', 'CAMPAIGN_FIXED_WHEN_OPEN');
        }
        if (!(await repo.resizeRootAllocation(tx, id, input.budgetFen)) || !(await repo.updateCampaign(tx, id, input, clock()))) {
          const used = Math.max(await repo.rootAllocationUsed(tx, id), num(c.approved_fen));
          throw fieldError('budgetFen', 'CAMPAIGN_BUDGET_BELOW', { used: yuan(used) });
        }
        const before = { name: c.name, startsOn: c.starts_on, endsOn: c.ends_on, budgetFen: num(c.budget_fen), fundingSources: c.funding_sources, benefits: c.benefits, eligibility: c.eligibility, secondApprovalFen: num(c.second_approval_fen), yearlyLimitFen: c.yearly_limit_fen === null ? null : num(c.yearly_limit_fen) };
        const { version: _v, ...after } = input;
        await recordAudit(tx, actor.audit, { action: 'campaign.update', entityType: 'campaign', entityId: id, orgId: c.org_id, before, after });
      });
      return this.getCampaign(id, actor.scope);
    },

    /**
     * 调整额度: the union above changes a share. An increase is taken from what the parent has left,
     * a decrease never goes below what the share has handed down and spent; both by conditional UPDATEs.
     */
    async reallocate(id: string, allocationId: string, input: { amountFen: number }, actor: CampaignStaff): Promise<Campaign> {
      await db.transaction(async (tx) => {
        const c = await campaignInScope(tx, id, actor.scope, false);
        if (c.status === 'closed') throw new AppError('CAMPAIGN_CLOSED', { status: 409 });
        const all = await repo.listAllocations(tx, id);
        const a = all.find((x) => x.id === allocationId);
        if (!a) throw notFound('ENTITY_campaign_allocation');
        if (!a.parent_id) throw fieldError('amountFen', 'CAMPAIGN_ALLOCATION_ROOT');
        const parent = all.find((x) => x.id === a.parent_id)!;
        if (!isInScope(actor.scope, parent.org_path)) throw notFound('ENTITY_campaign_allocation');
        const delta = input.amountFen - num(a.amount_fen);
        if (delta > 0 && !(await repo.takeFromAllocation(tx, parent.id, 'sub_allocated_fen', delta))) {
          const left = num(parent.amount_fen) - num(parent.sub_allocated_fen) - num(parent.spent_fen);
          throw new AppError('CAMPAIGN_ALLOCATION_EXCEEDS', { status: 409, params: { left: yuan(left) } });
        }
        if (!(await repo.resizeAllocation(tx, a.id, input.amountFen))) {
          throw fieldError('amountFen', 'CAMPAIGN_ALLOCATION_BELOW', { used: yuan(num(a.sub_allocated_fen) + num(a.spent_fen)) });
        }
        if (delta < 0) await repo.giveBackToAllocation(tx, parent.id, -delta);
        await recordAudit(tx, actor.audit, { action: 'campaign.reallocate', entityType: 'campaign', entityId: id, orgId: a.org_id, before: { amountFen: num(a.amount_fen) }, after: { orgId: a.org_id, amountFen: input.amountFen } });
      });
      return this.getCampaign(id, actor.scope);
    },

    /** draft → open (nominations accepted) → closed. */
    async setStatus(id: string, input: { status: 'open' | 'closed'; version: number }, actor: CampaignStaff): Promise<Campaign> {
      await db.transaction(async (tx) => {
        const c = await campaignInScope(tx, id, actor.scope, true, true);
        if (c.version !== input.version) throw versionConflict(input.version, c.version);
        const from = input.status === 'open' ? 'draft' : 'open';
        if (c.status !== from) throw new AppError('CAMPAIGN_STATUS_MOVE', { status: 409 });
        await repo.setCampaignStatus(tx, id, { version: input.version, status: from }, input.status, clock());
        if (input.status === 'open') await recordAudit(tx, actor.audit, { action: 'campaign.open', entityType: 'campaign', entityId: id, orgId: c.org_id });
        else await recordAudit(tx, actor.audit, { action: 'campaign.close', entityType: 'campaign', entityId: id, orgId: c.org_id });
      });
      return this.getCampaign(id, actor.scope);
    },

    /**
     * 分配额度: a union hands part of its share to a union below it. The parent is the deepest
     * union above the target that has a share; the caller must be in the parent's scope. The
     * share is reserved in the parent with one conditional UPDATE (never more than it has left).
     */
    async allocate(id: string, input: { orgId: string; amountFen: number }, actor: CampaignStaff): Promise<Campaign> {
      const target = await findOrgById(db, input.orgId);
      if (!target) throw fieldError('orgId', 'CAMPAIGN_ORG_UNKNOWN');
      await db.transaction(async (tx) => {
        const c = await campaignInScope(tx, id, actor.scope, false);
        if (c.status === 'closed') throw new AppError('CAMPAIGN_STATUS_MOVE', { status: 409 });
        const parent = (await repo.listAllocations(tx, id))
          .filter((a) => a.org_id !== target.id && target.path.startsWith(a.org_path))
          .sort((a, b) => b.org_path.length - a.org_path.length)[0];
        if (!parent || !isInScope(actor.scope, parent.org_path) || !isInScope(actor.scope, target.path)) throw fieldError('orgId', 'CAMPAIGN_ALLOCATION_NO_PARENT');
        const allocationId = await repo.insertAllocation(tx, { campaignId: id, orgId: target.id, parentId: parent.id, amountFen: input.amountFen, createdBy: actor.userId });
        if (!allocationId) throw new AppError('CAMPAIGN_ALLOCATION_EXISTS', { status: 409 });
        if (!(await repo.takeFromAllocation(tx, parent.id, 'sub_allocated_fen', input.amountFen))) {
          const left = num(parent.amount_fen) - num(parent.sub_allocated_fen) - num(parent.spent_fen);
          throw new AppError('CAMPAIGN_ALLOCATION_EXCEEDS', { status: 409, params: { left: yuan(left) } });
        }
        await recordAudit(tx, actor.audit, { action: 'campaign.allocate', entityType: 'campaign', entityId: id, orgId: target.id, after: { orgId: target.id, amountFen: input.amountFen, parentOrgId: parent.org_id } });
      });
      return this.getCampaign(id, actor.scope);
    },

    /**
     * 提名: a union nominates an active member of its subtree within its share. Refused: not
     * eligible by the rules, the same person already in the campaign (or decided the same as
     * someone in it), past the yearly limit. A possible duplicate (other ID) is held for review.
     */
    async nominate(campaignId: string, input: Nominate, actor: CampaignStaff): Promise<Nomination> {
      const now = clock();
      const id = await this.nominateIn(campaignId, input, actor, now).catch((error: unknown) => {
        // Two unions nominating the same person at the same instant: the unique index decides, the loser hears why.
        if (uniqueViolationOf(error) === 'campaign_nomination_person_unique') throw new AppError('CAMPAIGN_ALREADY_NOMINATED', { status: 409, params: { org: '—' } });
        throw error;
      });
      return this.getNomination(id, actor.scope);
    },

    /** `valueFen` (秋送助学: the amount of the child's level) replaces the benefit's own value; for cash benefits only. */
    async nominateIn(campaignId: string, input: Nominate, actor: CampaignStaff, now: Date, opts: { valueFen?: number } = {}): Promise<string> {
      return db.transaction(async (tx) => {
        const c = await campaignInScope(tx, campaignId, actor.scope, false);
        if (c.status !== 'open') throw new AppError('CAMPAIGN_NOT_OPEN', { status: 409 });
        const m = await repo.findActiveMember(tx, input.membershipId);
        if (!m || !isInScope(actor.scope, m.org_path) || !m.org_path.startsWith(c.org_path)) throw fieldError('membershipId', 'CAMPAIGN_MEMBER_UNKNOWN');
        // The nominating union: the deepest one with a share above (or at) the member's union, in the caller's scope.
        const allocation = (await repo.listAllocations(tx, campaignId))
          .filter((a) => m.org_path.startsWith(a.org_path) && isInScope(actor.scope, a.org_path))
          .sort((a, b) => b.org_path.length - a.org_path.length)[0];
        if (!allocation) throw new AppError('CAMPAIGN_NO_ALLOCATION', { status: 409 });
        const benefit = c.benefits.find((b) => b.key === input.benefitKey);
        if (!benefit) throw fieldError('benefitKey', 'CAMPAIGN_BENEFIT_UNKNOWN');
        const subtreePaths = c.eligibility.orgSubtreeIds ? (await repo.orgsOnPath(tx, c.eligibility.orgSubtreeIds.map((o) => `/${o}/`).join(''))).map((o) => o.path) : [];
        const failed = failedRules(
          c.eligibility,
          { birthDate: m.birth_date, sex: m.sex, employmentForm: m.employment_form, industry: m.industry, orgPath: m.org_path, hardshipTier: m.hardship_tier, isModelWorker: input.attestations.modelWorker === true || (!!c.eligibility.modelWorker && (await hasActiveHonour(tx, m.person_id))) },
          { onDay: c.starts_on, orgSubtreePaths: subtreePaths },
        );
        if (failed.length) throw new AppError('CAMPAIGN_NOT_ELIGIBLE', { status: 422, errors: failed.map((r) => ({ path: `eligibility.${r}`, message: `CAMPAIGN_RULE_${r}`, code: r })) });
        const live = await repo.findLiveNomination(tx, campaignId, m.person_id);
        if (live) throw new AppError('CAMPAIGN_ALREADY_NOMINATED', { status: 409, params: { org: live.org_name } });
        const same = await repo.samePersonNominated(tx, campaignId, m.person_id);
        if (same) throw new AppError('CAMPAIGN_SAME_PERSON_DECIDED', { status: 409, params: { name: same.person_name } });
        if (opts.valueFen !== undefined && benefit.kind !== 'cash') throw fieldError('benefitKey', 'CAMPAIGN_BENEFIT_UNKNOWN');
        const value = opts.valueFen ?? benefitValueFen(benefit);
        const year = Number(c.starts_on.slice(0, 4));
        const limit = c.yearly_limit_fen === null ? null : num(c.yearly_limit_fen);
        if (limit !== null) {
          const got = await repo.yearlyValue(tx, m.person_id, year);
          if (got + value > limit) throw new AppError('CAMPAIGN_YEARLY_LIMIT', { status: 409, params: { got: yuan(got), limit: yuan(limit) } });
        }
        // Within the share: what is left now must cover it (approval takes it, guarded in the database).
        const left = num(allocation.amount_fen) - num(allocation.sub_allocated_fen) - num(allocation.spent_fen);
        if (left < value) throw new AppError('CAMPAIGN_ALLOCATION_SPENT', { status: 409, params: { left: yuan(left) } });
        const path = await repo.orgsOnPath(tx, allocation.org_path);
        const steps = approvalSteps(path, c.org_id);
        // Near-duplicates are looked for under the campaign's lock, so two nominated at the same instant cannot both miss each other.
        await repo.lockNominations(tx, campaignId);
        const duplicates = await repo.possibleDuplicates(tx, campaignId, m);
        const nominationId = await repo.insertNomination(
          tx,
          {
            campaignId,
            allocationId: allocation.id,
            orgId: allocation.org_id,
            personId: m.person_id,
            membershipId: m.membership_id,
            personName: m.real_name,
            benefitKey: benefit.key,
            benefitKind: benefit.kind,
            quantity: benefit.kind === 'goods' ? (benefit.quantity ?? null) : null,
            valueFen: value,
            year,
            steps,
            status: duplicates.length ? 'review' : 'pending',
            attestations: input.attestations,
            note: input.note,
            nominatedBy: actor.userId,
          },
          now,
        );
        await repo.insertReviews(tx, campaignId, nominationId, duplicates);
        await recordAudit(tx, actor.audit, {
          action: 'campaign_nomination.create',
          entityType: 'campaign_nomination',
          entityId: nominationId,
          orgId: allocation.org_id,
          after: { campaignId, personId: m.person_id, benefitKey: benefit.key, valueFen: value, attestations: input.attestations, possibleDuplicates: duplicates.length },
        });
        if (duplicates.length) {
          await notify(tx, { to: { staffWith: 'assistance.write', inScopeOf: allocation.org_id }, kind: 'campaign.review', title: { key: 'CAMPAIGN_REVIEW_TITLE' }, link: campaignLink(campaignId, 'reviews'), entity: { type: 'campaign_nomination', id: nominationId } });
        } else {
          await notifyStep(tx, { id: nominationId, campaignId, campaign_name: c.name, person_name: m.real_name, benefitName: benefit.name }, steps[0]!);
        }
        await announceTodoChange(tx, c.org_id);
        return nominationId;
      });
    },

    /** Nominations by id, already authorised by the caller (秋送助学's applications), in the order given. */
    async describeNominations(ids: string[]): Promise<Nomination[]> {
      const rows = await repo.findNominations(db, ids);
      const out = await toNominations(rows);
      return ids.map((id) => out.find((n) => n.id === id)).filter((n): n is Nomination => n !== undefined);
    },

    async getNomination(id: string, scope: Scope): Promise<Nomination> {
      const [n] = await toNominations([await nominationInScope(db, id, scope)]);
      return n!;
    },

    /** The recipient's drawn signature (PNG), for staff over the nominating union. */
    async getSignature(id: string, scope: Scope): Promise<Buffer> {
      await nominationInScope(db, id, scope);
      const image = await repo.findSignature(db, id);
      if (!image) throw notFound('ENTITY_campaign_nomination');
      return image;
    },

    async listNominations(campaignId: string, q: { status?: string | undefined; orgId?: string | undefined; q?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<Nomination>> {
      const c = await campaignInScope(db, campaignId, scope, false);
      let underPath: string | undefined;
      if (q.orgId) {
        const o = await findOrgById(db, q.orgId);
        if (!o || !isRelated(scope, o.path)) throw notFound('ENTITY_org');
        underPath = o.path;
      }
      // A union sees its subtree's nominations; the campaign's owner sees all of them.
      const { items, total } = await repo.listNominations(db, { scope: isInScope(scope, c.org_path) ? 'all' : scope, campaignId, status: q.status, underPath, q: q.q, page: q.page, pageSize: q.pageSize });
      return { items: await toNominations(items), total, page: q.page, pageSize: q.pageSize };
    },

    /**
     * 审批: the union of the current step approves (or rejects). The last step takes the value from
     * the union's share, the budget and the person's yearly limit, each by a conditional UPDATE in
     * this transaction: parallel approvals never overspend. Above the threshold a second person confirms.
     */
    async decide(id: string, input: DecideNomination, actor: CampaignStaff): Promise<Nomination> {
      const now = clock();
      await db.transaction(async (tx) => {
        const n = await nominationInScope(tx, id, actor.scope, true);
        if (n.status === 'review') throw new AppError('CAMPAIGN_IN_REVIEW', { status: 409 });
        if (n.status !== 'pending') throw new AppError('CAMPAIGN_NOMINATION_STATE', { status: 409 });
        if (n.version !== input.version) throw versionConflict(input.version, n.version);
        const stepOrg = n.steps[n.current_step]!;
        const nextOrg = n.steps[n.current_step + 1] ?? null;
        const [step, next] = await Promise.all([findOrgById(tx, stepOrg), nextOrg ? findOrgById(tx, nextOrg) : Promise.resolve(null)]);
        if (!canActAtStep(actor.scope, step!.path, next?.path ?? null)) throw new AppError('CAMPAIGN_NOT_YOUR_STEP', { status: 403, params: { org: step!.name } });
        const earlier = (await repo.approvalsOf(tx, [id])).filter((a) => a.decision === 'approve');
        if (earlier.some((a) => a.approver_id === actor.userId)) throw new AppError('CAMPAIGN_APPROVER_REPEAT', { status: 409 });
        if (input.decision === 'reject') {
          if (!input.note) throw fieldError('note', 'CAMPAIGN_REJECT_REASON');
          await repo.insertApproval(tx, { nominationId: id, step: n.current_step, orgId: stepOrg, approverId: actor.userId, approverName: actor.displayName, decision: 'reject', note: input.note }, now);
          if (!(await repo.updateNomination(tx, id, { version: input.version, status: 'pending' }, sql`status = 'rejected', rejected_reason = ${input.note}`, now))) throw versionConflict(input.version);
          await recordAudit(tx, actor.audit, { action: 'campaign_nomination.reject', entityType: 'campaign_nomination', entityId: id, orgId: n.org_id, after: { step: n.current_step, note: input.note } });
          await announceTodoChange(tx, n.campaign_org_id);
          return;
        }
        await repo.insertApproval(tx, { nominationId: id, step: n.current_step, orgId: stepOrg, approverId: actor.userId, approverName: actor.displayName, decision: 'approve', note: input.note ?? '' }, now);
        const isLast = nextOrg === null;
        let status = 'pending';
        if (isLast) {
          await charge(tx, n);
          status = num(n.value_fen) > num(n.second_approval_fen) ? 'awaiting_second' : 'approved';
        }
        const moved = await repo.updateNomination(
          tx,
          id,
          { version: input.version, status: 'pending' },
          isLast ? sql`status = ${status}, current_step = current_step + 1, final_approver_id = ${actor.userId}` : sql`current_step = current_step + 1`,
          now,
        );
        if (!moved) throw versionConflict(input.version);
        await recordAudit(tx, actor.audit, { action: 'campaign_nomination.approve', entityType: 'campaign_nomination', entityId: id, orgId: n.org_id, after: { step: n.current_step, status, valueFen: num(n.value_fen) } });
        const benefitName = n.benefits.find((b) => b.key === n.benefit_key)?.name ?? n.benefit_key;
        if (nextOrg) await notifyStep(tx, { id, campaignId: n.campaign_id, campaign_name: n.campaign_name, person_name: n.person_name, benefitName }, nextOrg);
        else if (status === 'awaiting_second') await notifyStep(tx, { id, campaignId: n.campaign_id, campaign_name: n.campaign_name, person_name: n.person_name, benefitName }, n.campaign_org_id);
        await announceTodoChange(tx, n.campaign_org_id);
      });
      return this.getNomination(id, actor.scope);
    },

    /** 复核: above the threshold, a person of the owner's scope other than every approver confirms, or rejects (giving the value back). */
    async second(id: string, input: DecideNomination, actor: CampaignStaff): Promise<Nomination> {
      const now = clock();
      await db.transaction(async (tx) => {
        const n = await nominationInScope(tx, id, actor.scope, true);
        if (n.status !== 'awaiting_second') throw new AppError('CAMPAIGN_NOMINATION_STATE', { status: 409 });
        if (n.version !== input.version) throw versionConflict(input.version, n.version);
        if (!isInScope(actor.scope, n.campaign_org_path)) throw new AppError('CAMPAIGN_NOT_YOUR_STEP', { status: 403, params: { org: (await findOrgById(tx, n.campaign_org_id))!.name } });
        if (n.final_approver_id === actor.userId || (await repo.approvalsOf(tx, [id])).some((a) => a.approver_id === actor.userId)) throw new AppError('CAMPAIGN_SECOND_SAME_PERSON', { status: 409 });
        const isApproved = input.decision === 'approve';
        if (!isApproved && !input.note) throw fieldError('note', 'CAMPAIGN_REJECT_REASON');
        const moved = await repo.updateNomination(
          tx,
          id,
          { version: input.version, status: 'awaiting_second' },
          isApproved
            ? sql`status = 'approved', second_by = ${actor.userId}, second_by_name = ${actor.displayName}, second_at = ${now.toISOString()}`
            : sql`status = 'rejected', rejected_reason = ${input.note ?? ''}, second_by = ${actor.userId}, second_by_name = ${actor.displayName}, second_at = ${now.toISOString()}`,
          now,
        );
        if (!moved) throw versionConflict(input.version);
        if (!isApproved) await release(tx, n);
        await recordAudit(tx, actor.audit, { action: 'campaign_nomination.second', entityType: 'campaign_nomination', entityId: id, orgId: n.org_id, after: { decision: input.decision, note: input.note ?? null } });
        await announceTodoChange(tx, n.campaign_org_id);
      });
      return this.getNomination(id, actor.scope);
    },

    /** 发放: cash by transfer or in person, goods handed over, a service delivered; the recipient is asked to acknowledge. */
    async disburse(id: string, input: { method: 'transfer' | 'in_person' | 'goods_handover' | 'service_delivered'; reference: string; version: number }, actor: CampaignStaff): Promise<Nomination> {
      const now = clock();
      await db.transaction(async (tx) => {
        const n = await nominationInScope(tx, id, actor.scope, true);
        if (n.status !== 'approved') throw new AppError('CAMPAIGN_NOMINATION_STATE', { status: 409 });
        if (n.version !== input.version) throw versionConflict(input.version, n.version);
        const fits = n.benefit_kind === 'cash' ? input.method === 'transfer' || input.method === 'in_person' : n.benefit_kind === 'goods' ? input.method === 'goods_handover' : input.method === 'service_delivered';
        if (!fits) throw fieldError('method', 'CAMPAIGN_DISBURSE_METHOD');
        const moved = await repo.updateNomination(
          tx,
          id,
          { version: input.version, status: 'approved' },
          sql`status = 'disbursed', disburse_method = ${input.method}, disburse_reference = ${input.reference}, disbursed_by = ${actor.userId}, disbursed_at = ${now.toISOString()}`,
          now,
        );
        if (!moved) throw versionConflict(input.version);
        await recordAudit(tx, actor.audit, { action: 'campaign_nomination.disburse', entityType: 'campaign_nomination', entityId: id, orgId: n.org_id, after: { method: input.method, reference: input.reference, valueFen: num(n.value_fen) } });
        await announceTodoChange(tx, n.campaign_org_id);
        if (n.user_id) {
          const benefit = n.benefits.find((b) => b.key === n.benefit_key)?.name ?? n.benefit_key;
          await notify(tx, { to: { userIds: [n.user_id] }, kind: 'campaign.disbursed', title: { key: 'CAMPAIGN_DISBURSED_TITLE' }, body: { key: 'CAMPAIGN_DISBURSED_BODY', params: { campaign: n.campaign_name, benefit } }, link: '/m/assistance/benefits', entity: { type: 'campaign_nomination', id } });
        }
      });
      return this.getNomination(id, actor.scope);
    },

    /** Staff attach a photo of the sheet the recipient signed (签收表) instead of the phone acknowledgement. */
    async attachSheet(id: string, input: { photoId: string; version: number }, actor: CampaignStaff): Promise<Nomination> {
      const now = clock();
      await db.transaction(async (tx) => {
        const n = await nominationInScope(tx, id, actor.scope, true);
        if (n.status !== 'disbursed') throw new AppError('CAMPAIGN_NOMINATION_STATE', { status: 409 });
        if (n.version !== input.version) throw versionConflict(input.version, n.version);
        await assertOwnPhotos(tx, [input.photoId], actor.userId, 'photoId');
        const moved = await repo.updateNomination(tx, id, { version: input.version, status: 'disbursed' }, sql`status = 'acknowledged', acknowledged_at = ${now.toISOString()}, ack_via = 'sheet', ack_by = ${actor.userId}, ack_photo_id = ${input.photoId}`, now);
        if (!moved) throw versionConflict(input.version);
        await recordAudit(tx, actor.audit, { action: 'campaign_nomination.acknowledge', entityType: 'campaign_nomination', entityId: id, orgId: n.org_id, after: { via: 'sheet', photoId: input.photoId } });
      });
      return this.getNomination(id, actor.scope);
    },

    /** 我的帮扶: what the worker was given (approved onwards), through the members their account stands for. */
    async mine(userId: string): Promise<{ items: Nomination[] }> {
      const personIds = await findPersonIdsOfUser(db, userId);
      const { items } = await repo.listNominations(db, { scope: 'all', personIds, page: 1, pageSize: 100 });
      return { items: await toNominations(items.filter((n) => ['approved', 'disbursed', 'acknowledged'].includes(n.status))) };
    },

    /** 签收: the recipient confirms on the phone what was handed over, optionally signing on the screen. */
    async acknowledge(id: string, input: { signaturePng?: string | undefined; version: number }, actor: CampaignWorker): Promise<Nomination> {
      const now = clock();
      const png = input.signaturePng ? checkUpload(Buffer.from(input.signaturePng, 'base64'), 'image/png', { allowed: ['image/png'], maxBytes: MAX_SIGNATURE_BYTES, code: 'CAMPAIGN_SIGNATURE_INVALID' }).data : null;
      await db.transaction(async (tx) => {
        const n = await repo.findNomination(tx, id, true);
        if (!n || !(await findPersonIdsOfUser(tx, actor.userId)).includes(n.person_id)) throw notFound('ENTITY_campaign_nomination');
        if (n.status !== 'disbursed') throw new AppError('CAMPAIGN_NOMINATION_STATE', { status: 409 });
        if (n.version !== input.version) throw versionConflict(input.version, n.version);
        const moved = await repo.updateNomination(tx, id, { version: input.version, status: 'disbursed' }, sql`status = 'acknowledged', acknowledged_at = ${now.toISOString()}, ack_via = 'phone', ack_by = ${actor.userId}`, now);
        if (!moved) throw versionConflict(input.version);
        if (png) await repo.insertSignature(tx, id, png, actor.userId, now);
        await recordAudit(tx, actor.audit, { action: 'campaign_nomination.acknowledge', entityType: 'campaign_nomination', entityId: id, orgId: n.org_id, after: { via: 'phone', signed: Boolean(png) } });
      });
      const [n] = await toNominations([(await repo.findNomination(db, id))!]);
      return n!;
    },

    async listReviews(q: { campaignId?: string | undefined; decided: 'yes' | 'no'; page: number; pageSize: number }, scope: Scope): Promise<Page<DuplicateReview>> {
      const { items, total } = await repo.listReviews(db, { scope, campaignId: q.campaignId, decided: q.decided === 'yes', page: q.page, pageSize: q.pageSize });
      return { items: items.map(toReview), total, page: q.page, pageSize: q.pageSize };
    },

    /**
     * 核查: staff of the held nomination's union mark the pair 同一人 or 不同人. The decision is kept
     * for the two people: "different" lets the nomination go on (and the pair is never queued
     * again); "same" rejects it and refuses either of them in a campaign where the other is.
     */
    async decideReview(id: string, input: { decision: 'same' | 'different'; note: string }, actor: CampaignStaff): Promise<DuplicateReview> {
      const now = clock();
      await db.transaction(async (tx) => {
        const r = await repo.findReview(tx, id);
        if (!r || !isInScope(actor.scope, r.org_path)) throw notFound('ENTITY_campaign_duplicate_review');
        const n = (await repo.findNomination(tx, r.nomination_id, true))!;
        if (!(await repo.decideReview(tx, id, { decision: input.decision, note: input.note, by: actor.userId, byName: actor.displayName }, now))) throw new AppError('CAMPAIGN_REVIEW_DECIDED', { status: 409 });
        await repo.savePair(tx, { a: r.person_id, b: r.other_person_id, orgId: r.campaign_org_id, decision: input.decision, reviewId: id, by: actor.userId }, now);
        if (n.status === 'review') {
          if (input.decision === 'same') {
            await repo.updateNomination(tx, n.id, { version: n.version, status: 'review' }, sql`status = 'rejected', rejected_reason = ${`同一人：${r.other_person_name}`}`, now);
          } else if ((await repo.undecidedReviewsOf(tx, n.id)) === 0) {
            await repo.updateNomination(tx, n.id, { version: n.version, status: 'review' }, sql`status = 'pending'`, now);
            const benefitName = n.benefits.find((b) => b.key === n.benefit_key)?.name ?? n.benefit_key;
            await notifyStep(tx, { id: n.id, campaignId: n.campaign_id, campaign_name: n.campaign_name, person_name: n.person_name, benefitName }, n.steps[0]!);
          }
        }
        await announceTodoChange(tx, n.campaign_org_id);
        await recordAudit(tx, actor.audit, { action: 'campaign_review.decide', entityType: 'campaign_duplicate_review', entityId: id, orgId: n.org_id, after: { decision: input.decision, note: input.note, personIds: [r.person_id, r.other_person_id] } });
      });
      return toReview((await repo.findReview(db, id))!);
    },
  };
}

function toReview(r: repo.ReviewRow): DuplicateReview {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    nominationId: r.nomination_id,
    personName: r.person_name,
    idNumberMasked: r.masked,
    orgName: r.org_name,
    otherNominationId: r.other_nomination_id,
    otherPersonName: r.other_person_name,
    otherIdNumberMasked: r.other_masked,
    otherOrgName: r.other_org_name,
    reasons: r.reasons as DuplicateReview['reasons'],
    decision: r.decision,
    note: r.note,
    decidedByName: r.decided_by_name,
    decidedAt: isoOrNull(r.decided_at),
    createdAt: iso(r.created_at),
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
