import { idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../platform/clock';
import { PNG } from '../../test/files';
import { createTestApp, MINI_PDF, type Client, type Res, type TestApp } from '../../test/harness';

// 困难职工档案 (issue 14, point 1): a worker opens their own file on the phone and signs the
// consent; two different staff verify (never the opener); the public notice with an objection;
// 在档, the yearly-review reminder on a controlled clock, review and exit; street scope; ID
// numbers masked, revealed only with the permission and audited.
const clock = createFakeClock(new Date('2026-03-02T02:00:00Z'));
let t: TestApp;
let worker: Client;
let other: Client;
let gyq: Client;
let wld: Client;
let jbStaff: Client;
let jbAdmin: Client;

const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
const WORKER_ID = idOf('50010519850312004');
const SPOUSE_ID = idOf('50010519870815002');
const CHILD_ID = idOf('50010520150601003');

async function joinAsMember(phone: string, realName: string, idNumber: string): Promise<Client> {
  const c = await t.loginWorker(phone);
  const applied = await c.post('/api/v1/members/applications', { realName, idNumber, employmentForm: 'courier', orgId: await t.orgId('JB-GYQ-LH') });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const approved = await jbAdmin.post(`/api/v1/members/${applied.body.membership.id}/approve`, { version: applied.body.membership.version });
  expect(approved.status).toBe(200);
  return c;
}

async function sign(c: Client, id: string): Promise<Res> {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/assistance/hardship/mine/${id}/consent`, headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': 'image/png' }, payload: PNG });
  return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers };
}

/** A staff member's 待办 of hardship files: id → title. */
async function fileTodos(c: Client): Promise<Map<string, string>> {
  const res = await c.get('/api/v1/me/todos?limit=50');
  expect(res.status).toBe(200);
  const group = (res.body.groups as { kind: string; items: { id: string; title: string }[] }[]).find((g) => g.kind === 'hardship_file');
  return new Map((group?.items ?? []).map((i) => [i.id, i.title]));
}

/** The 困难职工 mark on the member record of the file's person. */
async function isMarked(fileId: string): Promise<boolean> {
  const [row] = await t.database.query<{ is_hardship: boolean }>('select p.is_hardship from person p join hardship_file f on f.person_id = p.id where f.id = $1', [fileId]);
  return row!.is_hardship;
}

const ok = (res: Res, status = 200) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

beforeAll(async () => {
  t = await createTestApp({}, { clock, jobRunner: false });
  jbAdmin = await t.login('jb.admin');
  jbStaff = await t.login('jb.staff');
  gyq = await t.login('gyq.admin');
  wld = await t.login('wld.admin');
  worker = await joinAsMember('13700001401', '唐困难', WORKER_ID);
  other = await joinAsMember('13700001402', '邻居甲', idOf('50010519900101005'));
});
afterAll(() => t.close());

describe('a worker’s own file, from the phone to 在档', () => {
  let id: string;
  let version: number;

  it('opens it as a member, with themselves as the first household member (masked)', async () => {
    const nonMember = await t.loginWorker('13700001499');
    const refused = await nonMember.post('/api/v1/assistance/hardship/mine', { causes: ['illness'] });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('HARDSHIP_NOT_A_MEMBER');

    const file = ok(await worker.post('/api/v1/assistance/hardship/mine', { causes: ['illness', 'child_in_school'], causeNote: '配偶患病长期住院' }), 201);
    expect(file.status).toBe('draft');
    expect(file.number).toMatch(/^KN\d{6}$/);
    expect(file.household).toHaveLength(1);
    expect(file.household[0]).toMatchObject({ relation: 'self', name: '唐困难', idNumberMasked: `500105${'*'.repeat(8)}${WORKER_ID.slice(-4)}` });
    expect(file.actions).toEqual(['edit', 'sign', 'submit']);
    id = file.id;
    version = file.version;

    const twice = await worker.post('/api/v1/assistance/hardship/mine', { causes: ['other'] });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('HARDSHIP_ALREADY_OPEN');
  });

  it('adds the household (a child’s ID number is accepted) and computes income per head against the district threshold', async () => {
    const bad = await worker.post(`/api/v1/assistance/hardship/mine/${id}/household`, { name: '配偶', relation: 'spouse', idNumber: '500105198708150000', monthlyIncomeFen: 0, version });
    expect(bad.status).toBe(400);
    let file = ok(await worker.post(`/api/v1/assistance/hardship/mine/${id}/household`, { name: '李配偶', relation: 'spouse', idNumber: SPOUSE_ID, monthlyIncomeFen: 0, version }));
    file = ok(await worker.post(`/api/v1/assistance/hardship/mine/${id}/household`, { name: '唐小宝', relation: 'child', idNumber: CHILD_ID, monthlyIncomeFen: 0, version: file.version }));
    // The worker's own wage: staff correct the first row by removing and re-adding it in a draft; here the worker adds an income row instead.
    file = ok(await worker.post(`/api/v1/assistance/hardship/mine/${id}/household`, { name: '唐爷爷', relation: 'grandparent', monthlyIncomeFen: 240000, note: '退休金', version: file.version }));
    expect(file.householdSize).toBe(4);
    expect(file.incomePerHeadFen).toBe(60000);
    expect(file.thresholdFen).toBe(100000);
    expect(file.isBelowThreshold).toBe(true);
    // Nothing beside the mask gives the birth date back (issue 9.3): no full number, no birth date anywhere.
    const text = JSON.stringify(file);
    for (const full of [WORKER_ID, SPOUSE_ID, CHILD_ID]) {
      expect(text).not.toContain(full);
      expect(text).not.toContain(full.slice(6, 14));
    }
    version = file.version;
  });

  it('attaches only a photo the worker uploaded', async () => {
    const othersPhoto = await other.uploadPhoto();
    const refused = await worker.post(`/api/v1/assistance/hardship/mine/${id}/documents`, { photoId: othersPhoto, kind: 'medical', version });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].code).toBe('PHOTO_NOT_YOURS');
    const mine = await worker.uploadPhoto();
    const file = ok(await worker.post(`/api/v1/assistance/hardship/mine/${id}/documents`, { photoId: mine, kind: 'medical', version }));
    expect(file.documents).toHaveLength(1);
    version = file.version;
    // Staff of the union see the document photo; a worker of another file does not.
    expect((await gyq.get(`/api/v1/photos/${mine}`)).status).toBe(200);
    expect((await other.get(`/api/v1/photos/${mine}`)).status).toBe(404);
  });

  it('takes a PDF scan as a document: sniffed, capped at 10 MB, served as a download; a photo-only record refuses it', async () => {
    // Not a PDF by its bytes, though declared one; a PDF on the photo-only route; too large.
    const fake = await worker.uploadDocument(Buffer.from('<script>alert(1)</script>'), 'application/pdf');
    expect(fake.statusCode).toBe(415);
    expect(JSON.parse(fake.body).code).toBe('DOCUMENT_TYPE');
    const onPhotos = await worker.raw('POST', '/api/v1/photos', MINI_PDF, 'application/pdf');
    expect(onPhotos.statusCode).toBe(415);
    expect((await worker.uploadDocument(Buffer.concat([MINI_PDF, Buffer.alloc(10 * 1024 * 1024)]))).statusCode).toBe(413);

    const up = await worker.uploadDocument();
    expect(up.statusCode).toBe(201);
    const pdfId = (JSON.parse(up.body) as { id: string; contentType: string }).id;
    expect(JSON.parse(up.body).contentType).toBe('application/pdf');
    const file = ok(await worker.post(`/api/v1/assistance/hardship/mine/${id}/documents`, { photoId: pdfId, kind: 'income_proof', version }));
    version = file.version;
    expect(file.documents.map((d: { photoId: string; isPdf: boolean }) => [d.photoId === pdfId, d.isPdf])).toEqual([
      [false, false],
      [true, true],
    ]);
    // Staff download it; it is never rendered in the page.
    const got = await gyq.raw('GET', `/api/v1/photos/${pdfId}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toMatch(/^attachment; filename="document-[0-9a-f]{8}\.pdf"$/);
    expect(got.headers['content-security-policy']).toContain("default-src 'none'");
    expect(got.rawPayload.equals(MINI_PDF)).toBe(true);
    expect((await other.get(`/api/v1/photos/${pdfId}`)).status).toBe(404);
    // A record that shows photos as images (a 随手拍 report, a suggestion) refuses a PDF by name.
    const pdf2 = JSON.parse((await worker.uploadDocument()).body).id as string;
    const suggestion = await worker.post('/api/v1/voice/suggestions', { title: '附 PDF 的建议', category: 'process', body: '现状与建议', photoIds: [pdf2] });
    expect(suggestion.status).toBe(400);
    expect(suggestion.body.errors[0].code).toBe('PHOTO_NOT_AN_IMAGE');
  });

  it('is another worker’s 404, and shows in nobody else’s list', async () => {
    expect((await other.get('/api/v1/assistance/hardship/mine')).body.items).toEqual([]);
    const res = await other.post(`/api/v1/assistance/hardship/mine/${id}/household`, { name: '冒充', relation: 'other', monthlyIncomeFen: 0, version });
    expect(res.status).toBe(404);
    expect((await sign(other, id)).status).toBe(404);
  });

  it('needs the signed consent before it is submitted, and the consent is signed once', async () => {
    const early = await worker.post(`/api/v1/assistance/hardship/mine/${id}/submit`, { version });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('HARDSHIP_CONSENT_MISSING');
    const signed = ok(await sign(worker, id));
    expect(signed.consent.version).toBe('2026-1');
    expect((await sign(worker, id)).body.code).toBe('HARDSHIP_CONSENT_SIGNED');
    const file = ok(await worker.post(`/api/v1/assistance/hardship/mine/${id}/submit`, { version: signed.version }));
    expect(file.status).toBe('submitted');
    expect(file.actions).toEqual([]);
    // Now it is the union's work: in the street's 待办, not in another street's.
    expect((await fileTodos(gyq)).get(id)).toMatch(/^KN\d{6} 唐困难：待核实$/);
    expect((await fileTodos(wld)).has(id)).toBe(false);
    version = file.version;
    // A submitted file takes no more household rows, with a problem in both languages.
    const late = await worker.withLang('en').post(`/api/v1/assistance/hardship/mine/${id}/household`, { name: '晚了', relation: 'other', monthlyIncomeFen: 0, version });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'HARDSHIP_STATUS_INVALID', detail: 'The file is awaiting verification: it cannot be edited' });
    const lateZh = await worker.post(`/api/v1/assistance/hardship/mine/${id}/household`, { name: '晚了', relation: 'other', monthlyIncomeFen: 0, version });
    expect(lateZh.body.detail).toBe('档案当前为“待核实”，不能修改');
    expect(lateZh.headers['content-type']).toContain('application/problem+json');
  });

  it('is verified by two different staff; the same one twice is refused', async () => {
    const first = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/verify`, { tier: 'relative', note: '入户核实', version }));
    expect(first.status).toBe('verifying');
    expect(await isMarked(id)).toBe(false);
    const again = await gyq.post(`/api/v1/assistance/hardship/files/${id}/verify`, { tier: 'relative', version: first.version });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('HARDSHIP_VERIFIER_SAME');
    const second = ok(await jbStaff.post(`/api/v1/assistance/hardship/files/${id}/verify`, { tier: 'deep', note: '复核一致', version: first.version }));
    expect(second.status).toBe('verified');
    expect(second.tier).toBe('deep');
    expect((await fileTodos(gyq)).get(id)).toContain('已核实，待公示');
    expect(second.verifications.map((v: { verifierName: string }) => v.verifierName)).toEqual(['观音桥街道工会管理员', '江北区总工会干事']);
    version = second.version;
  });

  it('refuses an illegal transition with a problem, and a stale version with 409', async () => {
    const res = await gyq.post(`/api/v1/assistance/hardship/files/${id}/close-notice`, { version });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('HARDSHIP_STATUS_INVALID');
    expect((await gyq.post(`/api/v1/assistance/hardship/files/${id}/notice`, { startsOn: '2026-03-02', endsOn: '2026-03-08', version: version - 1 })).status).toBe(409);
    const short = await gyq.post(`/api/v1/assistance/hardship/files/${id}/notice`, { startsOn: '2026-03-02', endsOn: '2026-03-04', version });
    expect(short.status).toBe(400);
  });

  it('goes on public notice; an objection must be decided; after the last day it is 在档 and the worker is told', async () => {
    let file = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/notice`, { startsOn: '2026-03-02', endsOn: '2026-03-08', version }));
    expect(file.status).toBe('notice');
    file = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/objections`, { text: '有人反映其家中有营运车辆', version: file.version }));
    const objectionId = file.objections[0].id;
    const early = await gyq.post(`/api/v1/assistance/hardship/files/${id}/close-notice`, { version: file.version });
    expect(early.body.code).toBe('HARDSHIP_NOTICE_NOT_OVER');
    expect((await fileTodos(gyq)).has(id)).toBe(false); // on notice until the 8th
    clock.set('2026-03-09T01:00:00Z');
    expect((await fileTodos(gyq)).get(id)).toContain('公示已于 2026-03-08 期满');
    const pending = await gyq.post(`/api/v1/assistance/hardship/files/${id}/close-notice`, { version: file.version });
    expect(pending.body.code).toBe('HARDSHIP_OBJECTION_PENDING');
    file = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/objections/${objectionId}/decide`, { outcome: 'dismissed', note: '经核实车辆已于去年出售', version: file.version }));
    file = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/close-notice`, { version: file.version }));
    expect(file).toMatchObject({ status: 'active', admittedOn: '2026-03-09', nextReviewOn: '2027-03-09' });
    expect(await isMarked(id)).toBe(true);
    expect((await fileTodos(gyq)).has(id)).toBe(false);
    const told = ((await worker.get('/api/v1/me/notifications')).body.items as { kind: string }[]).filter((n) => n.kind === 'hardship.admitted');
    expect(told).toHaveLength(1);
    const mine = ok(await worker.get('/api/v1/assistance/hardship/mine'));
    expect(mine.items[0].status).toBe('active');
    version = file.version;
  });

  it('reminds the union’s staff once, 30 days before the yearly review, then is reviewed and exits as resolved', async () => {
    clock.set('2027-02-01T01:00:00Z');
    await t.app.services.hardship.remindReviews();
    const ours = async () => ((await gyq.get('/api/v1/me/notifications?pageSize=200')).body.items as { kind: string; body: string }[]).filter((n) => n.kind === 'hardship.review_due' && n.body.includes('唐困难'));
    expect(await ours()).toHaveLength(0);
    clock.set('2027-02-08T01:00:00Z');
    await t.app.services.hardship.remindReviews();
    await t.app.services.hardship.remindReviews();
    expect(await ours()).toHaveLength(1);
    const due = ok(await gyq.get('/api/v1/assistance/hardship/files?isReviewDue=true&pageSize=200'));
    expect(due.items.map((f: { id: string }) => f.id)).toContain(id);
    expect((await fileTodos(gyq)).get(id)).toContain('2027-03-09 前年度复核');

    let file = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/review`, { outcome: 'continue', tier: 'relative', note: '配偶已出院，仍需帮扶', version }));
    expect(file).toMatchObject({ status: 'active', tier: 'relative', nextReviewOn: '2028-02-08' });
    const withdrawnOnly = await gyq.post(`/api/v1/assistance/hardship/files/${id}/exit`, { kind: 'withdrawn', reason: '', version: file.version });
    expect(withdrawnOnly.status).toBe(400);
    file = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/exit`, { kind: 'resolved', reason: '配偶重新就业，家庭收入超过标准', version: file.version }));
    expect(file).toMatchObject({ status: 'exited', exitKind: 'resolved', exitedOn: '2027-02-08' });
    expect(await isMarked(id)).toBe(false);
    expect((await fileTodos(gyq)).has(id)).toBe(false);
    const again = await gyq.post(`/api/v1/assistance/hardship/files/${id}/exit`, { kind: 'withdrawn', reason: '重复', version: file.version });
    expect(again.body.code).toBe('HARDSHIP_STATUS_INVALID');
    const audit = await t.database.query<{ action: string }>("select action from audit_entry where entity_type = 'hardship_file' and entity_id = $1 order by at, id", [id]);
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(['hardship_file.open', 'hardship_file.household_add', 'hardship_file.document_add', 'hardship_file.consent_sign', 'hardship_file.submit', 'hardship_file.verify', 'hardship_file.notice_start', 'hardship_file.objection_add', 'hardship_file.objection_decide', 'hardship_file.notice_close', 'hardship_file.review', 'hardship_file.exit']),
    );
  });
});

describe('staff open files; scope, masking and reveal', () => {
  let id: string;
  let memberId: string;

  it('opens a file for a member in scope only; the opener cannot verify it', async () => {
    const members = ok(await gyq.get('/api/v1/members?q=邻居甲'));
    const membershipId = members.items[0].id;
    expect((await wld.post('/api/v1/assistance/hardship/files', { membershipId, causes: ['disability'] })).status).toBe(400);
    let file = ok(await gyq.post('/api/v1/assistance/hardship/files', { membershipId, causes: ['disability'], selfMonthlyIncomeFen: 120000 }), 201);
    expect(file.openedVia).toBe('staff');
    expect(file.household[0].monthlyIncomeFen).toBe(120000);
    id = file.id;
    file = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/household`, { name: '邻居乙', relation: 'spouse', idNumber: SPOUSE_ID, monthlyIncomeFen: 350000, version: file.version }));
    memberId = file.household[1].id;
    expect(file.incomePerHeadFen).toBe(235000);
    expect(file.isBelowThreshold).toBe(false);
    // Staff cannot sign for the worker: the consent is the worker's own act on the phone.
    expect((await gyq.post(`/api/v1/assistance/hardship/files/${id}/submit`, { version: file.version })).body.code).toBe('HARDSHIP_CONSENT_MISSING');
    const signed = ok(await sign(other, id));
    file = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/submit`, { version: signed.version }));
    const opener = await gyq.post(`/api/v1/assistance/hardship/files/${id}/verify`, { tier: 'accident', version: file.version });
    expect(opener.status).toBe(409);
    expect(opener.body.code).toBe('HARDSHIP_VERIFIER_OPENER');
  });

  it('is invisible to another street', async () => {
    expect((await wld.get(`/api/v1/assistance/hardship/files/${id}`)).status).toBe(404);
    const list = ok(await wld.get('/api/v1/assistance/hardship/files?pageSize=200'));
    expect(list.items.map((f: { id: string }) => f.id)).not.toContain(id);
    expect((await gyq.get('/api/v1/assistance/hardship/files?pageSize=200&q=邻居甲')).body.items.map((f: { id: string }) => f.id)).toContain(id);
  });

  it('reveals an ID number only with assistance.reveal, and audits it', async () => {
    expect((await jbStaff.post(`/api/v1/assistance/hardship/files/${id}/household/${memberId}/reveal`)).status).toBe(403);
    expect((await wld.post(`/api/v1/assistance/hardship/files/${id}/household/${memberId}/reveal`)).status).toBe(404);
    const shown = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/household/${memberId}/reveal`));
    expect(shown.idNumber).toBe(SPOUSE_ID);
    const audit = await t.database.query<{ after: { field: string; householdMemberId: string } }>("select after from audit_entry where action = 'personal_data.read' and entity_type = 'hardship_file' and entity_id = $1", [id]);
    expect(audit).toEqual([{ after: { field: 'idNumber', householdMemberId: memberId } }]);
    // The stored row holds no readable number.
    const [row] = await t.database.query<{ id_number_enc: string }>('select id_number_enc from hardship_household_member where id = $1', [memberId]);
    expect(row!.id_number_enc).not.toContain(SPOUSE_ID);
  });

  it('ends as rejected when an objection is upheld', async () => {
    let file = ok(await gyq.get(`/api/v1/assistance/hardship/files/${id}`));
    file = ok(await jbStaff.post(`/api/v1/assistance/hardship/files/${id}/verify`, { tier: 'accident', version: file.version }));
    file = ok(await jbAdmin.post(`/api/v1/assistance/hardship/files/${id}/verify`, { tier: 'accident', version: file.version }));
    expect(file.status).toBe('verified');
    file = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/notice`, { startsOn: '2027-02-08', endsOn: '2027-02-14', version: file.version }));
    file = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/objections`, { text: '其配偶有稳定收入', version: file.version }));
    file = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/objections/${file.objections[0].id}/decide`, { outcome: 'upheld', note: '核实属实', version: file.version }));
    clock.set('2027-02-15T01:00:00Z');
    file = ok(await gyq.post(`/api/v1/assistance/hardship/files/${id}/close-notice`, { version: file.version }));
    expect(file.status).toBe('rejected');
  });

  it('sets a district’s threshold, not a street’s', async () => {
    const jb = await t.orgId('JB');
    expect((await gyq.put(`/api/v1/assistance/hardship/threshold?orgId=${await t.orgId('JB-GYQ')}`, { monthlyFenPerHead: 90000 })).body.code).toBe('HARDSHIP_THRESHOLD_ORG');
    expect(ok(await jbAdmin.put(`/api/v1/assistance/hardship/threshold?orgId=${jb}`, { monthlyFenPerHead: 110000 }))).toMatchObject({ monthlyFenPerHead: 110000, isOwn: true });
    expect(ok(await gyq.get(`/api/v1/assistance/hardship/threshold?orgId=${await t.orgId('JB-GYQ-LH')}`))).toMatchObject({ orgId: jb, monthlyFenPerHead: 110000, isOwn: false });
  });
});
