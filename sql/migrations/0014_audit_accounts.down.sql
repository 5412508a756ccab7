-- The audit log is append-only: entries of accounts and keys stay, so the
-- narrower checks hold only for new rows.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('create', 'update', 'archive')) NOT VALID;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_check CHECK (entity IN ('agreement', 'consultation',
    'joint_action', 'organization', 'cooperation_area', 'milestone', 'file')) NOT VALID;
