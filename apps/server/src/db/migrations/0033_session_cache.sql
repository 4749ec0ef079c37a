-- Session cache (issue 11): every instance keeps resolved sessions in memory for a few seconds,
-- so whatever changes what the auth hook reads must tell every instance at once. A trigger does
-- it for every writer (the app, the CLI, the seed, an operator's SQL): pg_notify is sent inside the
-- writing transaction, so it arrives only after the commit, and only if it commits. The payload is
-- the user's id (their cached sessions are dropped) or '*' (drop everything: an org's path moved,
-- or a table was truncated). A session's own token hash never travels in a notification.
CREATE OR REPLACE FUNCTION niangjia_session_cache_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' OR TG_TABLE_NAME = 'org' THEN
    PERFORM pg_notify('session_cache', '*');
  ELSIF TG_TABLE_NAME = 'app_user' THEN
    PERFORM pg_notify('session_cache', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('session_cache', OLD.user_id::text); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('session_cache', NEW.user_id::text); END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A session's once-a-minute last_seen_at refresh is not news; a revoke, a new expiry or a last_seen_at
-- moved backwards (an idle timeout brought forward) is.
CREATE TRIGGER session_cache_session_update AFTER UPDATE ON session FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
    OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.csrf_token IS DISTINCT FROM NEW.csrf_token
    OR NEW.last_seen_at < OLD.last_seen_at)
  EXECUTE FUNCTION niangjia_session_cache_notify();
--> statement-breakpoint
CREATE TRIGGER session_cache_session_delete AFTER DELETE ON session FOR EACH ROW EXECUTE FUNCTION niangjia_session_cache_notify();
--> statement-breakpoint
-- A new grant widens the scope, a removed one shrinks it: both are news.
CREATE TRIGGER session_cache_grant AFTER INSERT OR UPDATE OR DELETE ON role_grant FOR EACH ROW EXECUTE FUNCTION niangjia_session_cache_notify();
--> statement-breakpoint
-- Sign-in bookkeeping (failed counts, last login) is not read by the auth hook; these columns are.
CREATE TRIGGER session_cache_user_update AFTER UPDATE ON app_user FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.username IS DISTINCT FROM NEW.username
    OR OLD.display_name IS DISTINCT FROM NEW.display_name OR OLD.phone IS DISTINCT FROM NEW.phone
    OR OLD.password_hash IS DISTINCT FROM NEW.password_hash)
  EXECUTE FUNCTION niangjia_session_cache_notify();
--> statement-breakpoint
CREATE TRIGGER session_cache_user_delete AFTER DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION niangjia_session_cache_notify();
--> statement-breakpoint
-- A grant's scope is its org's path: a moved subtree changes the scope of everyone granted inside it.
CREATE TRIGGER session_cache_org_path AFTER UPDATE OF path ON org FOR EACH ROW
  WHEN (OLD.path IS DISTINCT FROM NEW.path)
  EXECUTE FUNCTION niangjia_session_cache_notify();
--> statement-breakpoint
CREATE TRIGGER session_cache_org_delete AFTER DELETE ON org FOR EACH ROW EXECUTE FUNCTION niangjia_session_cache_notify();
--> statement-breakpoint
CREATE TRIGGER session_cache_truncate_session AFTER TRUNCATE ON session FOR EACH STATEMENT EXECUTE FUNCTION niangjia_session_cache_notify();
--> statement-breakpoint
CREATE TRIGGER session_cache_truncate_grant AFTER TRUNCATE ON role_grant FOR EACH STATEMENT EXECUTE FUNCTION niangjia_session_cache_notify();
--> statement-breakpoint
CREATE TRIGGER session_cache_truncate_user AFTER TRUNCATE ON app_user FOR EACH STATEMENT EXECUTE FUNCTION niangjia_session_cache_notify();
--> statement-breakpoint
CREATE TRIGGER session_cache_truncate_org AFTER TRUNCATE ON org FOR EACH STATEMENT EXECUTE FUNCTION niangjia_session_cache_notify();
