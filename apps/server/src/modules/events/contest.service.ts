import type { Contest, ContestRecusalInput, ContestResult, ContestSetup, ContestSheetInput, JudgeContest } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { createPdf } from '../../platform/pdf';
import { blendAndRank, checkPoints, prizeForRank, round2, scoreSubjects, totalOf, validateRubric } from '../../platform/rubric';
import { fieldError } from '../../platform/validation';
import * as c from './contest.repository';
import * as repo from './events.repository';
import { versionConflict, type EventsDeps, type StaffCtx, type WorkerCtx } from './events.shared';
import { shanghaiText } from './events.time';

const PRIZE_NAMES = ['一等奖', '二等奖', '三等奖'] as const;
/** The tie rule, as results pages print it. */
export const CONTEST_TIE_RULE = '按评委评分的截尾平均（5 位及以上评委时去掉一个最高分和一个最低分，回避的评委不计）从高到低排名；分数（保留两位小数）相同时，报名在先者列前。';

/**
 * 技能竞赛 (issue 13 point 8): the rubric, the judges' sealed sheets, recusals, and results — all
 * computed by platform/rubric, the marketplace competition's own code (validateRubric, checkPoints,
 * totalOf, scoreSubjects with recusals and the trimmed mean, blendAndRank's tie rule, prizeForRank).
 * Sheets are sealed: a judge sees only their own, a submitted sheet is final, and nobody sees scores
 * until staff close the scoring.
 */
