package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/lib/pq"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Read forms (migration 0009). Each agreement, consultation and joint
// action keeps in its own row, in read_json, the exact bytes json.Marshal
// writes for the record as the store reads it (the select of its column
// table with its child rows and the organisations they name), which are
// the bytes the API sends. The form is derived, never assembled by hand:
// a field added to a record or to its select is in its read form without
// this file naming it.
//
// Consistency. The store writes a record's read form in the transaction of
// every write of the record (readBack), after locking FOR SHARE the
// organisations the record names, so that the form names them as they are
// when the write commits: a rename (which holds its organisation FOR
// UPDATE) waits for writes under way, and they for it. A change of an
// organisation enqueues it (read_form_queue) in its own transaction; after
// the commit and before the write answers, drainReadForms rewrites, in
// batches that lock their records, the read form of every record naming
// it, reading them with the current select. A record write that commits
// after the rename reads the new name itself; one that committed before it
// is read by the drain. A read form is never older than the last
// acknowledged write.
//
// A NULL read form (rows loaded by COPY, or written before 0009) is
// computed on read; `registry rebuild-read-models` fills them all.

// readForms describes one kind of record's read form.
type readForms struct {
	table string // main table
	alias string // its alias in select and list statements
	// forms reads records ids with the current select and returns their
	// read forms by id.
	forms func(ctx context.Context, q querier, ids []string) (map[string][]byte, error)
	// namedBy lists the ids of the records naming organisation $1.
	namedBy string
	// lockOrgs locks FOR SHARE the organisations record $1 names.
	lockOrgs string
	// jsonSelect reads, for a list page, the sort key, id, version and
	// read form of each row.
	jsonSelect string
}

func newReadForms[T any](table, alias, participants, fk, selectSQL string, scan func(scanner) (T, error), id func(*T) string) *readForms {
	return &readForms{table: table, alias: alias,
		forms:      formsOf(selectSQL, alias, scan, id),
		namedBy:    `SELECT DISTINCT ` + fk + ` FROM ` + participants + ` WHERE organization_id = $1`,
		lockOrgs:   `SELECT 1 FROM organizations o WHERE o.id IN (SELECT organization_id FROM ` + participants + ` WHERE ` + fk + ` = $1) ORDER BY o.id FOR SHARE`,
		jsonSelect: `SELECT ` + alias + `.sort_on::text, ` + alias + `.id, ` + alias + `.version, ` + alias + `.read_json FROM ` + table + ` ` + alias,
	}
}

