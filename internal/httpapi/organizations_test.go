package httpapi_test

// Tests of organisations: the list filters and paging, reads by code and
// by id, admin creates, and registrar and admin updates.

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

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
