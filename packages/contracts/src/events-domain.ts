/**
 * Plain constants of activities (文体活动) shared by server and web; no zod, so the phone bundle
 * can import them (`@niangjia/contracts/events-domain`).
 */
export const eventTypes = ['training', 'sport', 'culture', 'skill_competition', 'matchmaking', 'performance', 'health', 'other'] as const;
export type EventType = (typeof eventTypes)[number];

/** draft → published ⇄ (unpublished = draft again) → cancelled (final). */
export const eventStatuses = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** `subtree`: the organising org's members only see it; `public`: every worker sees it. */
export const eventVisibilities = ['subtree', 'public'] as const;
export type EventVisibility = (typeof eventVisibilities)[number];

/**
 * confirmed: holds a place; waiting: on the waiting list; offered: a freed place is held for them
 * until `offerExpiresAt`; cancelled: by the worker, staff or the event's cancellation; expired: an
 * offer not taken in time (the place went to the next person).
 */
export const registrationStatuses = ['confirmed', 'waiting', 'offered', 'cancelled', 'expired'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** Groups a quota may be kept for (the sex-balance quota of a matchmaking event). */
export const eventGroups = ['male', 'female'] as const;
export type EventGroup = (typeof eventGroups)[number];

/** How long a freed place is held for the next person on the waiting list by default (12 h). */
export const DEFAULT_OFFER_HOLD_MINUTES = 720;
