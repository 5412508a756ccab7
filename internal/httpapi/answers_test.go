package httpapi_test

// Answers a person can read (v1.1): organisation names in parties and
// participants, unknown query parameters refused, a repeatable party
// filter, region ETags and the agreement figures of /v1/stats, checked
// end to end on the questions the partner committees ask.

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/httpapi"
)

// orgNames is what every party and participant must show of its
// organisation, by code: name_zh, name_en, region_code.
var orgNames = map[string][3]string{
	"changshou-cppcc": {"中国人民政治协商会议重庆市长寿区委员会", "Chongqing Changshou District Committee of the CPPCC", "500115"},
	"pengzhou-cppcc":  {"中国人民政治协商会议四川省彭州市委员会", "Sichuan Pengzhou City Committee of the CPPCC", "510182"},
	"yubei-cppcc":     {"中国人民政治协商会议重庆市渝北区委员会", "Chongqing Yubei District Committee of the CPPCC", "500112"},
	"linshui-cppcc":   {"中国人民政治协商会议四川省邻水县委员会", "Sichuan Linshui County Committee of the CPPCC", "511623"},
}

// members returns the parties or participants of a record, checking that
// each carries its organisation's code, names and region.
func members(t *testing.T, rec map[string]any, key string) []map[string]any {
	t.Helper()
	raw, _ := rec[key].([]any)
	var out []map[string]any
	for _, it := range raw {
		m := it.(map[string]any)
		code, _ := m["organization_code"].(string)
		if want, known := orgNames[code]; known {
			if m["name_zh"] != want[0] || m["name_en"] != want[1] || m["region_code"] != want[2] {
				t.Errorf("%s %s: name_zh %v, name_en %v, region_code %v; want %v", key, code, m["name_zh"], m["name_en"], m["region_code"], want)
			}
		} else if str(m["name_zh"]) == "" || code == "" {
			t.Errorf("%s entry without organization_code or name_zh: %v", key, m)
		}
		out = append(out, m)
	}
	return out
}

// codesOf returns the organisation codes of parties or participants.
func codesOf(ms []map[string]any) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m["organization_code"].(string))
	}
	return out
}

// allItems follows next_cursor through every page of a list.
func (a *testAPI) allItems(path string) []map[string]any {
	a.t.Helper()
	var out []map[string]any
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	for cursor := ""; ; {
		p := path + sep + "limit=200"
		if cursor != "" {
			p += "&cursor=" + url.QueryEscape(cursor)
		}
		page := fndList(a.t, a.get(p))
		out = append(out, page.items...)
		if page.next == "" {
			return out
		}
		cursor = page.next
	}
}

func idsOf(items []map[string]any) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it["id"].(string))
	}
	slices.Sort(out)
	return out
}

