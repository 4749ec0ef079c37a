import { z } from 'zod';
import { eventStatuses, eventTypes } from './events-domain';

/**
 * Check-in (签到) of activities: staff scan registrations' QR tickets (or type them), attendees scan
 * the event's rotating code, walk-ins are registered at the door. Scans made offline are kept on
 * the device and uploaded later in a batch; each carries the id the device gave it, so uploading a
 * batch twice records each scan once.
 */
export const checkinKinds = ['entry', 'exit'] as const;
export type CheckinKind = (typeof checkinKinds)[number];

/** What became of one scan. */
export const checkinOutcomes = ['recorded', 'duplicate', 'already_in', 'invalid', 'other_event', 'not_confirmed', 'event_closed'] as const;
export type CheckinOutcome = (typeof checkinOutcomes)[number];

const clientId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,64}$/);

export const checkinScanSchema = z.strictObject({
  /** The device's own id for this scan (made when it was scanned, kept until uploaded). */
  clientId,
  /** The QR ticket as scanned or typed (`E1.…`). */
  code: z.string().trim().min(1).max(200),
  kind: z.enum(checkinKinds).default('entry'),
  /** When the device scanned it (offline scans are uploaded later); the server's time if absent. */
  at: z.iso.datetime({ offset: true }).optional(),
});
export type CheckinScan = z.infer<typeof checkinScanSchema>;

export const checkinBatchSchema = z.strictObject({ items: z.array(checkinScanSchema).min(1).max(500) });
export type CheckinBatch = z.infer<typeof checkinBatchSchema>;

export const checkinResultSchema = z.object({
  clientId: z.string(),
  outcome: z.enum(checkinOutcomes),
  kind: z.enum(checkinKinds),
  registrationId: z.uuid().nullable(),
  name: z.string().nullable(),
  /** The outcome in the caller's language. */
  message: z.string(),
});
export type CheckinResult = z.infer<typeof checkinResultSchema>;
export const checkinBatchResultSchema = z.object({ items: z.array(checkinResultSchema) });
export type CheckinBatchResult = z.infer<typeof checkinBatchResultSchema>;

/** A walk-in at the door: a member (by the membership card's QR, or chosen by staff) takes a free place and is checked in. */
export const walkInSchema = z
  .strictObject({ clientId, membershipId: z.uuid().optional(), cardToken: z.string().trim().min(10).max(300).optional() })
  .refine((v) => !!v.membershipId !== !!v.cardToken, 'EVENT_WALK_IN_WHO');
export type WalkIn = z.infer<typeof walkInSchema>;

/** The attendee scans the event's rotating code (shown on the staff's phone). */
export const selfCheckinSchema = z.strictObject({ clientId, code: z.string().trim().min(1).max(200), kind: z.enum(checkinKinds).default('entry') });

/** What the check-in page shows: the event, its counts and the current rotating code. */
export const checkinInfoSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  type: z.enum(eventTypes),
  status: z.enum(eventStatuses),
  startsAt: z.string(),
  endsAt: z.string(),
  placeText: z.string().nullable(),
  capacity: z.number().int(),
  taken: z.number().int(),
  registered: z.number().int(),
  attended: z.number().int(),
  minAttendanceMinutes: z.number().int().nullable(),
  /** The rotating code (valid about two minutes) and when the page should fetch the next. */
  code: z.string(),
  codeRefreshAt: z.string(),
});
export type CheckinInfo = z.infer<typeof checkinInfoSchema>;

/** Attendance of one event: 人次 (people who came), no-shows once it ended, and the scans. */
export const eventAttendanceSchema = z.object({
  registered: z.number().int(),
  attended: z.number().int(),
  walkIns: z.number().int(),
  /** Confirmed registrations without an entry scan, counted once the event has ended. */
  noShows: z.number().int().nullable(),
  scans: z.number().int(),
  /** Trainings with minimum hours: attended long enough for the certificate. */
  certified: z.number().int(),
});
export type EventAttendance = z.infer<typeof eventAttendanceSchema>;

/** The send log of an event's notifications: one row per message kind and moment. */
export const eventSendLogSchema = z.object({
  items: z.array(
    z.object({
      kind: z.string(),
      title: z.string(),
      at: z.string(),
      recipients: z.number().int(),
      read: z.number().int(),
      sms: z.object({ queued: z.number().int(), sent: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
    }),
  ),
});
export type EventSendLog = z.infer<typeof eventSendLogSchema>;
