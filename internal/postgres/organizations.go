package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/chengyu-collab/registry/internal/registry"
)

const orgColumns = `id, code, kind, name_zh, name_en, short_name_zh, short_name_en, region_code, parent_id, version, created_at, updated_at`

func scanOrganization(sc scanner) (registry.Organization, error) {
	var o registry.Organization
	var nameEn, shortZh, shortEn, region, parent sql.NullString
	err := sc.Scan(&o.ID, &o.Code, &o.Kind, &o.NameZh, &nameEn, &shortZh, &shortEn, &region, &parent, &o.Version, &o.CreatedAt, &o.UpdatedAt)
	if err != nil {
		if notFound(err) {
			return o, registry.ErrNotFound
		}
		return o, mapError(fmt.Errorf("scan organization: %w", err))
	}
	o.NameEn, o.ShortNameZh, o.ShortNameEn = stringPtr(nameEn), stringPtr(shortZh), stringPtr(shortEn)
	o.RegionCode, o.ParentID = stringPtr(region), stringPtr(parent)
	o.CreatedAt, o.UpdatedAt = o.CreatedAt.UTC(), o.UpdatedAt.UTC()
	return o, nil
}

// orgWhere selects an organisation by UUID or by code.
func orgWhere(ref string) string {
	if isUUID(ref) {
		return `id = $1`
	}
	return `code = $1`
}

// ResolveOrganization turns a UUID or code into the organisation's UUID,
// or ErrNotFound.
func (s *Store) ResolveOrganization(ctx context.Context, ref string) (string, error) {
	if !registry.IsOrgRef(ref) {
		return "", registry.ErrNotFound
	}
	var id string
	err := s.q(ctx).QueryRowContext(ctx, `SELECT id FROM organizations WHERE `+orgWhere(ref), ref).Scan(&id)
	if notFound(err) {
		return "", registry.ErrNotFound
	}
	if err != nil {
		return "", mapError(fmt.Errorf("resolve organization: %w", err))
	}
	return id, nil
}

// GetOrganization returns an organisation by UUID or code.
func (s *Store) GetOrganization(ctx context.Context, ref string) (registry.Organization, error) {
	return scanOrganization(s.q(ctx).QueryRowContext(ctx, `SELECT `+orgColumns+` FROM organizations WHERE `+orgWhere(ref), ref))
}

// ListOrganizations lists organisations by code.
func (s *Store) ListOrganizations(ctx context.Context, f registry.OrganizationFilter) (registry.Page[registry.Organization], error) {
	after, err := decodeTextCursor(f.Cursor)
	if err != nil {
		return registry.Page[registry.Organization]{}, err
	}
	q := `SELECT ` + orgColumns + ` FROM organizations
		WHERE code > $1 AND ($2 = '' OR kind = $2)
		  AND ($3 = '' OR region_code IN ` + descendantRegions("$3") + `)
		  AND ($4 = '' OR search_text ILIKE $5)
		ORDER BY code LIMIT $6`
	rows, err := s.q(ctx).QueryContext(ctx, q, after, string(f.Kind), f.Region, f.Q, likePattern(f.Q), f.Limit+1)
	if err != nil {
		return registry.Page[registry.Organization]{}, mapError(fmt.Errorf("list organizations: %w", err))
	}
	defer rows.Close()
	var items []registry.Organization
	for rows.Next() {
		o, err := scanOrganization(rows)
		if err != nil {
			return registry.Page[registry.Organization]{}, err
		}
		items = append(items, o)
	}
	if err := rows.Err(); err != nil {
		return registry.Page[registry.Organization]{}, mapError(fmt.Errorf("list organizations: %w", err))
	}
	return trimPage(items, f.Limit, func(o registry.Organization) []string { return []string{o.Code} }), nil
}

// LockOrganization reads an organisation (by UUID or code) under a row
// lock, in the transaction of ctx.
func (s *Store) LockOrganization(ctx context.Context, ref string) (registry.Organization, error) {
	if !registry.IsOrgRef(ref) {
		return registry.Organization{}, registry.ErrNotFound
	}
	return scanOrganization(s.q(ctx).QueryRowContext(ctx, `SELECT `+orgColumns+` FROM organizations WHERE `+orgWhere(ref)+` FOR UPDATE`, ref))
}

// InsertOrganization adds an organisation; a duplicate code is a
// conflict.
func (s *Store) InsertOrganization(ctx context.Context, in registry.OrganizationInput) (registry.Organization, error) {
	id := in.ID
	if id == "" {
		id = newID()
	}
	q := `INSERT INTO organizations (id, code, kind, name_zh, name_en, short_name_zh, short_name_en, region_code, parent_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ` + orgColumns
	return scanOrganization(s.q(ctx).QueryRowContext(ctx, q, append([]any{id}, orgArgs(in)...)...))
}

// ReplaceOrganization replaces the writable fields of organisation id and
// raises its version; the code may change, the id never.
func (s *Store) ReplaceOrganization(ctx context.Context, id string, in registry.OrganizationInput) (registry.Organization, error) {
	q := `UPDATE organizations SET code = $2, kind = $3, name_zh = $4, name_en = $5, short_name_zh = $6,
		short_name_en = $7, region_code = $8, parent_id = $9, version = version + 1, updated_at = now()
		WHERE id = $1 RETURNING ` + orgColumns
	o, err := scanOrganization(s.q(ctx).QueryRowContext(ctx, q, append([]any{id}, orgArgs(in)...)...))
	if err != nil {
		return o, err
	}
	// The read forms naming the organisation follow it (readforms.go).
	return o, s.enqueueReadForms(ctx, o.ID)
}

func orgArgs(in registry.OrganizationInput) []any {
	return []any{in.Code, string(in.Kind), in.NameZh, nullString(in.NameEn), nullString(in.ShortNameZh),
		nullString(in.ShortNameEn), nullString(in.RegionCode), nullString(in.ParentID)}
}

// OrganizationBelow reports whether organisation id is parent itself or one
// of its ancestors, so that making parent the parent of id would close a
// loop.
func (s *Store) OrganizationBelow(ctx context.Context, parent, id string) (bool, error) {
	const q = `WITH RECURSIVE up (id, parent_id) AS (
			SELECT id, parent_id FROM organizations WHERE id = $1
			UNION
			SELECT o.id, o.parent_id FROM organizations o JOIN up ON o.id = up.parent_id)
		SELECT EXISTS (SELECT 1 FROM up WHERE id = $2)`
	var loop bool
	if err := s.q(ctx).QueryRowContext(ctx, q, parent, id).Scan(&loop); err != nil {
		return false, mapError(fmt.Errorf("check organization hierarchy: %w", err))
	}
	return loop, nil
}
