CREATE TABLE "health_booking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"user_id" uuid,
	"person_name" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"marked_at" timestamp with time zone,
	"marked_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_booking_status_check" CHECK ("health_booking"."status" in ('booked','cancelled','attended','no_show'))
);
--> statement-breakpoint
CREATE TABLE "health_hospital" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"phone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_hospital_point_check" CHECK (("health_hospital"."lng" is null) = ("health_hospital"."lat" is null) and ("health_hospital"."lng" is null or ("health_hospital"."lng" between -180 and 180 and "health_hospital"."lat" between -90 and 90)))
);
--> statement-breakpoint
CREATE TABLE "health_slot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hospital_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"is_two_cancer" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_slot_time_check" CHECK ("health_slot"."ends_at" > "health_slot"."starts_at"),
	CONSTRAINT "health_slot_capacity_check" CHECK ("health_slot"."capacity" > 0 and "health_slot"."booked" >= 0 and "health_slot"."booked" <= "health_slot"."capacity")
);
--> statement-breakpoint
ALTER TABLE "health_booking" ADD CONSTRAINT "health_booking_slot_id_health_slot_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."health_slot"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_booking" ADD CONSTRAINT "health_booking_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_booking" ADD CONSTRAINT "health_booking_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_booking" ADD CONSTRAINT "health_booking_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_booking" ADD CONSTRAINT "health_booking_marked_by_app_user_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_hospital" ADD CONSTRAINT "health_hospital_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_hospital" ADD CONSTRAINT "health_hospital_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_slot" ADD CONSTRAINT "health_slot_hospital_id_health_hospital_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."health_hospital"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_slot" ADD CONSTRAINT "health_slot_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_slot" ADD CONSTRAINT "health_slot_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "health_booking_live_unique" ON "health_booking" USING btree ("campaign_id","person_id") WHERE "health_booking"."status" in ('booked','attended');--> statement-breakpoint
CREATE INDEX "health_booking_slot_idx" ON "health_booking" USING btree ("slot_id","status");--> statement-breakpoint
CREATE INDEX "health_booking_user_idx" ON "health_booking" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "health_booking_org_idx" ON "health_booking" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "health_hospital_campaign_idx" ON "health_hospital" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "health_slot_hospital_idx" ON "health_slot" USING btree ("hospital_id","starts_at");--> statement-breakpoint
CREATE INDEX "health_slot_campaign_idx" ON "health_slot" USING btree ("campaign_id","starts_at");--> statement-breakpoint
-- 送健康 rows follow their campaign's district (the shard key, docs/SCALING.md): a hospital with its campaign, a slot with its hospital, a booking with its slot.
SELECT niangjia_add_district_key('health_hospital', 'campaign_id', 'campaign', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('health_slot', 'hospital_id', 'health_hospital', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('health_booking', 'slot_id', 'health_slot', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('health_hospital', 'campaign_id', 'campaign');
--> statement-breakpoint
SELECT niangjia_colocate_fk('health_slot', 'hospital_id', 'health_hospital');
--> statement-breakpoint
SELECT niangjia_colocate_fk('health_slot', 'campaign_id', 'campaign');
--> statement-breakpoint
SELECT niangjia_colocate_fk('health_booking', 'slot_id', 'health_slot');
--> statement-breakpoint
SELECT niangjia_colocate_fk('health_booking', 'campaign_id', 'campaign');
