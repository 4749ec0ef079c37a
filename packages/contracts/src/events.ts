import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';
import { employmentForms } from './domain';
import { eventGroups, eventStatuses, eventTypes, eventVisibilities, registrationStatuses } from './events-domain';

export * from './events-domain';

/** An instant with its offset, between 2000 and 2100 (year 0 or 10000 would reach the database as a 500). */
const isoInstant = z.iso.datetime({ offset: true }).refine((v) => {
  const y = new Date(v).getUTCFullYear();
  return y >= 2000 && y <= 2100;
}, 'EVENT_DATE_RANGE');

/** Who may sign up, stored with the event as data and checked at every sign-up. */
export const eligibilitySchema = z.strictObject({
  /** Only active union members (the default); otherwise any signed-in worker. */
  membersOnly: z.boolean().default(true),
  /** Members of these unions' subtrees only (empty: anyone who may see the event). */
  orgIds: z.array(z.uuid()).max(50).default([]),
  /** Only these employment forms (empty: any). */
  employmentForms: z.array(z.enum(employmentForms)).max(10).default([]),
  /** Age on the event's first day (Asia/Shanghai), inclusive. */
  minAge: z.number().int().min(0).max(120).nullable().default(null),
  maxAge: z.number().int().min(0).max(120).nullable().default(null),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

/** A quota inside the capacity: places kept for a union's subtree, or for a group (men / women). */
export const quotaInputSchema = z.union([
  z.strictObject({ kind: z.literal('union'), orgId: z.uuid(), capacity: z.number().int().min(0).max(100_000) }),
  z.strictObject({ kind: z.literal('group'), group: z.enum(eventGroups), capacity: z.number().int().min(0).max(100_000) }),
]);
export type QuotaInput = z.infer<typeof quotaInputSchema>;

export const quotaSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['union', 'group']),
  org: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  group: z.enum(eventGroups).nullable(),
  capacity: z.number().int(),
  taken: z.number().int(),
});
export type Quota = z.infer<typeof quotaSchema>;

const placeFields = {
  /** A service position of the registry, or an address with a WGS-84 point. */
  positionId: z.uuid().nullable().optional(),
  address: z.string().trim().min(2).max(200).nullable().optional(),
  lng: z.number().min(73).max(136).nullable().optional(),
  lat: z.number().min(3).max(54).nullable().optional(),
};

const eventFields = {
  type: z.enum(eventTypes),
  title: z.string().trim().min(2).max(100),
  /** Plain text; nothing is read as HTML. */
  description: z.string().trim().max(5000).default(''),
  visibility: z.enum(eventVisibilities).default('subtree'),
  ...placeFields,
  startsAt: isoInstant,
  endsAt: isoInstant,
  signupOpensAt: isoInstant,
  signupClosesAt: isoInstant,
  feeFen: z.number().int().min(0).max(100_000_000).default(0),
  eligibility: eligibilitySchema.default({ membersOnly: true, orgIds: [], employmentForms: [], minAge: null, maxAge: null }),
  capacity: z.number().int().min(1).max(100_000),
  quotas: z.array(quotaInputSchema).max(200).default([]),
  /** How long a freed place is held for the next person on the waiting list. */
  offerHoldMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(720),
  /** Refuse a sign-up that overlaps another event the worker holds a place in. */
  isOverlapForbidden: z.boolean().default(false),
  /** Trainings: minutes attended (entry to exit scans, within the event's hours) that earn the certificate; null: attending is enough. */
  minAttendanceMinutes: z.number().int().min(1).max(100_000).nullable().default(null),
  /** The cover image: the id `POST /photos` gave (the editor's own upload), or null for none. */
  coverPhotoId: z.uuid().nullable().default(null),
};

export const createEventSchema = z.strictObject({ orgId: z.uuid(), ...eventFields });
export type CreateEvent = z.infer<typeof createEventSchema>;

export const updateEventSchema = z.strictObject({ version: versionSchema, ...eventFields });
export type UpdateEvent = z.infer<typeof updateEventSchema>;

/** A series (e.g. the monthly matchmaking): one template, one event per start time. */
export const createEventSeriesSchema = z.strictObject({
  template: createEventSchema,
  /** Further occurrences: every `everyMonths` months after the template's dates, `count` in all (including the template's). */
  everyMonths: z.number().int().min(1).max(12).default(1),
  count: z.number().int().min(1).max(24),
});
export type CreateEventSeries = z.infer<typeof createEventSeriesSchema>;

export const cancelEventSchema = z.strictObject({ version: versionSchema, reason: z.string().trim().min(2).max(500) });
export const eventVersionSchema = z.strictObject({ version: versionSchema });

