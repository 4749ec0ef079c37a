CREATE TABLE "rights_point_reminder" (
	"point_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "rights_point_reminder_unique" ON "rights_point_reminder" USING btree ("point_id","quarter","days_before");