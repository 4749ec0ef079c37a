CREATE TABLE "canteen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"normal_price_fen" integer NOT NULL,
	"max_reduced_per_day" integer DEFAULT 2 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canteen_price_check" CHECK ("canteen"."normal_price_fen" >= 0 and "canteen"."max_reduced_per_day" between 1 and 2)
);
--> statement-breakpoint
CREATE TABLE "canteen_certification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"canteen_id" uuid NOT NULL,
	"tier_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"applicant_id" uuid,
	"ground" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"expires_on" date,
	"refusal_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canteen_certification_status_check" CHECK ("canteen_certification"."status" in ('pending','approved','refused')),
	CONSTRAINT "canteen_certification_ground_check" CHECK ("canteen_certification"."ground" in ('outdoor_worker','over_60','veteran','low_income','five_guarantees','disabled')),
	CONSTRAINT "canteen_certification_expiry_check" CHECK ("canteen_certification"."status" <> 'approved' or "canteen_certification"."expires_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "canteen_meal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"canteen_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"terminal_id" uuid,
	"tier_id" uuid,
	"tier_name" text,
	"price_fen" integer NOT NULL,
	"reduced_slot" integer,
	"person_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"service_day" date NOT NULL,
	"served_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canteen_meal_slot_check" CHECK ("canteen_meal"."reduced_slot" is null or "canteen_meal"."reduced_slot" between 1 and 2)
);
--> statement-breakpoint
CREATE TABLE "canteen_terminal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"canteen_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"key_id" text NOT NULL,
	"secret_enc" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canteen_terminal_status_check" CHECK ("canteen_terminal"."status" in ('active','revoked'))
);
--> statement-breakpoint
CREATE TABLE "canteen_terminal_nonce" (
	"terminal_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canteen_terminal_nonce_terminal_id_nonce_pk" PRIMARY KEY("terminal_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "canteen_tier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"canteen_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"price_fen" integer NOT NULL,
	"grounds" text[] NOT NULL,
	"needs_certification" boolean DEFAULT true NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canteen_tier_price_check" CHECK ("canteen_tier"."price_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "canteen" ADD CONSTRAINT "canteen_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen" ADD CONSTRAINT "canteen_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_certification" ADD CONSTRAINT "canteen_certification_canteen_id_canteen_id_fk" FOREIGN KEY ("canteen_id") REFERENCES "public"."canteen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_certification" ADD CONSTRAINT "canteen_certification_tier_id_canteen_tier_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."canteen_tier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_certification" ADD CONSTRAINT "canteen_certification_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_certification" ADD CONSTRAINT "canteen_certification_applicant_id_app_user_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_certification" ADD CONSTRAINT "canteen_certification_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_meal" ADD CONSTRAINT "canteen_meal_canteen_id_canteen_id_fk" FOREIGN KEY ("canteen_id") REFERENCES "public"."canteen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_meal" ADD CONSTRAINT "canteen_meal_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_meal" ADD CONSTRAINT "canteen_meal_terminal_id_canteen_terminal_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."canteen_terminal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_meal" ADD CONSTRAINT "canteen_meal_tier_id_canteen_tier_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."canteen_tier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_terminal" ADD CONSTRAINT "canteen_terminal_canteen_id_canteen_id_fk" FOREIGN KEY ("canteen_id") REFERENCES "public"."canteen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_terminal" ADD CONSTRAINT "canteen_terminal_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_tier" ADD CONSTRAINT "canteen_tier_canteen_id_canteen_id_fk" FOREIGN KEY ("canteen_id") REFERENCES "public"."canteen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_tier" ADD CONSTRAINT "canteen_tier_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "canteen_position_unique" ON "canteen" USING btree ("position_id");--> statement-breakpoint
CREATE INDEX "canteen_org_idx" ON "canteen" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "canteen_certification_pending_unique" ON "canteen_certification" USING btree ("tier_id","person_id") WHERE "canteen_certification"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "canteen_certification_person_idx" ON "canteen_certification" USING btree ("person_id","status");--> statement-breakpoint
CREATE INDEX "canteen_certification_canteen_idx" ON "canteen_certification" USING btree ("canteen_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "canteen_meal_reduced_unique" ON "canteen_meal" USING btree ("person_id","service_day","reduced_slot") WHERE "canteen_meal"."reduced_slot" is not null;--> statement-breakpoint
CREATE INDEX "canteen_meal_canteen_idx" ON "canteen_meal" USING btree ("canteen_id","served_at");--> statement-breakpoint
CREATE INDEX "canteen_meal_org_idx" ON "canteen_meal" USING btree ("org_id","served_at");--> statement-breakpoint
CREATE UNIQUE INDEX "canteen_terminal_key_unique" ON "canteen_terminal" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "canteen_terminal_canteen_idx" ON "canteen_terminal" USING btree ("canteen_id");--> statement-breakpoint
CREATE INDEX "canteen_terminal_nonce_seen_idx" ON "canteen_terminal_nonce" USING btree ("seen_at");--> statement-breakpoint
CREATE INDEX "canteen_tier_canteen_idx" ON "canteen_tier" USING btree ("canteen_id");--> statement-breakpoint
SELECT niangjia_add_district_key('canteen', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('canteen_tier', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('canteen_certification', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('canteen_terminal', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('canteen_terminal_nonce', 'terminal_id', 'canteen_terminal', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('canteen_meal', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('canteen', 'position_id', 'position');
--> statement-breakpoint
SELECT niangjia_colocate_fk('canteen_tier', 'canteen_id', 'canteen');
--> statement-breakpoint
SELECT niangjia_colocate_fk('canteen_certification', 'canteen_id', 'canteen');
--> statement-breakpoint
SELECT niangjia_colocate_fk('canteen_certification', 'tier_id', 'canteen_tier');
--> statement-breakpoint
SELECT niangjia_colocate_fk('canteen_terminal', 'canteen_id', 'canteen');
--> statement-breakpoint
SELECT niangjia_colocate_fk('canteen_meal', 'canteen_id', 'canteen');
--> statement-breakpoint
SELECT niangjia_colocate_fk('canteen_meal', 'terminal_id', 'canteen_terminal');
--> statement-breakpoint
SELECT niangjia_colocate_fk('canteen_meal', 'tier_id', 'canteen_tier');
