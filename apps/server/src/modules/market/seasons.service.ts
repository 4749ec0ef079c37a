import { randomBytes } from 'node:crypto';
import { DEFAULT_MARKET_RUBRIC, seasonStages, type CreateSeason, type Entry, type Page, type Season, type SeasonDetail, type SeasonStage, type UpdateSeason } from '@niangjia/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { validateRubric, type RubricCriterion } from '../../platform/rubric';
import { fieldError } from '../../platform/validation';
import { findOrgById } from '../orgs';
import * as repo from './seasons.repository';
import { iso, isoOrNull, isRelated, relatedSql, shanghaiText, stateError, versionConflict, type MarketDeps, type StaffCtx } from './shared';

export const rubricOf = (s: repo.SeasonRow) => s.rubric as RubricCriterion[];
export const isCallOpen = (s: Pick<repo.SeasonRow, 'stage' | 'callOpensAt' | 'callClosesAt'>, now: Date) => s.stage === 'call' && now >= s.callOpensAt && now < s.callClosesAt;

export function toEntry(e: repo.EntryRow): Entry {
  return {
    id: e.id,
    seasonId: e.seasonId,
    number: e.number,
    project: { id: e.projectId, code: e.projectCode, title: e.title, category: e.category },
    versionId: e.versionId,
    provider: { id: e.providerId, name: e.providerName },
    status: e.status as Entry['status'],
    reviewReason: e.reviewReason,
    reviewedAt: isoOrNull(e.reviewedAt),
    pitchOrder: e.pitchOrder,
    submittedAt: iso(e.submittedAt),
    version: e.version,
  };
}

