CREATE TABLE "care_photo" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_photo_type_check" CHECK ("care_photo"."content_type" in ('image/jpeg','image/png','image/webp'))
);
--> statement-breakpoint
CREATE TABLE "position_inspection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"inspected_on" date NOT NULL,
	"inspector_id" uuid NOT NULL,
	"inspector_name" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"facilities" text[] NOT NULL,
	"notes" text,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "position_issue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"position_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"photo_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_id" uuid,
	"resolution_note" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "position_issue_status_check" CHECK ("position_issue"."status" in ('open','assigned','resolved')),
	CONSTRAINT "position_issue_category_check" CHECK ("position_issue"."category" in ('facility_broken','closed_when_open','hygiene','supplies_out','safety','staff_service','other'))
);
--> statement-breakpoint
CREATE TABLE "position_rating" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"month" text NOT NULL,
	"stars" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "position_rating_stars_check" CHECK ("position_rating"."stars" between 1 and 5),
	CONSTRAINT "position_rating_month_check" CHECK ("position_rating"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "rating_rubric" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"criteria" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care_photo" ADD CONSTRAINT "care_photo_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_inspection" ADD CONSTRAINT "position_inspection_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_inspection" ADD CONSTRAINT "position_inspection_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_inspection" ADD CONSTRAINT "position_inspection_inspector_id_app_user_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_issue" ADD CONSTRAINT "position_issue_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_issue" ADD CONSTRAINT "position_issue_reporter_id_app_user_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_issue" ADD CONSTRAINT "position_issue_photo_id_care_photo_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."care_photo"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_issue" ADD CONSTRAINT "position_issue_assignee_id_app_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_issue" ADD CONSTRAINT "position_issue_resolved_by_app_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_rating" ADD CONSTRAINT "position_rating_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_rating" ADD CONSTRAINT "position_rating_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_rubric" ADD CONSTRAINT "rating_rubric_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_rubric" ADD CONSTRAINT "rating_rubric_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_photo_uploader_idx" ON "care_photo" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "position_inspection_position_year_idx" ON "position_inspection" USING btree ("position_id","year");--> statement-breakpoint
CREATE INDEX "position_inspection_year_idx" ON "position_inspection" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "position_issue_number_unique" ON "position_issue" USING btree ("number");--> statement-breakpoint
CREATE INDEX "position_issue_position_idx" ON "position_issue" USING btree ("position_id","status");--> statement-breakpoint
CREATE INDEX "position_issue_reporter_idx" ON "position_issue" USING btree ("reporter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "position_rating_one_a_month" ON "position_rating" USING btree ("position_id","user_id","month");--> statement-breakpoint
CREATE INDEX "position_rating_month_idx" ON "position_rating" USING btree ("month");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_rubric_org_unique" ON "rating_rubric" USING btree ("org_id");