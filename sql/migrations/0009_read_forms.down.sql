DROP TABLE read_form_queue;
ALTER TABLE joint_actions DROP COLUMN read_json;
ALTER TABLE consultations DROP COLUMN read_json;
ALTER TABLE agreements DROP COLUMN read_json;
