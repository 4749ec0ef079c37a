-- Every instance caches each door's controller, station and policy for scans (issue 11). Any
-- committed change to what that cache holds sends the station's id on `door_config`, from every
-- write path (console, positions module, seed, hand-run SQL), so each instance drops those doors.
-- Heartbeats and acks (last_seen_at, door_state, is_marked_offline) are not cached and send nothing.
CREATE OR REPLACE FUNCTION niangjia_door_config_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'position' THEN
    PERFORM pg_notify('door_config', COALESCE(NEW.id, OLD.id)::text);
  ELSE
    PERFORM pg_notify('door_config', COALESCE(NEW.position_id, OLD.position_id)::text);
    IF TG_OP = 'UPDATE' AND NEW.position_id IS DISTINCT FROM OLD.position_id THEN
      PERFORM pg_notify('door_config', OLD.position_id::text);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER door_controller_config_changed
  AFTER INSERT OR DELETE OR UPDATE OF device_id, position_id, org_id, name, code_mode, max_distance_m, secret_enc, secret_hash, status, version
  ON door_controller FOR EACH ROW EXECUTE FUNCTION niangjia_door_config_changed();
--> statement-breakpoint
CREATE TRIGGER door_policy_config_changed
  AFTER INSERT OR UPDATE OR DELETE ON door_policy FOR EACH ROW EXECUTE FUNCTION niangjia_door_config_changed();
--> statement-breakpoint
CREATE TRIGGER position_door_config_changed
  AFTER UPDATE OR DELETE ON position FOR EACH ROW EXECUTE FUNCTION niangjia_door_config_changed();
