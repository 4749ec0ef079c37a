-- The fund ledger is double-entry and append-only (issue #6): an entry's postings sum to zero,
-- checked when the transaction commits, and nothing in it can be changed or removed, not even by
-- a bug in our own code. A correction is a new, reversing entry.
CREATE OR REPLACE FUNCTION fund_ledger_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER fund_entry_no_update_delete BEFORE UPDATE OR DELETE ON fund_entry
  FOR EACH ROW EXECUTE FUNCTION fund_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER fund_entry_no_truncate BEFORE TRUNCATE ON fund_entry
  FOR EACH STATEMENT EXECUTE FUNCTION fund_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER fund_posting_no_update_delete BEFORE UPDATE OR DELETE ON fund_posting
  FOR EACH ROW EXECUTE FUNCTION fund_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER fund_posting_no_truncate BEFORE TRUNCATE ON fund_posting
  FOR EACH STATEMENT EXECUTE FUNCTION fund_ledger_refuse_change();
--> statement-breakpoint
-- At commit: the entry has at least two postings and they sum to zero.
CREATE OR REPLACE FUNCTION fund_entry_check_balanced() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
  n integer;
  total numeric;
BEGIN
  IF TG_TABLE_NAME = 'fund_entry' THEN
    target := NEW.id;
  ELSE
    target := NEW.entry_id;
  END IF;
  SELECT count(*), coalesce(sum(amount_fen), 0) INTO n, total FROM fund_posting WHERE entry_id = target;
  IF n < 2 OR total <> 0 THEN
    RAISE EXCEPTION 'fund entry % is not balanced: % postings summing to %', target, n, total
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER fund_entry_balanced AFTER INSERT ON fund_entry
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fund_entry_check_balanced();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER fund_posting_balanced AFTER INSERT ON fund_posting
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fund_entry_check_balanced();
