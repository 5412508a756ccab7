DROP TABLE idempotency_keys;
DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only();
DROP TABLE api_keys;
DROP TABLE organizations;
DROP TABLE cooperation_areas;
DROP TABLE regions;
