package httpapi_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/demo"
)

func TestConsultationCreateReadPatchArchive(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	r := api.do(req{method: "POST", path: "/v1/consultations", key: api.Changshou, body: actConsultation("  川渝联合协商 🔥 ")})
	expect(t, r, 201)
	c := r.JSON(t)
	id := c["id"].(string)
	if r.Header.Get("Location") != "/v1/consultations/"+id || r.Header.Get("ETag") != `"1"` {
		t.Fatalf("Location = %q, ETag = %q", r.Header.Get("Location"), r.Header.Get("ETag"))
	}
	if c["title_zh"] != "川渝联合协商 🔥" || c["held_on"] != "2023-04-12" || c["status"] != "held" || c["format"] != "meeting" {
		t.Fatalf("created = %s", r.Body)
	}
	ps := c["participants"].([]any)
	if len(ps) != 2 || ps[0].(map[string]any)["organization_code"] != "changshou-cppcc" || ps[0].(map[string]any)["role"] != "host" {
		t.Fatalf("participants = %v", ps)
	}
	outs := c["outcomes"].([]any)
	if len(outs) != 2 || outs[1].(map[string]any)["approximate"] != true || outs[1].(map[string]any)["count"] != float64(60) {
		t.Fatalf("outcomes = %v", outs)
	}
	g := api.get("/v1/consultations/" + id)
	expect(t, g, 200)
	if g.Header.Get("ETag") != `"1"` || !bytes.Equal(bytes.TrimSpace(g.Body), bytes.TrimSpace(r.Body)) {
		t.Fatalf("GET differs from the create answer:\n%s\n%s", g.Body, r.Body)
	}
	expectProblem(t, api.get("/v1/consultations/00000000-0000-0000-0000-000000000000"), 404)
	expectProblem(t, api.get("/v1/consultations/not-a-uuid"), 404)

	path := "/v1/consultations/" + id
	patch := map[string]any{"held_on": "2023-05", "format": nil, "outcomes": []any{}}
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, body: patch}), 428)
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, body: patch, header: actIfMatch(7)}), 412)
	p := api.do(req{method: "PATCH", path: path, key: api.Changshou, body: patch, header: actIfMatch(1)})
	expect(t, p, 200)
	pm := p.JSON(t)
	if p.Header.Get("ETag") != `"2"` || pm["held_on"] != "2023-05" || pm["format"] != nil || len(pm["outcomes"].([]any)) != 0 ||
		pm["title_zh"] != "川渝联合协商 🔥" || len(pm["participants"].([]any)) != 2 {
		t.Fatalf("patched = %s", p.Body)
	}
	// The second writer of version 1 loses.
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Admin, body: map[string]any{"status": "cancelled"}, header: actIfMatch(1)}), 412)
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Admin, body: map[string]any{"id": "x"}, header: actIfMatch(2)}), 400)

	expectProblem(t, api.do(req{method: "DELETE", path: path, key: api.Changshou}), 428)
	expectProblem(t, api.do(req{method: "DELETE", path: path, key: api.Changshou, header: actIfMatch(1)}), 412)
	d := api.do(req{method: "DELETE", path: path, key: api.Changshou, header: actIfMatch(2)})
	expect(t, d, 200)
	if d.JSON(t)["archived_at"] == nil || d.Header.Get("ETag") != `"3"` {
		t.Fatalf("archived = %s", d.Body)
	}
	expectProblem(t, api.do(req{method: "DELETE", path: path, key: api.Changshou, header: actIfMatch(3)}), 409)
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, body: map[string]any{"status": "held"}, header: actIfMatch(3)}), 409)
	expect(t, api.get(path), 200)
	actExpectIDs(t, "list", actIDs(t, api.get("/v1/consultations")), nil, id)
	actExpectIDs(t, "list with archived", actIDs(t, api.get("/v1/consultations?include_archived=true")), []string{id})

	audit := api.do(req{method: "GET", path: "/v1/audit?entity=consultation&entity_id=" + id, key: api.Admin})
	expect(t, audit, 200)
	var entries struct {
		Items []struct {
			Action string `json:"action"`
		} `json:"items"`
	}
	audit.Decode(t, &entries)
	var actions []string
	for _, e := range entries.Items {
		actions = append(actions, e.Action)
	}
	if strings.Join(actions, ",") != "create,update,archive" {
		t.Fatalf("audit actions = %v, want create,update,archive", actions)
	}
}

