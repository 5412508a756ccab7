package postgres

import (
	"context"
	"net"
	"sync"
	"syscall"
	"time"
)

// The sockets to PostgreSQL are dialled here. A server that stops
// answering without closing its connections (a frozen host, a storage
// stall, a partition without resets) would otherwise leave a read waiting
// forever: TCP keeps a connection open as long as the peer's kernel
// answers, and lib/pq sets no deadline of its own once connected.

// dialer opens the sockets of the pool and of lib/pq's cancel requests.
// It implements pq.Dialer and pq.DialerContext.
type dialer struct {
	net     net.Dialer
	cancel  time.Duration // the whole of a cancel request: connect, send, wait for the close
	ioLimit time.Duration // the longest a read or write may wait without progress; 0 for none
}

func newDialer(o connOptions) *dialer {
	return &dialer{
		net: net.Dialer{
			KeepAliveConfig: net.KeepAliveConfig{Enable: true, Idle: o.keepAliveIdle,
				Interval: o.keepAliveInterval, Count: o.keepAliveCount},
			Control: userTimeoutControl(o.userTimeout),
		},
		cancel:  o.cancelTimeout,
		ioLimit: o.ioLimit,
	}
}

// socketKey carries the *guardedConn slot of a connection being opened
// (see connector.Connect) to DialContext.
type socketKey struct{}

// Dial implements pq.Dialer.
func (d *dialer) Dial(network, address string) (net.Conn, error) {
	return d.DialContext(context.Background(), network, address)
}

// DialTimeout implements pq.Dialer.
func (d *dialer) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return d.DialContext(ctx, network, address)
}

// DialContext implements pq.DialerContext. A connection of the pool comes
// with a slot in ctx (socketKey) that receives the socket, so that the
// connection can cut it when a caller's context ends. Any other dial is
// lib/pq's cancel request, which has no caller to wait for it: it gets the
// short budget d.cancel for everything, connecting included, since it too
// may meet a silent server.
func (d *dialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	slot, pooled := ctx.Value(socketKey{}).(*socketSlot)
	if !pooled {
		ctx, cancel := context.WithTimeout(ctx, d.cancel)
		defer cancel()
		raw, err := d.net.DialContext(ctx, network, address)
		if err != nil {
			return nil, err
		}
		gc := &guardedConn{Conn: raw, limit: time.Now().Add(d.cancel)}
		return gc, gc.SetDeadline(time.Time{})
	}
	raw, err := d.net.DialContext(ctx, network, address)
	if err != nil {
		return nil, err
	}
	gc := &guardedConn{Conn: raw, ioLimit: d.ioLimit}
	slot.set(gc)
	return gc, nil
}

// socketSlot holds the socket of a connection while lib/pq opens it (it may
// dial more than once, for another host or without TLS): cutting the slot
// cuts the current socket and any later one.
type socketSlot struct {
	mu   sync.Mutex
	conn *guardedConn
	cut  bool
}

func (s *socketSlot) set(c *guardedConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.conn = c
	if s.cut {
		c.cut()
	}
}

func (s *socketSlot) cutAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cut = true
	if s.conn != nil {
		s.conn.cut()
	}
}

func (s *socketSlot) get() *guardedConn {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conn
}

// guardedConn is a socket to PostgreSQL whose waits are bounded: by ioLimit
// for each read and write when set, by limit always (no deadline lib/pq
// sets can pass it), and at once after cut, which sets limit in the past
// so that a blocked read or write returns and every later one fails.
type guardedConn struct {
	net.Conn
	ioLimit time.Duration

	mu    sync.Mutex
	limit time.Time // zero: none
	want  time.Time // the deadline lib/pq asked for; zero: none
	isCut bool
}

// Read implements net.Conn.
func (c *guardedConn) Read(p []byte) (int, error) {
	if err := c.arm(c.Conn.SetReadDeadline); err != nil {
		return 0, err
	}
	return c.Conn.Read(p)
}

// Write implements net.Conn.
func (c *guardedConn) Write(p []byte) (int, error) {
	if err := c.arm(c.Conn.SetWriteDeadline); err != nil {
		return 0, err
	}
	return c.Conn.Write(p)
}

// arm gives the next read or write its deadline when each must progress
// within ioLimit.
func (c *guardedConn) arm(set func(time.Time) error) error {
	if c.ioLimit <= 0 {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return set(c.deadlineLocked(time.Now().Add(c.ioLimit)))
}

// SetDeadline implements net.Conn: lib/pq's deadline, never past limit.
func (c *guardedConn) SetDeadline(t time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.want = t
	return c.Conn.SetDeadline(c.deadlineLocked(time.Time{}))
}

// SetReadDeadline implements net.Conn, like SetDeadline.
func (c *guardedConn) SetReadDeadline(t time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.Conn.SetReadDeadline(earliest(t, c.limit))
}

// SetWriteDeadline implements net.Conn, like SetDeadline.
func (c *guardedConn) SetWriteDeadline(t time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.Conn.SetWriteDeadline(earliest(t, c.limit))
}

// cut ends every wait on the socket now, and every later one at once.
func (c *guardedConn) cut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.isCut = true
	c.limit = time.Unix(1, 0)
	_ = c.Conn.SetDeadline(c.limit)
}

// Close implements net.Conn. A socket that was cut is reset rather than
// closed in order: a server that wakes up then finds the connection gone
// at once (its backend ends, its transaction rolls back; a connection
// still in the listen queue is not served) instead of serving it first.
func (c *guardedConn) Close() error {
	c.mu.Lock()
	cut := c.isCut
	c.mu.Unlock()
	if l, ok := c.Conn.(interface{ SetLinger(int) error }); ok && cut {
		_ = l.SetLinger(0)
	}
	return c.Conn.Close()
}

func (c *guardedConn) deadlineLocked(t time.Time) time.Time {
	return earliest(earliest(t, c.want), c.limit)
}

// earliest is the earlier of two deadlines, zero meaning none.
func earliest(a, b time.Time) time.Time {
	switch {
	case a.IsZero():
		return b
	case b.IsZero() || a.Before(b):
		return a
	}
	return b
}

// userTimeoutControl sets TCP_USER_TIMEOUT on TCP sockets where the system
// has it (see sockopt_*.go): data left unacknowledged that long, keepalive
// probes included, ends the connection.
func userTimeoutControl(d time.Duration) func(network, address string, rc syscall.RawConn) error {
	if d <= 0 {
		return nil
	}
	return func(network, _ string, rc syscall.RawConn) error {
		if network != "tcp" && network != "tcp4" && network != "tcp6" {
			return nil
		}
		var serr error
		if err := rc.Control(func(fd uintptr) { serr = setUserTimeout(fd, d) }); err != nil {
			return err
		}
		return serr
	}
}
