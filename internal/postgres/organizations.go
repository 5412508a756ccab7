package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

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

// resolveOrganization turns a UUID or code into the organisation's UUID, or
// ErrNotFound.
func (s *Store) resolveOrganization(ctx context.Context, ref string) (string, error) {
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

// resolveOrgRefs replaces each organisation reference (UUID or code) of a
// list by the organisation's UUID, adding an unknown_organization error at
// list[i].organization_id for each that does not exist.
func (s *Store) resolveOrgRefs(ctx context.Context, v *registry.ValidationError, list string, refs []*string) error {
	for i, ref := range refs {
		id, err := s.resolveOrganization(ctx, *ref)
		switch {
		case err == registry.ErrNotFound:
			v.Add(list+"["+strconv.Itoa(i)+"].organization_id", "unknown_organization", "")
		case err != nil:
			return err
		default:
			*ref = id
		}
	}
	return nil
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
	rows, err := s.q(ctx).QueryContext(ctx, q, after, f.Kind, f.Region, f.Q, likePattern(f.Q), f.Limit+1)
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

// resolveOrgInput checks the references of an organisation input, naming
// the field of any that does not exist.
func (s *Store) resolveOrgInput(ctx context.Context, in *registry.OrganizationInput) error {
	var v registry.ValidationError
	if in.ParentID != nil {
		id, err := s.resolveOrganization(ctx, *in.ParentID)
		switch {
		case err == registry.ErrNotFound:
			v.Add("parent_id", "unknown_organization", "")
		case err != nil:
			return err
		default:
			in.ParentID = &id
		}
	}
	if in.RegionCode != nil {
		if _, err := s.GetRegion(ctx, *in.RegionCode); err == registry.ErrNotFound {
			v.Add("region_code", "unknown_region", "")
		} else if err != nil {
			return err
		}
	}
	return v.Err()
}

// CreateOrganization adds an organisation, with its audit entry. A
// duplicate code is a conflict.
func (s *Store) CreateOrganization(ctx context.Context, by registry.Actor, in registry.OrganizationInput) (registry.Organization, error) {
	var out registry.Organization
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := s.resolveOrgInput(ctx, &in); err != nil {
			return err
		}
		id := in.ID
		if id == "" {
			id = newID()
		}
		q := `INSERT INTO organizations (id, code, kind, name_zh, name_en, short_name_zh, short_name_en, region_code, parent_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ` + orgColumns
		o, err := scanOrganization(tx.QueryRowContext(ctx, q, id, in.Code, in.Kind, in.NameZh, nullString(in.NameEn),
			nullString(in.ShortNameZh), nullString(in.ShortNameEn), nullString(in.RegionCode), nullString(in.ParentID)))
		if err != nil {
			return err
		}
		out = o
		return s.audit(ctx, tx, by, registry.ActionCreate, registry.EntityOrganization, o.ID, nil, o)
	})
	return out, err
}

// UpdateOrganization replaces the writable fields of an organisation at the
// expected version, with its audit entry. apply receives the current record
// under lock and returns the new input; the code may change, the id never.
func (s *Store) UpdateOrganization(ctx context.Context, by registry.Actor, ref string, version int,
	apply func(cur registry.Organization) (registry.OrganizationInput, error)) (registry.Organization, error) {
	var out registry.Organization
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		cur, err := scanOrganization(tx.QueryRowContext(ctx, `SELECT `+orgColumns+` FROM organizations WHERE `+orgWhere(ref)+` FOR UPDATE`, ref))
		if err != nil {
			return err
		}
		if !by.IsAdmin() && by.OrganizationID != cur.ID {
			return registry.Forbidden(registry.ReasonRoleForbids) // a registrar changes only its own organisation
		}
		if version != 0 && cur.Version != version {
			return &registry.PreconditionError{Current: cur.Version}
		}
		in, err := apply(cur)
		if err != nil {
			return err
		}
		if err := s.resolveOrgInput(ctx, &in); err != nil {
			return err
		}
		if in.ParentID != nil {
			if loop, err := organizationBelow(ctx, tx, *in.ParentID, cur.ID); err != nil {
				return err
			} else if loop {
				return registry.Invalid("parent_id", "self_reference", "")
			}
		}
		q := `UPDATE organizations SET code = $2, kind = $3, name_zh = $4, name_en = $5, short_name_zh = $6,
			short_name_en = $7, region_code = $8, parent_id = $9, version = version + 1, updated_at = now()
			WHERE id = $1 RETURNING ` + orgColumns
		o, err := scanOrganization(tx.QueryRowContext(ctx, q, cur.ID, in.Code, in.Kind, in.NameZh, nullString(in.NameEn),
			nullString(in.ShortNameZh), nullString(in.ShortNameEn), nullString(in.RegionCode), nullString(in.ParentID)))
		if err != nil {
			return err
		}
		out = o
		return s.audit(ctx, tx, by, registry.ActionUpdate, registry.EntityOrganization, o.ID, cur, o)
	})
	return out, err
}

// organizationBelow reports whether organisation id is parent itself or one
// of its ancestors, so that making parent the parent of id would close a
// loop.
func organizationBelow(ctx context.Context, tx *sql.Tx, parent, id string) (bool, error) {
	const q = `WITH RECURSIVE up (id, parent_id) AS (
			SELECT id, parent_id FROM organizations WHERE id = $1
			UNION
			SELECT o.id, o.parent_id FROM organizations o JOIN up ON o.id = up.parent_id)
		SELECT EXISTS (SELECT 1 FROM up WHERE id = $2)`
	var loop bool
	if err := tx.QueryRowContext(ctx, q, parent, id).Scan(&loop); err != nil {
		return false, mapError(fmt.Errorf("check organization hierarchy: %w", err))
	}
	return loop, nil
}
