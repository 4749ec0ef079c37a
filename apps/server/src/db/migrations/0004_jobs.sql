CREATE TABLE "job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"progress_text" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"error_code" text,
	"error_params" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_status_check" CHECK ("job"."status" in ('queued','running','succeeded','failed')),
	CONSTRAINT "job_progress_check" CHECK ("job"."progress" between 0 and 1)
);
--> statement-breakpoint
ALTER TABLE "member_import" DROP CONSTRAINT "member_import_status_check";--> statement-breakpoint
ALTER TABLE "member_import" ALTER COLUMN "total_rows" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "member_import" ALTER COLUMN "valid_rows" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "member_import" ALTER COLUMN "error_rows" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "member_import" ALTER COLUMN "report" SET DEFAULT '[]'::jsonb;--> statement-breakpoint
ALTER TABLE "member_import" ADD COLUMN "file" "bytea";--> statement-breakpoint
ALTER TABLE "member_import" ADD COLUMN "job_id" uuid;--> statement-breakpoint
CREATE INDEX "job_queue_idx" ON "job" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "member_import" ADD CONSTRAINT "member_import_status_check" CHECK ("member_import"."status" in ('queued','checking','checked','committing','committed','failed'));