import type { JobRunner } from '../../platform/jobs';
import type { EnterprisesService } from './enterprises.service';

export const ORGANIZING_SWEEP_JOB = 'organizing.sweep';

/**
 * The overdue-step reminders, one job per hour slot across all instances (platform/jobs
 * schedules). The sweep claims each step for the day before it notifies, so a retried or late slot
 * sends nothing twice; "now" is the runner's clock, which tests move.
 */
export function registerOrganizingJobs(deps: { jobs: Pick<JobRunner, 'register' | 'schedule' | 'clock'>; enterprises: Pick<EnterprisesService, 'sweepReminders'> }): void {
  const { jobs, enterprises } = deps;
  jobs.register(ORGANIZING_SWEEP_JOB, async () => enterprises.sweepReminders(jobs.clock()));
  jobs.schedule({ name: ORGANIZING_SWEEP_JOB, kind: ORGANIZING_SWEEP_JOB, cron: '17 * * * *' });
}
