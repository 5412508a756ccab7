package httpapi_test

// Tests of the foundation of the service: reference data (regions,
// cooperation areas), organisations, request decoding and problem
// details, access, rate limiting and request ids.

import (
	"context"
	"encoding/base64"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/httpapi"
	"github.com/chengyu-collab/registry/internal/postgres/pgtest"
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
	// Unknown parameters are not filters; they do not break the list.
	if got := fndList(t, api.get("/v1/regions?limit=1&utm_source=x")); len(got.items) != 1 {
		t.Fatalf("limit=1 gave %d", len(got.items))
	}
}

func TestCooperationAreas(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	ctx := context.Background()
	list := fndList(t, api.get("/v1/cooperation-areas"))
	codes := fndCodes(list.items)
	if !slices.IsSorted(codes) {
		t.Fatalf("areas not listed by code: %v", codes)
	}
	for _, want := range []string{"private-economy", "culture-tourism", "joint-duty", "ecology", "emergency-management", "industry", "transport", "public-services"} {
		if !slices.Contains(codes, want) {
			t.Errorf("taxonomy lacks %s", want)
		}
	}
	names := map[string]string{}
	for _, it := range list.items {
		names[it["code"].(string)], _ = it["name_zh"].(string)
		if v, _ := it["version"].(float64); v < 1 {
			t.Fatalf("area without version: %v", it)
		}
	}
	if names["private-economy"] != "民营经济协同发展" || names["culture-tourism"] != "文旅交流" || names["joint-duty"] != "联合履职" {
		t.Fatalf("area names = %v", names)
	}
	page := fndList(t, api.get("/v1/cooperation-areas?limit=2"))
	if len(page.items) != 2 || !page.hasNext || !strings.Contains(page.link, `rel="next"`) {
		t.Fatalf("limit=2: %d items, next %t, link %q", len(page.items), page.hasNext, page.link)
	}
	fndProblem(t, api.get("/v1/cooperation-areas?limit=0"), 400)
	for _, code := range []string{"no-such-area", "%FF", "a%00b", "Ecology", "x"} {
		fndProblem(t, api.get("/v1/cooperation-areas/"+code), 404)
	}
	one := api.get("/v1/cooperation-areas/culture-tourism")
	expect(t, one, 200)
	if one.Header.Get("ETag") != `"`+strconv.Itoa(int(one.JSON(t)["version"].(float64)))+`"` {
		t.Fatalf("ETag %q does not name version %s", one.Header.Get("ETag"), one.Body)
	}

	// Writes are for admins.
	secret, adminKey, err := api.Store.CreateKey(ctx, "area admin", "admin", "")
	if err != nil {
		t.Fatal(err)
	}
	body := map[string]any{"code": "rural-revitalisation", "name_zh": "乡村振兴", "name_en": "Rural revitalisation"}
	before := api.countRows("cooperation_areas")
	r := api.do(req{method: "POST", path: "/v1/cooperation-areas", body: body})
	fndProblem(t, r, 401)
	if r.Header.Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
	fndProblem(t, api.do(req{method: "POST", path: "/v1/cooperation-areas", key: api.Changshou, body: body}), 403)
	fndProblem(t, api.do(req{method: "POST", path: "/v1/cooperation-areas", key: api.Reader, body: body}), 403)
	if n := api.countRows("cooperation_areas"); n != before {
		t.Fatalf("refused creates wrote %d areas", n-before)
	}

	created := api.do(req{method: "POST", path: "/v1/cooperation-areas", key: secret, body: body,
		header: map[string]string{"X-Request-ID": "area-create-1"}})
	expect(t, created, 201)
	if loc := created.Header.Get("Location"); loc != "/v1/cooperation-areas/rural-revitalisation" {
		t.Fatalf("Location = %q", loc)
	}
	if created.Header.Get("ETag") != `"1"` {
		t.Fatalf("ETag = %q, want \"1\"", created.Header.Get("ETag"))
	}
	if m := created.JSON(t); m["code"] != "rural-revitalisation" || m["name_zh"] != "乡村振兴" || m["version"] != 1.0 {
		t.Fatalf("created = %s", created.Body)
	}
	if got := api.get(created.Header.Get("Location")); got.Status != 200 || got.JSON(t)["name_en"] != "Rural revitalisation" {
		t.Fatalf("GET Location = %d %s", got.Status, got.Body)
	}
	dup := fndProblem(t, api.do(req{method: "POST", path: "/v1/cooperation-areas", key: secret, body: body}), 409, "code")
	if fndType(dup) != "conflict" {
		t.Fatalf("duplicate type = %v", dup["type"])
	}
	fndProblem(t, api.do(req{method: "POST", path: "/v1/cooperation-areas", key: secret,
		body: map[string]any{"code": "Bad Code", "name_zh": "x"}}), 422, "code")

	// PATCH needs If-Match; the code is immutable.
	path := "/v1/cooperation-areas/rural-revitalisation"
	patch := func(key, ifMatch string, body any) response {
		h := map[string]string{"Content-Type": "application/merge-patch+json"}
		if ifMatch != "" {
			h["If-Match"] = ifMatch
		}
		return api.do(req{method: "PATCH", path: path, key: key, body: body, header: h})
	}
	fndProblem(t, patch(secret, "", map[string]any{"name_zh": "乡村振兴发展"}), 428)
	fndProblem(t, patch(secret, `"7"`, map[string]any{"name_zh": "乡村振兴发展"}), 412)
	p := fndProblem(t, patch(secret, `"1"`, map[string]any{"code": "rural-development"}), 400)
	if !strings.Contains(p["detail"].(string), "code") {
		t.Fatalf("immutable code detail = %v", p["detail"])
	}
	fndProblem(t, patch(api.Changshou, `"1"`, map[string]any{"name_zh": "x"}), 403)
	fndProblem(t, patch("", `"1"`, map[string]any{"name_zh": "x"}), 401)
	fndProblem(t, patch(secret, `"1"`, map[string]any{"version": 5}), 400)
	fndProblem(t, patch(secret, `"1"`, map[string]any{"name_zh": "   "}), 422, "name_zh")
	fndProblem(t, patch(secret, `"1"`, map[string]any{"parent_code": "no-such-area"}), 422, "parent_code")
	for _, code := range []string{"no-such-area", "%FF", "a%00b"} {
		r := api.do(req{method: "PATCH", path: "/v1/cooperation-areas/" + code, key: secret, body: map[string]any{"name_zh": "x"},
			header: map[string]string{"If-Match": `"1"`}})
		fndProblem(t, r, 404)
	}
	if got := api.get(path).JSON(t); got["version"] != 1.0 || got["code"] != "rural-revitalisation" {
		t.Fatalf("refused patches changed the area: %v", got)
	}

	ok := api.do(req{method: "PATCH", path: path, key: secret, body: map[string]any{"code": "rural-revitalisation", "name_zh": "乡村振兴发展", "name_en": nil},
		header: map[string]string{"If-Match": `"1"`, "X-Request-ID": "area-update-1"}})
	expect(t, ok, 200)
	if m := ok.JSON(t); m["name_zh"] != "乡村振兴发展" || m["name_en"] != nil || m["version"] != 2.0 || ok.Header.Get("ETag") != `"2"` {
		t.Fatalf("patched = %s (ETag %s)", ok.Body, ok.Header.Get("ETag"))
	}
	fndProblem(t, patch(secret, `"1"`, map[string]any{"name_zh": "stale"}), 412)
	fndProblem(t, patch(secret, `"2"`, map[string]any{"code": "rural-development"}), 400)
	if _, err := api.Store.GetArea(ctx, "rural-development"); err == nil {
		t.Fatal("a PATCH renamed the area")
	}

	// Each write appended one audit entry, with the code as entity_id.
	auditPath := "/v1/audit?entity=cooperation_area&entity_id=rural-revitalisation"
	fndProblem(t, api.get(auditPath), 401)
	fndProblem(t, api.do(req{method: "GET", path: auditPath, key: api.Changshou}), 403)
	fndProblem(t, api.do(req{method: "GET", path: auditPath, key: api.Reader}), 403)
	for _, q := range []string{"entity=area", "entity_id=%FF", "entity_id=", "actor=admin", "from=yesterday", "to=2024-13-01", "cursor=zz", "limit=0"} {
		fndProblem(t, api.do(req{method: "GET", path: "/v1/audit?" + q, key: api.Admin}), 400)
	}
	audit := fndList(t, api.do(req{method: "GET", path: auditPath, key: api.Admin}))
	if len(audit.items) != 2 {
		t.Fatalf("audit entries = %d, want 2 (create, update): %v", len(audit.items), audit.items)
	}
	for i, want := range []struct{ action, request string }{{"create", "area-create-1"}, {"update", "area-update-1"}} {
		e := audit.items[i]
		if e["action"] != want.action || e["entity"] != "cooperation_area" || e["entity_id"] != "rural-revitalisation" ||
			e["actor_key_id"] != adminKey.ID || e["request_id"] != want.request {
			t.Fatalf("audit[%d] = %v, want %s by key %s in request %s", i, e, want.action, adminKey.ID, want.request)
		}
	}
	if audit.items[0]["before"] != nil || audit.items[0]["after"] == nil || audit.items[1]["before"] == nil {
		t.Fatalf("audit before/after wrong: %v", audit.items)
	}
	if after, _ := audit.items[1]["after"].(map[string]any); after["name_zh"] != "乡村振兴发展" {
		t.Fatalf("update entry after = %v", audit.items[1]["after"])
	}
}

