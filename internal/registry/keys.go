package registry

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// KeyStore keeps API keys; internal/postgres implements it. CreateKey
// returns the secret, which is stored only as a hash.
type KeyStore interface {
	CreateKey(ctx context.Context, name, role, org string) (string, APIKey, error)
	ListKeys(ctx context.Context) ([]APIKey, error)
	// GetKey returns a key by id (never its secret or hash); ErrNotFound
	// for an unknown id.
	GetKey(ctx context.Context, id string) (APIKey, error)
	// RevokeKey revokes a key by id and returns it, with when it was
	// revoked (the first time, when it already was); ErrNotFound for an
	// unknown id.
	RevokeKey(ctx context.Context, id string) (APIKey, error)
}

// KeyInput is what an administrator sets on a new API key.
type KeyInput struct {
	Name         string
	Role         string
	Organization string // a code or UUID; required for every role but admin
}

// CreateKey checks and stores a new API key and returns it with its
// secret, which is shown once. The key and its audit entry (by whom, the
// key without its secret or hash) are written in one transaction.
func (a *Accounts) CreateKey(ctx context.Context, by Actor, in KeyInput) (string, APIKey, error) {
	in.Name = strings.TrimSpace(in.Name)
	in.Organization = strings.TrimSpace(in.Organization)
	var v ValidationError
	switch n := utf8.RuneCountInString(in.Name); {
	case n == 0:
		v.Add("name", "required", "")
	case n > 200:
		v.Add("name", "too_long", "200")
	}
	if !Roles.Has(in.Role) {
		v.Add("role", "invalid_value", strings.Join(Roles.Codes(), " "))
	} else if in.Organization == "" && Role(in.Role) != RoleAdmin {
		v.Add("org", "required", "")
	}
	if err := v.Err(); err != nil {
		return "", APIKey{}, err
	}
	var secret string
	var k APIKey
	err := a.store.InTx(ctx, func(ctx context.Context) error {
		var err error
		if secret, k, err = a.store.CreateKey(ctx, in.Name, in.Role, in.Organization); err != nil {
			return err
		}
		return a.store.Audit(ctx, by, ActionCreate, EntityAPIKey, k.ID, nil, k)
	})
	if err != nil {
		return "", APIKey{}, err
	}
	return secret, k, nil
}

// ListKeys lists every API key, oldest first.
func (a *Accounts) ListKeys(ctx context.Context) ([]APIKey, error) { return a.store.ListKeys(ctx) }

// RevokeKey revokes an API key, which fails on the API at once, and
// returns when it was revoked. The revocation and its audit entry are one
// transaction.
func (a *Accounts) RevokeKey(ctx context.Context, by Actor, id string) (time.Time, error) {
	var after APIKey
	err := a.store.InTx(ctx, func(ctx context.Context) error {
		before, err := a.store.GetKey(ctx, id)
		if err != nil {
			return err
		}
		if after, err = a.store.RevokeKey(ctx, id); err != nil {
			return err
		}
		return a.store.Audit(ctx, by, ActionRevoke, EntityAPIKey, after.ID, before, after)
	})
	if err != nil || after.RevokedAt == nil {
		return time.Time{}, err
	}
	return *after.RevokedAt, nil
}
