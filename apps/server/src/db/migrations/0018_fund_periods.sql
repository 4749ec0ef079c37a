ALTER TABLE "pos_terminal" DROP CONSTRAINT "pos_terminal_status_check";--> statement-breakpoint
ALTER TABLE "fund_entry" ADD COLUMN "original_occurred_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pos_terminal" ADD CONSTRAINT "pos_terminal_status_check" CHECK ("pos_terminal"."status" in ('active','suspended','revoked'));