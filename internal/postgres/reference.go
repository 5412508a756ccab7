package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/chengyu-collab/registry/internal/registry"
)

// descendantRegions is a sub-select of the codes of region $N and every
// region below it (the hierarchy is at most three levels deep).
func descendantRegions(param string) string {
	return `(SELECT r.code FROM regions r WHERE r.code = ` + param + ` OR r.parent_code = ` + param +
		` OR r.parent_code IN (SELECT c.code FROM regions c WHERE c.parent_code = ` + param + `))`
}

// ListRegions lists regions by code.
func (s *Store) ListRegions(ctx context.Context, f registry.RegionFilter) (registry.Page[registry.Region], error) {
	after, err := decodeTextCursor(f.Cursor)
	if err != nil {
		return registry.Page[registry.Region]{}, err
	}
	const q = `SELECT code, name_zh, name_en, level, parent_code FROM regions
		WHERE code > $1 AND ($2 = '' OR level = $2) AND ($3 = '' OR parent_code = $3)
		ORDER BY code LIMIT $4`
	rows, err := s.q(ctx).QueryContext(ctx, q, after, f.Level, f.Parent, f.Limit+1)
	if err != nil {
		return registry.Page[registry.Region]{}, mapError(fmt.Errorf("list regions: %w", err))
	}
	defer rows.Close()
	var items []registry.Region
	for rows.Next() {
		r, err := scanRegion(rows)
		if err != nil {
			return registry.Page[registry.Region]{}, err
		}
		items = append(items, r)
	}
	if err := rows.Err(); err != nil {
		return registry.Page[registry.Region]{}, mapError(fmt.Errorf("list regions: %w", err))
	}
	return trimPage(items, f.Limit, func(r registry.Region) []string { return []string{r.Code} }), nil
}

// GetRegion returns one region by code.
func (s *Store) GetRegion(ctx context.Context, code string) (registry.Region, error) {
	const q = `SELECT code, name_zh, name_en, level, parent_code FROM regions WHERE code = $1`
	r, err := scanRegion(s.q(ctx).QueryRowContext(ctx, q, code))
	if notFound(err) {
		return r, registry.ErrNotFound
	}
	return r, err
}

type scanner interface{ Scan(dest ...any) error }

func scanRegion(sc scanner) (registry.Region, error) {
	var r registry.Region
	var nameEn, parent sql.NullString
	if err := sc.Scan(&r.Code, &r.NameZh, &nameEn, &r.Level, &parent); err != nil {
		if notFound(err) {
			return r, err
		}
		return r, mapError(fmt.Errorf("scan region: %w", err))
	}
	r.NameEn, r.ParentCode = stringPtr(nameEn), stringPtr(parent)
	return r, nil
}

const areaColumns = `code, name_zh, name_en, parent_code, version, created_at, updated_at`

func scanArea(sc scanner) (registry.CooperationArea, error) {
	var a registry.CooperationArea
	var nameEn, parent sql.NullString
	err := sc.Scan(&a.Code, &a.NameZh, &nameEn, &parent, &a.Version, &a.CreatedAt, &a.UpdatedAt)
	if err != nil {
		if notFound(err) {
			return a, registry.ErrNotFound
		}
		return a, mapError(fmt.Errorf("scan cooperation area: %w", err))
	}
	a.NameEn, a.ParentCode = stringPtr(nameEn), stringPtr(parent)
	a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC()
	return a, nil
}

// ListAreas lists cooperation areas by code.
func (s *Store) ListAreas(ctx context.Context, limit int, cursor string) (registry.Page[registry.CooperationArea], error) {
	after, err := decodeTextCursor(cursor)
	if err != nil {
		return registry.Page[registry.CooperationArea]{}, err
	}
	q := `SELECT ` + areaColumns + ` FROM cooperation_areas WHERE code > $1 ORDER BY code LIMIT $2`
	rows, err := s.q(ctx).QueryContext(ctx, q, after, limit+1)
	if err != nil {
		return registry.Page[registry.CooperationArea]{}, mapError(fmt.Errorf("list areas: %w", err))
	}
	defer rows.Close()
	var items []registry.CooperationArea
	for rows.Next() {
		a, err := scanArea(rows)
		if err != nil {
			return registry.Page[registry.CooperationArea]{}, err
		}
		items = append(items, a)
	}
	if err := rows.Err(); err != nil {
		return registry.Page[registry.CooperationArea]{}, mapError(fmt.Errorf("list areas: %w", err))
	}
	return trimPage(items, limit, func(a registry.CooperationArea) []string { return []string{a.Code} }), nil
}

