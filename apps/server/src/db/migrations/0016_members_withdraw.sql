ALTER TABLE "membership" DROP CONSTRAINT "membership_status_check";--> statement-breakpoint
ALTER TABLE "membership_event" DROP CONSTRAINT "membership_event_kind_check";--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_status_check" CHECK ("membership"."status" in ('applied','active','suspended','left','rejected','withdrawn'));--> statement-breakpoint
ALTER TABLE "membership_event" ADD CONSTRAINT "membership_event_kind_check" CHECK ("membership_event"."kind" in ('applied','approved','rejected','transferred','suspended','resumed','left','edited','withdrawn'));