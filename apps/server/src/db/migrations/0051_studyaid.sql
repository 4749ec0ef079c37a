CREATE TABLE "studyaid_setting" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"benefit_key" text NOT NULL,
	"undergraduate_fen" bigint NOT NULL,
	"junior_college_fen" bigint NOT NULL,
	"high_school_fen" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studyaid_setting_amounts_check" CHECK ("studyaid_setting"."undergraduate_fen" > 0 and "studyaid_setting"."junior_college_fen" > 0 and "studyaid_setting"."high_school_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "studyaid_student" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"parent_person_id" uuid NOT NULL,
	"child_name" text NOT NULL,
	"child_id_enc" text NOT NULL,
	"child_id_hash" text NOT NULL,
	"child_id_masked" text NOT NULL,
	"relation" text NOT NULL,
	"school" text NOT NULL,
	"level" text NOT NULL,
	"admission_year" integer NOT NULL,
	"year" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"letter_photo_id" uuid,
	"placement_place" text,
	"placement_org" text,
	"placement_starts_on" date,
	"placement_ends_on" date,
	"placement_hours" integer,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studyaid_student_level_check" CHECK ("studyaid_student"."level" in ('undergraduate','junior_college','high_school')),
	CONSTRAINT "studyaid_student_relation_check" CHECK ("studyaid_student"."relation" in ('son','daughter','ward')),
	CONSTRAINT "studyaid_student_amount_check" CHECK ("studyaid_student"."amount_fen" > 0),
	CONSTRAINT "studyaid_student_placement_check" CHECK (("studyaid_student"."placement_place" is null) = ("studyaid_student"."placement_starts_on" is null) and ("studyaid_student"."placement_starts_on" is null or ("studyaid_student"."placement_ends_on" >= "studyaid_student"."placement_starts_on" and "studyaid_student"."placement_hours" > 0)))
);
--> statement-breakpoint
ALTER TABLE "studyaid_setting" ADD CONSTRAINT "studyaid_setting_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studyaid_setting" ADD CONSTRAINT "studyaid_setting_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studyaid_student" ADD CONSTRAINT "studyaid_student_nomination_id_campaign_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."campaign_nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studyaid_student" ADD CONSTRAINT "studyaid_student_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studyaid_student" ADD CONSTRAINT "studyaid_student_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studyaid_student" ADD CONSTRAINT "studyaid_student_letter_photo_id_care_photo_id_fk" FOREIGN KEY ("letter_photo_id") REFERENCES "public"."care_photo"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studyaid_student" ADD CONSTRAINT "studyaid_student_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "studyaid_student_nomination_unique" ON "studyaid_student" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "studyaid_student_campaign_idx" ON "studyaid_student" USING btree ("campaign_id","level");--> statement-breakpoint
CREATE INDEX "studyaid_student_child_idx" ON "studyaid_student" USING btree ("child_id_hash","year");--> statement-breakpoint
CREATE INDEX "studyaid_student_parent_idx" ON "studyaid_student" USING btree ("parent_person_id");--> statement-breakpoint
-- 秋送助学 rows follow their campaign's district (the shard key, docs/SCALING.md): the settings and the student with the campaign.
SELECT niangjia_add_district_key('studyaid_setting', 'campaign_id', 'campaign', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('studyaid_student', 'campaign_id', 'campaign', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('studyaid_setting', 'campaign_id', 'campaign');
--> statement-breakpoint
SELECT niangjia_colocate_fk('studyaid_student', 'campaign_id', 'campaign');
--> statement-breakpoint
SELECT niangjia_colocate_fk('studyaid_student', 'nomination_id', 'campaign_nomination');
