import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SurveyAnswers, SurveyFollowUp, SurveyQuestion } from '@niangjia/contracts';
import { appUser } from '../accounts/accounts.tables';
import { person } from '../members/members.tables';
import { org } from '../orgs/orgs.tables';

/**
 * 需求调研: a questionnaire of a union (`org_id`, whose subtree is asked). The questions are frozen
 * once published; which questions' results respondents see and the follow-ups may change later.
 */
export const survey = pgTable(
  'survey',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    audience: text('audience').notNull().default('org'),
    employmentForms: text('employment_forms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isAnonymous: boolean('is_anonymous').notNull().default(true),
    /** The QR link's secret (audience `qr`). */
    linkToken: text('link_token'),
    status: text('status').notNull().default('draft'),
    questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
    publishedQuestionIds: text('published_question_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    followUps: jsonb('follow_ups').$type<SurveyFollowUp[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by').references(() => appUser.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_org_idx').on(t.orgId, t.createdAt),
    uniqueIndex('survey_link_token_idx').on(t.linkToken),
    check('survey_status_check', sql`${t.status} in ('draft','published','closed')`),
    check('survey_audience_check', sql`${t.audience} in ('org','qr') and (${t.audience} = 'qr') = (${t.linkToken} is not null)`),
    check('survey_published_check', sql`(${t.status} = 'draft') = (${t.publishedAt} is null)`),
  ],
);
export type SurveyRow = typeof survey.$inferSelect;

/**
 * Who has answered, and nothing else: no id, no time, no link to the answer (PIPL art. 6, the
 * least needed). A member counts by person (one answer per person across their accounts); someone
 * holding a QR link without a membership counts by account.
 */
export const surveyRespondent = pgTable(
  'survey_respondent',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => survey.id),
    /** The person, or the account's id for a non-member answering through a QR link. */
    respondentKey: uuid('respondent_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.respondentKey] })],
);

/**
 * One answer sheet. On an anonymous survey there is no person, a random id and only the day, so it
 * cannot be joined back to `survey_respondent`; the union and employment form stay, for cross-tabs.
 */
export const surveyResponse = pgTable(
  'survey_response',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => survey.id),
    unionId: uuid('union_id').references(() => org.id),
    employmentForm: text('employment_form'),
    /** Only on a survey that is not anonymous. */
    personId: uuid('person_id').references(() => person.id),
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
    answers: jsonb('answers').$type<SurveyAnswers>().notNull(),
  },
  (t) => [index('survey_response_survey_idx').on(t.surveyId, t.answeredOn)],
);
