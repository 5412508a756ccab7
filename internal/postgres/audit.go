package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/chengyu-collab/registry/internal/registry"
)

const auditInsertSQL = `INSERT INTO audit_log (actor_key_id, actor_organization_id, action, entity, entity_id, request_id, before, after, actor_user_id)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`

// Audit appends one entry for a successful write, inside the write's own
// transaction (the one ctx carries). before and after are encoded as JSON;
// nil becomes NULL.
func (s *Store) Audit(ctx context.Context, by registry.Actor, action registry.AuditAction, entity registry.AuditEntity,
	entityID string, before, after any) error {
	enc := func(v any) ([]byte, error) {
		if v == nil {
			return nil, nil
		}
		return json.Marshal(v)
	}
	b, err := enc(before)
	if err != nil {
		return fmt.Errorf("audit before: %w", err)
	}
	a, err := enc(after)
	if err != nil {
		return fmt.Errorf("audit after: %w", err)
	}
	return s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, auditInsertSQL, nullIfEmpty(by.KeyID), nullIfEmpty(by.OrganizationID), string(action),
			string(entity), entityID, nullIfEmpty(by.RequestID), nullJSON(b), nullJSON(a), nullIfEmpty(by.UserID))
		if err != nil {
			return mapError(fmt.Errorf("append audit entry: %w", err))
		}
		return nil
	})
}

func nullIfEmpty(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

func nullJSON(b []byte) any {
	if b == nil {
		return nil
	}
	return string(b)
}

// ListAudit lists audit entries oldest first.
func (s *Store) ListAudit(ctx context.Context, f registry.AuditFilter) (registry.Page[registry.AuditEntry], error) {
	var after int64
	if f.Cursor != "" {
		v, err := decodeIntCursor(f.Cursor)
		if err != nil {
			return registry.Page[registry.AuditEntry]{}, err
		}
		after = v
	}
	orgID := f.ActorOrganization
	if orgID != "" && !isUUID(orgID) {
		id, err := s.ResolveOrganization(ctx, orgID)
		if err != nil {
			return registry.Page[registry.AuditEntry]{Items: []registry.AuditEntry{}}, nil
		}
		orgID = id
	}
	if f.Actor != "" && !isUUID(f.Actor) {
		return registry.Page[registry.AuditEntry]{}, &registry.BadParam{Name: "actor", Code: "invalid_uuid", Value: f.Actor}
	}
	const q = `SELECT id, at, actor_key_id, actor_user_id, actor_organization_id, action, entity, entity_id, request_id, before, after
		FROM audit_log
		WHERE id > $1 AND ($2 = '' OR entity = $2) AND ($3 = '' OR entity_id = $3)
		  AND ($4 = '' OR actor_key_id = $4::uuid) AND ($5 = '' OR actor_organization_id = $5::uuid)
		  AND ($6::timestamptz IS NULL OR at >= $6) AND ($7::timestamptz IS NULL OR at <= $7)
		ORDER BY id LIMIT $8`
	rows, err := s.q(ctx).QueryContext(ctx, q, after, string(f.Entity), f.EntityID, f.Actor, orgID, f.From, f.To, f.Limit+1)
	if err != nil {
		return registry.Page[registry.AuditEntry]{}, mapError(fmt.Errorf("list audit: %w", err))
	}
	defer rows.Close()
	var items []registry.AuditEntry
	for rows.Next() {
		var e registry.AuditEntry
		var key, user, org, req sql.NullString
		var before, afterJSON []byte
		if err := rows.Scan(&e.ID, &e.At, &key, &user, &org, &e.Action, &e.Entity, &e.EntityID, &req, &before, &afterJSON); err != nil {
			return registry.Page[registry.AuditEntry]{}, mapError(fmt.Errorf("scan audit: %w", err))
		}
		e.At = e.At.UTC()
		e.ActorKeyID, e.ActorUserID, e.ActorOrganizationID, e.RequestID = stringPtr(key), stringPtr(user), stringPtr(org), stringPtr(req)
		e.Before, e.After = before, afterJSON
		items = append(items, e)
	}
	if err := rows.Err(); err != nil {
		return registry.Page[registry.AuditEntry]{}, mapError(fmt.Errorf("list audit: %w", err))
	}
	return trimPage(items, f.Limit, func(e registry.AuditEntry) []string { return []string{strconv.FormatInt(e.ID, 10)} }), nil
}
