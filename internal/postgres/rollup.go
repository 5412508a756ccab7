package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// applyStatsSQL adds $3 (+1 or -1) times the statistics contributions of
// record $2 of entity $1 to the running sums. Rows are taken in primary-key
// order, so concurrent writers lock them in one order and cannot deadlock
// each other.
const applyStatsSQL = `INSERT INTO stats_rollup AS r (year, scope, figure, key, shard, n, approx, parts)
	SELECT year, scope, figure, key, shard, $3 * n, $3 * approx, $3 * parts
	FROM stats_contributions WHERE entity = $1 AND id = $2
	ORDER BY year, scope, figure, key, shard
	ON CONFLICT (year, scope, figure, key, shard)
	DO UPDATE SET n = r.n + EXCLUDED.n, approx = r.approx + EXCLUDED.approx, parts = r.parts + EXCLUDED.parts`

// applyStats adds (sign +1) or removes (sign -1) what a record (a
// consultation, joint action, agreement or milestone) contributes to the
// yearly statistics, as it stands in the transaction now. Writes remove
// before they change a record and add after, so the sums follow every
// create, update and archive.
func (s *Store) applyStats(ctx context.Context, tx *sql.Tx, entity, id string, sign int) error {
	if _, err := s.q(ctx).ExecContext(ctx, applyStatsSQL, entity, id, sign); err != nil {
		return mapError(fmt.Errorf("statistics of %s %s: %w", entity, id, err))
	}
	return nil
}

// applyMilestoneStatsSQL adds $2 (+1 or -1) times the statistics
// contributions of every milestone of agreement $1, summed per row of the
// running sums (many milestones add to the same row).
const applyMilestoneStatsSQL = `INSERT INTO stats_rollup AS r (year, scope, figure, key, shard, n, approx, parts)
	SELECT year, scope, figure, key, shard, $2 * sum(n), $2 * sum(approx), $2 * sum(parts)
	FROM stats_contributions WHERE entity = 'milestone' AND parent = $1
	GROUP BY year, scope, figure, key, shard
	ORDER BY year, scope, figure, key, shard
	ON CONFLICT (year, scope, figure, key, shard)
	DO UPDATE SET n = r.n + EXCLUDED.n, approx = r.approx + EXCLUDED.approx, parts = r.parts + EXCLUDED.parts`

// applyMilestoneStats adds or removes what the milestones of agreement id
// contribute: they count for the agreement's parties and only while it is
// live, so a write that changes either moves them.
func (s *Store) applyMilestoneStats(ctx context.Context, tx *sql.Tx, id string, sign int) error {
	if _, err := tx.ExecContext(ctx, applyMilestoneStatsSQL, id, sign); err != nil {
		return mapError(fmt.Errorf("statistics of the milestones of agreement %s: %w", id, err))
	}
	return nil
}

// statsFromRollupSQL reads the figures of year $1 for everyone (scope $2
// "all") or one organisation ("org:<uuid>") with today $3 (YYYY-MM-DD):
// every figure of the year summed over its shards, except the open
// milestones by last due day, which are summed below today into
// ms_overdue (two ranges of the key skip them), and the agreements in
// force, summed over the (from year, to year) keys that hold the year.
const statsFromRollupSQL = `SELECT figure, key, sum(n), sum(approx), sum(parts) FROM stats_rollup
	WHERE year = $1 AND scope = $2 AND (figure < 'ms_open' OR figure > 'ms_open') GROUP BY figure, key
	UNION ALL
	SELECT 'ms_overdue', '', coalesce(sum(n), 0), 0, coalesce(sum(parts), 0) FROM stats_rollup
	WHERE year = $1 AND scope = $2 AND figure = 'ms_open' AND key < $3
	UNION ALL
	SELECT 'ag_in_force', '', coalesce(sum(n), 0), 0, coalesce(sum(parts), 0) FROM stats_rollup
	WHERE year = 0 AND scope = $2 AND figure = 'ag_in_force'
		AND split_part(key, ':', 1)::int <= $1 AND split_part(key, ':', 2)::int >= $1`

// statsFromRollup fills every figure but the partner provinces (and the
// region selections, which are counted from the records) from the running
// sums.
func (s *Store) statsFromRollup(ctx context.Context, year int, scope string, today time.Time, st *registry.Stats) error {
	args := []any{year, scope, today.Format(time.DateOnly)}
	return eachRow(ctx, s.q(ctx), statsFromRollupSQL, args, func(sc scanner) error {
		var figure, key string
		var n, approx, parts int64
		if err := sc.Scan(&figure, &key, &n, &approx, &parts); err != nil {
			return err
		}
		if parts == 0 {
			return nil // every record that counted here has moved on
		}
		switch figure {
		case "con_held":
			st.Consultations.Held = int(n)
		case "con_format":
			st.Consultations.ByFormat[key] = int(n)
		case "con_area":
			st.Consultations.ByArea[key] = int(n)
		case "ja_total":
			st.JointActions.Total = int(n)
		case "ja_kind":
			st.JointActions.ByKind[key] = int(n)
		case "ja_area":
			st.JointActions.ByArea[key] = int(n)
		case "outcome":
			st.Outcomes[key] = registry.OutcomeTotal{Count: n, Approximate: approx > 0}
		case "ag_signed":
			st.Agreements.Signed = int(n)
		case "ag_in_force":
			st.Agreements.InForce = int(n)
		case "ag_area":
			st.Agreements.ByArea[key] = int(n)
		case "ms_due":
			st.Milestones.Due = int(n)
		case "ms_done":
			st.Milestones.Done = int(n)
		case "ms_overdue":
			st.Milestones.Overdue = int(n)
		}
		return nil
	})
}

// RebuildStatsSQL recomputes the running sums from the records, written
// in primary-key order so that the rows a request reads (one year and
// scope) share a few pages (see migration 0018). Writes through the store
// keep them current; this is for data loaded around it, such as the
// benchmark's COPY loader, and for RebuildStats.
const RebuildStatsSQL = `DELETE FROM stats_rollup;
` + rebuildStatsInsertSQL

// rebuildStatsInsertSQL writes the running sums counted from the records
// into an empty stats_rollup.
const rebuildStatsInsertSQL = `INSERT INTO stats_rollup (year, scope, figure, key, shard, n, approx, parts)
SELECT year, scope, figure, key, shard, sum(n), sum(approx), sum(parts)
FROM stats_contributions
GROUP BY year, scope, figure, key, shard
ORDER BY year, scope, figure, key, shard`

// RebuildStats recomputes the running sums of the statistics from the
// records (RebuildStatsSQL) in one transaction, beside a serving registry,
// and returns how many rows it wrote. It first locks the sums against
// writes (EXCLUSIVE: reads go on and see the old sums until it commits):
// a write changes its records and its share of the sums in one
// transaction, so the lock waits for the writes that have begun to change
// the sums and holds off the others until the new sums are in, which are
// then counted from records no write is changing.
func (s *Store) RebuildStats(ctx context.Context) (int, error) {
	var n int64
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `LOCK TABLE stats_rollup IN EXCLUSIVE MODE`); err != nil {
			return mapError(fmt.Errorf("lock the running sums: %w", err))
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM stats_rollup`); err != nil {
			return mapError(fmt.Errorf("rebuild the running sums: %w", err))
		}
		res, err := tx.ExecContext(ctx, rebuildStatsInsertSQL)
		if err != nil {
			return mapError(fmt.Errorf("rebuild the running sums: %w", err))
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}
