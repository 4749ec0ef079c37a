CREATE TABLE "street_network" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"source_file" text NOT NULL,
	"format" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"node_count" integer NOT NULL,
	"edge_count" integer NOT NULL,
	"length_m" double precision NOT NULL,
	"min_lng" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lng" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"graph" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "street_network" ADD CONSTRAINT "street_network_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "street_network_org_unique" ON "street_network" USING btree ("org_id");