//go:build faults

package faults

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lib/pq"
)

// write is one create a writer sent: its idempotency key, collection and
// body, and what came of it.
type write struct {
	key, path string
	body      map[string]any
	id        string // set once acknowledged (201)
}

// outageLedger records every write of the outage test.
type outageLedger struct {
	mu       sync.Mutex
	acked    []write // answered 201
	failed   []write // answered 503 (or the connection broke): retried later with the same key
	wrong    []string
	statuses map[int]int
}

func (l *outageLedger) note(w write, a answer, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case err != nil:
		l.failed = append(l.failed, w)
		l.statuses[0]++
	case a.status == http.StatusCreated:
		l.acked = append(l.acked, w)
		l.statuses[a.status]++
	case a.status == http.StatusServiceUnavailable:
		l.failed = append(l.failed, w)
		l.statuses[a.status]++
		if a.header.Get("Retry-After") == "" || !strings.HasPrefix(a.header.Get("Content-Type"), "application/problem+json") {
			l.wrong = append(l.wrong, fmt.Sprintf("503 without Retry-After or problem body: %v %.200s", a.header, a.body))
		}
	default:
		l.statuses[a.status]++
		l.wrong = append(l.wrong, fmt.Sprintf("%s %s: status %d: %.300s", w.path, w.key, a.status, a.body))
	}
}

// TestDatabaseOutageUnderLoad crashes PostgreSQL (immediate shutdown: every
// backend killed, no checkpoint) under concurrent writers and starts it
// again. During the outage writes and /readyz answer 503 with Retry-After,
// never 500; the service serves writes again within 5 s of the database
// being ready, without a restart; afterwards every acknowledged write is
// there with its child rows and exactly one audit entry, no record lacks
// either, and a write retried with its Idempotency-Key exists exactly once.
func TestDatabaseOutageUnderLoad(t *testing.T) {
	pg := newCluster(t)
	dbURL := pg.url("registry")
	svc := startService(t, dbURL, map[string]string{"REGISTRY_DB_MAX_CONNS": "10"})
	admin := newKey(t, dbURL, "admin", "", "faults admin")
	c := newClient(15 * time.Second)
	for _, code := range []string{"faults-a", "faults-b"} {
		c.must(t, 201, "POST", svc.base+"/v1/organizations", admin,
			map[string]any{"code": code, "kind": "other", "name_zh": "故障测试 " + code}, nil)
	}

	ledger := &outageLedger{statuses: map[int]int{}}
	ctx, stopWriters := context.WithCancel(context.Background())
	var writers sync.WaitGroup
	const nWriters = 8
	for i := range nWriters {
		writers.Add(1)
		go func() {
			defer writers.Done()
			for n := 0; ctx.Err() == nil; n++ {
				key := fmt.Sprintf("outage-w%d-%d", i, n)
				w := write{key: key, path: "/v1/joint-actions", body: jointActionBody("故障 "+key, "faults-a", "faults-b")}
				if i%2 == 0 {
					w.path, w.body = "/v1/agreements", agreementBody("故障 "+key, "faults-a", "faults-b")
				}
				a, err := c.do(context.Background(), "POST", svc.base+w.path, admin, w.body, map[string]string{"Idempotency-Key": key})
				if err == nil && a.status == http.StatusCreated {
					w.id = idOf(a)
				}
				ledger.note(w, a, err)
				if err != nil || a.status != http.StatusCreated {
					time.Sleep(50 * time.Millisecond) // a client backing off (Retry-After asks for more)
				}
			}
		}()
	}
	readyz := &readyzWatch{current: "up", statuses: map[string]map[int]int{}}
	go readyz.watch(ctx, c, svc.base)

	time.Sleep(2 * time.Second)
	before := len(ledger.snapshotAcked())
	readyz.phase("crashing")
	crashed := time.Now()
	pg.crash()
	readyz.phase("down")
	time.Sleep(3 * time.Second)
	duringOutage := ledger.statusCounts()

	readyz.phase("restarting")
	restarted := time.Now()
	pg.start()
	db := pg.open("registry")
	for db.Ping() != nil {
		time.Sleep(10 * time.Millisecond)
	}
	ready := time.Now()
	readyz.phase("back")
	recovery := timeToFirstWrite(t, c, svc.base, admin, ready)
	time.Sleep(200 * time.Millisecond) // a few polls of /readyz
	readyzRecovery := readyz.firstOK(restarted, ready)
	time.Sleep(time.Second)
	stopWriters()
	writers.Wait()

	// Writes that failed are retried with their key: each must now give
	// 201 (fresh, or the replay of a write that committed before its
	// answer was lost) and exactly one record.
	replayed := 0
	for i, w := range ledger.failed {
		a := c.must(t, 201, "POST", svc.base+w.path, admin, w.body, map[string]string{"Idempotency-Key": w.key})
		ledger.failed[i].id, _ = a.json(t)["id"].(string)
		if a.header.Get("Idempotent-Replayed") == "true" {
			replayed++
		}
	}

	for _, msg := range ledger.wrong {
		t.Error(msg)
	}
	if duringOutage[http.StatusServiceUnavailable] == 0 {
		t.Errorf("no write answered 503 during the outage: %v", duringOutage)
	}
	if n := readyz.count("down", http.StatusServiceUnavailable); n == 0 || n != readyz.total("down") {
		t.Errorf("/readyz during the outage: %v, want 503 only", readyz.statuses["down"])
	}
	if n := readyz.count("up", http.StatusOK); n == 0 || n != readyz.total("up") {
		t.Errorf("/readyz under write load before the crash: %v, want 200 only", readyz.statuses["up"])
	}
	if readyzRecovery < 0 {
		t.Errorf("/readyz never answered 200 after the database came back: %v", readyz.statuses)
	}
	for phase, m := range readyz.statuses {
		for status, n := range m {
			if status != 200 && status != 503 {
				t.Errorf("/readyz answered %d %d times (%s)", status, n, phase)
			}
		}
	}
	if recovery > 5*time.Second {
		t.Errorf("writes were served again %v after the database was ready, want ≤ 5s", recovery)
	}
	lost := verifyOutageWrites(t, db, ledger, "outage-w")
	t.Logf("writes: %d acknowledged before the crash, %d in all; %d failed during the outage and were retried with their key (%d replayed a write that had committed); answers: %v",
		before, len(ledger.acked), len(ledger.failed), replayed, ledger.statuses)
	t.Logf("database down for %v; /readyz by phase: %v", ready.Sub(crashed).Round(time.Millisecond), readyz.statuses)
	t.Logf("FAULTS outage acknowledged=%d lost=%d failed_and_retried=%d duplicates=0 recovery_seconds=%.2f readyz_recovery_seconds=%.2f",
		len(ledger.acked), lost, len(ledger.failed), recovery.Seconds(), readyzRecovery.Seconds())
}

