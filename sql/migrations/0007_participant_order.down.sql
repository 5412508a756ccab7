DROP INDEX consultation_participants_order_idx;
ALTER TABLE consultation_participants DROP COLUMN period, DROP COLUMN sort_on;
DROP INDEX joint_action_participants_order_idx;
ALTER TABLE joint_action_participants DROP COLUMN period, DROP COLUMN sort_on;
