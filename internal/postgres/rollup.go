package postgres

import (
	"context"
	"database/sql"
	"fmt"

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

// applyStats adds (sign +1) or removes (sign -1) what a consultation or
// joint action contributes to the yearly statistics, as it stands in the
// transaction now. Writes remove before they change a record and add
// after, so the sums follow every create, update and archive.
func (s *Store) applyStats(ctx context.Context, tx *sql.Tx, entity, id string, sign int) error {
	if _, err := s.q(ctx).ExecContext(ctx, applyStatsSQL, entity, id, sign); err != nil {
		return mapError(fmt.Errorf("statistics of %s %s: %w", entity, id, err))
	}
	return nil
}

// statsFromRollup reads the consultation, joint-action and outcome figures
// of a year for everyone (scope "all") or one organisation ("org:<uuid>").
const statsFromRollupSQL = `SELECT figure, key, sum(n), sum(approx), sum(parts) FROM stats_rollup
	WHERE year = $1 AND scope = $2 GROUP BY figure, key`

func (s *Store) statsFromRollup(ctx context.Context, year int, scope string, st *registry.Stats) error {
	return eachRow(ctx, s.q(ctx), statsFromRollupSQL, []any{year, scope}, func(sc scanner) error {
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
		}
		return nil
	})
}

// RebuildStatsSQL recomputes the running sums from the records. Writes
// through the store keep them current; this is for data loaded around it,
// such as the benchmark's COPY loader.
const RebuildStatsSQL = `DELETE FROM stats_rollup;
INSERT INTO stats_rollup (year, scope, figure, key, shard, n, approx, parts)
SELECT year, scope, figure, key, shard, sum(n), sum(approx), sum(parts)
FROM stats_contributions
GROUP BY year, scope, figure, key, shard`
