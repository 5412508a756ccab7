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
	// RevokeKey revokes a key by id and returns when it was revoked (the
	// first time, when it already was); ErrNotFound for an unknown id.
	RevokeKey(ctx context.Context, id string) (time.Time, error)
}

// KeyInput is what an administrator sets on a new API key.
type KeyInput struct {
	Name         string
	Role         string
	Organization string // a code or UUID; required for every role but admin
}

// CreateKey checks and stores a new API key and returns it with its
// secret, which is shown once.
func (a *Accounts) CreateKey(ctx context.Context, in KeyInput) (string, APIKey, error) {
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
	return a.store.CreateKey(ctx, in.Name, in.Role, in.Organization)
}

// ListKeys lists every API key, oldest first.
func (a *Accounts) ListKeys(ctx context.Context) ([]APIKey, error) { return a.store.ListKeys(ctx) }

// RevokeKey revokes an API key; it fails on the API at once.
func (a *Accounts) RevokeKey(ctx context.Context, id string) (time.Time, error) {
	return a.store.RevokeKey(ctx, id)
}
