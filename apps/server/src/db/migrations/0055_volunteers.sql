CREATE TABLE "volunteer_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"place" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"signed_up" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_activity_window_check" CHECK ("volunteer_activity"."ends_at" > "volunteer_activity"."starts_at"),
	CONSTRAINT "volunteer_activity_places_check" CHECK ("volunteer_activity"."capacity" > 0 and "volunteer_activity"."signed_up" >= 0 and "volunteer_activity"."signed_up" <= "volunteer_activity"."capacity"),
	CONSTRAINT "volunteer_activity_status_check" CHECK ("volunteer_activity"."status" in ('open','confirmed') and ("volunteer_activity"."status" = 'confirmed') = ("volunteer_activity"."confirmed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "volunteer_member" (
	"team_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_member_team_id_person_id_pk" PRIMARY KEY("team_id","person_id"),
	CONSTRAINT "volunteer_member_status_check" CHECK ("volunteer_member"."status" in ('pending','active') and ("volunteer_member"."status" = 'active') = ("volunteer_member"."approved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "volunteer_signup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"status" text DEFAULT 'signed_up' NOT NULL,
	"minutes" integer,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_signup_status_check" CHECK ("volunteer_signup"."status" in ('signed_up','cancelled')),
	CONSTRAINT "volunteer_signup_minutes_check" CHECK ("volunteer_signup"."minutes" is null or ("volunteer_signup"."minutes" >= 0 and "volunteer_signup"."status" = 'signed_up'))
);
--> statement-breakpoint
CREATE TABLE "volunteer_team" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"leader_person_id" uuid NOT NULL,
	"leader_name" text NOT NULL,
	"description" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "volunteer_activity" ADD CONSTRAINT "volunteer_activity_team_id_volunteer_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."volunteer_team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activity" ADD CONSTRAINT "volunteer_activity_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activity" ADD CONSTRAINT "volunteer_activity_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_member" ADD CONSTRAINT "volunteer_member_team_id_volunteer_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."volunteer_team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_member" ADD CONSTRAINT "volunteer_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_member" ADD CONSTRAINT "volunteer_member_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signup" ADD CONSTRAINT "volunteer_signup_activity_id_volunteer_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."volunteer_activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signup" ADD CONSTRAINT "volunteer_signup_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signup" ADD CONSTRAINT "volunteer_signup_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team" ADD CONSTRAINT "volunteer_team_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team" ADD CONSTRAINT "volunteer_team_leader_person_id_person_id_fk" FOREIGN KEY ("leader_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team" ADD CONSTRAINT "volunteer_team_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_activity_org_idx" ON "volunteer_activity" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "volunteer_activity_team_idx" ON "volunteer_activity" USING btree ("team_id","starts_at");--> statement-breakpoint
CREATE INDEX "volunteer_member_person_idx" ON "volunteer_member" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_signup_unique" ON "volunteer_signup" USING btree ("activity_id","person_id");--> statement-breakpoint
CREATE INDEX "volunteer_signup_person_idx" ON "volunteer_signup" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "volunteer_team_org_idx" ON "volunteer_team" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_team_name_unique" ON "volunteer_team" USING btree ("org_id","name");--> statement-breakpoint
SELECT niangjia_add_district_key('volunteer_team', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('volunteer_member', 'team_id', 'volunteer_team', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('volunteer_activity', 'team_id', 'volunteer_team', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('volunteer_signup', 'activity_id', 'volunteer_activity', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('volunteer_team', 'leader_person_id', 'person');
--> statement-breakpoint
SELECT niangjia_colocate_fk('volunteer_member', 'team_id', 'volunteer_team');
--> statement-breakpoint
SELECT niangjia_colocate_fk('volunteer_member', 'person_id', 'person');
--> statement-breakpoint
SELECT niangjia_colocate_fk('volunteer_activity', 'team_id', 'volunteer_team');
--> statement-breakpoint
SELECT niangjia_colocate_fk('volunteer_signup', 'activity_id', 'volunteer_activity');
--> statement-breakpoint
SELECT niangjia_colocate_fk('volunteer_signup', 'person_id', 'person');
