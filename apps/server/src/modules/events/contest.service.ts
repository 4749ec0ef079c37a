import type { EventsDeps } from './events.shared';

export function createContestService(_deps: EventsDeps) {
  return {};
}
export type ContestService = ReturnType<typeof createContestService>;