export function createContestService({ db, clock }: EventsDeps) {
  async function contestEvent(tx: Db, eventId: string, ctx: StaffCtx, write: boolean): Promise<repo.EventRecord> {
    const e = await repo.findEvent(tx, eventId);
    const scope = write ? ctx.write : ctx.read;
    if (!e || e.type !== 'skill_competition' || !isInScope(scope, e.orgPath)) throw notFound('ENTITY_event');
    return e;
  }

  /** Ranking of the entrants from every sheet (recusals out, trimmed mean), prizes by the contest's tiers. */
  function rank(k: c.ContestRecord, entrants: c.Entrant[], sheets: c.SheetRow[]): ContestResult[] {
    const scored = scoreSubjects(
      entrants.map((x) => x.registrationId),
      sheets.filter((s) => !s.isRecused).map((s) => ({ scorerId: s.judgeId, subjectId: s.registrationId, total: s.total! })),
      { recusals: sheets.filter((s) => s.isRecused).map((s) => ({ scorerId: s.judgeId, subjectId: s.registrationId })) },
    );
    const byId = new Map(entrants.map((x) => [x.registrationId, x]));
    // The competition's blend with the jury at 100 %: its tie rule (score, then order) ranks them.
    const ranked = blendAndRank(
      scored.map((s) => ({ subjectId: s.subjectId, expert: s.score, votes: 0, order: byId.get(s.subjectId)!.entryNo })),
      { expert: 100, votes: 0 },
    );
    const withScore = scored.filter((s) => s.score !== null).length;
    const tiers = k.prizeMode === 'percent' ? k.prizeTiers.map((pct) => Math.floor((pct * withScore) / 100)) : k.prizeTiers;
    return ranked.map((r) => {
      const s = scored.find((x) => x.subjectId === r.subjectId)!;
      const x = byId.get(r.subjectId)!;
      return {
        registrationId: x.registrationId,
        entryNo: x.entryNo,
        name: x.name,
        unionName: x.unionName,
        score: s.score === null ? null : round2(s.score),
        counted: s.counted,
        recused: s.recused.length,
        rank: r.rank,
        prize: s.score === null ? null : prizeForRank(r.rank, tiers),
        isTieBroken: r.isTieBroken,
      };
    });
  }

  async function view(e: repo.EventRecord): Promise<Contest> {
    const k = await c.findContest(db, e.id);
    const entrants = await c.listEntrants(db, e.id);
    if (!k) return { eventId: e.id, title: e.title, status: 'setup', criteria: [], prizeMode: 'count', prizeTiers: [1, 3, 5], judges: [], entrants: entrants.length, results: null, tieRule: CONTEST_TIE_RULE, version: 0 };
    return {
      eventId: e.id,
      title: e.title,
      status: k.status,
      criteria: k.criteria,
      prizeMode: k.prizeMode,
      prizeTiers: k.prizeTiers,
      judges: await c.listJudges(db, k.id),
      entrants: entrants.length,
      results: k.status === 'closed' ? rank(k, entrants, await c.listSheets(db, k.id)) : null,
      tieRule: CONTEST_TIE_RULE,
      version: k.version,
    };
  }

  /** The judge's contest open for scoring; 404 for anyone not its judge. */
  async function judged(tx: Db, eventId: string, userId: string): Promise<{ e: repo.EventRecord; k: c.ContestRecord }> {
    const e = await repo.findEvent(tx, eventId);
    const k = e ? await c.findContest(tx, eventId, 'share') : undefined;
    if (!e || !k || !(await c.isJudge(tx, k.id, userId))) throw notFound('ENTITY_contest');
    if (k.status !== 'scoring') throw new AppError('CONTEST_NOT_SCORING', { status: 409 });
    return { e, k };
  }

  async function entrantOf(tx: Db, eventId: string, registrationId: string): Promise<c.Entrant> {
    const x = (await c.listEntrants(tx, eventId)).find((r) => r.registrationId === registrationId);
    if (!x) throw fieldError('registrationId', 'CONTEST_ENTRANT_UNKNOWN');
    return x;
  }

  return {
    async get(eventId: string, ctx: StaffCtx): Promise<Contest> {
      return view(await contestEvent(db, eventId, ctx, false));
    },

    /** The rubric, prize tiers and judges (only before scoring opens). */
    async setup(eventId: string, input: ContestSetup, ctx: StaffCtx): Promise<Contest> {
      const e = await contestEvent(db, eventId, ctx, true);
      const errors = validateRubric(input.criteria);
      if (errors.length) throw new AppError('VALIDATION_FAILED', { status: 400, errors });
      await db.transaction(async (tx) => {
        const k = await c.findContest(tx, eventId, true);
        if (k && k.status !== 'setup') throw new AppError('CONTEST_LOCKED', { status: 409 });
        if (input.version !== (k?.version ?? 0)) throw versionConflict(input.version, k?.version ?? 0);
        const users = await c.findStaffUsers(tx, [...new Set(input.judgeIds)]);
        if (users.length !== new Set(input.judgeIds).size) throw fieldError('judgeIds', 'CONTEST_JUDGE_UNKNOWN');
        const id = await c.upsertContest(tx, eventId, { criteria: input.criteria, prizeMode: input.prizeMode, prizeTiers: input.prizeTiers }, clock());
        await c.replaceJudges(
          tx,
          id,
          users.map((u) => ({ userId: u.id, name: u.name })),
        );
        await recordAudit(tx, ctx.audit, { action: 'event.contest_save', entityType: 'contest', entityId: id, orgId: e.orgId, after: { criteria: input.criteria.map((x) => x.key), judges: users.length, prizeTiers: input.prizeTiers } });
      });
      return view(e);
    },

    /** setup → scoring: judges may now fill their sheets. */
    async open(eventId: string, ctx: StaffCtx): Promise<Contest> {
      const e = await contestEvent(db, eventId, ctx, true);
      await db.transaction(async (tx) => {
        const k = await c.findContest(tx, eventId, true);
        if (!k || k.status !== 'setup') throw new AppError('CONTEST_STATE', { status: 409 });
        await c.setStatus(tx, k.id, 'scoring', clock());
        await recordAudit(tx, ctx.audit, { action: 'event.contest_open', entityType: 'contest', entityId: k.id, orgId: e.orgId });
      });
      return view(e);
    },

    /** scoring → closed: the sheets are unsealed and the results computed. */
    async close(eventId: string, ctx: StaffCtx): Promise<Contest> {
      const e = await contestEvent(db, eventId, ctx, true);
      await db.transaction(async (tx) => {
        const k = await c.findContest(tx, eventId, true);
        if (!k || k.status !== 'scoring') throw new AppError('CONTEST_STATE', { status: 409 });
        await c.setStatus(tx, k.id, 'closed', clock());
        await recordAudit(tx, ctx.audit, { action: 'event.contest_close', entityType: 'contest', entityId: k.id, orgId: e.orgId });
      });
      return view(e);
    },

    /** A prize winner's certificate (PDF, the same PDF piece as the training certificate). */
    async certificate(eventId: string, registrationId: string, ctx: StaffCtx): Promise<{ pdf: Buffer; fileName: string }> {
      const e = await contestEvent(db, eventId, ctx, false);
      const v = await view(e);
      const r = v.results?.find((x) => x.registrationId === registrationId);
      if (!r || r.prize === null) throw new AppError('CONTEST_CERTIFICATE_NONE', { status: 409 });
      const prize = PRIZE_NAMES[r.prize - 1] ?? `${r.prize}等奖`;
      const doc = createPdf({ title: '获奖证书', author: e.orgName, subject: e.title });
      doc.spacer(40);
      doc.heading('获奖证书', 1);
      doc.paragraph('Certificate of Award', { align: 'center', color: '#666666' });
      doc.spacer(24);
      doc.paragraph(`${r.name} 同志：`, { size: 14, isBold: true });
      doc.paragraph(`在${e.orgName}于 ${shanghaiText(e.startsAt)} 举办的“${e.title}”中，成绩优异，荣获${prize}，特发此证。`, { size: 13 });
      doc.spacer(16);
      doc.keyValues([
        ['竞赛名称', e.title],
        ['主办单位', e.orgName],
        ['所获奖项', prize],
        ['成绩 / 名次', `${r.score?.toFixed(2) ?? '—'} 分 / 第 ${r.rank} 名`],
        ['证书编号', `${registrationId.replace(/-/g, '').slice(0, 12).toUpperCase()}-${r.prize}`],
      ]);
      doc.spacer(40);
      doc.signatures([{ label: '颁发单位', name: e.orgName, date: shanghaiText(e.endsAt).slice(0, 10) }]);
      return { pdf: await doc.finish(), fileName: `${e.title}-${r.name}-${prize}.pdf` };
    },

    /** The contests the caller judges now, each with the entrants and the caller's own sheets only. */
    async judging(ctx: WorkerCtx): Promise<{ items: JudgeContest[] }> {
      const items: JudgeContest[] = [];
      for (const eventId of await c.listJudgedEvents(db, ctx.userId)) {
        const e = (await repo.findEvent(db, eventId))!;
        const k = (await c.findContest(db, eventId))!;
        const mine = new Map((await c.listSheets(db, k.id, ctx.userId)).map((s) => [s.registrationId, s]));
        items.push({
          eventId,
          title: e.title,
          criteria: k.criteria,
          entrants: (await c.listEntrants(db, eventId)).map((x) => {
            const s = mine.get(x.registrationId);
            return { ...x, mine: s ? { points: s.points, total: s.total === null ? null : round2(s.total), isRecused: s.isRecused } : null };
          }),
        });
      }
      return { items };
    },

    /** A judge's sealed sheet for one entrant: every criterion within 0..max; final once given. */
    async submitSheet(eventId: string, input: ContestSheetInput, ctx: WorkerCtx): Promise<{ total: number }> {
      return db.transaction(async (tx) => {
        const { e, k } = await judged(tx, eventId, ctx.userId);
        await entrantOf(tx, eventId, input.registrationId);
        const errors = checkPoints(k.criteria, input.points);
        if (errors.length) throw new AppError('VALIDATION_FAILED', { status: 400, errors });
        const total = totalOf(k.criteria, input.points);
        if (!(await c.insertSheet(tx, { contestId: k.id, judgeId: ctx.userId, registrationId: input.registrationId, points: input.points, total, reason: null }, clock()))) {
          throw new AppError('CONTEST_SHEET_SEALED', { status: 409 });
        }
        await recordAudit(tx, ctx.audit, { action: 'event.contest_sheet', entityType: 'contest', entityId: k.id, orgId: e.orgId, after: { registrationId: input.registrationId } });
        return { total: round2(total) };
      });
    },

    /** A judge recuses themself from an entrant (conflict of interest): their score for that entrant counts nowhere. */
    async recuse(eventId: string, input: ContestRecusalInput, ctx: WorkerCtx): Promise<{ isRecused: true }> {
      return db.transaction(async (tx) => {
        const { e, k } = await judged(tx, eventId, ctx.userId);
        await entrantOf(tx, eventId, input.registrationId);
        if (!(await c.insertSheet(tx, { contestId: k.id, judgeId: ctx.userId, registrationId: input.registrationId, points: null, total: null, reason: input.reason }, clock()))) {
          throw new AppError('CONTEST_SHEET_SEALED', { status: 409 });
        }
        await recordAudit(tx, ctx.audit, { action: 'event.contest_recuse', entityType: 'contest', entityId: k.id, orgId: e.orgId, after: { registrationId: input.registrationId, reason: input.reason } });
        return { isRecused: true as const };
      });
    },
  };
}
export type ContestService = ReturnType<typeof createContestService>;
