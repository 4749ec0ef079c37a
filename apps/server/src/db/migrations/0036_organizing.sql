CREATE TABLE "organizing_ceremony" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizing_enterprise" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"address" text,
	"lng" double precision,
	"lat" double precision,
	"industry" text,
	"size_band" text,
	"ownership" text,
	"headcount" integer,
	"has_gig_workers" boolean DEFAULT false NOT NULL,
	"gig_workers" integer DEFAULT 0 NOT NULL,
	"gig_kind" text,
	"union_status" text DEFAULT 'none' NOT NULL,
	"contact_status" text DEFAULT 'not_contacted' NOT NULL,
	"union_org_id" uuid,
	"founded_on" date,
	"cadre_id" uuid,
	"source" text DEFAULT 'manual' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizing_enterprise_union_status_check" CHECK ("organizing_enterprise"."union_status" in ('none','founding','founded')),
	CONSTRAINT "organizing_enterprise_contact_status_check" CHECK ("organizing_enterprise"."contact_status" in ('not_contacted','contacted','founding','founded')),
	CONSTRAINT "organizing_enterprise_size_band_check" CHECK ("organizing_enterprise"."size_band" is null or "organizing_enterprise"."size_band" in ('micro','small','medium','large')),
	CONSTRAINT "organizing_enterprise_ownership_check" CHECK ("organizing_enterprise"."ownership" is null or "organizing_enterprise"."ownership" in ('state','collective','private','foreign','hmt','other')),
	CONSTRAINT "organizing_enterprise_gig_kind_check" CHECK ("organizing_enterprise"."gig_kind" is null or "organizing_enterprise"."gig_kind" in ('platform','delivery_station','fleet')),
	CONSTRAINT "organizing_enterprise_founded_check" CHECK (("organizing_enterprise"."union_status" = 'founded') = ("organizing_enterprise"."union_org_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "organizing_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizing_meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"attendance" integer NOT NULL,
	"notes" text,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizing_meeting_kind_check" CHECK ("organizing_meeting"."kind" in ('enterprise_meeting','worker_meeting','visit'))
);
--> statement-breakpoint
CREATE TABLE "organizing_step" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"assignee_id" uuid,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"reminded_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "position" DROP CONSTRAINT "position_type_check";--> statement-breakpoint
ALTER TABLE "organizing_ceremony" ADD CONSTRAINT "organizing_ceremony_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_ceremony" ADD CONSTRAINT "organizing_ceremony_enterprise_id_organizing_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organizing_enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_ceremony" ADD CONSTRAINT "organizing_ceremony_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_enterprise" ADD CONSTRAINT "organizing_enterprise_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_enterprise" ADD CONSTRAINT "organizing_enterprise_union_org_id_org_id_fk" FOREIGN KEY ("union_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_enterprise" ADD CONSTRAINT "organizing_enterprise_cadre_id_app_user_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_event" ADD CONSTRAINT "organizing_event_enterprise_id_organizing_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organizing_enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_event" ADD CONSTRAINT "organizing_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_meeting" ADD CONSTRAINT "organizing_meeting_enterprise_id_organizing_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organizing_enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_meeting" ADD CONSTRAINT "organizing_meeting_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_step" ADD CONSTRAINT "organizing_step_enterprise_id_organizing_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organizing_enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_step" ADD CONSTRAINT "organizing_step_assignee_id_app_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_step" ADD CONSTRAINT "organizing_step_done_by_app_user_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organizing_ceremony_code_unique" ON "organizing_ceremony" USING btree ("code");--> statement-breakpoint
CREATE INDEX "organizing_ceremony_org_idx" ON "organizing_ceremony" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizing_enterprise_credit_code_unique" ON "organizing_enterprise" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "organizing_enterprise_org_idx" ON "organizing_enterprise" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "organizing_enterprise_cadre_idx" ON "organizing_enterprise" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "organizing_event_enterprise_idx" ON "organizing_event" USING btree ("enterprise_id","at");--> statement-breakpoint
CREATE INDEX "organizing_meeting_enterprise_idx" ON "organizing_meeting" USING btree ("enterprise_id","held_on");--> statement-breakpoint
CREATE INDEX "organizing_step_open_idx" ON "organizing_step" USING btree ("due_on") WHERE "organizing_step"."done_at" is null;--> statement-breakpoint
CREATE INDEX "organizing_step_enterprise_idx" ON "organizing_step" USING btree ("enterprise_id");--> statement-breakpoint
ALTER TABLE "position" ADD CONSTRAINT "position_type_check" CHECK ("position"."type" in ('service_center','service_point','rest_station','workers_home','mothers_room','driver_home','canteen','joining_point'));--> statement-breakpoint
-- The shard key (docs/SCALING.md): enterprises and ceremonies belong to their area's district;
-- an enterprise's history, meetings and steps live beside it.
SELECT niangjia_add_district_key('organizing_enterprise', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('organizing_ceremony', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('organizing_event', 'enterprise_id', 'organizing_enterprise', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('organizing_meeting', 'enterprise_id', 'organizing_enterprise', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('organizing_step', 'enterprise_id', 'organizing_enterprise', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('organizing_event', 'enterprise_id', 'organizing_enterprise', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('organizing_meeting', 'enterprise_id', 'organizing_enterprise', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('organizing_step', 'enterprise_id', 'organizing_enterprise', 'id', 'ON DELETE CASCADE');
--> statement-breakpoint
SELECT niangjia_colocate_fk('organizing_ceremony', 'enterprise_id', 'organizing_enterprise', 'id');
