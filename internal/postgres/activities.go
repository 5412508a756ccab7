package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Consultations and joint actions are stored alike: a main table, a table
// of participants and a table of outcomes keyed by (record, position). The
// code below serves both; consultations.go and joint_actions.go describe
// each one's columns to it through an activityKind.

// activityParts reaches the parts of a record that the shared code reads
// or fills in place.
type activityParts struct {
	id                *string
	participants      []registry.Participant
	outcomes          []registry.Outcome
	mainDate          *registry.Date
	childParticipants *[]registry.Participant
	childOutcomes     *[]registry.Outcome
}

// activityKind describes one kind of activity to the shared code.
type activityKind[T any] struct {
	entity       registry.AuditEntity // audit entity, and the statistics' name of the kind
	table        string               // main table
	participants string               // participant table
	outcomes     string               // outcome table
	fk           string               // the child tables' column naming the record
	kindColumn   string               // the column of the kind/format filter
	cols         *table[T]
	selectSQL    string // reads records (alias x) with their child rows
	insertSQL    string // $1 id, then the columns of cols
	updateSQL    string // the same parameters as insertSQL
	parts        func(rec *T) activityParts
}

func newActivityKind[T any](cols *table[T], entity registry.AuditEntity, participants, outcomes, fk, kindColumn string,
	parts func(rec *T) activityParts) *activityKind[T] {
	return &activityKind[T]{entity: entity, table: cols.name, participants: participants, outcomes: outcomes, fk: fk,
		kindColumn: kindColumn, cols: cols, parts: parts,
		selectSQL: `SELECT ` + cols.selectList() + `,
	` + activityChildren(participants, outcomes, fk) + `
	FROM ` + cols.name + ` x`,
		insertSQL: cols.insertSQL(), updateSQL: cols.updateSQL()}
}

// scan reads one selected row with its child rows.
func (k *activityKind[T]) scan(sc scanner) (T, error) {
	var rec T
	var ps, os []byte
	dests, done := k.cols.dests(&rec, &ps, &os)
	if err := sc.Scan(dests...); err != nil {
		if notFound(err) {
			return rec, registry.ErrNotFound
		}
		return rec, mapError(fmt.Errorf("scan %s: %w", k.entity, err))
	}
	done()
	p := k.parts(&rec)
	return rec, decodeActivityChildren(ps, os, p.childParticipants, p.childOutcomes)
}

// args returns the parameters of insertSQL and updateSQL.
func (k *activityKind[T]) args(rec T) []any { return k.cols.args(*k.parts(&rec).id, &rec) }

// activityChildren returns the two sub-selects that read the participants
// and the outcomes of record x as JSON arrays, for a select list.
func activityChildren(participants, outcomes, fk string) string {
	return `coalesce((SELECT json_agg(json_build_object('organization_id', p.organization_id, 'organization_code', o.code,
		'name_zh', o.name_zh, 'name_en', o.name_en, 'region_code', o.region_code, 'role', p.role) ORDER BY p.position)
		FROM ` + participants + ` p JOIN organizations o ON o.id = p.organization_id WHERE p.` + fk + ` = x.id), '[]'),
	coalesce((SELECT json_agg(json_build_object('kind', c.kind, 'count', c.count, 'approximate', c.approximate,
		'description_zh', c.description_zh, 'description_en', c.description_en) ORDER BY c.position)
		FROM ` + outcomes + ` c WHERE c.` + fk + ` = x.id), '[]')`
}

// decodeActivityChildren decodes the JSON arrays of activityChildren.
func decodeActivityChildren(participants, outcomes []byte, ps *[]registry.Participant, os *[]registry.Outcome) error {
	if err := json.Unmarshal(participants, ps); err != nil {
		return fmt.Errorf("decode participants: %w", err)
	}
	if err := json.Unmarshal(outcomes, os); err != nil {
		return fmt.Errorf("decode outcomes: %w", err)
	}
	return nil
}

// childInserts returns the statements that insert one participant (with
// its record's sort key and period, which the record must already hold)
// and one outcome.
func (k *activityKind[T]) childInserts() (participant, outcome string) {
	return `INSERT INTO ` + k.participants + ` (` + k.fk + `, position, organization_id, role, sort_on, period)
		SELECT $1, $2, $3, $4, x.sort_on, x.period FROM ` + k.table + ` x WHERE x.id = $1`,
		`INSERT INTO ` + k.outcomes + ` (` + k.fk + `, position, kind, count, approximate, description_zh, description_en)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`
}

// read returns one record with its child rows.
func (k *activityKind[T]) read(ctx context.Context, q querier, id string) (T, error) {
	return k.scan(q.QueryRowContext(ctx, k.selectSQL+` WHERE x.id = $1`, id))
}

// getActivity returns a record (archived ones included) by id.
func getActivity[T any](ctx context.Context, s *Store, k *activityKind[T], id string) (T, error) {
	if !isUUID(id) {
		var zero T
		return zero, registry.ErrNotFound
	}
	return k.read(ctx, s.q(ctx), id)
}

