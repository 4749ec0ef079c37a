import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';

/**
 * 对口联系: a cadre (a staff member of an upper union) assigned to a union below — 包片 (`area`, a
 * patch of streets) or 对口联系 (`pair`, one union). `org_id` is the union they liaise with; the
 * row lives in its district. One active assignment per cadre and union; ending one keeps its visits.
 */
export const liaisonAssignment = pgTable(
  'liaison_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    cadreId: uuid('cadre_id')
      .notNull()
      .references(() => appUser.id),
    kind: text('kind').notNull(),
    note: text('note'),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('liaison_assignment_active_unique')
      .on(t.cadreId, t.orgId)
      .where(sql`${t.endedOn} is null`),
    index('liaison_assignment_org_idx').on(t.orgId),
    check('liaison_assignment_kind_check', sql`${t.kind} in ('area','pair')`),
    check('liaison_assignment_dates_check', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);
export type LiaisonAssignmentRow = typeof liaisonAssignment.$inferSelect;

/** A visit a cadre made under an assignment: the day, what was seen and said, photos. */
export const liaisonVisit = pgTable(
  'liaison_visit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => liaisonAssignment.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    cadreId: uuid('cadre_id')
      .notNull()
      .references(() => appUser.id),
    visitedOn: date('visited_on').notNull(),
    summary: text('summary').notNull(),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('liaison_visit_assignment_idx').on(t.assignmentId, t.visitedOn), index('liaison_visit_org_idx').on(t.orgId, t.visitedOn), index('liaison_visit_cadre_idx').on(t.cadreId, t.visitedOn)],
);
export type LiaisonVisitRow = typeof liaisonVisit.$inferSelect;

/**
 * A problem found on a visit, tracked until resolved: an owner who must see it through, a due
 * date (overdue when past it and not resolved), the latest note, who resolved it and when.
 */
export const liaisonProblem = pgTable(
  'liaison_problem',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => liaisonVisit.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    cadreId: uuid('cadre_id')
      .notNull()
      .references(() => appUser.id),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => appUser.id),
    description: text('description').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('open'),
    latestNote: text('latest_note'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('liaison_problem_visit_idx').on(t.visitId),
    index('liaison_problem_org_idx').on(t.orgId, t.status),
    index('liaison_problem_open_due_idx')
      .on(t.dueOn)
      .where(sql`${t.status} <> 'resolved'`),
    index('liaison_problem_owner_idx').on(t.ownerId, t.status),
    check('liaison_problem_status_check', sql`${t.status} in ('open','in_progress','resolved')`),
    check('liaison_problem_resolved_check', sql`(${t.status} = 'resolved') = (${t.resolvedAt} is not null)`),
  ],
);
export type LiaisonProblemRow = typeof liaisonProblem.$inferSelect;
