CREATE TABLE "indicator_rollup_month" (
	"series" text NOT NULL,
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"dims" text[] DEFAULT '{}'::text[] NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "indicator_rollup_month_series_org_id_month_dims_pk" PRIMARY KEY("series","org_id","month","dims")
);
