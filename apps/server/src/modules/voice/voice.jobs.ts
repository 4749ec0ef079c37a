import type { JobRunner } from '../../platform/jobs';
import type { VoiceService } from './voice.service';

export const VOICE_SWEEP_JOB = 'voice.sweep';

/**
 * The time-limit sweep of 随手拍 reports, every 15 minutes across all instances: overdue open
 * reports move one level up the tree (the sweep locks them, so two runners never move one twice).
 * "Now" is the runner's clock, which tests move.
 */
export function registerVoiceJobs(deps: { jobs: Pick<JobRunner, 'register' | 'schedule' | 'clock'>; voice: Pick<VoiceService, 'sweepOverdue'> }): void {
  const { jobs, voice } = deps;
  jobs.register(VOICE_SWEEP_JOB, async () => voice.sweepOverdue(jobs.clock()));
  jobs.schedule({ name: VOICE_SWEEP_JOB, kind: VOICE_SWEEP_JOB, cron: '*/15 * * * *' });
}
