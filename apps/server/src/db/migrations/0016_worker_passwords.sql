-- Issue 9.2: an admin could give a worker's phone-code account a role, set a password on it, revoke
-- the role and keep signing in as the worker. Passwords belong to staff roles only: an account whose
-- roles are all `worker` (or none) loses any password it holds, and its sessions end (they may have
-- been opened with that password).
WITH stale AS (
  UPDATE app_user SET password_hash = NULL, version = version + 1, updated_at = now()
  WHERE password_hash IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = app_user.id AND g.role <> 'worker')
  RETURNING id
)
UPDATE session SET revoked_at = now() WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM stale);
