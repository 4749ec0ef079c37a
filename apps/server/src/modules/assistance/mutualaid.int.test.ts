import { idNumberCheckChar } from '@niangjia/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../../db/seed/demo-credit';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

/**
 * 职工互助保障 in a district of its own (渝北区 here, so the demo's Jiangbei plan stays out of the
 * way): a plan, enrolment one by one and by sheet, claims with the caps applied, the second
 * approver, parallel approvals that never pass a cap, and scope.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PASSWORD = 'Mutual@2026aid';
const idNumber = (n: number) => {
  const first17 = `11010119850101${String(n).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};
const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const rules = { hospital: { dailyFen: 10_000, capFen: 300_000 }, serious_illness: { lumpSumFen: 1_000_000, capFen: 1_000_000 }, accident: { capFen: 500_000 } };

let t: TestApp;
let admin: Client;
let staffA: Client;
let staffB: Client;
let jbStaff: Client;
let unionId: string;
let plan: { id: string; version: number };
const workers: { client: Client; name: string; idNumber: string }[] = [];

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('参保名单');
  sheet.addRow(['姓名*', '身份证号*']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(client: Client, file: Buffer, orgId: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/assistance/mutualaid/plans/${plan.id}/imports?orgId=${orgId}`,
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf!, 'content-type': XLSX, 'x-file-name': encodeURIComponent('参保名单.xlsx') },
    payload: file,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

async function ok<T = any>(p: Promise<{ status: number; body: any }>, what: string): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

async function enrolledWorker(n: number) {
  const client = await t.loginWorker(`1370000${String(n).padStart(4, '0')}`);
  const name = `互助职工${n}`;
  const applied = await ok<{ membership: { id: string; version: number } }>(client.post('/api/v1/members/applications', { realName: name, idNumber: idNumber(n), employmentForm: 'courier', orgId: unionId }), 'apply');
  await ok(admin.post(`/api/v1/members/${applied.membership.id}/approve`, { version: applied.membership.version }), 'approve');
  return { client, name, idNumber: idNumber(n) };
}

/** The ids and titles of a staff member's 待办 of mutual-aid claims. */
async function claimTodos(client: Client): Promise<{ id: string; title: string }[]> {
  const todos = await ok<{ groups: { kind: string; items: { id: string; title: string }[] }[] }>(client.get('/api/v1/me/todos?limit=50'), 'todos');
  return todos.groups.find((g) => g.kind === 'mutualaid_claim')?.items ?? [];
}

async function file(client: Client, body: Record<string, unknown>) {
  const mine = await ok<{ enrolments: { id: string; planId: string }[] }>(client.get('/api/v1/assistance/mutualaid/mine'), 'mine');
  const enrolment = mine.enrolments.find((e) => e.planId === plan.id)!;
  return client.post('/api/v1/assistance/mutualaid/mine/claims', { enrolmentId: enrolment.id, incidentDate: today, ...body });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const [root] = await t.database.query<{ parent_id: string }>("select parent_id from org where code = 'JB'");
  const yb = await ok<{ id: string }>(admin.post('/api/v1/orgs', { code: 'YB', type: 'district', parentId: root!.parent_id, name: '渝北区总工会', divisionCode: '500112' }), 'YB');
  const street = await ok<{ id: string }>(admin.post('/api/v1/orgs', { code: 'YB-SLH', type: 'street', parentId: yb.id, name: '双龙湖街道总工会', divisionCode: '500112002' }), 'street');
  unionId = (await ok<{ id: string }>(admin.post('/api/v1/orgs', { code: 'YB-SLH-01', type: 'grassroots', parentId: street.id, name: '渝北互助测试企业工会', creditCode: demoCreditCode('YB-SLH-01') }), 'union')).id;
  for (const u of ['ma.a', 'ma.b']) await ok(admin.post('/api/v1/users', { username: u, displayName: `互助干事${u}`, password: PASSWORD, role: 'union_staff', orgId: yb.id }), u);
  [staffA, staffB, jbStaff] = await Promise.all([t.login('ma.a', PASSWORD), t.login('ma.b', PASSWORD), t.login('jb.staff')]);
  for (const n of [1, 2, 3]) workers.push(await enrolledWorker(n));
  plan = await ok(
    staffA.post('/api/v1/assistance/mutualaid/plans', { orgId: yb.id, year, name: `${year}年度职工互助保障`, premiumFen: 3000, benefits: rules, annualCapFen: 1_000_000, secondApprovalFen: 500_000, samplePercent: 0 }),
    'plan',
  );
}, 120_000);
afterAll(() => t.close());

