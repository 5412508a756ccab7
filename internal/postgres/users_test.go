package postgres_test

import (
	"context"
	"errors"
	"testing"

	"github.com/chengyu-collab/registry/internal/demo"
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
	_, password, err := accounts.CreateUser(ctx, registry.UserInput{Login: "root", DisplayName: "Root", Role: "admin"})
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
	u, _, err := accounts.CreateUser(ctx, registry.UserInput{Login: "cs", DisplayName: "长寿区政协联络员", Role: "registrar", Organization: "changshou-cppcc"})
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
