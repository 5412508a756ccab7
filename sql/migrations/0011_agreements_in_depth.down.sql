ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_check CHECK (entity IN ('agreement', 'consultation',
    'joint_action', 'organization', 'cooperation_area')) NOT VALID;
DROP TABLE files;
DROP TABLE milestone_links;
DROP TABLE milestones;
DROP TABLE agreement_relations;
ALTER TABLE agreement_parties DROP COLUMN signed_on_precision, DROP COLUMN signed_on_last, DROP COLUMN signed_on;
