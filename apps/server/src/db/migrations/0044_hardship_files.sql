CREATE TABLE "hardship_consent" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"signed_by" uuid,
	"text_version" text NOT NULL,
	"text_hash" text NOT NULL,
	"image" "bytea" NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"photo_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hardship_document_kind_check" CHECK ("hardship_document"."kind" in ('income_proof','medical','disability','disaster','school','other'))
);
--> statement-breakpoint
CREATE TABLE "hardship_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"org_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_user_id" uuid,
	"opened_by" uuid NOT NULL,
	"opened_via" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"tier" text,
	"causes" text[] NOT NULL,
	"cause_note" text DEFAULT '' NOT NULL,
	"household_size" integer DEFAULT 0 NOT NULL,
	"income_per_head_fen" bigint DEFAULT 0 NOT NULL,
	"return_note" text,
	"submitted_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"notice_starts_on" date,
	"notice_ends_on" date,
	"admitted_on" date,
	"next_review_on" date,
	"review_reminded_for" date,
	"exit_kind" text,
	"exit_reason" text,
	"exited_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hardship_file_status_check" CHECK ("hardship_file"."status" in ('draft','submitted','verifying','verified','notice','active','rejected','exited')),
	CONSTRAINT "hardship_file_tier_check" CHECK ("hardship_file"."tier" in ('deep','relative','accident')),
	CONSTRAINT "hardship_file_via_check" CHECK ("hardship_file"."opened_via" in ('phone','staff')),
	CONSTRAINT "hardship_file_causes_check" CHECK ("hardship_file"."causes" <@ array['illness','disability','disaster','single_parent','child_in_school','other']::text[] and cardinality("hardship_file"."causes") > 0),
	CONSTRAINT "hardship_file_exit_check" CHECK (("hardship_file"."status" = 'exited') = ("hardship_file"."exit_kind" is not null) and "hardship_file"."exit_kind" in ('resolved','withdrawn')),
	CONSTRAINT "hardship_file_notice_check" CHECK ("hardship_file"."notice_ends_on" >= "hardship_file"."notice_starts_on")
);
--> statement-breakpoint
CREATE TABLE "hardship_household_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"id_number_enc" text,
	"id_number_masked" text,
	"monthly_income_fen" bigint DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hardship_household_member_relation_check" CHECK ("hardship_household_member"."relation" in ('self','spouse','child','parent','sibling','grandparent','grandchild','other')),
	CONSTRAINT "hardship_household_member_income_check" CHECK ("hardship_household_member"."monthly_income_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hardship_objection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"text" text NOT NULL,
	"raised_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"outcome_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "hardship_objection_outcome_check" CHECK ("hardship_objection"."outcome" in ('pending','upheld','dismissed'))
);
--> statement-breakpoint
CREATE TABLE "hardship_review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"reviewer_id" uuid,
	"reviewer_name" text NOT NULL,
	"outcome" text NOT NULL,
	"tier" text,
	"note" text NOT NULL,
	CONSTRAINT "hardship_review_outcome_check" CHECK ("hardship_review"."outcome" in ('continue','exit'))
);
--> statement-breakpoint
CREATE TABLE "hardship_threshold" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"monthly_fen_per_head" bigint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_verification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"verifier_id" uuid NOT NULL,
	"verifier_name" text NOT NULL,
	"tier" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hardship_verification_tier_check" CHECK ("hardship_verification"."tier" in ('deep','relative','accident'))
);
--> statement-breakpoint
ALTER TABLE "hardship_consent" ADD CONSTRAINT "hardship_consent_file_id_hardship_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_consent" ADD CONSTRAINT "hardship_consent_signed_by_app_user_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_document" ADD CONSTRAINT "hardship_document_file_id_hardship_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_document" ADD CONSTRAINT "hardship_document_photo_id_care_photo_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."care_photo"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_document" ADD CONSTRAINT "hardship_document_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_file" ADD CONSTRAINT "hardship_file_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_file" ADD CONSTRAINT "hardship_file_applicant_user_id_app_user_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_file" ADD CONSTRAINT "hardship_file_opened_by_app_user_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_household_member" ADD CONSTRAINT "hardship_household_member_file_id_hardship_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_objection" ADD CONSTRAINT "hardship_objection_file_id_hardship_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_objection" ADD CONSTRAINT "hardship_objection_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_objection" ADD CONSTRAINT "hardship_objection_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_review" ADD CONSTRAINT "hardship_review_file_id_hardship_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_review" ADD CONSTRAINT "hardship_review_reviewer_id_app_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_threshold" ADD CONSTRAINT "hardship_threshold_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_threshold" ADD CONSTRAINT "hardship_threshold_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_verification" ADD CONSTRAINT "hardship_verification_file_id_hardship_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_verification" ADD CONSTRAINT "hardship_verification_verifier_id_app_user_id_fk" FOREIGN KEY ("verifier_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hardship_document_file_idx" ON "hardship_document" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "hardship_document_photo_idx" ON "hardship_document" USING btree ("photo_id");--> statement-breakpoint
CREATE INDEX "hardship_file_org_idx" ON "hardship_file" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "hardship_file_applicant_idx" ON "hardship_file" USING btree ("applicant_user_id");--> statement-breakpoint
CREATE INDEX "hardship_file_review_idx" ON "hardship_file" USING btree ("next_review_on") WHERE "hardship_file"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_file_open_person_unique" ON "hardship_file" USING btree ("person_id") WHERE "hardship_file"."status" not in ('exited','rejected');--> statement-breakpoint
CREATE INDEX "hardship_household_member_file_idx" ON "hardship_household_member" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "hardship_objection_file_idx" ON "hardship_objection" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "hardship_review_file_idx" ON "hardship_review" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_verification_file_verifier_unique" ON "hardship_verification" USING btree ("file_id","verifier_id");--> statement-breakpoint
-- Hardship files and their rows belong to the member's district (the shard key, docs/SCALING.md).
SELECT niangjia_add_district_key('hardship_file', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('hardship_threshold', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('hardship_household_member', 'file_id', 'hardship_file', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('hardship_document', 'file_id', 'hardship_file', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('hardship_consent', 'file_id', 'hardship_file', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('hardship_verification', 'file_id', 'hardship_file', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('hardship_objection', 'file_id', 'hardship_file', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('hardship_review', 'file_id', 'hardship_file', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('hardship_household_member', 'file_id', 'hardship_file', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('hardship_document', 'file_id', 'hardship_file', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('hardship_consent', 'file_id', 'hardship_file', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('hardship_verification', 'file_id', 'hardship_file', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('hardship_objection', 'file_id', 'hardship_file', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('hardship_review', 'file_id', 'hardship_file', 'id', 'ON DELETE CASCADE');
