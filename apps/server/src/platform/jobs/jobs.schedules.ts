import { Cron } from 'croner';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Clock } from '../clock';
import { enqueueJob } from './jobs.repository';
import { jobSchedule } from './jobs.tables';

export type ScheduleDefinition = {
  /** Stable name, e.g. `notifications.prune`; a slot's job is keyed `schedule:<name>:<slot ISO>`. */
  name: string;
  /** The job kind each slot enqueues (its handler is registered with the runner as usual). */
  kind: string;
  /** Five fields: minute hour day-of-month month day-of-week, e.g. `30 2 * * *` = 02:30 every day. */
  cron: string;
  /** The zone the fields are read in; China has one, without daylight saving. */
  timezone?: string;
  /** Given to each slot's job, with `slot` (the ISO instant of the occurrence) added. */
  payload?: Record<string, unknown>;
  maxAttempts?: number;
};

type Logger = { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };

/** The first slot strictly after `after` (null: the pattern never fires again). */
export function nextSlot(cron: string, timezone: string, after: Date): Date | null {
  return new Cron(cron, { timezone, paused: true }).nextRun(after);
}

/** Throws a clear error for a malformed pattern (at declare time, so a typo fails start-up and tests). */
export function assertCron(cron: string, timezone = 'Asia/Shanghai'): void {
  if (cron.trim().split(/\s+/).length !== 5) throw new Error(`schedule cron "${cron}" must have five fields (minute hour day month weekday)`);
  new Cron(cron, { timezone, paused: true });
}

/**
 * Slots are decided in the database, not in memory: each instance asks for schedules whose
 * `next_run_at` has passed, locks such a row (SKIP LOCKED: another instance is on it), enqueues the
 * slot's job and moves `next_run_at` to the first slot after now. A stretch of missed slots (every
 * instance down) runs once, as the slot that was due, so a nightly job does not run five times
 * after a long outage.
 */
export function createScheduler({ db, clock, log }: { db: Db; clock: Clock; log: Logger }) {
  const declared = new Map<string, Required<Omit<ScheduleDefinition, 'maxAttempts'>> & { maxAttempts: number }>();

  return {
    declare(d: ScheduleDefinition) {
      const timezone = d.timezone ?? 'Asia/Shanghai';
      assertCron(d.cron, timezone);
      declared.set(d.name, { name: d.name, kind: d.kind, cron: d.cron, timezone, payload: d.payload ?? {}, maxAttempts: d.maxAttempts ?? 3 });
    },

    /** Upserts the declared schedules; a changed pattern or zone restarts the slot count from now. */
    async sync(): Promise<void> {
      const now = clock();
      for (const d of declared.values()) {
        const next = nextSlot(d.cron, d.timezone, now);
        if (!next) continue;
        await db
          .insert(jobSchedule)
          .values({ name: d.name, kind: d.kind, cron: d.cron, timezone: d.timezone, payload: d.payload, nextRunAt: next, updatedAt: now })
          .onConflictDoUpdate({
            target: jobSchedule.name,
            set: {
              kind: d.kind,
              payload: d.payload,
              nextRunAt: sql`case when ${jobSchedule.cron} <> ${d.cron} or ${jobSchedule.timezone} <> ${d.timezone} then ${next}::timestamptz else ${jobSchedule.nextRunAt} end`,
              cron: d.cron,
              timezone: d.timezone,
              updatedAt: now,
            },
          });
      }
    },

    /** Enqueues the job of every declared schedule whose slot has come; returns how many. */
    async enqueueDue(): Promise<number> {
      if (declared.size === 0) return 0;
      const now = clock();
      const due = await db
        .select({ name: jobSchedule.name })
        .from(jobSchedule)
        .where(and(inArray(jobSchedule.name, [...declared.keys()]), lte(jobSchedule.nextRunAt, now), eq(jobSchedule.isPaused, false)));
      let n = 0;
      for (const { name } of due) {
        const d = declared.get(name)!;
        try {
          const isEnqueued = await db.transaction(async (tx) => {
            const [row] = await tx
              .select()
              .from(jobSchedule)
              .where(and(eq(jobSchedule.name, name), lte(jobSchedule.nextRunAt, now), eq(jobSchedule.isPaused, false)))
              .for('update', { skipLocked: true });
            if (!row) return false;
            const slot = row.nextRunAt;
            const created = await enqueueJob(tx, {
              kind: row.kind,
              payload: { ...(row.payload as Record<string, unknown>), slot: slot.toISOString() },
              dedupeKey: `schedule:${name}:${slot.toISOString()}`,
              scheduleName: name,
              maxAttempts: d.maxAttempts,
            });
            const next = nextSlot(row.cron, row.timezone, now > slot ? now : slot);
            await tx
              .update(jobSchedule)
              .set({ lastRunAt: slot, lastJobId: created.id, nextRunAt: next ?? new Date('9999-12-31T00:00:00Z'), updatedAt: now })
              .where(eq(jobSchedule.name, name));
            return true;
          });
          if (isEnqueued) n++;
        } catch (error) {
          log.error({ err: error, schedule: name }, 'job schedule: enqueue failed');
        }
      }
      return n;
    },
  };
}
