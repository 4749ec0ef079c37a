import type { CreateSuggestion, MySuggestion, Page, Suggestion, SuggestionCategory, SuggestionDetail, SuggestionFigures, SuggestionStatus, SuggestionStep, SuggestionStepInput } from '@niangjia/contracts';
import { SUGGESTION_CATEGORIES } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import { shanghaiDateOf } from '../../platform/holidays/dates';
import { notify, type LocalText } from '../../platform/notifications';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { findActiveMembershipOfUser, findPersonIdsOfUser } from '../members';
import { assertOwnPhotos } from '../stars';
import * as repo from './suggestion.repository';
import type { SuggestionRow } from './suggestion.tables';

export type SuggestionStaffCtx = { userId: string; read: Scope; write: Scope; audit: AuditContext };
export type SuggestionWorkerCtx = { userId: string; audit: AuditContext };
type StepKind = 'review' | 'forward' | 'adopt' | 'decline' | 'benefit';

export const suggestionNumber = (seq: number) => `JY${String(seq).padStart(6, '0')}`;
const MINE_LIMIT = 100;

/** Which status a step may start from, and where it leads. */
const FLOW: Record<StepKind, { from: readonly SuggestionStatus[]; to: SuggestionStatus }> = {
  review: { from: ['submitted'], to: 'reviewing' },
  forward: { from: ['submitted', 'reviewing'], to: 'forwarded' },
  adopt: { from: ['submitted', 'reviewing', 'forwarded'], to: 'adopted' },
  decline: { from: ['submitted', 'reviewing', 'forwarded'], to: 'declined' },
  benefit: { from: ['adopted'], to: 'adopted' },
};

/** What the worker is told at each step (the note follows). */
const TOLD: Record<StepKind, LocalText> = {
  review: { 'zh-CN': '您的合理化建议正在审核', en: 'Your suggestion is being reviewed' },
  forward: { 'zh-CN': '您的合理化建议已转交企业', en: 'Your suggestion went to the employer' },
  adopt: { 'zh-CN': '您的合理化建议已被采纳', en: 'Your suggestion was adopted' },
  decline: { 'zh-CN': '您的合理化建议未被采纳', en: 'Your suggestion was not adopted' },
  benefit: { 'zh-CN': '您的合理化建议已登记效益和奖励', en: 'The benefit and reward of your suggestion were recorded' },
};