func TestConsultationRules(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	base := actConsultation("规则测试")
	long := strings.Repeat("长", 201)
	var many []any
	for range 51 {
		many = append(many, map[string]any{"kind": "other"})
	}
	var crowd []any
	for range 101 {
		crowd = append(crowd, map[string]any{"organization_id": "changshou-cppcc", "role": "participant"})
	}
	before := api.countRows("consultations")
	api.actCheckRules(t, "/v1/consultations", []actRuleCase{
		{"one organisation", actWith(base, "participants", actParticipants("changshou-cppcc:host")), 422, "participants", "min_participants"},
		{"none", actWith(base, "participants", []any{}), 422, "participants", "min_participants"},
		{"participants missing", actWith(base, "participants", nil), 422, "participants", "required"},
		{"duplicate by code", actWith(base, "participants", actParticipants("changshou-cppcc:host", "pengzhou-cppcc:participant", "changshou-cppcc:co_host")), 422, "participants[2].organization_id", "duplicate_party"},
		{"duplicate by uuid", actWith(base, "participants", actParticipants("changshou-cppcc:host", "pengzhou-cppcc:participant", demo.ID("organization/pengzhou-cppcc")+":co_host")), 422, "participants[2].organization_id", "duplicate_party"},
		{"two hosts", actWith(base, "participants", actParticipants("changshou-cppcc:host", "pengzhou-cppcc:host")), 422, "participants", "one_host"},
		{"no host", actWith(base, "participants", actParticipants("changshou-cppcc:co_host", "pengzhou-cppcc:participant")), 422, "participants", "one_host"},
		{"unknown organisation", actWith(base, "participants", actParticipants("changshou-cppcc:host", "nobody-here:participant")), 422, "participants[1].organization_id", "unknown_organization"},
		{"bad role", actWith(base, "participants", actParticipants("changshou-cppcc:host", "pengzhou-cppcc:lead")), 422, "participants[1].role", "invalid_value"},
		{"bad organisation reference", actWith(base, "participants", actParticipants("changshou-cppcc:host", "Not A Code:participant")), 422, "participants[1].organization_id", "invalid_reference"},
		{"unknown agreement", actWith(base, "agreement_id", "00000000-0000-7000-8000-000000000000"), 422, "agreement_id", "unknown_agreement"},
		{"agreement not a uuid", actWith(base, "agreement_id", "abc"), 422, "agreement_id", "unknown_agreement"},
		{"unknown area", actWith(base, "area_code", "no-such-area"), 422, "area_code", "unknown_area"},
		{"bad area code", actWith(base, "area_code", "No Such"), 422, "area_code", "invalid_code"},
		{"blank title_en", actWith(base, "title_en", "   "), 422, "title_en", "blank"},
		{"title missing", actWith(base, "title_zh", nil), 422, "title_zh", "required"},
		{"title too long", actWith(base, "title_zh", long), 422, "title_zh", "too_long"},
		{"location too long", actWith(base, "location", long), 422, "location", "too_long"},
		{"topic too long", actWith(base, "topic_zh", strings.Repeat("题", 501)), 422, "topic_zh", "too_long"},
		{"summary too long", actWith(base, "summary_en", strings.Repeat("s", 10001)), 422, "summary_en", "too_long"},
		{"bad format", actWith(base, "format", "banquet"), 422, "format", "invalid_value"},
		{"bad status", actWith(base, "status", "done"), 422, "status", "invalid_value"},
		{"impossible date", actWith(base, "held_on", "2023-02-29"), 422, "held_on", "invalid_date"},
		{"word for a date", actWith(base, "held_on", "today"), 422, "held_on", "invalid_date"},
		{"negative count", actWith(base, "outcomes", []any{map[string]any{"kind": "opinion", "count": -1}}), 422, "outcomes[0].count", "too_small"},
		{"count too large", actWith(base, "outcomes", []any{map[string]any{"kind": "opinion", "count": 1000000001}}), 422, "outcomes[0].count", "too_large"},
		{"bad outcome kind", actWith(base, "outcomes", []any{map[string]any{"kind": "medal"}}), 422, "outcomes[0].kind", "invalid_value"},
		{"too many outcomes", actWith(base, "outcomes", many), 422, "outcomes", "too_many"},
		{"too many participants", actWith(base, "participants", crowd), 422, "participants", "too_many"},
		{"read-only field", actWith(base, "version", 3), 400, "", ""},
		{"unknown field", actWith(base, "colour", "red"), 400, "", ""},
	})
	// Unknown references and broken rules are listed together.
	r := api.do(req{method: "POST", path: "/v1/consultations", key: api.Admin,
		body: actWith(base, "area_code", "no-such-area", "participants", actParticipants("nobody-here:participant", "pengzhou-cppcc:participant"))})
	expectProblem(t, r, 422, "participants[0].organization_id", "area_code", "participants")
	if n := api.countRows("consultations"); n != before {
		t.Fatalf("rejected creates wrote %d consultations", n-before)
	}
	// The largest count is accepted, and an outcome may have no count.
	ok := actWith(base, "outcomes", []any{map[string]any{"kind": "opinion", "count": 1000000000}, map[string]any{"kind": "other", "description_zh": "筑牢安全防线"}})
	c := api.actCreate("/v1/consultations", api.Admin, ok)
	if outs := c["outcomes"].([]any); outs[1].(map[string]any)["count"] != nil {
		t.Fatalf("outcome without count = %v", outs[1])
	}
}

