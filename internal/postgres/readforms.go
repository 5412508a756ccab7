package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

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
	forms func(ctx context.Context, q querier, ids []string) (map[string]form, error)
	// formOf makes the read form of a record as read (a T of the kind).
	formOf func(rec any, areas registry.AreaNames) (form, error)
	// namedBy lists the ids of the records naming organisation $1.
	namedBy string
	// areaNamedBy lists the ids of the records of cooperation area $1
	// ("" when the kind shows no area's name).
	areaNamedBy string
	// lockOrgs locks FOR SHARE the organisations record $1 names.
	lockOrgs string
	// lockArea locks FOR SHARE the cooperation area of record $1 and
	// reads its names ("" when the kind shows no area's name).
	lockArea string
	// jsonSelect reads, for a list page, the sort key, id, version and
	// read form of each row.
	jsonSelect string
}

// form is a record's read form: its JSON, and its export rows (the CSV
// line, the Excel cells in Chinese and in English).
type form struct {
	json   []byte
	csv    []byte
	zh, en []string
}

// kindForms is what newReadForms needs to know of a kind of record.
type kindForms[T any] struct {
	table, alias, participants, fk, selectSQL string
	scan                                      func(scanner) (T, error)
	id                                        func(*T) string
	area                                      func(*T) *string // nil: the kind shows no area's name
	csv                                       func(T) []string
	cols                                      []registry.ExportColumn[T]
}

func newReadForms[T any](k kindForms[T]) *readForms {
	f := &readForms{table: k.table, alias: k.alias,
		namedBy:    `SELECT DISTINCT ` + k.fk + ` FROM ` + k.participants + ` WHERE organization_id = $1`,
		lockOrgs:   `SELECT 1 FROM organizations o WHERE o.id IN (SELECT organization_id FROM ` + k.participants + ` WHERE ` + k.fk + ` = $1) ORDER BY o.id FOR SHARE`,
		jsonSelect: `SELECT ` + k.alias + `.sort_on::text, ` + k.alias + `.id, ` + k.alias + `.version, ` + k.alias + `.read_json FROM ` + k.table + ` ` + k.alias,
	}
	if k.area != nil {
		f.areaNamedBy = `SELECT id FROM ` + k.table + ` WHERE area_code = $1`
		f.lockArea = `SELECT code, name_zh, name_en FROM cooperation_areas
			WHERE code = (SELECT area_code FROM ` + k.table + ` WHERE id = $1) FOR SHARE`
	}
	f.formOf = func(rec any, areas registry.AreaNames) (form, error) {
		r, ok := rec.(T)
		if !ok {
			return form{}, fmt.Errorf("read form of %s: a record of type %T", k.table, rec)
		}
		return makeForm(k, r, areas)
	}
	f.forms = formsOf(k)
	return f
}

// makeForm makes the read form of record rec: the JSON the API sends for
// it and its export rows.
func makeForm[T any](k kindForms[T], rec T, areas registry.AreaNames) (form, error) {
	b, err := json.Marshal(rec)
	if err != nil {
		return form{}, fmt.Errorf("marshal read form: %w", err)
	}
	return form{json: b, csv: registry.CSVLine(k.csv(rec)),
		zh: registry.ExportCells(k.cols, registry.Zh, areas, rec),
		en: registry.ExportCells(k.cols, registry.En, areas, rec)}, nil
}