func TestOrganizationListFilters(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	all := []string{"changshou-capd", "changshou-cppcc", "changshou-cpwdp", "changshou-fic", "changshou-jiusan",
		"changshou-rcck", "changshou-zhilianhui", "linshui-cppcc", "pengzhou-cppcc", "yubei-cppcc"}
	cases := []struct {
		query string
		want  []string
	}{
		{"", all},
		{"kind=democratic_party", []string{"changshou-capd", "changshou-cpwdp", "changshou-jiusan", "changshou-rcck"}},
		{"kind=cppcc_committee", []string{"changshou-cppcc", "linshui-cppcc", "pengzhou-cppcc", "yubei-cppcc"}},
		{"kind=government", []string{}},
		{"region=510000", []string{"linshui-cppcc", "pengzhou-cppcc"}},
		{"region=510100", []string{"pengzhou-cppcc"}},
		{"region=510182", []string{"pengzhou-cppcc"}},
		{"region=511600", []string{"linshui-cppcc"}},
		{"region=500000", []string{"changshou-capd", "changshou-cppcc", "changshou-cpwdp", "changshou-fic", "changshou-jiusan",
			"changshou-rcck", "changshou-zhilianhui", "yubei-cppcc"}},
		{"region=500112", []string{"yubei-cppcc"}},
		{"region=999999", []string{}},
		{"region=510300", []string{}},
		{"q=" + url.QueryEscape("彭州"), []string{"pengzhou-cppcc"}},
		{"q=" + url.QueryEscape("九三"), []string{"changshou-jiusan"}},
		{"q=" + url.QueryEscape("政协"), []string{"changshou-cppcc", "linshui-cppcc", "pengzhou-cppcc", "yubei-cppcc"}},
		{"q=PENGZHOU", []string{"pengzhou-cppcc"}},
		{"q=" + url.QueryEscape("jiusan SOCIETY"), []string{"changshou-jiusan"}},
		{"q=" + url.QueryEscape("Kuomintang"), []string{"changshou-rcck"}},
		{"q=linshui-cppcc", []string{"linshui-cppcc"}},
		{"q=%25", []string{}}, // % is matched literally
		{"q=_", []string{}},   // so is _
		{"q=nothing-like-this", []string{}},
		{"q=" + url.QueryEscape("政协") + "&region=500000", []string{"changshou-cppcc", "yubei-cppcc"}},
		{"kind=cppcc_committee&region=510000", []string{"linshui-cppcc", "pengzhou-cppcc"}},
	}
	for _, c := range cases {
		if got := api.fndListCodes("/v1/organizations?" + c.query); !slices.Equal(got, c.want) {
			t.Errorf("?%s = %v, want %v", c.query, got, c.want)
		}
	}
	var paged []string
	path := "/v1/organizations?limit=3"
	for i := 0; path != ""; i++ {
		if i > 5 {
			t.Fatal("pagination does not end")
		}
		p := fndList(t, api.get(path))
		paged = append(paged, fndCodes(p.items)...)
		path = ""
		if m := linkPattern.FindStringSubmatch(p.link); m != nil {
			path = m[1]
		} else if p.hasNext {
			t.Fatalf("next_cursor without Link: %q", p.link)
		}
	}
	if !slices.Equal(paged, all) {
		t.Fatalf("limit=3 pages = %v, want %v", paged, all)
	}
	// Values that do not parse are 400, never a database error: invalid
	// UTF-8 and NUL included.
	for _, q := range []string{"kind=", "kind=party", "region=51", "region=", "q=", "q=" + strings.Repeat("x", 201),
		"limit=500", "cursor=zz", "q=%FF", "q=%C3", "q=a%00b", "q=%E5%BD", "kind=%FF"} {
		p := fndProblem(t, api.get("/v1/organizations?"+q), 400)
		if fndType(p) != "bad-request" {
			t.Fatalf("?%s: type %v", q, p["type"])
		}
	}
}