// lockActivity reads a record under a row lock, in the transaction of ctx.
func lockActivity[T any](ctx context.Context, s *Store, k *activityKind[T], id string) (T, error) {
	if err := s.lockRow(ctx, k.table, "id", id); err != nil {
		var zero T
		return zero, err
	}
	return getActivity(ctx, s, k, id)
}

// insertActivityChildren writes the participants and outcomes of record id.
func insertActivityChildren[T any](ctx context.Context, tx *sql.Tx, k *activityKind[T], id string, p activityParts) error {
	insParticipant, insOutcome := k.childInserts()
	for i, x := range p.participants {
		if _, err := tx.ExecContext(ctx, insParticipant, id, i, x.OrganizationID, x.Role); err != nil {
			return mapError(fmt.Errorf("insert participant: %w", err))
		}
	}
	for i, o := range p.outcomes {
		var count sql.NullInt64
		if o.Count != nil {
			count = sql.NullInt64{Int64: *o.Count, Valid: true}
		}
		if _, err := tx.ExecContext(ctx, insOutcome, id, i, string(o.Kind), count, o.Approximate,
			nullString(o.DescriptionZh), nullString(o.DescriptionEn)); err != nil {
			return mapError(fmt.Errorf("insert outcome: %w", err))
		}
	}
	return nil
}

// insertActivity stores a new record with its child rows and its share of
// the statistics, and returns it as stored.
func insertActivity[T any](ctx context.Context, s *Store, k *activityKind[T], rec T) (T, error) {
	var out T
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		p := k.parts(&rec)
		if *p.id == "" {
			*p.id = newID()
		}
		if _, err := tx.ExecContext(ctx, k.insertSQL, k.args(rec)...); err != nil {
			return mapError(fmt.Errorf("insert %s: %w", k.entity, err))
		}
		if err := insertActivityChildren(ctx, tx, k, *p.id, p); err != nil {
			return err
		}
		if err := s.applyStats(ctx, tx, string(k.entity), *p.id, +1); err != nil {
			return err
		}
		var err error
		out, err = readBack(ctx, tx, k.forms(), *p.id, func() (T, error) { return k.read(ctx, tx, *p.id) })
		return err
	})
	return out, err
}

