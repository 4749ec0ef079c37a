import type { ConfirmResults, SeasonResults } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import type { Scope } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import * as judging from './judging.repository';
import { notifyRoadshow, stateEvent } from './live';
import { computeResults, fingerprintOf, TIE_RULE_EN, TIE_RULE_ZH, type ComputedRow, type ConfirmedResult, type ResultInputs } from './results.compute';
import * as seasonsRepo from './seasons.repository';
import type { SeasonsService } from './seasons.service';
import { iso, isoOrNull, query, stateError, versionConflict, type MarketDeps, type StaffCtx } from './shared';
import * as voting from './voting.repository';

/** Reads a season's result inputs from the database: exactly what computeResults takes, nothing else. */
export async function loadResultInputs(db: Db, s: seasonsRepo.SeasonRow): Promise<ResultInputs> {
  const { items } = await seasonsRepo.listEntries(db, sql`e.season_id = ${s.id} and e.status = 'finalist'`, 1, 500, sql`e.number`);
  // Sealed sheets of active judges for entries assigned to them.
  const sheets = await query<{ judge_id: string; entry_id: string; total: number }>(
    db,
    sql`select sc.judge_id, sc.entry_id, sc.total from market_score sc
        join market_judge j on j.id = sc.judge_id and j.status = 'active'
        join market_assignment a on a.judge_id = sc.judge_id and a.entry_id = sc.entry_id
        where sc.season_id = ${s.id} and sc.status = 'sealed'`,
  );
  const paper: Record<string, number> = {};
  for (const t of await voting.listPaperTallies(db, s.id)) paper[t.entryId] = (paper[t.entryId] ?? 0) + Number(t.votes);
  return {
    entries: items.map((e) => ({ id: e.id, number: e.number, title: e.title, provider: e.providerName })),
    sheets: sheets.map((x) => ({ scorerId: x.judge_id, subjectId: x.entry_id, total: Number(x.total) })),
    recusals: (await judging.listRecusals(db, s.id)).map((r) => ({ scorerId: r.judgeId, subjectId: r.entryId })),
    onlineVotes: await voting.onlineVotes(db, s.id),
    paperVotes: paper,
    normalize: s.normalizeScores,
    expertWeight: s.expertWeight,
    prizeTiers: s.prizeTiers,
  };
}

