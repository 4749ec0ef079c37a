import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';

/**
 * 文体活动: an activity organised by a union (any level). `taken` counts the places held
 * (confirmed registrations and open offers); the CHECK makes overselling impossible whatever the
 * service does, and sign-ups take a place with a conditional UPDATE of this row (which also
 * serialises them). The place is a position of the registry (`position_id`, no foreign key: a
 * federation's event may use a district's station, which lives in another shard) or an address
 * with a WGS-84 point.
 */
export const event = pgTable(
  'event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    seriesId: uuid('series_id'),
    type: text('type').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    visibility: text('visibility').notNull().default('subtree'),
    positionId: uuid('position_id'),
    address: text('address'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    signupOpensAt: timestamp('signup_opens_at', { withTimezone: true }).notNull(),
    signupClosesAt: timestamp('signup_closes_at', { withTimezone: true }).notNull(),
    feeFen: bigint('fee_fen', { mode: 'number' }).notNull().default(0),
    eligibility: jsonb('eligibility').notNull(),
    capacity: integer('capacity').notNull(),
    taken: integer('taken').notNull().default(0),
    offerHoldMinutes: integer('offer_hold_minutes').notNull().default(720),
    isOverlapForbidden: boolean('is_overlap_forbidden').notNull().default(false),
    /** Trainings: the minutes attended (entry to exit) that earn the certificate; null: being there is enough. */
    minAttendanceMinutes: integer('min_attendance_minutes'),
    /** The cover image: a photo of the shared store (stars), uploaded by the staff who set it. */
    coverPhotoId: uuid('cover_photo_id'),
    status: text('status').notNull().default('draft'),
    cancelledReason: text('cancelled_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('event_org_starts_idx').on(t.orgId, t.startsAt),
    index('event_published_starts_idx')
      .on(t.startsAt)
      .where(sql`${t.status} = 'published'`),
    check('event_type_check', sql`${t.type} in ('training','sport','culture','skill_competition','matchmaking','performance','health','other')`),
    check('event_status_check', sql`${t.status} in ('draft','published','cancelled')`),
    check('event_visibility_check', sql`${t.visibility} in ('subtree','public')`),
    check('event_taken_check', sql`${t.taken} >= 0 and ${t.taken} <= ${t.capacity}`),
    check('event_times_check', sql`${t.endsAt} > ${t.startsAt} and ${t.signupClosesAt} > ${t.signupOpensAt}`),
    check('event_min_attendance_check', sql`${t.minAttendanceMinutes} is null or ${t.minAttendanceMinutes} > 0`),
    check('event_fee_check', sql`${t.feeFen} >= 0`),
    check('event_place_check', sql`${t.positionId} is not null or ${t.address} is not null`),
  ],
);
export type EventRow = typeof event.$inferSelect;

/**
 * A quota inside an event's capacity: places kept for a union's subtree (`union_path` copied so a
 * registration finds its quota by a prefix test) or for a group (men / women). A registration
 * counts against every quota it falls in; `taken <= capacity` is checked by the database.
 */
export const eventQuota = pgTable(
  'event_quota',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    unionOrgId: uuid('union_org_id').references(() => org.id),
    unionPath: text('union_path'),
    groupKey: text('group_key'),
    capacity: integer('capacity').notNull(),
    taken: integer('taken').notNull().default(0),
  },
  (t) => [
    index('event_quota_event_idx').on(t.eventId),
    uniqueIndex('event_quota_union_unique')
      .on(t.eventId, t.unionOrgId)
      .where(sql`${t.kind} = 'union'`),
    uniqueIndex('event_quota_group_unique')
      .on(t.eventId, t.groupKey)
      .where(sql`${t.kind} = 'group'`),
    check(
      'event_quota_kind_check',
      sql`(${t.kind} = 'union' and ${t.unionOrgId} is not null and ${t.unionPath} is not null and ${t.groupKey} is null) or (${t.kind} = 'group' and ${t.groupKey} in ('male','female') and ${t.unionOrgId} is null)`,
    ),
    check('event_quota_taken_check', sql`${t.taken} >= 0 and ${t.taken} <= ${t.capacity}`),
  ],
);
export type EventQuotaRow = typeof eventQuota.$inferSelect;

