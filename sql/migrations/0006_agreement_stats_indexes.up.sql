-- Narrow indexes for the agreement figures of GET /v1/stats, which are
-- counted from the records: agreements signed in a year (a range of the
-- sort key, which is the signing date) and agreements in force, read from
-- the index alone instead of the wide table.
CREATE INDEX agreements_signed_stats_idx ON agreements (sort_on) INCLUDE (signed_on, signed_on_last)
    WHERE archived_at IS NULL;
CREATE INDEX agreements_in_force_stats_idx ON agreements (effective_to_last)
    INCLUDE (effective_from, signed_on) WHERE archived_at IS NULL AND status = 'in_force';
