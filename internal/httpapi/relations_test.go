package httpapi_test

import (
	"fmt"
	"testing"
)

// problemCode returns the code of the error naming field, or "".
func problemCode(p map[string]any, field string) string {
	errs, _ := p["errors"].([]any)
	for _, e := range errs {
		if m, ok := e.(map[string]any); ok && m["field"] == field {
			code, _ := m["code"].(string)
			return code
		}
	}
	return ""
}

func TestPartySignedOnOverHTTP(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	body := agreementBody("各方签署日期")
	body["parties"].([]any)[0].(map[string]any)["signed_on"] = "2023-06"
	body["parties"].([]any)[1].(map[string]any)["signed_on"] = "2023-07-02"
	a := api.createAgreement(api.Changshou, body)
	g := api.get("/v1/agreements/" + a["id"].(string))
	expect(t, g, 200)
	parties := g.JSON(t)["parties"].([]any)
	if parties[0].(map[string]any)["signed_on"] != "2023-06" || parties[1].(map[string]any)["signed_on"] != "2023-07-02" {
		t.Fatalf("party signing dates: %v", parties)
	}
	// The dates go back in a PATCH.
	for _, p := range parties {
		delete(p.(map[string]any), "organization_code")
	}
	r := api.do(req{method: "PATCH", path: "/v1/agreements/" + a["id"].(string), key: api.Changshou,
		body: map[string]any{"parties": parties}, header: map[string]string{"If-Match": `"1"`}})
	expect(t, r, 200)
	body["parties"].([]any)[1].(map[string]any)["signed_on"] = "2999"
	p := expectProblem(t, api.do(req{method: "POST", path: "/v1/agreements", key: api.Changshou, body: body}), 422, "parties[1].signed_on")
	if problemCode(p, "parties[1].signed_on") != "future_date" {
		t.Fatalf("future party date: %v", p)
	}
}

func TestRelationsOverHTTP(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	a := api.createAgreement(api.Changshou, agreementBody("原协议"))
	aID := a["id"].(string)
	bb := agreementBody("修订协议")
	bb["relations"] = []any{map[string]any{"agreement_id": aID, "kind": "amends"}}
	b := api.createAgreement(api.Changshou, bb)
	bID := b["id"].(string)
	if rels := b["relations"].([]any); len(rels) != 1 || rels[0].(map[string]any)["kind"] != "amends" {
		t.Fatalf("relations = %v", b["relations"])
	}
	// The target reads the link from the other side.
	g := api.get("/v1/agreements/" + aID).JSON(t)
	from := g["related_from"].([]any)
	if len(from) != 1 || from[0].(map[string]any)["agreement_id"] != bID || from[0].(map[string]any)["title_zh"] != "修订协议" {
		t.Fatalf("related_from = %v", from)
	}
	// related_to lists both directions.
	for id, want := range map[string]string{aID: bID, bID: aID} {
		page := api.get("/v1/agreements?related_to=" + id).JSON(t)
		items := page["items"].([]any)
		if len(items) != 1 || items[0].(map[string]any)["id"] != want {
			t.Fatalf("related_to=%s: %v", id, items)
		}
	}
	expectProblem(t, api.get("/v1/agreements?related_to=nope"), 400, "related_to")

	rows := api.countRows("agreement_relations")
	// B's link showed in A's related_from: A is at version 2.
	patch := func(id string, version int, rels []any) response {
		return api.do(req{method: "PATCH", path: "/v1/agreements/" + id, key: api.Changshou,
			body: map[string]any{"relations": rels}, header: map[string]string{"If-Match": fmt.Sprintf(`"%d"`, version)}})
	}
	p := expectProblem(t, patch(aID, 2, []any{map[string]any{"agreement_id": bID, "kind": "supersedes"}}), 422)
	if problemCode(p, "relations[0].kind") != "relation_cycle" {
		t.Fatalf("cycle: %v", p)
	}
	p = expectProblem(t, patch(aID, 2, []any{map[string]any{"agreement_id": aID, "kind": "implements"}}), 422)
	if problemCode(p, "relations[0].agreement_id") != "self_reference" {
		t.Fatalf("self: %v", p)
	}
	p = expectProblem(t, patch(aID, 2, []any{map[string]any{"agreement_id": "0190a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", "kind": "renews"}}), 422)
	if problemCode(p, "relations[0].agreement_id") != "unknown_agreement" {
		t.Fatalf("unknown: %v", p)
	}
	if api.countRows("agreement_relations") != rows {
		t.Fatal("a refused change wrote relations")
	}
	// related_from is read-only.
	expectProblem(t, api.do(req{method: "PATCH", path: "/v1/agreements/" + aID, key: api.Changshou,
		body: map[string]any{"related_from": []any{}}, header: map[string]string{"If-Match": `"2"`}}), 400)
	// supplements may close a loop.
	expect(t, patch(aID, 2, []any{map[string]any{"agreement_id": bID, "kind": "supplements"}}), 200)
}

