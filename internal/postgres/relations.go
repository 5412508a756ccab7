package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/lib/pq"

	"github.com/chengyu-collab/registry/internal/registry"
)

// relationGraphLock is the key of the transaction-level advisory lock that
// serialises changes of the links between agreements: two writers each
// adding one half of a cycle would otherwise both find none.
const relationGraphLock = 0x72656c73 // "rels"

// RelationReaches takes the relation lock for the rest of the transaction
// of ctx, then reports whether to is reachable from from over links of the
// given kinds (a recursive walk over the primary key of
// agreement_relations).
func (s *Store) RelationReaches(ctx context.Context, from, to string, kinds []registry.RelationKind) (bool, error) {
	if !isUUID(from) || !isUUID(to) {
		return false, nil
	}
	codes := make([]string, len(kinds))
	for i, k := range kinds {
		codes[i] = string(k)
	}
	var found bool
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, relationGraphLock); err != nil {
			return mapError(fmt.Errorf("lock relations: %w", err))
		}
		const q = `WITH RECURSIVE reach(id) AS (
				SELECT $1::uuid
				UNION
				SELECT r.related_id FROM agreement_relations r JOIN reach ON r.agreement_id = reach.id
				WHERE r.kind = ANY ($3))
			SELECT EXISTS (SELECT 1 FROM reach WHERE id = $2::uuid)`
		if err := tx.QueryRowContext(ctx, q, from, to, pq.Array(codes)).Scan(&found); err != nil {
			return mapError(fmt.Errorf("walk relations: %w", err))
		}
		return nil
	})
	return found, err
}

// relationTargets lists the agreements agreement id links to.
func relationTargets(ctx context.Context, tx *sql.Tx, id string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT related_id FROM agreement_relations WHERE agreement_id = $1`, id)
	if err != nil {
		return nil, mapError(fmt.Errorf("relation targets: %w", err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, mapError(fmt.Errorf("relation targets: %w", err))
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// rewriteRelated rewrites, in the transaction of ctx, the read forms of the
// agreements whose related_from names agreement id: those it linked to
// before the write (before) and those it links to now. A link's title and
// its presence live in the target's read form, so a write of id that
// changes either is a write of theirs too.
func (s *Store) rewriteRelated(ctx context.Context, tx *sql.Tx, id string, before []string) error {
	now, err := relationTargets(ctx, tx, id)
	if err != nil {
		return err
	}
	ids := append(before, now...)
	slices.Sort(ids)
	return s.rewriteBatch(ctx, agreementForms, slices.Compact(ids), true)
}

// writeRelations makes the links of agreement a those of a.Relations,
// keeping the rows (and their created_at) of links that stay.
func writeRelations(ctx context.Context, tx *sql.Tx, a registry.Agreement) error {
	targets := make([]string, len(a.Relations))
	kinds := make([]string, len(a.Relations))
	for i, r := range a.Relations {
		targets[i], kinds[i] = r.AgreementID, string(r.Kind)
	}
	const drop = `DELETE FROM agreement_relations r WHERE r.agreement_id = $1
		AND (r.related_id, r.kind) NOT IN (SELECT * FROM unnest($2::uuid[], $3::text[]))`
	if _, err := tx.ExecContext(ctx, drop, a.ID, pq.Array(targets), pq.Array(kinds)); err != nil {
		return mapError(fmt.Errorf("replace relations: %w", err))
	}
	for i, r := range a.Relations {
		const q = `INSERT INTO agreement_relations (agreement_id, related_id, kind, position) VALUES ($1, $2, $3, $4)
			ON CONFLICT (agreement_id, related_id, kind) DO UPDATE SET position = excluded.position`
		if _, err := tx.ExecContext(ctx, q, a.ID, r.AgreementID, string(r.Kind), i); err != nil {
			return mapError(fmt.Errorf("insert relation: %w", err))
		}
	}
	return nil
}

// partialDateJSON is the SQL expression of a partial date kept as
// col/col_precision in the form the API gives it (YYYY, YYYY-MM or
// YYYY-MM-DD), or NULL.
func partialDateJSON(col string) string {
	return `CASE ` + col + `_precision WHEN 1 THEN to_char(` + col + `, 'YYYY') WHEN 2 THEN to_char(` + col +
		`, 'YYYY-MM') WHEN 3 THEN to_char(` + col + `, 'YYYY-MM-DD') END`
}

// agreementRelationsSQL are the sub-selects of agreementSelect that read an
// agreement's links and the links pointing at it.
var agreementRelationsSQL = `,
	coalesce((SELECT json_agg(json_build_object('agreement_id', r.related_id, 'kind', r.kind) ORDER BY r.position)
		FROM agreement_relations r WHERE r.agreement_id = a.id), '[]'),
	coalesce((SELECT json_agg(json_build_object('agreement_id', f.id, 'kind', r.kind, 'title_zh', f.title_zh,
		'title_en', f.title_en) ORDER BY f.id, r.kind)
		FROM agreement_relations r JOIN agreements f ON f.id = r.agreement_id WHERE r.related_id = a.id), '[]')`

// relatedToCondition selects the agreements linked to or from the
// agreement of the placeholder p, over the primary key and the related
// index of agreement_relations.
func relatedToCondition(p string) string {
	return `a.id IN (SELECT r.related_id FROM agreement_relations r WHERE r.agreement_id = ` + p + `::uuid
		UNION SELECT r.agreement_id FROM agreement_relations r WHERE r.related_id = ` + p + `::uuid)`
}
