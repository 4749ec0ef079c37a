/**
 * Activities (文体活动): events with eligibility, quotas per union and group, registration on the
 * phone and by staff rosters, the waiting list with timed offers, QR tickets and notifications.
 */
import type { EventsDeps } from './events.shared';
import { createEventsService } from './events.service';
import { createRegistrationsService } from './registrations.service';
import { createCheckinService } from './checkin.service';
import { createTournamentService } from './tournament.service';
import { createMatchmakingService } from './matchmaking.service';
import { createContestService } from './contest.service';

export function createEventsServices(deps: EventsDeps) {
  const registrations = createRegistrationsService(deps);
  return {
    events: createEventsService(deps, registrations),
    registrations,
    checkin: createCheckinService(deps, registrations),
    tournament: createTournamentService(deps),
    matchmaking: createMatchmakingService(deps),
    contests: createContestService(deps),
  };
}
export type EventsServices = ReturnType<typeof createEventsServices>;
export { eventsRoutes } from './events.routes';
export { tournamentRoutes } from './tournament.routes';
export { registerEventsJobs, EVENTS_SWEEP_JOB } from './events.jobs';
export { OFFER_EXPIRY_JOB } from './registrations.service';
export { signTicket, verifyTicket } from './events.ticket';
export { event, eventQuota, eventRegistration } from './events.tables';
export { seedDemoEvents } from './events.demo';
export { seedDemoEventHistory } from './events.demo-history';
export { eventsIndicators } from './events.indicators';
export { matchmakingRoutes } from './matchmaking.routes';
export { registerMatchmakingJobs, MATCHMAKING_REVEAL_JOB } from './matchmaking.jobs';
export { contestRoutes } from './contest.routes';
export { findEventBriefs, listUpcomingEventBriefs, type EventBrief } from './events.brief';
