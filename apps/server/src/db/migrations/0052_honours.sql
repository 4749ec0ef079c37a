CREATE TABLE "honour" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"level" text NOT NULL,
	"title" text NOT NULL,
	"title_text" text,
	"year" integer NOT NULL,
	"awarding_body" text NOT NULL,
	"certificate_photo_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"revoked_reason" text,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "honour_level_check" CHECK ("honour"."level" in ('national','municipal','district')),
	CONSTRAINT "honour_title_check" CHECK ("honour"."title" in ('model_worker','advanced_worker','may_day_medal','craftsman','other')),
	CONSTRAINT "honour_status_check" CHECK ("honour"."status" in ('active','revoked') and ("honour"."status" = 'active') = ("honour"."revoked_at" is null))
);
--> statement-breakpoint
CREATE TABLE "honour_care" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"kind" text NOT NULL,
	"cared_on" date NOT NULL,
	"cared_at" timestamp with time zone NOT NULL,
	"notes" text,
	"cost_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "honour_care_kind_check" CHECK ("honour_care"."kind" in ('health_check','sanatorium','visit','other')),
	CONSTRAINT "honour_care_cost_check" CHECK ("honour_care"."cost_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "studio" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"leader_person_id" uuid NOT NULL,
	"leader_name" text NOT NULL,
	"field" text,
	"founded_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_level_check" CHECK ("studio"."level" in ('national','municipal','district')),
	CONSTRAINT "studio_status_check" CHECK ("studio"."status" in ('active','closed') and ("studio"."status" = 'active') = ("studio"."closed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "studio_member" (
	"studio_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_member_studio_id_person_id_pk" PRIMARY KEY("studio_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "studio_patent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"project_id" uuid,
	"org_id" uuid NOT NULL,
	"patent_number" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"holders" text NOT NULL,
	"granted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_patent_kind_check" CHECK ("studio_patent"."kind" in ('invention','utility_model','design'))
);
--> statement-breakpoint
CREATE TABLE "studio_project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"innovations" integer DEFAULT 0 NOT NULL,
	"inventions" integer DEFAULT 0 NOT NULL,
	"saved_fen" bigint DEFAULT 0 NOT NULL,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_project_counts_check" CHECK ("studio_project"."innovations" >= 0 and "studio_project"."inventions" >= 0 and "studio_project"."saved_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "honour" ADD CONSTRAINT "honour_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour" ADD CONSTRAINT "honour_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour" ADD CONSTRAINT "honour_membership_id_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."membership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour" ADD CONSTRAINT "honour_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_care" ADD CONSTRAINT "honour_care_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_care" ADD CONSTRAINT "honour_care_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_care" ADD CONSTRAINT "honour_care_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio" ADD CONSTRAINT "studio_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio" ADD CONSTRAINT "studio_leader_person_id_person_id_fk" FOREIGN KEY ("leader_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_member" ADD CONSTRAINT "studio_member_studio_id_studio_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studio"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_member" ADD CONSTRAINT "studio_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_member" ADD CONSTRAINT "studio_member_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_patent" ADD CONSTRAINT "studio_patent_studio_id_studio_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studio"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_patent" ADD CONSTRAINT "studio_patent_project_id_studio_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."studio_project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_patent" ADD CONSTRAINT "studio_patent_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_project" ADD CONSTRAINT "studio_project_studio_id_studio_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studio"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_project" ADD CONSTRAINT "studio_project_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "honour_org_idx" ON "honour" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "honour_person_idx" ON "honour" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "honour_unique" ON "honour" USING btree ("person_id","level","title","year");--> statement-breakpoint
CREATE INDEX "honour_care_org_idx" ON "honour_care" USING btree ("org_id","cared_on");--> statement-breakpoint
CREATE INDEX "honour_care_person_idx" ON "honour_care" USING btree ("person_id","cared_on");--> statement-breakpoint
CREATE INDEX "studio_org_idx" ON "studio" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "studio_name_unique" ON "studio" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "studio_patent_studio_idx" ON "studio_patent" USING btree ("studio_id");--> statement-breakpoint
CREATE UNIQUE INDEX "studio_patent_number_unique" ON "studio_patent" USING btree ("patent_number");--> statement-breakpoint
CREATE INDEX "studio_project_studio_idx" ON "studio_project" USING btree ("studio_id");--> statement-breakpoint
-- 劳模工匠 rows live in the district of their union (the shard key, docs/SCALING.md); a studio's members, projects and patents with their studio.
SELECT niangjia_add_district_key('honour', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('honour_care', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('studio', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('studio_member', 'studio_id', 'studio', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('studio_project', 'studio_id', 'studio', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('studio_patent', 'studio_id', 'studio', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('honour', 'person_id', 'person');
--> statement-breakpoint
SELECT niangjia_colocate_fk('honour', 'membership_id', 'membership');
--> statement-breakpoint
SELECT niangjia_colocate_fk('honour_care', 'person_id', 'person');
--> statement-breakpoint
SELECT niangjia_colocate_fk('studio', 'leader_person_id', 'person');
--> statement-breakpoint
SELECT niangjia_colocate_fk('studio_member', 'studio_id', 'studio');
--> statement-breakpoint
SELECT niangjia_colocate_fk('studio_member', 'person_id', 'person');
--> statement-breakpoint
SELECT niangjia_colocate_fk('studio_project', 'studio_id', 'studio');
--> statement-breakpoint
SELECT niangjia_colocate_fk('studio_patent', 'studio_id', 'studio');
--> statement-breakpoint
SELECT niangjia_colocate_fk('studio_patent', 'project_id', 'studio_project');
