-- Rights (issue #15): a generated document, a captured signature and a recorded payment are
-- evidence; none may be changed or removed, not even by a bug in our own code. A correction is a
-- new document version or a negative payment.
CREATE OR REPLACE FUNCTION rights_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER rights_document_no_update_delete BEFORE UPDATE OR DELETE ON rights_document FOR EACH ROW EXECUTE FUNCTION rights_refuse_change();
--> statement-breakpoint
CREATE TRIGGER rights_signature_no_update_delete BEFORE UPDATE OR DELETE ON rights_signature FOR EACH ROW EXECUTE FUNCTION rights_refuse_change();
--> statement-breakpoint
CREATE TRIGGER rights_payment_no_update_delete BEFORE UPDATE OR DELETE ON rights_payment FOR EACH ROW EXECUTE FUNCTION rights_refuse_change();
