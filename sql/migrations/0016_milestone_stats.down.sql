DROP INDEX IF EXISTS agreements_live_idx;
DROP INDEX IF EXISTS milestones_done_stats_idx;
DROP INDEX IF EXISTS milestones_due_stats_idx;
DROP INDEX agreements_signed_stats_idx;
CREATE INDEX agreements_signed_stats_idx ON agreements (sort_on) INCLUDE (signed_on, signed_on_last)
	WHERE archived_at IS NULL;
