CREATE TABLE "job_schedule" (
	"name" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"cron" text NOT NULL,
	"timezone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_job_id" uuid,
	"is_paused" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"org_id" uuid,
	"kind" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"body_zh" text,
	"body_en" text,
	"link" text,
	"entity_type" text,
	"entity_id" text,
	"is_confidential" boolean DEFAULT false NOT NULL,
	"sms_status" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_sms_status_check" CHECK ("notification"."sms_status" in ('queued','sent','failed','skipped')),
	CONSTRAINT "notification_link_check" CHECK ("notification"."link" ~ '^/(admin|m|p)(/|$)')
);
--> statement-breakpoint
CREATE TABLE "notification_preference" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"is_sms_enabled" boolean DEFAULT false NOT NULL,
	"language" text DEFAULT 'zh-CN' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preference_language_check" CHECK ("notification_preference"."language" in ('zh-CN','en'))
);
--> statement-breakpoint
CREATE TABLE "notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"is_pinned" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_by" uuid,
	"created_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_status_check" CHECK ("notice"."status" in ('draft','published','withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "job" DROP CONSTRAINT "job_status_check";--> statement-breakpoint
ALTER TABLE "job" ADD COLUMN "run_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "job" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "job" ADD COLUMN "schedule_name" text;--> statement-breakpoint
ALTER TABLE "job" ADD COLUMN "is_cancel_requested" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_id_app_user_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice" ADD CONSTRAINT "notice_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice" ADD CONSTRAINT "notice_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_recipient_idx" ON "notification" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_unread_idx" ON "notification" USING btree ("recipient_id") WHERE "notification"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notice_org_published_idx" ON "notice" USING btree ("org_id","published_at") WHERE "notice"."status" = 'published';--> statement-breakpoint
CREATE INDEX "notice_org_idx" ON "notice" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "job_due_idx" ON "job" USING btree ("run_at","created_at") WHERE "job"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "job_kind_idx" ON "job" USING btree ("kind","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "job_dedupe_key_unique" ON "job" USING btree ("dedupe_key");--> statement-breakpoint
ALTER TABLE "job" ADD CONSTRAINT "job_status_check" CHECK ("job"."status" in ('queued','running','succeeded','failed','dead','cancelled'));