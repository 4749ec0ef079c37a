import type { Judge, SaveScore, ScoreSheet } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import type { Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { maskPhone } from '../../platform/logger';
import { checkPoints, round2, totalOf } from '../../platform/rubric';
import { ensurePhoneUser, ensureRoleGrant } from '../accounts';
import * as repo from './judging.repository';
import * as projects from './projects.repository';
import { actsForProvider, findProvider } from './providers.repository';
import type { ProvidersService } from './providers.service';
import * as seasonsRepo from './seasons.repository';
import { rubricOf, type SeasonsService } from './seasons.service';
import { isoOrNull, stateError, type MarketDeps, type StaffCtx, type UserCtx } from './shared';

type CellState = 'none' | 'draft' | 'sealed' | 'recused';

const toSheet = (s: repo.ScoreRow | undefined): ScoreSheet =>
  s
    ? { id: s.id, points: s.points as Record<string, number>, total: round2(s.total), comment: s.comment, status: s.status as 'draft' | 'sealed', sealedAt: isoOrNull(s.sealedAt), reopenReason: s.reopenReason, version: s.version }
    : { id: null, points: {}, total: null, comment: null, status: 'none', sealedAt: null, reopenReason: null, version: null };

/** Experts' scoring: judges invited by phone, assignments, recusals, sealed sheets, reopening with a reason. */
export function createJudgingService({ db, notifier, seasons, providers }: MarketDeps & { seasons: SeasonsService; providers: ProvidersService }) {
  const isScoringOpen = (s: seasonsRepo.SeasonRow) => s.stage === 'final' && !s.confirmedAt;

  const toJudge = (j: repo.JudgeRow): Judge => ({ id: j.id, seasonId: j.seasonId, name: j.name, affiliation: j.affiliation, phoneMasked: maskPhone(j.phone), status: j.status as Judge['status'], assigned: j.assigned, sealed: j.sealed, recusals: j.recusals });

  /** The judge's own entry: in one of their seasons (else 404) and assigned to them (else refused). */
  async function judgedEntry(tx: Db, entryId: string, userId: string) {
    const entry = await seasonsRepo.findEntry(tx, entryId);
    if (!entry) throw notFound('ENTITY_market_entry');
    const judge = await repo.findJudgeOfUser(tx, entry.seasonId, userId);
    if (!judge || judge.status !== 'active') throw notFound('ENTITY_market_entry');
    const season = (await seasonsRepo.findSeason(tx, entry.seasonId))!;
    return { entry, judge, season };
  }

  return {
    async listJudges(seasonId: string, scope: Scope): Promise<Judge[]> {
      await seasons.seasonFor(db, seasonId, scope, 'run');
      return (await repo.listJudges(db, seasonId)).map(toJudge);
    },

    /** Invites by phone: the account is made if needed and gets the judge role; in the final they get every finalist. */
    async inviteJudge(seasonId: string, input: { phone: string; name: string; affiliation?: string | null | undefined }, ctx: StaffCtx): Promise<Judge> {
      const result = await db.transaction(async (tx) => {
        const s = await seasons.seasonFor(tx, seasonId, ctx.scope, 'run', true);
        if (s.stage === 'published') throw stateError('MARKET_WRONG_STAGE', { stage: 'STAGE_final', current: 'STAGE_published' });
        const user = await ensurePhoneUser(tx, { phone: input.phone, displayName: input.name }, ctx.audit);
        await ensureRoleGrant(tx, { userId: user.id, role: 'judge', orgId: s.orgId, grantedBy: ctx.actor.userId }, ctx.audit);
        const existing = await repo.findJudgeOfUser(tx, seasonId, user.id);
        let id = existing?.id;
        if (existing?.status === 'active') throw new AppError('DUPLICATE_VALUE', { status: 409, params: { field: 'phone' }, errors: [{ path: 'phone', message: 'DUPLICATE_VALUE' }] });
        if (id) await repo.setJudgeStatus(tx, id, 'active', input.name, input.affiliation ?? null);
        else id = await repo.insertJudge(tx, { seasonId, userId: user.id, name: input.name, affiliation: input.affiliation ?? null, invitedBy: ctx.actor.userId });
        if (s.stage === 'final') await repo.assignFinalistsTo(tx, seasonId, id);
        await recordAudit(tx, ctx.audit, { action: 'market.judge.invite', entityType: 'market_judge', entityId: id, orgId: s.orgId, after: { seasonId, name: input.name, phone: maskPhone(input.phone) } });
        await notifier.tell(tx, { kind: 'judge_invited', seasonId, seasonName: s.title, orgId: s.orgId, userId: user.id });
        return toJudge((await repo.findJudge(tx, id))!);
      });
      return result;
    },

    /** A removed judge scores nothing more and their sheets leave the result. */
    async removeJudge(judgeId: string, ctx: StaffCtx): Promise<Judge> {
      return db.transaction(async (tx) => {
        const j = await repo.findJudge(tx, judgeId);
        if (!j) throw notFound('ENTITY_market_judge');
        const s = await seasons.seasonFor(tx, j.seasonId, ctx.scope, 'run', true);
        if (s.confirmedAt) throw stateError('MARKET_SCORING_CLOSED');
        await repo.setJudgeStatus(tx, judgeId, 'removed');
        await recordAudit(tx, ctx.audit, { action: 'market.judge.remove', entityType: 'market_judge', entityId: judgeId, orgId: s.orgId, before: { status: j.status }, after: { status: 'removed' } });
        return toJudge((await repo.findJudge(tx, judgeId))!);
      });
    },

    async setAssignment(seasonId: string, input: { judgeId: string; entryId: string; isAssigned: boolean }, ctx: StaffCtx): Promise<void> {
      await db.transaction(async (tx) => {
        const s = await seasons.seasonFor(tx, seasonId, ctx.scope, 'run', true);
        if (s.confirmedAt) throw stateError('MARKET_SCORING_CLOSED');
        const j = await repo.findJudge(tx, input.judgeId);
        const e = await seasonsRepo.findEntry(tx, input.entryId);
        if (!j || j.seasonId !== seasonId) throw notFound('ENTITY_market_judge');
        if (!e || e.seasonId !== seasonId) throw notFound('ENTITY_market_entry');
        if (input.isAssigned && (await actsForProvider(tx, e.providerId, j.userId))) throw stateError('MARKET_JUDGE_OWN_ENTRY');
        await repo.setAssignment(tx, seasonId, input.judgeId, input.entryId, input.isAssigned);
        await recordAudit(tx, ctx.audit, { action: input.isAssigned ? 'market.judge.assign' : 'market.judge.unassign', entityType: 'market_judge', entityId: input.judgeId, orgId: s.orgId, after: { entryId: input.entryId } });
      });
    },

    /** Staff set a recusal they learnt of (a judge's tie to the provider). */
    async addRecusal(seasonId: string, input: { judgeId: string; entryId: string; reason: string }, ctx: StaffCtx): Promise<void> {
      await db.transaction(async (tx) => {
        const s = await seasons.seasonFor(tx, seasonId, ctx.scope, 'run', true);
        if (s.confirmedAt) throw stateError('MARKET_SCORING_CLOSED');
        const j = await repo.findJudge(tx, input.judgeId);
        const e = await seasonsRepo.findEntry(tx, input.entryId);
        if (!j || j.seasonId !== seasonId) throw notFound('ENTITY_market_judge');
        if (!e || e.seasonId !== seasonId) throw notFound('ENTITY_market_entry');
        await repo.insertRecusal(tx, { seasonId, judgeId: input.judgeId, entryId: input.entryId, declaredBy: 'staff', reason: input.reason, createdBy: ctx.actor.userId });
        await recordAudit(tx, ctx.audit, { action: 'market.recusal.set', entityType: 'market_judge', entityId: input.judgeId, orgId: s.orgId, after: { entryId: input.entryId, by: 'staff', reason: input.reason } });
      });
    },

    async scoreMatrix(seasonId: string, scope: Scope) {
      await seasons.seasonFor(db, seasonId, scope, 'run');
      const judges = (await repo.listJudges(db, seasonId)).filter((j) => j.status === 'active');
      const { items: entries } = await seasonsRepo.listEntries(db, sql`e.season_id = ${seasonId} and e.status = 'finalist'`, 1, 200, sql`e.pitch_order nulls last, e.number`);
      const scores = await repo.listScores(db, seasonId);
      const recusals = await repo.listRecusals(db, seasonId);
      const assignments = new Set((await repo.listAssignments(db, seasonId)).map((a) => `${a.judgeId}|${a.entryId}`));
      return {
        judges: judges.map((j) => ({ id: j.id, name: j.name })),
        entries: entries.map((e) => ({ id: e.id, number: e.number, title: e.title })),
        cells: judges.flatMap((j) =>
          entries.map((e) => {
            const score = scores.find((s) => s.judgeId === j.id && s.entryId === e.id);
            const recusal = recusals.find((r) => r.judgeId === j.id && r.entryId === e.id);
            const state: CellState = recusal ? 'recused' : ((score?.status as CellState | undefined) ?? 'none');
            return { judgeId: j.id, entryId: e.id, isAssigned: assignments.has(`${j.id}|${e.id}`), state, scoreId: score?.id ?? null, total: score ? round2(score.total) : null, recusal: recusal ? { by: recusal.declaredBy, reason: recusal.reason } : null };
          }),
        ),
      };
    },

    /** A sealed sheet back to the judge: only with a reason, before the result is confirmed; logged. */
    async reopenScore(scoreId: string, reason: string, ctx: StaffCtx): Promise<void> {
      await db.transaction(async (tx) => {
        const score = await repo.findScoreById(tx, scoreId);
        if (!score) throw notFound('ENTITY_market_score');
        const s = await seasons.seasonFor(tx, score.seasonId, ctx.scope, 'run', true);
        if (!isScoringOpen(s)) throw stateError('MARKET_SCORING_CLOSED');
        if (score.status !== 'sealed') throw stateError('MARKET_SCORE_NOT_SEALED');
        await repo.reopenScore(tx, scoreId, reason);
        await recordAudit(tx, ctx.audit, { action: 'market.score.reopen', entityType: 'market_score', entityId: scoreId, orgId: s.orgId, before: { status: 'sealed', total: score.total }, after: { status: 'draft', reason } });
        await notifier.tell(tx, { kind: 'score_reopened', entryId: score.entryId, orgId: s.orgId, judgeUserId: (await repo.findJudge(tx, score.judgeId))!.userId, reason });
      });
    },

    // ------------------------------------------------------------ the judge's phone

    async overview(userId: string) {
      const seasonIds = await repo.listSeasonIdsOfJudgeUser(db, userId);
      const out = [];
      for (const seasonId of seasonIds) {
        const s = (await seasonsRepo.findSeason(db, seasonId))!;
        const judge = (await repo.findJudgeOfUser(db, seasonId, userId))!;
        const { items } = await seasonsRepo.listEntries(
          db,
          sql`e.season_id = ${seasonId} and exists (select 1 from market_assignment a where a.entry_id = e.id and a.judge_id = ${judge.id})`,
          1,
          200,
          sql`e.pitch_order nulls last, e.number`,
        );
        const scores = (await repo.listScores(db, seasonId)).filter((x) => x.judgeId === judge.id);
        const recusals = (await repo.listRecusals(db, seasonId)).filter((r) => r.judgeId === judge.id);
        out.push({
          id: s.id,
          title: s.title,
          stage: s.stage as 'final',
          isScoringOpen: isScoringOpen(s),
          rubric: rubricOf(s),
          entries: items.map((e) => {
            const score = scores.find((x) => x.entryId === e.id);
            const state: CellState = recusals.some((r) => r.entryId === e.id) ? 'recused' : ((score?.status as CellState | undefined) ?? 'none');
            return { id: e.id, number: e.number, title: e.title, provider: e.providerName, pitchOrder: e.pitchOrder, state, total: score ? round2(score.total) : null };
          }),
        });
      }
      return { seasons: out };
    },

    async entryView(entryId: string, userId: string) {
      const { entry, judge, season } = await judgedEntry(db, entryId, userId);
      if (!(await repo.isAssigned(db, judge.id, entryId))) throw new AppError('MARKET_JUDGE_NOT_ASSIGNED', { status: 403 });
      const v = (await projects.findVersion(db, entry.versionId))!;
      const p = (await findProvider(db, entry.providerId))!;
      const recusal = await repo.findRecusal(db, judge.id, entryId);
      return {
        season: { id: season.id, title: season.title, isScoringOpen: isScoringOpen(season), rubric: rubricOf(season) },
        entry: { id: entry.id, number: entry.number, title: v.title, category: v.category, description: v.description, formats: v.formats, targetGroups: v.targetGroups, priceFen: Number(v.priceFen), priceUnit: v.priceUnit, capacity: v.capacity, durationMinutes: v.durationMinutes, photoIds: v.photoIds, provider: { id: p.id, name: p.name, type: p.type } },
        trackRecord: await providers.trackRecord(entry.providerId),
        sheet: toSheet(await repo.findScore(db, judge.id, entryId)),
        recusal: recusal ? { by: recusal.declaredBy, reason: recusal.reason } : null,
      };
    },

    /**
     * Saves the judge's points; `seal` submits them for good. Refused: outside the final or after
     * the result is confirmed, from an unassigned or recused judge, on a sealed sheet, or with
     * points outside the rubric (each criterion 0..max; all of them to seal).
     */
    async saveScore(entryId: string, input: SaveScore, ctx: UserCtx): Promise<ScoreSheet> {
      return db.transaction(async (tx) => {
        const { entry, judge, season } = await judgedEntry(tx, entryId, ctx.userId);
        if (!isScoringOpen(season)) throw stateError('MARKET_SCORING_CLOSED');
        if (!(await repo.isAssigned(tx, judge.id, entryId))) throw new AppError('MARKET_JUDGE_NOT_ASSIGNED', { status: 403 });
        const recusal = await repo.findRecusal(tx, judge.id, entryId);
        if (recusal) throw new AppError('MARKET_JUDGE_RECUSED', { status: 409, params: { reason: recusal.reason } });
        const existing = await repo.findScore(tx, judge.id, entryId, true);
        if (existing?.status === 'sealed') throw stateError('MARKET_SCORE_SEALED');
        if (existing && input.version != null && existing.version !== input.version) throw new AppError('VERSION_CONFLICT', { params: { sent: input.version, current: existing.version } });
        const rubric = rubricOf(season);
        const errors = checkPoints(rubric, input.points).filter((e) => input.seal || e.message !== 'RUBRIC_POINTS_MISSING');
        if (errors.length) throw new AppError('MARKET_SCORE_INVALID', { status: 400, errors });
        const total = totalOf(rubric, input.points);
        const sealedAt = input.seal ? new Date() : null;
        const row = await repo.upsertScore(tx, { seasonId: season.id, judgeId: judge.id, entryId, points: input.points, total, comment: input.comment ?? null, status: input.seal ? 'sealed' : 'draft', sealedAt });
        await recordAudit(tx, ctx.audit, { action: input.seal ? 'market.score.seal' : 'market.score.save', entityType: 'market_score', entityId: row.id, orgId: season.orgId, after: { entryId, entryNumber: entry.number, points: input.points, total: round2(total) } });
        return toSheet(row);
      });
    },

    /** A judge declares a conflict of interest: their score of the entry counts nowhere. */
    async recuseSelf(entryId: string, reason: string, ctx: UserCtx): Promise<void> {
      await db.transaction(async (tx) => {
        const { judge, season } = await judgedEntry(tx, entryId, ctx.userId);
        if (season.confirmedAt) throw stateError('MARKET_SCORING_CLOSED');
        await repo.insertRecusal(tx, { seasonId: season.id, judgeId: judge.id, entryId, declaredBy: 'judge', reason, createdBy: ctx.userId });
        await recordAudit(tx, ctx.audit, { action: 'market.recusal.declare', entityType: 'market_judge', entityId: judge.id, orgId: season.orgId, after: { entryId, by: 'judge', reason } });
      });
    },
  };
}

export type JudgingService = ReturnType<typeof createJudgingService>;
