package postgres

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lib/pq"
)

// Connections to PostgreSQL that never wait past their caller.
//
// lib/pq reacts to a context that ends by sending a cancel request over a
// new connection and then keeps reading the old one, without a deadline:
// against a server that stops answering but keeps its connections open,
// the query, its cancel request and the request behind them wait for as
// long as the server is silent. The connector below wraps lib/pq's
// connections so that every call carrying a context (queries, statements,
// rows until they are closed, transactions until they commit or roll
// back, pings) cuts the socket when that context ends and the call is
// still waiting shortly after (cutGrace): the blocked read returns, and
// the connection reports itself bad (IsValid, ResetSession), so
// database/sql closes it instead of handing it out again. The sockets come from dialer (dial.go): TCP keepalives and
// TCP_USER_TIMEOUT, a short budget for cancel requests, and an optional
// bound on every read and write for the waits that carry no context.

// Option adjusts how Open connects to PostgreSQL.
type Option func(*connOptions)

// connOptions are the bounds of the pool's connections.
type connOptions struct {
	statementTimeout time.Duration // PostgreSQL's statement_timeout; 0 leaves the server's
	idleInTxTimeout  time.Duration // idle_in_transaction_session_timeout; 0 leaves the server's
	ioLimit          time.Duration // a read or write without progress this long fails; 0 for none
	connectTimeout   time.Duration // connecting and authenticating, when the caller allows longer
	cancelTimeout    time.Duration // a lib/pq cancel request, from connecting to the server's close

	keepAliveIdle, keepAliveInterval time.Duration
	keepAliveCount                   int
	userTimeout                      time.Duration // TCP_USER_TIMEOUT
}

func defaultConnOptions() connOptions {
	return connOptions{
		connectTimeout:    10 * time.Second,
		cancelTimeout:     500 * time.Millisecond,
		keepAliveIdle:     5 * time.Second,
		keepAliveInterval: 2 * time.Second,
		keepAliveCount:    3,
		userTimeout:       15 * time.Second,
	}
}

// WithRequestTimeout derives the connections' bounds from the longest a
// request waits for the database (REGISTRY_REQUEST_TIMEOUT), d:
//
//   - statement_timeout is 3d, so that PostgreSQL itself ends a statement
//     whose request has given up on it, while export pages and the hourly
//     purge of idempotency keys, which run without a request deadline,
//     keep some room;
//   - idle_in_transaction_session_timeout is d: the service never pauses
//     inside a transaction, and a transaction it abandoned (its request
//     answered 503, its connection cut) releases its locks by then even if
//     the server never sees the connection close;
//   - connecting and authenticating may take at most d;
//   - a read or write that makes no progress for 4d (statement_timeout
//     plus d: longer than any answer a live server can take) fails, which
//     bounds the waits that carry no deadline of their own, such as the
//     pages of a CSV export.
func WithRequestTimeout(d time.Duration) Option {
	return func(o *connOptions) {
		if d <= 0 {
			return
		}
		o.statementTimeout = 3 * d
		o.idleInTxTimeout = d
		o.ioLimit = o.statementTimeout + d
		o.connectTimeout = d
	}
}

// connector opens lib/pq connections through dialer and wraps them.
type connector struct {
	pq             *pq.Connector
	connectTimeout time.Duration
}

// newConnector returns the connector of the pool for dsn (a URL or a
// key=value string, as lib/pq reads it).
func newConnector(dsn string, opts ...Option) (*connector, error) {
	o := defaultConnOptions()
	for _, opt := range opts {
		opt(&o)
	}
	cfg, err := pq.NewConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse database URL: %w", err)
	}
	setRuntimeParam(&cfg, "statement_timeout", o.statementTimeout)
	setRuntimeParam(&cfg, "idle_in_transaction_session_timeout", o.idleInTxTimeout)
	pc, err := pq.NewConnectorConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("database connector: %w", err)
	}
	pc.Dialer(newDialer(o))
	return &connector{pq: pc, connectTimeout: o.connectTimeout}, nil
}

