import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { extractPdfText } from '../../platform/pdf/testing';
import { RIGHTS_SWEEP_JOB } from './rights.jobs';
import { caseInput, testCreditCode, TINY_PNG } from './testing';

let t: TestApp;
let jb: string;
let admin: Client;
let mediator: Client;

beforeAll(async () => {
  t = await createTestApp();
  jb = await t.orgId('JB');
  [admin, mediator] = await Promise.all([t.login('jb.admin'), t.login('jb.mediator')]);
});
afterAll(async () => t.close());

const userId = async (username: string) => (await t.database.query<{ id: string }>('select id from app_user where username = $1', [username]))[0]!.id;

describe('consultations', () => {
  it('a worker asks anonymously online; staff answer citing the law; the worker reads it as new; it becomes a case in one action', async () => {
    const waitingQuestions = async () => ((await mediator.get('/api/v1/me/todos')).body.groups as { kind: string; count: number }[]).find((g) => g.kind === 'rights_consultation')?.count ?? 0;
    const waitingBefore = await waitingQuestions();
    const worker = await t.loginWorker('13800000077');
    expect((await worker.put('/api/v1/me/notification-preference', { isSmsEnabled: true })).status).toBe(200);
    const asked = await worker.post('/api/v1/rights/my/consultations', { category: 'wages', question: '老板拖欠两个月工资怎么办？', employerName: '某餐饮店', isAnonymous: true });
    expect(asked.status).toBe(201);
    const id = asked.body.id;
    // It waits in the staff's 待办 until answered.
    expect(await waitingQuestions()).toBe(waitingBefore + 1);
    const staffView = await mediator.get(`/api/v1/rights/consultations/${id}`);
    expect(staffView.body).toMatchObject({ isAnonymous: true, askerName: '匿名职工', askerPhoneMasked: null });
    const answered = await mediator.post(`/api/v1/rights/consultations/${id}/answer`, {
      answer: '可以申请调解或者劳动仲裁，并保留工资流水。',
      citations: [{ law: '中华人民共和国劳动合同法', article: '第三十条' }],
      version: staffView.body.version,
    });
    expect(answered.status).toBe(200);
    expect(await waitingQuestions()).toBe(waitingBefore);
    const mine = (await worker.get('/api/v1/rights/my/consultations')).body;
    expect(mine.find((c: { id: string }) => c.id === id)).toMatchObject({ hasUnread: true, status: 'answered' });
    const opened = await worker.get(`/api/v1/rights/my/consultations/${id}`);
    expect(opened.body.citations[0]).toMatchObject({ article: '第三十条' });
    expect((await worker.get('/api/v1/rights/my/consultations')).body.find((c: { id: string }) => c.id === id).hasUnread).toBe(false);
    // The worker is told under 我的 ▸ 消息; the SMS (the worker chose SMS) carries no detail.
    const messages = (await worker.get('/api/v1/me/notifications')).body.items as { kind: string; link: string }[];
    expect(messages.find((m) => m.kind === 'consultation.answered')).toMatchObject({ link: `/m/me/legal/${id}` });
    await t.app.jobs.drain();
    const texts = t.sms.outbox.filter((m) => m.phone === '13800000077' && !m.text.includes('验证码')).map((m) => m.text);
    expect(texts.length).toBe(1);
    expect(texts[0]).not.toMatch(/工资|餐饮|调解|仲裁|ZX/);
    // Another worker cannot read it.
    expect((await (await t.loginWorker('13800000078')).get(`/api/v1/rights/my/consultations/${id}`)).status).toBe(404);
    // Anonymous: converting needs the applicant's name.
    const noName = await mediator.post(`/api/v1/rights/consultations/${id}/convert`, {});
    expect(noName.status).toBe(400);
    expect(noName.body.errors[0].path).toBe('applicantName');
    const converted = await mediator.post(`/api/v1/rights/consultations/${id}/convert`, { applicantName: '张某' });
    expect(converted.status).toBe(201);
    const c = await mediator.get(`/api/v1/rights/cases/${converted.body.caseId}`);
    expect(c.body).toMatchObject({ source: 'consultation', status: 'received', isComplainantSealed: true, applicantNames: ['张某'], respondentName: '某餐饮店' });
    expect((await mediator.post(`/api/v1/rights/consultations/${id}/convert`, { applicantName: '张某' })).status).toBe(409);
  });

  it('a reply or a close made on a stale view is refused once the worker has followed up, and the new version goes through', async () => {
    const worker = await t.loginWorker('13800000079');
    const asked = await worker.post('/api/v1/rights/my/consultations', { category: 'wages', question: '公司不给加班费怎么办？', isAnonymous: false });
    const id = asked.body.id;
    const seen = await mediator.get(`/api/v1/rights/consultations/${id}`);
    const answered = await mediator.post(`/api/v1/rights/consultations/${id}/answer`, { answer: '加班费按劳动法第四十四条计算，可先找单位协商。', citations: [], version: seen.body.version });
    expect(answered.status).toBe(200);
    // The mediator reads the answered consultation; meanwhile the worker asks again.
    const stale = answered.body.version;
    expect((await worker.post(`/api/v1/rights/my/consultations/${id}/messages`, { body: '单位说我是计件工资，不算加班，对吗？' })).status).toBe(200);
    const reply = await mediator.post(`/api/v1/rights/consultations/${id}/messages`, { kind: 'reply', body: '计件工资也有加班费。', version: stale });
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('VERSION_CONFLICT');
    const close = await mediator.post(`/api/v1/rights/consultations/${id}/close`, { version: stale });
    expect(close.status).toBe(409);
    expect((await mediator.get(`/api/v1/rights/consultations/${id}`)).body.status).not.toBe('closed');
    // Read again: the follow-up is there, and the reply on the current version is accepted.
    const fresh = await mediator.get(`/api/v1/rights/consultations/${id}`);
    expect(fresh.body.messages.map((m: { body: string }) => m.body)).toContain('单位说我是计件工资，不算加班，对吗？');
    const replied = await mediator.post(`/api/v1/rights/consultations/${id}/messages`, { kind: 'reply', body: '计件工资也有加班费。', version: fresh.body.version });
    expect(replied.status).toBe(200);
    expect((await mediator.post(`/api/v1/rights/consultations/${id}/close`, { version: replied.body.version })).body.status).toBe('closed');
  });
});

