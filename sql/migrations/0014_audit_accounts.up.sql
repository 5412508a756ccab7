-- Accounts and API keys are audited like every other write: creating,
-- disabling and resetting the password of a user, creating and revoking a
-- key. The entries name the account or key and hold it without any
-- password, password hash, key secret or key hash.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_check CHECK (entity IN ('agreement', 'consultation',
    'joint_action', 'organization', 'cooperation_area', 'milestone', 'file', 'user', 'api_key'));
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('create', 'update', 'archive',
    'disable', 'reset_password', 'revoke'));
