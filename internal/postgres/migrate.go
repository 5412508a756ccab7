package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/golang-migrate/migrate/v4"
	pgmigrate "github.com/golang-migrate/migrate/v4/database/postgres"
	"github.com/golang-migrate/migrate/v4/source/iofs"

	"github.com/chengyu-collab/registry/internal/registry"
	schema "github.com/chengyu-collab/registry/sql"
)

// MigrationStatus tells which migrations are applied.
type MigrationStatus struct {
	Current uint   // version applied, 0 for none
	Dirty   bool   // a migration failed half-way
	Latest  uint   // newest version shipped in the binary
	All     []uint // every shipped version, ascending
}

// UpToDate reports whether every shipped migration is applied cleanly.
func (m MigrationStatus) UpToDate() bool { return !m.Dirty && m.Current == m.Latest }

// migrator opens a migrator on a database handle of its own: closing the
// migrator closes that handle, never the store's pool.
func (s *Store) migrator() (*migrate.Migrate, error) {
	src, err := iofs.New(schema.Migrations, "migrations")
	if err != nil {
		return nil, fmt.Errorf("migration source: %w", err)
	}
	db, err := sql.Open("postgres", s.url)
	if err != nil {
		return nil, fmt.Errorf("open database for migrations: %w", err)
	}
	drv, err := pgmigrate.WithInstance(db, &pgmigrate.Config{})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("migration driver: %w", mapError(err))
	}
	m, err := migrate.NewWithInstance("iofs", src, "postgres", drv)
	if err != nil {
		return nil, fmt.Errorf("migrator: %w", err)
	}
	return m, nil
}

// Migrate applies every pending migration. Several replicas may call it at
// once: golang-migrate holds an advisory lock while it works.
func (s *Store) Migrate() error {
	m, err := s.migrator()
	if err != nil {
		return err
	}
	defer m.Close()
	if err := m.Up(); err != nil && !errors.Is(err, migrate.ErrNoChange) {
		return fmt.Errorf("apply migrations: %w", err)
	}
	return s.prepareHot(context.Background())
}

// MigrationStatus reports the applied and shipped versions. It reads the
// version table directly, so that /readyz costs a single query.
func (s *Store) MigrationStatus(ctx context.Context) (MigrationStatus, error) {
	st := MigrationStatus{All: shippedVersions()}
	if len(st.All) > 0 {
		st.Latest = st.All[len(st.All)-1]
	}
	var v int64
	err := s.db.QueryRowContext(ctx, `SELECT version, dirty FROM schema_migrations LIMIT 1`).Scan(&v, &st.Dirty)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return st, nil
	case err != nil:
		var msg = err.Error()
		if strings.Contains(msg, "does not exist") {
			return st, nil
		}
		return st, mapError(fmt.Errorf("read migration version: %w", err))
	}
	st.Current = uint(v)
	return st, nil
}

func shippedVersions() []uint {
	entries, _ := fs.ReadDir(schema.Migrations, "migrations")
	seen := map[uint]bool{}
	var out []uint
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		if !ok {
			continue
		}
		v, err := strconv.ParseUint(num, 10, 32)
		if err != nil || seen[uint(v)] {
			continue
		}
		seen[uint(v)] = true
		out = append(out, uint(v))
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Ready reports whether the database answers and every shipped migration
// is applied; ErrUnavailable otherwise.
func (s *Store) Ready(ctx context.Context) error {
	if err := s.Ping(ctx); err != nil {
		return err
	}
	st, err := s.MigrationStatus(ctx)
	if err != nil {
		return err
	}
	if !st.UpToDate() {
		return fmt.Errorf("%w: schema at version %d (dirty %t), binary expects %d", registry.ErrUnavailable, st.Current, st.Dirty, st.Latest)
	}
	return nil
}

// DurabilityWarnings names the server settings under which an
// acknowledged write could be lost in a crash (fsync or
// synchronous_commit off); empty when the server is durable.
func (s *Store) DurabilityWarnings(ctx context.Context) ([]string, error) {
	var fsync, syncCommit string
	const q = `SELECT current_setting('fsync'), current_setting('synchronous_commit')`
	if err := s.db.QueryRowContext(ctx, q).Scan(&fsync, &syncCommit); err != nil {
		return nil, mapError(fmt.Errorf("read durability settings: %w", err))
	}
	var out []string
	if fsync == "off" {
		out = append(out, "fsync=off: acknowledged writes can be lost in a crash")
	}
	if syncCommit == "off" {
		out = append(out, "synchronous_commit=off: the last acknowledged writes can be lost in a crash")
	}
	return out, nil
}
