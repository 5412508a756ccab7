package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/chengyu-collab/registry/internal/registry"
)

// agreementSelect reads agreements with all their child rows in one
// statement (json_agg sub-selects), so a page costs one round trip, never
// one query per record.
const agreementSelect = `SELECT a.id, a.ref_no, a.title_zh, a.title_en, a.type, a.status,
	a.signed_on, a.signed_on_precision, a.signed_place, a.effective_from, a.effective_from_precision,
	a.effective_to, a.effective_to_precision, a.summary_zh, a.summary_en, a.areas_declared,
	a.version, a.created_at, a.updated_at, a.archived_at,
	coalesce((SELECT json_agg(json_build_object('organization_id', p.organization_id, 'organization_code', o.code,
		'role', p.role, 'signatory_name', p.signatory_name, 'signatory_title', p.signatory_title) ORDER BY p.position)
		FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id WHERE p.agreement_id = a.id), '[]'),
	coalesce((SELECT json_agg(json_build_object('area_code', x.area_code, 'label_zh', x.label_zh,
		'label_en', x.label_en, 'description', x.description) ORDER BY x.position)
		FROM agreement_areas x WHERE x.agreement_id = a.id), '[]'),
	coalesce((SELECT json_agg(json_build_object('kind', m.kind, 'description', m.description) ORDER BY m.position)
		FROM agreement_mechanisms m WHERE m.agreement_id = a.id), '[]'),
	coalesce((SELECT json_agg(json_build_object('title', d.title, 'url', d.url, 'language', d.language,
		'kind', d.kind) ORDER BY d.position)
		FROM agreement_documents d WHERE d.agreement_id = a.id), '[]')
	FROM agreements a`

func scanAgreement(sc scanner) (registry.Agreement, error) {
	var a registry.Agreement
	var refNo, titleEn, place, sumZh, sumEn sql.NullString
	var signed, from, to sql.NullTime
	var signedP, fromP, toP sql.NullInt16
	var declared sql.NullInt32
	var archived sql.NullTime
	var parties, areas, mechs, docs []byte
	err := sc.Scan(&a.ID, &refNo, &a.TitleZh, &titleEn, &a.Type, &a.Status, &signed, &signedP, &place,
		&from, &fromP, &to, &toP, &sumZh, &sumEn, &declared, &a.Version, &a.CreatedAt, &a.UpdatedAt, &archived,
		&parties, &areas, &mechs, &docs)
	if err != nil {
		if notFound(err) {
			return a, registry.ErrNotFound
		}
		return a, mapError(fmt.Errorf("scan agreement: %w", err))
	}
	a.RefNo, a.TitleEn, a.SignedPlace = stringPtr(refNo), stringPtr(titleEn), stringPtr(place)
	a.SummaryZh, a.SummaryEn = stringPtr(sumZh), stringPtr(sumEn)
	a.SignedOn, a.EffectiveFrom, a.EffectiveTo = scannedDate(signed, signedP), scannedDate(from, fromP), scannedDate(to, toP)
	if declared.Valid {
		n := int(declared.Int32)
		a.AreasDeclared = &n
	}
	a.CreatedAt, a.UpdatedAt, a.ArchivedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC(), timePtr(archived)
	for _, part := range []struct {
		raw []byte
		dst any
	}{{parties, &a.Parties}, {areas, &a.Areas}, {mechs, &a.Mechanisms}, {docs, &a.Documents}} {
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

// resolveAgreementRefs replaces party organisation codes by UUIDs and
// checks that every organisation and cooperation area exists, naming the
// field of each that does not.
func (s *Store) resolveAgreementRefs(ctx context.Context, a *registry.Agreement) error {
	var v registry.ValidationError
	refs := make([]*string, len(a.Parties))
	for i := range a.Parties {
		refs[i] = &a.Parties[i].OrganizationID
	}
	if err := s.resolveOrgRefs(ctx, &v, "parties", refs); err != nil {
		return err
	}
	for i, area := range a.Areas {
		if area.AreaCode == nil {
			continue
		}
		if err := s.areaExists(ctx, *area.AreaCode); err == registry.ErrNotFound {
			v.Add("areas["+strconv.Itoa(i)+"].area_code", "unknown_area", "")
		} else if err != nil {
			return err
		}
	}
	return v.Err()
}

func (s *Store) areaExists(ctx context.Context, code string) error {
	var one int
	err := s.q(ctx).QueryRowContext(ctx, `SELECT 1 FROM cooperation_areas WHERE code = $1`, code).Scan(&one)
	if notFound(err) {
		return registry.ErrNotFound
	}
	if err != nil {
		return mapError(fmt.Errorf("check area: %w", err))
	}
	return nil
}

// checkAgreementWrite resolves references and applies the domain rules and
// the registrar's object-level rule to the agreement about to be stored;
// refusal is the reason given when the registrar's organisation is not a
// party of it.
func (s *Store) checkAgreementWrite(ctx context.Context, by registry.Actor, a *registry.Agreement, refusal string) error {
	refErr := s.resolveAgreementRefs(ctx, a)
	var refs *registry.ValidationError
	if refErr != nil && !errors.As(refErr, &refs) {
		return refErr
	}
	if err := registry.CheckAgreement(a, s.now()); err != nil || refs != nil {
		return mergeValidation(refs, err)
	}
	if !by.IsAdmin() && !a.HasParty(by.OrganizationID) {
		return registry.Forbidden(refusal)
	}
	return nil
}

// CreateAgreement stores an agreement and its child rows with its audit
// entry, in one transaction. Party organisations may be given by code.
func (s *Store) CreateAgreement(ctx context.Context, by registry.Actor, a registry.Agreement) (registry.Agreement, error) {
	var out registry.Agreement
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := s.checkAgreementWrite(ctx, by, &a, registry.ReasonNotAParty); err != nil {
			return err
		}
		if a.ID == "" {
			a.ID = newID()
		}
		const q = `INSERT INTO agreements (id, ref_no, title_zh, title_en, type, status,
			signed_on, signed_on_last, signed_on_precision, signed_place,
			effective_from, effective_from_last, effective_from_precision,
			effective_to, effective_to_last, effective_to_precision, summary_zh, summary_en, areas_declared)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`
		if _, err := tx.ExecContext(ctx, q, agreementArgs(a)...); err != nil {
			return mapError(fmt.Errorf("insert agreement: %w", err))
		}
		if err := insertAgreementChildren(ctx, tx, a); err != nil {
			return err
		}
		stored, err := scanAgreement(tx.QueryRowContext(ctx, agreementSelect+` WHERE a.id = $1`, a.ID))
		if err != nil {
			return err
		}
		out = stored
		return s.audit(ctx, tx, by, registry.ActionCreate, registry.EntityAgreement, out.ID, nil, out)
	})
	return out, err
}

