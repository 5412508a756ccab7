package httpapi

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestExportsHaveNoRequestDeadline: an ordinary request waits on the
// database at most the request timeout, but exports (CSV, Excel, the annual
// report) and file transfers stream for longer than that at scale — a
// year's Excel export of the benchmark data takes about 12 s — and must not
// be cut off by it.
func TestExportsHaveNoRequestDeadline(t *testing.T) {
	h := &handler{requestTimeout: time.Second}
	for _, c := range []struct {
		target   string
		header   map[string]string
		deadline bool
	}{
		{"/v1/joint-actions?limit=5", nil, true},
		{"/v1/joint-actions?format=csv", nil, false},
		{"/v1/joint-actions", map[string]string{"Accept": "text/csv"}, false},
		{"/v1/joint-actions?format=xlsx", nil, false},
		{"/v1/agreements", map[string]string{"Accept": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, false},
		{"/v1/reports/annual?organization=changshou-cppcc&year=2023", nil, false},
	} {
		var has bool
		next := http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { _, has = r.Context().Deadline() })
		r := httptest.NewRequest(http.MethodGet, c.target, nil)
		for k, v := range c.header {
			r.Header.Set(k, v)
		}
		h.deadline(next).ServeHTTP(httptest.NewRecorder(), r)
		if has != c.deadline {
			t.Errorf("%s %v: deadline %v, want %v", c.target, c.header, has, c.deadline)
		}
	}
}
