package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
	"github.com/lib/pq"
)

// agreementTable is the column table of agreements.
var agreementTable = &table[registry.Agreement]{name: "agreements", alias: "a", columns: []column[registry.Agreement]{
	key(func(a *registry.Agreement) *string { return &a.ID }),
	optText("ref_no", func(a *registry.Agreement) **string { return &a.RefNo }),
	text("title_zh", func(a *registry.Agreement) *string { return &a.TitleZh }),
	optText("title_en", func(a *registry.Agreement) **string { return &a.TitleEn }),
	text("type", func(a *registry.Agreement) *registry.AgreementType { return &a.Type }),
	text("status", func(a *registry.Agreement) *registry.AgreementStatus { return &a.Status }),
	partialDate("signed_on", func(a *registry.Agreement) **registry.Date { return &a.SignedOn }),
	optText("signed_place", func(a *registry.Agreement) **string { return &a.SignedPlace }),
	partialDate("effective_from", func(a *registry.Agreement) **registry.Date { return &a.EffectiveFrom }),
	partialDate("effective_to", func(a *registry.Agreement) **registry.Date { return &a.EffectiveTo }),
	optText("summary_zh", func(a *registry.Agreement) **string { return &a.SummaryZh }),
	optText("summary_en", func(a *registry.Agreement) **string { return &a.SummaryEn }),
	optInt("areas_declared", func(a *registry.Agreement) **int { return &a.AreasDeclared }),
	stamps(func(a *registry.Agreement) *int { return &a.Version }, func(a *registry.Agreement) *time.Time { return &a.CreatedAt },
		func(a *registry.Agreement) *time.Time { return &a.UpdatedAt }, func(a *registry.Agreement) **time.Time { return &a.ArchivedAt }),
}}

// agreementSelect reads agreements with all their child rows in one
// statement (json_agg sub-selects), so a page costs one round trip, never
// one query per record.
var agreementSelect = `SELECT ` + agreementTable.selectList() + `,
	coalesce((SELECT json_agg(json_build_object('organization_id', p.organization_id, 'organization_code', o.code,
		'name_zh', o.name_zh, 'name_en', o.name_en, 'region_code', o.region_code, 'role', p.role, 'signatory_name', p.signatory_name, 'signatory_title', p.signatory_title,
		'signed_on', ` + partialDateJSON("p.signed_on") + `) ORDER BY p.position)
		FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id WHERE p.agreement_id = a.id), '[]'),
	coalesce((SELECT json_agg(json_build_object('area_code', x.area_code, 'label_zh', x.label_zh,
		'label_en', x.label_en, 'description', x.description) ORDER BY x.position)
		FROM agreement_areas x WHERE x.agreement_id = a.id), '[]'),
	coalesce((SELECT json_agg(json_build_object('kind', m.kind, 'description', m.description) ORDER BY m.position)
		FROM agreement_mechanisms m WHERE m.agreement_id = a.id), '[]'),
	coalesce((SELECT json_agg(json_build_object('title', d.title, 'url', d.url, 'language', d.language,
		'kind', d.kind) ORDER BY d.position)
		FROM agreement_documents d WHERE d.agreement_id = a.id), '[]')` + agreementRelationsSQL + `
	FROM agreements a`

func scanAgreement(sc scanner) (registry.Agreement, error) {
	var a registry.Agreement
	var parties, areas, mechs, docs, rels, from []byte
	dests, done := agreementTable.dests(&a, &parties, &areas, &mechs, &docs, &rels, &from)
	if err := sc.Scan(dests...); err != nil {
		if notFound(err) {
			return a, registry.ErrNotFound
		}
		return a, mapError(fmt.Errorf("scan agreement: %w", err))
	}
	done()
	for _, part := range []struct {
		raw []byte
		dst any
	}{{parties, &a.Parties}, {areas, &a.Areas}, {mechs, &a.Mechanisms}, {docs, &a.Documents}, {rels, &a.Relations},
		{from, &a.RelatedFrom}} {
		if err := json.Unmarshal(part.raw, part.dst); err != nil {
			return a, fmt.Errorf("decode agreement children: %w", err)
		}
	}
	return a, nil
}

