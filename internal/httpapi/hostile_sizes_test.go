package httpapi_test

// Hostile sizes: text and list limits at and past their bounds, bodies
// past 1 MiB, deep nesting and huge arrays, what such a body costs in
// memory, and that it does not slow other callers.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// boundaryCases: every text limit at its bound (accepted: the answer, made
// a 4xx by a poison, does not name the field) and one past it (422
// too_long naming the field), in CJK and in characters outside the BMP so
// that code points, not bytes or UTF-16 units, are what is counted; and
// the list and number limits.
func boundaryCases(api *testAPI, resources []hostileResource) []hostileCase {
	limits := map[string]int{
		"ref_no": 64, "title_zh": 200, "title_en": 200, "signed_place": 200, "summary_zh": 10000, "summary_en": 10000,
		"parties[0].signatory_name": 200, "parties[0].signatory_title": 200, "areas[0].label_zh": 200, "areas[0].label_en": 200,
		"areas[0].description": 10000, "mechanisms[0].description": 10000, "documents[0].title": 200,
		"topic_zh": 500, "topic_en": 500, "theme_zh": 500, "theme_en": 500, "location": 200,
		"outcomes[0].description_zh": 10000, "outcomes[0].description_en": 10000,
		"name_zh": 200, "name_en": 200, "short_name_zh": 50, "short_name_en": 50, "description": 10000,
	}
	var cases []hostileCase
	for _, res := range resources {
		for _, field := range res.freeText {
			limit := limits[field]
			if limit == 0 {
				panic("no limit known for " + field)
			}
			for _, ch := range []string{"长", "𠀀", "a"} {
				at := strings.Repeat(ch, limit)
				if field == "ref_no" {
					at = strings.Repeat(strings.ToUpper(ch), limit)
				}
				body, poisonField := res.poison(withField(res.full, field, "  "+at+" \t"))
				if poisonField == field {
					body, poisonField = res.patchPoison(withField(res.full, field, at))
				}
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s = %d × %q", res.collection, field, limit, ch),
					method: "POST", path: res.collection, key: api.Admin, body: mustJSON(body), want: wantProblem,
					status: []int{409, 422}, check: doesNotName(field)})
				over := withField(res.full, field, at+ch)
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s = %d × %q", res.collection, field, limit+1, ch),
					method: "POST", path: res.collection, key: api.Admin, body: mustJSON(over), want: wantProblem,
					status: []int{422}, check: names(field, "too_long")})
				cases = append(cases, hostileCase{name: fmt.Sprintf("PATCH %s %s = %d × %q", res.item, field, limit+1, ch),
					method: "PATCH", path: res.item, key: api.Admin, body: mustJSON(map[string]any{field: at + ch}),
					header: map[string]string{"If-Match": `"1"`}, want: wantProblem, status: []int{400, 422}})
			}
		}
	}
	// Lists and numbers at and past their bounds, in otherwise valid bodies.
	many := func(n int, f func(i int) any) []any {
		out := make([]any, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	over := []struct {
		path, field string
		v           any
	}{
		{"/v1/agreements", "parties", many(51, func(i int) any {
			return map[string]any{"organization_id": fmt.Sprintf("org-%d", i), "role": "signatory"}
		})},
		{"/v1/agreements", "areas", many(51, func(int) any { return map[string]any{"label_zh": "领域"} })},
		{"/v1/agreements", "mechanisms", many(21, func(int) any { return map[string]any{"kind": "other"} })},
		{"/v1/agreements", "documents", many(51, func(int) any { return map[string]any{"title": "t", "url": "https://example.org/"} })},
		{"/v1/agreements", "areas_declared", 101},
		{"/v1/agreements", "areas_declared", -1},
		{"/v1/agreements", "documents[0].url", "https://example.org/" + strings.Repeat("a", 2049-len("https://example.org/"))},
		{"/v1/consultations", "participants", many(101, func(i int) any {
			return map[string]any{"organization_id": fmt.Sprintf("org-%d", i), "role": "participant"}
		})},
		{"/v1/consultations", "outcomes", many(51, func(int) any { return map[string]any{"kind": "other"} })},
		{"/v1/consultations", "outcomes[0].count", 1_000_000_001},
		{"/v1/joint-actions", "outcomes[0].count", -1},
	}
	for _, o := range over {
		var base map[string]any
		for _, res := range resources {
			if res.collection == o.path {
				base = res.full
			}
		}
		cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s past its bound", o.path, o.field), method: "POST", path: o.path,
			key: api.Admin, body: mustJSON(withField(base, o.field, o.v)), want: wantProblem, status: []int{422},
			check: names(strings.Split(o.field, "[")[0], "")})
	}
	// At the bound, the URL and the count are accepted (the poison decides).
	for _, at := range []struct {
		path, field string
		v           any
	}{
		{"/v1/agreements", "documents[0].url", "https://example.org/" + strings.Repeat("a", 2048-len("https://example.org/"))},
		{"/v1/agreements", "areas_declared", 100},
		{"/v1/consultations", "outcomes[0].count", 1_000_000_000},
	} {
		for _, res := range resources {
			if res.collection == at.path {
				body, _ := res.poison(withField(res.full, at.field, at.v))
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s at its bound", at.path, at.field), method: "POST",
					path: at.path, key: api.Admin, body: mustJSON(body), want: wantProblem, status: []int{409, 422},
					check: doesNotName(at.field)})
			}
		}
	}
	return cases
}

