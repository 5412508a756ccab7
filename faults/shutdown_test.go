//go:build faults

package faults

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// inFlight is the outcome of one request of the shutdown burst.
type inFlight struct {
	what    string
	started chan struct{} // closed once the server is surely handling it
	err     error
	status  int
	detail  string
	done    atomic.Bool
}

// TestGracefulShutdown sends SIGTERM while a burst of slow requests is in
// flight: CSV exports of 5,000 records read by slow clients, creates whose
// bodies arrive slowly, and a stream of list requests. Every request the
// server had accepted completes with 2xx and its whole body; new
// connections are refused from the moment SIGTERM arrives; the process
// exits, status 0, well within REGISTRY_SHUTDOWN_GRACE.
func TestGracefulShutdown(t *testing.T) {
	const grace = 15 * time.Second
	pg := newCluster(t)
	dbURL := pg.url("registry")
	svc := startService(t, dbURL, map[string]string{"REGISTRY_SHUTDOWN_GRACE": grace.String()}, "--demo")
	admin := newKey(t, dbURL, "admin", "", "faults admin")
	seedJointActions(t, svc.base, admin, 2000)
	db := pg.open("registry")
	actions := count(t, db, `SELECT count(*) FROM joint_actions WHERE archived_at IS NULL`)

	var burst []*inFlight
	var wg sync.WaitGroup
	launch := func(what string, fn func(f *inFlight)) {
		f := &inFlight{what: what, started: make(chan struct{})}
		burst = append(burst, f)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(f)
			f.done.Store(true)
		}()
	}
	for i := range 12 {
		launch(fmt.Sprintf("CSV export %d", i), func(f *inFlight) { slowExport(f, svc.base, actions) })
	}
	for i := range 12 {
		launch(fmt.Sprintf("slow create %d", i), func(f *inFlight) { slowCreate(f, svc.base, admin, i) })
	}
	for _, f := range burst {
		select {
		case <-f.started:
		case <-time.After(30 * time.Second):
			t.Fatalf("%s did not start: %v", f.what, f.err)
		}
	}
	// A stream of short requests, each on a new connection, up to and past
	// the signal: each is either refused at the door or answered in full.
	stream := &requestStream{}
	streamCtx, stopStream := context.WithCancel(context.Background())
	var streamWG sync.WaitGroup
	for range 4 {
		streamWG.Add(1)
		go func() {
			defer streamWG.Done()
			stream.run(streamCtx, svc.base)
		}()
	}
	time.Sleep(300 * time.Millisecond)

	sigterm := time.Now()
	svc.signal(syscall.SIGTERM)
	// Once the service begins its shutdown the door is shut: new
	// connections are refused while the burst is still being served.
	svc.waitLog(t, `"msg":"shutting down"`, 5*time.Second)
	closedAfter := time.Since(sigterm)
	time.Sleep(50 * time.Millisecond)
	refusedAt, stillRunning := 0, 0
	for range 10 {
		if _, err := net.DialTimeout("tcp", svc.addr, time.Second); isRefused(err) {
			refusedAt++
		}
		time.Sleep(20 * time.Millisecond)
	}
	for _, f := range burst {
		if !f.done.Load() {
			stillRunning++
		}
	}
	wg.Wait()
	drained := time.Since(sigterm)
	stopStream()
	streamWG.Wait()
	select {
	case <-svc.exited:
	case <-time.After(grace + 5*time.Second):
		t.Fatalf("the process did not exit within the grace period (%v) plus 5s", grace)
	}
	exitAfter := time.Since(sigterm)

	cut := 0
	for _, f := range burst {
		if f.err != nil || f.status < 200 || f.status > 299 {
			cut++
			t.Errorf("%s: cut by the shutdown: status %d, %v %s", f.what, f.status, f.err, f.detail)
		}
	}
	resetInQueue, streamCut := stream.settle(svc.log.String())
	cut += len(streamCut)
	for _, e := range streamCut {
		t.Errorf("list request cut: %s", e)
	}
	if refusedAt != 10 {
		t.Errorf("%d of 10 connections attempted after SIGTERM were refused, want all", refusedAt)
	}
	if stillRunning == 0 {
		t.Errorf("the burst had finished before the door was checked: the test proves nothing")
	}
	if svc.err != nil {
		t.Errorf("exit status: %v", svc.err)
	}
	if exitAfter > grace {
		t.Errorf("exited %v after SIGTERM, past the %v grace period", exitAfter, grace)
	}
	if !strings.Contains(svc.log.String(), `"msg":"stopped"`) {
		t.Errorf("no clean stop in the log:\n%s", tail(svc.log.String(), 10))
	}
	created := count(t, db, `SELECT count(*) FROM joint_actions WHERE title_zh LIKE '关停测试 %'`)
	if created != 12 {
		t.Errorf("%d slow creates stored, want 12", created)
	}
	t.Logf("burst: %d slow requests in flight at SIGTERM (%d still running once the door was checked), %d list requests answered, %d refused at the door, %d reset in the accept queue (never accepted: not in the access log); door shut %v after SIGTERM; drained in %v",
		len(burst), stillRunning, stream.answered.Load(), stream.refused.Load(), resetInQueue, closedAfter.Round(time.Millisecond), drained.Round(time.Millisecond))
	t.Logf("FAULTS shutdown in_flight=%d cut=%d refused_after_sigterm=%d/10 exit_seconds=%.2f grace_seconds=%.0f",
		len(burst)+int(stream.answered.Load()), cut, refusedAt, exitAfter.Seconds(), grace.Seconds())
}