// GetAgreement returns an agreement (archived ones included) by id.
func (s *Store) GetAgreement(ctx context.Context, id string) (registry.Agreement, error) {
	if !isUUID(id) {
		return registry.Agreement{}, registry.ErrNotFound
	}
	return scanAgreement(s.q(ctx).QueryRowContext(ctx, AgreementByIDSQL(), id))
}

// LockAgreement reads an agreement under a row lock, in the transaction
// of ctx.
func (s *Store) LockAgreement(ctx context.Context, id string) (registry.Agreement, error) {
	if err := s.lockRow(ctx, "agreements", "id", id); err != nil {
		return registry.Agreement{}, err
	}
	return s.GetAgreement(ctx, id)
}

// InsertAgreement stores a new agreement and its child rows and returns it
// as stored.
func (s *Store) InsertAgreement(ctx context.Context, a registry.Agreement) (registry.Agreement, error) {
	if a.ID == "" {
		a.ID = newID()
	}
	return s.writeAgreement(ctx, agreementTable.insertSQL(), a)
}

// ReplaceAgreement replaces an agreement's fields and child rows, raises
// its version and returns it as stored.
func (s *Store) ReplaceAgreement(ctx context.Context, a registry.Agreement) (registry.Agreement, error) {
	return s.writeAgreement(ctx, agreementTable.updateSQL(), a)
}