// names checks that a problem lists field (with code, when given).
func names(field, code string) func(r response) error {
	return func(r response) error {
		var p struct {
			Errors []struct{ Field, Code string } `json:"errors"`
		}
		_ = json.Unmarshal(r.Body, &p)
		for _, e := range p.Errors {
			if (e.Field == field || strings.HasPrefix(e.Field, field+"[") || strings.HasPrefix(e.Field, field+".")) && (code == "" || e.Code == code) {
				return nil
			}
		}
		return fmt.Errorf("problem does not name %s %s: %.300s", field, code, r.Body)
	}
}

// doesNotName checks that a problem does not find fault with field.
func doesNotName(field string) func(r response) error {
	return func(r response) error {
		if names(field, "")(r) == nil {
			return fmt.Errorf("a value at its bound was refused: %.300s", r.Body)
		}
		return nil
	}
}

// sizeCases: bodies past 1 MiB (with and without a length, with and
// without an Idempotency-Key), deep nesting, huge arrays and objects.
func sizeCases(api *testAPI, resources []hostileResource) []hostileCase {
	var cases []hostileCase
	deep := func(open, close string, n int) string { return strings.Repeat(open, n) + strings.Repeat(close, n) }
	array := func(elem string, n int) string {
		var b strings.Builder
		b.WriteByte('[')
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(elem)
		}
		b.WriteByte(']')
		return b.String()
	}
	million := array("0", 1_000_000)
	fitting := array("{}", 340_000) // 340,000 elements in under 1 MiB
	numbers := array("1", 500_000)
	wide := func(n int) string { // an object with n distinct keys
		var b strings.Builder
		b.WriteByte('{')
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"k%d":0`, i)
		}
		b.WriteByte('}')
		return b.String()
	}
	for _, res := range resources {
		for _, tg := range []struct {
			method, path string
			body         map[string]any
			header       map[string]string
		}{
			{"POST", res.collection, res.full, nil},
			{"POST", res.collection, res.full, map[string]string{"Idempotency-Key": "hostile-size"}},
			{"PATCH", res.item, res.patchFull, map[string]string{"If-Match": `"1"`}},
		} {
			add := func(name string, body []byte, chunked bool, status ...int) {
				header := tg.header
				if _, idem := header["Idempotency-Key"]; idem { // a key of its own: the same key twice at once is 409
					header = map[string]string{"Idempotency-Key": fmt.Sprintf("hostile-size-%d", len(cases))}
				}
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s (%d bytes)", tg.path, name, len(body)), method: tg.method,
					path: tg.path, key: api.Admin, body: body, chunked: chunked, header: header, want: wantProblem, status: status})
			}
			textField := "title_zh"
			listField := "parties"
			if _, ok := tg.body["name_zh"]; ok {
				textField, listField = "name_zh", "name_zh"
			} else if _, ok := tg.body["participants"]; ok {
				listField = "participants"
			}
			huge := rawBody(tg.body, textField, `"`+strings.Repeat("a", 1<<20)+`"`)
			add("body over 1 MiB", huge, false, 413)
			add("body over 1 MiB, chunked", huge, true, 413)
			add("10⁶-element array", rawBody(tg.body, listField, million), false, 413)
			add("10⁶-element array, chunked", rawBody(tg.body, listField, million), true, 413)
			add("340,000-element array", rawBody(tg.body, listField, fitting), false, 400, 422)
			add("500,000-number array", rawBody(tg.body, listField, numbers), false, 400, 422)
			add("text of 900,000 characters", rawBody(tg.body, textField, `"`+strings.Repeat("b", 900_000)+`"`), false, 422)
			add("object of 60,000 keys", rawBody(tg.body, textField, wide(60_000)), false, 400)
			add("body of 60,000 keys", []byte(wide(60_000)), false, 400)
			for _, n := range []int{33, 1000, 200_000} {
				add(fmt.Sprintf("arrays nested %d deep", n), rawBody(tg.body, textField, deep("[", "]", n)), false, 400, 413)
				add(fmt.Sprintf("objects nested %d deep", n), rawBody(tg.body, textField, strings.Repeat(`{"a":`, n)+"1"+strings.Repeat("}", n)), false, 400, 413)
			}
			add("unclosed nesting 300,000 deep", []byte(strings.Repeat("[", 300_000)), false, 400)
			add("nested in a child", rawBody(tg.body, listField, "["+strings.Repeat(`{"organization_id":`, 5000)+`"x"`+strings.Repeat("}", 5000)+"]"), false, 400)
		}
	}
	return cases
}

// TestHostileHugeArraysMemory sends the largest arrays and the deepest
// nesting the body limit lets through and checks what one such request
// allocates. It runs alone (not in parallel), so the figures are its own.
func TestHostileHugeArraysMemory(t *testing.T) {
	api := newAPI(t)
	array := func(elem string, n int) []byte {
		return []byte(`{"title_zh":"x","type":"framework","parties":[` + strings.TrimSuffix(strings.Repeat(elem+",", n), ",") + `]}`)
	}
	cases := map[string][]byte{
		"340,000 empty objects":  array("{}", 340_000),
		"500,000 numbers":        array("1", 500_000),
		"200,000 nulls":          array("null", 200_000),
		"900,000-character text": []byte(`{"title_zh":"` + strings.Repeat("长", 300_000) + `","type":"framework","parties":[]}`),
		"60,000 keys":            []byte(`{"title_zh":{` + strings.TrimSuffix(strings.Repeat(`"k":0,`, 60_000), ",") + `}}`),
		"10⁶ numbers (413)":      array("0", 1_000_000),
		"deep arrays":            []byte(`{"title_zh":` + strings.Repeat("[", 500_000) + `}`),
	}
	for name, body := range cases {
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		r := api.do(req{method: "POST", path: "/v1/agreements", key: api.Admin, body: body})
		runtime.ReadMemStats(&m1)
		alloc := m1.TotalAlloc - m0.TotalAlloc
		t.Logf("%-22s %d bytes → %d, %.1f MiB allocated", name, len(body), r.Status, float64(alloc)/(1<<20))
		if r.Status < 400 || r.Status > 499 {
			t.Errorf("%s: status %d: %.200s", name, r.Status, r.Body)
		}
		if alloc > 32<<20 {
			t.Errorf("%s: %d MiB allocated for one request", name, alloc>>20)
		}
	}
}

// TestHostileInputsDoNotSlowOthers checks the hostile table's heaviest
// requests leave the service responsive: a plain read sent while huge
// bodies are being refused still answers quickly.
func TestHostileInputsDoNotSlowOthers(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	body := []byte(`{"title_zh":"x","parties":[` + strings.TrimSuffix(strings.Repeat("{},", 340_000), ",") + `]}`)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				hr, _ := http.NewRequestWithContext(ctx, "POST", api.URL+"/v1/agreements", bytes.NewReader(body))
				hr.Header.Set("Content-Type", "application/json")
				hr.Header.Set("Authorization", "Bearer "+api.Admin)
				if resp, err := http.DefaultClient.Do(hr); err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode >= 500 {
						t.Errorf("huge body: status %d", resp.StatusCode)
					}
				}
			}
		}()
	}
	var worst time.Duration
	for range 20 {
		start := time.Now()
		expect(t, api.get("/v1/regions/500115"), 200)
		worst = max(worst, time.Since(start))
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	t.Logf("slowest plain read while huge bodies were refused: %v", worst)
	if worst > 2*time.Second {
		t.Errorf("a plain read took %v while huge bodies were refused", worst)
	}
}
