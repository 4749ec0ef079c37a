CREATE TABLE "liaison_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"cadre_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "liaison_assignment_kind_check" CHECK ("liaison_assignment"."kind" in ('area','pair')),
	CONSTRAINT "liaison_assignment_dates_check" CHECK ("liaison_assignment"."ended_on" is null or "liaison_assignment"."ended_on" >= "liaison_assignment"."started_on")
);
--> statement-breakpoint
CREATE TABLE "liaison_problem" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"visit_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"cadre_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"description" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"latest_note" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "liaison_problem_status_check" CHECK ("liaison_problem"."status" in ('open','in_progress','resolved')),
	CONSTRAINT "liaison_problem_resolved_check" CHECK (("liaison_problem"."status" = 'resolved') = ("liaison_problem"."resolved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "liaison_visit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"cadre_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"summary" text NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "liaison_assignment" ADD CONSTRAINT "liaison_assignment_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_assignment" ADD CONSTRAINT "liaison_assignment_cadre_id_app_user_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_assignment" ADD CONSTRAINT "liaison_assignment_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_problem" ADD CONSTRAINT "liaison_problem_visit_id_liaison_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."liaison_visit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_problem" ADD CONSTRAINT "liaison_problem_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_problem" ADD CONSTRAINT "liaison_problem_cadre_id_app_user_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_problem" ADD CONSTRAINT "liaison_problem_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_problem" ADD CONSTRAINT "liaison_problem_resolved_by_app_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_visit" ADD CONSTRAINT "liaison_visit_assignment_id_liaison_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."liaison_assignment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_visit" ADD CONSTRAINT "liaison_visit_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_visit" ADD CONSTRAINT "liaison_visit_cadre_id_app_user_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "liaison_assignment_active_unique" ON "liaison_assignment" USING btree ("cadre_id","org_id") WHERE "liaison_assignment"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "liaison_assignment_org_idx" ON "liaison_assignment" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "liaison_problem_visit_idx" ON "liaison_problem" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "liaison_problem_org_idx" ON "liaison_problem" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "liaison_problem_open_due_idx" ON "liaison_problem" USING btree ("due_on") WHERE "liaison_problem"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "liaison_problem_owner_idx" ON "liaison_problem" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "liaison_visit_assignment_idx" ON "liaison_visit" USING btree ("assignment_id","visited_on");--> statement-breakpoint
CREATE INDEX "liaison_visit_org_idx" ON "liaison_visit" USING btree ("org_id","visited_on");--> statement-breakpoint
CREATE INDEX "liaison_visit_cadre_idx" ON "liaison_visit" USING btree ("cadre_id","visited_on");--> statement-breakpoint
-- 对口联系 rows follow the district of the union a cadre liaises with (the shard key, docs/SCALING.md); visits live with their assignment, problems with their visit.
SELECT niangjia_add_district_key('liaison_assignment', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('liaison_visit', 'assignment_id', 'liaison_assignment', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('liaison_problem', 'visit_id', 'liaison_visit', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('liaison_visit', 'assignment_id', 'liaison_assignment');
--> statement-breakpoint
SELECT niangjia_colocate_fk('liaison_problem', 'visit_id', 'liaison_visit');
