import type { JobRunner } from '../../platform/jobs';
import type { HardshipService } from './hardship.service';

export const HARDSHIP_REVIEW_REMINDER_JOB = 'assistance.hardship_review_reminders';

/**
 * The yearly-review reminder on the platform job runner: every morning (Asia/Shanghai) the files
 * whose review falls due within 30 days tell their union's staff, once per due date (a conditional
 * update marks the file). "Now" is the runner's clock, which tests move.
 */
export function registerHardshipJobs(deps: { jobs: Pick<JobRunner, 'register' | 'schedule'>; hardship: Pick<HardshipService, 'remindReviews'> }): void {
  deps.jobs.register(HARDSHIP_REVIEW_REMINDER_JOB, async () => deps.hardship.remindReviews());
  deps.jobs.schedule({ name: HARDSHIP_REVIEW_REMINDER_JOB, kind: HARDSHIP_REVIEW_REMINDER_JOB, cron: '0 7 * * *', timezone: 'Asia/Shanghai' });
}
