CREATE TABLE "campaign" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"budget_fen" bigint NOT NULL,
	"approved_fen" bigint DEFAULT 0 NOT NULL,
	"funding_sources" jsonb NOT NULL,
	"benefits" jsonb NOT NULL,
	"eligibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"second_approval_fen" bigint NOT NULL,
	"yearly_limit_fen" bigint,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_kind_check" CHECK ("campaign"."kind" in ('winter','spring','summer','autumn','health','custom')),
	CONSTRAINT "campaign_status_check" CHECK ("campaign"."status" in ('draft','open','closed')),
	CONSTRAINT "campaign_period_check" CHECK ("campaign"."ends_on" >= "campaign"."starts_on"),
	CONSTRAINT "campaign_budget_check" CHECK ("campaign"."budget_fen" > 0 and "campaign"."approved_fen" >= 0 and "campaign"."approved_fen" <= "campaign"."budget_fen")
);
--> statement-breakpoint
CREATE TABLE "campaign_allocation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"parent_id" uuid,
	"amount_fen" bigint NOT NULL,
	"sub_allocated_fen" bigint DEFAULT 0 NOT NULL,
	"spent_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_allocation_within_check" CHECK ("campaign_allocation"."sub_allocated_fen" >= 0 and "campaign_allocation"."spent_fen" >= 0 and "campaign_allocation"."sub_allocated_fen" + "campaign_allocation"."spent_fen" <= "campaign_allocation"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "campaign_approval" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"approver_id" uuid NOT NULL,
	"approver_name" text NOT NULL,
	"decision" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_approval_decision_check" CHECK ("campaign_approval"."decision" in ('approve','reject','second'))
);
--> statement-breakpoint
CREATE TABLE "campaign_duplicate_review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"other_nomination_id" uuid NOT NULL,
	"reasons" text[] NOT NULL,
	"decision" text,
	"note" text,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_duplicate_review_decision_check" CHECK ("campaign_duplicate_review"."decision" is null or "campaign_duplicate_review"."decision" in ('same','different')),
	CONSTRAINT "campaign_duplicate_review_reasons_check" CHECK ("campaign_duplicate_review"."reasons" <@ array['name_phone','household','employer_name']::text[] and cardinality("campaign_duplicate_review"."reasons") > 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_nomination" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"allocation_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"benefit_key" text NOT NULL,
	"benefit_kind" text NOT NULL,
	"quantity" integer,
	"value_fen" bigint NOT NULL,
	"year" integer NOT NULL,
	"steps" uuid[] NOT NULL,
	"current_step" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"attestations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"nominated_by" uuid,
	"final_approver_id" uuid,
	"second_by" uuid,
	"second_by_name" text,
	"second_at" timestamp with time zone,
	"rejected_reason" text,
	"disburse_method" text,
	"disburse_reference" text,
	"disbursed_by" uuid,
	"disbursed_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"ack_via" text,
	"ack_by" uuid,
	"ack_photo_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_nomination_status_check" CHECK ("campaign_nomination"."status" in ('review','pending','awaiting_second','approved','disbursed','acknowledged','rejected')),
	CONSTRAINT "campaign_nomination_kind_check" CHECK ("campaign_nomination"."benefit_kind" in ('cash','goods','service')),
	CONSTRAINT "campaign_nomination_value_check" CHECK ("campaign_nomination"."value_fen" >= 0),
	CONSTRAINT "campaign_nomination_method_check" CHECK ("campaign_nomination"."disburse_method" is null or "campaign_nomination"."disburse_method" in ('transfer','in_person','goods_handover','service_delivered')),
	CONSTRAINT "campaign_nomination_ack_check" CHECK ("campaign_nomination"."ack_via" is null or "campaign_nomination"."ack_via" in ('phone','sheet')),
	CONSTRAINT "campaign_nomination_second_distinct" CHECK ("campaign_nomination"."second_by" is null or "campaign_nomination"."second_by" <> "campaign_nomination"."final_approver_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_person_pair" (
	"person_a" uuid NOT NULL,
	"person_b" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"review_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_person_pair_person_a_person_b_pk" PRIMARY KEY("person_a","person_b"),
	CONSTRAINT "campaign_person_pair_order_check" CHECK ("campaign_person_pair"."person_a" < "campaign_person_pair"."person_b"),
	CONSTRAINT "campaign_person_pair_decision_check" CHECK ("campaign_person_pair"."decision" in ('same','different'))
);
--> statement-breakpoint
CREATE TABLE "campaign_person_year" (
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"value_fen" bigint DEFAULT 0 NOT NULL,
	"times" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_person_year_person_id_year_pk" PRIMARY KEY("person_id","year"),
	CONSTRAINT "campaign_person_year_check" CHECK ("campaign_person_year"."value_fen" >= 0 and "campaign_person_year"."times" >= 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_signature" (
	"nomination_id" uuid PRIMARY KEY NOT NULL,
	"image" "bytea" NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_allocation" ADD CONSTRAINT "campaign_allocation_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_allocation" ADD CONSTRAINT "campaign_allocation_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_allocation" ADD CONSTRAINT "campaign_allocation_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_approval" ADD CONSTRAINT "campaign_approval_nomination_id_campaign_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."campaign_nomination"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_approval" ADD CONSTRAINT "campaign_approval_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_approval" ADD CONSTRAINT "campaign_approval_approver_id_app_user_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_duplicate_review" ADD CONSTRAINT "campaign_duplicate_review_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_duplicate_review" ADD CONSTRAINT "campaign_duplicate_review_nomination_id_campaign_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."campaign_nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_duplicate_review" ADD CONSTRAINT "campaign_duplicate_review_other_nomination_id_campaign_nomination_id_fk" FOREIGN KEY ("other_nomination_id") REFERENCES "public"."campaign_nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_duplicate_review" ADD CONSTRAINT "campaign_duplicate_review_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_nomination" ADD CONSTRAINT "campaign_nomination_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_nomination" ADD CONSTRAINT "campaign_nomination_allocation_id_campaign_allocation_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."campaign_allocation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_nomination" ADD CONSTRAINT "campaign_nomination_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_nomination" ADD CONSTRAINT "campaign_nomination_nominated_by_app_user_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_nomination" ADD CONSTRAINT "campaign_nomination_final_approver_id_app_user_id_fk" FOREIGN KEY ("final_approver_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_nomination" ADD CONSTRAINT "campaign_nomination_second_by_app_user_id_fk" FOREIGN KEY ("second_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_nomination" ADD CONSTRAINT "campaign_nomination_disbursed_by_app_user_id_fk" FOREIGN KEY ("disbursed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_nomination" ADD CONSTRAINT "campaign_nomination_ack_by_app_user_id_fk" FOREIGN KEY ("ack_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_nomination" ADD CONSTRAINT "campaign_nomination_ack_photo_id_care_photo_id_fk" FOREIGN KEY ("ack_photo_id") REFERENCES "public"."care_photo"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_person_pair" ADD CONSTRAINT "campaign_person_pair_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_person_pair" ADD CONSTRAINT "campaign_person_pair_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_person_year" ADD CONSTRAINT "campaign_person_year_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_signature" ADD CONSTRAINT "campaign_signature_nomination_id_campaign_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."campaign_nomination"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_signature" ADD CONSTRAINT "campaign_signature_signed_by_app_user_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_org_idx" ON "campaign" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_allocation_org_unique" ON "campaign_allocation" USING btree ("campaign_id","org_id");--> statement-breakpoint
CREATE INDEX "campaign_allocation_parent_idx" ON "campaign_allocation" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_approval_step_unique" ON "campaign_approval" USING btree ("nomination_id","step");--> statement-breakpoint
CREATE INDEX "campaign_duplicate_review_campaign_idx" ON "campaign_duplicate_review" USING btree ("campaign_id","decision");--> statement-breakpoint
CREATE INDEX "campaign_duplicate_review_nomination_idx" ON "campaign_duplicate_review" USING btree ("nomination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_nomination_person_unique" ON "campaign_nomination" USING btree ("campaign_id","person_id") WHERE "campaign_nomination"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "campaign_nomination_campaign_idx" ON "campaign_nomination" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "campaign_nomination_org_idx" ON "campaign_nomination" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "campaign_nomination_person_idx" ON "campaign_nomination" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "campaign_nomination_name_idx" ON "campaign_nomination" USING btree ("campaign_id","person_name");--> statement-breakpoint
CREATE INDEX "campaign_person_pair_b_idx" ON "campaign_person_pair" USING btree ("person_b");--> statement-breakpoint
-- Campaigns and their rows belong to the owner's district (the shard key, docs/SCALING.md).
SELECT niangjia_add_district_key('campaign', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('campaign_allocation', 'campaign_id', 'campaign', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('campaign_nomination', 'campaign_id', 'campaign', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('campaign_approval', 'nomination_id', 'campaign_nomination', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('campaign_signature', 'nomination_id', 'campaign_nomination', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('campaign_duplicate_review', 'campaign_id', 'campaign', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('campaign_person_year', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('campaign_person_pair', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('campaign_allocation', 'campaign_id', 'campaign');
--> statement-breakpoint
SELECT niangjia_colocate_fk('campaign_nomination', 'campaign_id', 'campaign');
--> statement-breakpoint
SELECT niangjia_colocate_fk('campaign_nomination', 'allocation_id', 'campaign_allocation');
--> statement-breakpoint
SELECT niangjia_colocate_fk('campaign_approval', 'nomination_id', 'campaign_nomination', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('campaign_signature', 'nomination_id', 'campaign_nomination', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('campaign_duplicate_review', 'campaign_id', 'campaign');
--> statement-breakpoint
SELECT niangjia_colocate_fk('campaign_duplicate_review', 'nomination_id', 'campaign_nomination');
--> statement-breakpoint
SELECT niangjia_colocate_fk('campaign_duplicate_review', 'other_nomination_id', 'campaign_nomination');
