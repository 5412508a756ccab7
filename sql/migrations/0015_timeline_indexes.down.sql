DROP INDEX IF EXISTS files_timeline_idx;
DROP INDEX IF EXISTS milestones_done_timeline_idx;
DROP INDEX IF EXISTS milestones_due_timeline_idx;
DROP INDEX IF EXISTS joint_actions_timeline_idx;
DROP INDEX IF EXISTS consultations_timeline_idx;
