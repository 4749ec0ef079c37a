CREATE TABLE "survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT 'org' NOT NULL,
	"employment_forms" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_anonymous" boolean DEFAULT true NOT NULL,
	"link_token" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"questions" jsonb NOT NULL,
	"published_question_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_status_check" CHECK ("survey"."status" in ('draft','published','closed')),
	CONSTRAINT "survey_audience_check" CHECK ("survey"."audience" in ('org','qr') and ("survey"."audience" = 'qr') = ("survey"."link_token" is not null)),
	CONSTRAINT "survey_published_check" CHECK (("survey"."status" = 'draft') = ("survey"."published_at" is null))
);
--> statement-breakpoint
CREATE TABLE "survey_respondent" (
	"survey_id" uuid NOT NULL,
	"respondent_key" uuid NOT NULL,
	CONSTRAINT "survey_respondent_survey_id_respondent_key_pk" PRIMARY KEY("survey_id","respondent_key")
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"union_id" uuid,
	"employment_form" text,
	"person_id" uuid,
	"answered_on" date NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondent" ADD CONSTRAINT "survey_respondent_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_union_id_org_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_org_idx" ON "survey" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_link_token_idx" ON "survey" USING btree ("link_token");--> statement-breakpoint
CREATE INDEX "survey_response_survey_idx" ON "survey_response" USING btree ("survey_id","answered_on");--> statement-breakpoint
SELECT niangjia_add_district_key('survey', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('survey_respondent', 'survey_id', 'survey', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('survey_response', 'survey_id', 'survey', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('survey_respondent', 'survey_id', 'survey');
--> statement-breakpoint
SELECT niangjia_colocate_fk('survey_response', 'survey_id', 'survey');
--> statement-breakpoint
SELECT niangjia_colocate_fk('survey_response', 'person_id', 'person');
