ALTER TABLE "org" ADD COLUMN "chair_name" text;--> statement-breakpoint
ALTER TABLE "org" ADD COLUMN "chair_phone" text;--> statement-breakpoint
ALTER TABLE "org" ADD COLUMN "founded_on" date;--> statement-breakpoint
ALTER TABLE "org" ADD COLUMN "legal_cert_no" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "ethnicity" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "political_status" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "education" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "hukou_place" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "is_hardship" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "person_hardship_idx" ON "person" USING btree ("org_id") WHERE "person"."is_hardship";--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_ethnicity_check" CHECK ("person"."ethnicity" ~ '^(0[1-9]|[1-4][0-9]|5[0-6])$');--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_political_status_check" CHECK ("person"."political_status" in ('cpc_member','cpc_probationary','cyl_member','democratic_party','non_party','masses'));--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_education_check" CHECK ("person"."education" in ('postgraduate','bachelor','associate','secondary','junior_or_below'));