describe('reminders follow a controllable clock', () => {
  it('reminds the mediator and the manager at 7, 3 and 1 days, once each, with SMS that say nothing of the case', async () => {
    const created = await admin.post('/api/v1/rights/cases', caseInput(jb, { receivedOn: '2026-11-30' }));
    const accepted = await admin.post(`/api/v1/rights/cases/${created.body.id}/accept`, { acceptedOn: '2026-12-01', mediatorId: await userId('jb.mediator'), version: created.body.version });
    // Mediation ends 16 Dec 2026 (Wed).
    expect(accepted.body.clocks.mediationDueOn).toBe('2026-12-16');
    const sweep = (at: Date) => t.app.services.rights.reminders.sweep(at);
    const remindersOf = async () =>
      t.database.query<{ clock: string; days_before: number; user_id: string }>(
        `select clock, days_before, user_id from rights_reminder where case_id = $1 and clock = 'mediation' order by days_before desc, user_id`,
        [created.body.id],
      );
    await sweep(new Date('2026-12-08T02:00:00Z')); // 8 days before: nothing yet
    expect(await remindersOf()).toEqual([]);
    await sweep(new Date('2026-12-09T02:00:00Z')); // 7 days before
    await sweep(new Date('2026-12-09T08:00:00Z')); // again the same day: nothing new
    const seven = await remindersOf();
    expect(seven.map((r) => r.days_before)).toEqual([7, 7]);
    expect(new Set(seven.map((r) => r.user_id))).toEqual(new Set([await userId('jb.mediator'), await userId('jb.admin')]));
    await sweep(new Date('2026-12-13T02:00:00Z'));
    await sweep(new Date('2026-12-15T02:00:00Z'));
    expect((await remindersOf()).map((r) => r.days_before)).toEqual([7, 7, 3, 3, 1, 1]);
    const mine = await mediator.get('/api/v1/rights/reminders/mine');
    expect(mine.body.filter((r: { caseId: string }) => r.caseId === created.body.id).length).toBe(3);
    // Marking read: one's own reminder (twice is fine), never another person's (404).
    const own = mine.body.find((r: { caseId: string }) => r.caseId === created.body.id).id;
    expect((await mediator.post(`/api/v1/rights/reminders/${own}/read`, {})).status).toBe(204);
    expect((await mediator.post(`/api/v1/rights/reminders/${own}/read`, {})).status).toBe(204);
    expect((await admin.post(`/api/v1/rights/reminders/${own}/read`, {})).status).toBe(404);
    // Each reminder is a message in the bell, marked confidential: its SMS only says a message waits.
    const told = await t.database.query<{ kind: string; is_confidential: boolean; recipient_id: string }>(
      `select kind, is_confidential, recipient_id from notification where entity_id = $1 and kind = 'rights_case.deadline'`,
      [created.body.id],
    );
    const mediatorId = await userId('jb.mediator');
    expect(told.filter((n) => n.recipient_id === mediatorId).length).toBe(3);
    expect(told.every((n) => n.is_confidential)).toBe(true);
  });

  it('the sweep is a job-runner schedule: a due slot runs once, as a job, on whichever instance claims it', async () => {
    await t.app.jobs.syncSchedules();
    const [schedule] = await t.database.query<{ cron: string }>(`select cron from job_schedule where name = $1`, [RIGHTS_SWEEP_JOB]);
    expect(schedule?.cron).toBe('7 * * * *');
    await t.database.query(`update job_schedule set next_run_at = now() - interval '1 minute' where name = $1`, [RIGHTS_SWEEP_JOB]);
    // The app's own runner may claim the job first; wait for it to finish wherever it runs.
    const jobs = () => t.database.query<{ status: string; result: { cases: number } | null }>(`select status, result from job where kind = $1`, [RIGHTS_SWEEP_JOB]);
    await expect
      .poll(
        async () => {
          await t.app.jobs.drain();
          return (await jobs()).map((j) => j.status);
        },
        { timeout: 60_000, interval: 200 },
      )
      .toEqual(['succeeded']);
    const ran = await jobs();
    expect(ran.length).toBe(1);
    expect(typeof ran[0]!.result?.cases).toBe('number');
  });
});

