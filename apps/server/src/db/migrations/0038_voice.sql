CREATE TABLE "voice_category" (
	"key" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"limit_hours" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "voice_category_limit_check" CHECK ("voice_category"."limit_hours" between 1 and 2160)
);
--> statement-breakpoint
CREATE TABLE "voice_grid_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"org_id" uuid NOT NULL,
	"category_key" text NOT NULL,
	"description" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"reporter_id" uuid NOT NULL,
	"is_grid_member" boolean DEFAULT false NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"me_too_count" integer DEFAULT 0 NOT NULL,
	"merged_into_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"escalations" integer DEFAULT 0 NOT NULL,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voice_report_status_check" CHECK ("voice_report"."status" in ('new','accepted','in_progress','resolved','closed','merged')),
	CONSTRAINT "voice_report_merged_check" CHECK (("voice_report"."status" = 'merged') = ("voice_report"."merged_into_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "voice_report_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"from_org_id" uuid,
	"to_org_id" uuid,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "voice_report_event_kind_check" CHECK ("voice_report_event"."kind" in ('created','accepted','progress','reply','resolved','confirmed','reopened','reassigned','escalated','merged','me_too'))
);
--> statement-breakpoint
CREATE TABLE "voice_report_follower" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "voice_grid_member" ADD CONSTRAINT "voice_grid_member_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_grid_member" ADD CONSTRAINT "voice_grid_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_grid_member" ADD CONSTRAINT "voice_grid_member_added_by_app_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_report" ADD CONSTRAINT "voice_report_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_report" ADD CONSTRAINT "voice_report_category_key_voice_category_key_fk" FOREIGN KEY ("category_key") REFERENCES "public"."voice_category"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_report" ADD CONSTRAINT "voice_report_reporter_id_app_user_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_report_event" ADD CONSTRAINT "voice_report_event_report_id_voice_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."voice_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_report_event" ADD CONSTRAINT "voice_report_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_report_event" ADD CONSTRAINT "voice_report_event_from_org_id_org_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_report_event" ADD CONSTRAINT "voice_report_event_to_org_id_org_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_report_follower" ADD CONSTRAINT "voice_report_follower_report_id_voice_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."voice_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_report_follower" ADD CONSTRAINT "voice_report_follower_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "voice_grid_member_user_unique" ON "voice_grid_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "voice_grid_member_org_idx" ON "voice_grid_member" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "voice_report_seq_idx" ON "voice_report" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "voice_report_org_idx" ON "voice_report" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "voice_report_reporter_idx" ON "voice_report" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "voice_report_open_due_idx" ON "voice_report" USING btree ("due_at") WHERE "voice_report"."status" in ('new','accepted','in_progress');--> statement-breakpoint
CREATE INDEX "voice_report_category_point_idx" ON "voice_report" USING btree ("category_key","lat","lng");--> statement-breakpoint
CREATE INDEX "voice_report_event_report_idx" ON "voice_report_event" USING btree ("report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "voice_report_follower_unique" ON "voice_report_follower" USING btree ("report_id","user_id");--> statement-breakpoint
CREATE INDEX "voice_report_follower_user_idx" ON "voice_report_follower" USING btree ("user_id");--> statement-breakpoint
-- 随手拍 categories as data, each with its time limit in hours (staff answer within it or the report escalates one level up).
INSERT INTO "voice_category" ("key", "name_zh", "name_en", "limit_hours", "sort_order") VALUES
  ('work_safety', '安全生产隐患', 'Work safety hazard', 24, 10),
  ('occupational_health', '职业健康', 'Occupational health', 72, 20),
  ('wage_notice', '欠薪线索', 'Unpaid wages', 72, 30),
  ('public_facility', '公共设施', 'Public facility', 120, 40),
  ('neighbourhood', '邻里环境', 'Neighbourhood', 168, 50),
  ('other', '其他', 'Other', 168, 90)
ON CONFLICT ("key") DO NOTHING;
--> statement-breakpoint
-- The shard key (docs/SCALING.md): a report belongs to the district of the org that answers it;
-- its history and followers live beside it; a grid member belongs to the union that enrolled them.
SELECT niangjia_add_district_key('voice_report', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('voice_report_event', 'report_id', 'voice_report', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('voice_report_follower', 'report_id', 'voice_report', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('voice_grid_member', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('voice_report_event', 'report_id', 'voice_report', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('voice_report_follower', 'report_id', 'voice_report', 'id', 'ON DELETE CASCADE');