// seedJointActions creates n joint actions through the API, eight at a
// time, each with a summary of about 1 KB, so that an export of them is a
// few MiB.
func seedJointActions(t *testing.T, base, key string, n int) {
	t.Helper()
	c := newClient(30 * time.Second)
	work := make(chan int)
	var wg sync.WaitGroup
	var failures atomic.Int64
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				body := jointActionBody(fmt.Sprintf("联合调研 %d", i), "changshou-cppcc", "pengzhou-cppcc")
				body["summary_zh"] = strings.Repeat("长寿区与彭州市联合开展调研。", 25)
				body["started_on"] = fmt.Sprintf("%d-%02d", 2015+i%9, 1+i%12)
				if a, err := c.do(context.Background(), "POST", base+"/v1/joint-actions", key, body, nil); err != nil || a.status != 201 {
					failures.Add(1)
				}
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
	if failures.Load() > 0 {
		t.Fatalf("%d of %d seed writes failed", failures.Load(), n)
	}
}

// slowExport reads a CSV export at about 400 KB/s, as a client on a slow
// link would, and checks it holds every record.
func slowExport(f *inFlight, base string, records int) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Get(base + "/v1/joint-actions?format=csv")
	if err != nil {
		f.err = err
		close(f.started)
		return
	}
	defer resp.Body.Close()
	close(f.started) // headers received: the export is running
	var got bytes.Buffer
	buf := make([]byte, 16<<10)
	for {
		n, err := resp.Body.Read(buf)
		got.Write(buf[:n])
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			f.err = fmt.Errorf("after %d bytes: %w", got.Len(), err)
			return
		}
		time.Sleep(40 * time.Millisecond)
	}
	lines := 0
	sc := bufio.NewScanner(bytes.NewReader(got.Bytes()))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines++
	}
	f.status = resp.StatusCode
	if lines < records+1 || !bytes.HasSuffix(got.Bytes(), []byte("\n")) {
		f.status, f.detail = -1, fmt.Sprintf("export truncated: %d lines for %d records, ends %q", lines, records, got.Bytes()[max(0, got.Len()-40):])
	}
}

// slowCreate sends a joint action whose body arrives in ten pieces over
// two seconds.
func slowCreate(f *inFlight, base, key string, i int) {
	body, _ := json.Marshal(map[string]any{
		"title_zh": fmt.Sprintf("关停测试 %d", i), "kind": "research", "status": "completed",
		"summary_zh": strings.Repeat("慢", 2000),
		"participants": []any{
			map[string]any{"organization_id": "changshou-cppcc", "role": "lead"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "partner"},
		},
	})
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", base+"/v1/joint-actions", pr)
	req.ContentLength = int64(len(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Idempotency-Key", fmt.Sprintf("shutdown-%d", i))
	go func() {
		piece := len(body)/10 + 1
		for off := 0; off < len(body); off += piece {
			if _, err := pw.Write(body[off:min(off+piece, len(body))]); err != nil {
				return
			}
			if off == 0 {
				time.Sleep(100 * time.Millisecond) // the headers and a first piece are there
				close(f.started)
			}
			time.Sleep(200 * time.Millisecond)
		}
		pw.Close()
	}()
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Do(req)
	if err != nil {
		f.err = err
		return
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	f.status = resp.StatusCode
	if resp.StatusCode != http.StatusCreated {
		f.detail = string(raw)
	}
}

// requestStream sends list requests, each on a new connection, and sorts
// the outcomes: answered in full, refused at the door, or failed. A failed
// request is cut only if the server had accepted it: one reset while it
// waited in the kernel's accept queue when the listener closed never
// reached the service (settle tells them apart from the access log).
type requestStream struct {
	answered, refused atomic.Int64
	mu                sync.Mutex
	failed            map[string]string // client address → error
}

func (s *requestStream) run(ctx context.Context, base string) {
	c := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	for ctx.Err() == nil {
		var local string
		trace := &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) { local = info.Conn.LocalAddr().String() }}
		req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), "GET",
			base+"/v1/joint-actions?limit=200&q="+url.QueryEscape("联合"), nil)
		resp, err := c.Do(req)
		switch {
		case isRefused(err):
			s.refused.Add(1)
			time.Sleep(10 * time.Millisecond)
			continue
		case err != nil:
			s.fail(local, err.Error())
			continue
		}
		_, rerr := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if rerr != nil || resp.StatusCode != http.StatusOK {
			s.fail(local, fmt.Sprintf("status %d, %v", resp.StatusCode, rerr))
			continue
		}
		s.answered.Add(1)
	}
}

func (s *requestStream) fail(local, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failed == nil {
		s.failed = map[string]string{}
	}
	s.failed[local] = msg
}

// settle sorts the failed requests with the server's access log, written
// for every request a handler saw (Shutdown waits for them all): those
// the server never logged were reset in the accept queue, the rest cut.
func (s *requestStream) settle(serverLog string) (resetInQueue int, cut []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for local, msg := range s.failed {
		if local != "" && !strings.Contains(serverLog, `"remote":"`+local+`"`) && isReset(msg) {
			resetInQueue++
			continue
		}
		cut = append(cut, local+": "+msg)
	}
	return resetInQueue, cut
}

func isReset(msg string) bool {
	return strings.Contains(msg, "connection reset by peer") || strings.HasSuffix(msg, ": EOF")
}

// isRefused reports whether err is a refused connection.
func isRefused(err error) bool {
	return err != nil && (errors.Is(err, syscall.ECONNREFUSED) || strings.Contains(err.Error(), "connection refused"))
}
