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