export const eventSchema = z.object({
  id: z.uuid(),
  org: z.object({ id: z.uuid(), name: z.string() }),
  seriesId: z.uuid().nullable(),
  type: z.enum(eventTypes),
  title: z.string(),
  description: z.string(),
  visibility: z.enum(eventVisibilities),
  position: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  signupOpensAt: z.string(),
  signupClosesAt: z.string(),
  feeFen: z.number().int(),
  eligibility: eligibilitySchema,
  capacity: z.number().int(),
  taken: z.number().int(),
  waiting: z.number().int(),
  quotas: z.array(quotaSchema),
  offerHoldMinutes: z.number().int(),
  isOverlapForbidden: z.boolean(),
  minAttendanceMinutes: z.number().int().nullable(),
  /** Shown by `GET /events/:id/cover`. */
  coverPhotoId: z.uuid().nullable(),
  /** Registrations that checked in (the place was used). */
  attended: z.number().int(),
  status: z.enum(eventStatuses),
  cancelledReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventView = z.infer<typeof eventSchema>;

export const listEventsQuerySchema = pageQuerySchema.extend({
  /** Events of this org and its subtree. */
  orgId: z.uuid().optional(),
  status: z.enum(eventStatuses).optional(),
  type: z.enum(eventTypes).optional(),
  q: z.string().trim().max(50).optional(),
  /** Events starting on or after this day (Asia/Shanghai). */
  from: z.iso.date().optional(),
  /** Events starting on or before this day (Asia/Shanghai). */
  to: z.iso.date().optional(),
});
export type ListEventsQuery = z.infer<typeof listEventsQuerySchema>;

export const registrationSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  status: z.enum(registrationStatuses),
  name: z.string(),
  union: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  group: z.enum(eventGroups).nullable(),
  /** self: on the phone; staff: a union's roster; door: a walk-in registered at check-in. */
  source: z.enum(['self', 'staff', 'door']),
  priority: z.number().int(),
  /** 1-based place on the waiting list (waiting only). */
  waitingPosition: z.number().int().nullable(),
  offerExpiresAt: z.string().nullable(),
  /** The first entry scan; null: not (yet) attended. */
  attendedAt: z.string().nullable(),
  /** Minutes between entry and exit scans within the event's hours. */
  attendedMinutes: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Registration = z.infer<typeof registrationSchema>;

export const listRegistrationsQuerySchema = pageQuerySchema.extend({
  /** Registrations of members of this union's subtree. */
  orgId: z.uuid().optional(),
  status: z.enum(registrationStatuses).optional(),
});
export type ListRegistrationsQuery = z.infer<typeof listRegistrationsQuerySchema>;

/** Staff register a roster of their union's members; each one is judged on its own. */
export const groupRegistrationSchema = z.strictObject({
  membershipIds: z.array(z.uuid()).min(1).max(200),
  /** Put those who find no place on the waiting list instead of refusing them. */
  waitlist: z.boolean().default(false),
});
export const groupRegistrationResultSchema = z.object({
  items: z.array(
    z.object({
      membershipId: z.uuid(),
      registration: registrationSchema.nullable(),
      /** The refusal's code and text in the caller's language. */
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});
export type GroupRegistrationResult = z.infer<typeof groupRegistrationResultSchema>;

export const signUpSchema = z.strictObject({
  /** When the event (or the worker's quota) is full, join the waiting list instead of being refused. */
  waitlist: z.boolean().default(false),
});

export const priorityChangeSchema = z.strictObject({
  version: versionSchema,
  /** Higher goes first on the waiting list; equal priorities keep their order of joining. */
  priority: z.number().int().min(-100).max(100),
  reason: z.string().trim().min(2).max(500),
});

export const staffCancelRegistrationSchema = z.strictObject({ version: versionSchema, reason: z.string().trim().min(2).max(500) });

/** An event as a worker sees it on the phone, with their own registration if any. */
export const openEventSchema = z.object({
  id: z.uuid(),
  type: z.enum(eventTypes),
  title: z.string(),
  description: z.string(),
  orgName: z.string(),
  place: z.object({ positionId: z.uuid().nullable(), name: z.string().nullable(), address: z.string().nullable(), lng: z.number().nullable(), lat: z.number().nullable() }),
  startsAt: z.string(),
  endsAt: z.string(),
  signupOpensAt: z.string(),
  signupClosesAt: z.string(),
  feeFen: z.number().int(),
  capacity: z.number().int(),
  placesLeft: z.number().int(),
  waiting: z.number().int(),
  status: z.enum(eventStatuses),
  /** Shown by `GET /events/:id/cover`. */
  coverPhotoId: z.uuid().nullable(),
  mine: registrationSchema.nullable(),
});
export type OpenEvent = z.infer<typeof openEventSchema>;

/** One of the worker's registrations with its QR ticket (a signed token; confirmed places only). */
export const myRegistrationSchema = registrationSchema.extend({
  event: z.object({ id: z.uuid(), title: z.string(), type: z.enum(eventTypes), startsAt: z.string(), endsAt: z.string(), status: z.enum(eventStatuses), placeText: z.string().nullable() }),
  ticket: z.string().nullable(),
  /** A training certificate can be downloaded (attended enough). */
  hasCertificate: z.boolean(),
});
export type MyRegistration = z.infer<typeof myRegistrationSchema>;
