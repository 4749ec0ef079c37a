import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { bytea } from './bytea';
import { org } from '../orgs/orgs.tables';
import { rightsConsultation } from './consultations.tables';

/**
 * A labour-dispute case (劳动争议调解). `org_id` is the union that holds it; it changes only when a
 * referral to another union is accepted. The due dates are stored (recomputed from the events on
 * every change and by the daily sweep) so the overdue board and reminders are plain queries.
 */
export const rightsCase = pgTable(
  'rights_case',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    source: text('source').notNull(),
    consultationId: uuid('consultation_id').references(() => rightsConsultation.id),
    category: text('category').notNull(),
    summary: text('summary').notNull(),
    status: text('status').notNull().default('received'),
    stage: text('stage').notNull().default('mediation'),
    /** The outside body that holds the case after an accepted referral (仲裁委, 法院, 法律援助中心 …). */
    externalBody: text('external_body'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    acceptanceDueOn: date('acceptance_due_on', { mode: 'string' }).notNull(),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    decisionNote: text('decision_note'),
    mediatorId: uuid('mediator_id').references(() => appUser.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    mediationDueOn: date('mediation_due_on', { mode: 'string' }),
    /** The day the worker knew or should have known of the infringement (仲裁时效起算日). */
    limitationStartOn: date('limitation_start_on', { mode: 'string' }),
    /** 劳动关系存续期间拖欠劳动报酬: no one-year limit until employment ends (art. 27 ¶4). */
    isWageArrearsOngoing: boolean('is_wage_arrears_ongoing').notNull().default(false),
    employmentEndedOn: date('employment_ended_on', { mode: 'string' }),
    limitationEndsOn: date('limitation_ends_on', { mode: 'string' }),
    isLimitationPaused: boolean('is_limitation_paused').notNull().default(false),
    arbitrationAcceptedOn: date('arbitration_accepted_on', { mode: 'string' }),
    arbitrationDueOn: date('arbitration_due_on', { mode: 'string' }),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    outcomeNote: text('outcome_note'),
    agreementTerms: text('agreement_terms'),
    isComplainantSealed: boolean('is_complainant_sealed').notNull().default(false),
    claimedFen: bigint('claimed_fen', { mode: 'number' }).notNull().default(0),
    agreedFen: bigint('agreed_fen', { mode: 'number' }).notNull().default(0),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rights_case_number_unique').on(t.number),
    index('rights_case_org_idx').on(t.orgId, t.receivedOn),
    index('rights_case_mediator_idx').on(t.mediatorId),
    index('rights_case_status_idx').on(t.status),
    check('rights_case_status_check', sql`${t.status} in ('received','accepted','rejected','agreed','failed','withdrawn')`),
    check('rights_case_stage_check', sql`${t.stage} in ('negotiation','mediation','arbitration','litigation','legal_aid','enforcement')`),
    check('rights_case_source_check', sql`${t.source} in ('walk_in','hotline','online','consultation','referral')`),
    check('rights_case_category_check', sql`${t.category} in ('contract','wages','work_injury','social_insurance','dismissal','rest_leave','other')`),
    check('rights_case_amounts_check', sql`${t.claimedFen} >= 0 and ${t.agreedFen} >= 0`),
  ],
);

/**
 * A party: the worker(s) applying and the employer. A worker's ID number is encrypted like a
 * member's (AES-256-GCM, purpose 'rights_party.id_number') with a keyed hash for lookup.
 */
export const rightsCaseParty = pgTable(
  'rights_case_party',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    role: text('role').notNull(),
    name: text('name').notNull(),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    idNumberMasked: text('id_number_masked'),
    phone: text('phone'),
    // A member's person, checked by the service: no foreign key, since a member of one district may
    // bring a case in another (their rows live on different shards, docs/SCALING.md).
    personId: uuid('person_id'),
    creditCode: text('credit_code'),
    legalRepresentative: text('legal_representative'),
    address: text('address'),
    agentName: text('agent_name'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rights_case_party_case_idx').on(t.caseId, t.role, t.sortOrder),
    index('rights_case_party_credit_idx').on(t.creditCode),
    check('rights_case_party_role_check', sql`${t.role} in ('applicant','respondent')`),
  ],
);

/** One claim with its amount in fen; `agreed_fen` is what the agreement settled it at. */
export const rightsCaseClaim = pgTable(
  'rights_case_claim',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    type: text('type').notNull(),
    description: text('description'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    agreedFen: bigint('agreed_fen', { mode: 'number' }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('rights_case_claim_case_idx').on(t.caseId),
    check('rights_case_claim_type_check', sql`${t.type} in ('back_pay','overtime','double_wage','severance','illegal_termination','social_insurance','work_injury','annual_leave','other')`),
    check('rights_case_claim_amount_check', sql`${t.amountFen} >= 0 and (${t.agreedFen} is null or ${t.agreedFen} >= 0)`),
  ],
);

/** Staff on a case (confidentiality): the mediator, who took it in, and staff explicitly added. */
export const rightsCaseMember = pgTable(
  'rights_case_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    role: text('role').notNull(),
    addedBy: uuid('added_by').references(() => appUser.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('rights_case_member_active_unique')
      .on(t.caseId, t.userId)
      .where(sql`${t.removedAt} is null`),
    index('rights_case_member_user_idx').on(t.userId),
    check('rights_case_member_role_check', sql`${t.role} in ('mediator','intake','added')`),
  ],
);

/** A mediation session (调解会) with its notes. */
export const rightsCaseSession = pgTable(
  'rights_case_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    place: text('place'),
    attendees: text('attendees'),
    notes: text('notes').notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rights_case_session_case_idx').on(t.caseId, t.heldAt)],
);

/** 中断, 中止 and its end, and extensions: the events the clocks are computed from. Voided, never deleted. */
export const rightsClockEvent = pgTable(
  'rights_clock_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    kind: text('kind').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    reason: text('reason'),
    days: integer('days'),
    hasApplicantConsent: boolean('has_applicant_consent'),
    hasRespondentConsent: boolean('has_respondent_consent'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by').references(() => appUser.id),
    voidReason: text('void_reason'),
  },
  (t) => [
    index('rights_clock_event_case_idx').on(t.caseId, t.onDate),
    check('rights_clock_event_kind_check', sql`${t.kind} in ('interrupt','suspend','resume','mediation_extension','arbitration_extension')`),
  ],
);

/** A referral along 商、调、裁、诉、援、执: to whom, the worker's consent, accepted or returned, the result. */
export const rightsReferral = pgTable(
  'rights_referral',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    kind: text('kind').notNull(),
    fromOrgId: uuid('from_org_id')
      .notNull()
      .references(() => org.id),
    /** A union in the tree (it accepts in the console), or null for an outside body named below. */
    targetOrgId: uuid('target_org_id').references(() => org.id),
    targetName: text('target_name').notNull(),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    referredBy: uuid('referred_by').references(() => appUser.id),
    hasWorkerConsent: boolean('has_worker_consent').notNull(),
    consentNote: text('consent_note'),
    note: text('note'),
    status: text('status').notNull().default('pending'),
    respondedOn: date('responded_on', { mode: 'string' }),
    respondedBy: uuid('responded_by').references(() => appUser.id),
    responseNote: text('response_note'),
    referenceNo: text('reference_no'),
    result: text('result'),
    resultOn: date('result_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rights_referral_case_idx').on(t.caseId),
    index('rights_referral_target_idx').on(t.targetOrgId, t.status),
    uniqueIndex('rights_referral_one_pending')
      .on(t.caseId)
      .where(sql`${t.status} = 'pending'`),
    check('rights_referral_kind_check', sql`${t.kind} in ('negotiation','mediation','arbitration','litigation','legal_aid','enforcement')`),
    check('rights_referral_status_check', sql`${t.status} in ('pending','accepted','returned')`),
  ],
);

/** The agreement's payment plan. */
export const rightsInstallment = pgTable(
  'rights_installment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    note: text('note'),
  },
  (t) => [index('rights_installment_case_idx').on(t.caseId, t.dueOn), check('rights_installment_amount_check', sql`${t.amountFen} > 0`)],
);

/** Money received against the agreement. Append-only: a correction is a negative entry. */
export const rightsPayment = pgTable(
  'rights_payment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    method: text('method').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rights_payment_case_idx').on(t.caseId, t.receivedOn), check('rights_payment_amount_check', sql`${t.amountFen} <> 0`), check('rights_payment_method_check', sql`${t.method} in ('transfer','cash','other')`)],
);

/** An uploaded evidence file (image or PDF, type checked by its bytes), kept in the database. */
export const rightsFile = pgTable(
  'rights_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => appUser.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rights_file_uploader_idx').on(t.uploadedBy)],
);

export const rightsCaseEvidence = pgTable(
  'rights_case_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => rightsFile.id),
    description: text('description'),
    addedBy: uuid('added_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rights_case_evidence_unique').on(t.caseId, t.fileId)],
);
