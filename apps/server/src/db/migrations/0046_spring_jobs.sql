CREATE TABLE "job_application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"posting_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"applicant_key" text NOT NULL,
	"person_id" uuid,
	"user_id" uuid,
	"source" text DEFAULT 'phone' NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"hired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_application_source_check" CHECK ("job_application"."source" in ('phone','fair')),
	CONSTRAINT "job_application_status_check" CHECK ("job_application"."status" in ('applied','viewed','interview','hired','rejected','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "job_posting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"employer_name" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"employment_form" text NOT NULL,
	"pay_min_fen" integer NOT NULL,
	"pay_max_fen" integer NOT NULL,
	"pay_period" text DEFAULT 'month' NOT NULL,
	"headcount" integer NOT NULL,
	"filled" integer DEFAULT 0 NOT NULL,
	"address" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"valid_until" date NOT NULL,
	"event_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_posting_status_check" CHECK ("job_posting"."status" in ('draft','open','closed','filled')),
	CONSTRAINT "job_posting_form_check" CHECK ("job_posting"."employment_form" in ('full_time','part_time','flexible','internship')),
	CONSTRAINT "job_posting_period_check" CHECK ("job_posting"."pay_period" in ('month','day','hour')),
	CONSTRAINT "job_posting_pay_check" CHECK ("job_posting"."pay_min_fen" >= 0 and "job_posting"."pay_min_fen" <= "job_posting"."pay_max_fen"),
	CONSTRAINT "job_posting_headcount_check" CHECK ("job_posting"."headcount" > 0 and "job_posting"."filled" >= 0 and "job_posting"."filled" <= "job_posting"."headcount"),
	CONSTRAINT "job_posting_point_check" CHECK ("job_posting"."lng" between -180 and 180 and "job_posting"."lat" between -90 and 90)
);
--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_posting_id_job_posting_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."job_posting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_posting" ADD CONSTRAINT "job_posting_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_posting" ADD CONSTRAINT "job_posting_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_application_once_unique" ON "job_application" USING btree ("posting_id","applicant_key");--> statement-breakpoint
CREATE INDEX "job_application_user_idx" ON "job_application" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "job_application_org_idx" ON "job_application" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "job_posting_org_idx" ON "job_posting" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "job_posting_open_idx" ON "job_posting" USING btree ("opened_at") WHERE "job_posting"."status" = 'open';--> statement-breakpoint
CREATE INDEX "job_posting_event_idx" ON "job_posting" USING btree ("event_id");--> statement-breakpoint
-- 春送岗位 rows follow the employer's union's district (the shard key, docs/SCALING.md); an application lives with its job.
SELECT niangjia_add_district_key('job_posting', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('job_application', 'posting_id', 'job_posting', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('job_application', 'posting_id', 'job_posting');
