import type { JobRunner } from '../../platform/jobs';
import type { MatchmakingService } from './matchmaking.service';

export const MATCHMAKING_REVEAL_JOB = 'events.matchmaking_reveal';

/**
 * Reveals the matches of every matchmaking event whose picks window has closed, every 10 minutes,
 * so the figures count them even if no participant opened the page (reads reveal on their own too).
 */
export function registerMatchmakingJobs(deps: { jobs: Pick<JobRunner, 'register' | 'schedule'>; matchmaking: Pick<MatchmakingService, 'revealDue'> }): void {
  deps.jobs.register(MATCHMAKING_REVEAL_JOB, async () => ({ revealed: await deps.matchmaking.revealDue() }));
  deps.jobs.schedule({ name: MATCHMAKING_REVEAL_JOB, kind: MATCHMAKING_REVEAL_JOB, cron: '*/10 * * * *' });
}