func (l *outageLedger) snapshotAcked() []write {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]write(nil), l.acked...)
}

func (l *outageLedger) statusCounts() map[int]int {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := map[int]int{}
	for k, v := range l.statuses {
		out[k] = v
	}
	return out
}

// timeToFirstWrite probes with fresh writes until one is acknowledged and
// returns how long after since that took.
func timeToFirstWrite(t *testing.T, c *client, base, key string, since time.Time) time.Duration {
	t.Helper()
	for n := 0; ; n++ {
		k := fmt.Sprintf("outage-probe-%d", n)
		a, err := c.do(context.Background(), "POST", base+"/v1/joint-actions", key,
			jointActionBody("故障 "+k, "faults-a", "faults-b"), map[string]string{"Idempotency-Key": k})
		if err == nil && a.status == http.StatusCreated {
			return time.Since(since)
		}
		if err == nil && a.status != http.StatusServiceUnavailable {
			t.Errorf("probe after the restart: status %d: %.300s", a.status, a.body)
		}
		if time.Since(since) > 30*time.Second {
			t.Fatalf("writes not served 30s after the database came back: %v %.300s", err, a.body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// readyzWatch polls /readyz and counts answers by phase.
type readyzWatch struct {
	mu       sync.Mutex
	current  string
	statuses map[string]map[int]int
	oks      []time.Time
}

func (r *readyzWatch) phase(p string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.current = p
}

func (r *readyzWatch) watch(ctx context.Context, c *client, base string) {
	for ctx.Err() == nil {
		r.mu.Lock()
		phase := r.current // the phase the request starts in
		r.mu.Unlock()
		a, err := c.do(ctx, "GET", base+"/readyz", "", nil, nil)
		r.mu.Lock()
		if err == nil && a.status == 200 {
			r.oks = append(r.oks, time.Now())
		}
		if phase == r.current && err == nil { // counted only when it began and ended in one phase
			if r.statuses[phase] == nil {
				r.statuses[phase] = map[int]int{}
			}
			r.statuses[phase][a.status]++
		}
		r.mu.Unlock()
		time.Sleep(50 * time.Millisecond)
	}
}

func (r *readyzWatch) total(phase string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, v := range r.statuses[phase] {
		n += v
	}
	return n
}

func (r *readyzWatch) count(phase string, status int) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.statuses[phase][status]
}

// firstOK is how long after since /readyz first answered 200 (0 when it
// did before since, which can happen by a few milliseconds: the service
// reconnects while the test does), or -1 when it never did after from.
func (r *readyzWatch) firstOK(from, since time.Time) time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, at := range r.oks {
		if at.After(from) {
			return max(0, at.Sub(since))
		}
	}
	return -1
}

// verifyOutageWrites checks the database after the outage and returns the
// number of acknowledged writes missing. keyPrefix starts the idempotency
// key of every write in the ledger.
func verifyOutageWrites(t *testing.T, db *sql.DB, l *outageLedger, keyPrefix string) int {
	t.Helper()
	var agreementIDs, actionIDs []string
	keys := map[string]bool{}
	for _, w := range append(append([]write(nil), l.acked...), l.failed...) {
		if keys[w.key] {
			t.Errorf("key %s used twice by the test", w.key)
		}
		keys[w.key] = true
		if w.id == "" {
			t.Errorf("%s: no id", w.key)
			continue
		}
		if w.path == "/v1/agreements" {
			agreementIDs = append(agreementIDs, w.id)
		} else {
			actionIDs = append(actionIDs, w.id)
		}
	}
	lost := len(agreementIDs) + len(actionIDs)
	lost -= count(t, db, `SELECT count(*) FROM agreements WHERE id = ANY($1::uuid[])`, pq.Array(agreementIDs))
	lost -= count(t, db, `SELECT count(*) FROM joint_actions WHERE id = ANY($1::uuid[])`, pq.Array(actionIDs))
	if lost != 0 {
		t.Errorf("%d acknowledged writes are missing after the outage", lost)
	}
	checks := []struct{ what, query string }{
		// Exactly one record per key: the title carries the key.
		{"keys with more than one agreement", `SELECT count(*) FROM (SELECT title_zh FROM agreements GROUP BY title_zh HAVING count(*) > 1) d`},
		{"keys with more than one joint action", `SELECT count(*) FROM (SELECT title_zh FROM joint_actions GROUP BY title_zh HAVING count(*) > 1) d`},
		// Every record has all its child rows.
		{"agreements without their 2 parties", `SELECT count(*) FROM agreements a WHERE (SELECT count(*) FROM agreement_parties p WHERE p.agreement_id = a.id) <> 2`},
		{"agreements without their area", `SELECT count(*) FROM agreements a WHERE (SELECT count(*) FROM agreement_areas x WHERE x.agreement_id = a.id) <> 1`},
		{"agreements without their mechanism", `SELECT count(*) FROM agreements a WHERE (SELECT count(*) FROM agreement_mechanisms m WHERE m.agreement_id = a.id) <> 1`},
		{"agreements without their document", `SELECT count(*) FROM agreements a WHERE (SELECT count(*) FROM agreement_documents d WHERE d.agreement_id = a.id) <> 1`},
		{"joint actions without their 2 participants", `SELECT count(*) FROM joint_actions j WHERE (SELECT count(*) FROM joint_action_participants p WHERE p.joint_action_id = j.id) <> 2`},
		{"joint actions without their outcome", `SELECT count(*) FROM joint_actions j WHERE (SELECT count(*) FROM joint_action_outcomes o WHERE o.joint_action_id = j.id) <> 1`},
		// Every record has exactly one audit entry, and every entry a record.
		{"agreements without exactly one audit entry", `SELECT count(*) FROM agreements a WHERE (SELECT count(*) FROM audit_log l WHERE l.entity = 'agreement' AND l.entity_id = a.id::text) <> 1`},
		{"joint actions without exactly one audit entry", `SELECT count(*) FROM joint_actions j WHERE (SELECT count(*) FROM audit_log l WHERE l.entity = 'joint_action' AND l.entity_id = j.id::text) <> 1`},
		{"audit entries without their record", `SELECT count(*) FROM audit_log l WHERE (l.entity = 'agreement' AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.id::text = l.entity_id))
			OR (l.entity = 'joint_action' AND NOT EXISTS (SELECT 1 FROM joint_actions j WHERE j.id::text = l.entity_id))`},
		// Every stored idempotent answer points at a record that exists.
		{"stored answers without their record", `SELECT count(*) FROM idempotency_keys k WHERE k.location IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM agreements a WHERE '/v1/agreements/' || a.id = k.location)
			AND NOT EXISTS (SELECT 1 FROM joint_actions j WHERE '/v1/joint-actions/' || j.id = k.location)
			AND NOT EXISTS (SELECT 1 FROM organizations o WHERE '/v1/organizations/' || o.id = k.location)`},
	}
	for _, c := range checks {
		if n := count(t, db, c.query); n != 0 {
			t.Errorf("%s: %d", c.what, n)
		}
	}
	// No record for a key the test never had acknowledged (the probes aside).
	want := len(l.acked) + len(l.failed)
	got := count(t, db, `SELECT (SELECT count(*) FROM agreements WHERE title_zh LIKE $1) +
		(SELECT count(*) FROM joint_actions WHERE title_zh LIKE $1)`, "故障 "+keyPrefix+"%")
	if got != want {
		t.Errorf("%d records of writers' keys, want %d (one per key)", got, want)
	}
	return lost
}
