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
--> statement-breakpoint
-- The shard key (docs/SCALING.md): every rights table is owned by a district (through its union,
-- its case or its monitoring point); foreign keys between them get a co-located twin. holiday_override
-- (installation-wide) and rights_file (uploaded before it is attached) are global.
SELECT niangjia_add_district_key('rights_consultation', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_case', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_setting', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_counter', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_team_member', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_monitoring_point', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_rating_application', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_consultation_message', 'consultation_id', 'rights_consultation', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_monitoring_report', 'point_id', 'rights_monitoring_point', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_warning', 'point_id', 'rights_monitoring_point', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_point_reminder', 'point_id', 'rights_monitoring_point', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_case_party', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_case_claim', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_case_member', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_case_session', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_clock_event', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_referral', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_installment', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_payment', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_case_evidence', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_document', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_sign_request', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_signature', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('rights_reminder', 'case_id', 'rights_case', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_consultation_message', 'consultation_id', 'rights_consultation');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_case', 'consultation_id', 'rights_consultation');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_case_claim', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_case_evidence', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_case_member', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_case_party', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_case_session', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_clock_event', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_installment', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_payment', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_referral', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_document', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_reminder', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_sign_request', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_sign_request', 'party_id', 'rights_case_party');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_signature', 'case_id', 'rights_case');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_signature', 'party_id', 'rights_case_party');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_signature', 'request_id', 'rights_sign_request');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_monitoring_point', 'informant_id', 'rights_team_member');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_monitoring_report', 'point_id', 'rights_monitoring_point');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_warning', 'point_id', 'rights_monitoring_point');
--> statement-breakpoint
SELECT niangjia_colocate_fk('rights_warning', 'report_id', 'rights_monitoring_report');
