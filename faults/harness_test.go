//go:build faults

package faults

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/lib/pq" // registers the "postgres" driver
)

// registryBin is the registry binary TestMain builds.
var registryBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "registry-faults-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	registryBin = filepath.Join(dir, "registry")
	args := []string{"build", "-o", registryBin}
	if os.Getenv("FAULTS_RACE") != "" { // the server with the race detector: slower, and any race fails the test
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, "github.com/chengyu-collab/registry/cmd/registry")...)
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build the registry: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// ---- throwaway PostgreSQL clusters ----

// pgBinDir is where initdb, pg_ctl and postgres live: FAULTS_PG_BIN, or
// PostgreSQL 15's directory on Debian, or the newest version installed.
func pgBinDir(t *testing.T) string {
	if v := os.Getenv("FAULTS_PG_BIN"); v != "" {
		return v
	}
	if _, err := os.Stat("/usr/lib/postgresql/15/bin/initdb"); err == nil {
		return "/usr/lib/postgresql/15/bin"
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return versionOf(dirs[i]) < versionOf(dirs[j]) })
	if len(dirs) == 0 {
		t.Fatal("no PostgreSQL server binaries found: install PostgreSQL 15 or set FAULTS_PG_BIN")
	}
	return dirs[len(dirs)-1]
}

