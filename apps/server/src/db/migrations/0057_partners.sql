CREATE TABLE "partner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"services" text,
	"status" text DEFAULT 'active' NOT NULL,
	"ended_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_kind_check" CHECK ("partner"."kind" in ('bank','platform','association','other')),
	CONSTRAINT "partner_status_check" CHECK ("partner"."status" in ('active','ended') and ("partner"."status" = 'active') = ("partner"."ended_at" is null))
);
--> statement-breakpoint
CREATE TABLE "partner_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text,
	"participants" integer DEFAULT 0 NOT NULL,
	"event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_activity_participants_check" CHECK ("partner_activity"."participants" >= 0)
);
--> statement-breakpoint
CREATE TABLE "partner_agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"signed_on" date NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"scope" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_agreement_dates_check" CHECK ("partner_agreement"."ends_on" >= "partner_agreement"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "partner_referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"from_partner_id" uuid NOT NULL,
	"to_partner_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"worker_name_masked" text,
	"note" text,
	"status" text DEFAULT 'referred' NOT NULL,
	"referred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "partner_referral_status_check" CHECK ("partner_referral"."status" in ('referred','accepted','closed')),
	CONSTRAINT "partner_referral_distinct_check" CHECK ("partner_referral"."from_partner_id" <> "partner_referral"."to_partner_id")
);
--> statement-breakpoint
CREATE TABLE "partner_station" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"contribution_fen" bigint DEFAULT 0 NOT NULL,
	"goods" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_station_contribution_check" CHECK ("partner_station"."contribution_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_activity" ADD CONSTRAINT "partner_activity_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_activity" ADD CONSTRAINT "partner_activity_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_activity" ADD CONSTRAINT "partner_activity_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreement" ADD CONSTRAINT "partner_agreement_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreement" ADD CONSTRAINT "partner_agreement_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_referral" ADD CONSTRAINT "partner_referral_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_referral" ADD CONSTRAINT "partner_referral_from_partner_id_partner_id_fk" FOREIGN KEY ("from_partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_referral" ADD CONSTRAINT "partner_referral_to_partner_id_partner_id_fk" FOREIGN KEY ("to_partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_referral" ADD CONSTRAINT "partner_referral_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_station" ADD CONSTRAINT "partner_station_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_station" ADD CONSTRAINT "partner_station_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_station" ADD CONSTRAINT "partner_station_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_org_idx" ON "partner" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_name_unique" ON "partner" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "partner_activity_partner_idx" ON "partner_activity" USING btree ("partner_id","held_on");--> statement-breakpoint
CREATE INDEX "partner_activity_org_idx" ON "partner_activity" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE INDEX "partner_agreement_partner_idx" ON "partner_agreement" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "partner_agreement_org_idx" ON "partner_agreement" USING btree ("org_id","ends_on");--> statement-breakpoint
CREATE INDEX "partner_referral_org_idx" ON "partner_referral" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "partner_referral_from_idx" ON "partner_referral" USING btree ("from_partner_id");--> statement-breakpoint
CREATE INDEX "partner_referral_to_idx" ON "partner_referral" USING btree ("to_partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_station_unique" ON "partner_station" USING btree ("partner_id","position_id");--> statement-breakpoint
CREATE INDEX "partner_station_position_idx" ON "partner_station" USING btree ("position_id");--> statement-breakpoint
-- 1+N 合作联盟 rows follow their partner's union's district (the shard key, docs/SCALING.md): a partner by its union, the rest by the partner.
SELECT niangjia_add_district_key('partner', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('partner_agreement', 'partner_id', 'partner', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('partner_activity', 'partner_id', 'partner', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('partner_station', 'partner_id', 'partner', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('partner_referral', 'from_partner_id', 'partner', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('partner_agreement', 'partner_id', 'partner');
--> statement-breakpoint
SELECT niangjia_colocate_fk('partner_activity', 'partner_id', 'partner');
--> statement-breakpoint
SELECT niangjia_colocate_fk('partner_activity', 'event_id', 'event');
--> statement-breakpoint
SELECT niangjia_colocate_fk('partner_station', 'partner_id', 'partner');
--> statement-breakpoint
SELECT niangjia_colocate_fk('partner_station', 'position_id', 'position');
--> statement-breakpoint
SELECT niangjia_colocate_fk('partner_referral', 'from_partner_id', 'partner');
--> statement-breakpoint
SELECT niangjia_colocate_fk('partner_referral', 'to_partner_id', 'partner');