// formsOf returns the function that reads records with the kind's select
// and makes their read forms. Every row is scanned before the first form
// is made, so that the connection is released (outside a transaction)
// before Go encodes.
func formsOf[T any](k kindForms[T]) func(context.Context, querier, []string) (map[string]form, error) {
	q := k.selectSQL + ` WHERE ` + k.alias + `.id = ANY($1::uuid[])`
	return func(ctx context.Context, db querier, ids []string) (map[string]form, error) {
		rows, err := db.QueryContext(ctx, q, pq.Array(ids))
		if err != nil {
			return nil, mapError(fmt.Errorf("read records: %w", err))
		}
		var recs []T
		for rows.Next() {
			rec, err := k.scan(rows)
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
		var codes []string
		if k.area != nil {
			for i := range recs {
				if c := k.area(&recs[i]); c != nil {
					codes = append(codes, *c)
				}
			}
		}
		areas, err := areaNames(ctx, db, codes)
		if err != nil {
			return nil, err
		}
		out := make(map[string]form, len(recs))
		for i := range recs {
			f, err := makeForm(k, recs[i], areas)
			if err != nil {
				return nil, err
			}
			out[k.id(&recs[i])] = f
		}
		return out, nil
	}
}

// areaNames reads the names of the cooperation areas codes.
func areaNames(ctx context.Context, db querier, codes []string) (registry.AreaNames, error) {
	areas := registry.AreaNames{}
	if len(codes) == 0 {
		return areas, nil
	}
	rows, err := db.QueryContext(ctx, `SELECT code, name_zh, name_en FROM cooperation_areas WHERE code = ANY($1::text[])`, pq.Array(codes))
	if err != nil {
		return nil, mapError(fmt.Errorf("read area names: %w", err))
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanAreaName(rows)
		if err != nil {
			return nil, err
		}
		areas[a.Code] = a
	}
	if err := rows.Err(); err != nil {
		return nil, mapError(fmt.Errorf("read area names: %w", err))
	}
	return areas, nil
}

// scanAreaName reads the code, name_zh and name_en of a cooperation area.
func scanAreaName(sc scanner) (registry.CooperationArea, error) {
	var a registry.CooperationArea
	var en sql.NullString
	if err := sc.Scan(&a.Code, &a.NameZh, &en); err != nil {
		return a, mapError(fmt.Errorf("read area name: %w", err))
	}
	a.NameEn = stringPtr(en)
	return a, nil
}

var (
	agreementForms = newReadForms(kindForms[registry.Agreement]{table: "agreements", alias: "a",
		participants: "agreement_parties", fk: "agreement_id", selectSQL: agreementSelect, scan: scanAgreement,
		id: func(a *registry.Agreement) string { return a.ID }, csv: registry.AgreementCSV, cols: registry.AgreementColumns})
	consultationForms = newReadForms(kindForms[consultation]{table: "consultations", alias: "x",
		participants: "consultation_participants", fk: "consultation_id", selectSQL: consultationKind.selectSQL,
		scan: consultationKind.scan, id: func(c *consultation) string { return c.ID },
		area: func(c *consultation) *string { return c.AreaCode }, csv: registry.ConsultationCSV, cols: registry.ConsultationColumns})
	jointActionForms = newReadForms(kindForms[jointAction]{table: "joint_actions", alias: "x",
		participants: "joint_action_participants", fk: "joint_action_id", selectSQL: jointActionKind.selectSQL,
		scan: jointActionKind.scan, id: func(j *jointAction) string { return j.ID },
		area: func(j *jointAction) *string { return j.AreaCode }, csv: registry.JointActionCSV, cols: registry.JointActionColumns})
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
// organisations the record names and its cooperation area (FOR SHARE, see
// above), reads the record as stored with read, and stores its read form.
func readBack[T any](ctx context.Context, tx *sql.Tx, f *readForms, id string, read func() (T, error)) (T, error) {
	var zero T
	if _, err := tx.ExecContext(ctx, f.lockOrgs, id); err != nil {
		return zero, mapError(fmt.Errorf("lock organisations of %s: %w", f.table, err))
	}
	areas := registry.AreaNames{}
	if f.lockArea != "" {
		a, err := scanAreaName(tx.QueryRowContext(ctx, f.lockArea, id))
		switch {
		case err == nil:
			areas[a.Code] = a
		case !errors.Is(err, sql.ErrNoRows) && !errors.Is(err, registry.ErrNotFound):
			return zero, fmt.Errorf("lock the area of %s: %w", f.table, err)
		}
	}
	rec, err := read()
	if err != nil {
		return rec, err
	}
	fm, err := f.formOf(rec, areas)
	if err != nil {
		return rec, err
	}
	if _, err := tx.ExecContext(ctx, f.storeSQL(), id, string(fm.json), string(fm.csv),
		arrayLiteral(fm.zh), arrayLiteral(fm.en)); err != nil {
		return rec, mapError(fmt.Errorf("store read form of %s: %w", f.table, err))
	}
	return rec, nil
}

// arrayLiteral is the text[] literal of cells.
func arrayLiteral(cells []string) string {
	v, _ := pq.StringArray(cells).Value() // a StringArray's Value does not fail
	s, _ := v.(string)
	return s
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
		n := len(forms)
		keys, jsons, csvs, zhs, ens := make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)
		for id, fm := range forms {
			keys, jsons, csvs = append(keys, id), append(jsons, string(fm.json)), append(csvs, string(fm.csv))
			zhs, ens = append(zhs, arrayLiteral(fm.zh)), append(ens, arrayLiteral(fm.en))
		}
		_, err = tx.ExecContext(ctx, `UPDATE `+f.table+` t SET read_json = v.j, export_csv = v.c,
				export_zh = v.zh::text[], export_en = v.en::text[]
			FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(id, j, c, zh, en) WHERE t.id = v.id`,
			pq.Array(keys), pq.Array(jsons), pq.Array(csvs), pq.Array(zhs), pq.Array(ens))
		if err != nil {
			return mapError(fmt.Errorf("store read forms of %s: %w", f.table, err))
		}
		return nil
	})
}

