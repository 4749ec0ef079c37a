CREATE TABLE "position" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"org_id" uuid NOT NULL,
	"address" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"is_24h" boolean DEFAULT false NOT NULL,
	"weekly_hours" jsonb NOT NULL,
	"exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"serves" text[] DEFAULT '{}'::text[] NOT NULL,
	"facilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"area_m2" double precision,
	"build_mode" text,
	"partner" text,
	"investment_fen" bigint,
	"operator" text,
	"contact_phone" text,
	"status" text NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "position_type_check" CHECK ("position"."type" in ('service_center','service_point','rest_station','workers_home','mothers_room','driver_home','canteen')),
	CONSTRAINT "position_status_check" CHECK ("position"."status" in ('planned','building','open','suspended','closed')),
	CONSTRAINT "position_lat_check" CHECK ("position"."lat" between -90 and 90 and "position"."lng" between -180 and 180)
);
--> statement-breakpoint
ALTER TABLE "position" ADD CONSTRAINT "position_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "position_code_unique" ON "position" USING btree ("code");--> statement-breakpoint
CREATE INDEX "position_org_idx" ON "position" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "position_lat_lng_idx" ON "position" USING btree ("lat","lng");