// TestPartiesAndParticipantsCarryNames: every party and participant shows
// its organisation's code, names and region; what a read returns can be
// sent back in a PATCH (the names are accepted and ignored), while the
// record's own read-only fields stay refused.
func TestPartiesAndParticipantsCarryNames(t *testing.T) {
	t.Parallel()
	api := newAPI(t)

	// Agreements: GET, then the same parties back in a PATCH.
	r := api.get("/v1/agreements/" + demo.AgreementChangshouPengzhou)
	expect(t, r, 200)
	ag := r.JSON(t)
	if got := codesOf(members(t, ag, "parties")); !slices.Equal(got, []string{"changshou-cppcc", "pengzhou-cppcc"}) {
		t.Fatalf("parties %v", got)
	}
	path := "/v1/agreements/" + demo.AgreementChangshouPengzhou
	r = api.do(req{method: "PATCH", path: path, key: api.Admin, header: map[string]string{"If-Match": r.Header.Get("ETag")},
		body: map[string]any{"parties": ag["parties"], "title_en": "Sent back as read"}})
	expect(t, r, 200)
	back := r.JSON(t)
	members(t, back, "parties")
	if back["title_en"] != "Sent back as read" || back["version"].(float64) != 2 {
		t.Fatalf("after PATCH: %s", r.Body)
	}

	// The names are ignored, not stored: a wrong one changes nothing.
	parties := ag["parties"].([]any)
	wrong := map[string]any{}
	for k, v := range parties[0].(map[string]any) {
		wrong[k] = v
	}
	wrong["name_zh"], wrong["name_en"], wrong["region_code"], wrong["organization_code"] = "别的名字", nil, "510000", "someone-else"
	r = api.do(req{method: "PATCH", path: path, key: api.Admin, header: actIfMatch(2),
		body: map[string]any{"parties": []any{wrong, parties[1]}}})
	expect(t, r, 200)
	members(t, r.JSON(t), "parties")

	// Top-level read-only fields stay 400, and so do unknown nested keys.
	for _, body := range []map[string]any{{"id": ag["id"], "parties": ag["parties"]}, {"version": 3},
		{"parties": []any{map[string]any{"organization_id": "changshou-cppcc", "role": "signatory", "version": 1}}}} {
		expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Admin, header: actIfMatch(3), body: body}), 400)
	}

	// Consultations and joint actions: created with names given (ignored),
	// read, and sent back whole.
	for _, c := range []struct{ path, title string }{{"/v1/consultations", "名称回传协商"}, {"/v1/joint-actions", "名称回传行动"}} {
		body := actConsultation(c.title)
		if c.path == "/v1/joint-actions" {
			body = actJointAction(c.title)
		}
		ps := body["participants"].([]any)
		first := map[string]any{"name_zh": "客户端写的名字", "region_code": "999999"}
		for k, v := range ps[0].(map[string]any) {
			first[k] = v
		}
		body["participants"] = []any{first, ps[1]}
		created := api.actCreate(c.path, api.Admin, body)
		members(t, created, "participants")
		rec := api.get(c.path + "/" + created["id"].(string))
		expect(t, rec, 200)
		read := rec.JSON(t)
		r := api.do(req{method: "PATCH", path: c.path + "/" + read["id"].(string), key: api.Admin,
			header: map[string]string{"If-Match": rec.Header.Get("ETag")}, body: map[string]any{"participants": read["participants"]}})
		expect(t, r, 200)
		if got := codesOf(members(t, r.JSON(t), "participants")); !slices.Equal(got, []string{"changshou-cppcc", "pengzhou-cppcc"}) {
			t.Fatalf("%s participants %v", c.path, got)
		}
	}

	// Lists carry the names too.
	for _, it := range fndList(t, api.get("/v1/joint-actions?party=changshou-cppcc")).items {
		members(t, it, "participants")
	}
}

