package httpapi_test

// Tests of the cooperation-area taxonomy: listing, admin-only creates and
// conditional updates with their audit entries, and the parent hierarchies
// of areas and organisations, which may not form loops.

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
)

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
