CREATE TABLE "matchmaking_match" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"a_id" uuid,
	"b_id" uuid,
	"a_answer" text,
	"b_answer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matchmaking_match_answer_check" CHECK (coalesce("matchmaking_match"."a_answer", 'yes') in ('yes','no') and coalesce("matchmaking_match"."b_answer", 'yes') in ('yes','no'))
);
--> statement-breakpoint
CREATE TABLE "matchmaking_pick" (
	"event_id" uuid NOT NULL,
	"picker_id" uuid NOT NULL,
	"picked_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matchmaking_pick_picker_id_picked_id_pk" PRIMARY KEY("picker_id","picked_id"),
	CONSTRAINT "matchmaking_pick_self_check" CHECK ("matchmaking_pick"."picker_id" <> "matchmaking_pick"."picked_id")
);
--> statement-breakpoint
CREATE TABLE "matchmaking_profile" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"user_id" uuid,
	"nickname" text NOT NULL,
	"age_band" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"photo_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matchmaking_profile_age_band_check" CHECK ("matchmaking_profile"."age_band" in ('20-24','25-29','30-34','35-39','40-44','45-49','50+'))
);
--> statement-breakpoint
CREATE TABLE "matchmaking_setting" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"max_picks" integer DEFAULT 3 NOT NULL,
	"picks_open_at" timestamp with time zone,
	"picks_close_at" timestamp with time zone,
	"revealed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matchmaking_setting_picks_check" CHECK ("matchmaking_setting"."max_picks" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "contest" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"criteria" jsonb NOT NULL,
	"prize_tiers" integer[] NOT NULL,
	"prize_mode" text DEFAULT 'count' NOT NULL,
	"status" text DEFAULT 'setup' NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_status_check" CHECK ("contest"."status" in ('setup','scoring','closed')),
	CONSTRAINT "contest_prize_mode_check" CHECK ("contest"."prize_mode" in ('count','percent'))
);
--> statement-breakpoint
CREATE TABLE "contest_judge" (
	"contest_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "contest_judge_contest_id_user_id_pk" PRIMARY KEY("contest_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "contest_sheet" (
	"contest_id" uuid NOT NULL,
	"judge_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"points" jsonb,
	"total" double precision,
	"is_recused" boolean DEFAULT false NOT NULL,
	"recusal_reason" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_sheet_contest_id_judge_id_registration_id_pk" PRIMARY KEY("contest_id","judge_id","registration_id"),
	CONSTRAINT "contest_sheet_kind_check" CHECK (("contest_sheet"."is_recused" and "contest_sheet"."total" is null) or (not "contest_sheet"."is_recused" and "contest_sheet"."total" is not null and "contest_sheet"."points" is not null))
);
--> statement-breakpoint
ALTER TABLE "matchmaking_match" ADD CONSTRAINT "matchmaking_match_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_pick" ADD CONSTRAINT "matchmaking_pick_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_pick" ADD CONSTRAINT "matchmaking_pick_picker_id_matchmaking_profile_id_fk" FOREIGN KEY ("picker_id") REFERENCES "public"."matchmaking_profile"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_pick" ADD CONSTRAINT "matchmaking_pick_picked_id_matchmaking_profile_id_fk" FOREIGN KEY ("picked_id") REFERENCES "public"."matchmaking_profile"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_profile" ADD CONSTRAINT "matchmaking_profile_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_profile" ADD CONSTRAINT "matchmaking_profile_registration_id_event_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_profile" ADD CONSTRAINT "matchmaking_profile_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_profile" ADD CONSTRAINT "matchmaking_profile_photo_id_care_photo_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."care_photo"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_setting" ADD CONSTRAINT "matchmaking_setting_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest" ADD CONSTRAINT "contest_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_judge" ADD CONSTRAINT "contest_judge_contest_id_contest_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contest"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_judge" ADD CONSTRAINT "contest_judge_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_sheet" ADD CONSTRAINT "contest_sheet_contest_id_contest_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contest"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_sheet" ADD CONSTRAINT "contest_sheet_judge_id_app_user_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_sheet" ADD CONSTRAINT "contest_sheet_registration_id_event_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "matchmaking_match_pair_unique" ON "matchmaking_match" USING btree ("event_id","a_id","b_id");--> statement-breakpoint
CREATE INDEX "matchmaking_match_a_idx" ON "matchmaking_match" USING btree ("a_id");--> statement-breakpoint
CREATE INDEX "matchmaking_match_b_idx" ON "matchmaking_match" USING btree ("b_id");--> statement-breakpoint
CREATE INDEX "matchmaking_pick_event_idx" ON "matchmaking_pick" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matchmaking_profile_registration_unique" ON "matchmaking_profile" USING btree ("event_id","registration_id");--> statement-breakpoint
CREATE INDEX "matchmaking_profile_user_idx" ON "matchmaking_profile" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_event_unique" ON "contest" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "contest_judge_user_idx" ON "contest_judge" USING btree ("user_id");--> statement-breakpoint
-- Matchmaking and contest rows follow their event (the shard key, docs/SCALING.md).
SELECT niangjia_add_district_key('matchmaking_setting', 'event_id', 'event', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('matchmaking_profile', 'event_id', 'event', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('matchmaking_pick', 'event_id', 'event', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('matchmaking_match', 'event_id', 'event', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('contest', 'event_id', 'event', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('contest_judge', 'contest_id', 'contest', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('contest_sheet', 'contest_id', 'contest', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('matchmaking_setting', 'event_id', 'event');
--> statement-breakpoint
SELECT niangjia_colocate_fk('matchmaking_profile', 'event_id', 'event');
--> statement-breakpoint
SELECT niangjia_colocate_fk('matchmaking_profile', 'registration_id', 'event_registration');
--> statement-breakpoint
SELECT niangjia_colocate_fk('matchmaking_pick', 'event_id', 'event');
--> statement-breakpoint
SELECT niangjia_colocate_fk('matchmaking_pick', 'picker_id', 'matchmaking_profile');
--> statement-breakpoint
SELECT niangjia_colocate_fk('matchmaking_pick', 'picked_id', 'matchmaking_profile');
--> statement-breakpoint
SELECT niangjia_colocate_fk('matchmaking_match', 'event_id', 'event');
--> statement-breakpoint
SELECT niangjia_colocate_fk('contest', 'event_id', 'event');
--> statement-breakpoint
SELECT niangjia_colocate_fk('contest_judge', 'contest_id', 'contest');
--> statement-breakpoint
SELECT niangjia_colocate_fk('contest_sheet', 'contest_id', 'contest');
--> statement-breakpoint
SELECT niangjia_colocate_fk('contest_sheet', 'registration_id', 'event_registration');
