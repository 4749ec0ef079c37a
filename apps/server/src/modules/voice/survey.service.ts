import { randomBytes } from 'node:crypto';
import type { OpenSurvey, Page, SubmitSurveyAnswers, Survey, SurveyFollowUpCard, SurveyForm, SurveyInput, SurveyQuestion, SurveyResults, SurveyAnswers, SurveySharing, UpdateSurvey } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import { shanghaiDateOf } from '../../platform/holidays/dates';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { findEventBriefs } from '../events';
import { findActiveMembershipOfUser, findPersonIdsOfUser } from '../members';
import { findOrgById } from '../orgs';
import * as repo from './survey.repository';
import { checkAnswers, crossTab, tallyQuestions } from './survey.results';
import type { SurveyRow } from './survey.tables';
import { surveyWorkbook } from './survey.xlsx';

export type SurveyStaffCtx = { userId: string; read: Scope; write: Scope; audit: AuditContext };
export type SurveyWorkerCtx = { userId: string; audit: AuditContext };

const pageOf = (q: { page: number; pageSize: number }) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
const newToken = () => randomBytes(18).toString('base64url');

/** 需求调研: staff build and publish questionnaires; workers answer once each; results, cross-tabs, export and follow-ups. */
export function createSurveyService({ db, clock }: { db: Db; clock: Clock }) {
  const toSurvey = (r: repo.SurveyJoined): Survey => ({
    id: r.s.id,
    orgId: r.s.orgId,
    orgName: r.orgName,
    title: r.s.title,
    intro: r.s.intro,
    audience: r.s.audience as Survey['audience'],
    employmentForms: r.s.employmentForms as Survey['employmentForms'],
    isAnonymous: r.s.isAnonymous,
    status: r.s.status as Survey['status'],
    questions: r.s.questions,
    publishedQuestionIds: r.s.publishedQuestionIds,
    followUps: r.s.followUps,
    linkToken: r.s.linkToken,
    responses: Number(r.responses),
    publishedAt: r.s.publishedAt?.toISOString() ?? null,
    closedAt: r.s.closedAt?.toISOString() ?? null,
    createdAt: r.s.createdAt.toISOString(),
    version: r.s.version,
  });

  async function staffSurvey(tx: Db, id: string, ctx: SurveyStaffCtx, opts: { write?: boolean; forUpdate?: boolean } = {}) {
    const r = await repo.findSurvey(tx, id, { forUpdate: opts.forUpdate ?? false });
    if (!r || !isInScope(ctx.read, r.orgPath)) throw notFound('ENTITY_survey');
    if (opts.write && !isInScope(ctx.write, r.orgPath)) throw new AppError('FORBIDDEN', { status: 403 });
    return r;
  }

  const audience = (input: Pick<SurveyInput, 'audience' | 'employmentForms' | 'isAnonymous'>, current?: SurveyRow) => ({
    audience: input.audience,
    employmentForms: input.audience === 'org' ? input.employmentForms : [],
    isAnonymous: input.isAnonymous,
    linkToken: input.audience === 'qr' ? (current?.linkToken ?? newToken()) : null,
  });

  async function create(input: SurveyInput, ctx: SurveyStaffCtx): Promise<Survey> {
    const id = await db.transaction(async (tx) => {
      const o = await findOrgById(tx, input.orgId);
      if (!o || o.status !== 'active' || !isInScope(ctx.write, o.path)) throw fieldError('orgId', 'SURVEY_ORG_OUT_OF_SCOPE');
      const row = await repo.insertSurvey(tx, { orgId: o.id, title: input.title, intro: input.intro, questions: input.questions, createdBy: ctx.userId, ...audience(input) });
      await recordAudit(tx, ctx.audit, { action: 'survey.created', entityType: 'survey', entityId: row.id, orgId: o.id, after: { title: row.title, questions: row.questions.length, audience: row.audience, isAnonymous: row.isAnonymous } });
      return row.id;
    });
    return get(id, ctx);
  }

  /** A draft's questions and audience; a published survey is frozen. */
  async function update(id: string, input: UpdateSurvey, ctx: SurveyStaffCtx): Promise<Survey> {
    await db.transaction(async (tx) => {
      const r = await staffSurvey(tx, id, ctx, { write: true, forUpdate: true });
      if (r.s.version !== input.version) throw versionConflict(input.version, r.s.version);
      if (r.s.status !== 'draft') throw new AppError('SURVEY_NOT_DRAFT', { status: 409 });
      const kept = new Set(input.questions.map((q) => q.id));
      const updated = await repo.updateIfVersion(
        tx,
        id,
        input.version,
        { title: input.title, intro: input.intro, questions: input.questions, ...audience(input, r.s), publishedQuestionIds: r.s.publishedQuestionIds.filter((q) => kept.has(q)), followUps: r.s.followUps.filter((f) => !f.questionId || kept.has(f.questionId)) },
        clock(),
      );
      if (!updated) throw versionConflict(input.version, r.s.version);
      await recordAudit(tx, ctx.audit, { action: 'survey.updated', entityType: 'survey', entityId: id, orgId: r.s.orgId, before: { title: r.s.title, questions: r.s.questions.length }, after: { title: updated.title, questions: updated.questions.length } });
    });
    return get(id, ctx);
  }

  async function transition(id: string, kind: 'publish' | 'close', version: number, ctx: SurveyStaffCtx): Promise<Survey> {
    await db.transaction(async (tx) => {
      const r = await staffSurvey(tx, id, ctx, { write: true, forUpdate: true });
      if (r.s.version !== version) throw versionConflict(version, r.s.version);
      if (r.s.status !== (kind === 'publish' ? 'draft' : 'published')) throw new AppError('SURVEY_STATUS', { status: 409 });
      const now = clock();
      const set = kind === 'publish' ? { status: 'published', publishedAt: now } : { status: 'closed', closedAt: now };
      if (!(await repo.updateIfVersion(tx, id, version, set, now))) throw versionConflict(version, r.s.version);
      await recordAudit(tx, ctx.audit, { action: kind === 'publish' ? 'survey.published' : 'survey.closed', entityType: 'survey', entityId: id, orgId: r.s.orgId, before: { status: r.s.status }, after: { status: set.status } });
    });
    return get(id, ctx);
  }

  /** Which questions' results respondents see, and the "这是你们要的" follow-ups: in any status. */
  async function share(id: string, input: SurveySharing, ctx: SurveyStaffCtx): Promise<Survey> {
    await db.transaction(async (tx) => {
      const r = await staffSurvey(tx, id, ctx, { write: true, forUpdate: true });
      if (r.s.version !== input.version) throw versionConflict(input.version, r.s.version);
      const qs = new Map(r.s.questions.map((q) => [q.id, q]));
      input.publishedQuestionIds.forEach((q, i) => {
        if (!qs.has(q)) throw fieldError(`publishedQuestionIds.${i}`, 'SURVEY_QUESTION_UNKNOWN');
      });
      const eventIds = [...new Set(input.followUps.flatMap((f) => (f.eventId ? [f.eventId] : [])))];
      const events = new Map((await findEventBriefs(tx, eventIds)).map((e) => [e.id, e]));
      input.followUps.forEach((f, i) => {
        const q = f.questionId ? qs.get(f.questionId) : undefined;
        if ((f.questionId && !q) || (f.optionId && (!q || !q.options.some((o) => o.id === f.optionId)))) throw fieldError(`followUps.${i}.questionId`, 'SURVEY_FOLLOW_UP_REF');
        const e = f.eventId ? events.get(f.eventId) : undefined;
        if (f.eventId && (!e || !isInScope(ctx.read, e.orgPath))) throw fieldError(`followUps.${i}.eventId`, 'SURVEY_EVENT_UNKNOWN');
      });
      const publishedQuestionIds = [...new Set(input.publishedQuestionIds)];
      const updated = await repo.updateIfVersion(tx, id, input.version, { publishedQuestionIds, followUps: input.followUps }, clock());
      if (!updated) throw versionConflict(input.version, r.s.version);
      await recordAudit(tx, ctx.audit, {
        action: 'survey.shared',
        entityType: 'survey',
        entityId: id,
        orgId: r.s.orgId,
        before: { publishedQuestionIds: r.s.publishedQuestionIds, followUps: r.s.followUps.length },
        after: { publishedQuestionIds, followUps: input.followUps.length },
      });
    });
    return get(id, ctx);
  }

  async function list(q: { page: number; pageSize: number; status?: Survey['status'] | undefined; q?: string | undefined; orgId?: string | undefined }, ctx: SurveyStaffCtx): Promise<Page<Survey>> {
    const { items, total } = await repo.pageSurveys(db, { scope: ctx.read, status: q.status, q: q.q || undefined, orgId: q.orgId }, pageOf(q));
    return { items: items.map(toSurvey), total, page: q.page, pageSize: q.pageSize };
  }

  async function get(id: string, ctx: SurveyStaffCtx): Promise<Survey> {
    return toSurvey(await staffSurvey(db, id, ctx));
  }

  async function computeResults(r: repo.SurveyJoined, opts: { staff: boolean; by?: 'union' | 'employmentForm' | undefined }): Promise<SurveyResults & { facts: repo.ResponseFact[] }> {
    const facts = await repo.responsesOf(db, r.s.id, r.s.orgId);
    const published = new Set(r.s.publishedQuestionIds);
    const questions = opts.staff ? r.s.questions : r.s.questions.filter((q) => published.has(q.id) && q.kind !== 'text');
    const sheets = facts.map((f) => f.answers as SurveyAnswers);
    return {
      surveyId: r.s.id,
      responses: facts.length,
      questions: tallyQuestions(questions, sheets, published, { withTexts: opts.staff }),
      crossTab: opts.by ? crossTab(opts.by, r.s.questions, facts, { isAnonymous: r.s.isAnonymous, orgName: r.orgName }) : null,
      facts,
    };
  }

  /** Counts, means, rankings, written answers and (with `by`) a cross-tab, for staff. */
  async function results(id: string, q: { by?: 'union' | 'employmentForm' | undefined }, ctx: SurveyStaffCtx): Promise<SurveyResults> {
    const r = await staffSurvey(db, id, ctx);
    const { facts: _facts, ...res } = await computeResults(r, { staff: true, by: q.by });
    return res;
  }

  async function exportXlsx(id: string, ctx: SurveyStaffCtx): Promise<{ file: Buffer; title: string }> {
    const r = await staffSurvey(db, id, ctx);
    const res = await computeResults(r, { staff: true });
    const tabs = (['union', 'employmentForm'] as const).map((by) => crossTab(by, r.s.questions, res.facts, { isAnonymous: r.s.isAnonymous, orgName: r.orgName }));
    await recordAudit(db, ctx.audit, { action: 'survey.exported', entityType: 'survey', entityId: id, orgId: r.s.orgId, after: { responses: res.responses } });
    return { file: await surveyWorkbook(r.s.title, res.responses, r.s.questions, res.questions, tabs), title: r.s.title };
  }

  // ---- the worker's side ----

  async function whoIs(tx: Db, userId: string) {
    const member = await findActiveMembershipOfUser(tx, userId);
    const personIds = await findPersonIdsOfUser(tx, userId);
    const employmentForm = member ? await repo.employmentFormOf(tx, member.personId) : null;
    // One answer per person across their accounts; an account with no person counts by itself.
    const key = member?.personId ?? personIds[0] ?? userId;
    return { member, employmentForm, key, keys: [...new Set([userId, ...personIds])], personId: member?.personId ?? personIds[0] ?? null };
  }
  type Who = Awaited<ReturnType<typeof whoIs>>;

  /** Whether this survey asks this worker now (refusal codes in plain words). */
  function refusal(r: repo.SurveyJoined, who: Who, token: string | undefined): string | null {
    if (r.s.audience === 'qr') return token && token === r.s.linkToken ? null : 'SURVEY_LINK_INVALID';
    if (!who.member || !who.member.orgPath.startsWith(r.orgPath)) return 'SURVEY_NOT_FOR_YOU';
    if (r.s.employmentForms.length && !r.s.employmentForms.includes(who.employmentForm ?? '')) return 'SURVEY_NOT_FOR_YOU';
    return null;
  }

  async function mine(ctx: SurveyWorkerCtx): Promise<OpenSurvey[]> {
    const who = await whoIs(db, ctx.userId);
    const rows = await repo.listForWorker(db, { unionPath: who.member?.orgPath ?? null, employmentForm: who.employmentForm, keys: who.keys });
    return rows.map((r) => ({ id: r.s.id, title: r.s.title, orgName: r.orgName, isAnonymous: r.s.isAnonymous, status: r.s.status as OpenSurvey['status'], hasAnswered: Boolean(r.answered), questionCount: r.s.questions.length }));
  }

  async function followUpCards(r: repo.SurveyJoined): Promise<SurveyFollowUpCard[]> {
    const events = new Map((await findEventBriefs(db, r.s.followUps.flatMap((f) => (f.eventId ? [f.eventId] : [])))).map((e) => [e.id, e]));
    return r.s.followUps.map((f) => {
      const q: SurveyQuestion | undefined = r.s.questions.find((x) => x.id === f.questionId);
      const e = f.eventId ? events.get(f.eventId) : undefined;
      return {
        note: f.note,
        optionLabel: q && f.optionId ? (q.options.find((o) => o.id === f.optionId)?.label ?? null) : null,
        marketCategory: f.marketCategory ?? null,
        event: e && e.status === 'published' ? { id: e.id, title: e.title, startsAt: e.startsAt } : null,
      };
    });
  }

  /** The form to answer; once answered, the results staff published and the follow-ups. */
  async function form(id: string, q: { token?: string | undefined }, ctx: SurveyWorkerCtx): Promise<SurveyForm> {
    const r = await repo.findSurvey(db, id);
    if (!r || r.s.status === 'draft') throw notFound('ENTITY_survey');
    const who = await whoIs(db, ctx.userId);
    const hasAnswered = await repo.hasAnswered(db, id, who.keys);
    if (!hasAnswered) {
      const why = refusal(r, who, q.token);
      if (why) throw new AppError(why, { status: 403 });
    }
    const shown = hasAnswered ? await computeResults(r, { staff: false }) : null;
    return {
      id: r.s.id,
      title: r.s.title,
      intro: r.s.intro,
      orgName: r.orgName,
      isAnonymous: r.s.isAnonymous,
      status: r.s.status as SurveyForm['status'],
      questions: r.s.questions,
      hasAnswered,
      results: shown?.questions ?? [],
      followUps: hasAnswered ? await followUpCards(r) : [],
    };
  }

  /**
   * One answer sheet per person. On an anonymous survey the "has answered" mark and the sheet are
   * written in one transaction but share nothing: the sheet has a random id, the day only and no
   * person; no audit entry is written either (its time and actor would name the respondent).
   */
  async function answer(id: string, input: SubmitSurveyAnswers, ctx: SurveyWorkerCtx): Promise<SurveyForm> {
    await db.transaction(async (tx) => {
      const r = await repo.findSurvey(tx, id);
      if (!r || r.s.status === 'draft') throw notFound('ENTITY_survey');
      const who = await whoIs(tx, ctx.userId);
      if (await repo.hasAnswered(tx, id, who.keys)) throw new AppError('SURVEY_ALREADY_ANSWERED', { status: 409 });
      if (r.s.status !== 'published') throw new AppError('SURVEY_NOT_OPEN', { status: 409 });
      const why = refusal(r, who, input.token);
      if (why) throw new AppError(why, { status: 403 });
      const answers = checkAnswers(r.s.questions, input.answers);
      if (!(await repo.insertRespondent(tx, id, who.key))) throw new AppError('SURVEY_ALREADY_ANSWERED', { status: 409 });
      await repo.insertResponse(tx, {
        surveyId: id,
        unionId: who.member?.orgId ?? null,
        employmentForm: who.employmentForm,
        personId: r.s.isAnonymous ? null : who.personId,
        answeredOn: shanghaiDateOf(clock()),
        answers,
      });
      if (!r.s.isAnonymous) await recordAudit(tx, ctx.audit, { action: 'survey.answered', entityType: 'survey', entityId: id, orgId: r.s.orgId });
    });
    return form(id, { token: input.token }, ctx);
  }

  return { create, update, publish: (id: string, v: number, ctx: SurveyStaffCtx) => transition(id, 'publish', v, ctx), close: (id: string, v: number, ctx: SurveyStaffCtx) => transition(id, 'close', v, ctx), share, list, get, results, exportXlsx, mine, form, answer };
}
export type SurveyService = ReturnType<typeof createSurveyService>;
