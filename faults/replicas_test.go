//go:build faults

package faults

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestTwoReplicas runs two `registry serve` processes on one database and
// spreads concurrent requests over both: of the PATCHes sent with the same
// If-Match exactly one wins (from either replica) and the rest get 412, and
// both replicas then show the winner's change; identical POSTs with one
// Idempotency-Key make exactly one record; a key revoked with `registry
// keys revoke` is refused by both at once.
func TestTwoReplicas(t *testing.T) {
	pg := newCluster(t)
	dbURL := pg.url("registry")
	a := startService(t, dbURL, nil, "--demo")
	b := startService(t, dbURL, nil, "--migrate=false")
	replicas := []*service{a, b}
	registrar := newKey(t, dbURL, "registrar", "changshou-cppcc", "faults changshou")
	db := pg.open("registry")
	c := newClient(15 * time.Second)
	for _, r := range replicas {
		if ready := c.must(t, 200, "GET", r.base+"/readyz", "", nil, nil); strings.Contains(string(ready.body), "warning") {
			t.Errorf("a durable cluster (fsync=on) got a warning: %s", ready.body)
		}
	}

	// If-Match: rounds of 20 concurrent PATCHes of the current version,
	// alternating replicas. Each round has exactly one winner (from either
	// replica) and 19 answers 412. Each round reads the version it sends
	// rather than assuming it, so that a failed round does not spoil the
	// next ones.
	created := c.must(t, 201, "POST", a.base+"/v1/agreements", registrar, agreementBody("双副本测试协议", "changshou-cppcc", "pengzhou-cppcc"), nil)
	path := "/v1/agreements/" + idOf(created)
	const rounds, patches = 5, 20
	wins, stale := 0, 0
	for round := 1; round <= rounds; round++ {
		etag := c.must(t, 200, "GET", replicas[round%2].base+path, "", nil, nil).header.Get("ETag")
		version, err := strconv.Atoi(strings.Trim(etag, `"`))
		if err != nil {
			t.Fatalf("round %d: ETag %q is not a quoted version", round, etag)
		}
		statuses := make([]int, patches)
		titles := make([]string, patches)
		var wg sync.WaitGroup
		for i := range patches {
			wg.Add(1)
			go func() {
				defer wg.Done()
				titles[i] = fmt.Sprintf("双副本测试协议 第%d轮 %d", round, i)
				ans, err := c.do(context.Background(), "PATCH", replicas[i%2].base+path, registrar, map[string]any{"title_zh": titles[i]},
					map[string]string{"If-Match": etag})
				if err != nil {
					t.Errorf("round %d: PATCH %d: %v", round, i, err)
					return
				}
				statuses[i] = ans.status
			}()
		}
		wg.Wait()
		var winners []int
		lost := 0
		for i, s := range statuses {
			switch s {
			case http.StatusOK:
				winners = append(winners, i)
			case http.StatusPreconditionFailed:
				lost++
			case 0: // a transport error, reported above
			default:
				t.Errorf("round %d: PATCH %d (on %s): status %d, want 200 or 412", round, i, replicas[i%2].addr, s)
			}
		}
		wins += len(winners)
		stale += lost
		if len(winners) != 1 || lost != patches-1 {
			t.Errorf("round %d: %d PATCHes of version %d won %v and %d got 412, want exactly 1 winner and %d × 412",
				round, len(winners), version, winners, lost, patches-1)
		}
		if len(winners) != 1 {
			continue
		}
		winner := winners[0]
		for _, r := range replicas {
			got := c.must(t, 200, "GET", r.base+path, "", nil, nil)
			rec := got.json(t)
			if rec["title_zh"] != titles[winner] || got.header.Get("ETag") != fmt.Sprintf(`"%d"`, version+1) {
				t.Errorf("round %d: %s shows %v (ETag %s), want the winner's (PATCH %d on %s) title at version %d",
					round, r.addr, rec["title_zh"], got.header.Get("ETag"), winner, replicas[winner%2].addr, version+1)
			}
		}
	}
	if wins != rounds {
		t.Errorf("%d winning PATCHes in %d rounds, want exactly one a round", wins, rounds)
	}
	if n := count(t, db, `SELECT count(*) FROM audit_log WHERE entity = 'agreement' AND entity_id = $1 AND action = 'update'`, idOf(created)); n != wins {
		t.Errorf("%d update audit entries for %d winning PATCHes", n, wins)
	}

	// Idempotency-Key: 20 identical concurrent POSTs per key, alternating
	// replicas, then one more on each once they are done.
	const keys, posts = 5, 20
	records := 0
	for k := range keys {
		key := fmt.Sprintf("replicas-%d", k)
		title := "双副本幂等 " + key
		body := jointActionBody(title, "changshou-cppcc", "yubei-cppcc")
		locations := map[string]int{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for i := range posts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ans, err := c.do(context.Background(), "POST", replicas[i%2].base+"/v1/joint-actions", registrar, body,
					map[string]string{"Idempotency-Key": key})
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err != nil:
					t.Errorf("POST: %v", err)
				case ans.status == http.StatusCreated:
					locations[ans.header.Get("Location")]++
				case ans.status == http.StatusConflict && strings.Contains(string(ans.body), "idempotency-in-flight"):
				default:
					t.Errorf("POST %s: status %d: %.200s", key, ans.status, ans.body)
				}
			}()
		}
		wg.Wait()
		for _, r := range replicas {
			ans := c.must(t, 201, "POST", r.base+"/v1/joint-actions", registrar, body, map[string]string{"Idempotency-Key": key})
			if ans.header.Get("Idempotent-Replayed") != "true" {
				t.Errorf("%s: a repeat after the first finished was not a replay", key)
			}
			locations[ans.header.Get("Location")]++
		}
		if len(locations) != 1 {
			t.Errorf("%s: answers name %d different records: %v", key, len(locations), locations)
		}
		n := count(t, db, `SELECT count(*) FROM joint_actions WHERE title_zh = $1`, title)
		if n != 1 {
			t.Errorf("%s: %d records, want exactly 1", key, n)
		}
		records += n
	}

	// Revocation: a key revoked from the command line is refused by both
	// replicas at once, reads and writes alike.
	doomed := newKey(t, dbURL, "registrar", "changshou-cppcc", "faults doomed")
	for _, r := range replicas {
		c.must(t, 200, "GET", r.base+"/v1/regions/500115", doomed, nil, nil)
	}
	var listed []struct{ ID, Name string }
	if err := json.Unmarshal([]byte(registryCmd(t, dbURL, "keys", "list", "--json")), &listed); err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, k := range listed {
		if k.Name == "faults doomed" {
			id = k.ID
		}
	}
	registryCmd(t, dbURL, "keys", "revoke", id)
	refused := 0
	for _, r := range replicas {
		for _, req := range []struct{ method, path string }{{"GET", "/v1/regions/500115"}, {"POST", "/v1/joint-actions"}} {
			var body any
			if req.method == "POST" {
				body = jointActionBody("吊销后", "changshou-cppcc", "pengzhou-cppcc")
			}
			ans, err := c.do(context.Background(), req.method, r.base+req.path, doomed, body, nil)
			if err != nil || ans.status != http.StatusUnauthorized {
				t.Errorf("%s %s on %s right after the revocation: %v %d", req.method, req.path, r.addr, err, ans.status)
				continue
			}
			refused++
		}
	}
	t.Logf("FAULTS replicas if_match_rounds=%d winners=%d precondition_failed=%d idempotent_keys=%d posts=%d records=%d revoked_refused=%d/4",
		rounds, wins, stale, keys, keys*(posts+2), records, refused)
}