func TestOrganizationReadsAndWrites(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	byCode := api.get("/v1/organizations/pengzhou-cppcc")
	expect(t, byCode, 200)
	org := byCode.JSON(t)
	id, _ := org["id"].(string)
	if len(id) != 36 || org["code"] != "pengzhou-cppcc" || org["region_code"] != "510182" || org["name_zh"] != "中国人民政治协商会议四川省彭州市委员会" {
		t.Fatalf("pengzhou-cppcc = %s", byCode.Body)
	}
	for _, f := range []string{"kind", "name_en", "short_name_zh", "short_name_en", "parent_id", "version", "created_at", "updated_at"} {
		if _, ok := org[f]; !ok {
			t.Errorf("organisation lacks %s", f)
		}
	}
	etag := byCode.Header.Get("ETag")
	if etag != `"`+strconv.Itoa(int(org["version"].(float64)))+`"` {
		t.Fatalf("ETag = %q for %s", etag, byCode.Body)
	}
	byID := api.get("/v1/organizations/" + id)
	expect(t, byID, 200)
	if string(byID.Body) != string(byCode.Body) || byID.Header.Get("ETag") != etag {
		t.Fatalf("by id = %s, by code = %s", byID.Body, byCode.Body)
	}
	for _, ref := range []string{"no-such-org", "0190f0f0-0000-7000-8000-000000000000", "Not A Code", "x"} {
		fndProblem(t, api.get("/v1/organizations/"+url.PathEscape(ref)), 404)
	}

	// Creating is for admins.
	body := map[string]any{"code": "chengdu-cppcc", "kind": "cppcc_committee", "name_zh": "中国人民政治协商会议成都市委员会",
		"name_en": "Chengdu Committee of the CPPCC", "short_name_zh": "成都市政协", "region_code": "510100"}
	before := api.countRows("organizations")
	fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", body: body}), 401)
	fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Changshou, body: body}), 403)
	fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Reader, body: body}), 403)
	if n := api.countRows("organizations"); n != before {
		t.Fatalf("refused creates wrote %d organisations", n-before)
	}
	created := api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: body})
	expect(t, created, 201)
	c := created.JSON(t)
	newID, _ := c["id"].(string)
	if created.Header.Get("Location") != "/v1/organizations/"+newID || created.Header.Get("ETag") != `"1"` {
		t.Fatalf("Location %q, ETag %q for %s", created.Header.Get("Location"), created.Header.Get("ETag"), created.Body)
	}
	if c["code"] != "chengdu-cppcc" || c["version"] != 1.0 || c["short_name_en"] != nil || c["region_code"] != "510100" {
		t.Fatalf("created = %s", created.Body)
	}
	if got := api.fndListCodes("/v1/organizations?region=510000"); !slices.Equal(got, []string{"chengdu-cppcc", "linshui-cppcc", "pengzhou-cppcc"}) {
		t.Fatalf("region=510000 after create = %v", got)
	}
	if got := api.get(created.Header.Get("Location")); got.Status != 200 || got.JSON(t)["code"] != "chengdu-cppcc" {
		t.Fatalf("GET Location = %d %s", got.Status, got.Body)
	}
	audit := fndList(t, api.do(req{method: "GET", path: "/v1/audit?entity=organization&entity_id=" + newID, key: api.Admin}))
	if len(audit.items) != 1 || audit.items[0]["action"] != "create" {
		t.Fatalf("audit of the create = %v", audit.items)
	}

	// Duplicates and unknown references name the field.
	dup := fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: body}), 409, "code")
	if fndType(dup) != "conflict" {
		t.Fatalf("duplicate type = %v", dup["type"])
	}
	other := map[string]any{"code": "somewhere-cppcc", "kind": "other", "name_zh": "某地政协", "region_code": "999999"}
	p := fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: other}), 422, "region_code")
	if errs := p["errors"].([]any); errs[0].(map[string]any)["code"] != "unknown_region" {
		t.Fatalf("unknown region errors = %v", errs)
	}
	other["region_code"] = "51"
	fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: other}), 422, "region_code")
	delete(other, "region_code")
	other["parent_id"] = "no-such-parent"
	fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: other}), 422, "parent_id")
	other["kind"] = "club"
	other["parent_id"] = "changshou-cppcc"
	fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: other}), 422, "kind")
	if n := api.countRows("organizations"); n != before+1 {
		t.Fatalf("organisations = %d, want %d", n, before+1)
	}

	// A registrar may edit its own organisation, not another.
	patch := func(key, ref, ifMatch string, body any) response {
		h := map[string]string{}
		if ifMatch != "" {
			h["If-Match"] = ifMatch
		}
		return api.do(req{method: "PATCH", path: "/v1/organizations/" + ref, key: key, body: body, header: h})
	}
	change := map[string]any{"short_name_en": "Pengzhou CPPCC (Sichuan)"}
	fndProblem(t, patch(api.Changshou, "pengzhou-cppcc", etag, change), 403)
	fndProblem(t, patch(api.Yubei, id, etag, change), 403)
	fndProblem(t, patch(api.Reader, "pengzhou-cppcc", etag, change), 403)
	fndProblem(t, patch("", "pengzhou-cppcc", etag, change), 401)
	fndProblem(t, patch(api.Pengzhou, "pengzhou-cppcc", "", change), 428)
	fndProblem(t, patch(api.Pengzhou, "pengzhou-cppcc", `"99"`, change), 412)
	fndProblem(t, patch(api.Pengzhou, "pengzhou-cppcc", etag, map[string]any{"id": id}), 400)
	fndProblem(t, patch(api.Pengzhou, "pengzhou-cppcc", etag, map[string]any{"nickname": "x"}), 400)
	fndProblem(t, patch(api.Pengzhou, "pengzhou-cppcc", etag, `["not", "an", "object"]`), 400)
	fndProblem(t, patch(api.Pengzhou, "pengzhou-cppcc", etag, map[string]any{"region_code": "999999"}), 422, "region_code")
	fndProblem(t, patch(api.Pengzhou, "pengzhou-cppcc", etag, map[string]any{"name_en": "  "}), 422, "name_en")
	if got := api.get("/v1/organizations/pengzhou-cppcc"); string(got.Body) != string(byCode.Body) {
		t.Fatalf("refused patches changed the organisation: %s", got.Body)
	}
	ok := patch(api.Pengzhou, "pengzhou-cppcc", etag, change)
	expect(t, ok, 200)
	if m := ok.JSON(t); m["short_name_en"] != "Pengzhou CPPCC (Sichuan)" || m["short_name_zh"] != "彭州市政协" ||
		m["version"] != org["version"].(float64)+1 || m["id"] != id {
		t.Fatalf("patched = %s", ok.Body)
	}
	if ok.Header.Get("ETag") == etag {
		t.Fatal("ETag did not change")
	}
	fndProblem(t, patch(api.Pengzhou, "pengzhou-cppcc", etag, change), 412)
	// Admins may edit any organisation; changing to a taken code is 409.
	fndProblem(t, patch(api.Admin, "chengdu-cppcc", `"1"`, map[string]any{"code": "pengzhou-cppcc"}), 409, "code")
	cleared := patch(api.Admin, "chengdu-cppcc", `"1"`, map[string]any{"name_en": nil, "short_name_zh": nil})
	expect(t, cleared, 200)
	if m := cleared.JSON(t); m["name_en"] != nil || m["short_name_zh"] != nil || m["name_zh"] != "中国人民政治协商会议成都市委员会" {
		t.Fatalf("null did not clear: %s", cleared.Body)
	}
}

