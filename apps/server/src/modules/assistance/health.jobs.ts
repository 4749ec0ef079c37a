import type { JobRunner } from '../../platform/jobs';
import type { HealthService } from './health.service';

export const HEALTH_REMINDER_JOB = 'assistance.health_reminders';

/**
 * 体检提醒 on the platform job runner: every evening at 18:00 (Asia/Shanghai) the members booked for
 * tomorrow are reminded, once per booking (the repository claims the rows). "Now" is the runner's
 * clock, which tests move.
 */
export function registerHealthJobs(deps: { jobs: Pick<JobRunner, 'register' | 'schedule'>; health: Pick<HealthService, 'remindTomorrow'> }): void {
  deps.jobs.register(HEALTH_REMINDER_JOB, async () => deps.health.remindTomorrow());
  deps.jobs.schedule({ name: HEALTH_REMINDER_JOB, kind: HEALTH_REMINDER_JOB, cron: '0 18 * * *', timezone: 'Asia/Shanghai' });
}