// TestUnknownParametersAreRefused: every /v1 route refuses a query
// parameter it does not define, naming it and listing its own, in the
// caller's language; the parameters a route defines still work.
func TestUnknownParametersAreRefused(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	vars := map[string]string{
		"/v1/regions/{code}":            "500115",
		"/v1/cooperation-areas/{code}":  "culture-tourism",
		"/v1/organizations/{id}":        "changshou-cppcc",
		"/v1/organizations/{id}/":       "changshou-cppcc",
		"/v1/agreements/{id}":           demo.AgreementChangshouPengzhou,
		"/v1/consultations/{id}":        "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f",
		"/v1/joint-actions/{id}":        "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f",
		"/v1/agreements/{id}/":          demo.AgreementChangshouPengzhou,
		"/v1/cooperation-areas/{code}/": "culture-tourism",
		"/v1/milestones/{id}":           "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f",
		"/v1/files/{id}":                "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f",
		"/v1/files/{id}/":               "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f",
		"/v1/consultations/{id}/":       "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f",
		"/v1/joint-actions/{id}/":       "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f",
	}
	routes := httpapi.Routes()
	if len(routes) < 25 {
		t.Fatalf("only %d routes: %v", len(routes), routes)
	}
	for _, rt := range routes {
		method, path := rt[0], rt[1]
		if i := strings.Index(path, "{"); i >= 0 {
			end := strings.Index(path, "}") + 1
			v, ok := vars[path[:end]]
			if !ok {
				v = vars[path[:end]+"/"]
			}
			path = path[:i] + v + path[end:]
		}
		r := api.do(req{method: method, path: path + "?utm_source=newsletter", key: api.Admin,
			header: map[string]string{"If-Match": `"1"`}, body: map[string]any{}})
		p := expectProblem(t, r, 400, "utm_source")
		if e := errorOf(t, p); e["code"] != "unknown_parameter" {
			t.Errorf("%s %s: code %v", method, path, e["code"])
		}
	}

	// ?year=2023 on a list must not silently return everything: 400,
	// naming year and listing the list's parameters, in Chinese and in
	// English.
	defined := []string{"party", "region", "status", "type", "area", "signed_from", "signed_to", "q", "related_to", "include_archived",
		"limit", "cursor", "format", "lang"}
	for _, lang := range []string{"zh", "en"} {
		r := api.do(req{method: "GET", path: "/v1/agreements?year=2023", header: map[string]string{"Accept-Language": lang}})
		p := answerTexts(t, r, 400, lang)
		e := errorOf(t, p)
		if e["field"] != "year" || e["code"] != "unknown_parameter" {
			t.Fatalf("%s: errors %v", lang, p["errors"])
		}
		sep := ", "
		if lang == "zh" {
			sep = "、"
		}
		detail := str(p["detail"])
		if !strings.Contains(detail, "year") || !strings.Contains(detail, strings.Join(defined, sep)) {
			t.Errorf("%s: detail %q does not name year and list %v", lang, detail, defined)
		}
		// A route without parameters says so.
		r = api.do(req{method: "GET", path: "/v1/regions/500115?lang=en", header: map[string]string{"Accept-Language": lang}})
		answerTexts(t, r, 400, lang)
	}

	// lang and format=xlsx are defined where exports are.
	for _, ok := range []string{"/v1/agreements?lang=zh", "/v1/consultations?lang=en&format=csv", "/v1/joint-actions?lang=en",
		"/v1/organizations/changshou-cppcc/joint-actions?lang=zh", "/v1/stats?year=2023&lang=zh"} {
		expect(t, api.get(ok), 200)
	}
	expectProblem(t, api.get("/v1/agreements?lang=fr"), 400, "lang")
	expectProblem(t, api.get("/v1/regions?lang=zh"), 400, "lang")
	for _, xlsx := range []string{"/v1/agreements?format=xlsx", "/v1/consultations?format=xlsx", "/v1/agreements/" + demo.AgreementChangshouPengzhou + "/joint-actions?format=xlsx"} {
		if r := api.get(xlsx); r.Status != 200 || r.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
			t.Errorf("%s: %d %s", xlsx, r.Status, r.Header.Get("Content-Type"))
		}
	}
}

// TestRegionsSendETags: a region read carries a strong ETag, the same on
// every read, and If-None-Match with it is 304.
func TestRegionsSendETags(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	r := api.get("/v1/regions/510182")
	expect(t, r, 200)
	tag := r.Header.Get("ETag")
	if !strings.HasPrefix(tag, `"`) || !strings.HasSuffix(tag, `"`) || len(tag) < 4 {
		t.Fatalf("ETag %q is not a strong entity tag", tag)
	}
	if again := api.get("/v1/regions/510182").Header.Get("ETag"); again != tag {
		t.Fatalf("ETag changed between reads: %q, %q", tag, again)
	}
	if other := api.get("/v1/regions/500115").Header.Get("ETag"); other == tag || other == "" {
		t.Fatalf("another region's ETag %q", other)
	}
	r = api.do(req{method: "GET", path: "/v1/regions/510182", header: map[string]string{"If-None-Match": tag}})
	expect(t, r, 304)
	if r.Header.Get("ETag") != tag || len(r.Body) != 0 {
		t.Fatalf("304: ETag %q, body %q", r.Header.Get("ETag"), r.Body)
	}
	expect(t, api.do(req{method: "GET", path: "/v1/regions/510182", header: map[string]string{"If-None-Match": `"1"`}}), 200)
}

