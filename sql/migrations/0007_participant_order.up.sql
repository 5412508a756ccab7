-- "Everything this organisation took part in, newest first" is the list
-- partner committees ask for most. Each participant row now carries its
-- record's sort key and period, so such a list is one ordered range of an
-- index on (organization, sort key, record) that stops after a page,
-- however many records the organisation has or however deep the page,
-- instead of walking every record in date order and probing each one.
-- The store writes the copies with the participant rows, which are
-- rewritten on every change of a record.

ALTER TABLE joint_action_participants ADD COLUMN sort_on date, ADD COLUMN period daterange;
UPDATE joint_action_participants p SET sort_on = x.sort_on, period = x.period
FROM joint_actions x WHERE x.id = p.joint_action_id;
ALTER TABLE joint_action_participants ALTER COLUMN sort_on SET NOT NULL;
CREATE INDEX joint_action_participants_order_idx
    ON joint_action_participants (organization_id, sort_on DESC, joint_action_id DESC) INCLUDE (period);

ALTER TABLE consultation_participants ADD COLUMN sort_on date, ADD COLUMN period daterange;
UPDATE consultation_participants p SET sort_on = x.sort_on, period = x.period
FROM consultations x WHERE x.id = p.consultation_id;
ALTER TABLE consultation_participants ALTER COLUMN sort_on SET NOT NULL;
CREATE INDEX consultation_participants_order_idx
    ON consultation_participants (organization_id, sort_on DESC, consultation_id DESC) INCLUDE (period);
