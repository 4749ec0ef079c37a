import type { JobRunner } from '../../platform/jobs';
import type { RightsServices } from './rights.services';

export const RIGHTS_SWEEP_JOB = 'rights.sweep';

/**
 * The module's scheduled work, one job per hour slot across all instances (platform/jobs
 * schedules): the deadline reminders (7, 3, 1 days; overdue) and the quarterly-form reminders of
 * monitoring points. Both sweeps are idempotent (unique keys on what they send), so a retried or
 * late slot sends nothing twice; "now" is the runner's clock, which tests move.
 */
export function registerRightsJobs(deps: { jobs: Pick<JobRunner, 'register' | 'schedule' | 'clock'>; rights: Pick<RightsServices, 'reminders' | 'monitoring'> }): void {
  const { jobs, rights } = deps;
  jobs.register(RIGHTS_SWEEP_JOB, async () => {
    const at = jobs.clock();
    const deadlines = await rights.reminders.sweep(at);
    const forms = await rights.monitoring.sweepReports(at);
    return { ...deadlines, formReminders: forms };
  });
  jobs.schedule({ name: RIGHTS_SWEEP_JOB, kind: RIGHTS_SWEEP_JOB, cron: '7 * * * *' });
}