// partnerRecords creates, besides the demo data (whose 2023 Changshou–
// Pengzhou agreement is one answer), records that Pengzhou and Changshou
// did together and records that only one of them did or that fall outside
// 2023, so that a filter that ORs the parties or ignores the period fails.
func partnerRecords(t *testing.T, api *testAPI) {
	t.Helper()
	parts := actParticipants
	create := func(path string, body map[string]any, kv ...any) {
		api.actCreate(path, api.Admin, actWith(body, kv...))
	}
	c := actConsultation("彭州长寿联合协商")
	create("/v1/consultations", c, "held_on", "2023-09-20")                                                                         // both, 2023
	create("/v1/consultations", c, "title_zh", "彭州长寿2022年协商", "held_on", "2022-11")                                                 // both, 2022
	create("/v1/consultations", c, "title_zh", "彭州邻水协商", "participants", parts("pengzhou-cppcc:host", "linshui-cppcc:participant")) // no Changshou
	j := actJointAction("彭州长寿联合调研")
	create("/v1/joint-actions", j, "participants", parts("pengzhou-cppcc:lead", "changshou-cppcc:partner", "linshui-cppcc:supporter"))
	create("/v1/joint-actions", j, "title_zh", "跨年联合视察", "started_on", "2022-10", "ended_on", "2023-02") // overlaps 2023
	create("/v1/joint-actions", j, "title_zh", "彭州渝北联合调研", "participants", parts("pengzhou-cppcc:lead", "yubei-cppcc:partner"))
	a := map[string]any{"title_zh": "合作协议", "type": "cooperation", "status": "signed", "signed_on": "2023-08",
		"parties": parts("pengzhou-cppcc:signatory", "linshui-cppcc:signatory"),
		"areas":   []any{map[string]any{"area_code": "ecology", "label_zh": "生态环境"}}}
	create("/v1/agreements", a)                                                                                                                                                                            // Sichuan only
	create("/v1/agreements", a, "title_zh", "渝北邻水生态合作协议", "parties", parts("yubei-cppcc:signatory", "linshui-cppcc:signatory"))                                                                            // Chongqing–Sichuan
	create("/v1/agreements", a, "title_zh", "长寿彭州2022年补充协议", "signed_on", "2022-12-01", "parties", parts("changshou-cppcc:signatory", "pengzhou-cppcc:signatory"))                                         // both, 2022
	create("/v1/agreements", a, "title_zh", "长寿渝北合作协议", "parties", parts("changshou-cppcc:signatory", "yubei-cppcc:signatory"), "areas", []any{map[string]any{"area_code": "industry", "label_zh": "产业"}}) // Chongqing only
}

// overlaps2023 reports whether a record's main period overlaps 2023, by
// the first four characters of its partial dates.
func overlaps2023(rec map[string]any, start, end string) bool {
	s, e := str(rec[start]), str(rec[end])
	if e == "" {
		e = s
	}
	return s != "" && s[:4] <= "2023" && e[:4] >= "2023"
}