func (s *Store) writeAgreement(ctx context.Context, stmt string, a registry.Agreement) (registry.Agreement, error) {
	var out registry.Agreement
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		before, err := relationTargets(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		partiesMove, err := partiesChange(ctx, tx, a)
		if err != nil {
			return err
		}
		if err := s.moveAgreementStats(ctx, tx, a.ID, partiesMove, -1); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, stmt, agreementTable.args(a.ID, &a)...); err != nil {
			return mapError(fmt.Errorf("write agreement: %w", err))
		}
		for _, t := range []string{"agreement_parties", "agreement_areas", "agreement_mechanisms", "agreement_documents"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE agreement_id = $1`, a.ID); err != nil {
				return mapError(fmt.Errorf("replace %s: %w", t, err))
			}
		}
		if err := insertAgreementChildren(ctx, tx, a); err != nil {
			return err
		}
		if partiesMove { // the milestones' party rows name the parties the agreement had
			if err := syncMilestoneParties(ctx, tx, a.ID); err != nil {
				return err
			}
		}
		if err := s.moveAgreementStats(ctx, tx, a.ID, partiesMove, +1); err != nil {
			return err
		}
		if out, err = readBack(ctx, tx, agreementForms, a.ID, func() (registry.Agreement, error) { return s.GetAgreement(ctx, a.ID) }); err != nil {
			return err
		}
		return s.rewriteRelated(ctx, tx, a.ID, before)
	})
	return out, err
}

// partiesChange reports whether writing a changes the set of its parties
// (always, for a new agreement with parties), which its milestones'
// statistics follow. The agreement is locked in tx, or new.
func partiesChange(ctx context.Context, tx *sql.Tx, a registry.Agreement) (bool, error) {
	var have []string
	const q = `SELECT array(SELECT p.organization_id::text FROM agreement_parties p WHERE p.agreement_id = $1)`
	if err := tx.QueryRowContext(ctx, q, a.ID).Scan(pq.Array(&have)); err != nil {
		return false, mapError(fmt.Errorf("read agreement parties: %w", err))
	}
	want := make([]string, len(a.Parties))
	for i, p := range a.Parties {
		want[i] = p.OrganizationID
	}
	return len(missingFrom(have, want)) > 0 || len(missingFrom(want, have)) > 0, nil
}

// moveAgreementStats removes (sign -1, before a write) or adds again (+1,
// after it) the statistics contributions of agreement id and, when
// withMilestones, of its milestones, which count for the agreement's
// parties while it is live. A write that leaves the parties and the
// archive alone leaves the milestones' contributions as they are, however
// many milestones the agreement has.
func (s *Store) moveAgreementStats(ctx context.Context, tx *sql.Tx, id string, withMilestones bool, sign int) error {
	if err := s.applyStats(ctx, tx, "agreement", id, sign); err != nil {
		return err
	}
	if !withMilestones {
		return nil
	}
	return s.applyMilestoneStats(ctx, tx, id, sign)
}

// insertAgreementChildren writes parties, areas, mechanisms and documents.
func insertAgreementChildren(ctx context.Context, tx *sql.Tx, a registry.Agreement) error {
	for i, p := range a.Parties {
		const q = `INSERT INTO agreement_parties (agreement_id, position, organization_id, role, signatory_name, signatory_title,
			signed_on, signed_on_last, signed_on_precision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`
		first, last, prec := dateArgs(p.SignedOn)
		if _, err := tx.ExecContext(ctx, q, a.ID, i, p.OrganizationID, string(p.Role), nullString(p.SignatoryName), nullString(p.SignatoryTitle),
			first, last, prec); err != nil {
			return mapError(fmt.Errorf("insert party: %w", err))
		}
	}
	if err := writeRelations(ctx, tx, a); err != nil {
		return err
	}
	for i, x := range a.Areas {
		const q = `INSERT INTO agreement_areas (agreement_id, position, area_code, label_zh, label_en, description)
			VALUES ($1, $2, $3, $4, $5, $6)`
		if _, err := tx.ExecContext(ctx, q, a.ID, i, nullString(x.AreaCode), x.LabelZh, nullString(x.LabelEn), nullString(x.Description)); err != nil {
			return mapError(fmt.Errorf("insert area: %w", err))
		}
	}
	for i, m := range a.Mechanisms {
		const q = `INSERT INTO agreement_mechanisms (agreement_id, position, kind, description) VALUES ($1, $2, $3, $4)`
		if _, err := tx.ExecContext(ctx, q, a.ID, i, string(m.Kind), nullString(m.Description)); err != nil {
			return mapError(fmt.Errorf("insert mechanism: %w", err))
		}
	}
	for i, d := range a.Documents {
		const q = `INSERT INTO agreement_documents (agreement_id, position, title, url, language, kind) VALUES ($1, $2, $3, $4, $5, $6)`
		if _, err := tx.ExecContext(ctx, q, a.ID, i, d.Title, d.URL, nullString(d.Language), nullText(d.Kind)); err != nil {
			return mapError(fmt.Errorf("insert document: %w", err))
		}
	}
	return nil
}

// ArchiveAgreement sets archived_at and raises the version; nothing is
// ever deleted.
func (s *Store) ArchiveAgreement(ctx context.Context, id string) (registry.Agreement, error) {
	var out registry.Agreement
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		// Archived agreements and their milestones count nowhere.
		if err := s.moveAgreementStats(ctx, tx, id, true, -1); err != nil {
			return err
		}
		if err := s.archiveRow(ctx, "agreements", id); err != nil {
			return err
		}
		var err error
		if out, err = readBack(ctx, tx, agreementForms, id, func() (registry.Agreement, error) { return s.GetAgreement(ctx, id) }); err != nil {
			return err
		}
		return s.rewriteRelated(ctx, tx, id, nil)
	})
	return out, err
}

// whereBuilder accumulates SQL conditions with numbered parameters.
type whereBuilder struct {
	conds []string
	args  []any
}

// arg adds a parameter and returns its placeholder.
func (w *whereBuilder) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

func (w *whereBuilder) add(cond string) { w.conds = append(w.conds, cond) }

func (w *whereBuilder) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// ListAgreements lists agreements newest first by signing date (undated
// last, ties by id descending) with keyset pagination.
func (s *Store) ListAgreements(ctx context.Context, f registry.AgreementFilter) (registry.Page[registry.Agreement], error) {
	empty := registry.Page[registry.Agreement]{Items: []registry.Agreement{}}
	partyIDs, found, err := s.resolveParties(ctx, f.Parties)
	if err != nil || !found {
		return empty, err
	}
	q, args, err := agreementListQuery(f, partyIDs)
	if err != nil {
		return empty, err
	}
	rows, err := s.unprepared(ctx).QueryContext(ctx, q, args...)
	if err != nil {
		return empty, mapError(fmt.Errorf("list agreements: %w", err))
	}
	defer rows.Close()
	var items []registry.Agreement
	for rows.Next() {
		a, err := scanAgreement(rows)
		if err != nil {
			return empty, err
		}
		items = append(items, a)
	}
	if err := rows.Err(); err != nil {
		return empty, mapError(fmt.Errorf("list agreements: %w", err))
	}
	return trimPage(items, f.Limit, func(a registry.Agreement) []string { return []string{sortKey(a.SignedOn), a.ID} }), nil
}

// agreementListQuery builds the statement of one list page; partyIDs are
// the resolved party filter, every one of which must take part. Each
// filter is a condition an index serves (see plans_test.go); the
// signing-period bounds are repeated on sort_on so that the order index
// can range-scan.
func agreementListQuery(f registry.AgreementFilter, partyIDs []string) (string, []any, error) {
	return agreementListQueryOf(agreementSelect, f, partyIDs)
}

// agreementListQueryOf builds the statement of one list page that reads
// each row with sel (a select list and FROM agreements a).
func agreementListQueryOf(sel string, f registry.AgreementFilter, partyIDs []string) (string, []any, error) {
	var w whereBuilder
	if !f.IncludeArchived {
		w.add(`a.archived_at IS NULL`)
	}
	for _, id := range partyIDs {
		w.add(`EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND p.organization_id = ` + w.arg(id) + `)`)
	}
	if f.Region != "" {
		w.add(`EXISTS (SELECT 1 FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id
			WHERE p.agreement_id = a.id AND o.region_code IN ` + descendantRegions(w.arg(f.Region)) + `)`)
	}
	if f.Status != "" {
		w.add(`a.status = ` + w.arg(string(f.Status)))
	}
	if f.Type != "" {
		w.add(`a.type = ` + w.arg(string(f.Type)))
	}
	if f.Area != "" {
		w.add(`EXISTS (SELECT 1 FROM agreement_areas x WHERE x.agreement_id = a.id AND x.area_code = ` + w.arg(f.Area) + `)`)
	}
	if f.SignedFrom != nil {
		// A partial date spans at most a year, so its first day is no more
		// than a year before the bound.
		w.add(`a.signed_on_last >= ` + w.arg(f.SignedFrom.First()))
		w.add(`a.sort_on >= ` + w.arg(f.SignedFrom.First().AddDate(-1, 0, 0)))
	}
	if f.SignedTo != nil {
		w.add(`a.signed_on <= ` + w.arg(f.SignedTo.Last()))
		w.add(`a.sort_on <= ` + w.arg(f.SignedTo.Last()))
	}
	if f.Q != "" {
		w.add(`a.search_text ILIKE ` + w.arg(likePattern(f.Q)))
	}
	if f.RelatedTo != "" {
		w.add(relatedToCondition(w.arg(f.RelatedTo)))
	}
	if f.Cursor != "" {
		parts, err := decodeCursor(f.Cursor, 2)
		if err != nil || !checkSortKey(parts[0]) || !isUUID(parts[1]) {
			return "", nil, &registry.BadParam{Name: "cursor", Code: "invalid_cursor", Value: f.Cursor}
		}
		w.add(`(a.sort_on, a.id) < (` + w.arg(parts[0]) + `::date, ` + w.arg(parts[1]) + `::uuid)`)
	}
	q := sel + w.sql() + ` ORDER BY a.sort_on DESC, a.id DESC LIMIT ` + w.arg(f.Limit+1)
	return q, w.args, nil
}

// resolveParties resolves the organisations of a party filter (UUIDs or
// codes) to their UUIDs, each once. found is false when one of them does
// not exist: then nothing matches.
func (s *Store) resolveParties(ctx context.Context, refs []string) (ids []string, found bool, err error) {
	for _, ref := range refs {
		id, err := s.ResolveOrganization(ctx, ref)
		if err == registry.ErrNotFound {
			return nil, false, nil
		} else if err != nil {
			return nil, false, err
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, true, nil
}