func TestConsultationRegistrarAccess(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	body := actConsultation("权限测试")
	// Yubei's registrar may not register a consultation Yubei is not part of.
	expectProblem(t, api.do(req{method: "POST", path: "/v1/consultations", key: api.Yubei, body: body}), 403)
	expectProblem(t, api.do(req{method: "POST", path: "/v1/consultations", key: api.Reader, body: body}), 403)
	expectProblem(t, api.do(req{method: "POST", path: "/v1/consultations", body: body}), 401)
	c := api.actCreate("/v1/consultations", api.Pengzhou, body)
	path := "/v1/consultations/" + c["id"].(string)
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Yubei, body: map[string]any{"status": "cancelled"}, header: actIfMatch(1)}), 403)
	expectProblem(t, api.do(req{method: "DELETE", path: path, key: api.Yubei, header: actIfMatch(1)}), 403)
	// Pengzhou may not take itself out...
	noPengzhou := map[string]any{"participants": actParticipants("changshou-cppcc:host", "yubei-cppcc:participant")}
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Pengzhou, body: noPengzhou, header: actIfMatch(1)}), 403)
	// ...but Changshou may replace Pengzhou, and an admin anything.
	r := api.do(req{method: "PATCH", path: path, key: api.Changshou, body: noPengzhou, header: actIfMatch(1)})
	expect(t, r, 200)
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Pengzhou, body: map[string]any{"status": "cancelled"}, header: actIfMatch(2)}), 403)
	expect(t, api.do(req{method: "PATCH", path: path, key: api.Admin, body: map[string]any{"status": "cancelled"}, header: actIfMatch(2)}), 200)
	expect(t, api.do(req{method: "DELETE", path: path, key: api.Yubei, header: actIfMatch(3)}), 200)
}

