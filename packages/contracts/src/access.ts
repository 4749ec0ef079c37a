import { z } from 'zod';
import { applyMembershipSchema } from './members';
import { mobilePhoneSchema, pageOf, pageQuerySchema, versionSchema } from './common';
import { crsValues, timeRangeSchema } from './positions';

/**
 * Smart 24-hour stations (智慧驿站, PRODUCT.md part 3): door controllers, the door policy of a
 * station, bans, the entry log, alarms and usage figures (console), and scan-to-open (worker).
 * The device side (MQTT) is docs/door-protocol.md.
 */

/** Rotating code on a screen (changes every 30 s) or a printed static code checked with the phone's location. */
export const doorCodeModes = ['rotating', 'static'] as const;
export type DoorCodeMode = (typeof doorCodeModes)[number];

export const doorControllerStatuses = ['active', 'revoked'] as const;
export const doorStates = ['closed', 'open', 'unknown'] as const;

/** Every refusal of a scan has a stable code (problem+json `code`); the body also carries the station's phone. */
export const doorRefusalCodes = [
  'DOOR_CODE_INVALID',
  'DOOR_CODE_EXPIRED',
  'DOOR_CODE_USED',
  'DOOR_CODE_WRONG_DOOR',
  'DOOR_TOO_FAR',
  'DOOR_LOCATION_REQUIRED',
  'DOOR_NEEDS_REAL_NAME',
  'DOOR_MEMBERS_ONLY',
  'DOOR_USER_BANNED',
  'DOOR_RATE_LIMITED',
  'DOOR_STATION_CLOSED',
  'DOOR_OUTSIDE_SCAN_HOURS',
  'DOOR_CONTROLLER_REVOKED',
  'DOOR_CONTROLLER_OFFLINE',
  'DOOR_NO_ACK',
  'DOOR_DEVICE_REFUSED',
] as const;
export type DoorRefusalCode = (typeof doorRefusalCodes)[number];

export const doorEntryResults = ['opened', 'refused', 'failed'] as const;
export type DoorEntryResult = (typeof doorEntryResults)[number];

export const doorAlarmKinds = ['held_open', 'forced_open', 'power_lost', 'tamper', 'offline'] as const;
export type DoorAlarmKind = (typeof doorAlarmKinds)[number];
export const doorAlarmStatuses = ['open', 'acknowledged', 'resolved'] as const;
export type DoorAlarmStatus = (typeof doorAlarmStatuses)[number];

// ---------------------------------------------------------------------------------------------
// Console: door controllers

