-- An agreement's timeline reads each large kind of event — consultations,
-- joint actions, milestones due and done, files — in the order of the
-- timeline's key (the moment, then the id as text) and stops after one
-- page, so an agreement with 10,000 milestones answers a page as fast as
-- one with ten. The expressions are those of internal/postgres/timeline.go
-- (a date counts from midnight in China Standard Time).
CREATE INDEX consultations_timeline_idx ON consultations
	(agreement_id, (coalesce(((held_on)::timestamp - interval '8 hours') AT TIME ZONE 'UTC', created_at)), ((id)::text))
	WHERE archived_at IS NULL AND agreement_id IS NOT NULL;
CREATE INDEX joint_actions_timeline_idx ON joint_actions
	(agreement_id, (coalesce(((started_on)::timestamp - interval '8 hours') AT TIME ZONE 'UTC', created_at)), ((id)::text))
	WHERE archived_at IS NULL AND agreement_id IS NOT NULL;
CREATE INDEX milestones_due_timeline_idx ON milestones
	(agreement_id, ((((due_on)::timestamp - interval '8 hours') AT TIME ZONE 'UTC')), ((id)::text))
	WHERE due_on IS NOT NULL AND archived_at IS NULL;
CREATE INDEX milestones_done_timeline_idx ON milestones
	(agreement_id, ((((done_on)::timestamp - interval '8 hours') AT TIME ZONE 'UTC')), ((id)::text))
	WHERE done_on IS NOT NULL AND archived_at IS NULL;
CREATE INDEX files_timeline_idx ON files (record_type, record_id, uploaded_at, ((id)::text))
	WHERE archived_at IS NULL;