// formsOf returns the function that reads records with selectSQL and
// marshals them. Every row is scanned before the first is marshalled, so
// that the connection is released (outside a transaction) before Go
// encodes.
func formsOf[T any](selectSQL, alias string, scan func(scanner) (T, error), id func(*T) string) func(context.Context, querier, []string) (map[string][]byte, error) {
	q := selectSQL + ` WHERE ` + alias + `.id = ANY($1::uuid[])`
	return func(ctx context.Context, db querier, ids []string) (map[string][]byte, error) {
		rows, err := db.QueryContext(ctx, q, pq.Array(ids))
		if err != nil {
			return nil, mapError(fmt.Errorf("read records: %w", err))
		}
		var recs []T
		for rows.Next() {
			rec, err := scan(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			recs = append(recs, rec)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, mapError(fmt.Errorf("read records: %w", err))
		}
		out := make(map[string][]byte, len(recs))
		for i := range recs {
			b, err := json.Marshal(recs[i])
			if err != nil {
				return nil, fmt.Errorf("marshal read form: %w", err)
			}
			out[id(&recs[i])] = b
		}
		return out, nil
	}
}

var (
	agreementForms = newReadForms("agreements", "a", "agreement_parties", "agreement_id", agreementSelect, scanAgreement,
		func(a *registry.Agreement) string { return a.ID })
	consultationForms = newReadForms("consultations", "x", "consultation_participants", "consultation_id",
		consultationKind.selectSQL, consultationKind.scan, func(c *consultation) string { return c.ID })
	jointActionForms = newReadForms("joint_actions", "x", "joint_action_participants", "joint_action_id",
		jointActionKind.selectSQL, jointActionKind.scan, func(j *jointAction) string { return j.ID })
	allReadForms = []*readForms{agreementForms, consultationForms, jointActionForms}
)

// forms returns the read forms of the kind.
func (k *activityKind[T]) forms() *readForms {
	if k.table == consultationForms.table {
		return consultationForms
	}
	return jointActionForms
}

// readBack ends a write of record id in transaction tx: it locks the
// organisations the record names (FOR SHARE, see above), reads the record
// as stored with read, and stores its read form.
func readBack[T any](ctx context.Context, tx *sql.Tx, f *readForms, id string, read func() (T, error)) (T, error) {
	if _, err := tx.ExecContext(ctx, f.lockOrgs, id); err != nil {
		var zero T
		return zero, mapError(fmt.Errorf("lock organisations of %s: %w", f.table, err))
	}
	rec, err := read()
	if err != nil {
		return rec, err
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return rec, fmt.Errorf("marshal read form: %w", err)
	}
	if _, err := tx.ExecContext(ctx, f.storeSQL(), id, string(b)); err != nil {
		return rec, mapError(fmt.Errorf("store read form of %s: %w", f.table, err))
	}
	return rec, nil
}

// rewriteBatch rewrites the read forms of records ids in one transaction
// that first locks them (in id order, so that two batches never
// deadlock), then reads them as committed.
//
// With bump, a record whose read form comes out different from the one
// stored — another record's change showed in it: an organisation renamed,
// an agreement linking to it retitled or relinked — also gets a new
// version, so that its ETag changes with its representation: a cache
// holding the old one revalidates, and an If-Match naming the old one is
// refused (412, with the new ETag) rather than applied to a record its
// sender has not seen. The record's own updated_at and audit stay those
// of its own writes. A rebuild (bump false) only restores what the
// source tables say.
func (s *Store) rewriteBatch(ctx context.Context, f *readForms, ids []string, bump bool) error {
	if len(ids) == 0 {
		return nil
	}
	return s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM `+f.table+` WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, pq.Array(ids)); err != nil {
			return mapError(fmt.Errorf("lock %s: %w", f.table, err))
		}
		forms, err := f.forms(ctx, tx, ids)
		if err != nil {
			return err
		}
		if bump {
			if forms, err = s.bumpChanged(ctx, tx, f, forms); err != nil {
				return err
			}
		}
		keys := make([]string, 0, len(forms))
		vals := make([]string, 0, len(forms))
		for id, b := range forms {
			keys, vals = append(keys, id), append(vals, string(b))
		}
		_, err = tx.ExecContext(ctx, `UPDATE `+f.table+` t SET read_json = v.j
			FROM unnest($1::uuid[], $2::text[]) AS v(id, j) WHERE t.id = v.id AND t.read_json IS DISTINCT FROM v.j`, pq.Array(keys), pq.Array(vals))
		if err != nil {
			return mapError(fmt.Errorf("store read forms of %s: %w", f.table, err))
		}
		return nil
	})
}