func TestConsultationFiltersAndSubLists(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	base := actConsultation("过滤测试")
	a := api.actCreate("/v1/consultations", api.Admin, actWith(base, "title_zh", "嘉陵江保护联合协商", "held_on", "2022",
		"agreement_id", demo.AgreementChangshouPengzhou, "format", "seminar", "area_code", "ecology"))
	b := api.actCreate("/v1/consultations", api.Admin, actWith(base, "held_on", "2023-06-15", "topic_en", "Rural TOURISM",
		"participants", actParticipants("yubei-cppcc:host", "linshui-cppcc:co_host"), "status", "planned"))
	undated := api.actCreate("/v1/consultations", api.Admin, actWith(base, "held_on", nil))
	A, B, U := a["id"].(string), b["id"].(string), undated["id"].(string)
	forest := demo.ConsultationForestFire

	for _, c := range []struct {
		query         string
		want, unwants []string
	}{
		{"", []string{A, B, U, forest}, nil},
		{"?from=2022-07&to=2022-07", []string{A}, []string{B, U, forest}}, // a year-only date overlaps any month of it
		{"?from=2023", []string{B, forest}, []string{A, U}},
		{"?to=2022-12-31", []string{A}, []string{B, forest, U}},
		{"?from=2023-06-16", []string{forest}, []string{A, B}},
		{"?party=linshui-cppcc", []string{B, forest}, []string{A, U}},
		{"?party=" + demo.ID("organization/yubei-cppcc"), []string{B, forest}, []string{A}},
		{"?party=nobody-here", nil, []string{A, B, U, forest}},
		{"?region=510000", []string{A, B, U, forest}, nil}, // Pengzhou and Linshui are in Sichuan
		{"?region=511600", []string{B, forest}, []string{A, U}},
		{"?region=999999", nil, []string{A, B, U, forest}},
		{"?agreement=" + demo.AgreementChangshouPengzhou, []string{A}, []string{B, U, forest}},
		{"?agreement=00000000-0000-7000-8000-000000000000", nil, []string{A}},
		{"?area=ecology", []string{A}, []string{B, forest}},
		{"?area=forest-fire-prevention", []string{B, U, forest}, []string{A}},
		{"?format=seminar", []string{A}, []string{B, U}},
		{"?status=planned", []string{B}, []string{A, U, forest}},
		{"?q=嘉陵", []string{A}, []string{B, forest}},
		{"?q=rural%20tourism", []string{B}, []string{A}},
		{"?q=防灭火", []string{forest, A, B}, nil},
	} {
		actExpectIDs(t, c.query, actIDs(t, api.get("/v1/consultations"+c.query)), c.want, c.unwants...)
	}
	// Newest first by the day held; undated last.
	got := actIDs(t, api.get("/v1/consultations"))
	if len(got) != 4 || got[0] != B || got[1] != forest || got[2] != A || got[3] != U {
		t.Fatalf("order = %v, want %v", got, []string{B, forest, A, U})
	}
	for _, bad := range []string{"?format=banquet", "?status=done", "?from=2023-13", "?region=5001", "?party=Not%20A%20Code",
		"?agreement=abc", "?area=No", "?limit=0", "?limit=201", "?cursor=zzz", "?include_archived=maybe", "?q="} {
		expectProblem(t, api.get("/v1/consultations"+bad), 400)
	}

	actExpectIDs(t, "agreement sub-list", actIDs(t, api.get("/v1/agreements/"+demo.AgreementChangshouPengzhou+"/consultations")), []string{A}, B, forest)
	expectProblem(t, api.get("/v1/agreements/00000000-0000-7000-8000-000000000000/consultations"), 404)
	expectProblem(t, api.get("/v1/agreements/abc/consultations"), 404)
	actExpectIDs(t, "organisation sub-list", actIDs(t, api.get("/v1/organizations/linshui-cppcc/consultations")), []string{B, forest}, A, U)
	actExpectIDs(t, "organisation sub-list with filter", actIDs(t, api.get("/v1/organizations/linshui-cppcc/consultations?status=held")), []string{forest}, B)
	expectProblem(t, api.get("/v1/organizations/nobody-here/consultations"), 404)
	expectProblem(t, api.get("/v1/organizations/Not%20A%20Code/consultations"), 404)
}

func TestConsultationCSVExport(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	api.actCreate("/v1/consultations", api.Admin, actWith(actConsultation("=导出测试"), "held_on", "2022"))
	for _, r := range []response{
		api.get("/v1/consultations?format=csv"),
		api.do(req{method: "GET", path: "/v1/consultations", header: map[string]string{"Accept": "text/csv"}}),
		api.do(req{method: "GET", path: "/v1/organizations/changshou-cppcc/consultations?format=meeting", header: map[string]string{"Accept": "text/csv"}}),
	} {
		expect(t, r, 200)
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			t.Fatalf("Content-Type = %q", ct)
		}
		body := string(r.Body)
		if !strings.HasPrefix(body, "\uFEFFid,title_zh,title_en,topic_zh,topic_en,format,status,held_on,") {
			t.Fatalf("CSV lacks BOM or header: %.120q", body)
		}
		if !strings.Contains(body, "'=导出测试") || !strings.Contains(body, "changshou-cppcc:host; pengzhou-cppcc:participant") ||
			!strings.Contains(body, "opinion:12; problem_solved:60+") {
			t.Fatalf("CSV lacks the record: %s", body)
		}
	}
	csv := string(api.get("/v1/consultations?format=csv").Body)
	if lines := strings.Count(strings.TrimSpace(csv), "\n"); lines != 2 { // header, the demo consultation and ours
		t.Fatalf("CSV has %d lines after the header, want 2:\n%s", lines, csv)
	}
}
