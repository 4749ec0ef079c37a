CREATE TABLE "indicator_rollup" (
	"series" text NOT NULL,
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"dims" text[] DEFAULT '{}'::text[] NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "indicator_rollup_series_org_id_day_dims_pk" PRIMARY KEY("series","org_id","day","dims")
);
--> statement-breakpoint
CREATE TABLE "indicator_series" (
	"key" text PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"tables" text[] NOT NULL,
	"rows" bigint DEFAULT 0 NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone,
	"verify_mismatches" integer
);
--> statement-breakpoint
CREATE TABLE "indicator_total" (
	"series" text NOT NULL,
	"org_id" uuid NOT NULL,
	"dims" text[] DEFAULT '{}'::text[] NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "indicator_total_series_org_id_dims_pk" PRIMARY KEY("series","org_id","dims")
);
--> statement-breakpoint
CREATE TABLE "indicator_trigger" (
	"table_name" text PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"series" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_key" text NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"set_by_id" uuid,
	"set_by_name" text,
	"source" text DEFAULT 'staff' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_target" ADD CONSTRAINT "indicator_target_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_target_unique" ON "indicator_target" USING btree ("indicator_key","org_id","year");--> statement-breakpoint
CREATE INDEX "indicator_target_org_idx" ON "indicator_target" USING btree ("org_id","year");