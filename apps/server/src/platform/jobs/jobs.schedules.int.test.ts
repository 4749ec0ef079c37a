import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { createFakeClock } from '../clock';
import { createJobRunner } from './jobs.runner';
import { assertCron, nextSlot } from './jobs.schedules';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('cron-like schedules', () => {
  it('reads the fields in Asia/Shanghai', () => {
    expect(nextSlot('30 2 * * *', 'Asia/Shanghai', new Date('2030-03-01T00:00:00Z'))!.toISOString()).toBe('2030-03-01T18:30:00.000Z');
    expect(() => assertCron('every day')).toThrow(/five fields/);
    expect(() => assertCron('61 * * * *')).toThrow();
  });

  // Fake clocks run ahead of real time: the test app's own runner (real clock) must not take the
  // fake runners' leases for expired ones. Every runner on one database has to share one clock.
  it('runs each slot once although two instances poll it, and an outage costs one catch-up run, not one per missed slot', async () => {
    const clock = createFakeClock('2030-03-01T00:00:00Z');
    const ran: string[] = [];
    const make = (id: string) => {
      const runner = createJobRunner({ db: t.database.db, clock, runnerId: id });
      runner.register('test.nightly', async ({ job }) => void ran.push((job.payload as { slot: string }).slot));
      runner.schedule({ name: 'test.nightly', kind: 'test.nightly', cron: '0 3 * * *' });
      return runner;
    };
    const a = make('a');
    const b = make('b');
    await Promise.all([a.syncSchedules(), b.syncSchedules()]);
    const [row] = await t.database.query<{ next_run_at: Date }>("select next_run_at from job_schedule where name = 'test.nightly'");
    expect(row!.next_run_at.toISOString()).toBe('2030-03-01T19:00:00.000Z'); // 03:00 on 2 March in Shanghai

    expect(await Promise.all([a.drain(), b.drain()])).toEqual([0, 0]);
    clock.set('2030-03-01T19:00:05Z');
    for (let i = 0; i < 3; i++) await Promise.all([a.drain(), b.drain(), a.drain()]);
    expect(ran).toEqual(['2030-03-01T19:00:00.000Z']);

    // Everything down for three nights: the slot that was due runs once, then it goes on from now.
    clock.set('2030-03-05T01:00:00Z');
    await Promise.all([a.drain(), b.drain()]);
    expect(ran).toEqual(['2030-03-01T19:00:00.000Z', '2030-03-02T19:00:00.000Z']);
    const [after] = await t.database.query<{ next_run_at: Date; last_run_at: Date }>("select next_run_at, last_run_at from job_schedule where name = 'test.nightly'");
    expect(after!.next_run_at.toISOString()).toBe('2030-03-05T19:00:00.000Z');
    const jobs = await t.database.query<{ dedupe_key: string; status: string }>("select dedupe_key, status from job where schedule_name = 'test.nightly' order by created_at");
    expect(jobs).toEqual([
      { dedupe_key: 'schedule:test.nightly:2030-03-01T19:00:00.000Z', status: 'succeeded' },
      { dedupe_key: 'schedule:test.nightly:2030-03-02T19:00:00.000Z', status: 'succeeded' },
    ]);
  });

  it('enqueues nothing while paused, and restarts the count when the pattern changes', async () => {
    const clock = createFakeClock('2030-04-01T00:00:00Z');
    const runner = createJobRunner({ db: t.database.db, clock });
    runner.register('test.hourly', async () => undefined);
    runner.schedule({ name: 'test.hourly', kind: 'test.hourly', cron: '0 * * * *' });
    await runner.syncSchedules();
    await t.database.query("update job_schedule set is_paused = true where name = 'test.hourly'");
    clock.advance(3 * 3_600_000);
    expect(await runner.drain()).toBe(0);
    await t.database.query("update job_schedule set is_paused = false where name = 'test.hourly'");
    expect(await runner.drain()).toBe(1);

    const changed = createJobRunner({ db: t.database.db, clock });
    changed.register('test.hourly', async () => undefined);
    changed.schedule({ name: 'test.hourly', kind: 'test.hourly', cron: '30 9 * * 1' });
    await changed.syncSchedules();
    const [row] = await t.database.query<{ cron: string; next_run_at: Date }>("select cron, next_run_at from job_schedule where name = 'test.hourly'");
    expect(row).toEqual({ cron: '30 9 * * 1', next_run_at: new Date('2030-04-08T01:30:00.000Z') }); // Monday 09:30 Shanghai
  });
});