// TestRelatedFromFollowsTheLinkingAgreement: a target's related_from lives
// in its stored read form, so every write of the agreement that links to
// it — a new title, a dropped link — shows in the target's next read.
func TestRelatedFromFollowsTheLinkingAgreement(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	aID := api.createAgreement(api.Changshou, agreementBody("原协议"))["id"].(string)
	bb := agreementBody("补充协议")
	bb["relations"] = []any{map[string]any{"agreement_id": aID, "kind": "supplements"}}
	bID := api.createAgreement(api.Changshou, bb)["id"].(string)
	relatedTitles := func() []string {
		var out []string
		for _, r := range api.get("/v1/agreements/" + aID).JSON(t)["related_from"].([]any) {
			out = append(out, r.(map[string]any)["title_zh"].(string))
		}
		return out
	}
	if got := relatedTitles(); len(got) != 1 || got[0] != "补充协议" {
		t.Fatalf("after the link: related_from titles %v", got)
	}
	expect(t, api.do(req{method: "PATCH", path: "/v1/agreements/" + bID, key: api.Changshou,
		body: map[string]any{"title_zh": "补充协议（修订稿）"}, header: map[string]string{"If-Match": `"1"`}}), 200)
	if got := relatedTitles(); len(got) != 1 || got[0] != "补充协议（修订稿）" {
		t.Fatalf("after the linking agreement's new title: related_from titles %v", got)
	}
	expect(t, api.do(req{method: "PATCH", path: "/v1/agreements/" + bID, key: api.Changshou,
		body: map[string]any{"relations": nil}, header: map[string]string{"If-Match": `"2"`}}), 200)
	if got := relatedTitles(); len(got) != 0 {
		t.Fatalf("after the link was dropped: related_from titles %v", got)
	}
}

// TestRepresentationChangesChangeTheETag: a change that shows in another
// record's read form — an agreement linking to it or retitled, an
// organisation renamed — gives that record a new version (its ETag), so a
// cached copy is not confirmed with 304 and an If-Match on the old one is
// refused; a change that does not show leaves the version alone.
func TestRepresentationChangesChangeTheETag(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	aID := api.createAgreement(api.Changshou, agreementBody("原协议"))["id"].(string)
	etagOfA := func() string {
		t.Helper()
		g := api.get("/v1/agreements/" + aID)
		expect(t, g, 200)
		if v := fmt.Sprint(g.JSON(t)["version"]); `"`+v+`"` != g.Header.Get("ETag") {
			t.Fatalf("version %s, ETag %s", v, g.Header.Get("ETag"))
		}
		return g.Header.Get("ETag")
	}
	if tag := etagOfA(); tag != `"1"` {
		t.Fatalf("new agreement: ETag %s", tag)
	}
	bb := agreementBody("补充协议")
	bb["relations"] = []any{map[string]any{"agreement_id": aID, "kind": "supplements"}}
	bID := api.createAgreement(api.Changshou, bb)["id"].(string)
	if tag := etagOfA(); tag != `"2"` {
		t.Fatalf("after an agreement linked to it: ETag %s, want \"2\"", tag)
	}
	r := api.do(req{method: "GET", path: "/v1/agreements/" + aID, header: map[string]string{"If-None-Match": `"1"`}})
	expect(t, r, 200)
	stale := api.do(req{method: "PATCH", path: "/v1/agreements/" + aID, key: api.Changshou,
		body: map[string]any{"summary_zh": "基于旧版本的修改"}, header: map[string]string{"If-Match": `"1"`}})
	expect(t, stale, 412)
	if stale.Header.Get("ETag") != `"2"` {
		t.Fatalf("412 names ETag %s, want \"2\"", stale.Header.Get("ETag"))
	}
	// A change of the linking agreement that does not show in A.
	expect(t, api.do(req{method: "PATCH", path: "/v1/agreements/" + bID, key: api.Changshou,
		body: map[string]any{"summary_zh": "只改摘要"}, header: map[string]string{"If-Match": `"1"`}}), 200)
	if tag := etagOfA(); tag != `"2"` {
		t.Fatalf("after a change that does not show in it: ETag %s, want \"2\"", tag)
	}
	// A new title of the linking agreement shows in A's related_from.
	expect(t, api.do(req{method: "PATCH", path: "/v1/agreements/" + bID, key: api.Changshou,
		body: map[string]any{"title_zh": "补充协议（修订稿）"}, header: map[string]string{"If-Match": `"2"`}}), 200)
	if tag := etagOfA(); tag != `"3"` {
		t.Fatalf("after the linking agreement's new title: ETag %s, want \"3\"", tag)
	}
	// An organisation A names is renamed.
	org := api.get("/v1/organizations/pengzhou-cppcc")
	expect(t, org, 200)
	expect(t, api.do(req{method: "PATCH", path: "/v1/organizations/pengzhou-cppcc", key: api.Admin,
		body: map[string]any{"name_zh": "彭州市政协（更名）"}, header: map[string]string{"If-Match": org.Header.Get("ETag")}}), 200)
	if tag := etagOfA(); tag != `"4"` {
		t.Fatalf("after an organisation it names was renamed: ETag %s, want \"4\"", tag)
	}
}