describe('a plan and its enrolments', () => {
  it('is drafted, opened, and frozen once a member is enrolled', async () => {
    const caps = await staffA.put(`/api/v1/assistance/mutualaid/plans/${plan.id}`, { name: 'x', premiumFen: 3000, benefits: { ...rules, accident: { capFen: 2_000_000 } }, annualCapFen: 1_000_000, secondApprovalFen: 500_000, samplePercent: 0, version: plan.version });
    expect(caps.status).toBe(400);
    const closed = await staffA.post(`/api/v1/assistance/mutualaid/plans/${plan.id}/enrolments`, { idNumber: workers[0]!.idNumber });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('MUTUALAID_PLAN_NOT_OPEN');
    plan = await ok(staffA.post(`/api/v1/assistance/mutualaid/plans/${plan.id}/open`, { version: plan.version }), 'open');
    const one = await staffA.post(`/api/v1/assistance/mutualaid/plans/${plan.id}/enrolments`, { idNumber: workers[0]!.idNumber });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ realName: workers[0]!.name, capFen: 1_000_000, committedFen: 0 });
    expect(one.body.idNumberMasked).not.toContain(workers[0]!.idNumber.slice(6, 14));
    const again = await staffA.post(`/api/v1/assistance/mutualaid/plans/${plan.id}/enrolments`, { idNumber: workers[0]!.idNumber });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MUTUALAID_ALREADY_ENROLLED');
    const frozen = await staffA.put(`/api/v1/assistance/mutualaid/plans/${plan.id}`, { name: '改名', premiumFen: 1, benefits: rules, annualCapFen: 1_000_000, secondApprovalFen: 500_000, samplePercent: 0, version: plan.version });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('MUTUALAID_PLAN_FROZEN');
    // One person, one enrolment per plan: the database says so too.
    await expect(t.database.query(`insert into mutualaid_enrolment (plan_id, person_id, membership_id, org_id, premium_fen, cap_fen) select plan_id, person_id, membership_id, org_id, 1, 1 from mutualaid_enrolment where id = $1`, [one.body.id])).rejects.toThrow();
  });

  it('enrols a union’s sheet with a per-row report like the members import', async () => {
    const sheet = await workbook([
      ['示例：张三', '500105199001010018'],
      [workers[1]!.name, workers[1]!.idNumber],
      [workers[0]!.name, workers[0]!.idNumber],
      ['坏号码', '110101198501010000'],
      ['改过名', workers[2]!.idNumber],
      [workers[1]!.name, workers[1]!.idNumber],
      ['不是会员', idNumber(77)],
    ]);
    const outside = await upload(jbStaff, sheet, unionId);
    expect(outside.status).toBe(404);
    const res = await upload(staffA, sheet, unionId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalRows: 6, enrolledRows: 1, skippedRows: 1, errorRows: 4, errorsNotListed: 0, fileName: '参保名单.xlsx' });
    expect(res.body.errors.map((e: { row: number; code: string; column: string }) => [e.row, e.column, e.code])).toEqual([
      [5, '身份证号', 'ID_NUMBER_CHECK'],
      [6, '姓名', 'MUTUALAID_ROW_NAME_MISMATCH'],
      [7, '身份证号', 'MUTUALAID_ROW_DUPLICATE'],
      [8, '身份证号', 'MUTUALAID_ROW_NOT_MEMBER'],
    ]);
    expect(res.body.errors[1].message).toBe('姓名与会员档案不一致');
    // The third worker is enrolled one by one; the sheet's template comes from the plan.
    await ok(staffA.post(`/api/v1/assistance/mutualaid/plans/${plan.id}/enrolments`, { idNumber: workers[2]!.idNumber }), 'enrol 3');
    const list = await ok(staffB.get(`/api/v1/assistance/mutualaid/plans/${plan.id}/enrolments`), 'list');
    expect(list.total).toBe(3);
    const tpl = await t.app.inject({ method: 'GET', url: `/api/v1/assistance/mutualaid/plans/${plan.id}/template`, headers: { cookie: staffA.cookie! } });
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toBe(XLSX);
  });
});

