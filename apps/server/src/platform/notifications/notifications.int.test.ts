import { idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStation } from '../../modules/stars/testing';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { notify } from './notify';

let t: TestApp;
let gyq: Client;
let jb: Client;
beforeAll(async () => {
  t = await createTestApp();
  gyq = await t.login('gyq.admin');
  jb = await t.login('jb.admin');
});
afterAll(() => t.close());

const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);
const until = async <T>(read: () => Promise<T>, isDone: (v: T) => boolean, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (isDone(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('an application, from the worker to the staff bell and back', () => {
  it('tells the union staff (not the platform admin), waits in their 待办, and tells the worker the decision by message and SMS', async () => {
    const worker = await t.loginWorker('13900000311');
    expect((await worker.request('PUT', '/api/v1/me/notification-preference', { isSmsEnabled: true })).body).toEqual({ isSmsEnabled: true, language: 'zh-CN', hasPhone: true });
    const before = (await gyq.get('/api/v1/me/notifications/unread-count')).body.unread;
    const applied = await worker.post('/api/v1/members/applications', {
      realName: '李强',
      idNumber: idNumber('50010519900305123'),
      employmentForm: 'delivery_rider',
      orgId: await t.orgId('JB-GYQ-LH'),
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const membershipId = applied.body.membership.id;

    expect((await gyq.get('/api/v1/me/notifications/unread-count')).body.unread).toBe(before + 1);
    const bell = await gyq.get('/api/v1/me/notifications?filter=unread&pageSize=5');
    expect(bell.body.items[0]).toMatchObject({ kind: 'member.applied', title: '新的入会申请', link: `/admin/members/applications/${membershipId}`, isRead: false, entityId: membershipId });
    expect(bell.body.items[0].body).toContain('李强');
    expect((await jb.get('/api/v1/me/notifications?pageSize=5')).body.items[0].kind).toBe('member.applied');
    expect((await jb.withLang('en').get('/api/v1/me/notifications?pageSize=5')).body.items[0].title).toBe('New membership application');
    expect((await (await t.login('wld.admin')).get('/api/v1/me/notifications?pageSize=50')).body.items.some((n: any) => n.entityId === membershipId)).toBe(false);
    expect((await (await t.login('admin')).get('/api/v1/me/notifications?pageSize=50')).body.items.some((n: any) => n.entityId === membershipId)).toBe(false);

    const todos = await gyq.get(`/api/v1/me/todos?orgId=${await t.orgId('JB-GYQ-LH')}&limit=50`);
    const group = todos.body.groups.find((g: any) => g.kind === 'member_application');
    expect(group.items.some((i: any) => i.id === membershipId && i.title.includes('李强') && i.link === `/admin/members/applications/${membershipId}`)).toBe(true);
    // A street's 待办 never shows another street's.
    const wldTodos = await (await t.login('wld.admin')).get('/api/v1/me/todos');
    expect(JSON.stringify(wldTodos.body)).not.toContain(membershipId);

    const approved = await gyq.post(`/api/v1/members/${membershipId}/approve`, { version: 1 });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const after = await gyq.get('/api/v1/me/todos');
    expect(JSON.stringify(after.body)).not.toContain(membershipId);

    const messages = await worker.get('/api/v1/me/notifications');
    expect(messages.body.unread).toBe(1);
    expect(messages.body.items[0]).toMatchObject({ kind: 'member.approved', title: '入会申请已通过', link: '/m/me/card' });
    expect(messages.body.items[0].body).toContain(approved.body.memberNumber);
    // The SMS goes out as a job after the commit, on whichever instance claims it.
    await t.app.jobs.drain();
    const sms = await until(async () => t.sms.outbox.filter((m) => m.phone === '13900000311' && m.text.includes('入会')), (m) => m.length > 0);
    expect(sms[0]!.text).toMatch(/^【娘家】入会申请已通过：欢迎加入/);
    const [row] = await t.database.query<{ sms_status: string }>("select sms_status from notification where recipient_id = (select id from app_user where phone = '13900000311')");
    expect(row!.sms_status).toBe('sent');
  });

  it('tells a rejected applicant why, without SMS when they did not choose it', async () => {
    const worker = await t.loginWorker('13900000312');
    const applied = await worker.post('/api/v1/members/applications', { realName: '王小明', idNumber: idNumber('50010519920415123'), employmentForm: 'courier', orgId: await t.orgId('JB-GYQ-LH') });
    const rejected = await gyq.post(`/api/v1/members/${applied.body.membership.id}/reject`, { version: 1, reason: '单位信息不完整' });
    expect(rejected.status).toBe(200);
    const msg = (await worker.get('/api/v1/me/notifications')).body.items[0];
    expect(msg).toMatchObject({ kind: 'member.rejected', link: '/m/me/membership' });
    expect(msg.body).toContain('单位信息不完整');
    await t.app.jobs.drain();
    expect(t.sms.outbox.some((m) => m.phone === '13900000312' && m.text.includes('单位信息'))).toBe(false);
  });
});

describe('my messages', () => {
  it('pages, marks one and all read, and answers 404 for someone else’s', async () => {
    const worker = await t.loginWorker('13900000313');
    const other = await t.loginWorker('13900000314');
    const me = (await worker.get('/api/v1/auth/me')).body.user.id;
    for (let i = 0; i < 3; i++) await t.database.db.transaction((tx) => notify(tx, { to: { userIds: [me] }, kind: 'test.note', title: { 'zh-CN': `第 ${i + 1} 条`, en: `Note ${i + 1}` }, link: '/m/me' }));
    const page = await worker.get('/api/v1/me/notifications?pageSize=2');
    expect(page.body).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 2 });
    expect(page.body.items.map((n: any) => n.title)).toEqual(['第 3 条', '第 2 条']);
    const id = page.body.items[0].id;
    expect((await other.post(`/api/v1/me/notifications/${id}/read`)).status).toBe(404);
    expect((await worker.post(`/api/v1/me/notifications/${id}/read`)).body).toMatchObject({ id, isRead: true });
    expect((await worker.get('/api/v1/me/notifications/unread-count')).body.unread).toBe(2);
    expect((await worker.get('/api/v1/me/notifications?filter=unread')).body.total).toBe(2);
    expect((await worker.post('/api/v1/me/notifications/read-all')).body).toEqual({ marked: 2, unread: 0 });
    expect((await worker.get('/api/v1/me/notifications/unread-count')).body.unread).toBe(0);
    expect((await t.anon.get('/api/v1/me/notifications')).status).toBe(401);
  });

  it('refuses SMS for an account without a phone, and audits the choice', async () => {
    const staff = await t.login('jb.staff');
    const res = await staff.request('PUT', '/api/v1/me/notification-preference', { isSmsEnabled: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'isSmsEnabled', message: '账号没有手机号，无法接收短信' })]);
    const worker = await t.loginWorker('13900000315');
    expect((await worker.request('PUT', '/api/v1/me/notification-preference', { isSmsEnabled: true, language: 'en' })).status).toBe(200);
    const audit = await t.database.query<{ after: unknown }>("select after from audit_entry where action = 'notification_preference.update' and actor_id = (select id from app_user where phone = '13900000315')");
    expect(audit).toEqual([{ after: { isSmsEnabled: true, language: 'en' } }]);
    expect((await worker.request('PUT', '/api/v1/me/notification-preference', { isSmsEnabled: 'yes' })).status).toBe(400);
  });

  it('keeps confidential details out of the SMS, and writes nothing when the transaction rolls back', async () => {
    const worker = await t.loginWorker('13900000316');
    await worker.request('PUT', '/api/v1/me/notification-preference', { isSmsEnabled: true });
    const me = (await worker.get('/api/v1/auth/me')).body.user.id;
    await t.database.db.transaction((tx) =>
      notify(tx, { to: { userIds: [me] }, kind: 'rights.case', title: { 'zh-CN': '您的欠薪案件已受理', en: 'Your wage case was accepted' }, body: { 'zh-CN': '某某公司拖欠工资 8,000 元', en: 'Company owes 8,000 yuan' }, link: '/m/me', sms: true, isConfidential: true }),
    );
    await expect(
      t.database.db.transaction(async (tx) => {
        await notify(tx, { to: { userIds: [me] }, kind: 'test.rollback', title: { 'zh-CN': '不应出现', en: 'Must not appear' }, sms: true });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await t.app.jobs.drain();
    const texts = await until(async () => t.sms.outbox.filter((m) => m.phone === '13900000316' && !m.text.includes('验证码')).map((m) => m.text), (m) => m.length > 0);
    expect(texts).toEqual(['【娘家】您有一条新消息，请登录娘家查看。']);
    const titles = (await worker.get('/api/v1/me/notifications')).body.items.map((n: any) => n.title);
    expect(titles).toEqual(['您的欠薪案件已受理']);
  });

  it('refuses a link outside the faces', async () => {
    await expect(t.database.db.transaction((tx) => notify(tx, { to: { userIds: [] }, kind: 'x', title: { 'zh-CN': 'x', en: 'x' }, link: 'https://evil.example/' }))).rejects.toThrow(/link/);
    await expect(t.database.db.transaction((tx) => notify(tx, { to: { userIds: [] }, kind: 'x', title: { 'zh-CN': 'x', en: 'x' }, link: '/admin//evil.example' }))).rejects.toThrow(/link/);
  });
});

describe('feedback, from the worker to the staff bell and back', () => {
  it('tells the street and district staff of a report, keeps it in their 待办 until resolved, then tells the worker', async () => {
    const station = await makeStation(t, gyq, { code: 'JB-T-NT1', org: 'JB-GYQ' });
    const worker = await t.loginWorker('13900000317');
    const reported = await worker.post(`/api/v1/feedback/positions/${station.code}/issues`, { category: 'facility_broken', text: '充电器坏了' });
    expect(reported.status).toBe(201);
    const id = reported.body.id;
    const bell = (await jb.get('/api/v1/me/notifications?pageSize=5')).body.items[0];
    expect(bell).toMatchObject({ kind: 'feedback.new', title: '新的职工反馈', link: `/admin/positions/feedback?issue=${id}` });
    expect(bell.body).toContain('设施损坏');
    const group = (await jb.get(`/api/v1/me/todos?orgId=${await t.orgId('JB-GYQ')}&limit=50`)).body.groups.find((g: any) => g.kind === 'feedback');
    expect(group.items.some((i: any) => i.id === id)).toBe(true);
    expect(group.items[0].at <= group.items.at(-1).at).toBe(true);

    const resolved = await gyq.post(`/api/v1/feedback/issues/${id}/resolve`, { note: '已更换新的充电器', version: 1 });
    expect(resolved.status).toBe(200);
    expect(JSON.stringify((await jb.get('/api/v1/me/todos?limit=50')).body)).not.toContain(id);
    const msg = (await worker.get('/api/v1/me/notifications')).body.items[0];
    expect(msg).toMatchObject({ kind: 'feedback.resolved', title: '您的反馈已处理', link: '/m/me/feedback' });
    expect(msg.body).toContain('已更换新的充电器');
  });

  it('answers 404 for a 待办 scope outside the staff member’s own', async () => {
    expect((await gyq.get(`/api/v1/me/todos?orgId=${await t.orgId('JB-WLD')}`)).status).toBe(404);
    expect((await gyq.get(`/api/v1/me/todos?orgId=${await t.orgId('JB')}`)).status).toBe(200);
    const worker = await t.loginWorker('13900000318');
    expect((await worker.get('/api/v1/me/todos')).body).toEqual({ total: 0, groups: [] });
  });
});
