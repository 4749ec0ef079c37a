ALTER TABLE "partner" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "partner_agreement" ADD COLUMN "terminated_on" date;--> statement-breakpoint
ALTER TABLE "partner_agreement" ADD COLUMN "termination_reason" text;--> statement-breakpoint
ALTER TABLE "partner_agreement" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_agreement" ADD CONSTRAINT "partner_agreement_terminated_check" CHECK (("partner_agreement"."terminated_on" is null) = ("partner_agreement"."termination_reason" is null));