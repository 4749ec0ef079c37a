CREATE TABLE "event_checkin" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "event_checkin_kind_check" CHECK ("event_checkin"."kind" in ('entry','exit')),
	CONSTRAINT "event_checkin_method_check" CHECK ("event_checkin"."method" in ('ticket','code','walk_in'))
);
--> statement-breakpoint
ALTER TABLE "event_registration" DROP CONSTRAINT "event_registration_source_check";--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "min_attendance_minutes" integer;--> statement-breakpoint
ALTER TABLE "event_registration" ADD COLUMN "attended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_registration" ADD COLUMN "attended_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "event_checkin" ADD CONSTRAINT "event_checkin_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_checkin" ADD CONSTRAINT "event_checkin_registration_id_event_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_checkin" ADD CONSTRAINT "event_checkin_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_checkin_client_unique" ON "event_checkin" USING btree ("event_id","client_id");--> statement-breakpoint
CREATE INDEX "event_checkin_registration_idx" ON "event_checkin" USING btree ("registration_id","scanned_at");--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_min_attendance_check" CHECK ("event"."min_attendance_minutes" is null or "event"."min_attendance_minutes" > 0);--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_source_check" CHECK ("event_registration"."source" in ('self','staff','door'));--> statement-breakpoint
-- A scan follows its event (the shard key, docs/SCALING.md); the registration it names lives beside it.
SELECT niangjia_add_district_key('event_checkin', 'event_id', 'event', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('event_checkin', 'event_id', 'event');
--> statement-breakpoint
SELECT niangjia_colocate_fk('event_checkin', 'registration_id', 'event_registration');