func versionOf(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// cluster is a PostgreSQL cluster of the test's own, in a temporary
// directory, listening on a free loopback port. When the test runs as root
// (which initdb and postgres refuse), the server runs as the postgres user.
type cluster struct {
	t        *testing.T
	bin      string
	dir      string // owned by the server's user: data/, the socket, server.log
	port     int
	settings []string // -c name=value, fsync=on unless the test says otherwise
	runAs    string   // "postgres" when the test runs as root
	running  bool
	stopped  []int // processes paused with SIGSTOP, the postmaster first
}

// newCluster initialises and starts a cluster with the given settings
// (name=value); it is stopped and removed when the test ends.
func newCluster(t *testing.T, settings ...string) *cluster {
	t.Helper()
	if len(settings) == 0 {
		settings = []string{"fsync=on", "synchronous_commit=on"}
	}
	c := &cluster{t: t, bin: pgBinDir(t), port: freePort(t), settings: settings}
	dir, err := os.MkdirTemp("", "registry-faults-pg-")
	if err != nil {
		t.Fatal(err)
	}
	c.dir = dir
	t.Cleanup(func() {
		if c.running {
			_ = c.pgctl("-m", "immediate", "-w", "stop")
		}
		os.RemoveAll(dir)
	})
	if os.Geteuid() == 0 {
		c.runAs = "postgres"
		u, err := user.Lookup(c.runAs)
		if err != nil {
			t.Fatalf("running as root, and there is no postgres user to run PostgreSQL as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	// --no-sync only skips initdb's own final flush of the new files; the
	// server then runs with the settings given (fsync=on by default).
	if out, err := c.command("initdb", "-D", c.data(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
		"--no-locale", "--no-sync").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	c.start()
	return c
}

func (c *cluster) data() string { return filepath.Join(c.dir, "data") }

// command runs a PostgreSQL program, as the postgres user when needed.
func (c *cluster) command(name string, args ...string) *exec.Cmd {
	path := filepath.Join(c.bin, name)
	if c.runAs != "" {
		return exec.Command("runuser", append([]string{"-u", c.runAs, "--", path}, args...)...)
	}
	return exec.Command(path, args...)
}

func (c *cluster) pgctl(args ...string) error {
	args = append([]string{"-D", c.data()}, args...)
	out, err := c.command("pg_ctl", args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// start starts the server and waits until it accepts connections (after
// crash recovery, when there was a crash).
func (c *cluster) start() {
	c.t.Helper()
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=200", c.port, c.dir)
	for _, s := range c.settings {
		opts += " -c " + s
	}
	if err := c.pgctl("-l", filepath.Join(c.dir, "server.log"), "-w", "-t", "60", "-o", opts, "start"); err != nil {
		c.t.Fatalf("%v\n%s", err, c.serverLog())
	}
	c.running = true
}

// crash stops the server the way a crash would: immediate shutdown, every
// backend killed at once, no checkpoint; the next start runs WAL recovery.
func (c *cluster) crash() {
	c.t.Helper()
	if err := c.pgctl("-m", "immediate", "-w", "stop"); err != nil {
		c.t.Fatal(err)
	}
	c.running = false
}

func (c *cluster) serverLog() string {
	b, _ := os.ReadFile(filepath.Join(c.dir, "server.log"))
	return string(b)
}

// url is the URL of database name on the cluster.
func (c *cluster) url(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, name)
}

// open connects the test itself to database name.
func (c *cluster) open(name string) *sql.DB {
	c.t.Helper()
	db, err := sql.Open("postgres", c.url(name))
	if err != nil {
		c.t.Fatal(err)
	}
	c.t.Cleanup(func() { db.Close() })
	return db
}

// freePort returns a loopback port nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// ---- the registry binary ----

// logBuffer collects a process's standard error.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// service is one running `registry serve`.
type service struct {
	t      *testing.T
	cmd    *exec.Cmd
	base   string // http://127.0.0.1:port
	addr   string
	log    *logBuffer
	exited chan struct{}
	err    error // the exit status, once exited is closed
}

// baseEnv is the environment of every registry process: nothing inherited
// but PATH and HOME, the rate limit off.
func baseEnv(dbURL string, extra map[string]string) []string {
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"), "DATABASE_URL=" + dbURL,
		"REGISTRY_RATE_LIMIT=0", "REGISTRY_LOG_LEVEL=info"}
	for k, v := range extra {
		env = append(env, k+"="+v)
	}
	return env
}

// startService runs `registry serve` on a free loopback port and waits
// until it listens. It is killed, if still running, when the test ends.
func startService(t *testing.T, dbURL string, extra map[string]string, args ...string) *service {
	t.Helper()
	s := &service{t: t, log: &logBuffer{}, exited: make(chan struct{})}
	s.cmd = exec.Command(registryBin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	s.cmd.Env = baseEnv(dbURL, extra)
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	listening := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(s.log, line)
			var entry struct{ Msg, Addr string }
			if json.Unmarshal([]byte(line), &entry) == nil && entry.Msg == "listening" {
				listening <- entry.Addr
			}
		}
	}()
	go func() {
		s.err = s.cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			_ = s.cmd.Process.Kill()
			<-s.exited
		}
		if strings.Contains(s.log.String(), "WARNING: DATA RACE") {
			t.Errorf("the registry reported a data race:\n%s", s.log.String())
		}
		if t.Failed() {
			t.Logf("registry log (%s):\n%s", s.addr, tail(s.log.String(), 40))
		}
	})
	select {
	case s.addr = <-listening:
	case <-s.exited:
		t.Fatalf("registry serve exited: %v\n%s", s.err, s.log.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("registry serve did not listen within a minute:\n%s", s.log.String())
	}
	s.base = "http://" + s.addr
	return s
}

// signal sends sig to the process.
func (s *service) signal(sig syscall.Signal) {
	s.t.Helper()
	if err := s.cmd.Process.Signal(sig); err != nil {
		s.t.Fatal(err)
	}
}

// waitLog waits until the process has logged a line containing what.
func (s *service) waitLog(t *testing.T, what string, timeout time.Duration) {
	t.Helper()
	for deadline := time.Now().Add(timeout); !strings.Contains(s.log.String(), what); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the service did not log %s within %v", what, timeout)
		}
	}
}

func tail(s string, lines int) string {
	parts := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(parts) > lines {
		parts = parts[len(parts)-lines:]
	}
	return strings.Join(parts, "\n")
}

// registryCmd runs a registry subcommand against dbURL and returns its
// standard output.
func registryCmd(t *testing.T, dbURL string, args ...string) string {
	t.Helper()
	cmd := exec.Command(registryBin, args...)
	cmd.Env = baseEnv(dbURL, nil)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("registry %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// newKey creates an API key with the CLI and returns its secret.
func newKey(t *testing.T, dbURL, role, org, name string) string {
	t.Helper()
	args := []string{"keys", "create", "--role", role, "--name", name}
	if org != "" {
		args = append(args, "--org", org)
	}
	return strings.TrimSpace(registryCmd(t, dbURL, args...))
}

// ---- HTTP ----

// answer is a received response.
type answer struct {
	status int
	header http.Header
	body   []byte
}

func (a answer) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(a.body, &m); err != nil {
		t.Fatalf("not a JSON object (%d): %v\n%.300s", a.status, err, a.body)
	}
	return m
}

// client sends requests with a bounded wait.
type client struct {
	http *http.Client
}

func newClient(timeout time.Duration) *client {
	return &client{http: &http.Client{Timeout: timeout, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}}
}

// do sends one request; body is sent as JSON unless it is a []byte.
func (c *client) do(ctx context.Context, method, url, key string, body any, header map[string]string) (answer, error) {
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			return answer{}, err
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return answer{}, err
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return answer{}, err
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: raw}, nil
}

// idOf is the id in a JSON answer, or "".
func idOf(a answer) string {
	var rec struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(a.body, &rec)
	return rec.ID
}

// must sends a request that must get the given status.
func (c *client) must(t *testing.T, status int, method, url, key string, body any, header map[string]string) answer {
	t.Helper()
	a, err := c.do(context.Background(), method, url, key, body, header)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	if a.status != status {
		t.Fatalf("%s %s: status %d, want %d: %.400s", method, url, a.status, status, a.body)
	}
	return a
}

// ---- bodies ----

// agreementBody is a valid agreement between two organisations, with one
// child row of each kind, titled after its idempotency key.
func agreementBody(title, orgA, orgB string) map[string]any {
	return map[string]any{
		"title_zh": title, "type": "cooperation", "status": "signed", "signed_on": "2023-06",
		"parties": []any{
			map[string]any{"organization_id": orgA, "role": "signatory"},
			map[string]any{"organization_id": orgB, "role": "signatory"},
		},
		"areas":      []any{map[string]any{"area_code": "ecology", "label_zh": "生态环境保护"}},
		"mechanisms": []any{map[string]any{"kind": "joint_meeting"}},
		"documents":  []any{map[string]any{"title": "协议全文", "url": "https://example.org/a.pdf"}},
	}
}

// jointActionBody is a valid joint action of two organisations with one
// outcome.
func jointActionBody(title, orgA, orgB string) map[string]any {
	return map[string]any{
		"title_zh": title, "kind": "research", "started_on": "2023-03", "status": "completed",
		"participants": []any{
			map[string]any{"organization_id": orgA, "role": "lead"},
			map[string]any{"organization_id": orgB, "role": "partner"},
		},
		"outcomes": []any{map[string]any{"kind": "proposal", "count": 3}},
	}
}

// count runs a counting query.
func count(t *testing.T, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// percentile returns the p-th percentile (0–100) of ds.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(p / 100 * float64(len(s)-1))
	return s[i]
}
