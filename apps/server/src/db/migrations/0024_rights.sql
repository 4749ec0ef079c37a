CREATE TABLE "holiday_override" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"note" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holiday_override_kind_check" CHECK ("holiday_override"."kind" in ('holiday','workday'))
);
--> statement-breakpoint
CREATE TABLE "rights_consultation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"org_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"question" text NOT NULL,
	"is_anonymous" boolean DEFAULT false NOT NULL,
	"asker_user_id" uuid,
	"asker_name" text,
	"asker_phone" text,
	"employer_name" text,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answered_by" uuid,
	"answerer_name" text,
	"answered_at" timestamp with time zone,
	"asker_seen_at" timestamp with time zone,
	"case_id" uuid,
	"created_by" uuid,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_consultation_channel_check" CHECK ("rights_consultation"."channel" in ('walk_in','hotline','online','petition')),
	CONSTRAINT "rights_consultation_category_check" CHECK ("rights_consultation"."category" in ('contract','wages','work_injury','social_insurance','dismissal','rest_leave','other')),
	CONSTRAINT "rights_consultation_status_check" CHECK ("rights_consultation"."status" in ('open','answered','closed'))
);
--> statement-breakpoint
CREATE TABLE "rights_consultation_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"author_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_consultation_message_kind_check" CHECK ("rights_consultation_message"."kind" in ('question','reply','callback'))
);
--> statement-breakpoint
CREATE TABLE "rights_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"org_id" uuid NOT NULL,
	"source" text NOT NULL,
	"consultation_id" uuid,
	"category" text NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"stage" text DEFAULT 'mediation' NOT NULL,
	"external_body" text,
	"received_on" date NOT NULL,
	"acceptance_due_on" date NOT NULL,
	"accepted_on" date,
	"decision_note" text,
	"mediator_id" uuid,
	"assigned_at" timestamp with time zone,
	"mediation_due_on" date,
	"limitation_start_on" date,
	"is_wage_arrears_ongoing" boolean DEFAULT false NOT NULL,
	"employment_ended_on" date,
	"limitation_ends_on" date,
	"is_limitation_paused" boolean DEFAULT false NOT NULL,
	"arbitration_accepted_on" date,
	"arbitration_due_on" date,
	"outcome_on" date,
	"outcome_note" text,
	"agreement_terms" text,
	"is_complainant_sealed" boolean DEFAULT false NOT NULL,
	"claimed_fen" bigint DEFAULT 0 NOT NULL,
	"agreed_fen" bigint DEFAULT 0 NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_case_status_check" CHECK ("rights_case"."status" in ('received','accepted','rejected','agreed','failed','withdrawn')),
	CONSTRAINT "rights_case_stage_check" CHECK ("rights_case"."stage" in ('negotiation','mediation','arbitration','litigation','legal_aid','enforcement')),
	CONSTRAINT "rights_case_source_check" CHECK ("rights_case"."source" in ('walk_in','hotline','online','consultation','referral')),
	CONSTRAINT "rights_case_category_check" CHECK ("rights_case"."category" in ('contract','wages','work_injury','social_insurance','dismissal','rest_leave','other')),
	CONSTRAINT "rights_case_amounts_check" CHECK ("rights_case"."claimed_fen" >= 0 and "rights_case"."agreed_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rights_case_claim" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"description" text,
	"amount_fen" bigint NOT NULL,
	"agreed_fen" bigint,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rights_case_claim_type_check" CHECK ("rights_case_claim"."type" in ('back_pay','overtime','double_wage','severance','illegal_termination','social_insurance','work_injury','annual_leave','other')),
	CONSTRAINT "rights_case_claim_amount_check" CHECK ("rights_case_claim"."amount_fen" >= 0 and ("rights_case_claim"."agreed_fen" is null or "rights_case_claim"."agreed_fen" >= 0))
);
--> statement-breakpoint
CREATE TABLE "rights_case_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"description" text,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_case_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "rights_case_member_role_check" CHECK ("rights_case_member"."role" in ('mediator','intake','added'))
);
--> statement-breakpoint
CREATE TABLE "rights_case_party" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"id_number_enc" text,
	"id_number_hash" text,
	"id_number_masked" text,
	"phone" text,
	"person_id" uuid,
	"credit_code" text,
	"legal_representative" text,
	"address" text,
	"agent_name" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_case_party_role_check" CHECK ("rights_case_party"."role" in ('applicant','respondent'))
);
--> statement-breakpoint
CREATE TABLE "rights_case_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text,
	"attendees" text,
	"notes" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_clock_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"reason" text,
	"days" integer,
	"has_applicant_consent" boolean,
	"has_respondent_consent" boolean,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	CONSTRAINT "rights_clock_event_kind_check" CHECK ("rights_clock_event"."kind" in ('interrupt','suspend','resume','mediation_extension','arbitration_extension'))
);
--> statement-breakpoint
CREATE TABLE "rights_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_installment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" text,
	CONSTRAINT "rights_installment_amount_check" CHECK ("rights_installment"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "rights_payment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"method" text NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_payment_amount_check" CHECK ("rights_payment"."amount_fen" <> 0),
	CONSTRAINT "rights_payment_method_check" CHECK ("rights_payment"."method" in ('transfer','cash','other'))
);
--> statement-breakpoint
CREATE TABLE "rights_referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_org_id" uuid NOT NULL,
	"target_org_id" uuid,
	"target_name" text NOT NULL,
	"referred_on" date NOT NULL,
	"referred_by" uuid,
	"has_worker_consent" boolean NOT NULL,
	"consent_note" text,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"responded_on" date,
	"responded_by" uuid,
	"response_note" text,
	"reference_no" text,
	"result" text,
	"result_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_referral_kind_check" CHECK ("rights_referral"."kind" in ('negotiation','mediation','arbitration','litigation','legal_aid','enforcement')),
	CONSTRAINT "rights_referral_status_check" CHECK ("rights_referral"."status" in ('pending','accepted','returned'))
);
--> statement-breakpoint
CREATE TABLE "rights_counter" (
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"audience" text NOT NULL,
	"version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"spec" jsonb NOT NULL,
	"signature_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_document_kind_check" CHECK ("rights_document"."kind" in ('acceptance_notice','agreement')),
	CONSTRAINT "rights_document_audience_check" CHECK ("rights_document"."audience" in ('applicant','respondent','file'))
);
--> statement-breakpoint
CREATE TABLE "rights_point_reminder" (
	"point_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_reminder" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"clock" text NOT NULL,
	"due_on" date NOT NULL,
	"days_before" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"is_sms_sent" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rights_setting" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"acceptance_working_days" integer DEFAULT 3 NOT NULL,
	"report_due_day" integer DEFAULT 10 NOT NULL,
	"thresholds" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_sign_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"signer_role" text NOT NULL,
	"party_id" uuid,
	"signer_name" text NOT NULL,
	"content_hash" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_signature" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"signer_role" text NOT NULL,
	"party_id" uuid,
	"signer_name" text NOT NULL,
	"content_hash" text NOT NULL,
	"image" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"request_id" uuid,
	"ip" text,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_signature_role_check" CHECK ("rights_signature"."signer_role" in ('applicant','respondent','mediator'))
);
--> statement-breakpoint
CREATE TABLE "rights_monitoring_point" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"address" text,
	"industry" text,
	"informant_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"since_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_monitoring_point_status_check" CHECK ("rights_monitoring_point"."status" in ('active','inactive'))
);
--> statement-breakpoint
CREATE TABLE "rights_monitoring_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"point_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"values" jsonb NOT NULL,
	"note" text,
	"submitted_by" uuid,
	"submitted_via" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rights_monitoring_report_quarter_check" CHECK ("rights_monitoring_report"."quarter" ~ '^[0-9]{4}Q[1-4]$'),
	CONSTRAINT "rights_monitoring_report_via_check" CHECK ("rights_monitoring_report"."submitted_via" in ('phone','console'))
);
--> statement-breakpoint
CREATE TABLE "rights_rating_application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"level_applied" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"statement" text,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"level_granted" text,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"disqualified_reasons" jsonb,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_rating_level_check" CHECK ("rights_rating_application"."level_applied" in ('A','AA','AAA') and ("rights_rating_application"."level_granted" is null or "rights_rating_application"."level_granted" in ('A','AA','AAA'))),
	CONSTRAINT "rights_rating_status_check" CHECK ("rights_rating_application"."status" in ('submitted','approved','rejected','disqualified'))
);
--> statement-breakpoint
CREATE TABLE "rights_team_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"employer_name" text,
	"status" text DEFAULT 'active' NOT NULL,
	"since_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_team_member_role_check" CHECK ("rights_team_member"."role" in ('supervisor','informant','legal_supervisor')),
	CONSTRAINT "rights_team_member_status_check" CHECK ("rights_team_member"."status" in ('active','left'))
);
--> statement-breakpoint
CREATE TABLE "rights_warning" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"point_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"measure" text NOT NULL,
	"value" double precision NOT NULL,
	"op" text NOT NULL,
	"threshold" double precision NOT NULL,
	"level" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"handling_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_warning_level_check" CHECK ("rights_warning"."level" in ('yellow','red')),
	CONSTRAINT "rights_warning_status_check" CHECK ("rights_warning"."status" in ('open','handled'))
);
--> statement-breakpoint
ALTER TABLE "rights_consultation" ADD CONSTRAINT "rights_consultation_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_consultation" ADD CONSTRAINT "rights_consultation_asker_user_id_app_user_id_fk" FOREIGN KEY ("asker_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_consultation" ADD CONSTRAINT "rights_consultation_answered_by_app_user_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_consultation" ADD CONSTRAINT "rights_consultation_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_consultation_message" ADD CONSTRAINT "rights_consultation_message_consultation_id_rights_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."rights_consultation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_consultation_message" ADD CONSTRAINT "rights_consultation_message_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case" ADD CONSTRAINT "rights_case_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case" ADD CONSTRAINT "rights_case_consultation_id_rights_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."rights_consultation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case" ADD CONSTRAINT "rights_case_mediator_id_app_user_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case" ADD CONSTRAINT "rights_case_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_claim" ADD CONSTRAINT "rights_case_claim_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_evidence" ADD CONSTRAINT "rights_case_evidence_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_evidence" ADD CONSTRAINT "rights_case_evidence_file_id_rights_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."rights_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_evidence" ADD CONSTRAINT "rights_case_evidence_added_by_app_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_member" ADD CONSTRAINT "rights_case_member_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_member" ADD CONSTRAINT "rights_case_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_member" ADD CONSTRAINT "rights_case_member_added_by_app_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_party" ADD CONSTRAINT "rights_case_party_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_session" ADD CONSTRAINT "rights_case_session_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_session" ADD CONSTRAINT "rights_case_session_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clock_event" ADD CONSTRAINT "rights_clock_event_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clock_event" ADD CONSTRAINT "rights_clock_event_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clock_event" ADD CONSTRAINT "rights_clock_event_voided_by_app_user_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_file" ADD CONSTRAINT "rights_file_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_installment" ADD CONSTRAINT "rights_installment_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_payment" ADD CONSTRAINT "rights_payment_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_payment" ADD CONSTRAINT "rights_payment_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral" ADD CONSTRAINT "rights_referral_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral" ADD CONSTRAINT "rights_referral_from_org_id_org_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral" ADD CONSTRAINT "rights_referral_target_org_id_org_id_fk" FOREIGN KEY ("target_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral" ADD CONSTRAINT "rights_referral_referred_by_app_user_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral" ADD CONSTRAINT "rights_referral_responded_by_app_user_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_counter" ADD CONSTRAINT "rights_counter_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_document" ADD CONSTRAINT "rights_document_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_document" ADD CONSTRAINT "rights_document_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_reminder" ADD CONSTRAINT "rights_reminder_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_reminder" ADD CONSTRAINT "rights_reminder_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_setting" ADD CONSTRAINT "rights_setting_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_setting" ADD CONSTRAINT "rights_setting_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_sign_request" ADD CONSTRAINT "rights_sign_request_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_sign_request" ADD CONSTRAINT "rights_sign_request_party_id_rights_case_party_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."rights_case_party"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_sign_request" ADD CONSTRAINT "rights_sign_request_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_signature" ADD CONSTRAINT "rights_signature_case_id_rights_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_signature" ADD CONSTRAINT "rights_signature_party_id_rights_case_party_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."rights_case_party"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_signature" ADD CONSTRAINT "rights_signature_request_id_rights_sign_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."rights_sign_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_monitoring_point" ADD CONSTRAINT "rights_monitoring_point_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_monitoring_point" ADD CONSTRAINT "rights_monitoring_point_informant_id_rights_team_member_id_fk" FOREIGN KEY ("informant_id") REFERENCES "public"."rights_team_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_monitoring_report" ADD CONSTRAINT "rights_monitoring_report_point_id_rights_monitoring_point_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."rights_monitoring_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_monitoring_report" ADD CONSTRAINT "rights_monitoring_report_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_rating_application" ADD CONSTRAINT "rights_rating_application_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_rating_application" ADD CONSTRAINT "rights_rating_application_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_rating_application" ADD CONSTRAINT "rights_rating_application_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_team_member" ADD CONSTRAINT "rights_team_member_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_warning" ADD CONSTRAINT "rights_warning_point_id_rights_monitoring_point_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."rights_monitoring_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_warning" ADD CONSTRAINT "rights_warning_report_id_rights_monitoring_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."rights_monitoring_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_warning" ADD CONSTRAINT "rights_warning_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_warning" ADD CONSTRAINT "rights_warning_handled_by_app_user_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rights_consultation_number_unique" ON "rights_consultation" USING btree ("number");--> statement-breakpoint
CREATE INDEX "rights_consultation_org_idx" ON "rights_consultation" USING btree ("org_id","asked_at");--> statement-breakpoint
CREATE INDEX "rights_consultation_asker_idx" ON "rights_consultation" USING btree ("asker_user_id");--> statement-breakpoint
CREATE INDEX "rights_consultation_message_idx" ON "rights_consultation_message" USING btree ("consultation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_case_number_unique" ON "rights_case" USING btree ("number");--> statement-breakpoint
CREATE INDEX "rights_case_org_idx" ON "rights_case" USING btree ("org_id","received_on");--> statement-breakpoint
CREATE INDEX "rights_case_mediator_idx" ON "rights_case" USING btree ("mediator_id");--> statement-breakpoint
CREATE INDEX "rights_case_status_idx" ON "rights_case" USING btree ("status");--> statement-breakpoint
CREATE INDEX "rights_case_claim_case_idx" ON "rights_case_claim" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_case_evidence_unique" ON "rights_case_evidence" USING btree ("case_id","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_case_member_active_unique" ON "rights_case_member" USING btree ("case_id","user_id") WHERE "rights_case_member"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "rights_case_member_user_idx" ON "rights_case_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "rights_case_party_case_idx" ON "rights_case_party" USING btree ("case_id","role","sort_order");--> statement-breakpoint
CREATE INDEX "rights_case_party_credit_idx" ON "rights_case_party" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "rights_case_session_case_idx" ON "rights_case_session" USING btree ("case_id","held_at");--> statement-breakpoint
CREATE INDEX "rights_clock_event_case_idx" ON "rights_clock_event" USING btree ("case_id","on_date");--> statement-breakpoint
CREATE INDEX "rights_file_uploader_idx" ON "rights_file" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "rights_installment_case_idx" ON "rights_installment" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE INDEX "rights_payment_case_idx" ON "rights_payment" USING btree ("case_id","received_on");--> statement-breakpoint
CREATE INDEX "rights_referral_case_idx" ON "rights_referral" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "rights_referral_target_idx" ON "rights_referral" USING btree ("target_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_referral_one_pending" ON "rights_referral" USING btree ("case_id") WHERE "rights_referral"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "rights_counter_unique" ON "rights_counter" USING btree ("org_id","kind","year");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_document_version_unique" ON "rights_document" USING btree ("case_id","kind","audience","version");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_point_reminder_unique" ON "rights_point_reminder" USING btree ("point_id","quarter","days_before");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_reminder_unique" ON "rights_reminder" USING btree ("case_id","clock","due_on","days_before","user_id");--> statement-breakpoint
CREATE INDEX "rights_reminder_user_idx" ON "rights_reminder" USING btree ("user_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_sign_request_token_unique" ON "rights_sign_request" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "rights_sign_request_case_idx" ON "rights_sign_request" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "rights_signature_case_idx" ON "rights_signature" USING btree ("case_id","kind","content_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_monitoring_point_credit_unique" ON "rights_monitoring_point" USING btree ("credit_code") WHERE "rights_monitoring_point"."status" = 'active';--> statement-breakpoint
CREATE INDEX "rights_monitoring_point_org_idx" ON "rights_monitoring_point" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_monitoring_report_unique" ON "rights_monitoring_report" USING btree ("point_id","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_rating_one_a_year" ON "rights_rating_application" USING btree ("credit_code","year");--> statement-breakpoint
CREATE INDEX "rights_rating_org_idx" ON "rights_rating_application" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "rights_team_member_org_idx" ON "rights_team_member" USING btree ("org_id","role");--> statement-breakpoint
CREATE INDEX "rights_team_member_phone_idx" ON "rights_team_member" USING btree ("phone");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_warning_unique" ON "rights_warning" USING btree ("report_id","measure");--> statement-breakpoint
CREATE INDEX "rights_warning_org_idx" ON "rights_warning" USING btree ("org_id","status");