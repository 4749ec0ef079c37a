ALTER TABLE "volunteer_activity" DROP CONSTRAINT "volunteer_activity_status_check";--> statement-breakpoint
ALTER TABLE "volunteer_activity" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "volunteer_activity" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "volunteer_signup" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "volunteer_team" ADD COLUMN "dissolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "volunteer_activity" ADD CONSTRAINT "volunteer_activity_status_check" CHECK ("volunteer_activity"."status" in ('open','confirmed','cancelled') and ("volunteer_activity"."status" = 'confirmed') = ("volunteer_activity"."confirmed_at" is not null) and ("volunteer_activity"."status" = 'cancelled') = ("volunteer_activity"."cancelled_at" is not null and "volunteer_activity"."cancel_reason" is not null));