package postgres_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/postgres/pgtest"
	"github.com/chengyu-collab/registry/internal/registry"
)

// TestSignInThrottle refuses sign-ins after repeated failures of one login,
// even with the right password, and after many failures from one address
// whatever the login; a success clears the login's count.
func TestSignInThrottle(t *testing.T) {
	t.Parallel()
	store, _ := pgtest.New(t)
	ctx := context.Background()
	accounts := registry.NewAccounts(store, nil)
	_, password, err := accounts.CreateUser(ctx, registry.Actor{}, registry.UserInput{Login: "root", DisplayName: "Root", Role: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := accounts.SignIn(ctx, "root", "wrong", "198.51.100.1"); !errors.Is(err, registry.ErrUnauthorized) {
		t.Fatalf("wrong password: %v", err)
	}
	if _, err := accounts.SignIn(ctx, "ROOT ", password, "198.51.100.1"); err != nil {
		t.Fatalf("right password (login case and spaces ignored): %v", err)
	}
	for i := 0; i < registry.LoginFailureLimit; i++ {
		if _, err := accounts.SignIn(ctx, "root", "wrong", "198.51.100.2"); errors.As(err, new(*registry.ThrottledError)) {
			t.Fatalf("failure %d already throttled", i+1)
		}
	}
	var throttled *registry.ThrottledError
	if _, err := accounts.SignIn(ctx, "root", password, "198.51.100.3"); !errors.As(err, &throttled) {
		t.Fatalf("after %d failures the right password gave %v, want throttled", registry.LoginFailureLimit, err)
	}

	// Per address: failures of many unknown logins from one address.
	for i := 0; i < registry.AddressFailureLimit; i++ {
		_, _ = accounts.SignIn(ctx, "nobody"+string(rune('a'+i)), "x", "203.0.113.9")
	}
	if _, err := accounts.SignIn(ctx, "someone", "x", "203.0.113.9"); !errors.As(err, &throttled) {
		t.Fatalf("address after %d failures: %v, want throttled", registry.AddressFailureLimit, err)
	}
}

// TestConsoleWritesAuditTheUser: a write by a user is audited with
// actor_user_id and its organisation, and no key.
func TestConsoleWritesAuditTheUser(t *testing.T) {
	t.Parallel()
	store, _ := pgtest.New(t)
	ctx := context.Background()
	svc := registry.NewService(store, nil)
	if err := demo.Load(ctx, svc); err != nil {
		t.Fatal(err)
	}
	accounts := registry.NewAccounts(store, nil)
	u, _, err := accounts.CreateUser(ctx, registry.Actor{}, registry.UserInput{Login: "cs", DisplayName: "长寿区政协联络员", Role: "registrar", Organization: "changshou-cppcc"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := svc.CreateAgreement(ctx, u.Actor("req-1"), registry.AgreementInput{
		TitleZh: "测试协议", Type: registry.TypeCooperation,
		Parties: []registry.PartyInput{{OrganizationID: "changshou-cppcc", Role: registry.PartySignatory},
			{OrganizationID: "yubei-cppcc", Role: registry.PartySignatory}},
	})
	if err != nil {
		t.Fatal(err)
	}
	page, err := svc.History(ctx, registry.EntityAgreement, a.ID, 10, "")
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("history: %v %+v", err, page)
	}
	e := page.Items[0]
	if e.ActorUserID == nil || *e.ActorUserID != u.ID || e.ActorKeyID != nil || e.ActorOrganizationID == nil || *e.ActorOrganizationID != *u.OrganizationID {
		t.Fatalf("audit entry actors: key %v, user %v, organisation %v", e.ActorKeyID, e.ActorUserID, e.ActorOrganizationID)
	}
}

// TestAccountChangesAreAudited: creating, disabling and resetting the
// password of a user, creating and revoking an API key each append one
// audit entry (who, when, what), and no entry holds a password, a password
// hash, a key secret or a key hash.
func TestAccountChangesAreAudited(t *testing.T) {
	t.Parallel()
	store, _ := pgtest.New(t)
	ctx := context.Background()
	if err := demo.Load(ctx, registry.NewService(store, nil)); err != nil {
		t.Fatal(err)
	}
	accounts := registry.NewAccounts(store, nil)
	root, rootPassword, err := accounts.CreateUser(ctx, registry.Actor{RequestID: "cli:operator"},
		registry.UserInput{Login: "root", DisplayName: "系统管理员", Role: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	by := root.Actor("req-admin")
	u, password, err := accounts.CreateUser(ctx, by, registry.UserInput{Login: "cs", DisplayName: "长寿区政协联络员",
		Role: "registrar", Organization: "changshou-cppcc"})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := accounts.ResetPassword(ctx, by, "CS ")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := accounts.DisableUser(ctx, by, "cs"); err != nil {
		t.Fatal(err)
	}
	secret, k, err := accounts.CreateKey(ctx, by, registry.KeyInput{Name: "长寿区数据报送", Role: "registrar", Organization: "changshou-cppcc"})
	if err != nil {
		t.Fatal(err)
	}
	revokedAt, err := accounts.RevokeKey(ctx, by, k.ID)
	if err != nil || revokedAt.IsZero() {
		t.Fatalf("revoke: %v %v", revokedAt, err)
	}
	// Refused changes leave no entry.
	if _, err := accounts.DisableUser(ctx, by, "nobody"); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("disable nobody: %v", err)
	}
	if _, err := accounts.RevokeKey(ctx, by, "0193a000-0000-7000-8000-000000000000"); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("revoke an unknown key: %v", err)
	}

	type want struct {
		action registry.AuditAction
		id     string
		user   string // the actor's user id, "" for the command line
		after  string // a fragment of the entry's after
	}
	check := func(entity registry.AuditEntity, wants []want) {
		t.Helper()
		page, err := store.ListAudit(ctx, registry.AuditFilter{Entity: entity, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) != len(wants) {
			t.Fatalf("%s: %d audit entries, want %d", entity, len(page.Items), len(wants))
		}
		for i, e := range page.Items {
			w := wants[i]
			gotUser := ""
			if e.ActorUserID != nil {
				gotUser = *e.ActorUserID
			}
			if e.Action != w.action || e.EntityID != w.id || gotUser != w.user || e.At.IsZero() ||
				!strings.Contains(string(e.After), w.after) {
				t.Errorf("%s entry %d: %s %s by %q at %v, after %s; want %s %s by %q with %s",
					entity, i, e.Action, e.EntityID, gotUser, e.At, e.After, w.action, w.id, w.user, w.after)
			}
			if w.action != registry.ActionCreate && len(e.Before) == 0 {
				t.Errorf("%s entry %d (%s) has no before", entity, i, e.Action)
			}
		}
	}
	check(registry.EntityUser, []want{
		{registry.ActionCreate, root.ID, "", `"login": "root"`},
		{registry.ActionCreate, u.ID, root.ID, `"login": "cs"`},
		{registry.ActionResetPassword, u.ID, root.ID, `"disabled_at": null`},
		{registry.ActionDisable, u.ID, root.ID, `"disabled_at": "20`},
	})
	check(registry.EntityAPIKey, []want{
		{registry.ActionCreate, k.ID, root.ID, `"revoked_at": null`},
		{registry.ActionRevoke, k.ID, root.ID, `"revoked_at": "20`},
	})
	page, err := store.ListAudit(ctx, registry.AuditFilter{Entity: registry.EntityUser, Limit: 1})
	if err != nil || page.Items[0].RequestID == nil || *page.Items[0].RequestID != "cli:operator" {
		t.Fatalf("the command line's entry: %+v %v", page.Items, err)
	}

	// Nothing secret in any entry, in any form the store keeps it.
	forbidden := []string{rootPassword, password, fresh, secret}
	rows, err := store.DB().QueryContext(ctx, `SELECT password_hash FROM users`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			t.Fatal(err)
		}
		forbidden = append(forbidden, h, strings.Split(h, "$")[5])
	}
	rows.Close()
	var hexHash, b64Hash string
	if err := store.DB().QueryRowContext(ctx, `SELECT encode(secret_hash, 'hex'), encode(secret_hash, 'base64') FROM api_keys WHERE id = $1`,
		k.ID).Scan(&hexHash, &b64Hash); err != nil {
		t.Fatal(err)
	}
	forbidden = append(forbidden, hexHash, b64Hash)
	var all string
	if err := store.DB().QueryRowContext(ctx, `SELECT string_agg(coalesce(before::text, '') || ' ' || coalesce(after::text, '') || ' ' ||
		coalesce(request_id, ''), E'\n') FROM audit_log WHERE entity IN ('user', 'api_key')`).Scan(&all); err != nil {
		t.Fatal(err)
	}
	for _, s := range forbidden {
		if len(s) >= 8 && strings.Contains(all, s) {
			t.Errorf("the audit holds a secret %q:\n%s", s, all)
		}
	}
	for _, key := range []string{"password", "hash", "secret"} {
		if strings.Contains(all, `"`+key) {
			t.Errorf("the audit names a %s field:\n%s", key, all)
		}
	}
}

// auditFails is a store whose audit entries cannot be written.
type auditFails struct{ *postgres.Store }

func (auditFails) Audit(context.Context, registry.Actor, registry.AuditAction, registry.AuditEntity, string, any, any) error {
	return errors.New("the audit log is unavailable")
}

// TestAccountChangesCommitWithTheirAudit: when the audit entry cannot be
// written, the change of the account or key is rolled back with it.
func TestAccountChangesCommitWithTheirAudit(t *testing.T) {
	t.Parallel()
	store, _ := pgtest.New(t)
	ctx := context.Background()
	if err := demo.Load(ctx, registry.NewService(store, nil)); err != nil {
		t.Fatal(err)
	}
	good := registry.NewAccounts(store, nil)
	bad := registry.NewAccounts(auditFails{store}, nil)
	by := registry.Actor{RequestID: "test"}
	if _, _, err := bad.CreateUser(ctx, by, registry.UserInput{Login: "ghost", DisplayName: "无审计", Role: "admin"}); err == nil {
		t.Fatal("CreateUser succeeded without its audit entry")
	}
	if _, _, err := store.UserByLogin(ctx, "ghost"); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("the account outlived its failed audit: %v", err)
	}
	_, password, err := good.CreateUser(ctx, by, registry.UserInput{Login: "cs", DisplayName: "长寿区政协联络员", Role: "registrar",
		Organization: "changshou-cppcc"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bad.ResetPassword(ctx, by, "cs"); err == nil {
		t.Fatal("ResetPassword succeeded without its audit entry")
	}
	if _, err := bad.DisableUser(ctx, by, "cs"); err == nil {
		t.Fatal("DisableUser succeeded without its audit entry")
	}
	if _, err := good.SignIn(ctx, "cs", password, "192.0.2.1"); err != nil {
		t.Fatalf("the old password and the account's standing did not survive the failed changes: %v", err)
	}
	if _, _, err := bad.CreateKey(ctx, by, registry.KeyInput{Name: "无审计", Role: "admin"}); err == nil {
		t.Fatal("CreateKey succeeded without its audit entry")
	}
	secret, k, err := good.CreateKey(ctx, by, registry.KeyInput{Name: "有审计", Role: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	if keys, err := store.ListKeys(ctx); err != nil || len(keys) != 1 {
		t.Fatalf("keys after a failed create: %d %v", len(keys), err)
	}
	if _, err := bad.RevokeKey(ctx, by, k.ID); err == nil {
		t.Fatal("RevokeKey succeeded without its audit entry")
	}
	if _, err := store.Authenticate(ctx, secret); err != nil {
		t.Fatalf("the key was revoked without its audit entry: %v", err)
	}
}
