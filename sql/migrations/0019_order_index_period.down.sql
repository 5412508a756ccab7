DROP INDEX consultations_order_idx;
CREATE INDEX consultations_order_idx ON consultations (sort_on DESC, id DESC);
DROP INDEX joint_actions_order_idx;
CREATE INDEX joint_actions_order_idx ON joint_actions (sort_on DESC, id DESC);
