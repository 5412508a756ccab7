package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	_ "github.com/lib/pq"

	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/postgres/pgtest"
	"github.com/chengyu-collab/registry/internal/registry"
	schema "github.com/chengyu-collab/registry/sql"
)

// env is a getenv over a fixed set of variables.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// syncBuffer is a bytes.Buffer safe for a server's goroutines to write to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// cli runs the program with the given environment.
type cli struct {
	t   *testing.T
	env map[string]string
}

// run runs one command and returns its output.
func (c cli) run(args ...string) (stdout, stderr string, err error) {
	c.t.Helper()
	var out, errOut bytes.Buffer
	err = run(context.Background(), args, env(c.env), &out, &errOut)
	return out.String(), errOut.String(), err
}

// ok runs a command that must succeed.
func (c cli) ok(args ...string) (stdout, stderr string) {
	c.t.Helper()
	stdout, stderr, err := c.run(args...)
	if err != nil {
		c.t.Fatalf("registry %s: %v\nstderr: %s", strings.Join(args, " "), err, stderr)
	}
	return stdout, stderr
}

// freshDatabaseURL names a database that does not exist yet on the test
// server; it is dropped when the test ends.
func freshDatabaseURL(t *testing.T) string {
	t.Helper()
	name := "registry_cmd_" + strings.ReplaceAll(uuid.NewString(), "-", "")
	u, err := url.Parse(pgtest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	t.Cleanup(func() {
		admin, err := sql.Open("postgres", pgtest.ServerURL())
		if err != nil {
			t.Logf("drop %s: %v", name, err)
			return
		}
		defer admin.Close()
		if _, err := admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			t.Logf("drop %s: %v", name, err)
		}
	})
	return u.String()
}

func shippedMigrations(t *testing.T) int {
	t.Helper()
	entries, err := fs.ReadDir(schema.Migrations, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".up.sql") {
			n++
		}
	}
	return n
}

func count(t *testing.T, db *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

var statusLine = regexp.MustCompile(`^(\d{4})\t(applied|pending)$`)

// migrationStates parses the output of migrate status.
func migrationStates(t *testing.T, out string) []string {
	t.Helper()
	var states []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		m := statusLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("migrate status line %q", line)
		}
		states = append(states, m[2])
	}
	return states
}

