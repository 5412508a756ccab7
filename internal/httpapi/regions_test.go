package httpapi_test

// Tests of the regions reference data: paging through all 244 regions,
// the level and parent filters, single regions, and refused parameters.

import (
	"encoding/base64"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestRegionsPaginateThroughAll244(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	var codes []string
	var sizes []int
	path := "/v1/regions?limit=100"
	for i := 0; path != ""; i++ {
		if i > 5 {
			t.Fatal("pagination does not end")
		}
		p := fndList(t, api.get(path))
		sizes = append(sizes, len(p.items))
		for _, it := range p.items {
			codes = append(codes, it["code"].(string))
			for _, f := range []string{"code", "name_zh", "level"} {
				if s, _ := it[f].(string); s == "" {
					t.Fatalf("region lacks %s: %v", f, it)
				}
			}
			if _, ok := it["parent_code"]; !ok {
				t.Fatalf("region lacks parent_code: %v", it)
			}
		}
		if !p.hasNext {
			if p.link != "" {
				t.Fatalf("last page has a Link header %q", p.link)
			}
			path = ""
			continue
		}
		if p.next == "" {
			t.Fatalf("next_cursor present but empty on page %d", i)
		}
		m := linkPattern.FindStringSubmatch(p.link)
		if m == nil {
			t.Fatalf("Link = %q, want <…>; rel=\"next\"", p.link)
		}
		u, err := url.Parse(m[1])
		if err != nil {
			t.Fatal(err)
		}
		if u.Path != "/v1/regions" || u.Query().Get("cursor") != p.next || u.Query().Get("limit") != "100" {
			t.Fatalf("Link target %q does not carry cursor %q and limit 100", m[1], p.next)
		}
		path = u.RequestURI()
	}
	if !slices.Equal(sizes, []int{100, 100, 44}) {
		t.Fatalf("page sizes = %v, want [100 100 44]", sizes)
	}
	if !slices.IsSorted(codes) || len(slices.Compact(slices.Clone(codes))) != 244 {
		t.Fatalf("codes are not 244 distinct codes in order: %v", codes)
	}
	if codes[0] != "500000" || !slices.Contains(codes, "510182") {
		t.Fatalf("codes start with %s; 510182 present: %t", codes[0], slices.Contains(codes, "510182"))
	}

	// Default page size is 50; limit=200 is allowed.
	if p := fndList(t, api.get("/v1/regions")); len(p.items) != 50 || !p.hasNext {
		t.Fatalf("default page: %d items, next %t; want 50 and a next page", len(p.items), p.hasNext)
	}
	p := fndList(t, api.get("/v1/regions?limit=200"))
	if len(p.items) != 200 || !p.hasNext {
		t.Fatalf("limit=200: %d items", len(p.items))
	}
	last := fndList(t, api.get("/v1/regions?limit=200&cursor="+url.QueryEscape(p.next)))
	if len(last.items) != 44 || last.hasNext || last.link != "" {
		t.Fatalf("second page of 200: %d items, next %t, link %q", len(last.items), last.hasNext, last.link)
	}
}

func TestRegionFilters(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	if got := api.fndListCodes("/v1/regions?level=province"); !slices.Equal(got, []string{"500000", "510000"}) {
		t.Fatalf("provinces = %v", got)
	}
	pref := fndList(t, api.get("/v1/regions?level=prefecture&limit=200"))
	if len(pref.items) != 21 {
		t.Fatalf("%d prefectures, want 21", len(pref.items))
	}
	for _, it := range pref.items {
		if it["level"] != "prefecture" {
			t.Fatalf("level=prefecture gave %v", it)
		}
	}
	counties := fndList(t, api.get("/v1/regions?level=county&limit=200"))
	more := fndList(t, api.get("/v1/regions?level=county&limit=200&cursor="+url.QueryEscape(counties.next)))
	if len(counties.items)+len(more.items) != 221 || more.hasNext {
		t.Fatalf("counties = %d + %d, want 221", len(counties.items), len(more.items))
	}

	// parent gives direct children only.
	sichuan := fndList(t, api.get("/v1/regions?parent=510000&limit=200"))
	if len(sichuan.items) != 21 {
		t.Fatalf("parent=510000 gave %d regions, want its 21 prefectures", len(sichuan.items))
	}
	for _, it := range sichuan.items {
		if it["parent_code"] != "510000" || it["level"] != "prefecture" {
			t.Fatalf("parent=510000 gave %v", it)
		}
	}
	chengdu := api.fndListCodes("/v1/regions?parent=510100&limit=200")
	if len(chengdu) != 20 || !slices.Contains(chengdu, "510182") || slices.Contains(chengdu, "510100") {
		t.Fatalf("parent=510100 = %v, want Chengdu's 20 counties with 510182", chengdu)
	}
	if got := fndList(t, api.get("/v1/regions?parent=500000&limit=200")); len(got.items) != 38 {
		t.Fatalf("parent=500000 gave %d, want 38", len(got.items))
	}
	for _, path := range []string{
		"/v1/regions?parent=510182",              // a county has no children
		"/v1/regions?parent=999999",              // unknown parent matches nothing
		"/v1/regions?parent=510000&level=county", // no county is a direct child of Sichuan
	} {
		r := api.get(path)
		if got := fndList(t, r); len(got.items) != 0 || got.hasNext {
			t.Fatalf("%s = %v", path, fndCodes(got.items))
		}
		if !strings.Contains(string(r.Body), `"items":[]`) {
			t.Fatalf("%s: empty items must be [], got %s", path, r.Body)
		}
	}

	// One region, and unknown ones.
	r := api.get("/v1/regions/510182")
	expect(t, r, 200)
	if m := r.JSON(t); m["name_zh"] != "彭州市" || m["level"] != "county" || m["parent_code"] != "510100" {
		t.Fatalf("510182 = %s", r.Body)
	}
	if m := api.get("/v1/regions/500000").JSON(t); m["parent_code"] != nil || m["level"] != "province" {
		t.Fatalf("500000 = %v", m)
	}
	for _, code := range []string{"999999", "abc", "51018", "5101820"} {
		p := fndProblem(t, api.get("/v1/regions/"+code), 404)
		if fndType(p) != "not-found" {
			t.Fatalf("/v1/regions/%s: type %v", code, p["type"])
		}
	}
}

func TestRegionListBadParameters(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	foreignCursor := base64.RawURLEncoding.EncodeToString([]byte(`{"code":"500000"}`))
	twoPartCursor := base64.RawURLEncoding.EncodeToString([]byte(`["500000","x"]`))
	for _, q := range []string{
		"limit=0", "limit=201", "limit=abc", "limit=-1", "limit=1.5", "limit=",
		"limit=10&limit=20",
		"cursor=!!!", "cursor=" + foreignCursor, "cursor=" + twoPartCursor, "cursor=",
		"level=", "level=city", "level=Province", "level=province&level=county",
		"parent=", "parent=51", "parent=5100000", "parent=abcdef", "parent=%FF",
		"level=%FF", "level=province%00", "cursor=%FF",
	} {
		t.Run(q, func(t *testing.T) {
			p := fndProblem(t, api.get("/v1/regions?"+q), 400)
			if fndType(p) != "bad-request" {
				t.Fatalf("type = %v", p["type"])
			}
			name, _, _ := strings.Cut(q, "=")
			if d, _ := p["detail"].(string); !strings.Contains(d, name) {
				t.Fatalf("detail %q does not name parameter %s", d, name)
			}
		})
	}
	// A parameter the list does not define is refused (v1.1; v1.0 ignored
	// it), naming it and listing those the list defines.
	p := fndProblem(t, api.get("/v1/regions?limit=1&utm_source=x"), 400)
	errs, _ := p["errors"].([]any)
	if len(errs) != 1 || errs[0].(map[string]any)["field"] != "utm_source" || errs[0].(map[string]any)["code"] != "unknown_parameter" {
		t.Fatalf("errors = %v", p["errors"])
	}
	if d, _ := p["detail"].(string); !strings.Contains(d, "level, parent, limit, cursor") {
		t.Fatalf("detail %q does not list the parameters", d)
	}
}
