import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

// 需求调研 (issue 16, point 1): the builder's checks; publish to a subtree, an employment form or a
// QR link; answer once; an anonymous survey's answers cannot be linked to the person through any
// API or export; results, cross-tabs and the .xlsx; results published to respondents and the
// "这是你们要的" follow-ups; the demo's surveys.
let t: TestApp;
let jb: Client;
let member: Client;
let second: Client;
let stranger: Client;
let otherStreet: Client;
const MEMBER_PHONE = '13800000002';
type Me = { personId: string; userId: string; name: string; phone: string; form: string; streetCode: string };
let me: Me;
let secondMe: Me;
type Survey = { id: string; version: number; status: string; linkToken: string | null; responses: number; publishedQuestionIds: string[] };
type Result = { id: string; answered: number; options: { id: string; count: number }[]; average: number | null; distribution: { value: number; count: number }[]; ranks: { id: string; averagePosition: number }[]; texts: string[] };
type Results = { responses: number; questions: Result[]; crossTab: { by: string; groups: { key: string; label: string; responses: number; isWithheld: boolean; counts: Record<string, Record<string, number>> }[] } | null };
type Form = { hasAnswered: boolean; status: string; results: Result[]; followUps: { note: string; optionLabel: string | null; marketCategory: string | null }[] };

const QUESTIONS = [
  { id: 'need', kind: 'single', title: '最需要的服务', options: [{ id: 'skills', label: '技能培训' }, { id: 'health', label: '健康体检' }, { id: 'childcare', label: '子女托管' }] },
  { id: 'age', kind: 'single', title: '孩子年龄', options: [{ id: 'pre', label: '学龄前' }, { id: 'school', label: '小学' }], showIf: { questionId: 'need', anyOf: ['childcare'] } },
  { id: 'also', kind: 'multi', title: '还需要', required: false, maxChoices: 2, options: [{ id: 'legal', label: '法律' }, { id: 'sports', label: '文体' }, { id: 'dating', label: '交友' }] },
  { id: 'sat', kind: 'scale', title: '满意度', scale: { min: 1, max: 5, minLabel: '差', maxLabel: '好' } },
  { id: 'rank', kind: 'rank', title: '关心排序', options: [{ id: 'pay', label: '收入' }, { id: 'rest', label: '休息' }, { id: 'safe', label: '安全' }] },
  { id: 'words', kind: 'text', title: '想说的话', required: false },
];