// TestEverythingPengzhouDidWithChangshouIn2023 answers "everything
// Pengzhou did jointly with Changshou in 2023" with one request per kind
// of record (party repeated: both took part), and checks each answer
// against the records themselves: every record of the period whose
// parties or participants include both, and no other. The answers name
// the organisations in Chinese and in English.
func TestEverythingPengzhouDidWithChangshouIn2023(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	partnerRecords(t, api)
	both := func(ms []map[string]any) bool {
		codes := codesOf(ms)
		return slices.Contains(codes, "pengzhou-cppcc") && slices.Contains(codes, "changshou-cppcc")
	}
	for _, c := range []struct {
		list, answer, key, start, end string
	}{
		{"/v1/consultations", "/v1/consultations?party=pengzhou-cppcc&party=changshou-cppcc&from=2023&to=2023", "participants", "held_on", "held_on"},
		{"/v1/joint-actions", "/v1/joint-actions?party=pengzhou-cppcc&party=changshou-cppcc&from=2023&to=2023", "participants", "started_on", "ended_on"},
		{"/v1/agreements", "/v1/agreements?party=pengzhou-cppcc&party=changshou-cppcc&signed_from=2023&signed_to=2023", "parties", "signed_on", "signed_on"},
	} {
		// The records: every one, checked by hand.
		var want []map[string]any
		for _, rec := range api.allItems(c.list) {
			if both(members(t, rec, c.key)) && overlaps2023(rec, c.start, c.end) {
				want = append(want, rec)
			}
		}
		if len(want) == 0 {
			t.Fatalf("%s: no record to find", c.list)
		}
		// The answer: one request.
		page := fndList(t, api.get(c.answer))
		if got, exp := idsOf(page.items), idsOf(want); !slices.Equal(got, exp) {
			t.Errorf("%s: %v, want %v", c.answer, got, exp)
		}
		for _, rec := range page.items {
			for _, m := range members(t, rec, c.key) {
				if code := m["organization_code"]; code == "pengzhou-cppcc" && (m["name_zh"] != "中国人民政治协商会议四川省彭州市委员会" ||
					m["name_en"] != "Sichuan Pengzhou City Committee of the CPPCC") {
					t.Errorf("%s: Pengzhou reads %v / %v", c.answer, m["name_zh"], m["name_en"])
				}
			}
		}
		// The order of the parties does not matter, nor does the UUID
		// form; one party alone behaves as in v1.0, a party that does not
		// exist matches nothing.
		swapped := strings.Replace(strings.Replace(c.answer, "party=pengzhou-cppcc", "party=X", 1), "party=changshou-cppcc", "party=pengzhou-cppcc", 1)
		swapped = strings.Replace(swapped, "party=X", "party="+demo.ID("organization/changshou-cppcc"), 1)
		if got := idsOf(fndList(t, api.get(swapped)).items); !slices.Equal(got, idsOf(page.items)) {
			t.Errorf("%s: %v, want %v", swapped, got, idsOf(page.items))
		}
		single := strings.Replace(c.answer, "&party=changshou-cppcc", "", 1)
		var alone []map[string]any
		for _, rec := range api.allItems(c.list) {
			if slices.Contains(codesOf(members(t, rec, c.key)), "pengzhou-cppcc") && overlaps2023(rec, c.start, c.end) {
				alone = append(alone, rec)
			}
		}
		if got := idsOf(fndList(t, api.get(single)).items); !slices.Equal(got, idsOf(alone)) || len(alone) <= len(want) {
			t.Errorf("%s: %v, want %v (more than the joint ones)", single, got, idsOf(alone))
		}
		if got := fndList(t, api.get(c.answer+"&party=no-such-org")).items; len(got) != 0 {
			t.Errorf("%s with an unknown party: %d records", c.answer, len(got))
		}
	}

	// At most ten parties; the refusal says so in either language.
	eleven := "/v1/joint-actions?" + strings.Repeat("party=changshou-cppcc&", 11)
	for _, lang := range []string{"zh", "en"} {
		p := answerTexts(t, api.do(req{method: "GET", path: eleven, header: map[string]string{"Accept-Language": lang}}), 400, lang)
		if e := errorOf(t, p); e["field"] != "party" || e["code"] != "too_many_values" {
			t.Errorf("eleven parties: %v", p["errors"])
		}
	}
	expect(t, api.get("/v1/joint-actions?"+strings.Repeat("party=changshou-cppcc&", 10)), 200)
	expectProblem(t, api.get("/v1/agreements?party=changshou-cppcc&party="), 400, "party")
	expectProblem(t, api.get("/v1/consultations?party=changshou-cppcc&party=Not%20A%20Code"), 400, "party")

	// An organisation's own list narrowed to a partner: the same answer.
	got := idsOf(fndList(t, api.get("/v1/organizations/pengzhou-cppcc/joint-actions?party=changshou-cppcc&from=2023&to=2023")).items)
	if want := idsOf(fndList(t, api.get("/v1/joint-actions?party=pengzhou-cppcc&party=changshou-cppcc&from=2023&to=2023")).items); !slices.Equal(got, want) {
		t.Errorf("organisation sub-list with a partner: %v, want %v", got, want)
	}
}

