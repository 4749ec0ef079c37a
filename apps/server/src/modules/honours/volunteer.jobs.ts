import type { JobRunner } from '../../platform/jobs';
import type { VolunteerService } from './volunteer.service';

export const VOLUNTEER_REMINDER_JOB = 'honours.volunteer_reminders';

/**
 * 志愿活动提醒 on the platform job runner: every 15 minutes the volunteers signed up for an activity
 * starting within the next 24 hours are reminded, once per sign-up (the repository claims the rows,
 * so a second instance's run finds nothing left). "Now" is the runner's clock, which tests move.
 */
export function registerVolunteerJobs(deps: { jobs: Pick<JobRunner, 'register' | 'schedule'>; volunteers: Pick<VolunteerService, 'remindUpcoming'> }): void {
  deps.jobs.register(VOLUNTEER_REMINDER_JOB, async () => deps.volunteers.remindUpcoming());
  deps.jobs.schedule({ name: VOLUNTEER_REMINDER_JOB, kind: VOLUNTEER_REMINDER_JOB, cron: '*/15 * * * *' });
}
