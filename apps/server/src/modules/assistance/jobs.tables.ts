import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';

/**
 * 春送岗位: a job an employer offers, posted by its grassroots union (org_id: the employer's union,
 * whose staff and the unions above it manage the posting). Pay is a monthly/daily/hourly range in
 * fen; the place a WGS-84 point. `filled` counts hires: when it reaches `headcount` the posting is
 * filled (the service moves it). A job fair is an event of the events module (`event_id`, no
 * foreign key: a federation's fair lives on another shard, as an event's position does).
 */
export const jobPosting = pgTable(
  'job_posting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    employerName: text('employer_name').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    requirements: text('requirements').notNull().default(''),
    employmentForm: text('employment_form').notNull(),
    payMinFen: integer('pay_min_fen').notNull(),
    payMaxFen: integer('pay_max_fen').notNull(),
    payPeriod: text('pay_period').notNull().default('month'),
    headcount: integer('headcount').notNull(),
    filled: integer('filled').notNull().default(0),
    address: text('address').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    eventId: uuid('event_id'),
    status: text('status').notNull().default('draft'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('job_posting_org_idx').on(t.orgId, t.status),
    index('job_posting_open_idx')
      .on(t.openedAt)
      .where(sql`${t.status} = 'open'`),
    index('job_posting_event_idx').on(t.eventId),
    check('job_posting_status_check', sql`${t.status} in ('draft','open','closed','filled')`),
    check('job_posting_form_check', sql`${t.employmentForm} in ('full_time','part_time','flexible','internship')`),
    check('job_posting_period_check', sql`${t.payPeriod} in ('month','day','hour')`),
    check('job_posting_pay_check', sql`${t.payMinFen} >= 0 and ${t.payMinFen} <= ${t.payMaxFen}`),
    check('job_posting_headcount_check', sql`${t.headcount} > 0 and ${t.filled} >= 0 and ${t.filled} <= ${t.headcount}`),
    check('job_posting_point_check', sql`${t.lng} between -180 and 180 and ${t.lat} between -90 and 90`),
  ],
);

/**
 * A worker's application (求职申请) to a posting. `applicant_key` is the one identity the worker
 * applies as — their member person (`p:<person id>`) when their account stands for one, else the
 * account (`u:<user id>`); the unique index makes a second application to the same job impossible
 * under any concurrency. A withdrawn application can be sent again (the same row comes back).
 * No foreign key to person: a member of another district may apply (the row lives with the job).
 */
export const jobApplication = pgTable(
  'job_application',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postingId: uuid('posting_id')
      .notNull()
      .references(() => jobPosting.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    applicantKey: text('applicant_key').notNull(),
    personId: uuid('person_id'),
    /** The account that applied on the phone; null for a sign-up taken at a fair (现场登记). */
    userId: uuid('user_id').references(() => appUser.id),
    source: text('source').notNull().default('phone'),
    name: text('name').notNull(),
    phone: text('phone'),
    note: text('note').notNull().default(''),
    status: text('status').notNull().default('applied'),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    hiredAt: timestamp('hired_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('job_application_once_unique').on(t.postingId, t.applicantKey),
    index('job_application_user_idx').on(t.userId, t.createdAt),
    index('job_application_org_idx').on(t.orgId, t.status),
    check('job_application_source_check', sql`${t.source} in ('phone','fair')`),
    check('job_application_status_check', sql`${t.status} in ('applied','viewed','interview','hired','rejected','withdrawn')`),
  ],
);
