CREATE TABLE "coverage_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"job_id" uuid,
	"network_id" uuid,
	"network_name" text NOT NULL,
	"network_kind" text DEFAULT 'osm' NOT NULL,
	"weight_layer_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"minutes" double precision NOT NULL,
	"speed_kmh" double precision NOT NULL,
	"candidate_count" integer NOT NULL,
	"positions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"station_count" integer DEFAULT 0 NOT NULL,
	"unsnapped_count" integer,
	"total_length_m" double precision,
	"covered_length_m" double precision,
	"length_share" double precision,
	"total_weight" double precision,
	"covered_weight" double precision,
	"weight_share" double precision,
	"isochrones" jsonb,
	"uncovered" jsonb,
	"candidates" jsonb,
	"timings_ms" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "coverage_run_status_check" CHECK ("coverage_run"."status" in ('queued','running','succeeded','failed')),
	CONSTRAINT "coverage_run_network_kind_check" CHECK ("coverage_run"."network_kind" in ('osm','synthetic'))
);
--> statement-breakpoint
CREATE TABLE "coverage_weight_layer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"point_count" integer NOT NULL,
	"total_weight" double precision NOT NULL,
	"points" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_standard" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "street_network" ADD COLUMN "is_synthetic" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "coverage_run" ADD CONSTRAINT "coverage_run_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_run" ADD CONSTRAINT "coverage_run_network_id_street_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."street_network"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_run" ADD CONSTRAINT "coverage_run_weight_layer_id_coverage_weight_layer_id_fk" FOREIGN KEY ("weight_layer_id") REFERENCES "public"."coverage_weight_layer"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_weight_layer" ADD CONSTRAINT "coverage_weight_layer_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_standard" ADD CONSTRAINT "facility_standard_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coverage_run_org_idx" ON "coverage_run" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "coverage_weight_layer_org_idx" ON "coverage_weight_layer" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "facility_standard_org_unique" ON "facility_standard" USING btree ("org_id");