const pageOf = (q: { page: number; pageSize: number }) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** 合理化建议: workers suggest to their union; the union reviews, forwards, adopts or declines, and records the benefit and reward. */
export function createSuggestionService({ db, clock }: { db: Db; clock: Clock }) {
  const stepsById = async (tx: Db, ids: string[]) => {
    const by = new Map<string, SuggestionStep[]>();
    for (const s of await repo.stepsOf(tx, ids)) {
      const list = by.get(s.suggestionId) ?? [];
      list.push({ kind: s.kind as SuggestionStep['kind'], note: s.note, actorName: s.actorName, at: s.at.toISOString() });
      by.set(s.suggestionId, list);
    }
    return by;
  };

  const base = (s: SuggestionRow, orgName: string) => ({
    id: s.id,
    number: suggestionNumber(s.seq),
    title: s.title,
    category: s.category as SuggestionCategory,
    body: s.body,
    photoIds: s.photoIds,
    orgName,
    status: s.status as SuggestionStatus,
    benefitFen: s.benefitFen,
    benefitHours: s.benefitHours,
    rewardFen: s.rewardFen,
    createdAt: s.createdAt.toISOString(),
  });
  const toRow = (r: repo.SuggestionJoined): Suggestion => ({
    ...base(r.s, r.orgName),
    orgId: r.s.orgId,
    submitterName: r.submitterName,
    forwardedTo: r.s.forwardedTo,
    adoptedAt: r.s.adoptedAt ? r.s.adoptedAt.toISOString() : null,
    updatedAt: r.s.updatedAt.toISOString(),
    version: r.s.version,
  });

  /** A worker suggests to the union of their membership; the union's staff hear of it. */
  async function submit(input: CreateSuggestion, ctx: SuggestionWorkerCtx): Promise<MySuggestion> {
    return db.transaction(async (tx) => {
      const member = await findActiveMembershipOfUser(tx, ctx.userId);
      if (!member) throw new AppError('SUGGESTION_NOT_MEMBER', { status: 403 });
      const photoIds = await assertOwnPhotos(tx, input.photoIds, ctx.userId);
      const row = await repo.insertSuggestion(tx, { orgId: member.orgId, personId: member.personId, submitterId: ctx.userId, title: input.title, category: input.category, body: input.body, photoIds });
      await repo.insertStep(tx, { suggestionId: row.id, kind: 'submitted', actorId: ctx.userId, at: row.createdAt });
      const number = suggestionNumber(row.seq);
      await recordAudit(tx, ctx.audit, { action: 'suggestion.submitted', entityType: 'suggestion', entityId: row.id, orgId: member.orgId, after: { number, category: input.category } });
      await notify(tx, {
        to: { staffWith: 'voice.write', inScopeOf: member.orgId },
        kind: 'suggestion.submitted',
        orgId: member.orgId,
        title: { 'zh-CN': `新的合理化建议（${number}）`, en: `New suggestion (${number})` },
        body: { 'zh-CN': input.title, en: input.title },
        link: `/admin/voice/suggestions?suggestion=${row.id}`,
        entity: { type: 'suggestion', id: row.id },
        exceptUserId: ctx.userId,
      });
      return { ...base(row, member.orgName), steps: [{ kind: 'submitted', note: null, actorName: null, at: row.createdAt.toISOString() }] };
    });
  }

  /** The caller's own suggestions, latest first, with every step and note. */
  async function mine(ctx: SuggestionWorkerCtx): Promise<MySuggestion[]> {
    const personIds = await findPersonIdsOfUser(db, ctx.userId);
    const rows = await repo.listOfWorker(db, ctx.userId, personIds, MINE_LIMIT);
    const steps = await stepsById(db, rows.map((r) => r.s.id));
    // Staff names stay in the console: the worker reads what was done, not who clicked.
    return rows.map((r) => ({ ...base(r.s, r.orgName), steps: (steps.get(r.s.id) ?? []).map((s) => ({ ...s, actorName: null })) }));
  }

  async function list(q: { page: number; pageSize: number; status?: SuggestionStatus | undefined; category?: SuggestionCategory | undefined; orgId?: string | undefined; q?: string | undefined }, ctx: SuggestionStaffCtx): Promise<Page<Suggestion>> {
    const { items, total } = await repo.pageSuggestions(db, { scope: ctx.read, status: q.status, category: q.category, orgId: q.orgId, q: q.q || undefined }, pageOf(q));
    return { items: items.map(toRow), total, page: q.page, pageSize: q.pageSize };
  }

  async function get(id: string, ctx: SuggestionStaffCtx): Promise<SuggestionDetail> {
    const r = await repo.findSuggestion(db, id);
    if (!r || !isInScope(ctx.read, r.orgPath)) throw notFound('ENTITY_suggestion');
    return { ...toRow(r), steps: (await stepsById(db, [id])).get(id) ?? [] };
  }

  /** One step by the union's staff (write scope over the union), version-checked; the worker hears of each. */
  async function step(id: string, kind: StepKind, input: SuggestionStepInput, ctx: SuggestionStaffCtx): Promise<SuggestionDetail> {
    await db.transaction(async (tx) => {
      const r = await repo.findSuggestion(tx, id, { forUpdate: true });
      if (!r || !isInScope(ctx.read, r.orgPath)) throw notFound('ENTITY_suggestion');
      if (!isInScope(ctx.write, r.orgPath)) throw new AppError('FORBIDDEN', { status: 403 });
      if (r.s.version !== input.version) throw versionConflict(input.version, r.s.version);
      const flow = FLOW[kind];
      if (!flow.from.includes(r.s.status as SuggestionStatus)) throw new AppError(kind === 'benefit' ? 'SUGGESTION_BENEFIT_NOT_ADOPTED' : 'SUGGESTION_STATUS', { status: 409 });
      const note = input.note || null;
      if (kind === 'decline' && !note) throw fieldError('note', 'SUGGESTION_NOTE_REQUIRED');
      if (kind === 'forward' && !input.forwardedTo) throw fieldError('forwardedTo', 'SUGGESTION_FORWARD_TO_REQUIRED');
      const now = clock();
      const amounts = kind === 'adopt' || kind === 'benefit' ? { benefitFen: input.benefitFen, benefitHours: input.benefitHours, rewardFen: input.rewardFen } : {};
      const set = {
        status: flow.to,
        ...(kind === 'forward' ? { forwardedTo: input.forwardedTo } : {}),
        ...(kind === 'adopt' ? { adoptedAt: now } : {}),
        ...Object.fromEntries(Object.entries(amounts).filter(([, v]) => v !== undefined)),
      };
      const updated = await repo.updateIfVersion(tx, id, input.version, set, now);
      if (!updated) throw versionConflict(input.version, r.s.version);
      const told = kind === 'forward' ? [`转交：${input.forwardedTo}`, note].filter(Boolean).join('；') : note;
      await repo.insertStep(tx, { suggestionId: id, kind, note: told, actorId: ctx.userId, at: now });
      await recordAudit(tx, ctx.audit, {
        action: `suggestion.${kind}`,
        entityType: 'suggestion',
        entityId: id,
        orgId: r.s.orgId,
        before: { status: r.s.status, benefitFen: r.s.benefitFen, benefitHours: r.s.benefitHours, rewardFen: r.s.rewardFen },
        after: { status: updated.status, forwardedTo: updated.forwardedTo, benefitFen: updated.benefitFen, benefitHours: updated.benefitHours, rewardFen: updated.rewardFen },
      });
      if (r.s.submitterId) {
        const number = suggestionNumber(r.s.seq);
        await notify(tx, {
          to: { userIds: [r.s.submitterId] },
          kind: `suggestion.${kind}`,
          orgId: r.s.orgId,
          title: TOLD[kind],
          body: told ? { 'zh-CN': `${r.s.title}（${number}）：${told}`, en: `${r.s.title} (${number}): ${told}` } : { 'zh-CN': `${r.s.title}（${number}）`, en: `${r.s.title} (${number})` },
          link: '/m/suggestions?tab=mine',
          entity: { type: 'suggestion', id },
          exceptUserId: ctx.userId,
        });
      }
    });
    return get(id, ctx);
  }

  /** Submitted, adopted, benefit and reward in the period (default: this year so far), by category and union. */
  async function figures(q: { from?: string | undefined; to?: string | undefined; orgId?: string | undefined }, ctx: SuggestionStaffCtx): Promise<SuggestionFigures> {
    const today = shanghaiDateOf(clock());
    const to = q.to ?? today;
    const from = q.from ?? `${today.slice(0, 4)}-01-01`;
    if (from > to) throw fieldError('from', 'SUGGESTION_PERIOD');
    const f = await repo.figures(db, ctx.read, q.orgId, from, to);
    const counts = (c: { submitted: number; adopted: number; benefit_fen: number; benefit_hours: number; reward_fen: number }) => ({
      submitted: Number(c.submitted),
      adopted: Number(c.adopted),
      benefitFen: Number(c.benefit_fen),
      benefitHours: Number(c.benefit_hours),
      rewardFen: Number(c.reward_fen),
    });
    const byCategory = new Map(f.byCategory.map((c) => [c.category, counts(c)]));
    return {
      from,
      to,
      totals: { ...counts(f.totals), open: Number(f.totals.open) },
      byCategory: SUGGESTION_CATEGORIES.map((category) => ({ category, ...(byCategory.get(category) ?? { submitted: 0, adopted: 0, benefitFen: 0, benefitHours: 0, rewardFen: 0 }) })),
      byOrg: f.byOrg.map((o) => ({ orgId: o.org_id, orgName: o.org_name, ...counts(o) })),
    };
  }

  return { submit, mine, list, get, step, figures };
}
export type SuggestionService = ReturnType<typeof createSuggestionService>;
