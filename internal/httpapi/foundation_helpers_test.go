package httpapi_test

// Helpers of the foundation tests (regions, cooperation areas,
// organisations, access, problems): a problem answer that carries its
// request id, and list pages with their cursor and Link header.

import (
	"regexp"
	"strings"
	"testing"
)

// fndProblem checks a problem answer like expectProblem and also that it
// carries a request_id equal to the X-Request-ID header.
func fndProblem(t testing.TB, r response, status int, fields ...string) map[string]any {
	t.Helper()
	p := expectProblem(t, r, status, fields...)
	id, _ := p["request_id"].(string)
	if id == "" || id != r.Header.Get("X-Request-ID") {
		t.Fatalf("problem request_id = %q, X-Request-ID = %q; want both, equal\n%s", id, r.Header.Get("X-Request-ID"), r.Body)
	}
	return p
}

// fndType returns the last segment of a problem's type URI.
func fndType(p map[string]any) string {
	s, _ := p["type"].(string)
	return s[strings.LastIndexByte(s, '/')+1:]
}

// fndPage is one decoded list page.
type fndPage struct {
	items   []map[string]any
	next    string
	hasNext bool // the body holds a next_cursor key
	link    string
}

func fndList(t testing.TB, r response) fndPage {
	t.Helper()
	expect(t, r, 200)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("list Content-Type = %q", ct)
	}
	m := r.JSON(t)
	raw, ok := m["items"].([]any)
	if !ok {
		t.Fatalf("list has no items array (null or missing): %s", r.Body)
	}
	p := fndPage{link: r.Header.Get("Link")}
	for _, it := range raw {
		p.items = append(p.items, it.(map[string]any))
	}
	if v, ok := m["next_cursor"]; ok {
		p.hasNext = true
		p.next, _ = v.(string)
	}
	return p
}

func fndCodes(items []map[string]any) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it["code"].(string))
	}
	return out
}

// fndListCodes fetches one page (anonymously) and returns its codes.
func (a *testAPI) fndListCodes(path string) []string {
	a.t.Helper()
	return fndCodes(fndList(a.t, a.get(path)).items)
}

var linkPattern = regexp.MustCompile(`^<([^>]+)>; rel="next"$`)