// replaceActivity replaces a record and its child rows, moving its share
// of the statistics, and returns it as stored.
func replaceActivity[T any](ctx context.Context, s *Store, k *activityKind[T], rec T) (T, error) {
	var out T
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		p := k.parts(&rec)
		if err := s.applyStats(ctx, tx, string(k.entity), *p.id, -1); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, k.updateSQL, k.args(rec)...); err != nil {
			return mapError(fmt.Errorf("update %s: %w", k.entity, err))
		}
		for _, table := range []string{k.participants, k.outcomes} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE `+k.fk+` = $1`, *p.id); err != nil {
				return mapError(fmt.Errorf("replace %s: %w", table, err))
			}
		}
		if err := insertActivityChildren(ctx, tx, k, *p.id, p); err != nil {
			return err
		}
		if err := s.applyStats(ctx, tx, string(k.entity), *p.id, +1); err != nil {
			return err
		}
		var err error
		out, err = readBack(ctx, tx, k.forms(), *p.id, func() (T, error) { return k.read(ctx, tx, *p.id) })
		return err
	})
	return out, err
}

// archiveActivity sets archived_at (nothing is ever deleted) and takes the
// record out of the statistics.
func archiveActivity[T any](ctx context.Context, s *Store, k *activityKind[T], id string) (T, error) {
	var out T
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := s.applyStats(ctx, tx, string(k.entity), id, -1); err != nil { // archived records count nowhere
			return err
		}
		if err := s.archiveRow(ctx, k.table, id); err != nil {
			return err
		}
		var err error
		out, err = readBack(ctx, tx, k.forms(), id, func() (T, error) { return k.read(ctx, tx, id) })
		return err
	})
	return out, err
}

// listQuery builds the statement of one list page; partyIDs are the
// resolved party filter, every one of which must take part. Each filter is
// a condition an index serves (see activities_plans_test.go).
func (k *activityKind[T]) listQuery(f registry.ActivityFilter, partyIDs []string) (string, []any, error) {
	return k.listQueryOf(k.selectSQL, f, partyIDs)
}

// listQueryOf builds the statement of one list page that reads each row
// with sel (a select list and FROM the main table x).
func (k *activityKind[T]) listQueryOf(sel string, f registry.ActivityFilter, partyIDs []string) (string, []any, error) {
	return k.listQueryIn(sel, f, partyIDs, true)
}

// listQueryIn builds the statement of listQueryOf; with byIDs false, in
// one step even for a date range over the whole table (for COPY of every
// row of a range, which PostgreSQL plans best so).
func (k *activityKind[T]) listQueryIn(sel string, f registry.ActivityFilter, partyIDs []string, byIDs bool) (string, []any, error) {
	var w whereBuilder
	// The order (and the period) is read from the records, or, for a
	// party's list, from the first party's participant rows, whose index
	// serves the page directly (see 0007_participant_order); the other
	// parties are conditions on each record the unique key
	// (record, organisation) answers.
	from, order, id := ``, `x`, `x.id`
	for i, partyID := range partyIDs {
		if i == 0 {
			from, order, id = ` JOIN `+k.participants+` p ON p.`+k.fk+` = x.id`, `p`, `p.`+k.fk
			w.add(`p.organization_id = ` + w.arg(partyID))
			continue
		}
		w.add(`EXISTS (SELECT 1 FROM ` + k.participants + ` pp WHERE pp.` + k.fk + ` = x.id AND pp.organization_id = ` + w.arg(partyID) + `)`)
	}
	if !f.IncludeArchived {
		w.add(`x.archived_at IS NULL`)
	}
	if f.Region != "" {
		w.add(`EXISTS (SELECT 1 FROM ` + k.participants + ` rp JOIN organizations o ON o.id = rp.organization_id
			WHERE rp.` + k.fk + ` = x.id AND o.region_code IN ` + descendantRegions(w.arg(f.Region)) + `)`)
	}
	for _, eq := range [][2]string{{"agreement_id", f.Agreement}, {"area_code", f.Area}, {k.kindColumn, f.Kind}, {"status", f.Status}} {
		if eq[1] != "" {
			w.add(`x.` + eq[0] + ` = ` + w.arg(eq[1]))
		}
	}
	if f.From != nil || f.To != nil {
		var lo, hi sql.NullTime // NULL: unbounded
		if f.From != nil {
			lo = sql.NullTime{Time: f.From.First(), Valid: true}
		}
		if f.To != nil {
			hi = sql.NullTime{Time: f.To.Last(), Valid: true}
		}
		w.add(order + `.period && daterange(` + w.arg(lo) + `::date, ` + w.arg(hi) + `::date, '[]')`)
		if hi.Valid {
			// A record that overlaps the range starts no later than its
			// end (an undated start sorts as -infinity): the order index
			// can skip every newer record instead of filtering it.
			w.add(order + `.sort_on <= ` + w.arg(hi.Time) + `::date`)
		}
	}
	if f.Q != "" {
		w.add(`x.search_text ILIKE ` + w.arg(likePattern(f.Q)))
	}
	if f.Cursor != "" {
		parts, err := decodeCursor(f.Cursor, 2)
		if err != nil || !checkSortKey(parts[0]) || !isUUID(parts[1]) {
			return "", nil, &registry.BadParam{Name: "cursor", Code: "invalid_cursor", Value: f.Cursor}
		}
		w.add(`(` + order + `.sort_on, ` + id + `) < (` + w.arg(parts[0]) + `::date, ` + w.arg(parts[1]) + `::uuid)`)
	}
	if byIDs && len(partyIDs) == 0 && (f.From != nil || f.To != nil) {
		// A date range over the whole table: the page's ids first, from
		// the order index alone (it holds the period and archived_at,
		// migration 0019), then their rows. Read in one step, each record
		// the index walk passed was fetched to check its period: past the
		// range's start the walk meets mostly records that ended before
		// it, and the last page of a range walked every older record's
		// row (2.9 s of the 5.6 s a year of the benchmark's million joint
		// actions took to export).
		page := `SELECT x.id FROM ` + k.table + ` x` + w.sql() + ` ORDER BY x.sort_on DESC, x.id DESC LIMIT ` + w.arg(f.Limit+1)
		return sel + ` JOIN (` + page + `) page ON page.id = x.id ORDER BY x.sort_on DESC, x.id DESC`, w.args, nil
	}
	q := sel + from + w.sql() + ` ORDER BY ` + order + `.sort_on DESC, ` + id + ` DESC LIMIT ` + w.arg(f.Limit+1)
	return q, w.args, nil
}

// listActivities lists records newest first by their main date (undated
// last, ties by id descending) with keyset pagination. A party or
// agreement that does not exist matches nothing.
func listActivities[T any](ctx context.Context, s *Store, k *activityKind[T], f registry.ActivityFilter) (registry.Page[T], error) {
	empty := registry.Page[T]{Items: []T{}}
	if f.Agreement != "" && !isUUID(f.Agreement) {
		return empty, nil
	}
	partyIDs, found, err := s.resolveParties(ctx, f.Parties)
	if err != nil || !found {
		return empty, err
	}
	q, args, err := k.listQuery(f, partyIDs)
	if err != nil {
		return empty, err
	}
	rows, err := s.unprepared(ctx).QueryContext(ctx, q, args...)
	if err != nil {
		return empty, mapError(fmt.Errorf("list %s: %w", k.table, err))
	}
	defer rows.Close()
	var items []T
	for rows.Next() {
		rec, err := k.scan(rows)
		if err != nil {
			return empty, err
		}
		items = append(items, rec)
	}
	if err := rows.Err(); err != nil {
		return empty, mapError(fmt.Errorf("list %s: %w", k.table, err))
	}
	return trimPage(items, f.Limit, func(rec T) []string {
		p := k.parts(&rec)
		return []string{sortKey(p.mainDate), *p.id}
	}), nil
}