func agreementArgs(a registry.Agreement) []any {
	sf, sl, sp := dateArgs(a.SignedOn)
	ff, fl, fp := dateArgs(a.EffectiveFrom)
	tf, tl, tp := dateArgs(a.EffectiveTo)
	var declared sql.NullInt32
	if a.AreasDeclared != nil {
		declared = sql.NullInt32{Int32: int32(*a.AreasDeclared), Valid: true}
	}
	return []any{a.ID, nullString(a.RefNo), a.TitleZh, nullString(a.TitleEn), a.Type, a.Status,
		sf, sl, sp, nullString(a.SignedPlace), ff, fl, fp, tf, tl, tp,
		nullString(a.SummaryZh), nullString(a.SummaryEn), declared}
}

// insertAgreementChildren writes parties, areas, mechanisms and documents.
func insertAgreementChildren(ctx context.Context, tx *sql.Tx, a registry.Agreement) error {
	for i, p := range a.Parties {
		const q = `INSERT INTO agreement_parties (agreement_id, position, organization_id, role, signatory_name, signatory_title)
			VALUES ($1, $2, $3, $4, $5, $6)`
		if _, err := tx.ExecContext(ctx, q, a.ID, i, p.OrganizationID, p.Role, nullString(p.SignatoryName), nullString(p.SignatoryTitle)); err != nil {
			return mapError(fmt.Errorf("insert party: %w", err))
		}
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
		if _, err := tx.ExecContext(ctx, q, a.ID, i, m.Kind, nullString(m.Description)); err != nil {
			return mapError(fmt.Errorf("insert mechanism: %w", err))
		}
	}
	for i, d := range a.Documents {
		const q = `INSERT INTO agreement_documents (agreement_id, position, title, url, language, kind) VALUES ($1, $2, $3, $4, $5, $6)`
		if _, err := tx.ExecContext(ctx, q, a.ID, i, d.Title, d.URL, nullString(d.Language), nullString(d.Kind)); err != nil {
			return mapError(fmt.Errorf("insert document: %w", err))
		}
	}
	return nil
}