describe('claims', () => {
  it('pays by the plan’s rules within the benefit’s cap, and the worker follows each step', async () => {
    const w = workers[0]!;
    const photo = await w.client.uploadPhoto();
    // A discharge summary scanned as a PDF is a document too.
    const scan = JSON.parse((await w.client.uploadDocument()).body).id as string;
    const first = await ok(file(w.client, { benefit: 'hospital', hospitalDays: 25, description: '住院治疗', photoIds: [photo, scan] }), 'claim 1');
    expect(first).toMatchObject({ status: 'submitted', remainingFen: 300_000, needsSecond: false, photoIds: [photo, scan], pdfIds: [scan] });
    // Staff of the worker's union see the documents; staff elsewhere do not.
    expect((await staffA.get(`/api/v1/photos/${photo}`)).status).toBe(200);
    expect((await jbStaff.get(`/api/v1/photos/${photo}`)).status).toBe(404);
    // The new claim waits in the 待办 of its union's staff (not of staff elsewhere) until it is paid.
    expect((await claimTodos(staffA)).find((i) => i.id === first.id)?.title).toContain('待审核');
    expect((await claimTodos(jbStaff)).map((i) => i.id)).not.toContain(first.id);
    const approved = await ok(staffA.post(`/api/v1/assistance/mutualaid/claims/${first.id}/review`, { decision: 'approve', version: first.version }), 'review 1');
    expect(approved).toMatchObject({ status: 'approved', ruleFen: 250_000, payoutFen: 250_000 });
    expect((await claimTodos(staffA)).find((i) => i.id === first.id)?.title).toContain('待支付');

    const second = await ok(file(w.client, { benefit: 'hospital', hospitalDays: 10 }), 'claim 2');
    expect(second.remainingFen).toBe(50_000);
    const capped = await ok(staffA.post(`/api/v1/assistance/mutualaid/claims/${second.id}/review`, { decision: 'approve', version: second.version }), 'review 2');
    // 10 days × 100 元 = 1,000 元, but only 500 元 of the hospital cap (3,000 元 a year) is left.
    expect(capped).toMatchObject({ status: 'approved', ruleFen: 100_000, payoutFen: 50_000 });
    const third = await ok(file(w.client, { benefit: 'hospital', hospitalDays: 1 }), 'claim 3');
    const refused = await staffA.post(`/api/v1/assistance/mutualaid/claims/${third.id}/review`, { decision: 'approve', version: third.version });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('MUTUALAID_CAP_REACHED');
    const noReason = await staffA.post(`/api/v1/assistance/mutualaid/claims/${third.id}/review`, { decision: 'reject', version: third.version });
    expect(noReason.status).toBe(400);
    await ok(staffA.post(`/api/v1/assistance/mutualaid/claims/${third.id}/review`, { decision: 'reject', note: '住院津贴年度限额已用完', version: third.version }), 'reject 3');

    const paid = await ok(staffB.post(`/api/v1/assistance/mutualaid/claims/${first.id}/pay`, { method: 'transfer', reference: '工行转账 20260101001', version: approved.version }), 'pay');
    expect(paid).toMatchObject({ status: 'paid', paymentMethod: 'transfer', paymentReference: '工行转账 20260101001' });
    expect((await claimTodos(staffA)).map((i) => i.id)).not.toContain(first.id);
    const mine = await ok(w.client.get(`/api/v1/assistance/mutualaid/mine/claims/${first.id}`), 'mine');
    expect(mine.status).toBe('paid');
    const others = await workers[1]!.client.get(`/api/v1/assistance/mutualaid/mine/claims/${first.id}`);
    expect(others.status).toBe(404);
    const [n] = await t.database.query<{ n: number }>(`select count(*)::int as n from notification where entity_id = $1 and kind = 'mutualaid.claim'`, [first.id]);
    expect(n!.n).toBe(3); // submitted, approved, paid
  });

  it('needs a second, different approver above the threshold', async () => {
    const w = workers[0]!;
    const claim = await ok(file(w.client, { benefit: 'serious_illness' }), 'serious');
    // 10,000 元 lump sum, but the year's overall cap (10,000 元) has 7,000 元 left.
    const reviewed = await ok(staffA.post(`/api/v1/assistance/mutualaid/claims/${claim.id}/review`, { decision: 'approve', version: claim.version }), 'review');
    expect(reviewed).toMatchObject({ status: 'awaiting_second', ruleFen: 1_000_000, payoutFen: 700_000, needsSecond: true });
    const early = await staffB.post(`/api/v1/assistance/mutualaid/claims/${claim.id}/pay`, { method: 'in_person', reference: '现场领取', version: reviewed.version });
    expect(early.status).toBe(409);
    const same = await staffA.post(`/api/v1/assistance/mutualaid/claims/${claim.id}/second`, { decision: 'approve', version: reviewed.version });
    expect(same.status).toBe(409);
    expect(same.body.code).toBe('MUTUALAID_SECOND_SAME_PERSON');
    // The database refuses the same person too, whatever the code does.
    await expect(t.database.query(`update mutualaid_claim set second_by = reviewed_by where id = $1`, [claim.id])).rejects.toThrow();
    const checked = await ok(staffB.post(`/api/v1/assistance/mutualaid/claims/${claim.id}/second`, { decision: 'approve', version: reviewed.version }), 'second');
    expect(checked).toMatchObject({ status: 'approved', secondByName: '互助干事ma.b', reviewedByName: '互助干事ma.a' });
    const [e] = await t.database.query<{ committed_fen: number; cap_fen: number }>(`select e.committed_fen, e.cap_fen from mutualaid_enrolment e join mutualaid_claim c on c.enrolment_id = e.id where c.id = $1`, [claim.id]);
    expect(e).toEqual({ committed_fen: 1_000_000, cap_fen: 1_000_000 });
  });

  it('flags the sampled share for a second check whatever the amount', async () => {
    await t.database.query(`update mutualaid_plan set sample_percent = 100 where id = $1`, [plan.id]);
    const claim = await ok(file(workers[2]!.client, { benefit: 'hospital', hospitalDays: 1 }), 'sampled');
    expect(claim.isSampled).toBe(true);
    const reviewed = await ok(staffB.post(`/api/v1/assistance/mutualaid/claims/${claim.id}/review`, { decision: 'approve', version: claim.version }), 'review');
    expect(reviewed).toMatchObject({ status: 'awaiting_second', payoutFen: 10_000 });
    const rejected = await ok(staffA.post(`/api/v1/assistance/mutualaid/claims/${claim.id}/second`, { decision: 'reject', note: '抽查发现材料不全', version: reviewed.version }), 'second reject');
    expect(rejected).toMatchObject({ status: 'rejected', payoutFen: null, remainingFen: 300_000 });
    await t.database.query(`update mutualaid_plan set sample_percent = 0 where id = $1`, [plan.id]);
  });

  it('never lets parallel approvals pass a cap', async () => {
    const w = workers[1]!;
    const claims = [];
    for (let i = 0; i < 6; i++) claims.push(await ok(file(w.client, { benefit: 'accident', amountFen: 150_000 }), `accident ${i}`));
    const results = await Promise.all(claims.map((c) => staffA.post(`/api/v1/assistance/mutualaid/claims/${c.id}/review`, { decision: 'approve', version: c.version })));
    const approved = results.filter((r) => r.status === 200);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409 && r.body.code === 'MUTUALAID_CAP_REACHED')).toBe(true);
    const total = approved.reduce((sum, r) => sum + r.body.payoutFen, 0);
    // The accident cap is 5,000 元: three whole claims and a part of the fourth.
    expect(total).toBe(500_000);
    expect(approved).toHaveLength(4);
    const [u] = await t.database.query<{ committed_fen: number }>(`select u.committed_fen from mutualaid_usage u join mutualaid_enrolment e on e.id = u.enrolment_id where u.benefit = 'accident' and e.id = $1`, [claims[0]!.enrolmentId]);
    expect(u!.committed_fen).toBe(500_000);
    await expect(t.database.query(`update mutualaid_usage set committed_fen = committed_fen + 1 where enrolment_id = $1 and benefit = 'accident'`, [claims[0]!.enrolmentId])).rejects.toThrow();
  });

  it('keeps claims within the reviewer’s scope', async () => {
    const list = await ok(staffA.get(`/api/v1/assistance/mutualaid/claims?planId=${plan.id}&pageSize=100`), 'list');
    expect(list.total).toBeGreaterThan(5);
    const id = list.items[0].id;
    expect((await jbStaff.get(`/api/v1/assistance/mutualaid/claims/${id}`)).status).toBe(404);
    expect((await jbStaff.post(`/api/v1/assistance/mutualaid/claims/${id}/review`, { decision: 'approve', version: 1 })).status).toBe(404);
    const theirs = await ok(jbStaff.get(`/api/v1/assistance/mutualaid/claims?pageSize=100`), 'jb list');
    expect(theirs.items.some((c: { planId: string }) => c.planId === plan.id)).toBe(false);
    expect((await jbStaff.get(`/api/v1/assistance/mutualaid/plans/${plan.id}`)).status).toBe(404);
    const figures = await ok(staffA.get(`/api/v1/assistance/mutualaid/plans/${plan.id}`), 'plan');
    expect(figures).toMatchObject({ enrolled: 3, paidFen: 250_000, isFrozen: true });
  });

  it('ends: no more claims or enrolments, in words; a claim filed before is still handled', async () => {
    const w = workers[2]!;
    const before = await ok(file(w.client, { benefit: 'hospital', hospitalDays: 2 }), 'claim before the close');
    const current = await ok<{ version: number; status: string }>(staffA.get(`/api/v1/assistance/mutualaid/plans/${plan.id}`), 'plan');
    expect((await jbStaff.post(`/api/v1/assistance/mutualaid/plans/${plan.id}/close`, { version: current.version })).status).toBe(404);
    const closed = await ok(staffA.post(`/api/v1/assistance/mutualaid/plans/${plan.id}/close`, { version: current.version }), 'close');
    expect(closed.status).toBe('closed');
    expect((await staffA.post(`/api/v1/assistance/mutualaid/plans/${plan.id}/close`, { version: closed.version })).body.code).toBe('MUTUALAID_PLAN_CLOSED');

    // The phone is told the plan has ended (it offers no new claim).
    const mine = await ok<{ enrolments: { planId: string; planStatus: string }[] }>(w.client.get('/api/v1/assistance/mutualaid/mine'), 'mine');
    expect(mine.enrolments.find((e) => e.planId === plan.id)?.planStatus).toBe('closed');
    const late = await file(w.client, { benefit: 'hospital', hospitalDays: 1 });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'MUTUALAID_PLAN_CLOSED', title: '计划已结束，不再受理参保和互助金申请' });
    const lateEn = await w.client.withLang('en').post('/api/v1/assistance/mutualaid/mine/claims', { enrolmentId: before.enrolmentId, incidentDate: today, benefit: 'hospital', hospitalDays: 1 });
    expect(lateEn.body.title).toBe('The plan has ended: it takes no more enrolments or claims');
    const enrol = await staffA.post(`/api/v1/assistance/mutualaid/plans/${plan.id}/enrolments`, { idNumber: idNumber(9) });
    expect(enrol.body.code).toBe('MUTUALAID_PLAN_CLOSED');

    const reviewed = await ok(staffA.post(`/api/v1/assistance/mutualaid/claims/${before.id}/review`, { decision: 'approve', version: before.version }), 'review after the close');
    expect(reviewed.status).toBe('approved');
    const [audit] = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_entry where action = 'mutualaid_plan.close' and entity_id = $1`, [plan.id]);
    expect(audit!.n).toBe(1);
  });
});
