DROP INDEX IF EXISTS agreements_live_idx;
DROP INDEX IF EXISTS milestones_done_on_idx;
