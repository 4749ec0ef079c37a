import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { createFakeClock } from '../clock';
import { enqueueJob } from './jobs.repository';
import { backoffMs, createJobRunner, type JobOutcome } from './jobs.runner';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Row = { status: string; attempts: number; error: string | null; error_code: string | null; run_at: Date | null };
const rowOf = async (id: string) => (await t.database.query<Row>('select status, attempts, error, error_code, run_at from job where id = $1', [id]))[0]!;

describe('retries, backoff and the dead letter', () => {
  it('doubles the wait after each unexpected failure, caps it, and kills the job after maxAttempts', async () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, { baseMs: 1000, maxMs: 5000 }))).toEqual([1000, 2000, 4000, 5000]);
    const clock = createFakeClock();
    const outcomes: JobOutcome['status'][] = [];
    const runner = createJobRunner({ db: t.database.db, clock, runnerId: 'retry' });
    runner.register(
      'test.flaky',
      async () => {
        throw new Error('gateway down');
      },
      { retry: { baseMs: 60_000, maxMs: 90_000 }, onSettled: async (_tx, _job, outcome) => void outcomes.push(outcome.status) },
    );
    const job = await enqueueJob(t.database.db, { kind: 'test.flaky', maxAttempts: 3 });

    expect(await runner.drain()).toBe(1);
    let row = await rowOf(job.id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, error: 'gateway down', error_code: 'INTERNAL' });
    expect(row.run_at!.getTime() - clock().getTime()).toBe(60_000);
    // Not due yet: nothing runs until the clock passes the backoff.
    clock.advance(59_000);
    expect(await runner.drain()).toBe(0);
    clock.advance(1_000);
    expect(await runner.drain()).toBe(1);
    row = await rowOf(job.id);
    expect(row).toMatchObject({ status: 'queued', attempts: 2 });
    expect(row.run_at!.getTime() - clock().getTime()).toBe(90_000); // 120 s capped at 90 s
    clock.advance(90_000);
    expect(await runner.drain()).toBe(1);
    expect(await rowOf(job.id)).toMatchObject({ status: 'dead', attempts: 3, error: 'gateway down' });
    expect(outcomes).toEqual(['dead']);
  });

  it('does not retry a kind registered with retry: false', async () => {
    const runner = createJobRunner({ db: t.database.db });
    runner.register('test.once', async () => {
      throw new Error('no second chance');
    }, { retry: false });
    const job = await enqueueJob(t.database.db, { kind: 'test.once' });
    await runner.drain();
    expect(await rowOf(job.id)).toMatchObject({ status: 'failed', attempts: 1, error_code: 'INTERNAL' });
  });

  it('runs a delayed job only once its time has come', async () => {
    const clock = createFakeClock();
    const ran: string[] = [];
    const runner = createJobRunner({ db: t.database.db, clock });
    runner.register('test.reminder', async ({ job }) => void ran.push(job.id));
    const job = await enqueueJob(t.database.db, { kind: 'test.reminder', runAt: new Date(clock().getTime() + 3_600_000) });
    expect(await runner.drain()).toBe(0);
    clock.advance(3_600_000);
    expect(await runner.drain()).toBe(1);
    expect(ran).toEqual([job.id]);
  });

  it('returns the existing job for a dedupe key, and cancels one that has not started', async () => {
    const a = await enqueueJob(t.database.db, { kind: 'test.unique', dedupeKey: 'offer:42', runAt: new Date(Date.now() + 86_400_000) });
    const b = await enqueueJob(t.database.db, { kind: 'test.unique', dedupeKey: 'offer:42' });
    expect(b.id).toBe(a.id);
    const { cancelQueuedJobs } = await import('./jobs.repository');
    expect(await cancelQueuedJobs(t.database.db, { dedupeKey: 'offer:42' })).toBe(1);
    expect((await rowOf(a.id)).status).toBe('cancelled');
  });

  it('stops a running job at its next progress report when it is cancelled', async () => {
    const runner = createJobRunner({ db: t.database.db });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reached = 0;
    runner.register('test.long', async (ctx) => {
      reached = 1;
      await gate;
      await ctx.progress(0.5, 'halfway', true);
      reached = 2;
    });
    const job = await enqueueJob(t.database.db, { kind: 'test.long' });
    const draining = runner.drain();
    while (reached === 0) await new Promise((r) => setTimeout(r, 10));
    await t.database.query("update job set is_cancel_requested = true where id = $1", [job.id]);
    release();
    await draining;
    expect(reached).toBe(1);
    expect(await rowOf(job.id)).toMatchObject({ status: 'cancelled', error_code: 'JOB_CANCELLED' });
  });
});