// validOrg is a minimal valid organisation body for the decoding tests.
const validOrg = `{"code":"test-org","kind":"other","name_zh":"测试组织"}`

func TestOrganizationCreateRejectsMalformedBodies(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	big := `{"code":"big-org","kind":"other","name_zh":"` + strings.Repeat("a", 1<<20) + `"}`
	cases := []struct {
		name        string
		body        any
		contentType string
		status      int
		kind        string // problem type
	}{
		{"unknown field", `{"code":"test-org","kind":"other","name_zh":"测试","nickname":"x"}`, "", 400, "bad-request"},
		{"unknown nested-looking field", `{"code":"test-org","kind":"other","name_zh":"测试","name":{"zh":"x"}}`, "", 400, "bad-request"},
		{"field in another letter case", `{"Code":"test-org","kind":"other","name_zh":"测试"}`, "", 400, "bad-request"},
		{"field in capitals", `{"code":"test-org","KIND":"other","name_zh":"测试"}`, "", 400, "bad-request"},
		{"both letter cases", `{"code":"test-org","kind":"other","name_zh":"测试","Name_zh":"测"}`, "", 400, "bad-request"},
		{"duplicate key", `{"code":"test-org","kind":"other","name_zh":"测试","code":"other-org"}`, "", 400, "bad-request"},
		{"duplicate key spelled with an escape", `{"code":"test-org","kind":"other","name_zh":"测试","c\u006fde":"other-org"}`, "", 400, "bad-request"},
		{"duplicate key, same value", `{"code":"test-org","kind":"other","name_zh":"测试","name_zh":"测试"}`, "", 400, "bad-request"},
		{"second JSON value", validOrg + `{}`, "", 400, "bad-request"},
		{"second object", validOrg + "\n" + validOrg, "", 400, "bad-request"},
		{"trailing garbage", validOrg + `x`, "", 400, "bad-request"},
		{"trailing bracket", validOrg + `]`, "", 400, "bad-request"},
		{"malformed", `{"code":"test-org",`, "", 400, "bad-request"},
		{"empty body", ``, "", 400, "bad-request"},
		{"not an object: array", `[]`, "", 400, "bad-request"},
		{"not an object: string", `"test-org"`, "", 400, "bad-request"},
		{"not an object: null", `null`, "", 400, "bad-request"},
		{"not an object: number", ` 42`, "", 400, "bad-request"},
		{"text/plain", validOrg, "text/plain", 415, "unsupported-media"},
		{"no content type", validOrg, "-", 415, "unsupported-media"},
		{"form", "code=test-org", "application/x-www-form-urlencoded", 415, "unsupported-media"},
		{"latin-1 charset", validOrg, "application/json; charset=iso-8859-1", 415, "unsupported-media"},
		{"merge patch on a create", validOrg, "application/merge-patch+json", 415, "unsupported-media"},
		{"over 1 MiB", big, "", 413, "body-too-large"},
		{"invalid UTF-8", []byte("{\"code\":\"test-org\",\"kind\":\"other\",\"name_zh\":\"\xff\xfe\"}"), "", 400, "bad-request"},
		{"truncated UTF-8", []byte("{\"code\":\"test-org\",\"kind\":\"other\",\"name_zh\":\"\xe6\xb5\"}"), "", 400, "bad-request"},
		{"read-only id", `{"id":"0190f0f0-0000-7000-8000-000000000000","code":"test-org","kind":"other","name_zh":"测试"}`, "", 400, "read-only-field"},
		{"read-only ID", `{"ID":"0190f0f0-0000-7000-8000-000000000000","code":"test-org","kind":"other","name_zh":"测试"}`, "", 400, "read-only-field"},
		{"read-only version", `{"code":"test-org","kind":"other","name_zh":"测试","version":7}`, "", 400, "read-only-field"},
		{"read-only created_at", `{"code":"test-org","kind":"other","name_zh":"测试","created_at":"2020-01-01T00:00:00Z"}`, "", 400, "read-only-field"},
		{"read-only updated_at", `{"code":"test-org","kind":"other","name_zh":"测试","updated_at":"2020-01-01T00:00:00Z"}`, "", 400, "read-only-field"},
		{"read-only archived_at", `{"code":"test-org","kind":"other","name_zh":"测试","archived_at":null}`, "", 400, "read-only-field"},
		{"number for a string", `{"code":"test-org","kind":"other","name_zh":5}`, "", 400, "bad-request"},
		{"boolean for a string", `{"code":true,"kind":"other","name_zh":"测试"}`, "", 400, "bad-request"},
		{"array for a string", `{"code":"test-org","kind":"other","name_zh":"测试","name_en":["x"]}`, "", 400, "bad-request"},
		{"object for a string", `{"code":"test-org","kind":{},"name_zh":"测试"}`, "", 400, "bad-request"},
		{"number for region", `{"code":"test-org","kind":"other","name_zh":"测试","region_code":510182}`, "", 400, "bad-request"},
	}
	orgs, audit := api.countRows("organizations"), api.countRows("audit_log")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := map[string]string{}
			switch c.contentType {
			case "":
			case "-":
				h["Content-Type"] = ""
			default:
				h["Content-Type"] = c.contentType
			}
			p := fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: c.body, header: h}), c.status)
			if fndType(p) != c.kind {
				t.Fatalf("type = %v, want …/%s", p["type"], c.kind)
			}
			if n := api.countRows("organizations"); n != orgs {
				t.Fatalf("a refused body wrote %d organisations", n-orgs)
			}
			if n := api.countRows("audit_log"); n != audit {
				t.Fatalf("a refused body wrote %d audit entries", n-audit)
			}
		})
	}
	// The body limit is 1 MiB exactly: a body of 1 MiB is read (and, padded
	// with white space, accepted), one byte more is not.
	exact := `{"code":"exact-org","kind":"other","name_zh":"一兆字节"}`
	exact += strings.Repeat(" ", 1<<20-len(exact))
	if len(exact) != 1<<20 {
		t.Fatalf("body is %d bytes", len(exact))
	}
	r := api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: exact})
	expect(t, r, 201)
	fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin,
		body: strings.Replace(exact, "exact-org", "exact-or2", 1) + " "}), 413)
	if n := api.countRows("organizations"); n != orgs+1 {
		t.Fatalf("organisations = %d, want %d", n, orgs+1)
	}
}