// bumpChanged gives a new version to each record (locked by the caller)
// whose new read form differs from its stored one, and returns the forms
// with those records formed again at their new version.
func (s *Store) bumpChanged(ctx context.Context, tx *sql.Tx, f *readForms, forms map[string]form) (map[string]form, error) {
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
		if stored.Valid && stored.String != string(forms[id].json) {
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

// enqueueAreaForms records, in the transaction of ctx, that the read forms
// of the records of cooperation area code must be rewritten (their Excel
// rows show its names), and has the transaction drain the queue once it
// commits.
func (s *Store) enqueueAreaForms(ctx context.Context, code string) error {
	if _, err := s.unprepared(ctx).ExecContext(ctx, `INSERT INTO read_form_queue (area_code) VALUES ($1)`, code); err != nil {
		return mapError(fmt.Errorf("enqueue read forms: %w", err))
	}
	return afterCommit(ctx, s.DrainReadForms)
}

// DrainReadForms rewrites the read forms of the records naming each
// organisation, or of each cooperation area, in read_form_queue, then
// removes its entry. It is safe to run concurrently with itself and with
// any write.
func (s *Store) DrainReadForms(ctx context.Context) error {
	for {
		var entry int64
		var org, area sql.NullString
		err := s.db.QueryRowContext(ctx, `SELECT id, organization_id, area_code FROM read_form_queue ORDER BY id LIMIT 1`).Scan(&entry, &org, &area)
		if notFound(err) {
			return nil
		}
		if err != nil {
			return mapError(fmt.Errorf("read the read-form queue: %w", err))
		}
		for _, f := range allReadForms {
			q, key := f.namedBy, org.String
			if area.Valid {
				q, key = f.areaNamedBy, area.String
			}
			if q == "" {
				continue
			}
			ids, err := s.idsOf(ctx, q, key)
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
// locked records, and (unless missingOnly) the milestones' party rows and
// the running sums of the statistics (RebuildStats), then drains the
// queue. progress, when not nil, hears about each kind.
func (s *Store) RebuildReadForms(ctx context.Context, missingOnly bool, progress func(table string, n int)) error {
	for _, f := range allReadForms {
		cond := ``
		if missingOnly {
			cond = ` AND (read_json IS NULL OR export_csv IS NULL)`
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
	if !missingOnly {
		n, err := s.rebuildMilestoneParties(ctx)
		if err != nil {
			return err
		}
		if progress != nil {
			progress("milestone_parties", n)
		}
		if n, err = s.RebuildStats(ctx); err != nil {
			return err
		}
		if progress != nil {
			progress("stats_rollup", n)
		}
	}
	return s.DrainReadForms(ctx)
}

// VacuumReadModels vacuums and analyses the tables RebuildReadForms
// rewrites. A rewrite leaves every rewritten row's old version behind and
// clears the pages' all-visible bits, on which the index-only scans of the
// lists rely (a date range's page finds its ids in the order index alone,
// migration 0019) until autovacuum comes round; this does it at once. It
// runs beside reads and writes, as autovacuum does.
func (s *Store) VacuumReadModels(ctx context.Context) error {
	tables := []string{"milestone_parties", "stats_rollup"}
	for _, f := range allReadForms {
		tables = append(tables, f.table)
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM (ANALYZE) `+strings.Join(tables, ", ")); err != nil {
		return mapError(fmt.Errorf("vacuum the read models: %w", err))
	}
	return nil
}

// byIDSQL reads the version and read form of record $1.
func (f *readForms) byIDSQL() string {
	return `SELECT version, read_json FROM ` + f.table + ` WHERE id = $1`
}

// storeSQL stores the read form of record $1: $2 its JSON, $3 its CSV
// line, $4 and $5 its Excel cells in Chinese and English.
func (f *readForms) storeSQL() string {
	return `UPDATE ` + f.table + ` SET read_json = $2, export_csv = $3, export_zh = $4::text[], export_en = $5::text[] WHERE id = $1`
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
		if form = forms[id].json; form == nil {
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
				items[i].raw.JSON = forms[items[i].raw.ID].json
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