// setRuntimeParam sends a setting in milliseconds with every connection's
// start-up packet, unless the URL sets it already.
func setRuntimeParam(cfg *pq.Config, name string, d time.Duration) {
	if d <= 0 {
		return
	}
	if _, set := cfg.Runtime[name]; set {
		return
	}
	if cfg.Runtime == nil {
		cfg.Runtime = map[string]string{}
	}
	cfg.Runtime[name] = strconv.FormatInt(d.Milliseconds(), 10)
}

// Driver implements driver.Connector.
func (c *connector) Driver() driver.Driver { return c.pq.Driver() }

// Connect implements driver.Connector. Connecting is bounded by ctx and by
// connectTimeout: database/sql also opens connections in the background
// with a context that never ends.
func (c *connector) Connect(ctx context.Context) (driver.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, c.connectTimeout)
	defer cancel()
	slot := &socketSlot{}
	stop := context.AfterFunc(ctx, slot.cutAll)
	inner, err := c.pq.Connect(context.WithValue(ctx, socketKey{}, slot))
	if !stop() { // the socket was cut: the connection is useless even if it opened
		if err == nil {
			_ = inner.Close()
		}
		return nil, fmt.Errorf("connect: %w", errors.Join(context.Cause(ctx), err))
	}
	if err != nil {
		return nil, err
	}
	full, ok := inner.(pqConn)
	if !ok || slot.get() == nil {
		_ = inner.Close()
		return nil, fmt.Errorf("connect: unexpected lib/pq connection %T", inner)
	}
	return &watchedConn{inner: full, sock: slot.get()}, nil
}

// pqConn is what lib/pq's connections implement and conn relies on.
type pqConn interface {
	driver.Conn
	driver.ConnPrepareContext
	driver.ConnBeginTx
	driver.QueryerContext
	driver.ExecerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
	driver.NamedValueChecker
}

// watchedConn is a lib/pq connection whose socket is cut when the context of a
// call on it ends before the call is done; it is bad from then on.
type watchedConn struct {
	inner pqConn
	sock  *guardedConn
	bad   atomic.Bool
}

// abandon marks the connection bad and ends every wait on its socket.
func (c *watchedConn) abandon() {
	c.bad.Store(true)
	c.sock.cut()
}

// cutGrace is how long a call whose context ended may still take before
// its connection is cut. lib/pq sends its cancel request as the context
// ends; a live server answers it within milliseconds, and the connection
// stays as lib/pq leaves it. Cutting at once instead would race lib/pq,
// which skips the cancel request when the call has already returned, and
// leave the statement running in PostgreSQL.
const cutGrace = 100 * time.Millisecond