// lockAgreement reads an agreement under a row lock and checks that the
// actor may change it and that the expected version (0: any) is current.
func (s *Store) lockAgreement(ctx context.Context, tx *sql.Tx, by registry.Actor, id string, version int) (registry.Agreement, error) {
	if !isUUID(id) {
		return registry.Agreement{}, registry.ErrNotFound
	}
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM agreements WHERE id = $1 FOR UPDATE`, id).Scan(&one); err != nil {
		if notFound(err) {
			return registry.Agreement{}, registry.ErrNotFound
		}
		return registry.Agreement{}, mapError(fmt.Errorf("lock agreement: %w", err))
	}
	cur, err := scanAgreement(tx.QueryRowContext(ctx, agreementSelect+` WHERE a.id = $1`, id))
	if err != nil {
		return cur, err
	}
	switch {
	case !by.IsAdmin() && !cur.HasParty(by.OrganizationID):
		return cur, registry.Forbidden(registry.ReasonNotAParty)
	case version != 0 && cur.Version != version:
		return cur, &registry.PreconditionError{Current: cur.Version}
	case cur.ArchivedAt != nil:
		return cur, registry.ErrArchived
	}
	return cur, nil
}

// UpdateAgreement changes an agreement at the expected version. apply
// receives the current record under lock and returns the new one; the
// status lifecycle, the domain rules and the registrar's rules (it may not
// remove its own organisation) are checked on the result. The record, its
// child rows and the audit entry are written in one transaction.
func (s *Store) UpdateAgreement(ctx context.Context, by registry.Actor, id string, version int,
	apply func(cur registry.Agreement) (registry.Agreement, error)) (registry.Agreement, error) {
	var out registry.Agreement
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		cur, err := s.lockAgreement(ctx, tx, by, id, version)
		if err != nil {
			return err
		}
		next, err := apply(cur)
		if err != nil {
			return err
		}
		next.ID = cur.ID
		if err := s.checkAgreementWrite(ctx, by, &next, registry.ReasonCannotRemoveOwnOrganization); err != nil {
			return err
		}
		if err := registry.CheckAgreementTransition(cur.Status, next.Status); err != nil {
			return err
		}
		const q = `UPDATE agreements SET ref_no = $2, title_zh = $3, title_en = $4, type = $5, status = $6,
			signed_on = $7, signed_on_last = $8, signed_on_precision = $9, signed_place = $10,
			effective_from = $11, effective_from_last = $12, effective_from_precision = $13,
			effective_to = $14, effective_to_last = $15, effective_to_precision = $16,
			summary_zh = $17, summary_en = $18, areas_declared = $19, version = version + 1, updated_at = now()
			WHERE id = $1`
		if _, err := tx.ExecContext(ctx, q, agreementArgs(next)...); err != nil {
			return mapError(fmt.Errorf("update agreement: %w", err))
		}
		for _, table := range []string{"agreement_parties", "agreement_areas", "agreement_mechanisms", "agreement_documents"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE agreement_id = $1`, id); err != nil {
				return mapError(fmt.Errorf("replace %s: %w", table, err))
			}
		}
		if err := insertAgreementChildren(ctx, tx, next); err != nil {
			return err
		}
		if out, err = scanAgreement(tx.QueryRowContext(ctx, agreementSelect+` WHERE a.id = $1`, id)); err != nil {
			return err
		}
		return s.audit(ctx, tx, by, registry.ActionUpdate, registry.EntityAgreement, id, cur, out)
	})
	return out, err
}

// ArchiveAgreement sets archived_at at the expected version; nothing is
// ever deleted. Archiving an archived agreement is a conflict.
func (s *Store) ArchiveAgreement(ctx context.Context, by registry.Actor, id string, version int) (registry.Agreement, error) {
	var out registry.Agreement
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		cur, err := s.lockAgreement(ctx, tx, by, id, version)
		if err != nil {
			return err
		}
		const q = `UPDATE agreements SET archived_at = now(), version = version + 1, updated_at = now() WHERE id = $1`
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return mapError(fmt.Errorf("archive agreement: %w", err))
		}
		if out, err = scanAgreement(tx.QueryRowContext(ctx, agreementSelect+` WHERE a.id = $1`, id)); err != nil {
			return err
		}
		return s.audit(ctx, tx, by, registry.ActionArchive, registry.EntityAgreement, id, cur, out)
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
	partyID := ""
	if f.Party != "" {
		id, err := s.resolveOrganization(ctx, f.Party)
		if err == registry.ErrNotFound {
			return empty, nil
		} else if err != nil {
			return empty, err
		}
		partyID = id
	}
	q, args, err := agreementListQuery(f, partyID)
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

// agreementListQuery builds the statement of one list page. Each filter is
// a condition an index serves (see plans_test.go); the signing-period
// bounds are repeated on sort_on so that the order index can range-scan.
func agreementListQuery(f registry.AgreementFilter, partyID string) (string, []any, error) {
	var w whereBuilder
	if !f.IncludeArchived {
		w.add(`a.archived_at IS NULL`)
	}
	if partyID != "" {
		w.add(`EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND p.organization_id = ` + w.arg(partyID) + `)`)
	}
	if f.Region != "" {
		w.add(`EXISTS (SELECT 1 FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id
			WHERE p.agreement_id = a.id AND o.region_code IN ` + descendantRegions(w.arg(f.Region)) + `)`)
	}
	if f.Status != "" {
		w.add(`a.status = ` + w.arg(f.Status))
	}
	if f.Type != "" {
		w.add(`a.type = ` + w.arg(f.Type))
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
	if f.Cursor != "" {
		parts, err := decodeCursor(f.Cursor, 2)
		if err != nil || !checkSortKey(parts[0]) || !isUUID(parts[1]) {
			return "", nil, &registry.BadParam{Name: "cursor", Code: "invalid_cursor", Value: f.Cursor}
		}
		w.add(`(a.sort_on, a.id) < (` + w.arg(parts[0]) + `::date, ` + w.arg(parts[1]) + `::uuid)`)
	}
	q := agreementSelect + w.sql() + ` ORDER BY a.sort_on DESC, a.id DESC LIMIT ` + w.arg(f.Limit+1)
	return q, w.args, nil
}