func TestOrganizationCreateValidation(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	post := func(body any, lang string) response {
		h := map[string]string{}
		if lang != "" {
			h["Accept-Language"] = lang
		}
		return api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: body, header: h})
	}
	orgs := api.countRows("organizations")
	cases := []struct {
		name   string
		body   string
		fields []string
	}{
		{"NUL in a string", `{"code":"test-org","kind":"other","name_zh":"测\u0000试"}`, []string{"name_zh"}},
		{"blank name_zh", `{"code":"test-org","kind":"other","name_zh":"   "}`, []string{"name_zh"}},
		{"empty name_zh", `{"code":"test-org","kind":"other","name_zh":""}`, []string{"name_zh"}},
		{"blank name_en", `{"code":"test-org","kind":"other","name_zh":"测试","name_en":"   "}`, []string{"name_en"}},
		{"empty short_name_zh", `{"code":"test-org","kind":"other","name_zh":"测试","short_name_zh":""}`, []string{"short_name_zh"}},
		{"tab-only short_name_en", `{"code":"test-org","kind":"other","name_zh":"测试","short_name_en":"\t\n"}`, []string{"short_name_en"}},
		{"201 CJK code points", `{"code":"test-org","kind":"other","name_zh":"` + strings.Repeat("政", 201) + `"}`, []string{"name_zh"}},
		{"201-character English name", `{"code":"test-org","kind":"other","name_zh":"测试","name_en":"` + strings.Repeat("a", 201) + `"}`, []string{"name_en"}},
		{"51-character short name", `{"code":"test-org","kind":"other","name_zh":"测试","short_name_zh":"` + strings.Repeat("政", 51) + `"}`, []string{"short_name_zh"}},
		{"everything missing", `{}`, []string{"code", "kind", "name_zh"}},
		{"bad code", `{"code":"Test Org","kind":"other","name_zh":"测试"}`, []string{"code"}},
		{"one-letter code", `{"code":"t","kind":"other","name_zh":"测试"}`, []string{"code"}},
		{"unknown kind", `{"code":"test-org","kind":"club","name_zh":"测试"}`, []string{"kind"}},
		{"bad parent", `{"code":"test-org","kind":"other","name_zh":"测试","parent_id":"Not A Ref"}`, []string{"parent_id"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := fndProblem(t, post(c.body, ""), 422, c.fields...)
			if fndType(p) != "validation" || p["title"] != "Request body is invalid" {
				t.Fatalf("type %v, title %v", p["type"], p["title"])
			}
			for _, e := range p["errors"].([]any) {
				f := e.(map[string]any)
				field, _ := f["field"].(string)
				if field == "" || field != strings.ToLower(field) || strings.Contains(field, "Request") {
					t.Fatalf("field %q is not a JSON path", field)
				}
				if code, _ := f["code"].(string); code == "" {
					t.Fatalf("field error without code: %v", f)
				}
				if msg, _ := f["message"].(string); msg == "" || containsHan(msg) {
					t.Fatalf("English message expected, got %q", msg)
				}
			}
			if n := api.countRows("organizations"); n != orgs {
				t.Fatalf("an invalid body wrote %d organisations", n-orgs)
			}
		})
	}

	// Messages follow Accept-Language.
	missing := `{"code":"test-org","kind":"other"}`
	zh := fndProblem(t, post(missing, "zh-CN,zh;q=0.9,en;q=0.8"), 422, "name_zh")
	if zh["title"] != "请求内容无效" {
		t.Fatalf("Chinese title = %v", zh["title"])
	}
	if msg := fieldMessageOf(zh, "name_zh"); !strings.Contains(msg, "为必填项") {
		t.Fatalf("Chinese message = %q", msg)
	}
	if d, _ := zh["detail"].(string); !containsHan(d) {
		t.Fatalf("Chinese detail = %q", d)
	}
	for _, lang := range []string{"", "en", "en-US,zh;q=0.5", "fr"} {
		en := fndProblem(t, post(missing, lang), 422, "name_zh")
		if en["title"] != "Request body is invalid" || fieldMessageOf(en, "name_zh") != "is required" {
			t.Fatalf("Accept-Language %q: title %v, message %q", lang, en["title"], fieldMessageOf(en, "name_zh"))
		}
	}
	tw := fndProblem(t, post(`{"code":"test-org","kind":"other","name_zh":"测试","name_en":" "}`, "zh-TW"), 422, "name_en")
	if !containsHan(fieldMessageOf(tw, "name_en")) {
		t.Fatalf("zh-TW message = %q", fieldMessageOf(tw, "name_en"))
	}
	bad := fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: `{"nickname":1}`,
		header: map[string]string{"Accept-Language": "zh-CN"}}), 400)
	if bad["title"] != "请求格式错误" {
		t.Fatalf("Chinese 400 title = %v", bad["title"])
	}
	if n := api.countRows("organizations"); n != orgs {
		t.Fatalf("invalid bodies wrote %d organisations", n-orgs)
	}

	// 200 CJK code points is the limit, and accepted; text is stored as
	// sent after trimming surrounding white space.
	name := strings.Repeat("政", 200)
	r := post(`{"code":"long-name","kind":"other","name_zh":"`+name+`","name_en":"  Long 🐼 name  ","short_name_zh":"`+strings.Repeat("协", 50)+`"}`, "")
	expect(t, r, 201)
	if m := r.JSON(t); m["name_zh"] != name || m["name_en"] != "Long 🐼 name" {
		t.Fatalf("stored = %s", r.Body)
	}
	// A trailing newline after the JSON value is white space, not data.
	expect(t, post(`{"code":"newline-org","kind":"other","name_zh":"换行"}`+"\n", ""), 201)
	expect(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: `{"code":"charset-org","kind":"other","name_zh":"字符集"}`,
		header: map[string]string{"Content-Type": "application/json; charset=UTF-8"}}), 201)
	if n := api.countRows("organizations"); n != orgs+3 {
		t.Fatalf("organisations = %d, want %d", n, orgs+3)
	}
}