async function ok<T>(p: Promise<{ status: number; body: unknown }>, expected = 200): Promise<T> {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(expected);
  return res.body as T;
}
async function whoIs(phone: string): Promise<Me> {
  const [row] = await t.database.query<Me>(
    `select p.id as "personId", u.id as "userId", p.real_name as name, p.phone, p.employment_form as form, s.code as "streetCode"
     from person p join membership m on m.person_id = p.id and m.status = 'active' join org o on o.id = m.org_id
     join org s on o.path like s.path || '%' and s.parent_id = (select id from org where code = 'JB')
     left join app_user u on u.phone = p.phone where p.phone = $1 limit 1`,
    [phone],
  );
  return row!;
}
/** Everything an API or export answered in this file, to search for the respondents afterwards. */
const seen: string[] = [];
async function see<T>(c: Client, url: string, expected = 200): Promise<T> {
  const body = await ok<T>(c.get(url), expected);
  seen.push(JSON.stringify(body));
  return body;
}
async function xlsxText(id: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/voice/surveys/${id}/export`, headers: { cookie: jb.cookie! } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  seen.push(cells.join('\n'));
  return cells.join('\n');
}

beforeAll(async () => {
  t = await createTestApp({}, { jobRunner: false });
  jb = await t.login('jb.admin');
  me = await whoIs(MEMBER_PHONE);
  const [other] = await t.database.query<{ phone: string }>(
    `select p.phone from person p join membership m on m.person_id = p.id and m.status = 'active' join org o on o.id = m.org_id
     where o.path like (select path from org where code = 'JB') || '%' and p.phone <> $1 and p.phone is not null
       and p.employment_form = (select employment_form from person where phone = $1 limit 1) order by p.id limit 1`,
    [MEMBER_PHONE],
  );
  member = await t.loginWorker(MEMBER_PHONE);
  second = await t.loginWorker(other!.phone);
  secondMe = await whoIs(other!.phone);
  stranger = await t.loginWorker('13555008888');
  otherStreet = await t.login(me.streetCode === 'JB-GYQ' ? 'wld.admin' : 'gyq.admin');
});
afterAll(() => t.close());

describe('需求调研 surveys', () => {
  let anon: Survey;
  let named: Survey;
  let qr: Survey;
  let gig: Survey;
  const answers = { need: 'childcare', age: 'pre', also: ['legal', 'sports'], sat: 4, rank: ['rest', 'pay', 'safe'], words: '<b>希望</b>托管班在观音桥' };

  it('checks the questionnaire as one: options, conditions pointing back, ids', async () => {
    const jbId = await t.orgId('JB');
    const bad = async (questions: unknown, path: string, code: string) => {
      const res = await jb.post('/api/v1/voice/surveys', { orgId: jbId, title: '调研', questions });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`), JSON.stringify(res.body.errors)).toContain(`${path}:${code}`);
    };
    await bad([{ id: 'a', kind: 'single', title: '题', options: [{ id: 'x', label: '一' }] }], 'questions.0.options', 'SURVEY_OPTIONS_NEEDED');
    await bad([{ id: 'a', kind: 'scale', title: '题' }], 'questions.0.scale', 'SURVEY_SCALE_NEEDED');
    await bad([QUESTIONS[1], QUESTIONS[0]], 'questions.0.showIf.questionId', 'SURVEY_CONDITION_TARGET');
    await bad([QUESTIONS[0], { ...QUESTIONS[1], showIf: { questionId: 'need', anyOf: ['nope'] } }], 'questions.1.showIf.anyOf', 'SURVEY_CONDITION_OPTION');
    await bad([QUESTIONS[0], { ...QUESTIONS[3], id: 'need' }], 'questions.1.id', 'SURVEY_DUPLICATE_ID');
    const out = await otherStreet.post('/api/v1/voice/surveys', { orgId: jbId, title: '调研', questions: QUESTIONS });
    expect(out.status).toBe(400);
    expect(out.body.errors[0].path).toBe('orgId');
  });

  it('publishes to the subtree, a form or a QR link; a published survey is frozen', async () => {
    const jbId = await t.orgId('JB');
    anon = await ok<Survey>(jb.post('/api/v1/voice/surveys', { orgId: jbId, title: '匿名需求调研', questions: QUESTIONS }), 201);
    expect((await member.get(`/api/v1/voice/surveys/${anon.id}/form`)).status).toBe(404);
    anon = await ok<Survey>(jb.post(`/api/v1/voice/surveys/${anon.id}/publish`, { version: anon.version }));
    expect(anon.status).toBe('published');
    const frozen = await jb.patch(`/api/v1/voice/surveys/${anon.id}`, { version: anon.version, title: '改', questions: QUESTIONS });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('SURVEY_NOT_DRAFT');
    named = await ok<Survey>(jb.post('/api/v1/voice/surveys', { orgId: jbId, title: '实名调研', isAnonymous: false, questions: QUESTIONS.slice(0, 1) }), 201);
    named = await ok<Survey>(jb.post(`/api/v1/voice/surveys/${named.id}/publish`, { version: named.version }));
    qr = await ok<Survey>(jb.post('/api/v1/voice/surveys', { orgId: jbId, title: '扫码调研', audience: 'qr', questions: QUESTIONS.slice(0, 1) }), 201);
    expect(qr.linkToken).toBeTruthy();
    qr = await ok<Survey>(jb.post(`/api/v1/voice/surveys/${qr.id}/publish`, { version: qr.version }));
    const otherForm = me.form === 'courier' ? 'domestic' : 'courier';
    gig = await ok<Survey>(jb.post('/api/v1/voice/surveys', { orgId: jbId, title: '快递员调研', employmentForms: [otherForm], questions: QUESTIONS.slice(0, 1) }), 201);
    gig = await ok<Survey>(jb.post(`/api/v1/voice/surveys/${gig.id}/publish`, { version: gig.version }));
    expect((await otherStreet.get(`/api/v1/voice/surveys/${anon.id}`)).status).toBe(404);
  });

  it('refuses those the survey does not ask, in plain words', async () => {
    const notMember = await stranger.post(`/api/v1/voice/surveys/${anon.id}/answers`, { answers: { need: 'skills', sat: 3, rank: ['pay', 'rest', 'safe'] } });
    expect([notMember.status, notMember.body.code]).toEqual([403, 'SURVEY_NOT_FOR_YOU']);
    const wrongForm = await member.get(`/api/v1/voice/surveys/${gig.id}/form`);
    expect([wrongForm.status, wrongForm.body.code]).toEqual([403, 'SURVEY_NOT_FOR_YOU']);
    const noToken = await stranger.get(`/api/v1/voice/surveys/${qr.id}/form`);
    expect([noToken.status, noToken.body.code]).toEqual([403, 'SURVEY_LINK_INVALID']);
    const viaLink = await ok<Form>(stranger.post(`/api/v1/voice/surveys/${qr.id}/answers`, { token: qr.linkToken, answers: { need: 'health' } }), 201);
    expect(viaLink.hasAnswered).toBe(true);
    const mine = await see<{ items: { id: string }[] }>(member, '/api/v1/voice/surveys/mine');
    expect(mine.items.map((i) => i.id)).toContain(anon.id);
    expect(mine.items.map((i) => i.id)).not.toContain(gig.id);
    expect(mine.items.map((i) => i.id)).not.toContain(qr.id);
  });

  it('checks each answer against the questionnaire: required, hidden, kind', async () => {
    const bad = async (a: Record<string, unknown>, path: string, code: string) => {
      const res = await member.post(`/api/v1/voice/surveys/${anon.id}/answers`, { answers: a });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(`${res.body.errors[0].path}:${res.body.errors[0].code}`).toBe(`${path}:${code}`);
    };
    await bad({ ...answers, age: undefined }, 'answers.age', 'SURVEY_ANSWER_REQUIRED');
    await bad({ ...answers, need: 'skills' }, 'answers.age', 'SURVEY_ANSWER_HIDDEN');
    await bad({ ...answers, also: ['legal', 'sports', 'dating'] }, 'answers.also', 'SURVEY_ANSWER_INVALID');
    await bad({ ...answers, sat: 9 }, 'answers.sat', 'SURVEY_ANSWER_INVALID');
    await bad({ ...answers, rank: ['rest', 'pay'] }, 'answers.rank', 'SURVEY_ANSWER_INVALID');
    await bad({ ...answers, need: 'nope' }, 'answers.need', 'SURVEY_ANSWER_INVALID');
    await bad({ ...answers, extra: 'x' }, 'answers.extra', 'SURVEY_QUESTION_UNKNOWN');
  });

  it('takes one answer per person', async () => {
    const done = await ok<Form>(member.post(`/api/v1/voice/surveys/${anon.id}/answers`, { answers }), 201);
    expect(done.hasAnswered).toBe(true);
    const again = await member.post(`/api/v1/voice/surveys/${anon.id}/answers`, { answers });
    expect([again.status, again.body.code]).toEqual([409, 'SURVEY_ALREADY_ANSWERED']);
    await ok(second.post(`/api/v1/voice/surveys/${anon.id}/answers`, { answers: { need: 'skills', also: ['legal'], sat: 2, rank: ['pay', 'rest', 'safe'] } }), 201);
    await ok(member.post(`/api/v1/voice/surveys/${named.id}/answers`, { answers: { need: 'health' } }), 201);
    const [n] = await t.database.query<{ n: number }>(`select count(*)::int as n from survey_respondent where survey_id = $1`, [anon.id]);
    expect(n!.n).toBe(2);
  });

  it('counts options, means, rankings and words; cross-tabs withhold small groups of an anonymous survey', async () => {
    const r = await see<Results>(jb, `/api/v1/voice/surveys/${anon.id}/results?by=union`);
    expect(r.responses).toBe(2);
    const q = (id: string) => r.questions.find((x) => x.id === id)!;
    expect(q('need').options.map((o) => o.count)).toEqual([1, 0, 1]);
    expect(q('age').answered).toBe(1);
    expect(q('also').options.map((o) => o.count)).toEqual([2, 1, 0]);
    expect(q('sat').average).toBe(3);
    expect(q('sat').distribution.find((d) => d.value === 4)!.count).toBe(1);
    expect(q('rank').ranks.map((x) => [x.id, x.averagePosition])).toEqual([['pay', 1.5], ['rest', 1.5], ['safe', 3]]);
    expect(q('words').texts).toEqual(['<b>希望</b>托管班在观音桥']);
    expect(r.crossTab!.groups.every((g) => g.isWithheld && Object.keys(g.counts).length === 0)).toBe(true);
    const byForm = await see<Results>(jb, `/api/v1/voice/surveys/${named.id}/results?by=employmentForm`);
    expect(byForm.crossTab!.groups).toEqual([expect.objectContaining({ key: me.form, responses: 1, isWithheld: false, counts: { need: { skills: 0, health: 1, childcare: 0 } } })]);
    const text = await xlsxText(anon.id);
    expect(text).toContain('匿名需求调研');
    expect(text).toContain('技能培训');
    expect(text).toContain('<b>希望</b>托管班在观音桥');
  });

  it('shows respondents only the results staff published, and the follow-ups', async () => {
    const badRef = await jb.put(`/api/v1/voice/surveys/${anon.id}/sharing`, { version: anon.version, publishedQuestionIds: ['need'], followUps: [{ questionId: 'need', optionId: 'nope', note: '来了', marketCategory: 'skills' }] });
    expect(badRef.status).toBe(400);
    const noTarget = await jb.put(`/api/v1/voice/surveys/${anon.id}/sharing`, { version: anon.version, publishedQuestionIds: [], followUps: [{ note: '来了' }] });
    expect(noTarget.status).toBe(400);
    anon = await ok<Survey>(jb.put(`/api/v1/voice/surveys/${anon.id}/sharing`, { version: anon.version, publishedQuestionIds: ['need', 'words'], followUps: [{ questionId: 'need', optionId: 'childcare', note: '暑期托管班开始报名', marketCategory: 'skills' }] }));
    const form = await see<Form>(member, `/api/v1/voice/surveys/${anon.id}/form`);
    expect(form.hasAnswered).toBe(true);
    // Written answers stay with staff even when that question is published.
    expect(form.results.map((x) => x.id)).toEqual(['need']);
    expect(form.followUps).toEqual([{ note: '暑期托管班开始报名', optionLabel: '子女托管', marketCategory: 'skills', event: null }]);
    const before = await see<Form>(stranger, `/api/v1/voice/surveys/${qr.id}/form`);
    expect(before.hasAnswered).toBe(true);
  });

  it('closes: no more answers', async () => {
    const fresh = await ok<Survey>(jb.get(`/api/v1/voice/surveys/${named.id}`));
    await ok(jb.post(`/api/v1/voice/surveys/${named.id}/close`, { version: fresh.version }));
    const late = await second.post(`/api/v1/voice/surveys/${named.id}/answers`, { answers: { need: 'health' } });
    expect([late.status, late.body.code]).toEqual([409, 'SURVEY_NOT_OPEN']);
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 order by at`, [named.id]);
    expect(audit.map((a) => a.action)).toEqual(['survey.created', 'survey.published', 'survey.answered', 'survey.closed']);
  });

  it('never links an anonymous answer to its respondent: not in any answer, export, row or audit entry', async () => {
    // Walk every staff and worker API once more.
    await see(jb, '/api/v1/voice/surveys?pageSize=200');
    await see(jb, `/api/v1/voice/surveys/${anon.id}`);
    await see(jb, `/api/v1/voice/surveys/${anon.id}/results`);
    await see(jb, `/api/v1/voice/surveys/${anon.id}/results?by=employmentForm`);
    await see(member, `/api/v1/voice/surveys/${anon.id}/form`);
    await see(second, `/api/v1/voice/surveys/${anon.id}/form`);
    await see(member, '/api/v1/voice/surveys/mine');
    await xlsxText(anon.id);
    const all = seen.join('\n');
    for (const who of [me, secondMe]) {
      for (const v of [who.personId, who.userId, who.name, who.phone]) if (v) expect(all, `${v} leaked`).not.toContain(v);
    }
    // The rows: the sheet has no person, no time finer than the day, and nothing shared with the mark.
    const cols = await t.database.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_name in ('survey_response', 'survey_respondent') order by 1, 2`,
    );
    expect(cols.filter((c) => c.table_name === 'survey_respondent').map((c) => c.column_name)).toEqual(['district_id', 'respondent_key', 'survey_id']);
    expect(cols.filter((c) => c.table_name === 'survey_response').map((c) => c.column_name).sort()).toEqual(['answered_on', 'answers', 'district_id', 'employment_form', 'id', 'person_id', 'survey_id', 'union_id']);
    const sheets = await t.database.query<{ id: string; person_id: string | null; answers: unknown }>(`select id, person_id, answers from survey_response where survey_id = $1`, [anon.id]);
    expect(sheets).toHaveLength(2);
    expect(sheets.every((s) => s.person_id === null)).toBe(true);
    expect(JSON.stringify(sheets)).not.toContain(me.personId);
    const trail = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_entry where entity_id = any($1::text[]) or (entity_id = $2::text and action = 'survey.answered') or after::text like '%' || $3 || '%'`,
      [sheets.map((s) => s.id), anon.id, me.personId],
    );
    expect(trail[0]!.n).toBe(0);
  });

  it('holds the demo: this year’s survey with thousands of answers, last year’s closed with published results', async () => {
    const list = await ok<{ items: (Survey & { title: string })[] }>(jb.get(`/api/v1/voice/surveys?pageSize=50&q=${encodeURIComponent('江北区职工需求调研')}`));
    const now = list.items.find((s) => s.title.startsWith('2026'))!;
    expect(now.status).toBe('published');
    expect(now.responses).toBeGreaterThan(1500);
    const r = await ok<Results>(jb.get(`/api/v1/voice/surveys/${now.id}/results?by=union`));
    expect(r.questions[0]!.options[0]!.count).toBeGreaterThan(r.questions[0]!.options[5]!.count);
    expect(r.crossTab!.groups.filter((g) => !g.isWithheld).length).toBeGreaterThan(3);
    // The header's scope: a street's own surveys and below, not the district's.
    const street = await ok<{ items: { id: string }[] }>(jb.get(`/api/v1/voice/surveys?pageSize=50&orgId=${await t.orgId('JB-GYQ')}`));
    expect(street.items.map((i) => i.id)).not.toContain(now.id);
    const closed = list.items.find((s) => s.title.startsWith('2025'))!;
    expect(closed.status).toBe('closed');
    const form = await ok<Form>(member.get(`/api/v1/voice/surveys/${closed.id}/form`));
    expect(form.hasAnswered).toBe(true);
    expect(form.results.length).toBe(3);
    expect(form.followUps.length).toBeGreaterThanOrEqual(2);
  });
});
