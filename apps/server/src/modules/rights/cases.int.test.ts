import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { extractPdfText } from '../../platform/pdf/testing';
import { caseInput, TINY_PNG } from './testing';

let t: TestApp;
let jb: string;
let admin: Client; // jb.admin: manages the district
let mediator: Client; // jb.mediator: union staff at JB
let lawyer: Client; // jb.lawyer: union staff at JB, not on the case
let street: Client; // gyq.admin: manages a street below, not above the case

beforeAll(async () => {
  t = await createTestApp();
  jb = await t.orgId('JB');
  [admin, mediator, lawyer, street] = await Promise.all([t.login('jb.admin'), t.login('jb.mediator'), t.login('jb.lawyer'), t.login('gyq.admin')]);
});
afterAll(async () => t.close());

async function userId(username: string) {
  return (await t.database.query<{ id: string }>('select id from app_user where username = $1', [username]))[0]!.id;
}

describe('a dispute case from intake to agreement', () => {
  let id: string;
  let version: number;

  it('takes in a case with parties and claims in fen; the ID number is encrypted and masked', async () => {
    const res = await admin.post('/api/v1/rights/cases', caseInput(jb, { receivedOn: '2026-09-29' }));
    expect(res.status).toBe(201);
    id = res.body.id;
    version = res.body.version;
    expect(res.body).toMatchObject({ status: 'received', claimedFen: 2_500_000, workers: 1, respondentName: '重庆某某科技有限公司' });
    expect(res.body.number).toMatch(/^江北区劳调〔2026〕\d+号$/);
    expect(res.body.parties[0].idNumberMasked).toMatch(/^500105\*{8}\d{3}[\dX]$/);
    // 3 working days from Tue 29 Sep 2026 across 国庆/中秋: 30 Sep, 8 Oct, 9 Oct.
    expect(res.body.clocks.acceptanceDueOn).toBe('2026-10-09');
    const stored = await t.database.query<{ id_number_enc: string }>('select id_number_enc from rights_case_party where case_id = $1 and role = $2', [id, 'applicant']);
    expect(stored[0]!.id_number_enc).toMatch(/^v1\./);
  });

  it('refuses a bad credit code and a case without an employer, on the right fields', async () => {
    const bad = await admin.post('/api/v1/rights/cases', caseInput(jb, { parties: [{ role: 'applicant', name: '甲' }, { role: 'respondent', name: '乙公司', creditCode: '91500105MA5U0TEX0' }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('parties.1.creditCode');
    const none = await admin.post('/api/v1/rights/cases', caseInput(jb, { parties: [{ role: 'applicant', name: '甲' }] }));
    expect(none.status).toBe(400);
    expect(none.body.errors[0].path).toBe('parties');
  });

  it('accepts with a mediator; the 15-day clock starts', async () => {
    const res = await admin.post(`/api/v1/rights/cases/${id}/accept`, { acceptedOn: '2026-10-09', mediatorId: await userId('jb.mediator'), version });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('accepted');
    expect(res.body.mediator.name).toBe('刘芳（调解员）');
    // 9 Oct + 15 = Sat 24 Oct 2026, a 调休 working day? No: an ordinary Saturday, so Mon 26 Oct.
    expect(res.body.clocks.mediationDueOn).toBe('2026-10-26');
    version = res.body.version;
  });

  it('hides the case from staff not on it (404) and shows it to its mediator and managers', async () => {
    expect((await lawyer.get(`/api/v1/rights/cases/${id}`)).status).toBe(404);
    expect((await street.get(`/api/v1/rights/cases/${id}`)).status).toBe(404);
    expect((await lawyer.get('/api/v1/rights/cases')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await mediator.get(`/api/v1/rights/cases/${id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/rights/cases/${id}`)).status).toBe(200);
    // A marketplace grant elsewhere (the street invited the mediator as a judge) does not make the
    // street's admin the mediator's manager: still 404, in the list too.
    const gyq = await t.orgId('JB-GYQ');
    await t.database.query(`insert into role_grant (user_id, role, org_id) values ($1, 'judge', $2)`, [await userId('jb.mediator'), gyq]);
    expect((await street.get(`/api/v1/rights/cases/${id}`)).status).toBe(404);
    expect((await street.get('/api/v1/rights/cases')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    await t.database.query(`delete from role_grant where user_id = $1 and role = 'judge' and org_id = $2`, [await userId('jb.mediator'), gyq]);
    // Added by a manager, the lawyer may read it.
    const added = await admin.post(`/api/v1/rights/cases/${id}/members`, { userId: await userId('jb.lawyer') });
    expect(added.status).toBe(200);
    expect((await lawyer.get(`/api/v1/rights/cases/${id}`)).status).toBe(200);
  });

  it('audits every allowed read, with who read it', async () => {
    const before = (await t.database.query<{ n: number }>(`select count(*)::int as n from audit_entry where action = 'rights_case.read' and entity_id = $1`, [id]))[0]!.n;
    await mediator.get(`/api/v1/rights/cases/${id}`);
    await admin.get(`/api/v1/rights/cases/${id}`);
    const rows = await t.database.query<{ actor_name: string }>(`select actor_name from audit_entry where action = 'rights_case.read' and entity_id = $1 order by at`, [id]);
    expect(rows.length).toBe(before + 2);
    expect(rows.slice(-2).map((r) => r.actor_name)).toEqual(['jb.mediator', 'jb.admin']);
  });

  it('a 中断 restarts the one-year limitation; 中止 pauses it', async () => {
    const c0 = (await mediator.get(`/api/v1/rights/cases/${id}`)).body;
    // Intake interrupted it: a year from receipt (29 Sep 2027, a Wednesday).
    expect(c0.clocks.limitation).toMatchObject({ startOn: '2026-09-29', endsOn: '2027-09-29' });
    const interrupted = await mediator.post(`/api/v1/rights/cases/${id}/events`, { kind: 'interrupt', onDate: '2026-10-12', reason: 'claim_made', note: '职工书面催告' });
    expect(interrupted.status).toBe(200);
    expect(interrupted.body.clocks.limitation).toMatchObject({ startOn: '2026-10-12', endsOn: '2027-10-12' });
    const noReason = await mediator.post(`/api/v1/rights/cases/${id}/events`, { kind: 'suspend', onDate: '2026-10-13' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    const paused = await mediator.post(`/api/v1/rights/cases/${id}/events`, { kind: 'suspend', onDate: '2026-10-13', reason: 'force_majeure' });
    expect(paused.body.clocks.limitation).toMatchObject({ isPaused: true, endsOn: null, pausedSince: '2026-10-13' });
    const resumed = await mediator.post(`/api/v1/rights/cases/${id}/events`, { kind: 'resume', onDate: '2026-10-23' });
    // 364 days were left on 13 Oct; from 23 Oct that is 22 Oct 2027.
    expect(resumed.body.clocks.limitation).toMatchObject({ isPaused: false, endsOn: '2027-10-22' });
    const audit = await t.database.query<{ after: { kind: string; limitationEndsOn: string } }>(`select after from audit_entry where action = 'rights_case.clock_event' and entity_id = $1 order by at`, [id]);
    expect(audit.map((a) => a.after.kind)).toEqual(['interrupt', 'suspend', 'resume']);
  });

  it('extends mediation only with both parties’ consent and at most 15 days', async () => {
    const noConsent = await mediator.post(`/api/v1/rights/cases/${id}/events`, { kind: 'mediation_extension', onDate: '2026-10-20', days: 10, hasApplicantConsent: true });
    expect(noConsent.status).toBe(400);
    const ok = await mediator.post(`/api/v1/rights/cases/${id}/events`, { kind: 'mediation_extension', onDate: '2026-10-20', days: 10, hasApplicantConsent: true, hasRespondentConsent: true });
    // 9 Oct + 15 + 10 days = Tue 3 Nov.
    expect(ok.body.clocks.mediationDueOn).toBe('2026-11-03');
    const tooMuch = await mediator.post(`/api/v1/rights/cases/${id}/events`, { kind: 'mediation_extension', onDate: '2026-10-21', days: 6, hasApplicantConsent: true, hasRespondentConsent: true });
    expect(tooMuch.status).toBe(400);
    version = ok.body.version;
  });

  it('records an agreement with per-claim amounts and a payment plan; payments count against it', async () => {
    const detail = (await mediator.get(`/api/v1/rights/cases/${id}`)).body;
    const [backPay, double] = detail.claims;
    const wrongPlan = await mediator.post(`/api/v1/rights/cases/${id}/outcome`, { outcome: 'agreed', on: '2026-10-30', agreedClaims: [{ claimId: backPay.id, agreedFen: 1_500_000 }, { claimId: double.id, agreedFen: 500_000 }], installments: [{ dueOn: '2026-11-15', amountFen: 1_000_000 }], version: detail.version });
    expect(wrongPlan.status).toBe(400);
    expect(wrongPlan.body.errors[0].path).toBe('installments');
    const agreed = await mediator.post(`/api/v1/rights/cases/${id}/outcome`, {
      outcome: 'agreed',
      on: '2026-10-30',
      agreedClaims: [
        { claimId: backPay.id, agreedFen: 1_500_000 },
        { claimId: double.id, agreedFen: 500_000 },
      ],
      installments: [
        { dueOn: '2026-11-15', amountFen: 1_000_000 },
        { dueOn: '2026-12-15', amountFen: 1_000_000 },
      ],
      terms: '被申请人为申请人出具离职证明。',
      version: detail.version,
    });
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ status: 'agreed', agreedFen: 2_000_000 });
    // The employer agreeing to pay interrupts the limitation again.
    expect(agreed.body.clocks.limitation.startOn).toBe('2026-10-30');
    const paid = await mediator.post(`/api/v1/rights/cases/${id}/payments`, { receivedOn: '2026-11-14', amountFen: 1_200_000, method: 'transfer' });
    expect(paid.body.paidFen).toBe(1_200_000);
    expect(paid.body.installments.map((i: { paidFen: number }) => i.paidFen)).toEqual([1_000_000, 200_000]);
    const over = await mediator.post(`/api/v1/rights/cases/${id}/payments`, { receivedOn: '2026-11-14', amountFen: -2_000_000, method: 'other' });
    expect(over.status).toBe(400);
  });

  it('makes the agreement PDF with the parties and amounts agreed, stored with its hash; a new signature makes version 2', async () => {
    const made = await mediator.post(`/api/v1/rights/cases/${id}/documents`, { kind: 'agreement', audience: 'file' });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ version: 1, isNew: true });
    const readPdf = async (documentId: string) => t.app.inject({ method: 'GET', url: `/api/v1/rights/cases/${id}/documents/${documentId}`, headers: { cookie: mediator.cookie! } });
    const res = await readPdf(made.body.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(made.body.sha256);
    const text = (await extractPdfText(res.rawPayload)).join('\n').replace(/\n/g, '');
    expect(text).toContain('劳动争议调解协议书');
    expect(text).toContain('王小红');
    expect(text).toMatch(/身份证号 500105\*{8}\d{3}[\dX]/);
    expect(text).not.toMatch(/500105199003070\d{2}/);
    expect(text).toContain('重庆某某科技有限公司');
    expect(text).toContain('统一社会信用代码');
    expect(text).toContain('¥15,000.00');
    expect(text).toContain('¥5,000.00');
    expect(text).toContain('合计人民币¥20,000.00（大写：贰万元整）');
    expect(text).toContain('第一期于2026年11月15日前支付¥10,000.00');
    expect(text).toContain('被申请人为申请人出具离职证明。');
    // Unchanged: the same version. Signed since: a new version; the first stays as it was.
    expect((await mediator.post(`/api/v1/rights/cases/${id}/documents`, { kind: 'agreement', audience: 'file' })).body).toMatchObject({ id: made.body.id, isNew: false });
    const token = (await mediator.post(`/api/v1/rights/cases/${id}/sign-requests`, { kind: 'agreement', signerRole: 'mediator' })).body.url.split('/').pop();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/rights/sign/${token}`, headers: { 'content-type': 'image/png' }, payload: TINY_PNG })).statusCode).toBe(201);
    const second = await mediator.post(`/api/v1/rights/cases/${id}/documents`, { kind: 'agreement', audience: 'file' });
    expect(second.body).toMatchObject({ version: 2, isNew: true });
    expect(second.body.sha256).not.toBe(made.body.sha256);
    expect(createHash('sha256').update((await readPdf(made.body.id)).rawPayload).digest('hex')).toBe(made.body.sha256);
    const reads = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_entry where action = 'rights_document.read' and entity_id = $1`, [id]);
    expect(reads[0]!.n).toBe(2);
  });

  it('answers a stale version with 409 and an unknown case with 404', async () => {
    const c = (await admin.get(`/api/v1/rights/cases/${id}`)).body;
    expect((await admin.patch(`/api/v1/rights/cases/${id}`, { summary: '改一下案情摘要内容', version: c.version - 1 })).status).toBe(409);
    expect((await admin.get('/api/v1/rights/cases/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('referrals move ownership only when accepted', () => {
  it('a street case referred up to the district stays with the street until the district accepts', async () => {
    const gyq = await t.orgId('JB-GYQ');
    const created = await street.post('/api/v1/rights/cases', caseInput(gyq));
    expect(created.status).toBe(201);
    const id = created.body.id;
    const noConsent = await street.post(`/api/v1/rights/cases/${id}/referrals`, { kind: 'mediation', targetOrgId: jb, hasWorkerConsent: false });
    expect(noConsent.status).toBe(400);
    const referred = await street.post(`/api/v1/rights/cases/${id}/referrals`, { kind: 'mediation', targetOrgId: jb, hasWorkerConsent: true, note: '案情复杂，请区总工会调解' });
    expect(referred.status).toBe(200);
    expect(referred.body.org.code).toBe('JB-GYQ');
    const incoming = await admin.get('/api/v1/rights/referrals/incoming');
    const ref = incoming.body.find((r: { caseId: string }) => r.caseId === id);
    expect(ref).toMatchObject({ status: 'pending', targetName: '江北区总工会', claimedFen: 2_500_000 });
    expect(JSON.stringify(ref)).not.toContain('王小红');
    // The street admin cannot accept on the district's behalf.
    expect((await street.post(`/api/v1/rights/referrals/${ref.id}/respond`, { decision: 'accept', version: ref.version })).status).toBe(404);
    const accepted = await admin.post(`/api/v1/rights/referrals/${ref.id}/respond`, { decision: 'accept', version: ref.version });
    expect(accepted.status).toBe(200);
    const after = await admin.get(`/api/v1/rights/cases/${id}`);
    expect(after.body.org.code).toBe('JB');
    // The street no longer holds it: its staff step off and its admin does not manage the district.
    expect((await street.get(`/api/v1/rights/cases/${id}`)).status).toBe(404);
    const audit = await t.database.query<{ before: { orgId: string }; after: { orgId: string } }>(`select before, after from audit_entry where action = 'rights_referral.accept' and entity_id = $1`, [id]);
    expect(audit[0]).toMatchObject({ before: { orgId: gyq }, after: { orgId: jb } });
  });

  it('a referral to arbitration accepted by the commission starts the 45-day clock', async () => {
    const created = await admin.post('/api/v1/rights/cases', caseInput(jb, { receivedOn: '2026-11-02' }));
    const id = created.body.id;
    const c = (await admin.post(`/api/v1/rights/cases/${id}/accept`, { acceptedOn: '2026-11-03', mediatorId: await userId('jb.mediator'), version: created.body.version })).body;
    const failed = await mediator.post(`/api/v1/rights/cases/${id}/outcome`, { outcome: 'failed', on: '2026-11-10', note: '用人单位拒绝调解方案', version: c.version });
    expect(failed.body.status).toBe('failed');
    const referred = await mediator.post(`/api/v1/rights/cases/${id}/referrals`, { kind: 'arbitration', targetName: '江北区劳动人事争议仲裁委员会', hasWorkerConsent: true, referredOn: '2026-11-11' });
    const ref = referred.body.referrals[0];
    const accepted = await mediator.post(`/api/v1/rights/referrals/${ref.id}/respond`, { decision: 'accept', on: '2026-11-16', referenceNo: '渝北劳人仲案字〔2026〕第123号', version: ref.version });
    expect(accepted.status).toBe(200);
    const after = (await mediator.get(`/api/v1/rights/cases/${id}`)).body;
    expect(after).toMatchObject({ stage: 'arbitration', externalBody: '江北区劳动人事争议仲裁委员会', arbitrationAcceptedOn: '2026-11-16' });
    // 16 Nov + 45 = Thu 31 Dec 2026.
    expect(after.clocks.arbitrationDueOn).toBe('2026-12-31');
    expect(after.clocks.running.map((r: { clock: string }) => r.clock)).toEqual(['arbitration']);
  });
});
