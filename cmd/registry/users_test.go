package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/registry"
)

// TestUsersCommands runs users create|list|disable|reset-password as an
// administrator would, and checks what each prints and stores.
func TestUsersCommands(t *testing.T) {
	t.Parallel()
	dbURL := freshDatabaseURL(t)
	c := cli{t: t, env: map[string]string{"DATABASE_URL": dbURL}}
	c.ok("seed", "--demo")

	// create prints the one-time password, and nothing else, on stdout.
	out, errOut := c.ok("users", "create", "--org", "changshou-cppcc", "--role", "registrar", "--login", "cs-liaison", "--name", "长寿区政协联络员")
	if strings.Count(out, "\n") != 1 || len(strings.TrimSpace(out)) != 16 {
		t.Fatalf("users create stdout = %q, want one line with a 16-character password", out)
	}
	if !strings.Contains(errOut, "cs-liaison") {
		t.Fatalf("users create stderr = %q", errOut)
	}
	password := strings.TrimSpace(out)

	for _, bad := range [][]string{
		{"--role", "registrar", "--login", "x2", "--name", "n"},                                  // no organisation
		{"--org", "changshou-cppcc", "--role", "boss", "--login", "x3", "--name", "n"},           // no such role
		{"--org", "changshou-cppcc", "--role", "reader", "--login", "Bad Login", "--name", "n"},  // bad login
		{"--org", "changshou-cppcc", "--role", "reader", "--login", "cs-liaison", "--name", "n"}, // taken
		{"--org", "nowhere-cppcc", "--role", "reader", "--login", "x4", "--name", "n"},           // unknown organisation
	} {
		if out, _, err := c.run(append([]string{"users", "create"}, bad...)...); err == nil || out != "" {
			t.Errorf("users create %v: err %v, stdout %q", bad, err, out)
		}
	}
	c.ok("users", "create", "--role", "admin", "--login", "root", "--name", "Administrator")

	out, _ = c.ok("users", "list", "--json")
	var users []map[string]any
	if err := json.Unmarshal([]byte(out), &users); err != nil || len(users) != 2 {
		t.Fatalf("users list --json = %s (%v)", out, err)
	}
	if users[0]["login"] != "cs-liaison" || users[0]["organization"] != "changshou-cppcc" || users[0]["role"] != "registrar" {
		t.Fatalf("first user = %v", users[0])
	}
	if strings.Contains(out, "hash") || strings.Contains(out, "argon2") {
		t.Fatalf("users list shows password hashes: %s", out)
	}
	out, _ = c.ok("users", "list")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], "cs-liaison\t长寿区政协联络员\tregistrar\tchangshou-cppcc\t") {
		t.Fatalf("users list = %q", out)
	}

	// The password signs in; the hash stored is Argon2id.
	ctx := context.Background()
	store, err := postgres.Open(ctx, dbURL, 2)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	accounts := registry.NewAccounts(store, nil)
	u, err := accounts.SignIn(ctx, "cs-liaison", password, "192.0.2.1")
	if err != nil {
		t.Fatalf("sign in with the printed password: %v", err)
	}
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var hash string
	if err := db.QueryRow(`SELECT password_hash FROM users WHERE login = 'cs-liaison'`).Scan(&hash); err != nil ||
		!strings.HasPrefix(hash, "$argon2id$v=19$m=65536,t=3,p=2$") || strings.Contains(hash, password) {
		t.Fatalf("stored hash %q (%v)", hash, err)
	}

	// reset-password prints a new password; the old one stops working and
	// the account's sessions are deleted.
	bindSession(t, db, store, "tok-1", u.ID)
	out, _ = c.ok("users", "reset-password", "cs-liaison")
	newPassword := strings.TrimSpace(out)
	if len(newPassword) != 16 || newPassword == password {
		t.Fatalf("reset-password stdout = %q", out)
	}
	if _, err := accounts.SignIn(ctx, "cs-liaison", password, "192.0.2.1"); !errors.Is(err, registry.ErrUnauthorized) {
		t.Fatalf("old password after reset: %v", err)
	}
	if n := count(t, db, `SELECT count(*) FROM sessions`); n != 0 {
		t.Fatalf("%d sessions left after reset-password", n)
	}

	// disable deletes the sessions and refuses the next sign-in.
	bindSession(t, db, store, "tok-2", u.ID)
	c.ok("users", "disable", "cs-liaison")
	if n := count(t, db, `SELECT count(*) FROM sessions`); n != 0 {
		t.Fatalf("%d sessions left after disable", n)
	}
	if _, err := accounts.SignIn(ctx, "cs-liaison", newPassword, "192.0.2.1"); !errors.Is(err, registry.ErrUnauthorized) {
		t.Fatalf("sign in after disable: %v", err)
	}
	if _, err := accounts.ActiveUser(ctx, u.ID); !errors.Is(err, registry.ErrUnauthorized) {
		t.Fatalf("active user after disable: %v", err)
	}
	if _, _, err := c.run("users", "disable", "nobody"); err == nil {
		t.Fatal("disable of an unknown login succeeded")
	}
	// Each command is audited, as made from the command line, without the
	// passwords or their hash.
	var actions, requests, held string
	if err := db.QueryRow(`SELECT string_agg(action, ' ' ORDER BY id), string_agg(DISTINCT request_id, ' '),
		string_agg(coalesce(before::text, '') || after::text, ' ') FROM audit_log WHERE entity = 'user' AND entity_id = $1`,
		u.ID).Scan(&actions, &requests, &held); err != nil {
		t.Fatal(err)
	}
	if actions != "create reset_password disable" || !strings.HasPrefix(requests, "cli:") || strings.Contains(requests, " ") {
		t.Errorf("audit of the users commands: %q by %q", actions, requests)
	}
	for _, secret := range []string{password, newPassword, hash, "password"} {
		if strings.Contains(held, secret) {
			t.Errorf("the audit holds %q: %s", secret, held)
		}
	}
}

// bindSession stores a session row as the console's session manager would
// and binds it to the user.
func bindSession(t *testing.T, db *sql.DB, store *postgres.Store, token, userID string) {
	t.Helper()
	if _, err := db.Exec(`INSERT INTO sessions (token, data, expiry) VALUES ($1, '\x00', now() + interval '1 hour')`, token); err != nil {
		t.Fatal(err)
	}
	if err := store.BindSession(context.Background(), token, userID); err != nil {
		t.Fatal(err)
	}
}