// TestDurabilityWarnings runs the registry against a cluster with fsync
// and synchronous_commit off: the start-up log and /readyz's body carry a
// warning for each. Restarted with both on, the same process's /readyz
// drops the warnings.
func TestDurabilityWarnings(t *testing.T) {
	pg := newCluster(t, "fsync=off", "synchronous_commit=off")
	svc := startService(t, pg.url("registry"), nil)
	c := newClient(10 * time.Second)
	ready := c.must(t, 200, "GET", svc.base+"/readyz", "", nil, nil)
	body := string(ready.body)
	log := svc.log.String()
	if i := strings.Index(log, `"msg":"listening"`); i >= 0 {
		log = log[:i] // what was logged at start-up, before /readyz was asked
	}
	for _, setting := range []string{"fsync=off", "synchronous_commit=off"} {
		if !strings.Contains(body, "warning: "+setting) {
			t.Errorf("/readyz does not warn about %s: %q", setting, body)
		}
		if !strings.Contains(log, `"msg":"database durability"`) || !strings.Contains(log, setting) {
			t.Errorf("the start-up log does not warn about %s:\n%s", setting, tail(log, 10))
		}
	}
	pg.crash()
	pg.settings = []string{"fsync=on", "synchronous_commit=on"}
	pg.start()
	var after string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if a, err := c.do(context.Background(), "GET", svc.base+"/readyz", "", nil, nil); err == nil && a.status == 200 {
			after = string(a.body)
			break
		}
	}
	if after != "ready\n" {
		t.Errorf("/readyz with fsync and synchronous_commit on: %q, want just \"ready\"", after)
	}
	t.Logf("FAULTS durability readyz_warnings=%d startup_log_warnings=%d warnings_after_fix=%d",
		strings.Count(body, "warning: "), strings.Count(log, `"msg":"database durability"`), strings.Count(after, "warning: "))
}
