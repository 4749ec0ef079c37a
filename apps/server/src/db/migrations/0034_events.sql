CREATE TABLE "event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"series_id" uuid,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"visibility" text DEFAULT 'subtree' NOT NULL,
	"position_id" uuid,
	"address" text,
	"lng" double precision,
	"lat" double precision,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"signup_opens_at" timestamp with time zone NOT NULL,
	"signup_closes_at" timestamp with time zone NOT NULL,
	"fee_fen" bigint DEFAULT 0 NOT NULL,
	"eligibility" jsonb NOT NULL,
	"capacity" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	"offer_hold_minutes" integer DEFAULT 720 NOT NULL,
	"is_overlap_forbidden" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"cancelled_reason" text,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_type_check" CHECK ("event"."type" in ('training','sport','culture','skill_competition','matchmaking','performance','health','other')),
	CONSTRAINT "event_status_check" CHECK ("event"."status" in ('draft','published','cancelled')),
	CONSTRAINT "event_visibility_check" CHECK ("event"."visibility" in ('subtree','public')),
	CONSTRAINT "event_taken_check" CHECK ("event"."taken" >= 0 and "event"."taken" <= "event"."capacity"),
	CONSTRAINT "event_times_check" CHECK ("event"."ends_at" > "event"."starts_at" and "event"."signup_closes_at" > "event"."signup_opens_at"),
	CONSTRAINT "event_fee_check" CHECK ("event"."fee_fen" >= 0),
	CONSTRAINT "event_place_check" CHECK ("event"."position_id" is not null or "event"."address" is not null)
);
--> statement-breakpoint
CREATE TABLE "event_quota" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"union_org_id" uuid,
	"union_path" text,
	"group_key" text,
	"capacity" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_quota_kind_check" CHECK (("event_quota"."kind" = 'union' and "event_quota"."union_org_id" is not null and "event_quota"."union_path" is not null and "event_quota"."group_key" is null) or ("event_quota"."kind" = 'group' and "event_quota"."group_key" in ('male','female') and "event_quota"."union_org_id" is null)),
	CONSTRAINT "event_quota_taken_check" CHECK ("event_quota"."taken" >= 0 and "event_quota"."taken" <= "event_quota"."capacity")
);
--> statement-breakpoint
CREATE TABLE "event_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"membership_id" uuid,
	"person_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"union_org_id" uuid,
	"union_path" text,
	"group_key" text,
	"status" text NOT NULL,
	"source" text DEFAULT 'self' NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"queue_seq" bigserial NOT NULL,
	"quota_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_reason" text,
	"reminded_at" timestamp with time zone,
	"registered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registration_status_check" CHECK ("event_registration"."status" in ('confirmed','waiting','offered','cancelled','expired')),
	CONSTRAINT "event_registration_source_check" CHECK ("event_registration"."source" in ('self','staff')),
	CONSTRAINT "event_registration_group_check" CHECK ("event_registration"."group_key" is null or "event_registration"."group_key" in ('male','female')),
	CONSTRAINT "event_registration_offer_check" CHECK ("event_registration"."status" <> 'offered' or "event_registration"."offer_expires_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_quota" ADD CONSTRAINT "event_quota_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_quota" ADD CONSTRAINT "event_quota_union_org_id_org_id_fk" FOREIGN KEY ("union_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_union_org_id_org_id_fk" FOREIGN KEY ("union_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_registered_by_app_user_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_org_starts_idx" ON "event" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "event_published_starts_idx" ON "event" USING btree ("starts_at") WHERE "event"."status" = 'published';--> statement-breakpoint
CREATE INDEX "event_quota_event_idx" ON "event_quota" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_quota_union_unique" ON "event_quota" USING btree ("event_id","union_org_id") WHERE "event_quota"."kind" = 'union';--> statement-breakpoint
CREATE UNIQUE INDEX "event_quota_group_unique" ON "event_quota" USING btree ("event_id","group_key") WHERE "event_quota"."kind" = 'group';--> statement-breakpoint
CREATE UNIQUE INDEX "event_registration_person_live_unique" ON "event_registration" USING btree ("event_id","person_id") WHERE "event_registration"."person_id" is not null and "event_registration"."status" in ('confirmed','waiting','offered');--> statement-breakpoint
CREATE UNIQUE INDEX "event_registration_user_live_unique" ON "event_registration" USING btree ("event_id","user_id") WHERE "event_registration"."person_id" is null and "event_registration"."status" in ('confirmed','waiting','offered');--> statement-breakpoint
CREATE INDEX "event_registration_event_status_idx" ON "event_registration" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "event_registration_person_idx" ON "event_registration" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "event_registration_user_idx" ON "event_registration" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "event_registration_offer_idx" ON "event_registration" USING btree ("offer_expires_at") WHERE "event_registration"."status" = 'offered';--> statement-breakpoint
-- The shard key (docs/SCALING.md): an event belongs to the district of its organising union; its
-- quotas and registrations follow it (co-located foreign keys). A registration's member may be of
-- another district (a federation's public event), so person and membership carry no foreign key.
SELECT niangjia_add_district_key('event', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('event_quota', 'event_id', 'event', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('event_registration', 'event_id', 'event', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('event_quota', 'event_id', 'event');
--> statement-breakpoint
SELECT niangjia_colocate_fk('event_registration', 'event_id', 'event');