/** The combined result: computed from the stored inputs, confirmed by staff (with reasons for overrides), revealed, published. */
export function createResultsService({ db, notifier, seasons, clock = () => new Date() }: MarketDeps & { seasons: SeasonsService }) {
  async function view(s: seasonsRepo.SeasonRow, tx: Db = db, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<SeasonResults> {
    const rows = computeResults(await loadResultInputs(tx, s));
    const confirmed = s.confirmedResult as ConfirmedResult | null;
    const byId = new Map(confirmed?.rows.map((r) => [r.entryId, r]) ?? []);
    const online = await voting.votesBySession(tx, s.id);
    const paper = new Map<string, number>();
    for (const t of await voting.listPaperTallies(tx, s.id)) paper.set(t.venue, (paper.get(t.venue) ?? 0) + Number(t.votes));
    const confirmer = s.confirmedBy ? (await query<{ name: string }>(tx, sql`select coalesce(username, display_name) as name from app_user where id = ${s.confirmedBy}`))[0]?.name ?? null : null;
    return {
      seasonId: s.id,
      normalized: s.normalizeScores,
      expertWeight: s.expertWeight,
      prizeTiers: s.prizeTiers,
      tieRule: lang === 'en' ? TIE_RULE_EN : TIE_RULE_ZH,
      venues: [...online.map((v) => ({ venue: v.venue, kind: 'online' as const, votes: Number(v.votes) })), ...[...paper].map(([venue, votes]) => ({ venue, kind: 'paper' as const, votes }))],
      rows: rows.map((r) => ({ ...r, prize: byId.has(r.entryId) ? byId.get(r.entryId)!.prize : r.computedPrize, overrideReason: byId.get(r.entryId)?.overrideReason ?? null })),
      missingSheets: await judging.countMissingSheets(tx, s.id),
      confirmed: confirmed && s.confirmedAt ? { at: iso(s.confirmedAt), by: confirmer, matchesInputs: confirmed.inputsFingerprint === fingerprintOf(rows) } : null,
      revealedAt: isoOrNull(s.revealedAt),
      publishedAt: isoOrNull(s.publishedAt),
    };
  }

  return {
    async get(seasonId: string, scope: Scope, lang: 'zh-CN' | 'en'): Promise<SeasonResults> {
      return view(await seasons.seasonFor(db, seasonId, scope, 'run'), db, lang);
    },

    /** Confirms the ranking and prizes; an override of a prize needs a reason. Voting closes. */
    async confirm(seasonId: string, input: ConfirmResults, ctx: StaffCtx, lang: 'zh-CN' | 'en'): Promise<SeasonResults> {
      return db.transaction(async (tx) => {
        const s = await seasons.seasonFor(tx, seasonId, ctx.scope, 'run', true);
        if (s.version !== input.version) throw versionConflict(input.version, s.version);
        if (s.stage !== 'final') throw new AppError('MARKET_WRONG_STAGE', { status: 409, params: { stage: 'STAGE_final', current: `STAGE_${s.stage}` } });
        if (s.revealedAt) throw stateError('MARKET_RESULTS_REVEALED');
        const missing = await judging.countMissingSheets(tx, seasonId);
        if (missing > 0) throw new AppError('MARKET_RESULTS_INCOMPLETE', { status: 409, params: { missing } });
        const rows: ComputedRow[] = computeResults(await loadResultInputs(tx, s));
        const overrides = new Map((input.overrides ?? []).map((o) => [o.entryId, o]));
        (input.overrides ?? []).forEach((o, i) => {
          if (!rows.some((r) => r.entryId === o.entryId)) throw new AppError('MARKET_OVERRIDE_UNKNOWN', { status: 400, errors: [{ path: `overrides.${i}.entryId`, message: 'MARKET_OVERRIDE_UNKNOWN' }] });
        });
        const result: ConfirmedResult = {
          rows: rows.map((r) => {
            const o = overrides.get(r.entryId);
            const isOverride = o !== undefined && o.prize !== r.computedPrize;
            return { entryId: r.entryId, rank: r.rank, combined: r.combined, expert: r.expert, votes: r.votes, computedPrize: r.computedPrize, prize: isOverride ? o.prize : r.computedPrize, overrideReason: isOverride ? o.reason : null };
          }),
          inputsFingerprint: fingerprintOf(rows),
        };
        const now = clock();
        await seasonsRepo.updateSeason(tx, seasonId, s.version, { confirmedResult: result, confirmedAt: now, confirmedBy: ctx.actor.userId });
        await tx.execute(sql`update market_vote_session set status = 'closed', closed_at = ${now} where season_id = ${seasonId} and status = 'open'`);
        await recordAudit(tx, ctx.audit, {
          action: 'market.results.confirm',
          entityType: 'market_season',
          entityId: seasonId,
          orgId: s.orgId,
          after: { ranking: result.rows.map((r) => ({ entryId: r.entryId, rank: r.rank, prize: r.prize })), overrides: result.rows.filter((r) => r.overrideReason).map((r) => ({ entryId: r.entryId, from: r.computedPrize, to: r.prize, reason: r.overrideReason })) },
        });
        await notifyRoadshow(tx, [stateEvent(seasonId, now)]);
        return view((await seasonsRepo.findSeason(tx, seasonId))!, tx, lang);
      });
    },

    /** The moderator reveals the confirmed ranking on the screen — only while it still matches the inputs. */
    async reveal(seasonId: string, version: number, ctx: StaffCtx, lang: 'zh-CN' | 'en'): Promise<SeasonResults> {
      return db.transaction(async (tx) => {
        const s = await seasons.seasonFor(tx, seasonId, ctx.scope, 'run', true);
        if (s.version !== version) throw versionConflict(version, s.version);
        if (!s.confirmedAt) throw stateError('MARKET_RESULTS_NOT_CONFIRMED');
        const current = await view(s, tx, lang);
        if (!current.confirmed?.matchesInputs) throw stateError('MARKET_RESULTS_CHANGED');
        const now = clock();
        await seasonsRepo.updateSeason(tx, seasonId, s.version, { revealedAt: s.revealedAt ?? now });
        await recordAudit(tx, ctx.audit, { action: 'market.results.reveal', entityType: 'market_season', entityId: seasonId, orgId: s.orgId, after: { revealedAt: iso(now) } });
        await notifyRoadshow(tx, [stateEvent(seasonId, now)]);
        return view((await seasonsRepo.findSeason(tx, seasonId))!, tx, lang);
      });
    },

    /** Publication: the season is over and its prize winners enter the project library. */
    async publish(seasonId: string, version: number, ctx: StaffCtx, lang: 'zh-CN' | 'en'): Promise<SeasonResults> {
      const result = await db.transaction(async (tx) => {
        const s = await seasons.seasonFor(tx, seasonId, ctx.scope, 'run', true);
        if (s.version !== version) throw versionConflict(version, s.version);
        if (!s.revealedAt) throw stateError('MARKET_RESULTS_NOT_REVEALED');
        const now = clock();
        const winners = (s.confirmedResult as ConfirmedResult).rows.filter((r) => r.prize !== null).map((r) => r.entryId);
        await seasonsRepo.updateSeason(tx, seasonId, s.version, { stage: 'published', publishedAt: now });
        if (winners.length) {
          await tx.execute(sql`update market_project p set is_listed = true, listed_at = coalesce(p.listed_at, ${now}), version = p.version + 1, updated_at = now()
            from market_entry e where e.project_id = p.id and e.id = any(${sql.param(winners)}::uuid[]) and p.current_version_id is not null`);
        }
        await recordAudit(tx, ctx.audit, { action: 'market.results.publish', entityType: 'market_season', entityId: seasonId, orgId: s.orgId, before: { stage: s.stage }, after: { stage: 'published', listed: winners.length } });
        await notifyRoadshow(tx, [stateEvent(seasonId, now)]);
        await notifier.tell(tx, { kind: 'results_published', seasonId, seasonName: s.title, orgId: s.orgId });
        return view((await seasonsRepo.findSeason(tx, seasonId))!, tx, lang);
      });
      return result;
    },
  };
}

export type ResultsService = ReturnType<typeof createResultsService>;