// TestSichuanCountiesWithChongqingAgreementsByArea answers "which Sichuan
// counties have agreements with Chongqing districts, by area". One request
// answers it: the agreements with a party in Chongqing
// (/v1/agreements?region=500000), whose parties now carry their region
// code and names, and whose areas are listed — the Sichuan parties of
// those agreements are the counties, grouped by the agreements' areas.
// /v1/stats?region=500000 cannot answer it alone: its
// agreements.by_partner_province counts agreements per province (510000)
// and by_area counts areas, without naming a county; those figures are
// checked here against the same records.
func TestSichuanCountiesWithChongqingAgreementsByArea(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	partnerRecords(t, api)

	// The answer: one request, read as a person would.
	byArea := map[string][]string{} // area code → Sichuan county names (zh / en)
	answer := fndList(t, api.get("/v1/agreements?region=500000&limit=200"))
	for _, ag := range answer.items {
		for _, p := range members(t, ag, "parties") {
			if !strings.HasPrefix(str(p["region_code"]), "51") {
				continue
			}
			for _, x := range ag["areas"].([]any) {
				code := str(x.(map[string]any)["area_code"])
				name := str(p["name_zh"]) + " / " + str(p["name_en"])
				if !slices.Contains(byArea[code], name) {
					byArea[code] = append(byArea[code], name)
				}
			}
		}
	}
	for _, names := range byArea {
		slices.Sort(names)
	}
	pengzhou := "中国人民政治协商会议四川省彭州市委员会 / Sichuan Pengzhou City Committee of the CPPCC"
	linshui := "中国人民政治协商会议四川省邻水县委员会 / Sichuan Linshui County Committee of the CPPCC"
	want := map[string][]string{
		"private-economy": {pengzhou}, "culture-tourism": {pengzhou}, "joint-duty": {pengzhou}, // the demo agreement
		"ecology": {pengzhou, linshui}, // Yubei–Linshui 2023 and Changshou–Pengzhou 2022
	}
	if !equalAreas(byArea, want) {
		t.Errorf("Sichuan parties by area = %v, want %v", byArea, want)
	}

	// Checked against the records: every agreement, its parties looked up
	// one by one, and each Sichuan party's region a county-level one.
	for _, ag := range api.allItems("/v1/agreements") {
		chongqing, sichuan := false, false
		for _, p := range ag["parties"].([]any) {
			org := api.get("/v1/organizations/" + str(p.(map[string]any)["organization_id"]))
			expect(t, org, 200)
			region := str(org.JSON(t)["region_code"])
			chongqing = chongqing || strings.HasPrefix(region, "50")
			if strings.HasPrefix(region, "51") {
				sichuan = true
				reg := api.get("/v1/regions/" + region)
				expect(t, reg, 200)
				if level := reg.JSON(t)["level"]; level != "county" {
					t.Errorf("%s is a %v, not a county", region, level)
				}
			}
		}
		inAnswer := slices.Contains(idsOf(answer.items), ag["id"].(string))
		if inAnswer != chongqing {
			t.Errorf("agreement %v: in the answer %v, has a Chongqing party %v", ag["title_zh"], inAnswer, chongqing)
		}
		_ = sichuan
	}

	// The figures of 2023 for Chongqing agree with the same records:
	// agreements signed in 2023 with a Chongqing party, by area and with a
	// party from Sichuan.
	st := api.get("/v1/stats?year=2023&region=500000")
	expect(t, st, 200)
	var stats struct {
		Agreements struct {
			Signed            int            `json:"signed"`
			ByArea            map[string]int `json:"by_area"`
			ByPartnerProvince map[string]int `json:"by_partner_province"`
		} `json:"agreements"`
	}
	st.Decode(t, &stats)
	wantArea, wantProvince, signed := map[string]int{}, map[string]int{}, 0
	for _, ag := range answer.items {
		if !strings.HasPrefix(str(ag["signed_on"]), "2023") {
			continue
		}
		signed++
		seen := map[string]bool{}
		for _, x := range ag["areas"].([]any) {
			if code := str(x.(map[string]any)["area_code"]); code != "" && !seen[code] {
				seen[code] = true
				wantArea[code]++
			}
		}
		for _, p := range members(t, ag, "parties") {
			if strings.HasPrefix(str(p["region_code"]), "51") {
				wantProvince["510000"]++
				break
			}
		}
	}
	actSame(t, "agreements.signed", stats.Agreements.Signed, signed)
	actSame(t, "agreements.by_area", stats.Agreements.ByArea, wantArea)
	actSame(t, "agreements.by_partner_province", stats.Agreements.ByPartnerProvince, wantProvince)
	if wantProvince["510000"] != 2 {
		t.Errorf("expected two 2023 Chongqing–Sichuan agreements, counted %d", wantProvince["510000"])
	}
}

