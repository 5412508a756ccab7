package httpapi_test

// The hostile-input tables send what an attacker or a broken client would
// through the real HTTP stack and database, and hold the service to three
// rules: every answer is a 4xx problem+json (free-text searches may answer
// 200 with no match, since a search for "' OR 1=1 --" is a fair search),
// nothing answers 5xx, and no row of any table changes.
//
// This file runs the whole hostile table, and checks its other half: where
// an injection string is acceptable text, it is stored verbatim.

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestHostileInputs sends the whole hostile table and checks that every
// answer is a 4xx problem (or an empty search), no answer is a 5xx, and no
// row of any table changed.
func TestHostileInputs(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	resources := hostileResources(t, api)
	before := api.snapshot()
	run := newHostileRun(t, api.URL)
	groups := []struct {
		name  string
		cases []hostileCase
	}{
		{"query parameters", queryCases(api)},
		{"path parameters", pathCases(api)},
		{"injections in body fields", bodyInjectionCases(api, resources)},
		{"mass assignment", massAssignmentCases(api, resources)},
		{"malformed bodies", malformedCases(api, resources)},
		{"boundary lengths", boundaryCases(api, resources)},
		{"sizes and depth", sizeCases(api, resources)},
		{"headers", headerCases(api, resources)},
	}
	for _, g := range groups {
		n := run.tried.Load()
		run.run(g.cases)
		t.Logf("%-28s %5d cases", g.name, run.tried.Load()-n)
	}
	sameSnapshot(t, before, api.snapshot())
	t.Logf("slowest case: %v (%.80s)", run.slowest.Round(time.Millisecond), run.slowCase)
	t.Logf("hostile inputs tried: %d, 5xx seen: %d", run.tried.Load(), run.fives.Load())
	if run.fives.Load() != 0 {
		t.Errorf("%d answers were 5xx", run.fives.Load())
	}
}

// TestHostileTextStoredVerbatim is the other half of the injection
// tables: where an injection string is acceptable text, it is stored and
// returned exactly as sent in every free-text field of every resource, a
// search for it finds exactly the records holding it, and nothing else
// changes (the tables it names still hold what they held).
func TestHostileTextStoredVerbatim(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	resources := hostileResources(t, api)
	counts := func() map[string]int {
		out := map[string]int{}
		for _, table := range []string{"agreements", "consultations", "joint_actions", "organizations", "cooperation_areas",
			"regions", "api_keys", "audit_log", "agreement_parties", "idempotency_keys"} {
			out[table] = api.countRows(table)
		}
		return out
	}
	before := counts()
	created := map[string]int{}
	for i, inj := range hostileInjections {
		if !storable(inj) {
			continue
		}
		for _, res := range resources {
			body := res.full
			for _, field := range res.freeText {
				v := inj
				if field == "ref_no" {
					v = fmt.Sprintf("%s#%d", inj, i) // unique
				}
				body = withField(body, field, v)
			}
			if code, ok := body["code"].(string); ok {
				body = withField(body, "code", fmt.Sprintf("%s-%d", code, i))
			}
			r := api.do(req{method: "POST", path: res.collection, key: api.Admin, body: body})
			if r.Status != 201 {
				t.Errorf("%s with %q: status %d: %s", res.collection, inj, r.Status, r.Body)
				continue
			}
			created[res.collection]++
			got := api.get(r.Header.Get("Location"))
			expect(t, got, 200)
			var rec any
			got.Decode(t, &rec)
			for _, field := range res.freeText {
				if want := getPath(body, field); getPath(rec, field) != want {
					t.Errorf("%s %s: stored %q, sent %q", res.collection, field, getPath(rec, field), want)
				}
			}
		}
		// A search for the text finds the records holding it and no other.
		for path, want := range map[string]int{"/v1/agreements": 1, "/v1/consultations": 1, "/v1/joint-actions": 1, "/v1/organizations": 1} {
			r := api.get(path + "?limit=200&q=" + url.QueryEscape(inj))
			expect(t, r, 200)
			var page struct{ Items []map[string]any }
			r.Decode(t, &page)
			if len(page.Items) < want {
				t.Errorf("%s?q=%q found %d records, want at least %d", path, inj, len(page.Items), want)
			}
			for _, item := range page.Items {
				if !strings.Contains(strings.ToLower(string(mustJSON(item))), strings.ToLower(string(mustJSON(inj))[1:len(mustJSON(inj))-1])) {
					t.Errorf("%s?q=%q matched a record without the text: %v", path, inj, item["id"])
				}
			}
		}
	}
	after := counts()
	wantDelta := map[string]int{"agreements": created["/v1/agreements"], "consultations": created["/v1/consultations"],
		"joint_actions": created["/v1/joint-actions"], "organizations": created["/v1/organizations"],
		"cooperation_areas": created["/v1/cooperation-areas"], "agreement_parties": 2 * created["/v1/agreements"]}
	total := 0
	for _, n := range created {
		total += n
	}
	wantDelta["audit_log"] = total
	for table, n := range before {
		if after[table]-n != wantDelta[table] {
			t.Errorf("%s: %d rows → %d, want %+d", table, n, after[table], wantDelta[table])
		}
	}
	t.Logf("injection strings stored verbatim: %d records created, every free-text field compared", total)
}