func fieldMessageOf(p map[string]any, field string) string {
	errs, _ := p["errors"].([]any)
	for _, e := range errs {
		if m, ok := e.(map[string]any); ok && m["field"] == field {
			s, _ := m["message"].(string)
			return s
		}
	}
	return ""
}

func containsHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

func TestUnknownRouteAndWrongMethodAreProblems(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	for _, path := range []string{"/v1/nope", "/nope", "/v1/regions/500115/children", "/v2/regions"} {
		p := fndProblem(t, api.get(path), 404)
		if fndType(p) != "not-found" || p["instance"] != path {
			t.Fatalf("%s: %v", path, p)
		}
	}
	for _, c := range []struct{ method, path string }{
		{"DELETE", "/v1/regions"},
		{"POST", "/v1/regions/500115"},
		{"PUT", "/v1/organizations/changshou-cppcc"},
		{"DELETE", "/v1/organizations/changshou-cppcc"},
		{"PUT", "/v1/cooperation-areas/ecology"},
		{"POST", "/v1/audit"},
		{"POST", "/healthz"},
	} {
		p := fndProblem(t, api.do(req{method: c.method, path: c.path, key: api.Admin}), 405)
		if fndType(p) != "method-not-allowed" {
			t.Fatalf("%s %s: %v", c.method, c.path, p)
		}
	}
	if got := api.get("/v1/organizations/changshou-cppcc"); got.Status != 200 {
		t.Fatalf("405 changed something: %d", got.Status)
	}
	zh := fndProblem(t, api.do(req{method: "GET", path: "/v1/nope", header: map[string]string{"Accept-Language": "zh"}}), 404)
	if zh["title"] != "资源不存在" {
		t.Fatalf("Chinese 404 title = %v", zh["title"])
	}
}