func equalAreas(got, want map[string][]string) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if !slices.Equal(got[k], v) {
			return false
		}
	}
	return true
}

// TestAgreementStatsByAreaAndPartnerProvince checks the two agreement
// figures for everyone, an organisation and a region: by_area counts each
// agreement signed in the year once per area it names, archived ones left
// out; by_partner_province is {} without a selection and counts the
// agreements with a party from the other province otherwise.
func TestAgreementStatsByAreaAndPartnerProvince(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	partnerRecords(t, api)
	gone := api.actCreate("/v1/agreements", api.Admin, map[string]any{"title_zh": "已归档协议", "type": "cooperation",
		"signed_on": "2023-03", "parties": actParticipants("changshou-cppcc:signatory", "linshui-cppcc:signatory"),
		"areas": []any{map[string]any{"area_code": "transport", "label_zh": "交通"}}})
	expect(t, api.do(req{method: "DELETE", path: "/v1/agreements/" + gone["id"].(string), key: api.Admin, header: actIfMatch(1)}), 200)

	type figures struct {
		Agreements struct {
			ByArea            map[string]int `json:"by_area"`
			ByPartnerProvince map[string]int `json:"by_partner_province"`
		} `json:"agreements"`
	}
	get := func(q string) figures {
		r := api.get("/v1/stats?year=2023" + q)
		expect(t, r, 200)
		var f figures
		r.Decode(t, &f)
		if f.Agreements.ByArea == nil || f.Agreements.ByPartnerProvince == nil {
			t.Fatalf("%s: maps missing: %s", q, r.Body)
		}
		return f
	}
	// 2023: demo (Changshou–Pengzhou: private-economy, culture-tourism,
	// joint-duty), Pengzhou–Linshui (ecology), Yubei–Linshui (ecology),
	// Changshou–Yubei (industry).
	all := get("")
	actSame(t, "everyone by_area", all.Agreements.ByArea, map[string]int{"private-economy": 1, "culture-tourism": 1, "joint-duty": 1, "ecology": 2, "industry": 1})
	actSame(t, "everyone by_partner_province", all.Agreements.ByPartnerProvince, map[string]int{})
	cs := get("&organization=changshou-cppcc")
	actSame(t, "Changshou by_area", cs.Agreements.ByArea, map[string]int{"private-economy": 1, "culture-tourism": 1, "joint-duty": 1, "industry": 1})
	actSame(t, "Changshou by_partner_province", cs.Agreements.ByPartnerProvince, map[string]int{"510000": 1})
	sc := get("&region=510000")
	actSame(t, "Sichuan by_area", sc.Agreements.ByArea, map[string]int{"private-economy": 1, "culture-tourism": 1, "joint-duty": 1, "ecology": 2})
	actSame(t, "Sichuan by_partner_province", sc.Agreements.ByPartnerProvince, map[string]int{"500000": 2})
	none := get("&organization=no-such-org")
	actSame(t, "unknown organisation by_area", none.Agreements.ByArea, map[string]int{})
}