describe('monitoring points and warnings', () => {
  it('a point’s informant files from the phone; a threshold raises a warning to the street and disqualifies the rating', async () => {
    const gyq = await t.orgId('JB-GYQ');
    const gyqAdmin = await t.login('gyq.admin');
    const informant = (await gyqAdmin.post('/api/v1/rights/team-members', { orgId: gyq, role: 'informant', name: '测试信息员', phone: '13800000088' })).body;
    const credit = testCreditCode('91500105MA5U0WARN');
    const point = await gyqAdmin.post('/api/v1/rights/monitoring-points', { orgId: gyq, enterpriseName: '重庆测试制造有限公司', creditCode: credit, informantId: informant.id });
    expect(point.status).toBe(201);
    const rating = await gyqAdmin.post('/api/v1/rights/ratings', {
      year: 2026,
      orgId: gyq,
      enterpriseName: '重庆测试制造有限公司',
      creditCode: credit,
      levelApplied: 'A',
      criteria: { contracts_signed: true, wages_on_time: true, social_insurance_full: true, working_hours_legal: true, collective_bargaining: true, workers_congress: true, open_affairs: true },
    });
    expect(rating.body.status).toBe('submitted');
    const phone = await t.loginWorker('13800000088');
    const mine = (await phone.get('/api/v1/rights/my/monitoring-points')).body;
    expect(mine.map((p: { enterpriseName: string }) => p.enterpriseName)).toContain('重庆测试制造有限公司');
    const values = {
      headcount: 200,
      new_hires: 3,
      layoffs: 30,
      contract_signed: 200,
      social_insurance_covered: 198,
      wage_arrears_workers: 0,
      wage_arrears_fen: 0,
      avg_monthly_overtime_hours: 20,
      disputes: 0,
      collective_incidents: 0,
    };
    const inconsistent = await phone.put(`/api/v1/rights/my/monitoring-points/${point.body.point.id}/reports/2026Q3`, { values: { ...values, contract_signed: 300 } });
    expect(inconsistent.status).toBe(400);
    expect(inconsistent.body.errors[0].path).toBe('values.contract_signed');
    const filed = await phone.put(`/api/v1/rights/my/monitoring-points/${point.body.point.id}/reports/2026Q3`, { values });
    expect(filed.status).toBe(200);
    const report = filed.body.reports.find((r: { quarter: string }) => r.quarter === '2026Q3');
    expect(report.warnings.map((w: { measure: string; level: string }) => [w.measure, w.level])).toEqual([['layoff_rate', 'yellow']]);
    const warnings = (await gyqAdmin.get('/api/v1/rights/warnings?status=open')).body.items;
    expect(warnings.some((w: { point: { creditCode: string }; org: { code: string } }) => w.point.creditCode === credit && w.org.code === 'JB-GYQ')).toBe(true);
    const after = (await gyqAdmin.get(`/api/v1/rights/ratings/${rating.body.id}`)).body;
    expect(after.status).toBe('disqualified');
    expect(after.disqualifiedReasons[0].kind).toBe('warning');
    // Another worker is not this point's informant.
    expect((await (await t.loginWorker('13800000089')).put(`/api/v1/rights/my/monitoring-points/${point.body.point.id}/reports/2026Q3`, { values })).status).toBe(404);
  });
});

