import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';

/**
 * A member of the 三员 teams: 劳动关系监督员 (supervisor), 劳动关系信息员 (informant), 劳动法律监督员
 * (legal_supervisor). An informant who signs in on the phone with the same number fills their
 * point's quarterly form.
 */
export const rightsTeamMember = pgTable(
  'rights_team_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    role: text('role').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    employerName: text('employer_name'),
    status: text('status').notNull().default('active'),
    sinceOn: date('since_on', { mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rights_team_member_org_idx').on(t.orgId, t.role),
    index('rights_team_member_phone_idx').on(t.phone),
    check('rights_team_member_role_check', sql`${t.role} in ('supervisor','informant','legal_supervisor')`),
    check('rights_team_member_status_check', sql`${t.status} in ('active','left')`),
  ],
);

/** An enterprise registered as a labour-relations monitoring point; `org_id` is the responsible union (a street's). */
export const rightsMonitoringPoint = pgTable(
  'rights_monitoring_point',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    enterpriseName: text('enterprise_name').notNull(),
    creditCode: text('credit_code').notNull(),
    address: text('address'),
    industry: text('industry'),
    informantId: uuid('informant_id').references(() => rightsTeamMember.id),
    status: text('status').notNull().default('active'),
    sinceOn: date('since_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rights_monitoring_point_credit_unique')
      .on(t.creditCode)
      .where(sql`${t.status} = 'active'`),
    index('rights_monitoring_point_org_idx').on(t.orgId),
    check('rights_monitoring_point_status_check', sql`${t.status} in ('active','inactive')`),
  ],
);

/** A point's quarterly form: one per point and quarter ('2026Q3'); a resubmission updates it (versioned). */
export const rightsMonitoringReport = pgTable(
  'rights_monitoring_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pointId: uuid('point_id')
      .notNull()
      .references(() => rightsMonitoringPoint.id),
    quarter: text('quarter').notNull(),
    values: jsonb('values').notNull(),
    note: text('note'),
    submittedBy: uuid('submitted_by').references(() => appUser.id),
    submittedVia: text('submitted_via').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('rights_monitoring_report_unique').on(t.pointId, t.quarter),
    check('rights_monitoring_report_quarter_check', sql`${t.quarter} ~ '^[0-9]{4}Q[1-4]$'`),
    check('rights_monitoring_report_via_check', sql`${t.submittedVia} in ('phone','console')`),
  ],
);

/** An early warning raised by a report crossing a threshold, routed to the responsible street union. */
export const rightsWarning = pgTable(
  'rights_warning',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pointId: uuid('point_id')
      .notNull()
      .references(() => rightsMonitoringPoint.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => rightsMonitoringReport.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    quarter: text('quarter').notNull(),
    measure: text('measure').notNull(),
    value: doublePrecision('value').notNull(),
    op: text('op').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    level: text('level').notNull(),
    status: text('status').notNull().default('open'),
    handledBy: uuid('handled_by').references(() => appUser.id),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    handlingNote: text('handling_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rights_warning_unique').on(t.reportId, t.measure),
    index('rights_warning_org_idx').on(t.orgId, t.status),
    check('rights_warning_level_check', sql`${t.level} in ('yellow','red')`),
    check('rights_warning_status_check', sql`${t.status} in ('open','handled')`),
  ],
);

/**
 * A yearly application to be rated a harmonious-labour-relations enterprise (和谐劳动关系企业,
 * A/AA/AAA): declared criteria, evidence files, review and result. Disqualified automatically when
 * the enterprise had a monitoring warning or a failed mediation case in the year.
 */
export const rightsRatingApplication = pgTable(
  'rights_rating_application',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    enterpriseName: text('enterprise_name').notNull(),
    creditCode: text('credit_code').notNull(),
    levelApplied: text('level_applied').notNull(),
    criteria: jsonb('criteria').notNull(),
    statement: text('statement'),
    evidenceFileIds: uuid('evidence_file_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text('status').notNull().default('submitted'),
    levelGranted: text('level_granted'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    disqualifiedReasons: jsonb('disqualified_reasons'),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rights_rating_one_a_year').on(t.creditCode, t.year),
    index('rights_rating_org_idx').on(t.orgId, t.year),
    check('rights_rating_level_check', sql`${t.levelApplied} in ('A','AA','AAA') and (${t.levelGranted} is null or ${t.levelGranted} in ('A','AA','AAA'))`),
    check('rights_rating_status_check', sql`${t.status} in ('submitted','approved','rejected','disqualified')`),
  ],
);
