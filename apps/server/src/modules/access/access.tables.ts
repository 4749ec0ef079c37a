import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';
import { position } from '../positions/positions.tables';

/**
 * A door controller (门禁控制器) of a smart station. The device secret is kept encrypted (the
 * server needs it to check signatures and codes) plus a keyed hash for the embedded broker's
 * password check. `org_id` is the org owning the station, for scoping.
 */
export const doorController = pgTable(
  'door_controller',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: text('device_id').notNull(),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    codeMode: text('code_mode').notNull().default('rotating'),
    maxDistanceM: integer('max_distance_m').notNull().default(100),
    secretEnc: text('secret_enc').notNull(),
    secretHash: text('secret_hash').notNull(),
    status: text('status').notNull().default('active'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    doorState: text('door_state').notNull().default('unknown'),
    /** Set by the offline sweep so the offline alarm is raised once per outage. */
    isMarkedOffline: boolean('is_marked_offline').notNull().default(false),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('door_controller_device_unique').on(t.deviceId),
    index('door_controller_position_idx').on(t.positionId),
    index('door_controller_org_idx').on(t.orgId),
    check('door_controller_code_mode_check', sql`${t.codeMode} in ('rotating','static')`),
    check('door_controller_status_check', sql`${t.status} in ('active','revoked')`),
    check('door_controller_state_check', sql`${t.doorState} in ('closed','open','unknown')`),
  ],
);

/** The door policy of a station (one row per position; defaults apply while there is none). */
export const doorPolicy = pgTable(
  'door_policy',
  {
    positionId: uuid('position_id')
      .primaryKey()
      .references(() => position.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    scanHours: text('scan_hours').notNull().default('always'),
    customRanges: jsonb('custom_ranges').notNull().default([]),
    whoMayEnter: text('who_may_enter').notNull().default('real_name'),
    isClosed: boolean('is_closed').notNull().default(false),
    closedNote: text('closed_note'),
    rateLimitPer10Min: integer('rate_limit_per_10min').notNull().default(10),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('door_policy_scan_hours_check', sql`${t.scanHours} in ('always','outside_staffed','custom')`),
    check('door_policy_who_check', sql`${t.whoMayEnter} in ('real_name','members')`),
  ],
);

/** A worker (by phone) barred from a station's doors; lifted by deleting (lifted_at) or by `until`. */
export const doorBan = pgTable(
  'door_ban',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    phone: text('phone').notNull(),
    reason: text('reason').notNull(),
    until: timestamp('until', { withTimezone: true }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('door_ban_position_phone_idx').on(t.positionId, t.phone)],
);

/**
 * Every scan attempt (who, door, time, result, reason). `request_id` is the phone's id for one
 * tap, unique per user, so a retried request gets the first answer instead of a second unlock.
 */
export const doorEntry = pgTable(
  'door_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    controllerId: uuid('controller_id').references(() => doorController.id),
    deviceId: text('device_id').notNull(),
    userId: uuid('user_id').references(() => appUser.id),
    personName: text('person_name'),
    phoneMasked: text('phone_masked'),
    result: text('result').notNull(),
    reason: text('reason'),
    commandId: uuid('command_id'),
    requestId: uuid('request_id'),
    isAfterHours: boolean('is_after_hours').notNull().default(false),
  },
  (t) => [
    index('door_entry_position_at_idx').on(t.positionId, t.at),
    index('door_entry_org_at_idx').on(t.orgId, t.at),
    uniqueIndex('door_entry_request_unique').on(t.userId, t.requestId),
    check('door_entry_result_check', sql`${t.result} in ('opened','refused','failed')`),
  ],
);

/** A rotating code's time step, used once per controller (single use across instances). */
export const doorCodeUse = pgTable(
  'door_code_use',
  {
    controllerId: uuid('controller_id')
      .notNull()
      .references(() => doorController.id),
    step: bigint('step', { mode: 'number' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.controllerId, t.step] })],
);

/** An unlock command sent to a controller: single use, expires in 10 s, acknowledged at most once. */
export const doorCommand = pgTable(
  'door_command',
  {
    id: uuid('id').primaryKey(),
    controllerId: uuid('controller_id')
      .notNull()
      .references(() => doorController.id),
    entryId: uuid('entry_id'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ackedAt: timestamp('acked_at', { withTimezone: true }),
    ackResult: text('ack_result'),
    ackReason: text('ack_reason'),
  },
  (t) => [index('door_command_controller_idx').on(t.controllerId, t.issuedAt)],
);

/** Device message nonces seen in the replay window: a second message with the same nonce is a replay. */
export const doorDeviceNonce = pgTable(
  'door_device_nonce',
  {
    deviceId: text('device_id').notNull(),
    nonce: text('nonce').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.nonce] }), index('door_device_nonce_received_idx').on(t.receivedAt)],
);

/** Device messages refused (bad signature, replay, stale, unknown device): kept for the security log. */
export const doorRejectedMessage = pgTable(
  'door_rejected_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: text('device_id'),
    topic: text('topic').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('door_rejected_message_at_idx').on(t.at)],
);

/** An alarm raised by a controller (or by the offline sweep), acknowledged then resolved by staff. */
export const doorAlarm = pgTable(
  'door_alarm',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    controllerId: uuid('controller_id')
      .notNull()
      .references(() => doorController.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('open'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    detail: jsonb('detail').notNull().default({}),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedByName: text('acknowledged_by_name'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
    resolvedByName: text('resolved_by_name'),
    note: text('note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // A device repeating the same alarm while it is still open adds no new row.
    uniqueIndex('door_alarm_one_open_per_kind').on(t.controllerId, t.kind).where(sql`${t.status} = 'open'`),
    index('door_alarm_org_status_idx').on(t.orgId, t.status, t.raisedAt),
    check('door_alarm_kind_check', sql`${t.kind} in ('held_open','forced_open','power_lost','tamper','offline')`),
    check('door_alarm_status_check', sql`${t.status} in ('open','acknowledged','resolved')`),
  ],
);