describe('documents and signatures', () => {
  it('a signature is bound to the content: a changed agreement needs a new link; the PDF is made with the signature in its slot and never changed', async () => {
    const created = await admin.post('/api/v1/rights/cases', caseInput(jb, { receivedOn: '2026-11-02' }));
    const id = created.body.id;
    const c = (await admin.post(`/api/v1/rights/cases/${id}/accept`, { acceptedOn: '2026-11-03', mediatorId: await userId('jb.mediator'), version: created.body.version })).body;
    const agreed = (
      await mediator.post(`/api/v1/rights/cases/${id}/outcome`, {
        outcome: 'agreed',
        on: '2026-11-10',
        agreedClaims: c.claims.map((x: { id: string; amountFen: number }) => ({ claimId: x.id, agreedFen: x.amountFen })),
        version: c.version,
      })
    ).body;
    const applicant = agreed.parties.find((p: { role: string }) => p.role === 'applicant');
    const link = await mediator.post(`/api/v1/rights/cases/${id}/sign-requests`, { kind: 'agreement', signerRole: 'applicant', partyId: applicant.id });
    expect(link.status).toBe(201);
    const token = link.body.url.split('/').pop();
    const task = await t.anon.get(`/api/v1/rights/sign/${token}`);
    expect(task.body.title).toBe('劳动争议调解协议书');
    expect(task.body.lines.join('\n')).toContain('王小红');
    expect(task.body.lines.join('\n')).toContain('贰万伍仟元整');
    const notPng = await t.anon.request('POST', `/api/v1/rights/sign/${token}`, 'hello', { 'content-type': 'image/png' });
    expect(notPng.status).toBe(415);
    const signed = await t.app.inject({ method: 'POST', url: `/api/v1/rights/sign/${token}`, headers: { 'content-type': 'image/png' }, payload: TINY_PNG });
    expect(signed.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/rights/sign/${token}`, headers: { 'content-type': 'image/png' }, payload: TINY_PNG });
    expect(again.statusCode).toBe(404);
    const detail = (await mediator.get(`/api/v1/rights/cases/${id}`)).body;
    expect(detail.signatures.map((s: { signerName: string }) => s.signerName)).toEqual(['王小红']);
    await expect(t.database.query('update rights_signature set signer_name = $1', ['x'])).rejects.toThrow(/append-only/);
    const pdf = await mediator.post(`/api/v1/rights/cases/${id}/documents`, { kind: 'agreement', audience: 'file' });
    expect(pdf.status).toBe(200);
    const doc = (await t.database.query<{ signature_ids: string[] }>('select signature_ids from rights_document where id = $1', [pdf.body.id]))[0]!;
    expect(doc.signature_ids).toHaveLength(1);
    await expect(t.database.query('delete from rights_document where id = $1', [pdf.body.id])).rejects.toThrow(/append-only/);
  });

  it('seals the complainant from the employer’s acceptance notice, not from the worker’s', async () => {
    const created = await admin.post('/api/v1/rights/cases', caseInput(jb, { receivedOn: '2026-11-02', isComplainantSealed: true }));
    const id = created.body.id;
    await admin.post(`/api/v1/rights/cases/${id}/accept`, { acceptedOn: '2026-11-03', mediatorId: await userId('jb.mediator'), version: created.body.version });
    const textOf = async (audience: string) => {
      const made = await mediator.post(`/api/v1/rights/cases/${id}/documents`, { kind: 'acceptance_notice', audience });
      expect(made.status).toBe(200);
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/rights/cases/${id}/documents/${made.body.id}`, headers: { cookie: mediator.cookie! } });
      return (await extractPdfText(res.rawPayload)).join('').replace(/\n/g, '');
    };
    const employer = await textOf('respondent');
    expect(employer).toContain('劳动争议调解受理通知书');
    expect(employer).toContain('重庆某某科技有限公司：');
    expect(employer).toContain('申请人（身份信息依申请保密）');
    expect(employer).not.toContain('王小红');
    expect(employer).toContain('¥25,000.00');
    const worker = await textOf('applicant');
    expect(worker).toContain('王小红：');
  });
});
