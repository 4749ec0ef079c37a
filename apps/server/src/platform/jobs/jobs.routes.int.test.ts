import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { enqueueJob } from './jobs.repository';

let t: TestApp;
beforeAll(async () => {
  // No runner in this instance: the jobs stay as the test leaves them.
  t = await createTestApp();
  await t.app.jobs.stop();
});
afterAll(() => t.close());

describe('后台任务 for administrators', () => {
  it('lists failed and dead jobs with their errors, retries one and cancels a queued one, audited', async () => {
    const jb = await t.orgId('JB');
    const [dead] = await t.database.query<{ id: string }>(
      "insert into job (kind, org_id, status, attempts, max_attempts, error, error_code, finished_at) values ('test.report', $1, 'dead', 3, 3, 'connection refused', 'INTERNAL', now()) returning id",
      [jb],
    );
    const queued = await enqueueJob(t.database.db, { kind: 'test.report', orgId: jb, runAt: new Date(Date.now() + 3_600_000) });
    const admin = await t.login('admin');

    const list = await admin.get('/api/v1/jobs?status=failed,dead&pageSize=50');
    expect(list.status).toBe(200);
    const item = list.body.items.find((j: any) => j.id === dead!.id);
    expect(item).toMatchObject({ status: 'dead', attempts: 3, errorText: 'connection refused', error: { code: 'INTERNAL', title: '服务器内部错误' }, org: { id: jb } });
    expect(list.body.items.every((j: any) => ['failed', 'dead'].includes(j.status))).toBe(true);
    expect((await admin.get('/api/v1/jobs/summary')).body.counts.dead).toBeGreaterThanOrEqual(1);

    const retried = await admin.post(`/api/v1/jobs/${dead!.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'queued', attempts: 0, error: null, runAt: null });
    expect((await admin.post(`/api/v1/jobs/${dead!.id}/retry`)).body).toMatchObject({ status: 409, code: 'JOB_STATE' });

    const cancelled = await admin.post(`/api/v1/jobs/${queued.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', error: { code: 'JOB_CANCELLED' } });
    const audit = await t.database.query<{ action: string }>("select action from audit_entry where entity_type = 'job' and entity_id in ($1, $2) order by at", [dead!.id, queued.id]);
    expect(audit.map((a) => a.action)).toEqual(['job.retry', 'job.cancel']);
  });

  it('shows a union admin only jobs of their subtree, and keeps schedules and others out of reach', async () => {
    const gyq = await t.orgId('JB-GYQ');
    const wld = await t.orgId('JB-WLD');
    const mine = await enqueueJob(t.database.db, { kind: 'test.scoped', orgId: gyq });
    const theirs = await enqueueJob(t.database.db, { kind: 'test.scoped', orgId: wld });
    const global = await enqueueJob(t.database.db, { kind: 'test.scoped' });
    const street = await t.login('gyq.admin');
    const ids = (await street.get('/api/v1/jobs?kind=test.scoped')).body.items.map((j: any) => j.id);
    expect(ids).toEqual([mine.id]);
    expect((await street.get(`/api/v1/jobs/${theirs.id}`)).status).toBe(404);
    expect((await street.post(`/api/v1/jobs/${global.id}/cancel`)).status).toBe(404);
    expect((await street.get('/api/v1/job-schedules')).body).toMatchObject({ status: 403, code: 'JOB_SCHEDULE_GLOBAL_ONLY' });
    expect((await (await t.login('jb.staff')).get('/api/v1/jobs')).status).toBe(403);
    const worker = await t.loginWorker('13800000001');
    expect((await worker.get('/api/v1/jobs')).status).toBe(403);
  });

  it('lists the schedules and runs one now, outside its slots', async () => {
    const admin = await t.login('admin');
    const schedules = await admin.get('/api/v1/job-schedules');
    expect(schedules.status).toBe(200);
    const prune = schedules.body.find((s: any) => s.name === 'notification.prune');
    expect(prune).toMatchObject({ kind: 'notification.prune', cron: '40 3 * * *', timezone: 'Asia/Shanghai', isPaused: false });
    const paused = await admin.post('/api/v1/job-schedules/notification.prune/pause');
    expect(paused.body.isPaused).toBe(true);
    const run = await admin.post('/api/v1/job-schedules/notification.prune/run');
    expect(run.body).toMatchObject({ kind: 'notification.prune', status: 'queued', scheduleName: 'notification.prune', createdByName: expect.any(String) });
    expect((await admin.post('/api/v1/job-schedules/nope/run')).status).toBe(404);
  });
});
