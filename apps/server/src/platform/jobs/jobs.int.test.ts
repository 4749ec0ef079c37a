import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { AppError } from '../errors';
import { createJobRunner } from './jobs.runner';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('job runner', () => {
  it('two runners on one database never run the same job twice', async () => {
    const runs: string[] = [];
    const make = (name: string) => {
      const runner = createJobRunner({ db: t.database.db, pollMs: 20, runnerId: name });
      runner.register('test.twice', async (ctx) => {
        runs.push(ctx.job.id);
        await ctx.progress(0.5, `${name} halfway`, true);
        await sleep(5);
        return { by: name };
      });
      return runner;
    };
    const [a, b] = [make('runner-a'), make('runner-b')];
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await a.enqueue(t.database.db, { kind: 'test.twice', payload: { i } })).id);
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    expect(runs.toSorted()).toEqual(ids.toSorted());
    const rows = await t.database.query<{ status: string; attempts: number; progress: number; by: string }>(
      "select status, attempts, progress, result->>'by' as by from job where kind = 'test.twice'",
    );
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.status === 'succeeded' && r.attempts === 1 && r.progress === 1)).toBe(true);
  });

  it('polls, takes a kick, and marks a job failed with its error when the handler refuses (AppError)', async () => {
    const runner = createJobRunner({ db: t.database.db, pollMs: 10_000 });
    runner.register('test.fail', async () => {
      throw new AppError('CONFLICT', { cause: new Error('boom') });
    });
    await runner.start();
    try {
      const job = await runner.enqueue(t.database.db, { kind: 'test.fail' });
      runner.kick();
      let row: { status: string; error: string; error_code: string } | undefined;
      for (let i = 0; i < 100 && row?.status !== 'failed'; i++) {
        await sleep(20);
        row = (await t.database.query<{ status: string; error: string; error_code: string }>('select status, error, error_code from job where id = $1', [job.id]))[0];
      }
      expect(row).toMatchObject({ status: 'failed', error: 'CONFLICT ← boom', error_code: 'CONFLICT' });
    } finally {
      await runner.stop();
    }
  });

  it('requeues a running job whose runner died (lease expired), and gives up after maxAttempts', async () => {
    const ran: string[] = [];
    const runner = createJobRunner({ db: t.database.db, runnerId: 'survivor' });
    runner.register('test.stale', async ({ job }) => {
      ran.push(job.id);
    });
    const [orphan] = await t.database.query<{ id: string }>(
      "insert into job (kind, status, attempts, locked_by, locked_until, heartbeat_at) values ('test.stale', 'running', 1, 'dead', now() - interval '1 minute', now() - interval '2 minutes') returning id",
    );
    const [alive] = await t.database.query<{ id: string }>(
      "insert into job (kind, status, attempts, locked_by, locked_until) values ('test.stale', 'running', 1, 'busy', now() + interval '1 minute') returning id",
    );
    const [hopeless] = await t.database.query<{ id: string }>(
      "insert into job (kind, status, attempts, max_attempts, locked_by, locked_until) values ('test.stale', 'running', 3, 3, 'dead', now() - interval '1 minute') returning id",
    );
    expect(await runner.drain()).toBe(1);
    expect(ran).toEqual([orphan!.id]);
    const rows = await t.database.query<{ id: string; status: string; attempts: number; locked_by: string | null; error_code: string | null }>(
      "select id, status, attempts, locked_by, error_code from job where kind = 'test.stale'",
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(orphan!.id)).toMatchObject({ status: 'succeeded', attempts: 2, locked_by: null });
    expect(byId.get(alive!.id)).toMatchObject({ status: 'running', attempts: 1, locked_by: 'busy' });
    expect(byId.get(hopeless!.id)).toMatchObject({ status: 'dead', attempts: 3, error_code: 'JOB_ABANDONED' });
  });
});