/** Seasons of the competition and their stages: draft → call → review (初审) → roadshow (路演) → final (决赛) → published. */
export function createSeasonsService({ db, clock = () => new Date() }: MarketDeps) {
  async function toSeason(s: repo.SeasonRow, tx: Db = db): Promise<Season> {
    return {
      id: s.id,
      org: { id: s.orgId, name: s.orgName },
      year: s.year,
      title: s.title,
      stage: s.stage as SeasonStage,
      callOpensAt: iso(s.callOpensAt),
      callClosesAt: iso(s.callClosesAt),
      reviewDueAt: isoOrNull(s.reviewDueAt),
      roadshowAt: isoOrNull(s.roadshowAt),
      finalAt: isoOrNull(s.finalAt),
      isCallOpen: isCallOpen(s, clock()),
      rubric: rubricOf(s).map((c) => ({ ...c, nameEn: c.nameEn ?? undefined })),
      normalizeScores: s.normalizeScores,
      expertWeight: s.expertWeight,
      votesPerRep: s.votesPerRep,
      prizeTiers: s.prizeTiers,
      currentEntryId: s.currentEntryId,
      confirmedAt: isoOrNull(s.confirmedAt),
      revealedAt: isoOrNull(s.revealedAt),
      publishedAt: isoOrNull(s.publishedAt),
      counts: await repo.countSeason(tx, s.id),
      version: s.version,
    };
  }

  /** Staff of the district (or above) run a season; unions below it may read it. */
  async function seasonFor(tx: Db, id: string, scope: Scope, mode: 'read' | 'run', lock = false) {
    const s = await repo.findSeason(tx, id, lock);
    if (!s || !(mode === 'run' ? isInScope(scope, s.orgPath) : isRelated(scope, s.orgPath))) throw notFound('ENTITY_market_season');
    return s;
  }

  function checkSettings(input: Partial<CreateSeason>, opens: Date, closes: Date) {
    if (opens >= closes) throw fieldError('callClosesAt', 'MARKET_SEASON_DATES');
    if (input.rubric) {
      const errors = validateRubric(input.rubric, 'rubric');
      if (errors.length) throw new AppError('VALIDATION_FAILED', { detail: 'VALIDATION_FAILED_DETAIL', errors });
    }
  }

  const snapshot = (s: repo.SeasonRow) => ({ title: s.title, stage: s.stage, callOpensAt: iso(s.callOpensAt), callClosesAt: iso(s.callClosesAt), normalizeScores: s.normalizeScores, expertWeight: s.expertWeight, votesPerRep: s.votesPerRep, prizeTiers: s.prizeTiers, rubric: s.rubric });

  return {
    toSeason,
    seasonFor,

    async list(q: { orgId?: string | undefined; stage?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<Season>> {
      const where: SQL[] = [relatedSql(scope, sql`o.path`)];
      if (q.orgId) where.push(sql`s.org_id = ${q.orgId}`);
      if (q.stage) where.push(sql`s.stage = ${q.stage}`);
      const { items, total } = await repo.listSeasons(db, sql.join(where, sql` and `), q.page, q.pageSize);
      return { items: await Promise.all(items.map((s) => toSeason(s))), total, page: q.page, pageSize: q.pageSize };
    },

    async get(id: string, scope: Scope): Promise<SeasonDetail> {
      const s = await seasonFor(db, id, scope, 'read');
      return { ...(await toSeason(s)), ...(isInScope(scope, s.orgPath) ? { screenKey: s.screenKey } : {}) };
    },

    async create(input: CreateSeason, ctx: StaffCtx): Promise<SeasonDetail> {
      const opens = new Date(input.callOpensAt);
      const closes = new Date(input.callClosesAt);
      checkSettings(input, opens, closes);
      return db.transaction(async (tx) => {
        const district = await findOrgById(tx, input.orgId);
        if (!district || !isInScope(ctx.scope, district.path)) throw notFound('ENTITY_org');
        if (district.type !== 'district') throw fieldError('orgId', 'MARKET_NOT_A_DISTRICT');
        const id = await repo.insertSeason(tx, {
          orgId: district.id,
          year: input.year,
          title: input.title,
          stage: 'draft',
          callOpensAt: opens,
          callClosesAt: closes,
          reviewDueAt: input.reviewDueAt ? new Date(input.reviewDueAt) : null,
          roadshowAt: input.roadshowAt ? new Date(input.roadshowAt) : null,
          finalAt: input.finalAt ? new Date(input.finalAt) : null,
          rubric: input.rubric ?? DEFAULT_MARKET_RUBRIC,
          normalizeScores: input.normalizeScores ?? false,
          expertWeight: input.expertWeight ?? 70,
          votesPerRep: input.votesPerRep ?? 3,
          prizeTiers: input.prizeTiers ?? [1, 3, 5],
          screenKey: randomBytes(12).toString('base64url'),
        });
        const s = (await repo.findSeason(tx, id))!;
        await recordAudit(tx, ctx.audit, { action: 'market.season.create', entityType: 'market_season', entityId: id, orgId: s.orgId, after: snapshot(s) });
        return { ...(await toSeason(s, tx)), screenKey: s.screenKey };
      });
    },

    /**
     * Dates and rules. The rubric is fixed once anyone has scored; the result's rules
     * (normalisation, weights, tiers) once the result is confirmed; the votes per
     * representative once anyone has voted.
     */
    async update(id: string, input: UpdateSeason, ctx: StaffCtx): Promise<SeasonDetail> {
      return db.transaction(async (tx) => {
        const s = await seasonFor(tx, id, ctx.scope, 'run', true);
        if (s.version !== input.version) throw versionConflict(input.version, s.version);
        const opens = input.callOpensAt ? new Date(input.callOpensAt) : s.callOpensAt;
        const closes = input.callClosesAt ? new Date(input.callClosesAt) : s.callClosesAt;
        checkSettings(input, opens, closes);
        const rubricChanged = input.rubric && JSON.stringify(input.rubric) !== JSON.stringify(s.rubric);
        if (rubricChanged && (await repo.hasScores(tx, id))) throw stateError('MARKET_SETTINGS_LOCKED');
        const ruleChanged =
          (input.normalizeScores !== undefined && input.normalizeScores !== s.normalizeScores) ||
          (input.expertWeight !== undefined && input.expertWeight !== s.expertWeight) ||
          (input.prizeTiers !== undefined && JSON.stringify(input.prizeTiers) !== JSON.stringify(s.prizeTiers));
        if (ruleChanged && s.confirmedAt) throw stateError('MARKET_SETTINGS_LOCKED');
        if (input.votesPerRep !== undefined && input.votesPerRep !== s.votesPerRep && (await repo.hasVotes(tx, id))) throw stateError('MARKET_SETTINGS_LOCKED');
        await repo.updateSeason(tx, id, s.version, {
          ...(input.title ? { title: input.title } : {}),
          callOpensAt: opens,
          callClosesAt: closes,
          ...(input.reviewDueAt !== undefined ? { reviewDueAt: input.reviewDueAt ? new Date(input.reviewDueAt) : null } : {}),
          ...(input.roadshowAt !== undefined ? { roadshowAt: input.roadshowAt ? new Date(input.roadshowAt) : null } : {}),
          ...(input.finalAt !== undefined ? { finalAt: input.finalAt ? new Date(input.finalAt) : null } : {}),
          ...(input.rubric ? { rubric: input.rubric } : {}),
          ...(input.normalizeScores !== undefined ? { normalizeScores: input.normalizeScores } : {}),
          ...(input.expertWeight !== undefined ? { expertWeight: input.expertWeight } : {}),
          ...(input.votesPerRep !== undefined ? { votesPerRep: input.votesPerRep } : {}),
          ...(input.prizeTiers ? { prizeTiers: input.prizeTiers } : {}),
        });
        if (input.votesPerRep !== undefined) await tx.execute(sql`update market_rep set vote_limit = ${input.votesPerRep} where season_id = ${id}`);
        const after = (await repo.findSeason(tx, id))!;
        await recordAudit(tx, ctx.audit, { action: 'market.season.update', entityType: 'market_season', entityId: id, orgId: s.orgId, ...diffSnapshots(snapshot(s), snapshot(after)) });
        return { ...(await toSeason(after, tx)), screenKey: after.screenKey };
      });
    },

    /** One stage forward, when what the next stage needs is there. Publishing goes through the results. */
    async advance(id: string, input: { version: number; to: SeasonStage }, ctx: StaffCtx): Promise<SeasonDetail> {
      return db.transaction(async (tx) => {
        const s = await seasonFor(tx, id, ctx.scope, 'run', true);
        if (s.version !== input.version) throw versionConflict(input.version, s.version);
        const next = seasonStages[seasonStages.indexOf(s.stage as SeasonStage) + 1];
        if (input.to !== next || input.to === 'published') {
          throw new AppError('MARKET_STAGE_INVALID', { status: 409, params: { from: `STAGE_${s.stage}`, next: `STAGE_${next ?? s.stage}` } });
        }
        const now = clock();
        const blocked = (detail: string, params: Record<string, string | number> = {}) => new AppError('MARKET_STAGE_BLOCKED', { status: 409, detail, params });
        if (input.to === 'review' && now < s.callClosesAt) throw blocked('MARKET_BLOCKED_CALL_OPEN', { closes: shanghaiText(s.callClosesAt) });
        if (input.to === 'roadshow') {
          const waiting = await repo.countEntriesWithStatus(tx, id, 'submitted');
          if (waiting > 0) throw blocked('MARKET_BLOCKED_UNREVIEWED', { count: waiting });
        }
        if (input.to === 'final') {
          if ((await repo.countEntriesWithStatus(tx, id, 'finalist')) === 0) throw blocked('MARKET_BLOCKED_NO_FINALISTS');
          await repo.assignAllFinalists(tx, id);
        }
        await repo.updateSeason(tx, id, s.version, { stage: input.to });
        await recordAudit(tx, ctx.audit, { action: 'market.season.stage', entityType: 'market_season', entityId: id, orgId: s.orgId, before: { stage: s.stage }, after: { stage: input.to } });
        const after = (await repo.findSeason(tx, id))!;
        return { ...(await toSeason(after, tx)), screenKey: after.screenKey };
      });
    },
  };
}

export type SeasonsService = ReturnType<typeof createSeasonsService>;
