DROP INDEX IF EXISTS audit_log_actor_user_idx;
ALTER TABLE audit_log DROP COLUMN IF EXISTS actor_user_id;
DROP TABLE IF EXISTS sign_in_failures;
DROP TABLE IF EXISTS user_sessions;
DROP TABLE IF EXISTS sessions;
DROP TABLE IF EXISTS users;