func TestCommandLineLifecycle(t *testing.T) {
	t.Parallel()
	dbURL := freshDatabaseURL(t)
	c := cli{t: t, env: map[string]string{"DATABASE_URL": dbURL}}
	want := shippedMigrations(t)

	// A database that does not exist yet is created; nothing is applied.
	out, _ := c.ok("migrate", "status")
	states := migrationStates(t, out)
	if len(states) != want {
		t.Fatalf("migrate status lists %d migrations, want %d:\n%s", len(states), want, out)
	}
	for _, s := range states {
		if s != "pending" {
			t.Fatalf("fresh database: %s", out)
		}
	}
	out, _ = c.ok("migrate", "up")
	for _, s := range migrationStates(t, out) {
		if s != "applied" {
			t.Fatalf("after migrate up: %s", out)
		}
	}
	out, errOut := c.ok("migrate", "status")
	if states := migrationStates(t, out); len(states) != want || strings.Contains(out, "pending") {
		t.Fatalf("migrate status after up:\n%s", out)
	}
	if !strings.Contains(errOut, "up to date") {
		t.Fatalf("migrate status stderr = %q", errOut)
	}
	if _, _, err := c.run("migrate", "down"); err == nil {
		t.Fatal("migrate down succeeded; only up and status exist")
	}
	if _, _, err := c.run("migrate"); err == nil {
		t.Fatal("migrate without a subcommand succeeded")
	}

	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if n := count(t, db, `SELECT count(*) FROM regions`); n != 244 {
		t.Fatalf("regions = %d, want 244", n)
	}

	// seed --demo twice: the second run changes nothing.
	if _, _, err := c.run("seed"); err == nil {
		t.Fatal("seed without --demo succeeded")
	}
	out, _ = c.ok("seed", "--demo")
	if out != "" {
		t.Fatalf("seed printed on stdout: %q", out)
	}
	snapshot := func() [4]int {
		return [4]int{
			count(t, db, `SELECT count(*) FROM organizations`),
			count(t, db, `SELECT count(*) FROM agreements`),
			count(t, db, `SELECT count(*) FROM audit_log`),
			count(t, db, `SELECT coalesce(sum(version), 0) FROM organizations`) + count(t, db, `SELECT coalesce(sum(version), 0) FROM agreements`),
		}
	}
	first := snapshot()
	if first[0] < 10 || first[1] < 1 {
		t.Fatalf("after seed: %d organisations, %d agreements", first[0], first[1])
	}
	c.ok("seed", "--demo")
	if second := snapshot(); second != first {
		t.Fatalf("second seed changed the data: organisations, agreements, audit entries, versions = %v, then %v", first, second)
	}

	// keys create prints the key and nothing else on stdout.
	out, errOut = c.ok("keys", "create", "--role", "registrar", "--org", "changshou-cppcc", "--name", "x")
	if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "\n") || !strings.HasPrefix(out, "ccr_") {
		t.Fatalf("keys create stdout = %q, want exactly one line with the key", out)
	}
	registrarSecret := strings.TrimSuffix(out, "\n")
	if strings.ContainsAny(registrarSecret, " \t") || len(registrarSecret) < 40 {
		t.Fatalf("key %q", registrarSecret)
	}
	if strings.Contains(errOut, registrarSecret) {
		t.Fatal("the key was also written to stderr")
	}
	for _, args := range [][]string{
		{"keys", "create", "--role", "registrar", "--name", "no-org"},
		{"keys", "create", "--role", "reader", "--name", "no-org"},
		{"keys", "create", "--role", "registrar", "--org", "no-such-org", "--name", "x"},
		{"keys", "create", "--role", "superuser", "--name", "x"},
		{"keys", "create", "--role", "admin"},
		{"keys", "create", "--role", "admin", "--name", "   "},
		{"keys", "create", "--bogus-flag"},
		{"keys", "rotate"},
		{"keys"},
	} {
		out, _, err := c.run(args...)
		if err == nil {
			t.Fatalf("registry %s succeeded", strings.Join(args, " "))
		}
		if out != "" {
			t.Fatalf("registry %s printed %q on stdout", strings.Join(args, " "), out)
		}
	}
	if _, _, err := c.run("keys", "create", "--role", "registrar", "--name", "no-org"); err == nil || !strings.Contains(err.Error(), "--org") {
		t.Fatalf("registrar without --org: %v, want an error naming --org", err)
	}
	out, _ = c.ok("keys", "create", "--role", "admin", "--name", "boot")
	if strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, "ccr_") {
		t.Fatalf("admin key stdout = %q", out)
	}
	adminSecret := strings.TrimSuffix(out, "\n")

	// The printed keys work.
	store, err := postgres.Open(context.Background(), dbURL, 2)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	actor, err := store.Authenticate(context.Background(), registrarSecret)
	if err != nil || actor.Role != registry.RoleRegistrar || actor.OrganizationID == "" {
		t.Fatalf("registrar key authenticates as %+v, %v", actor, err)
	}
	if n := count(t, db, `SELECT count(*) FROM api_keys`); n != 2 {
		t.Fatalf("api_keys = %d, want the 2 created (failed creates wrote nothing)", n)
	}

	// keys list: 7 tab-separated fields, - for empty values.
	out, _ = c.ok("keys", "list")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("keys list = %q, want 2 lines", out)
	}
	rows := map[string][]string{}
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			t.Fatalf("keys list line %q has %d fields, want 7", line, len(f))
		}
		if _, err := uuid.Parse(f[0]); err != nil {
			t.Fatalf("key id %q: %v", f[0], err)
		}
		if _, err := time.Parse(time.RFC3339, f[4]); err != nil {
			t.Fatalf("created %q: %v", f[4], err)
		}
		for i, v := range f {
			if v == "" {
				t.Fatalf("field %d of %q is empty, want -", i, line)
			}
		}
		rows[f[1]] = f
	}
	reg, admin := rows["x"], rows["boot"]
	if reg == nil || admin == nil {
		t.Fatalf("keys list lacks x or boot: %q", out)
	}
	if reg[2] != "registrar" || reg[3] != "changshou-cppcc" || reg[6] != "-" {
		t.Fatalf("registrar key line = %q", reg)
	}
	if _, err := time.Parse(time.RFC3339, reg[5]); err != nil {
		t.Fatalf("the used key's last used = %q: %v", reg[5], err)
	}
	if admin[2] != "admin" || admin[3] != "-" || admin[5] != "-" || admin[6] != "-" {
		t.Fatalf("admin key line = %q, want - for organisation, last used and revoked", admin)
	}

	// keys list --json: the contract's field names.
	out, _ = c.ok("keys", "list", "--json")
	var keys []map[string]any
	if err := json.Unmarshal([]byte(out), &keys); err != nil {
		t.Fatalf("keys list --json is not a JSON array: %v\n%s", err, out)
	}
	if len(keys) != 2 {
		t.Fatalf("keys list --json = %d keys", len(keys))
	}
	fields := []string{"id", "name", "role", "organization", "created_at", "last_used_at", "revoked_at"}
	byName := map[string]map[string]any{}
	for _, k := range keys {
		if len(k) != len(fields) {
			t.Fatalf("key object %v, want exactly the fields %v", k, fields)
		}
		for _, f := range fields {
			if _, ok := k[f]; !ok {
				t.Fatalf("key object %v lacks %s", k, f)
			}
		}
		byName[k["name"].(string)] = k
	}
	if k := byName["x"]; k["id"] != reg[0] || k["role"] != "registrar" || k["organization"] != "changshou-cppcc" || k["revoked_at"] != nil {
		t.Fatalf("registrar key JSON = %v", k)
	}
	if k := byName["boot"]; k["id"] != admin[0] || k["organization"] != nil || k["last_used_at"] != nil || k["revoked_at"] != nil {
		t.Fatalf("admin key JSON = %v", k)
	}

	// keys revoke: the list shows when, the key stops working.
	out, _ = c.ok("keys", "revoke", admin[0])
	if out != "" {
		t.Fatalf("keys revoke printed %q on stdout", out)
	}
	out, _ = c.ok("keys", "list")
	var revokedAt string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		f := strings.Split(line, "\t")
		switch f[0] {
		case admin[0]:
			revokedAt = f[6]
		case reg[0]:
			if f[6] != "-" {
				t.Fatalf("the registrar key was revoked too: %q", line)
			}
		}
	}
	at, err := time.Parse(time.RFC3339, revokedAt)
	if err != nil || time.Since(at) > time.Hour || time.Until(at) > time.Minute {
		t.Fatalf("revoked time %q: %v", revokedAt, err)
	}
	if _, err := store.Authenticate(context.Background(), adminSecret); !errors.Is(err, registry.ErrUnauthorized) {
		t.Fatalf("revoked key authenticates: %v", err)
	}
	revokedJSON := func() time.Time {
		out, _ := c.ok("keys", "list", "--json")
		var keys []struct {
			ID        string     `json:"id"`
			RevokedAt *time.Time `json:"revoked_at"`
		}
		if err := json.Unmarshal([]byte(out), &keys); err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if k.ID == admin[0] && k.RevokedAt != nil {
				return *k.RevokedAt
			}
		}
		t.Fatalf("keys list --json shows no revoked time for %s:\n%s", admin[0], out)
		return time.Time{}
	}
	firstRevoked := revokedJSON()
	if !firstRevoked.Truncate(time.Second).Equal(at) {
		t.Fatalf("revoked at %s in JSON, %s in the list", firstRevoked, at)
	}
	c.ok("keys", "revoke", admin[0]) // revoking again keeps the first time
	if again := revokedJSON(); !again.Equal(firstRevoked) {
		t.Fatalf("second revoke moved the time from %s to %s", firstRevoked, again)
	}
	for _, id := range []string{uuid.NewString(), "not-a-uuid"} {
		if _, _, err := c.run("keys", "revoke", id); err == nil {
			t.Fatalf("keys revoke %s succeeded", id)
		}
	}
	if _, _, err := c.run("keys", "revoke"); err == nil {
		t.Fatal("keys revoke without an id succeeded")
	}
	// keys create and revoke are audited as made from the command line,
	// without the secret or its hash.
	var actions, requests, held string
	if err := store.DB().QueryRow(`SELECT string_agg(action, ' ' ORDER BY id), string_agg(DISTINCT request_id, ' '),
		string_agg(coalesce(before::text, '') || after::text, ' ') FROM audit_log WHERE entity = 'api_key' AND entity_id = $1`,
		admin[0]).Scan(&actions, &requests, &held); err != nil {
		t.Fatal(err)
	}
	if actions != "create revoke revoke" || !strings.HasPrefix(requests, "cli:") || strings.Contains(requests, " ") {
		t.Errorf("audit of the keys commands: %q by %q", actions, requests)
	}
	if strings.Contains(held, adminSecret) || strings.Contains(held, "secret") || strings.Contains(held, "hash") {
		t.Errorf("the audit holds the key's secret or hash: %s", held)
	}
}

