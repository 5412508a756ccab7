DELETE FROM read_form_queue WHERE area_code IS NOT NULL;
ALTER TABLE read_form_queue
	DROP CONSTRAINT read_form_queue_one_subject,
	DROP COLUMN area_code,
	ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE joint_actions DROP COLUMN export_csv, DROP COLUMN export_zh, DROP COLUMN export_en;
ALTER TABLE consultations DROP COLUMN export_csv, DROP COLUMN export_zh, DROP COLUMN export_en;
ALTER TABLE agreements DROP COLUMN export_csv, DROP COLUMN export_zh, DROP COLUMN export_en;