export const doorControllerSchema = z.object({
  id: z.uuid(),
  /** The id the controller uses on MQTT and in the QR URL (/m/door/:deviceId). */
  deviceId: z.string(),
  positionId: z.uuid(),
  positionName: z.string(),
  name: z.string(),
  codeMode: z.enum(doorCodeModes),
  /** Static mode: the phone must be within this many metres of the station. */
  maxDistanceM: z.number().int(),
  status: z.enum(doorControllerStatuses),
  isOnline: z.boolean(),
  lastSeenAt: z.string().nullable(),
  doorState: z.enum(doorStates),
  /** Open alarms of this controller. */
  openAlarms: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type DoorController = z.infer<typeof doorControllerSchema>;

export const listDoorControllersQuerySchema = pageQuerySchema.extend({
  positionId: z.uuid().optional(),
  status: z.enum(doorControllerStatuses).optional(),
});
export type ListDoorControllersQuery = z.infer<typeof listDoorControllersQuerySchema>;
export const doorControllerPageSchema = pageOf(doorControllerSchema);

export const createDoorControllerSchema = z.strictObject({
  positionId: z.uuid(),
  name: z.string().trim().min(1).max(60),
  codeMode: z.enum(doorCodeModes).default('rotating'),
  maxDistanceM: z.number().int().min(10).max(5000).default(100),
});
export type CreateDoorController = z.infer<typeof createDoorControllerSchema>;

export const updateDoorControllerSchema = z.strictObject({
  name: z.string().trim().min(1).max(60).optional(),
  codeMode: z.enum(doorCodeModes).optional(),
  maxDistanceM: z.number().int().min(10).max(5000).optional(),
  version: versionSchema,
});
export type UpdateDoorController = z.infer<typeof updateDoorControllerSchema>;

/** The credentials, shown once at registration and at each rotation; never readable again. */
export const doorControllerCredentialsSchema = z.object({
  controller: doorControllerSchema,
  deviceId: z.string(),
  secret: z.string(),
  /** The MQTT broker URL the controller should connect to (as this server sees it). */
  mqttUrl: z.string(),
  /** Static mode: the code to print, and the full URL to put in the printed QR. */
  staticCode: z.string().nullable(),
  doorUrl: z.string(),
});
export type DoorControllerCredentials = z.infer<typeof doorControllerCredentialsSchema>;

export const versionBodySchema = z.strictObject({ version: versionSchema });

// ---------------------------------------------------------------------------------------------
// Console: door policy of a station (one per position)

/** When a scan opens the door: always, only outside the station's staffed hours, or in custom ranges. */
export const doorScanHours = ['always', 'outside_staffed', 'custom'] as const;
export const doorWhoMayEnter = ['real_name', 'members'] as const;

export const doorPolicySchema = z.object({
  positionId: z.uuid(),
  scanHours: z.enum(doorScanHours),
  /** Daily ranges (Asia/Shanghai) when scanHours = custom; a range may cross midnight (22:00–06:00). */
  customRanges: z.array(timeRangeSchema),
  whoMayEnter: z.enum(doorWhoMayEnter),
  /** Closed for repairs (暂停开放): every scan is refused with DOOR_STATION_CLOSED. */
  isClosed: z.boolean(),
  closedNote: z.string().nullable(),
  /** Scans allowed per worker per 10 minutes at this station. */
  rateLimitPer10Min: z.number().int(),
  version: z.number().int(),
});
export type DoorPolicy = z.infer<typeof doorPolicySchema>;

export const updateDoorPolicySchema = z.strictObject({
  scanHours: z.enum(doorScanHours),
  customRanges: z.array(timeRangeSchema).max(4).default([]),
  whoMayEnter: z.enum(doorWhoMayEnter),
  isClosed: z.boolean(),
  closedNote: z.string().trim().max(100).nullable().optional(),
  rateLimitPer10Min: z.number().int().min(1).max(100).default(10),
  /** 0 when no policy was saved yet (GET returns version 0 for the defaults). */
  version: z.number().int().min(0),
});
export type UpdateDoorPolicy = z.infer<typeof updateDoorPolicySchema>;

// Bans: a worker (by phone) barred from one station's doors until a date (or for good).
export const doorBanSchema = z.object({
  id: z.uuid(),
  positionId: z.uuid(),
  positionName: z.string(),
  phoneMasked: z.string(),
  personName: z.string().nullable(),
  reason: z.string(),
  until: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type DoorBan = z.infer<typeof doorBanSchema>;
export const listDoorBansQuerySchema = pageQuerySchema.extend({
  positionId: z.uuid().optional(),
});
export const doorBanPageSchema = pageOf(doorBanSchema);
/** Bar a worker by phone, or by the account of an entry-log row (`userId`): exactly one of the two. */
export const createDoorBanSchema = z
  .strictObject({
    positionId: z.uuid(),
    phone: mobilePhoneSchema.optional(),
    userId: z.uuid().optional(),
    reason: z.string().trim().min(2).max(200),
    /** ISO date-time; omitted = until lifted. */
    until: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .refine((b) => (b.phone ? 1 : 0) + (b.userId ? 1 : 0) === 1, { error: 'DOOR_BAN_TARGET', path: ['phone'] });
export type CreateDoorBan = z.infer<typeof createDoorBanSchema>;

// ---------------------------------------------------------------------------------------------
// Console: entry log, alarms, usage

export const doorEntrySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  positionId: z.uuid(),
  positionName: z.string(),
  controllerId: z.uuid().nullable(),
  controllerName: z.string().nullable(),
  deviceId: z.string(),
  userId: z.uuid().nullable(),
  personName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  result: z.enum(doorEntryResults),
  /** The refusal or failure code (one of doorRefusalCodes), null when opened. */
  reason: z.string().nullable(),
  commandId: z.string().nullable(),
  isAfterHours: z.boolean(),
});
export type DoorEntry = z.infer<typeof doorEntrySchema>;
export const listDoorEntriesQuerySchema = pageQuerySchema.extend({
  positionId: z.uuid().optional(),
  controllerId: z.uuid().optional(),
  result: z.enum(doorEntryResults).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ListDoorEntriesQuery = z.infer<typeof listDoorEntriesQuerySchema>;
export const doorEntryPageSchema = pageOf(doorEntrySchema);

export const doorAlarmSchema = z.object({
  id: z.uuid(),
  positionId: z.uuid(),
  positionName: z.string(),
  controllerId: z.uuid(),
  controllerName: z.string(),
  deviceId: z.string(),
  kind: z.enum(doorAlarmKinds),
  status: z.enum(doorAlarmStatuses),
  raisedAt: z.string(),
  /** Device-reported detail (e.g. seconds held open). */
  detail: z.record(z.string(), z.unknown()),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type DoorAlarm = z.infer<typeof doorAlarmSchema>;
export const listDoorAlarmsQuerySchema = pageQuerySchema.extend({
  /** unresolved = open or acknowledged (the staff's default view). */
  status: z.enum([...doorAlarmStatuses, 'unresolved']).optional(),
  positionId: z.uuid().optional(),
});
export type ListDoorAlarmsQuery = z.infer<typeof listDoorAlarmsQuerySchema>;
export const doorAlarmPageSchema = pageOf(doorAlarmSchema);
export const acknowledgeDoorAlarmSchema = z.strictObject({
  version: versionSchema,
  note: z.string().trim().max(500).optional(),
});
export const resolveDoorAlarmSchema = z.strictObject({
  version: versionSchema,
  note: z.string().trim().min(1).max(500),
});
export type ResolveDoorAlarm = z.infer<typeof resolveDoorAlarmSchema>;
/** For the console's notification badge: open (unacknowledged) alarms in the caller's scope. */
export const doorAlarmSummarySchema = z.object({
  open: z.number().int(),
  acknowledged: z.number().int(),
  latest: z.array(doorAlarmSchema),
});
export type DoorAlarmSummary = z.infer<typeof doorAlarmSummarySchema>;

export const usageGranularities = ['hour', 'day', 'month'] as const;
export const positionUsageQuerySchema = z.strictObject({
  granularity: z.enum(usageGranularities).default('day'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type PositionUsageQuery = z.infer<typeof positionUsageQuerySchema>;
export const usageBucketSchema = z.object({
  /** Start of the bucket, Asia/Shanghai local, ISO with +08:00. */
  bucket: z.string(),
  visits: z.number().int(),
  uniqueVisitors: z.number().int(),
  afterHoursVisits: z.number().int(),
});
export const positionUsageSchema = z.object({
  positionId: z.uuid(),
  granularity: z.enum(usageGranularities),
  from: z.string(),
  to: z.string(),
  buckets: z.array(usageBucketSchema),
  totals: z.object({
    visits: z.number().int(),
    uniqueVisitors: z.number().int(),
    afterHoursVisits: z.number().int(),
    /** afterHoursVisits / visits, 0..1 (0 when no visits). */
    afterHoursShare: z.number(),
    refused: z.number().int(),
  }),
});
export type PositionUsage = z.infer<typeof positionUsageSchema>;

// ---------------------------------------------------------------------------------------------
// Worker: scan to open (/m/door/:deviceId?c=CODE)

export const doorDeviceParamsSchema = z.object({
  deviceId: z.string().regex(/^[a-z0-9-]{4,40}$/),
});

/** Public: what the phone shows before the worker taps "开门". */
export const publicDoorSchema = z.object({
  deviceId: z.string(),
  doorName: z.string(),
  station: z.object({
    id: z.uuid(),
    name: z.string(),
    address: z.string(),
    /** The org holding the station: pass it as `orgId` of POST /members/me/person. */
    orgId: z.uuid(),
    contactPhone: z.string().nullable(),
    hoursText: z.string(),
  }),
  codeMode: z.enum(doorCodeModes),
  /** Static codes need the phone's location (within maxDistanceM of the station). */
  needsLocation: z.boolean(),
  maxDistanceM: z.number().int(),
  isOnline: z.boolean(),
  isClosed: z.boolean(),
  whoMayEnter: z.enum(doorWhoMayEnter),
});
export type PublicDoor = z.infer<typeof publicDoorSchema>;

export const openDoorSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6,10}$/, { error: 'DOOR_CODE_INVALID' }),
  location: z
    .strictObject({
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
      crs: z.enum(crsValues),
    })
    .optional(),
  /** Client-chosen id (uuid) so a retried tap is answered with the first attempt's result. */
  requestId: z.uuid(),
});
export type OpenDoor = z.infer<typeof openDoorSchema>;

export const openDoorResultSchema = z.object({
  result: z.literal('opened'),
  entryId: z.uuid(),
  commandId: z.string(),
  stationName: z.string(),
  contactPhone: z.string().nullable(),
});
export type OpenDoorResult = z.infer<typeof openDoorResultSchema>;

/** A refused scan: problem+json plus these fields (code is one of doorRefusalCodes). */
export const doorProblemExtrasSchema = z.object({
  code: z.string(),
  contactPhone: z.string().nullable(),
  stationName: z.string().nullable(),
});

/**
 * POST /api/v1/members/me/person: the worker's real name without joining a union (same fields as
 * the joining form; `orgId` = the station's org from PublicDoor). Answers MyMembership.
 */
export const registerPersonSchema = applyMembershipSchema;
export type RegisterPerson = z.infer<typeof registerPersonSchema>;