func TestReadsRequireKeyWhenConfigured(t *testing.T) {
	t.Parallel()
	api := newAPI(t, withReadRequiresKey)
	for _, path := range []string{"/v1/regions", "/v1/regions/500115", "/v1/cooperation-areas", "/v1/organizations", "/v1/organizations/changshou-cppcc"} {
		r := api.get(path)
		fndProblem(t, r, 401)
		if r.Header.Get("WWW-Authenticate") == "" {
			t.Fatalf("%s: 401 without WWW-Authenticate", path)
		}
		for _, key := range []string{api.Reader, api.Changshou, api.Admin} {
			expect(t, api.do(req{method: "GET", path: path, key: key}), 200)
		}
	}
	// Operations stay open.
	expect(t, api.get("/healthz"), 200)
	expect(t, api.get("/readyz"), 200)
	fndProblem(t, api.do(req{method: "GET", path: "/v1/regions", key: "ccr_not-a-key"}), 401)
}

func TestKeysAreCheckedOnEveryRequest(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	ctx := context.Background()
	expect(t, api.get("/v1/regions/500115"), 200)
	for _, auth := range []string{"Bearer ccr_not-a-key", "Bearer " + api.Reader + "x", "Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", api.Reader} {
		r := api.do(req{method: "GET", path: "/v1/regions/500115", header: map[string]string{"Authorization": auth}})
		fndProblem(t, r, 401)
	}
	// The scheme is case-insensitive.
	expect(t, api.do(req{method: "GET", path: "/v1/regions/500115", header: map[string]string{"Authorization": "bearer " + api.Reader}}), 200)

	// A revoked key is refused at once, even on an open read.
	secret, k, err := api.Store.CreateKey(ctx, "to revoke", "registrar", "pengzhou-cppcc")
	if err != nil {
		t.Fatal(err)
	}
	expect(t, api.do(req{method: "GET", path: "/v1/organizations", key: secret}), 200)
	patchBody := map[string]any{"short_name_en": "Pengzhou"}
	expect(t, api.do(req{method: "PATCH", path: "/v1/organizations/pengzhou-cppcc", key: secret, body: patchBody,
		header: map[string]string{"If-Match": "*"}}), 200)
	if _, err := api.Store.RevokeKey(ctx, k.ID); err != nil {
		t.Fatal(err)
	}
	fndProblem(t, api.do(req{method: "GET", path: "/v1/organizations", key: secret}), 401)
	fndProblem(t, api.do(req{method: "GET", path: "/v1/regions/500115", key: secret}), 401)
	orgs := api.get("/v1/organizations/pengzhou-cppcc").JSON(t)
	r := api.do(req{method: "PATCH", path: "/v1/organizations/pengzhou-cppcc", key: secret,
		body: map[string]any{"short_name_en": "Revoked"}, header: map[string]string{"If-Match": "*"}})
	fndProblem(t, r, 401)
	if after := api.get("/v1/organizations/pengzhou-cppcc").JSON(t); after["short_name_en"] != orgs["short_name_en"] || after["short_name_en"] != "Pengzhou" {
		t.Fatalf("a revoked key changed the organisation: %v", after)
	}

	// A reader key reads but never writes.
	expect(t, api.do(req{method: "GET", path: "/v1/organizations", key: api.Reader}), 200)
	before := api.countRows("organizations")
	fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Reader, body: validOrg}), 403)
	fndProblem(t, api.do(req{method: "PATCH", path: "/v1/organizations/changshou-cppcc", key: api.Reader,
		body: patchBody, header: map[string]string{"If-Match": "*"}}), 403)
	fndProblem(t, api.do(req{method: "POST", path: "/v1/cooperation-areas", key: api.Reader,
		body: map[string]any{"code": "reader-area", "name_zh": "读者"}}), 403)
	fndProblem(t, api.do(req{method: "PATCH", path: "/v1/cooperation-areas/ecology", key: api.Reader,
		body: map[string]any{"name_zh": "读者"}, header: map[string]string{"If-Match": "*"}}), 403)
	if n := api.countRows("organizations"); n != before {
		t.Fatalf("a reader wrote %d organisations", n-before)
	}
}

func TestRateLimitPerCaller(t *testing.T) {
	t.Parallel()
	store, _ := pgtest.New(t)
	srv := httptest.NewServer(httpapi.NewHandler(httpapi.Deps{Store: store, RateLimit: 3}))
	t.Cleanup(srv.Close)
	api := &testAPI{t: t, URL: srv.URL, Store: store}
	first, second := api.key("admin", ""), api.key("admin", "")
	for i := 0; i < 3; i++ {
		expect(t, api.do(req{method: "GET", path: "/v1/regions/500115", key: first}), 200)
	}
	r := api.do(req{method: "GET", path: "/v1/regions/500115", key: first})
	p := fndProblem(t, r, 429)
	if fndType(p) != "rate-limited" {
		t.Fatalf("type = %v", p["type"])
	}
	secs, err := strconv.Atoi(r.Header.Get("Retry-After"))
	if err != nil || secs < 1 || secs > 60 {
		t.Fatalf("Retry-After = %q, want whole seconds 1–60", r.Header.Get("Retry-After"))
	}
	fndProblem(t, api.do(req{method: "GET", path: "/v1/organizations", key: first}), 429)
	// Another key, and an anonymous caller, have buckets of their own.
	expect(t, api.do(req{method: "GET", path: "/v1/regions/500115", key: second}), 200)
	expect(t, api.get("/v1/regions/500115"), 200)
	// Operations are not limited.
	expect(t, api.get("/healthz"), 200)
}

