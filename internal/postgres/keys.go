package postgres

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"fmt"

	"github.com/chengyu-collab/registry/internal/registry"
)

// keyPrefix marks registry API keys, so that a leaked one is easy to spot.
const keyPrefix = "ccr_"

func hashSecret(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// CreateKey makes a new API key and returns its secret, which is shown once
// and stored only as a SHA-256 hash (the secret has 256 random bits, so a
// fast hash is enough). org is an organisation code or id; it is required
// for every role but admin. It joins the transaction ctx carries, if any.
func (s *Store) CreateKey(ctx context.Context, name, role, org string) (string, registry.APIKey, error) {
	var k registry.APIKey
	if name == "" {
		return "", k, registry.Invalid("name", "required", "")
	}
	if !registry.Roles.Has(role) {
		return "", k, registry.Invalid("role", "oneof", "admin registrar reader")
	}
	var orgID sql.NullString
	if org != "" {
		id, err := s.ResolveOrganization(ctx, org)
		if err != nil {
			return "", k, registry.Invalid("org", "unknown_organization", "")
		}
		orgID = sql.NullString{String: id, Valid: true}
	} else if registry.Role(role) != registry.RoleAdmin {
		return "", k, registry.Invalid("org", "required", "")
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", k, fmt.Errorf("random key: %w", err)
	}
	secret := keyPrefix + base64.RawURLEncoding.EncodeToString(raw)
	k = registry.APIKey{ID: newID(), Name: name, Role: registry.Role(role), OrganizationID: stringPtr(orgID)}
	const q = `INSERT INTO api_keys (id, name, role, organization_id, secret_hash) VALUES ($1, $2, $3, $4, $5) RETURNING created_at`
	if err := s.unprepared(ctx).QueryRowContext(ctx, q, k.ID, name, role, orgID, hashSecret(secret)).Scan(&k.CreatedAt); err != nil {
		return "", k, mapError(fmt.Errorf("create key: %w", err))
	}
	k.CreatedAt = k.CreatedAt.UTC()
	if org != "" {
		code := org
		k.OrganizationCode = &code
	}
	return secret, k, nil
}

// AuthenticateSQL finds an API key by the SHA-256 hash of its secret ($1).
const AuthenticateSQL = `SELECT id, role, organization_id, revoked_at IS NOT NULL,
	last_used_at IS NULL OR last_used_at < now() - interval '1 minute'
	FROM api_keys WHERE secret_hash = $1`

// Authenticate returns the actor behind a secret, or ErrUnauthorized for an
// unknown or revoked key. The check reads the database every time, so a
// revocation takes effect at once on every replica. last_used_at is kept
// current to within a minute.
func (s *Store) Authenticate(ctx context.Context, secret string) (registry.Actor, error) {
	var a registry.Actor
	var org sql.NullString
	var revoked, stale bool
	err := s.db.QueryRowContext(ctx, AuthenticateSQL, hashSecret(secret)).Scan(&a.KeyID, &a.Role, &org, &revoked, &stale)
	if notFound(err) {
		return a, registry.ErrUnauthorized
	}
	if err != nil {
		return a, mapError(fmt.Errorf("authenticate: %w", err))
	}
	if revoked {
		return registry.Actor{}, registry.ErrUnauthorized
	}
	a.OrganizationID = org.String
	if stale {
		if _, err := s.db.ExecContext(ctx, `UPDATE api_keys SET last_used_at = now() WHERE id = $1`, a.KeyID); err != nil {
			return a, mapError(fmt.Errorf("touch key: %w", err))
		}
	}
	return a, nil
}

const keyColumns = `k.id, k.name, k.role, k.organization_id, o.code, k.created_at, k.last_used_at, k.revoked_at`

func scanKey(row interface{ Scan(...any) error }) (registry.APIKey, error) {
	var k registry.APIKey
	var org, code sql.NullString
	var used, revoked sql.NullTime
	if err := row.Scan(&k.ID, &k.Name, &k.Role, &org, &code, &k.CreatedAt, &used, &revoked); err != nil {
		return k, err
	}
	k.CreatedAt = k.CreatedAt.UTC()
	k.OrganizationID, k.OrganizationCode = stringPtr(org), stringPtr(code)
	k.LastUsedAt, k.RevokedAt = timePtr(used), timePtr(revoked)
	if k.RevokedAt != nil {
		*k.RevokedAt = k.RevokedAt.UTC()
	}
	if k.LastUsedAt != nil {
		*k.LastUsedAt = k.LastUsedAt.UTC()
	}
	return k, nil
}

// ListKeys lists every API key, oldest first.
func (s *Store) ListKeys(ctx context.Context) ([]registry.APIKey, error) {
	const q = `SELECT ` + keyColumns + ` FROM api_keys k LEFT JOIN organizations o ON o.id = k.organization_id
		ORDER BY k.created_at, k.id`
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, mapError(fmt.Errorf("list keys: %w", err))
	}
	defer rows.Close()
	keys := []registry.APIKey{}
	for rows.Next() {
		k, err := scanKey(rows)
		if err != nil {
			return nil, mapError(fmt.Errorf("scan key: %w", err))
		}
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError(fmt.Errorf("list keys: %w", err))
	}
	return keys, nil
}

// GetKey returns an API key by id, in the transaction ctx carries, if any.
func (s *Store) GetKey(ctx context.Context, id string) (registry.APIKey, error) {
	if !isUUID(id) {
		return registry.APIKey{}, registry.ErrNotFound
	}
	const q = `SELECT ` + keyColumns + ` FROM api_keys k LEFT JOIN organizations o ON o.id = k.organization_id WHERE k.id = $1`
	k, err := scanKey(s.unprepared(ctx).QueryRowContext(ctx, q, id))
	if notFound(err) {
		return k, registry.ErrNotFound
	}
	if err != nil {
		return k, mapError(fmt.Errorf("get key: %w", err))
	}
	return k, nil
}

// RevokeKey revokes a key by id and returns it. Revoking a revoked key
// keeps the first revocation time. It joins the transaction ctx carries,
// if any.
func (s *Store) RevokeKey(ctx context.Context, id string) (registry.APIKey, error) {
	if !isUUID(id) {
		return registry.APIKey{}, registry.ErrNotFound
	}
	const q = `WITH k AS (UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *)
		SELECT ` + keyColumns + ` FROM k LEFT JOIN organizations o ON o.id = k.organization_id`
	k, err := scanKey(s.unprepared(ctx).QueryRowContext(ctx, q, id))
	if notFound(err) {
		return k, registry.ErrNotFound
	}
	if err != nil {
		return k, mapError(fmt.Errorf("revoke key: %w", err))
	}
	return k, nil
}
