import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the demo tells the reports’ story, computed from the records', () => {
  it('since 2022: 109 received, 26 accepted, 25 settled, 172,300 yuan agreed; 10 petitions and 60-odd consultations', async () => {
    const admin = await t.login('jb.admin');
    const res = await admin.get(`/api/v1/rights/figures?orgId=${await t.orgId('JB')}&from=2022-01-01`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ casesReceived: 109, casesAccepted: 26, casesSuccessful: 25, amountAgreedFen: 17_230_000, petitions: 10 });
    expect(res.body.consultations - res.body.petitions).toBeGreaterThanOrEqual(60);
    expect(res.body.monitoringPoints).toBe(20);
    expect(res.body.openWarnings).toBe(1);
    expect(res.body.amountRecoveredFen).toBeGreaterThan(0);
    expect(res.body.byYear.map((y: { year: number }) => y.year)[0]).toBe(2022);
    // The catalogue (数据中心, the yearly report, 服务人次) gives the same numbers from its rollups.
    const keys = ['rights.cases_received', 'rights.cases_accepted', 'rights.cases_successful', 'rights.amount_agreed', 'rights.amount_recovered', 'rights.consultations', 'rights.workers_helped', 'rights.overdue_cases'];
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const catalogue = await admin.get(`/api/v1/indicators/values?org=JB&period=range&from=2022-01-01&to=${today}&keys=${keys.join(',')}`);
    expect(catalogue.status).toBe(200);
    const value = (key: string) => catalogue.body.items.find((i: { key: string }) => i.key === key).value;
    expect(value('rights.cases_received')).toBe(109);
    expect(value('rights.cases_accepted')).toBe(26);
    expect(value('rights.cases_successful')).toBe(25);
    expect(value('rights.amount_agreed')).toBe(17_230_000);
    expect(value('rights.amount_recovered')).toBe(res.body.amountRecoveredFen);
    expect(value('rights.consultations')).toBe(res.body.consultations);
    expect(value('rights.workers_helped')).toBe(res.body.workersHelped);
    expect(value('rights.overdue_cases')).toBe(res.body.overdueCases);
  });

  it('has the 三员 teams at 100 each, one warning routed to its street, overdue items on the board', async () => {
    const admin = await t.login('jb.admin');
    expect((await admin.get('/api/v1/rights/team-members/counts')).body).toEqual({ supervisor: 100, informant: 100, legal_supervisor: 100 });
    const warnings = (await admin.get('/api/v1/rights/warnings?status=open')).body;
    expect(warnings.total).toBe(1);
    expect(warnings.items[0]).toMatchObject({ measure: 'wage_arrears_workers', level: 'red', org: { code: 'JB-WLD' } });
    const board = (await admin.get('/api/v1/rights/overdue')).body;
    expect(board.rows.some((r: { clock: string }) => r.clock === 'acceptance')).toBe(true);
    expect(board.dueSoon.some((r: { clock: string; daysOverdue: number }) => r.clock === 'mediation' && r.daysOverdue === -3)).toBe(true);
  });
});