// watch abandons the connection if ctx ends and the call is still not done
// cutGrace later, when the returned function is called. When the cut
// begins just as the call is done, the connection is bad by the time that
// function returns, never later: it must not be cut once database/sql has
// handed it to someone else.
func (c *watchedConn) watch(ctx context.Context) func() {
	if ctx.Done() == nil {
		return func() {}
	}
	var mu sync.Mutex
	var timer *time.Timer
	done := false
	stop := context.AfterFunc(ctx, func() {
		mu.Lock()
		defer mu.Unlock()
		if !done {
			timer = time.AfterFunc(cutGrace, c.abandon)
		}
	})
	return func() {
		if stop() {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		done = true
		if timer != nil && !timer.Stop() {
			c.abandon() // the cut has begun: finish it before the connection goes back
		}
	}
}

// explain adds the reason to the error of a call whose context ended.
func (c *watchedConn) explain(ctx context.Context, err error) error {
	if err == nil || ctx.Err() == nil || !c.bad.Load() {
		return err
	}
	return fmt.Errorf("%w (connection abandoned: %w)", context.Cause(ctx), err)
}

// Prepare implements driver.Conn.
func (c *watchedConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

// PrepareContext implements driver.ConnPrepareContext.
func (c *watchedConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	if c.bad.Load() {
		return nil, driver.ErrBadConn
	}
	stop := c.watch(ctx)
	defer stop()
	st, err := c.inner.PrepareContext(ctx, query)
	if err != nil {
		return nil, c.explain(ctx, err)
	}
	return &watchedStmt{inner: st, conn: c}, nil
}

// Begin implements driver.Conn.
func (c *watchedConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// BeginTx implements driver.ConnBeginTx. The transaction's context is
// watched until it commits or rolls back: database/sql runs its
// statements, and its Commit and Rollback, which take no context, under it.
func (c *watchedConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if c.bad.Load() {
		return nil, driver.ErrBadConn
	}
	stop := c.watch(ctx)
	inner, err := c.inner.BeginTx(ctx, opts)
	if err != nil {
		stop()
		return nil, c.explain(ctx, err)
	}
	return &watchedTx{inner: inner, conn: c, ctx: ctx, stop: stop}, nil
}

// QueryContext implements driver.QueryerContext. The rows keep the context
// watched until they are closed.
func (c *watchedConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if c.bad.Load() {
		return nil, driver.ErrBadConn
	}
	stop := c.watch(ctx)
	r, err := c.inner.QueryContext(ctx, query, args)
	if err != nil {
		stop()
		return nil, c.explain(ctx, err)
	}
	return &watchedRows{Rows: r, stop: stop}, nil
}

// ExecContext implements driver.ExecerContext.
func (c *watchedConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if c.bad.Load() {
		return nil, driver.ErrBadConn
	}
	stop := c.watch(ctx)
	defer stop()
	res, err := c.inner.ExecContext(ctx, query, args)
	return res, c.explain(ctx, err)
}

// Ping implements driver.Pinger.
func (c *watchedConn) Ping(ctx context.Context) error {
	if c.bad.Load() {
		return driver.ErrBadConn
	}
	stop := c.watch(ctx)
	defer stop()
	return c.explain(ctx, c.inner.Ping(ctx))
}

// ResetSession implements driver.SessionResetter: a bad connection is
// closed rather than used again.
func (c *watchedConn) ResetSession(ctx context.Context) error {
	if c.bad.Load() {
		return driver.ErrBadConn
	}
	return c.inner.ResetSession(ctx)
}

// IsValid implements driver.Validator: database/sql closes the connection
// instead of returning it to the pool when it is bad.
func (c *watchedConn) IsValid() bool { return !c.bad.Load() && c.inner.IsValid() }

// CheckNamedValue implements driver.NamedValueChecker as lib/pq does.
func (c *watchedConn) CheckNamedValue(nv *driver.NamedValue) error {
	return c.inner.CheckNamedValue(nv)
}

// Close implements driver.Conn.
func (c *watchedConn) Close() error { return c.inner.Close() }

// watchedTx is a transaction whose context stays watched until it ends.
type watchedTx struct {
	inner driver.Tx
	conn  *watchedConn
	ctx   context.Context
	stop  func()
	done  atomic.Bool
}

// Commit implements driver.Tx.
func (t *watchedTx) Commit() error {
	err := t.inner.Commit()
	t.end()
	return t.conn.explain(t.ctx, err)
}

// Rollback implements driver.Tx.
func (t *watchedTx) Rollback() error {
	err := t.inner.Rollback()
	t.end()
	return t.conn.explain(t.ctx, err)
}

func (t *watchedTx) end() {
	if t.done.CompareAndSwap(false, true) {
		t.stop()
	}
}

// watchedStmt is a prepared statement of a conn; each execution is watched.
type watchedStmt struct {
	inner driver.Stmt
	conn  *watchedConn
}

// Close implements driver.Stmt. It carries no context: a cut socket fails
// it at once, and the dialer's ioLimit bounds it otherwise.
func (s *watchedStmt) Close() error { return s.inner.Close() }

// NumInput implements driver.Stmt.
func (s *watchedStmt) NumInput() int { return s.inner.NumInput() }

// Exec implements driver.Stmt.
func (s *watchedStmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.ExecContext(context.Background(), valuesToNamed(args))
}

// Query implements driver.Stmt.
func (s *watchedStmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.QueryContext(context.Background(), valuesToNamed(args))
}

// ExecContext implements driver.StmtExecContext.
func (s *watchedStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	if s.conn.bad.Load() {
		return nil, driver.ErrBadConn
	}
	stop := s.conn.watch(ctx)
	defer stop()
	var res driver.Result
	var err error
	if sc, ok := s.inner.(driver.StmtExecContext); ok {
		res, err = sc.ExecContext(ctx, args)
	} else if vals, verr := namedToValues(args); verr != nil {
		return nil, verr
	} else {
		res, err = s.inner.Exec(vals) //nolint:staticcheck // a driver without StmtExecContext
	}
	return res, s.conn.explain(ctx, err)
}

// QueryContext implements driver.StmtQueryContext. The rows keep the
// context watched until they are closed.
func (s *watchedStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	if s.conn.bad.Load() {
		return nil, driver.ErrBadConn
	}
	stop := s.conn.watch(ctx)
	var r driver.Rows
	var err error
	if sq, ok := s.inner.(driver.StmtQueryContext); ok {
		r, err = sq.QueryContext(ctx, args)
	} else if vals, verr := namedToValues(args); verr != nil {
		err = verr
	} else {
		r, err = s.inner.Query(vals) //nolint:staticcheck // a driver without StmtQueryContext
	}
	if err != nil {
		stop()
		return nil, s.conn.explain(ctx, err)
	}
	return &watchedRows{Rows: r, stop: stop}, nil
}

func valuesToNamed(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, v := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return out
}

func namedToValues(args []driver.NamedValue) ([]driver.Value, error) {
	out := make([]driver.Value, len(args))
	for i, a := range args {
		if a.Name != "" {
			return nil, fmt.Errorf("postgres: named parameter %q not supported", a.Name)
		}
		out[i] = a.Value
	}
	return out, nil
}

// watchedRows are the rows of a query, whose context stays watched until they
// are closed: reading them waits on the server too. The column-type
// methods pass lib/pq's answers through, with database/sql's defaults for
// a driver without them.
type watchedRows struct {
	driver.Rows
	stop    func()
	stopped atomic.Bool
}

// Close implements driver.Rows.
func (r *watchedRows) Close() error {
	err := r.Rows.Close()
	if r.stopped.CompareAndSwap(false, true) {
		r.stop()
	}
	return err
}

// HasNextResultSet implements driver.RowsNextResultSet.
func (r *watchedRows) HasNextResultSet() bool {
	n, ok := r.Rows.(driver.RowsNextResultSet)
	return ok && n.HasNextResultSet()
}

// NextResultSet implements driver.RowsNextResultSet.
func (r *watchedRows) NextResultSet() error {
	if n, ok := r.Rows.(driver.RowsNextResultSet); ok {
		return n.NextResultSet()
	}
	return io.EOF
}

// ColumnTypeScanType implements driver.RowsColumnTypeScanType.
func (r *watchedRows) ColumnTypeScanType(i int) reflect.Type {
	if c, ok := r.Rows.(driver.RowsColumnTypeScanType); ok {
		return c.ColumnTypeScanType(i)
	}
	return reflect.TypeFor[any]()
}

// ColumnTypeDatabaseTypeName implements driver.RowsColumnTypeDatabaseTypeName.
func (r *watchedRows) ColumnTypeDatabaseTypeName(i int) string {
	if c, ok := r.Rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
		return c.ColumnTypeDatabaseTypeName(i)
	}
	return ""
}

// ColumnTypeLength implements driver.RowsColumnTypeLength.
func (r *watchedRows) ColumnTypeLength(i int) (int64, bool) {
	if c, ok := r.Rows.(driver.RowsColumnTypeLength); ok {
		return c.ColumnTypeLength(i)
	}
	return 0, false
}

// ColumnTypePrecisionScale implements driver.RowsColumnTypePrecisionScale.
func (r *watchedRows) ColumnTypePrecisionScale(i int) (int64, int64, bool) {
	if c, ok := r.Rows.(driver.RowsColumnTypePrecisionScale); ok {
		return c.ColumnTypePrecisionScale(i)
	}
	return 0, 0, false
}
