import type { Entry, Page } from '@niangjia/contracts';
import { z } from 'zod';
import { openSeasonSchema } from '@niangjia/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import type { Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import * as projects from './projects.repository';
import { findProviderOfUser } from './providers.repository';
import * as repo from './seasons.repository';
import { isCallOpen, toEntry, type SeasonsService } from './seasons.service';
import { iso, nextNumber, shanghaiText, stateError, versionConflict, type MarketDeps, type StaffCtx, type UserCtx } from './shared';

type OpenSeason = z.infer<typeof openSeasonSchema>;
export type MyEntry = Entry & { season: { id: string; title: string; year: number; stage: string; isCallOpen: boolean; callClosesAt: string }; prize: number | null };

/** Competition entries: a provider enters an approved project while the call is open; staff review and pick finalists. */
export function createEntriesService({ db, notifier, seasons, clock = () => new Date() }: MarketDeps & { seasons: SeasonsService }) {
  /** Submissions and changes only while the call is open by its dates (and the season is at the call). */
  function assertCallOpen(s: repo.SeasonRow) {
    const now = clock();
    if (s.stage === 'draft' || (s.stage === 'call' && now < s.callOpensAt)) throw new AppError('MARKET_CALL_NOT_OPEN', { status: 409, params: { opens: shanghaiText(s.callOpensAt) } });
    if (!isCallOpen(s, now)) throw new AppError('MARKET_CALL_CLOSED', { status: 409, params: { closes: shanghaiText(s.callClosesAt) } });
  }

  async function providerOf(tx: Db, userId: string) {
    const p = await findProviderOfUser(tx, userId);
    if (!p) throw new AppError('MARKET_NO_PROVIDER', { status: 404 });
    return p;
  }

  async function myEntry(tx: Db, id: string, providerId: string) {
    const e = await repo.findEntry(tx, id, true);
    if (!e || e.providerId !== providerId) throw notFound('ENTITY_market_entry');
    return e;
  }

  function requireStage(s: repo.SeasonRow, stage: string) {
    if (s.stage !== stage) throw new AppError('MARKET_WRONG_STAGE', { status: 409, params: { stage: `STAGE_${stage}`, current: `STAGE_${s.stage}` } });
  }

  return {
    /** Seasons of the provider's district that have been announced (not drafts). */
    async openSeasons(userId: string): Promise<OpenSeason[]> {
      const provider = await providerOf(db, userId);
      const { items } = await repo.listSeasons(db, sql`s.org_id = ${provider.orgId} and s.stage <> 'draft'`, 1, 50);
      const now = clock();
      return items.map((s) => ({ id: s.id, title: s.title, year: s.year, org: { id: s.orgId, name: s.orgName }, stage: s.stage as OpenSeason['stage'], callOpensAt: iso(s.callOpensAt), callClosesAt: iso(s.callClosesAt), isCallOpen: isCallOpen(s, now) }));
    },

    async listMine(userId: string): Promise<MyEntry[]> {
      const provider = await providerOf(db, userId);
      const { items } = await repo.listEntries(db, sql`e.provider_id = ${provider.id}`, 1, 200, sql`s.year desc, e.number`);
      const out: MyEntry[] = [];
      const now = clock();
      for (const e of items) {
        const s = (await repo.findSeason(db, e.seasonId))!;
        const rows = s.publishedAt ? ((s.confirmedResult as { rows: { entryId: string; prize: number | null }[] }).rows ?? []) : [];
        out.push({ ...toEntry(e), season: { id: s.id, title: s.title, year: s.year, stage: s.stage, isCallOpen: isCallOpen(s, now), callClosesAt: iso(s.callClosesAt) }, prize: rows.find((r) => r.entryId === e.id)?.prize ?? null });
      }
      return out;
    },

    async submit(seasonId: string, projectId: string, ctx: UserCtx): Promise<Entry> {
      return db.transaction(async (tx) => {
        const provider = await providerOf(tx, ctx.userId);
        const s = await repo.findSeason(tx, seasonId, true);
        if (!s || s.orgId !== provider.orgId || s.stage === 'draft') throw notFound('ENTITY_market_season');
        assertCallOpen(s);
        if (provider.status !== 'approved') throw new AppError('MARKET_PROVIDER_NOT_APPROVED', { status: 409 });
        const project = await projects.findProject(tx, projectId);
        if (!project || project.providerId !== provider.id) throw fieldError('projectId', 'NOT_FOUND');
        if (!project.currentVersionId) throw new AppError('MARKET_PROJECT_NOT_APPROVED', { status: 409, errors: [{ path: 'projectId', message: 'MARKET_PROJECT_NOT_APPROVED' }] });
        const existing = await repo.findEntryOfProject(tx, seasonId, projectId);
        if (existing && existing.status !== 'withdrawn') throw new AppError('MARKET_ENTRY_EXISTS', { status: 409 });
        let id = existing?.id;
        if (id) {
          const e = (await repo.findEntry(tx, id, true))!;
          await repo.updateEntry(tx, id, e.version, { status: 'submitted', versionId: project.currentVersionId, submittedAt: clock() });
        } else {
          const number = await nextNumber(tx, `entry:${seasonId}`);
          id = await repo.insertEntry(tx, { seasonId, projectId, versionId: project.currentVersionId, providerId: provider.id, number, status: 'submitted', submittedAt: clock() });
        }
        await recordAudit(tx, ctx.audit, { action: 'market.entry.submit', entityType: 'market_entry', entityId: id, orgId: s.orgId, after: { seasonId, projectId, versionId: project.currentVersionId } });
        return toEntry((await repo.findEntry(tx, id))!);
      });
    },

    /** Withdraw, or bring the entry up to the project's newest approved version: both only before the call closes. */
    async changeMine(id: string, input: { version: number; action: 'withdraw' | 'refresh' }, ctx: UserCtx): Promise<Entry> {
      return db.transaction(async (tx) => {
        const provider = await providerOf(tx, ctx.userId);
        const e = await myEntry(tx, id, provider.id);
        if (e.version !== input.version) throw versionConflict(input.version, e.version);
        const s = (await repo.findSeason(tx, e.seasonId))!;
        assertCallOpen(s);
        if (e.status !== 'submitted') throw stateError('MARKET_ENTRY_STATUS');
        const project = (await projects.findProject(tx, e.projectId))!;
        const values = input.action === 'withdraw' ? { status: 'withdrawn' } : { versionId: project.currentVersionId ?? e.versionId };
        await repo.updateEntry(tx, id, e.version, values);
        await recordAudit(tx, ctx.audit, { action: `market.entry.${input.action}`, entityType: 'market_entry', entityId: id, orgId: s.orgId, before: { status: e.status, versionId: e.versionId }, after: values });
        return toEntry((await repo.findEntry(tx, id))!);
      });
    },

    async list(seasonId: string, q: { status?: string | undefined; q?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<Entry>> {
      await seasons.seasonFor(db, seasonId, scope, 'read');
      const where: SQL[] = [sql`e.season_id = ${seasonId}`];
      if (q.status) where.push(sql`e.status = ${q.status}`);
      else where.push(sql`e.status <> 'withdrawn'`);
      if (q.q) where.push(sql`(v.title ilike ${`%${q.q}%`} or pr.name ilike ${`%${q.q}%`} or e.number::text = ${q.q})`);
      const order = q.status === 'finalist' ? sql`e.pitch_order nulls last, e.number` : sql`e.number`;
      const { items, total } = await repo.listEntries(db, sql.join(where, sql` and `), q.page, q.pageSize, order);
      return { items: items.map(toEntry), total, page: q.page, pageSize: q.pageSize };
    },

    /** 初审: pass, or fail with reasons the provider sees. */
    async review(id: string, input: { version: number; decision: 'pass' | 'fail'; reason?: string | undefined }, ctx: StaffCtx): Promise<Entry> {
      if (input.decision === 'fail' && !input.reason?.trim()) throw fieldError('reason', 'MARKET_REASON_REQUIRED');
      const result = await db.transaction(async (tx) => {
        const e = await repo.findEntry(tx, id, true);
        if (!e) throw notFound('ENTITY_market_entry');
        const s = await seasons.seasonFor(tx, e.seasonId, ctx.scope, 'run');
        requireStage(s, 'review');
        if (e.version !== input.version) throw versionConflict(input.version, e.version);
        if (!['submitted', 'passed', 'failed'].includes(e.status)) throw stateError('MARKET_ENTRY_STATUS');
        const status = input.decision === 'pass' ? 'passed' : 'failed';
        await repo.updateEntry(tx, id, e.version, { status, reviewReason: input.reason?.trim() || null, reviewedBy: ctx.actor.userId, reviewedAt: clock() });
        await recordAudit(tx, ctx.audit, { action: `market.entry.${input.decision}`, entityType: 'market_entry', entityId: id, orgId: s.orgId, before: { status: e.status }, after: { status, reason: input.reason ?? null } });
        await notifier.tell(tx, { kind: 'entry_reviewed', providerId: e.providerId, title: e.title, orgId: s.orgId, decision: input.decision, reason: input.reason?.trim() || null });
        return toEntry((await repo.findEntry(tx, id))!);
      });
      return result;
    },

    /** 路演: choose the finalists and the order they pitch in. */
    async setFinalist(id: string, input: { version: number; isFinalist: boolean; pitchOrder?: number | null | undefined }, ctx: StaffCtx): Promise<Entry> {
      return db.transaction(async (tx) => {
        const e = await repo.findEntry(tx, id, true);
        if (!e) throw notFound('ENTITY_market_entry');
        const s = await seasons.seasonFor(tx, e.seasonId, ctx.scope, 'run');
        requireStage(s, 'roadshow');
        if (e.version !== input.version) throw versionConflict(input.version, e.version);
        if (!['passed', 'finalist'].includes(e.status)) throw stateError('MARKET_ENTRY_STATUS');
        const status = input.isFinalist ? 'finalist' : 'passed';
        await repo.updateEntry(tx, id, e.version, { status, pitchOrder: input.isFinalist ? (input.pitchOrder ?? e.pitchOrder ?? null) : null });
        await recordAudit(tx, ctx.audit, { action: 'market.entry.finalist', entityType: 'market_entry', entityId: id, orgId: s.orgId, before: { status: e.status, pitchOrder: e.pitchOrder }, after: { status, pitchOrder: input.pitchOrder ?? null } });
        return toEntry((await repo.findEntry(tx, id))!);
      });
    },
  };
}

export type EntriesService = ReturnType<typeof createEntriesService>;