// GetArea returns one cooperation area by code.
func (s *Store) GetArea(ctx context.Context, code string) (registry.CooperationArea, error) {
	return scanArea(s.q(ctx).QueryRowContext(ctx, `SELECT `+areaColumns+` FROM cooperation_areas WHERE code = $1`, code))
}

// LockArea reads a cooperation area under a row lock, in the transaction
// of ctx.
func (s *Store) LockArea(ctx context.Context, code string) (registry.CooperationArea, error) {
	return scanArea(s.q(ctx).QueryRowContext(ctx, `SELECT `+areaColumns+` FROM cooperation_areas WHERE code = $1 FOR UPDATE`, code))
}

// InsertArea adds a cooperation area.
func (s *Store) InsertArea(ctx context.Context, in registry.AreaInput) (registry.CooperationArea, error) {
	q := `INSERT INTO cooperation_areas (code, name_zh, name_en, parent_code) VALUES ($1, $2, $3, $4) RETURNING ` + areaColumns
	return scanArea(s.q(ctx).QueryRowContext(ctx, q, in.Code, in.NameZh, nullString(in.NameEn), nullString(in.ParentCode)))
}

// ReplaceArea replaces the names and parent of a cooperation area and
// raises its version.
func (s *Store) ReplaceArea(ctx context.Context, in registry.AreaInput) (registry.CooperationArea, error) {
	q := `UPDATE cooperation_areas SET name_zh = $2, name_en = $3, parent_code = $4,
		version = version + 1, updated_at = now() WHERE code = $1 RETURNING ` + areaColumns
	a, err := scanArea(s.q(ctx).QueryRowContext(ctx, q, in.Code, in.NameZh, nullString(in.NameEn), nullString(in.ParentCode)))
	if err != nil {
		return a, err
	}
	// The export rows showing the area's names follow it (readforms.go).
	return a, s.enqueueAreaForms(ctx, a.Code)
}

// AreaExists reports whether a cooperation area exists.
func (s *Store) AreaExists(ctx context.Context, code string) (bool, error) {
	return s.exists(ctx, AreaExistsSQL, code)
}

// RegionExists reports whether a region exists.
func (s *Store) RegionExists(ctx context.Context, code string) (bool, error) {
	return s.exists(ctx, `SELECT EXISTS (SELECT 1 FROM regions WHERE code = $1)`, code)
}

// AgreementExists reports whether an agreement exists.
func (s *Store) AgreementExists(ctx context.Context, id string) (bool, error) {
	if !isUUID(id) {
		return false, nil
	}
	return s.exists(ctx, `SELECT EXISTS (SELECT 1 FROM agreements WHERE id = $1)`, id)
}

func (s *Store) exists(ctx context.Context, q, key string) (bool, error) {
	var ok bool
	if err := s.q(ctx).QueryRowContext(ctx, q, key).Scan(&ok); err != nil {
		return false, mapError(fmt.Errorf("check reference: %w", err))
	}
	return ok, nil
}

// AreaBelow reports whether area code is parent itself or one of its
// ancestors, so that making parent the parent of code would close a loop.
func (s *Store) AreaBelow(ctx context.Context, parent, code string) (bool, error) {
	const q = `WITH RECURSIVE up (code, parent_code) AS (
			SELECT code, parent_code FROM cooperation_areas WHERE code = $1
			UNION
			SELECT a.code, a.parent_code FROM cooperation_areas a JOIN up ON a.code = up.parent_code)
		SELECT EXISTS (SELECT 1 FROM up WHERE code = $2)`
	var loop bool
	if err := s.q(ctx).QueryRowContext(ctx, q, parent, code).Scan(&loop); err != nil {
		return false, mapError(fmt.Errorf("check area hierarchy: %w", err))
	}
	return loop, nil
}
