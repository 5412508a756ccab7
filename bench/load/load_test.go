package load

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// TestRunCountsOnlyTheExpectedStatus serves every third request with 503
// and checks that those count as errors, not as requests.
func TestRunCountsOnlyTheExpectedStatus(t *testing.T) {
	var served atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if served.Add(1)%3 == 0 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusCreated)
	}))
	defer srv.Close()
	res := Run(context.Background(), 2, 300*time.Millisecond, func(int, int) (*http.Request, int) {
		r, _ := http.NewRequest("POST", srv.URL, nil)
		return r, http.StatusCreated
	})
	if res.Requests == 0 || res.Errors == 0 {
		t.Fatalf("requests %d, errors %d: want both", res.Requests, res.Errors)
	}
	if res.Errors != res.Statuses[http.StatusServiceUnavailable] || res.Transport != 0 {
		t.Errorf("errors %d, statuses %v, transport %d", res.Errors, res.Statuses, res.Transport)
	}
	if total := int64(res.Requests + res.Errors); total > served.Load() || total < served.Load()-2 {
		t.Errorf("%d requests + %d errors, %d served", res.Requests, res.Errors, served.Load())
	}
	if got := res.ErrorSummary(); got != "503×"+itoa(res.Errors) {
		t.Errorf("summary %q", got)
	}
	if res.FirstError == "" {
		t.Error("no first error")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
