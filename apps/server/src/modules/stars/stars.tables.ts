import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';
import { position } from '../positions/positions.tables';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** The star rubric (评星细则) of a district (or federation); positions below it are rated by it. */
export const ratingRubric = pgTable(
  'rating_rubric',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    criteria: jsonb('criteria').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rating_rubric_org_unique').on(t.orgId)],
);

/**
 * A photo of an inspection or a worker's report, kept in the database (like import files) so any
 * instance can serve it. org_id is the owning org of the position it was taken for, once attached.
 */
export const carePhoto = pgTable(
  'care_photo',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => appUser.id),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('care_photo_uploader_idx').on(t.uploadedBy), check('care_photo_type_check', sql`${t.contentType} in ('image/jpeg','image/png','image/webp','application/pdf')`)],
);

/** One inspection visit: the rubric as it stood, the inspector's points, what facilities there were. */
export const positionInspection = pgTable(
  'position_inspection',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    year: integer('year').notNull(),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => appUser.id),
    inspectorName: text('inspector_name').notNull(),
    criteria: jsonb('criteria').notNull(),
    scores: jsonb('scores').notNull(),
    facilities: text('facilities').array().notNull(),
    notes: text('notes'),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('position_inspection_position_year_idx').on(t.positionId, t.year), index('position_inspection_year_idx').on(t.year)],
);

/** A worker's 1–5 rating of a position: one per worker, position and month (a second one updates it). */
export const positionRating = pgTable(
  'position_rating',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    month: text('month').notNull(),
    stars: smallint('stars').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('position_rating_one_a_month').on(t.positionId, t.userId, t.month),
    index('position_rating_month_idx').on(t.month),
    check('position_rating_stars_check', sql`${t.stars} between 1 and 5`),
    check('position_rating_month_check', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/** A problem a worker reported at a position, handled by the owning org's staff. */
export const positionIssue = pgTable(
  'position_issue',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => appUser.id),
    category: text('category').notNull(),
    text: text('text').notNull(),
    photoId: uuid('photo_id').references(() => carePhoto.id),
    status: text('status').notNull().default('open'),
    assigneeId: uuid('assignee_id').references(() => appUser.id),
    resolutionNote: text('resolution_note'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('position_issue_number_unique').on(t.number),
    index('position_issue_position_idx').on(t.positionId, t.status),
    index('position_issue_reporter_idx').on(t.reporterId),
    check('position_issue_status_check', sql`${t.status} in ('open','assigned','resolved')`),
    check('position_issue_category_check', sql`${t.category} in ('facility_broken','closed_when_open','hygiene','supplies_out','safety','staff_service','other')`),
  ],
);