func TestUnreachableDatabaseIsOneClearLine(t *testing.T) {
	t.Parallel()
	cases := []struct {
		url, masked string // masked: what the message shows instead
	}{
		{"postgres://u:secret@127.0.0.1:1/x?sslmode=disable", "postgres://u:xxxxx@127.0.0.1:1/x?sslmode=disable"},
		{"postgres://u:se%40cret@127.0.0.1:1/x?sslmode=disable", "postgres://u:xxxxx@127.0.0.1:1/x?sslmode=disable"},
		{"postgres://u@127.0.0.1:1/x?password=secret&sslmode=disable", "postgres://u@127.0.0.1:1/x?password=xxxxx&sslmode=disable"},
		{"host=127.0.0.1 port=1 user=u password=secret dbname=x sslmode=disable",
			"host=127.0.0.1 port=1 user=u password=xxxxx dbname=x sslmode=disable"},
		{"host=127.0.0.1 port=1 user=u password='se cret' dbname=x sslmode=disable",
			"host=127.0.0.1 port=1 user=u password=xxxxx dbname=x sslmode=disable"},
		{"postgres://u:secret@ho st/x", ""}, // does not parse: named, not shown
	}
	for _, tc := range cases {
		c := cli{t: t, env: map[string]string{"DATABASE_URL": tc.url}}
		for _, args := range [][]string{
			{"migrate", "status"},
			{"migrate", "up"},
			{"seed", "--demo"},
			{"keys", "list"},
			{"keys", "create", "--role", "admin", "--name", "x"},
			{"serve", "--addr", "127.0.0.1:0"},
		} {
			out, errOut, err := c.run(args...)
			if err == nil {
				t.Fatalf("DATABASE_URL=%s registry %s succeeded without a database", tc.url, strings.Join(args, " "))
			}
			msg := err.Error()
			for _, s := range []string{msg, out, errOut} {
				if strings.Contains(s, "secret") || strings.Contains(s, "cret") {
					t.Fatalf("registry %s shows the password of %s: %q", strings.Join(args, " "), tc.url, s)
				}
			}
			if !strings.Contains(msg, tc.masked) || !strings.Contains(msg, "DATABASE_URL") {
				t.Fatalf("registry %s: error %q, want the masked URL %q and a hint at DATABASE_URL", strings.Join(args, " "), msg, tc.masked)
			}
			if strings.Contains(msg, "\n") {
				t.Fatalf("error is not one line: %q", msg)
			}
		}
	}
}

