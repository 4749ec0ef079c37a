CREATE TABLE "tournament" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"title" text NOT NULL,
	"format" text NOT NULL,
	"group_count" integer DEFAULT 4 NOT NULL,
	"advance_per_group" integer DEFAULT 2 NOT NULL,
	"courts" text[] NOT NULL,
	"first_slot_at" timestamp with time zone NOT NULL,
	"slot_minutes" integer NOT NULL,
	"slots_per_day" integer NOT NULL,
	"rest_slots" integer DEFAULT 1 NOT NULL,
	"points_win" integer DEFAULT 3 NOT NULL,
	"points_draw" integer DEFAULT 1 NOT NULL,
	"points_loss" integer DEFAULT 0 NOT NULL,
	"roster_min" integer NOT NULL,
	"roster_max" integer NOT NULL,
	"status" text DEFAULT 'registration' NOT NULL,
	"champion_team_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tournament_format_check" CHECK ("tournament"."format" in ('round_robin','single_elimination','groups_knockout')),
	CONSTRAINT "tournament_status_check" CHECK ("tournament"."status" in ('registration','drawn','finished')),
	CONSTRAINT "tournament_roster_check" CHECK ("tournament"."roster_min" >= 1 and "tournament"."roster_min" <= "tournament"."roster_max")
);
--> statement-breakpoint
CREATE TABLE "tournament_match" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tournament_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"group_label" text,
	"round" integer NOT NULL,
	"idx" integer NOT NULL,
	"home_team_id" uuid,
	"away_team_id" uuid,
	"home_source" text,
	"away_source" text,
	"court" text,
	"slot" integer,
	"starts_at" timestamp with time zone,
	"home_score" integer,
	"away_score" integer,
	"winner_team_id" uuid,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"played_at" timestamp with time zone,
	"entered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tournament_match_stage_check" CHECK ("tournament_match"."stage" in ('group','knockout')),
	CONSTRAINT "tournament_match_status_check" CHECK ("tournament_match"."status" in ('pending','scheduled','played','bye')),
	CONSTRAINT "tournament_match_score_check" CHECK (("tournament_match"."home_score" is null) = ("tournament_match"."away_score" is null) and coalesce("tournament_match"."home_score", 0) >= 0 and coalesce("tournament_match"."away_score", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "tournament_player" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tournament_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tournament_team" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tournament_id" uuid NOT NULL,
	"union_org_id" uuid NOT NULL,
	"union_path" text NOT NULL,
	"name" text NOT NULL,
	"seed" integer,
	"group_label" text,
	"registered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tournament" ADD CONSTRAINT "tournament_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tournament" ADD CONSTRAINT "tournament_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tournament_match" ADD CONSTRAINT "tournament_match_tournament_id_tournament_id_fk" FOREIGN KEY ("tournament_id") REFERENCES "public"."tournament"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tournament_match" ADD CONSTRAINT "tournament_match_home_team_id_tournament_team_id_fk" FOREIGN KEY ("home_team_id") REFERENCES "public"."tournament_team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tournament_match" ADD CONSTRAINT "tournament_match_away_team_id_tournament_team_id_fk" FOREIGN KEY ("away_team_id") REFERENCES "public"."tournament_team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tournament_match" ADD CONSTRAINT "tournament_match_winner_team_id_tournament_team_id_fk" FOREIGN KEY ("winner_team_id") REFERENCES "public"."tournament_team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tournament_match" ADD CONSTRAINT "tournament_match_entered_by_app_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tournament_player" ADD CONSTRAINT "tournament_player_tournament_id_tournament_id_fk" FOREIGN KEY ("tournament_id") REFERENCES "public"."tournament"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tournament_player" ADD CONSTRAINT "tournament_player_team_id_tournament_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."tournament_team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tournament_team" ADD CONSTRAINT "tournament_team_tournament_id_tournament_id_fk" FOREIGN KEY ("tournament_id") REFERENCES "public"."tournament"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tournament_team" ADD CONSTRAINT "tournament_team_union_org_id_org_id_fk" FOREIGN KEY ("union_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tournament_team" ADD CONSTRAINT "tournament_team_registered_by_app_user_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tournament_event_idx" ON "tournament" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "tournament_match_place_idx" ON "tournament_match" USING btree ("tournament_id","stage","round","idx");--> statement-breakpoint
CREATE INDEX "tournament_match_tournament_idx" ON "tournament_match" USING btree ("tournament_id","slot");--> statement-breakpoint
CREATE UNIQUE INDEX "tournament_player_person_unique" ON "tournament_player" USING btree ("tournament_id","person_id");--> statement-breakpoint
CREATE INDEX "tournament_player_team_idx" ON "tournament_player" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tournament_team_name_unique" ON "tournament_team" USING btree ("tournament_id","name");--> statement-breakpoint
CREATE INDEX "tournament_team_union_idx" ON "tournament_team" USING btree ("tournament_id","union_path");--> statement-breakpoint
-- A tournament follows its event (the shard key, docs/SCALING.md); its teams, players and matches live beside it.
SELECT niangjia_add_district_key('tournament', 'event_id', 'event', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('tournament_team', 'tournament_id', 'tournament', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('tournament_player', 'tournament_id', 'tournament', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('tournament_match', 'tournament_id', 'tournament', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('tournament', 'event_id', 'event', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('tournament_team', 'tournament_id', 'tournament', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('tournament_player', 'tournament_id', 'tournament', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('tournament_player', 'team_id', 'tournament_team', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('tournament_match', 'tournament_id', 'tournament', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('tournament_match', 'home_team_id', 'tournament_team');
--> statement-breakpoint
SELECT niangjia_colocate_fk('tournament_match', 'away_team_id', 'tournament_team');
--> statement-breakpoint
SELECT niangjia_colocate_fk('tournament_match', 'winner_team_id', 'tournament_team');