func TestRequestID(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	idPattern := regexp.MustCompile(`^[A-Za-z0-9._-]{1,128}$`)
	withID := func(method, path, id string) response {
		return api.do(req{method: method, path: path, header: map[string]string{"X-Request-ID": id}})
	}
	for _, id := range []string{"abc-123_x.y", "A", strings.Repeat("z", 128)} {
		for _, r := range []response{withID("GET", "/v1/regions/500115", id), withID("GET", "/v1/regions/999999", id)} {
			if got := r.Header.Get("X-Request-ID"); got != id {
				t.Fatalf("X-Request-ID = %q, want %q echoed", got, id)
			}
		}
		if p := fndProblem(t, withID("GET", "/v1/nope", id), 404); p["request_id"] != id {
			t.Fatalf("problem request_id = %v, want %s", p["request_id"], id)
		}
	}
	for _, id := range []string{strings.Repeat("z", 129), "bad id", "abc/def", "a;b", "日本", "abc\u00e9", "x\ty"} {
		r := withID("GET", "/v1/regions/500115", id)
		got := r.Header.Get("X-Request-ID")
		if got == id || !idPattern.MatchString(got) {
			t.Fatalf("X-Request-ID for invalid %q = %q, want a new valid one", id, got)
		}
		p := fndProblem(t, withID("GET", "/v1/regions/999999", id), 404)
		if p["request_id"] == id {
			t.Fatalf("problem kept invalid request id %q", id)
		}
	}
	a, b := api.get("/v1/regions/500115"), api.get("/v1/regions/500115")
	if ia, ib := a.Header.Get("X-Request-ID"), b.Header.Get("X-Request-ID"); !idPattern.MatchString(ia) || ia == ib {
		t.Fatalf("generated ids %q and %q", ia, ib)
	}
	// Every answer carries one: problems of every kind, operations, docs.
	answers := []response{
		api.get("/healthz"),
		api.get("/readyz"),
		api.get("/metrics"),
		api.get("/swagger/doc.json"),
		api.do(req{method: "DELETE", path: "/v1/regions"}),
		api.do(req{method: "POST", path: "/v1/organizations", body: validOrg}),
		api.do(req{method: "POST", path: "/v1/organizations", key: api.Changshou, body: validOrg}),
		api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: validOrg, header: map[string]string{"Content-Type": "text/plain"}}),
		api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: `{"code":"x"}`}),
		api.do(req{method: "PATCH", path: "/v1/organizations/changshou-cppcc", key: api.Admin, body: `{}`}),
		api.get("/v1/regions?limit=0"),
	}
	for i, r := range answers {
		if !idPattern.MatchString(r.Header.Get("X-Request-ID")) {
			t.Errorf("answer %d (%d) lacks X-Request-ID", i, r.Status)
		}
		if r.Status >= 400 {
			fndProblem(t, r, r.Status)
		}
	}
}

func TestHierarchiesHaveNoLoops(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	patch := func(path string, body any) response {
		return api.do(req{method: "PATCH", path: path, key: api.Admin, body: body, header: map[string]string{"If-Match": "*"}})
	}
	// Areas: ecology ← green-finance ← carbon-market; ecology may not move
	// below either of them.
	for _, a := range []map[string]any{
		{"code": "green-finance", "name_zh": "绿色金融", "parent_code": "ecology"},
		{"code": "carbon-market", "name_zh": "碳市场", "parent_code": "green-finance"},
	} {
		expect(t, api.do(req{method: "POST", path: "/v1/cooperation-areas", key: api.Admin, body: a}), 201)
	}
	for _, parent := range []string{"ecology", "green-finance", "carbon-market"} {
		fndProblem(t, patch("/v1/cooperation-areas/ecology", map[string]any{"parent_code": parent}), 422, "parent_code")
	}
	fndProblem(t, patch("/v1/cooperation-areas/green-finance", map[string]any{"parent_code": "carbon-market"}), 422, "parent_code")
	if got := api.get("/v1/cooperation-areas/ecology").JSON(t); got["parent_code"] != nil || got["version"] != 1.0 {
		t.Fatalf("refused moves changed ecology: %v", got)
	}
	// Moving a branch elsewhere is fine.
	expect(t, patch("/v1/cooperation-areas/carbon-market", map[string]any{"parent_code": "industry"}), 200)
	expect(t, patch("/v1/cooperation-areas/ecology", map[string]any{"parent_code": "carbon-market"}), 200)

	// Organisations: changshou-cppcc ← changshou-rcck ← changshou-fic.
	expect(t, patch("/v1/organizations/changshou-rcck", map[string]any{"parent_id": "changshou-cppcc"}), 200)
	expect(t, patch("/v1/organizations/changshou-fic", map[string]any{"parent_id": "changshou-rcck"}), 200)
	for _, parent := range []string{"changshou-cppcc", "changshou-rcck", "changshou-fic"} {
		fndProblem(t, patch("/v1/organizations/changshou-cppcc", map[string]any{"parent_id": parent}), 422, "parent_id")
	}
	fndProblem(t, patch("/v1/organizations/changshou-rcck", map[string]any{"parent_id": "changshou-fic"}), 422, "parent_id")
	if got := api.get("/v1/organizations/changshou-cppcc").JSON(t); got["parent_id"] != nil {
		t.Fatalf("refused moves changed changshou-cppcc: %v", got)
	}
	expect(t, patch("/v1/organizations/changshou-cppcc", map[string]any{"parent_id": "pengzhou-cppcc"}), 200)
}
