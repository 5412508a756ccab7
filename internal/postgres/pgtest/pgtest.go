// Package pgtest gives each test a fresh, migrated PostgreSQL database.
//
// The server is named by TEST_DATABASE_URL (default: the local server over
// TCP with trust authentication). The first test of a test binary builds a
// template database holding every migration; each test then gets a copy of
// it (CREATE DATABASE ... TEMPLATE, a file copy, much faster than
// migrating), which is dropped when the test ends.
package pgtest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	_ "github.com/lib/pq" // registers the "postgres" driver

	"github.com/chengyu-collab/registry/internal/postgres"
	schema "github.com/chengyu-collab/registry/sql"
)

// DefaultServerURL is used when TEST_DATABASE_URL is not set.
const DefaultServerURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

var (
	templateOnce sync.Once
	templateName string
	templateErr  error
)

// ServerURL returns the URL of the maintenance database of the test server.
func ServerURL() string {
	if v := os.Getenv("TEST_DATABASE_URL"); v != "" {
		return v
	}
	return DefaultServerURL
}

// withDatabase returns serverURL with its database replaced by name.
func withDatabase(serverURL, name string) (string, error) {
	u, err := url.Parse(serverURL)
	if err != nil {
		return "", fmt.Errorf("parse TEST_DATABASE_URL: %w", err)
	}
	u.Path = "/" + name
	return u.String(), nil
}

// New returns the URL of a fresh migrated database and an open Store on it;
// both are closed and dropped when the test ends.
func New(t testing.TB) (*postgres.Store, string) {
	t.Helper()
	ctx := context.Background()
	admin, err := sql.Open("postgres", ServerURL())
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() { admin.Close() })
	templateOnce.Do(func() { templateName, templateErr = buildTemplate(ctx, admin) })
	if templateErr != nil {
		t.Fatalf("pgtest: template database: %v (is PostgreSQL running at %s?)", templateErr, ServerURL())
	}
	name := "registry_test_" + strings.ReplaceAll(uuid.NewString(), "-", "")
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name+` TEMPLATE `+templateName); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	dbURL, err := withDatabase(ServerURL(), name)
	if err != nil {
		t.Fatal(err)
	}
	store, err := postgres.Open(ctx, dbURL, 10)
	if err != nil {
		t.Fatalf("pgtest: open: %v", err)
	}
	t.Cleanup(func() {
		store.Close()
		if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			t.Logf("pgtest: drop %s: %v", name, err)
		}
	})
	return store, dbURL
}

// buildTemplate creates, once per migration set, a template database holding
// every migration. Test binaries running in parallel serialise on an
// advisory lock; the name carries a hash of the migrations, so a changed
// migration gets a new template.
func buildTemplate(ctx context.Context, admin *sql.DB) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(schema.Migrations, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(schema.Migrations, path)
		h.Write([]byte(path))
		h.Write(b)
		return err
	})
	if err != nil {
		return "", err
	}
	name := "registry_template_" + hex.EncodeToString(h.Sum(nil))[:16]
	conn, err := admin.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(727274)`); err != nil {
		return "", err
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock(727274)`)
	var exists bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return "", err
	}
	if exists {
		return name, nil
	}
	building := name + "_building"
	if _, err := conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+building+` WITH (FORCE)`); err != nil {
		return "", err
	}
	if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+building); err != nil {
		return "", err
	}
	dbURL, err := withDatabase(ServerURL(), building)
	if err != nil {
		return "", err
	}
	store, err := postgres.Open(ctx, dbURL, 2)
	if err != nil {
		return "", err
	}
	err = store.Migrate()
	store.Close()
	if err != nil {
		return "", err
	}
	// Backends of the closed pool may take a moment to exit.
	for i := 0; ; i++ {
		_, err = conn.ExecContext(ctx, `ALTER DATABASE `+building+` RENAME TO `+name)
		if err == nil || i == 50 {
			return name, err
		}
		time.Sleep(100 * time.Millisecond)
	}
}