/**
 * One person's registration for an event. The person is the member (membership + person ids, no
 * foreign keys: a federation's public event takes members of every district, each in its own
 * shard); a non-member of an open event is known by the account only. `quota_ids` are the quotas
 * the place was counted against, so giving it back releases exactly those. One live registration
 * per person and event (partial unique index). The waiting list is ordered by priority (higher
 * first), then the order of joining (`queue_seq`).
 */
export const eventRegistration = pgTable(
  'event_registration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id'),
    personId: uuid('person_id'),
    userId: uuid('user_id').references(() => appUser.id),
    /** Who it is for everyone but the person: the real name (members) or the account's name. */
    name: text('name').notNull(),
    unionOrgId: uuid('union_org_id').references(() => org.id),
    unionPath: text('union_path'),
    groupKey: text('group_key'),
    status: text('status').notNull(),
    source: text('source').notNull().default('self'),
    priority: integer('priority').notNull().default(0),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    /** Order of joining (a clock may give two sign-ups the same instant). */
    queueSeq: bigserial('queue_seq', { mode: 'number' }).notNull(),
    quotaIds: uuid('quota_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledReason: text('cancelled_reason'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** The first entry scan (the place was used); null after the event: a no-show. */
    attendedAt: timestamp('attended_at', { withTimezone: true }),
    /** Minutes inside the event's hours between entry and exit scans (trainings with minimum hours). */
    attendedMinutes: integer('attended_minutes').notNull().default(0),
    registeredBy: uuid('registered_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('event_registration_person_live_unique')
      .on(t.eventId, t.personId)
      .where(sql`${t.personId} is not null and ${t.status} in ('confirmed','waiting','offered')`),
    uniqueIndex('event_registration_user_live_unique')
      .on(t.eventId, t.userId)
      .where(sql`${t.personId} is null and ${t.status} in ('confirmed','waiting','offered')`),
    index('event_registration_event_status_idx').on(t.eventId, t.status),
    index('event_registration_person_idx').on(t.personId),
    index('event_registration_user_idx').on(t.userId),
    index('event_registration_offer_idx')
      .on(t.offerExpiresAt)
      .where(sql`${t.status} = 'offered'`),
    check('event_registration_status_check', sql`${t.status} in ('confirmed','waiting','offered','cancelled','expired')`),
    check('event_registration_source_check', sql`${t.source} in ('self','staff','door')`),
    check('event_registration_group_check', sql`${t.groupKey} is null or ${t.groupKey} in ('male','female')`),
    check('event_registration_offer_check', sql`${t.status} <> 'offered' or ${t.offerExpiresAt} is not null`),
  ],
);
export type EventRegistrationRow = typeof eventRegistration.$inferSelect;

/**
 * One check-in scan (入场 / 离场) of a registration, as the device recorded it. `client_id` is the
 * id the scanning device gave the scan when it was made (possibly offline); the unique key makes a
 * re-uploaded batch count once. `scanned_at` is the device's time of the scan (clamped by the server
 * to the event's day), `recorded_at` when it reached the server.
 */
export const eventCheckin = pgTable(
  'event_checkin',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => eventRegistration.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    kind: text('kind').notNull(),
    method: text('method').notNull(),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
  },
  (t) => [
    uniqueIndex('event_checkin_client_unique').on(t.eventId, t.clientId),
    index('event_checkin_registration_idx').on(t.registrationId, t.scannedAt),
    check('event_checkin_kind_check', sql`${t.kind} in ('entry','exit')`),
    check('event_checkin_method_check', sql`${t.method} in ('ticket','code','walk_in')`),
  ],
);
export type EventCheckinRow = typeof eventCheckin.$inferSelect;
