// Package postgres stores the registry in PostgreSQL through lib/pq. It maps
// database errors to the registry's sentinel errors in one place (errors.go)
// and never imports net/http.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/chengyu-collab/registry/internal/registry"
	_ "github.com/lib/pq" // registers the "postgres" driver
)

// Store is the registry's PostgreSQL storage.
type Store struct {
	db    *sql.DB
	url   string // kept for migrations, which use a connection of their own
	now   func() time.Time
	stmts statements
}

// Open connects to the database at url and checks that it answers. Its
// connections never wait past the context of a call (conn.go); opts bound
// them further (WithRequestTimeout).
func Open(ctx context.Context, url string, maxConns int, opts ...Option) (*Store, error) {
	connector, err := newConnector(url, opts...)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	db := sql.OpenDB(connector)
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	s := &Store{db: db, url: url, now: time.Now}
	_ = s.prepareHot(ctx) // fails harmlessly before the first migration; Migrate tries again
	return s, nil
}

// Close closes the prepared statements and the connection pool.
func (s *Store) Close() error {
	s.stmts.close()
	return s.db.Close()
}

// DB returns the underlying handle, for the pool statistics of /metrics.
func (s *Store) DB() *sql.DB { return s.db }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return mapError(err)
	}
	return nil
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type txKey struct{}

// q returns a querier for reads: the transaction carried by ctx, if any,
// or the pool, with statements prepared once and reused.
func (s *Store) q(ctx context.Context) querier {
	tx, _ := ctx.Value(txKey{}).(*sql.Tx)
	return preparedQuerier{s: s, tx: tx}
}

// unprepared returns the transaction carried by ctx, or the pool, without
// the statement cache. Filtered lists use it: a prepared statement soon
// runs on a generic plan, made without the filter values, and for a date
// range that plan read every record of the range to sort a page of them
// (0.6 s a page of a CSV export, against 5 ms with a plan for the values).
func (s *Store) unprepared(ctx context.Context) querier {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return tx
	}
	return s.db
}

// maxAttempts bounds the retries of a transaction that PostgreSQL aborted
// for a serialization failure or a deadlock.
const maxAttempts = 5

// inTx runs fn in a transaction: the one ctx already carries (so that an
// idempotent request and its write commit together) or a new one that is
// committed when fn succeeds and rolled back otherwise. A transaction of
// its own that fails with a serialization failure or a deadlock is run
// again, so such failures never reach the client.
func (s *Store) inTx(ctx context.Context, fn func(ctx context.Context, tx *sql.Tx) error) error {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return fn(ctx, tx)
	}
	var hooks *commitHooks
	err := retry(ctx, func() error {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return mapError(fmt.Errorf("begin: %w", err))
		}
		defer tx.Rollback()
		hooks = &commitHooks{}
		if err := fn(context.WithValue(context.WithValue(ctx, txKey{}, tx), commitHooksKey{}, hooks), tx); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return mapError(fmt.Errorf("commit: %w", err))
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Outside retry: a hook's error must not run the committed
	// transaction again.
	return hooks.run(ctx)
}

// retry runs attempt again, with a short growing pause, while it fails
// with a transient transaction error.
func retry(ctx context.Context, attempt func() error) error {
	var err error
	for i := 0; i < maxAttempts; i++ {
		if err = attempt(); !errors.Is(err, registry.ErrTransient) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(i+1) * 5 * time.Millisecond):
		}
	}
	return fmt.Errorf("%w: transaction kept conflicting: %v", registry.ErrUnavailable, err)
}

// newID returns a time-ordered UUID (version 7).
func newID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}

// isUUID reports whether s is a UUID in canonical form.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	_, err := uuid.Parse(s)
	return err == nil
}

func nullString(p *string) sql.NullString {
	if p == nil {
		return sql.NullString{}
	}
	return sql.NullString{String: *p, Valid: true}
}

func stringPtr(n sql.NullString) *string {
	if !n.Valid {
		return nil
	}
	v := n.String
	return &v
}

func timePtr(n sql.NullTime) *time.Time {
	if !n.Valid {
		return nil
	}
	v := n.Time.UTC()
	return &v
}

var errNoRows = sql.ErrNoRows

func notFound(err error) bool { return errors.Is(err, errNoRows) }

// InTx runs fn in one transaction; every store call made with the context
// fn receives joins it. A transaction PostgreSQL aborts for a
// serialization failure or a deadlock is run again.
func (s *Store) InTx(ctx context.Context, fn func(ctx context.Context) error) error {
	return s.inTx(ctx, func(ctx context.Context, _ *sql.Tx) error { return fn(ctx) })
}

// lockRow takes the row lock of one record (by its key column) in the
// transaction of ctx; ErrNotFound when there is none.
func (s *Store) lockRow(ctx context.Context, table, keyColumn, key string) error {
	if keyColumn == "id" && !isUUID(key) {
		return registry.ErrNotFound
	}
	return s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE `+keyColumn+` = $1 FOR UPDATE`, key).Scan(&one)
		if notFound(err) {
			return registry.ErrNotFound
		}
		if err != nil {
			return mapError(fmt.Errorf("lock %s: %w", table, err))
		}
		return nil
	})
}

// archiveRow sets archived_at on one record and raises its version.
func (s *Store) archiveRow(ctx context.Context, table, id string) error {
	return s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		q := `UPDATE ` + table + ` SET archived_at = now(), version = version + 1, updated_at = now() WHERE id = $1`
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return mapError(fmt.Errorf("archive %s: %w", table, err))
		}
		return nil
	})
}

// nullText is an optional enum or text value as a column value.
func nullText[S ~string](p *S) sql.NullString {
	if p == nil {
		return sql.NullString{}
	}
	return sql.NullString{String: string(*p), Valid: true}
}

// Store is the storage of the registry's Service.
var _ registry.Store = (*Store)(nil)
