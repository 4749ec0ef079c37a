CREATE TABLE "mutualaid_batch" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"file_name" text,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"enrolled_rows" integer DEFAULT 0 NOT NULL,
	"skipped_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"report" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutualaid_claim" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"filed_by" uuid,
	"benefit" text NOT NULL,
	"incident_date" date NOT NULL,
	"hospital_days" integer,
	"amount_fen" integer,
	"description" text DEFAULT '' NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"is_sampled" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"rule_fen" integer,
	"payout_fen" integer,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"second_by" uuid,
	"second_by_name" text,
	"second_at" timestamp with time zone,
	"rejected_reason" text,
	"payment_method" text,
	"payment_reference" text,
	"paid_by" uuid,
	"paid_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutualaid_claim_status_check" CHECK ("mutualaid_claim"."status" in ('submitted','awaiting_second','approved','rejected','paid')),
	CONSTRAINT "mutualaid_claim_benefit_check" CHECK ("mutualaid_claim"."benefit" in ('hospital','serious_illness','accident')),
	CONSTRAINT "mutualaid_claim_method_check" CHECK ("mutualaid_claim"."payment_method" is null or "mutualaid_claim"."payment_method" in ('transfer','in_person')),
	CONSTRAINT "mutualaid_claim_second_distinct" CHECK ("mutualaid_claim"."second_by" is null or "mutualaid_claim"."second_by" <> "mutualaid_claim"."reviewed_by"),
	CONSTRAINT "mutualaid_claim_paid_check" CHECK ("mutualaid_claim"."status" <> 'paid' or ("mutualaid_claim"."payout_fen" is not null and "mutualaid_claim"."paid_at" is not null and "mutualaid_claim"."payment_method" is not null))
);
--> statement-breakpoint
CREATE TABLE "mutualaid_enrolment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"batch_id" uuid,
	"premium_fen" integer NOT NULL,
	"cap_fen" integer NOT NULL,
	"committed_fen" integer DEFAULT 0 NOT NULL,
	"enrolled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutualaid_enrolment_cap_check" CHECK ("mutualaid_enrolment"."committed_fen" >= 0 and "mutualaid_enrolment"."committed_fen" <= "mutualaid_enrolment"."cap_fen")
);
--> statement-breakpoint
CREATE TABLE "mutualaid_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"premium_fen" integer NOT NULL,
	"benefits" jsonb NOT NULL,
	"annual_cap_fen" integer NOT NULL,
	"second_approval_fen" integer NOT NULL,
	"sample_percent" integer DEFAULT 10 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutualaid_plan_status_check" CHECK ("mutualaid_plan"."status" in ('draft','open','closed')),
	CONSTRAINT "mutualaid_plan_money_check" CHECK ("mutualaid_plan"."premium_fen" >= 0 and "mutualaid_plan"."annual_cap_fen" > 0 and "mutualaid_plan"."second_approval_fen" >= 0),
	CONSTRAINT "mutualaid_plan_sample_check" CHECK ("mutualaid_plan"."sample_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "mutualaid_usage" (
	"enrolment_id" uuid NOT NULL,
	"benefit" text NOT NULL,
	"cap_fen" integer NOT NULL,
	"committed_fen" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "mutualaid_usage_enrolment_id_benefit_pk" PRIMARY KEY("enrolment_id","benefit"),
	CONSTRAINT "mutualaid_usage_cap_check" CHECK ("mutualaid_usage"."committed_fen" >= 0 and "mutualaid_usage"."committed_fen" <= "mutualaid_usage"."cap_fen"),
	CONSTRAINT "mutualaid_usage_benefit_check" CHECK ("mutualaid_usage"."benefit" in ('hospital','serious_illness','accident'))
);
--> statement-breakpoint
ALTER TABLE "mutualaid_batch" ADD CONSTRAINT "mutualaid_batch_plan_id_mutualaid_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."mutualaid_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_batch" ADD CONSTRAINT "mutualaid_batch_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_batch" ADD CONSTRAINT "mutualaid_batch_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_claim" ADD CONSTRAINT "mutualaid_claim_enrolment_id_mutualaid_enrolment_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."mutualaid_enrolment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_claim" ADD CONSTRAINT "mutualaid_claim_plan_id_mutualaid_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."mutualaid_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_claim" ADD CONSTRAINT "mutualaid_claim_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_claim" ADD CONSTRAINT "mutualaid_claim_filed_by_app_user_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_claim" ADD CONSTRAINT "mutualaid_claim_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_claim" ADD CONSTRAINT "mutualaid_claim_second_by_app_user_id_fk" FOREIGN KEY ("second_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_claim" ADD CONSTRAINT "mutualaid_claim_paid_by_app_user_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_enrolment" ADD CONSTRAINT "mutualaid_enrolment_plan_id_mutualaid_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."mutualaid_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_enrolment" ADD CONSTRAINT "mutualaid_enrolment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_enrolment" ADD CONSTRAINT "mutualaid_enrolment_membership_id_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."membership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_enrolment" ADD CONSTRAINT "mutualaid_enrolment_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_enrolment" ADD CONSTRAINT "mutualaid_enrolment_batch_id_mutualaid_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."mutualaid_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_enrolment" ADD CONSTRAINT "mutualaid_enrolment_enrolled_by_app_user_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_plan" ADD CONSTRAINT "mutualaid_plan_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_plan" ADD CONSTRAINT "mutualaid_plan_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualaid_usage" ADD CONSTRAINT "mutualaid_usage_enrolment_id_mutualaid_enrolment_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."mutualaid_enrolment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mutualaid_batch_plan_idx" ON "mutualaid_batch" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mutualaid_claim_number_unique" ON "mutualaid_claim" USING btree ("number");--> statement-breakpoint
CREATE INDEX "mutualaid_claim_plan_status_idx" ON "mutualaid_claim" USING btree ("plan_id","status");--> statement-breakpoint
CREATE INDEX "mutualaid_claim_enrolment_idx" ON "mutualaid_claim" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "mutualaid_claim_org_idx" ON "mutualaid_claim" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mutualaid_enrolment_person_unique" ON "mutualaid_enrolment" USING btree ("plan_id","person_id");--> statement-breakpoint
CREATE INDEX "mutualaid_enrolment_org_idx" ON "mutualaid_enrolment" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "mutualaid_enrolment_person_idx" ON "mutualaid_enrolment" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mutualaid_plan_org_year_unique" ON "mutualaid_plan" USING btree ("org_id","year");--> statement-breakpoint
-- Mutual-aid rows follow their plan's district (the shard key, docs/SCALING.md).
SELECT niangjia_add_district_key('mutualaid_plan', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('mutualaid_batch', 'plan_id', 'mutualaid_plan', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('mutualaid_enrolment', 'plan_id', 'mutualaid_plan', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('mutualaid_usage', 'enrolment_id', 'mutualaid_enrolment', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('mutualaid_claim', 'enrolment_id', 'mutualaid_enrolment', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('mutualaid_batch', 'plan_id', 'mutualaid_plan');
--> statement-breakpoint
SELECT niangjia_colocate_fk('mutualaid_enrolment', 'plan_id', 'mutualaid_plan');
--> statement-breakpoint
SELECT niangjia_colocate_fk('mutualaid_enrolment', 'person_id', 'person');
--> statement-breakpoint
SELECT niangjia_colocate_fk('mutualaid_enrolment', 'membership_id', 'membership');
--> statement-breakpoint
SELECT niangjia_colocate_fk('mutualaid_enrolment', 'batch_id', 'mutualaid_batch');
--> statement-breakpoint
SELECT niangjia_colocate_fk('mutualaid_usage', 'enrolment_id', 'mutualaid_enrolment');
--> statement-breakpoint
SELECT niangjia_colocate_fk('mutualaid_claim', 'enrolment_id', 'mutualaid_enrolment');
--> statement-breakpoint
SELECT niangjia_colocate_fk('mutualaid_claim', 'plan_id', 'mutualaid_plan');
