import { z } from 'zod';
import type { JobRunner } from '../../platform/jobs';
import { OFFER_EXPIRY_JOB, type RegistrationsService } from './registrations.service';

export const EVENTS_SWEEP_JOB = 'events.sweep';
const offerPayload = z.object({ registrationId: z.uuid() });

/**
 * The module's scheduled work on the platform job runner: each offer's expiry is its own job, run
 * at the end of the hold (so the place moves on with nobody watching); a sweep every 10 minutes
 * expires any offer a lost job left behind and sends the day-before reminders (once per place: a
 * conditional update marks it). "Now" is the runner's clock, which tests move.
 */
export function registerEventsJobs(deps: { jobs: Pick<JobRunner, 'register' | 'schedule' | 'clock'>; registrations: Pick<RegistrationsService, 'expireOffer' | 'sweep'> }): void {
  const { jobs, registrations } = deps;
  jobs.register(OFFER_EXPIRY_JOB, async (ctx) => {
    const { registrationId } = offerPayload.parse(ctx.job.payload);
    return { expired: await registrations.expireOffer(registrationId) };
  });
  jobs.register(EVENTS_SWEEP_JOB, async () => registrations.sweep(jobs.clock()));
  jobs.schedule({ name: EVENTS_SWEEP_JOB, kind: EVENTS_SWEEP_JOB, cron: '*/10 * * * *' });
}
