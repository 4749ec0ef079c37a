-- Breakfast cards belong to their issuing unit (a street's union can issue and see its own cards):
-- existing cards go to their fund's org.
ALTER TABLE "breakfast_card" ADD COLUMN "org_id" uuid;--> statement-breakpoint
UPDATE "breakfast_card" c SET "org_id" = f."org_id" FROM "fund" f WHERE f."id" = c."fund_id";--> statement-breakpoint
ALTER TABLE "breakfast_card" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "breakfast_card" ADD COLUMN "id_number_hash" text;--> statement-breakpoint
ALTER TABLE "fund" ADD COLUMN "card_valid_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "breakfast_card" ADD CONSTRAINT "breakfast_card_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breakfast_card_org_idx" ON "breakfast_card" USING btree ("org_id");--> statement-breakpoint
-- One card per person per fund. A database that already holds two live cards for one phone keeps
-- them (the service still refuses new ones) rather than failing to migrate; the notice says so.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "breakfast_card" WHERE "status" <> 'replaced' AND "phone_hash" IS NOT NULL GROUP BY "fund_id", "phone_hash" HAVING count(*) > 1) THEN
    RAISE NOTICE 'breakfast_card: some phones hold more than one live card; breakfast_card_holder_phone_unique not created';
  ELSE
    CREATE UNIQUE INDEX "breakfast_card_holder_phone_unique" ON "breakfast_card" USING btree ("fund_id","phone_hash") WHERE "breakfast_card"."status" <> 'replaced' and "breakfast_card"."phone_hash" is not null;
  END IF;
END $$;--> statement-breakpoint
CREATE UNIQUE INDEX "breakfast_card_holder_id_unique" ON "breakfast_card" USING btree ("fund_id","id_number_hash") WHERE "breakfast_card"."status" <> 'replaced' and "breakfast_card"."id_number_hash" is not null;
--> statement-breakpoint
ALTER TABLE "membership" DROP CONSTRAINT "membership_status_check";--> statement-breakpoint
ALTER TABLE "membership_event" DROP CONSTRAINT "membership_event_kind_check";--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_status_check" CHECK ("membership"."status" in ('applied','active','suspended','left','rejected','withdrawn'));--> statement-breakpoint
ALTER TABLE "membership_event" ADD CONSTRAINT "membership_event_kind_check" CHECK ("membership_event"."kind" in ('applied','approved','rejected','transferred','suspended','resumed','left','edited','withdrawn'));