-- Rolling upgrade (docs/SCALING.md): the previous release (scripts/cluster/PREVIOUS_RELEASE) still
-- issues breakfast cards without the issuing union that 0017 made NOT NULL, and its inserts failed
-- while both versions ran side by side. Until that release is retired (the contract step), a card
-- inserted without org_id gets its fund's union, as 0017's backfill gave the cards before it.
CREATE OR REPLACE FUNCTION breakfast_card_fill_org_id() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.org_id IS NULL THEN
    SELECT f.org_id INTO NEW.org_id FROM fund f WHERE f.id = NEW.fund_id;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS breakfast_card_fill_org_id ON breakfast_card;
--> statement-breakpoint
CREATE TRIGGER breakfast_card_fill_org_id BEFORE INSERT ON breakfast_card FOR EACH ROW EXECUTE FUNCTION breakfast_card_fill_org_id();