func TestBadConfigurationAndUsage(t *testing.T) {
	t.Parallel()
	for name, vars := range map[string]map[string]string{
		"REGISTRY_RATE_LIMIT":        {"REGISTRY_RATE_LIMIT": "-1"},
		"REGISTRY_READ_REQUIRES_KEY": {"REGISTRY_READ_REQUIRES_KEY": "perhaps"},
		"REGISTRY_LOG_LEVEL":         {"REGISTRY_LOG_LEVEL": "loud"},
		"REGISTRY_SHUTDOWN_GRACE":    {"REGISTRY_SHUTDOWN_GRACE": "0s"},
		"REGISTRY_DB_MAX_CONNS":      {"REGISTRY_DB_MAX_CONNS": "0"},
	} {
		c := cli{t: t, env: vars}
		_, _, err := c.run("migrate", "status")
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%v: err = %v, want one naming %s", vars, err, name)
		}
	}
	c := cli{t: t, env: map[string]string{}}
	if _, _, err := c.run(); err == nil {
		t.Error("no command succeeded")
	}
	if _, errOut, err := c.run("frobnicate"); err == nil || !strings.Contains(errOut, "usage") {
		t.Errorf("unknown command: err %v, stderr %q", err, errOut)
	}
	if out, _, err := c.run("help"); err != nil || !strings.Contains(out, "registry serve") {
		t.Errorf("help: %v, %q", err, out)
	}
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestServeShutsDownGracefully(t *testing.T) {
	t.Parallel()
	_, dbURL := pgtest.New(t)
	addr := freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--demo"}, env(map[string]string{
			"DATABASE_URL":            dbURL,
			"REGISTRY_ADDR":           "127.0.0.1:1", // the flag wins
			"REGISTRY_SHUTDOWN_GRACE": "5s",
		}), &bytes.Buffer{}, &stderr)
	}()

	client := &http.Client{Timeout: 2 * time.Second}
	base := "http://" + addr
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := client.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case err := <-done:
			t.Fatalf("serve returned before it was ready: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz not 200 within 20s (last error %v)\n%s", err, stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	resp, err := client.Get(base + "/v1/organizations/changshou-cppcc")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("X-Request-ID") == "" {
		t.Fatalf("GET an organisation of the demo data: %d", resp.StatusCode)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v after cancellation, want nil\n%s", err, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("serve did not return within 15s of cancellation\n%s", stderr.String())
	}
	if _, err := client.Get(base + "/healthz"); err == nil {
		t.Fatal("still listening after serve returned")
	}
	logs := stderr.String()
	for _, want := range []string{`"msg":"listening"`, `"msg":"shutting down"`, `"msg":"stopped"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %s:\n%s", want, logs)
		}
	}
}