// bumpChanged gives a new version to each record (locked by the caller)
// whose new read form differs from its stored one, and returns the forms
// with those records formed again at their new version.
func (s *Store) bumpChanged(ctx context.Context, tx *sql.Tx, f *readForms, forms map[string][]byte) (map[string][]byte, error) {
	ids := make([]string, 0, len(forms))
	for id := range forms {
		ids = append(ids, id)
	}
	var changed []string
	err := eachRow(ctx, tx, `SELECT id, read_json FROM `+f.table+` WHERE id = ANY($1::uuid[])`, []any{pq.Array(ids)}, func(sc scanner) error {
		var id string
		var stored sql.NullString
		if err := sc.Scan(&id, &stored); err != nil {
			return err
		}
		if stored.Valid && stored.String != string(forms[id]) {
			changed = append(changed, id)
		}
		return nil
	})
	if err != nil || len(changed) == 0 {
		return forms, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE `+f.table+` SET version = version + 1 WHERE id = ANY($1::uuid[])`, pq.Array(changed)); err != nil {
		return nil, mapError(fmt.Errorf("new versions of %s: %w", f.table, err))
	}
	again, err := f.forms(ctx, tx, changed)
	if err != nil {
		return nil, err
	}
	for id, b := range again {
		forms[id] = b
	}
	return forms, nil
}

// rewriteBatchSize is how many records one transaction of a drain or a
// rebuild rewrites.
const rewriteBatchSize = 500

// rewriteAll rewrites the read forms of ids in batches.
func (s *Store) rewriteAll(ctx context.Context, f *readForms, ids []string) error {
	for len(ids) > 0 {
		n := min(len(ids), rewriteBatchSize)
		if err := s.rewriteBatch(ctx, f, ids[:n], true); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// enqueueReadForms records, in the transaction of ctx, that the read forms
// naming organisation id must be rewritten, and has the transaction drain
// the queue once it commits.
func (s *Store) enqueueReadForms(ctx context.Context, id string) error {
	if _, err := s.unprepared(ctx).ExecContext(ctx, `INSERT INTO read_form_queue (organization_id) VALUES ($1)`, id); err != nil {
		return mapError(fmt.Errorf("enqueue read forms: %w", err))
	}
	return afterCommit(ctx, s.DrainReadForms)
}

// DrainReadForms rewrites the read forms of the records naming each
// organisation in read_form_queue, then removes its entry. It is safe to
// run concurrently with itself and with any write.
func (s *Store) DrainReadForms(ctx context.Context) error {
	for {
		var entry int64
		var org string
		err := s.db.QueryRowContext(ctx, `SELECT id, organization_id FROM read_form_queue ORDER BY id LIMIT 1`).Scan(&entry, &org)
		if notFound(err) {
			return nil
		}
		if err != nil {
			return mapError(fmt.Errorf("read the read-form queue: %w", err))
		}
		for _, f := range allReadForms {
			ids, err := s.idsOf(ctx, f.namedBy, org)
			if err != nil {
				return err
			}
			if err := s.rewriteAll(ctx, f, ids); err != nil {
				return err
			}
		}
		if _, err := s.db.ExecContext(ctx, `DELETE FROM read_form_queue WHERE id = $1`, entry); err != nil {
			return mapError(fmt.Errorf("dequeue read forms: %w", err))
		}
	}
}

// idsOf runs a statement selecting ids.
func (s *Store) idsOf(ctx context.Context, q string, args ...any) ([]string, error) {
	var ids []string
	err := eachRow(ctx, s.db, q, args, func(sc scanner) error {
		var id string
		if err := sc.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	})
	return ids, err
}

// RebuildReadForms recomputes the read form of every record from the
// source tables (only the missing ones when missingOnly), in batches of
// locked records, then drains the queue. progress, when not nil, hears
// about each kind.
func (s *Store) RebuildReadForms(ctx context.Context, missingOnly bool, progress func(table string, n int)) error {
	for _, f := range allReadForms {
		cond := ``
		if missingOnly {
			cond = ` AND read_json IS NULL`
		}
		q := `SELECT id FROM ` + f.table + ` WHERE id > $1` + cond + ` ORDER BY id LIMIT ` + fmt.Sprint(rewriteBatchSize)
		after, n := "00000000-0000-0000-0000-000000000000", 0
		for {
			ids, err := s.idsOf(ctx, q, after)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				break
			}
			if err := s.rewriteBatch(ctx, f, ids, false); err != nil {
				return err
			}
			n += len(ids)
			after = ids[len(ids)-1]
		}
		if progress != nil {
			progress(f.table, n)
		}
	}
	return s.DrainReadForms(ctx)
}

// byIDSQL reads the version and read form of record $1.
func (f *readForms) byIDSQL() string {
	return `SELECT version, read_json FROM ` + f.table + ` WHERE id = $1`
}

// storeSQL stores the read form $2 of record $1.
func (f *readForms) storeSQL() string {
	return `UPDATE ` + f.table + ` SET read_json = $2 WHERE id = $1`
}

// getJSON reads one record's read form by id, computing it when it is
// missing.
func (s *Store) getJSON(ctx context.Context, f *readForms, id string) (registry.Raw, error) {
	if !isUUID(id) {
		return registry.Raw{}, registry.ErrNotFound
	}
	raw := registry.Raw{ID: id}
	var form []byte
	err := s.q(ctx).QueryRowContext(ctx, f.byIDSQL(), id).Scan(&raw.Version, &form)
	if notFound(err) {
		return raw, registry.ErrNotFound
	}
	if err != nil {
		return raw, mapError(fmt.Errorf("read %s: %w", f.table, err))
	}
	if form == nil {
		forms, err := f.forms(ctx, s.q(ctx), []string{id})
		if err != nil {
			return raw, err
		}
		if form = forms[id]; form == nil {
			return raw, registry.ErrNotFound
		}
	}
	raw.JSON = form
	return raw, nil
}

// listJSON runs a list statement of f.jsonSelect and returns the page of
// read forms. Every row is read before the connection is released, and
// nothing is decoded; missing forms are computed afterwards.
func (s *Store) listJSON(ctx context.Context, f *readForms, limit int, q string, args []any) (registry.Page[registry.Raw], error) {
	empty := registry.Page[registry.Raw]{Items: []registry.Raw{}}
	type row struct {
		sortKey string
		raw     registry.Raw
	}
	var items []row
	var missing []string
	err := eachRow(ctx, s.unprepared(ctx), q, args, func(sc scanner) error {
		var r row
		if err := sc.Scan(&r.sortKey, &r.raw.ID, &r.raw.Version, &r.raw.JSON); err != nil {
			return err
		}
		if r.raw.JSON == nil {
			missing = append(missing, r.raw.ID)
		}
		items = append(items, r)
		return nil
	})
	if err != nil {
		return empty, fmt.Errorf("list %s: %w", f.table, err)
	}
	if len(missing) > 0 {
		forms, err := f.forms(ctx, s.q(ctx), missing)
		if err != nil {
			return empty, err
		}
		for i := range items {
			if items[i].raw.JSON == nil {
				items[i].raw.JSON = forms[items[i].raw.ID]
			}
		}
	}
	page := trimPage(items, limit, func(r row) []string { return []string{r.sortKey, r.raw.ID} })
	out := registry.Page[registry.Raw]{Items: make([]registry.Raw, len(page.Items)), Next: page.Next}
	for i, r := range page.Items {
		out.Items[i] = r.raw
	}
	return out, nil
}

// GetAgreementJSON returns an agreement, archived or not, in its read
// form.
func (s *Store) GetAgreementJSON(ctx context.Context, id string) (registry.Raw, error) {
	return s.getJSON(ctx, agreementForms, id)
}

// ListAgreementsJSON lists agreements in their read form: the statement of
// ListAgreements, reading only the read form of each row.
func (s *Store) ListAgreementsJSON(ctx context.Context, f registry.AgreementFilter) (registry.Page[registry.Raw], error) {
	partyIDs, found, err := s.resolveParties(ctx, f.Parties)
	if err != nil || !found {
		return registry.Page[registry.Raw]{Items: []registry.Raw{}}, err
	}
	q, args, err := agreementListQueryOf(agreementForms.jsonSelect, f, partyIDs)
	if err != nil {
		return registry.Page[registry.Raw]{}, err
	}
	return s.listJSON(ctx, agreementForms, f.Limit, q, args)
}

// GetConsultationJSON returns a consultation, archived or not, in its read
// form.
func (s *Store) GetConsultationJSON(ctx context.Context, id string) (registry.Raw, error) {
	return s.getJSON(ctx, consultationForms, id)
}

// ListConsultationsJSON lists consultations in their read form.
func (s *Store) ListConsultationsJSON(ctx context.Context, f registry.ActivityFilter) (registry.Page[registry.Raw], error) {
	return listActivitiesJSON(ctx, s, consultationKind, f)
}

// GetJointActionJSON returns a joint action, archived or not, in its read
// form.
func (s *Store) GetJointActionJSON(ctx context.Context, id string) (registry.Raw, error) {
	return s.getJSON(ctx, jointActionForms, id)
}

// ListJointActionsJSON lists joint actions in their read form.
func (s *Store) ListJointActionsJSON(ctx context.Context, f registry.ActivityFilter) (registry.Page[registry.Raw], error) {
	return listActivitiesJSON(ctx, s, jointActionKind, f)
}

// listActivitiesJSON is listActivities reading only the read forms.
func listActivitiesJSON[T any](ctx context.Context, s *Store, k *activityKind[T], f registry.ActivityFilter) (registry.Page[registry.Raw], error) {
	empty := registry.Page[registry.Raw]{Items: []registry.Raw{}}
	if f.Agreement != "" && !isUUID(f.Agreement) {
		return empty, nil
	}
	partyIDs, found, err := s.resolveParties(ctx, f.Parties)
	if err != nil || !found {
		return empty, err
	}
	q, args, err := k.listQueryOf(k.forms().jsonSelect, f, partyIDs)
	if err != nil {
		return empty, err
	}
	return s.listJSON(ctx, k.forms(), f.Limit, q, args)
}

var _ registry.RawReads = (*Store)(nil)

// commitHooks are what a transaction runs once it has committed, before
// inTx returns (and so before the write answers).
type commitHooks struct{ fns []func(context.Context) error }

type commitHooksKey struct{}

// afterCommit has the transaction of ctx run fn once it commits; outside
// a transaction of inTx, fn runs at once.
func afterCommit(ctx context.Context, fn func(context.Context) error) error {
	if h, ok := ctx.Value(commitHooksKey{}).(*commitHooks); ok {
		h.fns = append(h.fns, fn)
		return nil
	}
	return fn(ctx)
}

// run runs the hooks in order and returns the first error.
func (h *commitHooks) run(ctx context.Context) error {
	for _, fn := range h.fns {
		if err := fn(ctx); err != nil {
			return err
		}
	}
	return nil
}
