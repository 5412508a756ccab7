package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// maxPrepared bounds the statement cache; list statements vary with the
// filters given, so their number is bounded but not small.
const maxPrepared = 512

// statements caches prepared statements by their text. Reads run through
// them, so PostgreSQL parses and plans each statement once per connection
// instead of on every request (planning the statistics statements alone
// costs milliseconds). database/sql prepares a statement on each pooled
// connection the first time it runs there, and again after a reconnect.
type statements struct {
	mu    sync.Mutex
	bySQL map[string]*sql.Stmt
}

// get returns the prepared form of query, or nil when the cache is full.
// With prepare false it only looks: a transaction must not prepare through
// the pool, which would wait for a second connection while holding one (a
// pool of n connections held by n transactions would then deadlock).
func (c *statements) get(ctx context.Context, db *sql.DB, query string, prepare bool) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.bySQL[query]; ok {
		return st, nil
	}
	if !prepare || len(c.bySQL) >= maxPrepared {
		return nil, nil
	}
	st, err := db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.bySQL == nil {
		c.bySQL = map[string]*sql.Stmt{}
	}
	c.bySQL[query] = st
	return st, nil
}

// close closes every cached statement.
func (c *statements) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.bySQL {
		st.Close()
	}
	c.bySQL = nil
}

// preparedQuerier runs reads through the statement cache, inside the
// transaction of the context when there is one.
type preparedQuerier struct {
	s  *Store
	tx *sql.Tx
}

func (p preparedQuerier) plain() querier {
	if p.tx != nil {
		return p.tx
	}
	return p.s.db
}

// stmt returns the prepared statement for query bound to the transaction,
// or nil to run the query unprepared.
func (p preparedQuerier) stmt(ctx context.Context, query string) *sql.Stmt {
	st, err := p.s.stmts.get(ctx, p.s.db, query, p.tx == nil)
	if err != nil || st == nil {
		return nil // unprepared: the error, if any, shows when the query runs
	}
	if p.tx != nil {
		return p.tx.StmtContext(ctx, st) // prepared again on the transaction's own connection if need be
	}
	return st
}

func (p preparedQuerier) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := p.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return p.plain().ExecContext(ctx, query, args...)
}

// hotStatements are prepared when the store opens: the ones that run only
// inside transactions, which never fill the cache themselves. The
// statistics statements of a selection run in the read-only snapshot of
// GetStats; unprepared, PostgreSQL planned them on every request (half
// the throughput of the same statements prepared).
var hotStatements = []string{applyStatsSQL, statsAgreements, statsAgreementProvinces, statsMilestones, statsFromRollupSQL}

// prepareHot fills the statement cache with hotStatements.
func (s *Store) prepareHot(ctx context.Context) error {
	for _, q := range hotStatements {
		if _, err := s.stmts.get(ctx, s.db, q, true); err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
	}
	return nil
}

func (p preparedQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return p.plain().QueryContext(ctx, query, args...)
}

func (p preparedQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return p.plain().QueryRowContext(ctx, query, args...)
}

// has reports whether query is in the cache, that is, whether the store
// runs it prepared outside a transaction and, once there, inside one too.
// TestBenchStatements checks the benchmark's statements with it.
func (c *statements) has(query string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.bySQL[query]
	return ok
}
