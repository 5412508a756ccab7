package httpapi_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/chengyu-collab/registry/internal/demo"
)

// agreementBody is a valid agreement between Changshou and Pengzhou.
func agreementBody(title string) map[string]any {
	return map[string]any{
		"title_zh":       title,
		"title_en":       "Test agreement",
		"type":           "cooperation",
		"status":         "signed",
		"signed_on":      "2023-06",
		"effective_from": "2023-06-15",
		"effective_to":   "2025",
		"areas_declared": 2,
		"parties": []any{
			map[string]any{"organization_id": "changshou-cppcc", "role": "signatory", "signatory_name": "张三"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "signatory"},
		},
		"areas": []any{
			map[string]any{"area_code": "culture-tourism", "label_zh": "文旅交流"},
			map[string]any{"label_zh": "人才交流"},
		},
		"mechanisms": []any{map[string]any{"kind": "joint_meeting", "description": "每年召开一次联席会议"}},
		"documents":  []any{map[string]any{"title": "协议全文", "url": "https://example.org/a.pdf", "language": "zh", "kind": "full_text"}},
	}
}

func (a *testAPI) createAgreement(key string, body map[string]any) map[string]any {
	a.t.Helper()
	r := a.do(req{method: "POST", path: "/v1/agreements", key: key, body: body})
	expect(a.t, r, 201)
	return r.JSON(a.t)
}

func TestAgreementCreateAndRead(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	r := api.do(req{method: "POST", path: "/v1/agreements", key: api.Changshou, body: agreementBody("  川渝合作协议 🤝 ")})
	expect(t, r, 201)
	a := r.JSON(t)
	id := a["id"].(string)
	if loc := r.Header.Get("Location"); loc != "/v1/agreements/"+id {
		t.Fatalf("Location = %q", loc)
	}
	if r.Header.Get("ETag") != `"1"` {
		t.Fatalf("ETag = %q, want \"1\"", r.Header.Get("ETag"))
	}
	if a["title_zh"] != "川渝合作协议 🤝" {
		t.Fatalf("title not trimmed and kept: %q", a["title_zh"])
	}
	if a["signed_on"] != "2023-06" || a["effective_from"] != "2023-06-15" || a["effective_to"] != "2025" {
		t.Fatalf("partial dates not echoed at their precision: %s", r.Body)
	}
	parties := a["parties"].([]any)
	if len(parties) != 2 || parties[0].(map[string]any)["organization_code"] != "changshou-cppcc" {
		t.Fatalf("parties = %v", parties)
	}
	if len(a["areas"].([]any)) != 2 || len(a["mechanisms"].([]any)) != 1 || len(a["documents"].([]any)) != 1 {
		t.Fatalf("child rows missing: %s", r.Body)
	}
	g := api.get("/v1/agreements/" + id)
	expect(t, g, 200)
	if g.Header.Get("ETag") != `"1"` || !bytes.Equal(bytes.TrimSpace(g.Body), bytes.TrimSpace(r.Body)) {
		t.Fatalf("GET differs from the create answer:\n%s\n%s", g.Body, r.Body)
	}
	expectProblem(t, api.get("/v1/agreements/00000000-0000-0000-0000-000000000000"), 404)
	expectProblem(t, api.get("/v1/agreements/not-a-uuid"), 404)
}

func TestAgreementRules(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	before := api.countRows("agreements")
	cases := []struct {
		name   string
		mutate func(b map[string]any)
		status int
		field  string
	}{
		{"one signatory", func(b map[string]any) {
			b["parties"].([]any)[1].(map[string]any)["role"] = "witness"
		}, 422, "parties"},
		{"organisation twice", func(b map[string]any) {
			b["parties"] = append(b["parties"].([]any), map[string]any{"organization_id": "changshou-cppcc", "role": "witness"})
		}, 422, "parties[2].organization_id"},
		{"unknown organisation", func(b map[string]any) {
			b["parties"].([]any)[1].(map[string]any)["organization_id"] = "no-such-org"
		}, 422, "parties[1].organization_id"},
		{"unknown area", func(b map[string]any) {
			b["areas"].([]any)[0].(map[string]any)["area_code"] = "no-such-area"
		}, 422, "areas[0].area_code"},
		{"effective before signing", func(b map[string]any) { b["effective_from"] = "2023-05" }, 422, "effective_from"},
		{"end before start", func(b map[string]any) { b["effective_to"] = "2022" }, 422, "effective_to"},
		{"signed in the future", func(b map[string]any) {
			b["signed_on"] = "2999-01-01"
			delete(b, "effective_from")
			delete(b, "effective_to")
		}, 422, "signed_on"},
		{"impossible date", func(b map[string]any) { b["signed_on"] = "2023-02-29" }, 422, "signed_on"},
		{"month 13", func(b map[string]any) { b["effective_to"] = "2023-13" }, 422, "effective_to"},
		{"word for a date", func(b map[string]any) { b["effective_to"] = "infinity" }, 422, "effective_to"},
		{"bad type", func(b map[string]any) { b["type"] = "treaty" }, 422, "type"},
		{"bad party role", func(b map[string]any) { b["parties"].([]any)[0].(map[string]any)["role"] = "boss" }, 422, "parties[0].role"},
		{"blank optional", func(b map[string]any) { b["title_en"] = "  " }, 422, "title_en"},
		{"bad document url", func(b map[string]any) { b["documents"].([]any)[0].(map[string]any)["url"] = "ftp://x" }, 422, "documents[0].url"},
		{"too many areas declared", func(b map[string]any) { b["areas_declared"] = 101 }, 422, "areas_declared"},
		{"long ref_no", func(b map[string]any) { b["ref_no"] = strings.Repeat("号", 65) }, 422, "ref_no"},
		{"read-only version", func(b map[string]any) { b["version"] = 7 }, 400, ""},
		{"unknown field", func(b map[string]any) { b["signatories"] = 2 }, 400, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := agreementBody("规则测试")
			c.mutate(b)
			r := api.do(req{method: "POST", path: "/v1/agreements", key: api.Admin, body: b})
			if c.field != "" {
				expectProblem(t, r, c.status, c.field)
			} else {
				expectProblem(t, r, c.status)
			}
		})
	}
	if n := api.countRows("agreements"); n != before {
		t.Fatalf("rejected creates wrote rows: %d agreements, want %d", n, before)
	}
	if n := api.countRows("audit_log WHERE entity = 'agreement'"); n != before {
		t.Fatalf("rejected creates wrote audit entries: %d", n)
	}
	// A signing date that is "today" in China is not in the future; two
	// partial dates that overlap are not out of order.
	b := agreementBody("部分日期")
	b["signed_on"], b["effective_from"], b["effective_to"] = "2023", "2023-01", "2023-12-31"
	expect(t, api.do(req{method: "POST", path: "/v1/agreements", key: api.Admin, body: b}), 201)
}

func TestAgreementReferenceByUUIDAndDuplicateRefNo(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	org := api.get("/v1/organizations/pengzhou-cppcc").JSON(t)
	b := agreementBody("按 UUID 引用")
	b["parties"].([]any)[1].(map[string]any)["organization_id"] = org["id"]
	b["ref_no"] = "CS-PZ-2023-07"
	a := api.createAgreement(api.Admin, b)
	if a["parties"].([]any)[1].(map[string]any)["organization_code"] != "pengzhou-cppcc" {
		t.Fatalf("party by UUID not resolved: %v", a["parties"])
	}
	expectProblem(t, api.do(req{method: "POST", path: "/v1/agreements", key: api.Admin, body: b}), 409, "ref_no")
}

func TestAgreementLifecycle(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	b := agreementBody("状态流转")
	b["status"] = "draft"
	a := api.createAgreement(api.Admin, b)
	path := "/v1/agreements/" + a["id"].(string)
	version := 1
	patch := func(status string) response {
		return api.do(req{method: "PATCH", path: path, key: api.Admin, body: map[string]any{"status": status},
			header: map[string]string{"If-Match": fmt.Sprintf(`"%d"`, version)}})
	}
	for _, step := range []string{"signed", "in_force", "suspended", "in_force", "expired"} {
		r := patch(step)
		expect(t, r, 200)
		version++
		if r.Header.Get("ETag") != fmt.Sprintf(`"%d"`, version) || r.JSON(t)["status"] != step {
			t.Fatalf("after %s: ETag %s body %s", step, r.Header.Get("ETag"), r.Body)
		}
	}
	p := expectProblem(t, patch("in_force"), 409)
	if allowed, _ := p["allowed"].([]any); allowed == nil || len(allowed) != 0 {
		t.Fatalf("allowed moves from expired = %v, want []", p["allowed"])
	}
	c := api.createAgreement(api.Admin, agreementBody("跳步"))
	r := api.do(req{method: "PATCH", path: "/v1/agreements/" + c["id"].(string), key: api.Admin,
		body: map[string]any{"status": "expired"}, header: map[string]string{"If-Match": `"1"`}})
	p = expectProblem(t, r, 409)
	if fmt.Sprint(p["allowed"]) != "[in_force]" || !strings.Contains(p["detail"].(string), "in_force") {
		t.Fatalf("signed → expired problem = %s", r.Body)
	}
}

func TestAgreementPatchAndArchive(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	a := api.createAgreement(api.Changshou, agreementBody("修改与归档"))
	path := "/v1/agreements/" + a["id"].(string)
	body := map[string]any{"title_en": nil, "summary_zh": "双方同意加强交流。", "areas": []any{map[string]any{"label_zh": "生态"}}}
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, body: body}), 428)
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, body: body, header: map[string]string{"If-Match": `"9"`}}), 412)
	r := api.do(req{method: "PATCH", path: path, key: api.Changshou, body: body,
		header: map[string]string{"If-Match": `"1"`, "Content-Type": "application/merge-patch+json"}})
	expect(t, r, 200)
	m := r.JSON(t)
	if m["title_en"] != nil || m["summary_zh"] != "双方同意加强交流。" || len(m["areas"].([]any)) != 1 || len(m["parties"].([]any)) != 2 {
		t.Fatalf("merge patch result = %s", r.Body)
	}
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, body: map[string]any{"id": "x"},
		header: map[string]string{"If-Match": `"2"`}}), 400)
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, body: map[string]any{"title_zh": nil},
		header: map[string]string{"If-Match": `"2"`}}), 422, "title_zh")

	expectProblem(t, api.do(req{method: "DELETE", path: path, key: api.Changshou}), 428)
	d := api.do(req{method: "DELETE", path: path, key: api.Changshou, header: map[string]string{"If-Match": `"2"`}})
	expect(t, d, 200)
	if d.JSON(t)["archived_at"] == nil || d.Header.Get("ETag") != `"3"` {
		t.Fatalf("archive answer = %s", d.Body)
	}
	expect(t, api.get(path), 200)
	expectProblem(t, api.do(req{method: "DELETE", path: path, key: api.Changshou, header: map[string]string{"If-Match": `"3"`}}), 409)
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, body: map[string]any{"summary_zh": "x"},
		header: map[string]string{"If-Match": `"3"`}}), 409)

	var list struct{ Items []map[string]any }
	api.get("/v1/agreements?q="+"修改与归档").Decode(t, &list)
	if len(list.Items) != 0 {
		t.Fatalf("archived agreement listed: %v", list.Items)
	}
	api.get("/v1/agreements?include_archived=true&q="+"修改与归档").Decode(t, &list)
	if len(list.Items) != 1 {
		t.Fatalf("include_archived did not list it: %v", list.Items)
	}

	var hist struct{ Items []map[string]any }
	h := api.get(path + "/history")
	expect(t, h, 200)
	h.Decode(t, &hist)
	if len(hist.Items) != 3 || hist.Items[0]["action"] != "create" || hist.Items[1]["action"] != "update" || hist.Items[2]["action"] != "archive" {
		t.Fatalf("history = %s", h.Body)
	}
	if hist.Items[1]["before"] == nil || hist.Items[1]["after"] == nil || hist.Items[0]["actor_key_id"] == nil || hist.Items[0]["request_id"] == nil {
		t.Fatalf("audit entry lacks before/after/actor/request id: %v", hist.Items[1])
	}
}

func TestAgreementRegistrarAccess(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	// Yubei is not a party to a Changshou–Pengzhou agreement.
	expectProblem(t, api.do(req{method: "POST", path: "/v1/agreements", key: api.Yubei, body: agreementBody("越权")}), 403)
	expectProblem(t, api.do(req{method: "POST", path: "/v1/agreements", key: api.Reader, body: agreementBody("只读")}), 403)
	expectProblem(t, api.do(req{method: "POST", path: "/v1/agreements", body: agreementBody("匿名")}), 401)

	path := "/v1/agreements/" + demo.AgreementChangshouPengzhou
	ifMatch := map[string]string{"If-Match": `"1"`}
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Yubei, body: map[string]any{"summary_en": "x"}, header: ifMatch}), 403)
	expectProblem(t, api.do(req{method: "DELETE", path: path, key: api.Yubei, header: ifMatch}), 403)
	// Changshou may not remove itself, even by adding another party.
	drop := map[string]any{"parties": []any{
		map[string]any{"organization_id": "pengzhou-cppcc", "role": "signatory"},
		map[string]any{"organization_id": "yubei-cppcc", "role": "signatory"},
	}}
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, body: drop, header: ifMatch}), 403)
	// Pengzhou, a party, may edit; an admin may remove anyone.
	r := api.do(req{method: "PATCH", path: path, key: api.Pengzhou, body: map[string]any{"signed_place": "彭州市"}, header: ifMatch})
	expect(t, r, 200)
	r = api.do(req{method: "PATCH", path: path, key: api.Admin, body: drop, header: map[string]string{"If-Match": `"2"`}})
	expect(t, r, 200)
}

// TestAgreementConcurrentWriters sends many PATCHes for the same version at
// once: exactly one wins, every other gets 412, and the audit log holds one
// update.
func TestAgreementConcurrentWriters(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	a := api.createAgreement(api.Admin, agreementBody("并发修改"))
	path := "/v1/agreements/" + a["id"].(string)
	const writers = 24
	statuses := make([]int, writers)
	var wg sync.WaitGroup
	for i := 0; i < writers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r := api.do(req{method: "PATCH", path: path, key: api.Changshou,
				body: map[string]any{"summary_zh": fmt.Sprintf("第 %d 位编辑者", i)}, header: map[string]string{"If-Match": `"1"`}})
			statuses[i] = r.Status
		}(i)
	}
	wg.Wait()
	won, lost := 0, 0
	for _, s := range statuses {
		switch s {
		case 200:
			won++
		case 412:
			lost++
		}
	}
	if won != 1 || lost != writers-1 {
		t.Fatalf("statuses = %v: want exactly one 200 and %d × 412", statuses, writers-1)
	}
	if n := api.countRows("audit_log WHERE action = 'update' AND entity_id = '" + a["id"].(string) + "'"); n != 1 {
		t.Fatalf("%d update audit entries, want 1", n)
	}
	if g := api.get(path); g.Header.Get("ETag") != `"2"` {
		t.Fatalf("ETag after the race = %s", g.Header.Get("ETag"))
	}
}

func TestAgreementIdempotentCreate(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	post := func(key, idem string, body map[string]any) response {
		return api.do(req{method: "POST", path: "/v1/agreements", key: key, body: body, header: map[string]string{"Idempotency-Key": idem}})
	}
	before := api.countRows("agreements")
	first := post(api.Changshou, "order-1", agreementBody("幂等创建"))
	expect(t, first, 201)
	again := post(api.Changshou, "order-1", agreementBody("幂等创建"))
	expect(t, again, 201)
	if !bytes.Equal(first.Body, again.Body) || first.Header.Get("Location") != again.Header.Get("Location") ||
		first.Header.Get("ETag") != again.Header.Get("ETag") || again.Header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("replay differs:\n%s %v\n%s %v", first.Body, first.Header, again.Body, again.Header)
	}
	if n := api.countRows("agreements"); n != before+1 {
		t.Fatalf("%d agreements after replay, want %d", n, before+1)
	}
	expectProblem(t, post(api.Changshou, "order-1", agreementBody("另一个协议")), 422)
	// Another key holder's identical key is unrelated.
	expect(t, post(api.Pengzhou, "order-1", agreementBody("幂等创建")), 201)
	// Failures are not stored: the client may retry with the same key.
	bad := agreementBody("先失败")
	bad["type"] = "treaty"
	expectProblem(t, post(api.Changshou, "order-2", bad), 422)
	expect(t, post(api.Changshou, "order-2", agreementBody("先失败")), 201)
	expectProblem(t, post(api.Changshou, strings.Repeat("k", 256), agreementBody("键太长")), 400)
	expectProblem(t, post(api.Changshou, "含中文", agreementBody("键非 ASCII")), 400)
}

// TestAgreementConcurrentIdempotentCreates sends the same POST with the same
// key many times at once: exactly one agreement is created; every answer
// is the first response or 409 (still in flight).
func TestAgreementConcurrentIdempotentCreates(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	before := api.countRows("agreements")
	const clients = 16
	results := make([]response, clients)
	var wg sync.WaitGroup
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = api.do(req{method: "POST", path: "/v1/agreements", key: api.Changshou, body: agreementBody("并发幂等"),
				header: map[string]string{"Idempotency-Key": "same-key"}})
		}(i)
	}
	wg.Wait()
	var created []byte
	for _, r := range results {
		switch r.Status {
		case 201:
			if created == nil {
				created = r.Body
			} else if !bytes.Equal(created, r.Body) {
				t.Fatalf("two different 201 bodies:\n%s\n%s", created, r.Body)
			}
		case 409:
		default:
			t.Fatalf("unexpected status %d: %s", r.Status, r.Body)
		}
	}
	if created == nil {
		t.Fatal("no request succeeded")
	}
	if n := api.countRows("agreements"); n != before+1 {
		t.Fatalf("%d agreements, want %d", n, before+1)
	}
	if n := api.countRows("audit_log WHERE entity = 'agreement'"); n != before+1 {
		t.Fatalf("%d agreement audit entries, want %d", n, before+1)
	}
}

func TestAgreementFilters(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	mk := func(title, signed, typ, status string, second string, area string) string {
		b := agreementBody(title)
		b["type"], b["status"] = typ, status
		delete(b, "effective_from")
		delete(b, "effective_to")
		if signed == "" {
			delete(b, "signed_on")
		} else {
			b["signed_on"] = signed
		}
		b["parties"].([]any)[1].(map[string]any)["organization_id"] = second
		b["areas"] = []any{map[string]any{"area_code": area, "label_zh": "领域"}}
		return api.createAgreement(api.Admin, b)["id"].(string)
	}
	a2022 := mk("渝北合作二〇二二", "2022-11-03", "memorandum", "expired", "yubei-cppcc", "ecology")
	a2023 := mk("邻水合作 Linshui", "2023", "cooperation", "in_force", "linshui-cppcc", "transport")
	aNone := mk("未签署草案", "", "friendship", "draft", "yubei-cppcc", "ecology")
	demoID := demo.AgreementChangshouPengzhou
	ids := func(path string) []string {
		t.Helper()
		r := api.get(path)
		expect(t, r, 200)
		var list struct{ Items []struct{ ID string } }
		r.Decode(t, &list)
		out := []string{}
		for _, it := range list.Items {
			out = append(out, it.ID)
		}
		return out
	}
	same := func(path string, want ...string) {
		t.Helper()
		got := ids(path)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s = %v, want %v", path, got, want)
		}
	}
	// Newest first by signing date, the 2023 partial date by its first day, undated last.
	same("/v1/agreements", demoID, a2023, a2022, aNone)
	same("/v1/agreements?party=linshui-cppcc", a2023)
	org := api.get("/v1/organizations/pengzhou-cppcc").JSON(t)["id"].(string)
	same("/v1/agreements?party="+org, demoID)
	same("/v1/agreements?party=no-such-org")
	same("/v1/agreements?region=510000", demoID, a2023)   // Sichuan: Pengzhou and Linshui
	same("/v1/agreements?region=511600", a2023)           // Guang'an prefecture holds Linshui
	same("/v1/agreements?region=500112", a2022, aNone)    // Yubei district
	same("/v1/agreements?status=in_force", demoID, a2023) // the demo agreement is in force
	same("/v1/agreements?type=memorandum", a2022)
	same("/v1/agreements?area=ecology", a2022, aNone)
	same("/v1/agreements?area=joint-duty", demoID)
	same("/v1/agreements?signed_from=2023&signed_to=2023", demoID, a2023)
	same("/v1/agreements?signed_from=2023-05-18&signed_to=2023-05-18", demoID, a2023) // 2023 overlaps that day
	same("/v1/agreements?signed_to=2022", a2022)
	same("/v1/agreements?q=彭州", demoID)
	same("/v1/agreements?q=linshui", a2023)
	same("/v1/agreements?q=100%25", []string{}...)
	for _, bad := range []string{"status=active", "type=x", "signed_from=2023-02-30", "region=5001", "party=Not+A+Code",
		"limit=0", "limit=500", "cursor=zzz", "include_archived=maybe", "area=", "signed_to=today"} {
		expectProblem(t, api.get("/v1/agreements?"+bad), 400)
	}
}

func TestAgreementKeysetPagination(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	for i := 0; i < 7; i++ {
		b := agreementBody(fmt.Sprintf("分页 %d", i))
		delete(b, "effective_from")
		delete(b, "effective_to")
		if i%3 == 0 {
			delete(b, "signed_on") // undated records sort last
		} else {
			b["signed_on"] = fmt.Sprintf("2022-%02d", i)
		}
		api.createAgreement(api.Admin, b)
	}
	var all []string
	path := "/v1/agreements?limit=3"
	pages := 0
	for path != "" {
		r := api.get(path)
		expect(t, r, 200)
		var page struct {
			Items []struct {
				ID       string
				SignedOn *string `json:"signed_on"`
			}
			NextCursor string `json:"next_cursor"`
		}
		r.Decode(t, &page)
		for _, it := range page.Items {
			all = append(all, it.ID)
		}
		pages++
		link := r.Header.Get("Link")
		if page.NextCursor == "" {
			if link != "" || strings.Contains(string(r.Body), "next_cursor") {
				t.Fatalf("last page has a next link: %q %s", link, r.Body)
			}
			path = ""
			continue
		}
		if !strings.Contains(link, `rel="next"`) || !strings.Contains(link, "cursor=") {
			t.Fatalf("Link = %q", link)
		}
		path = strings.TrimPrefix(strings.Split(strings.Trim(strings.Split(link, ";")[0], "<>"), api.URL)[0], api.URL)
	}
	if len(all) != 8 || pages != 3 {
		t.Fatalf("paged %d items over %d pages, want 8 over 3", len(all), pages)
	}
	seen := map[string]bool{}
	for _, id := range all {
		if seen[id] {
			t.Fatalf("item %s on two pages", id)
		}
		seen[id] = true
	}
	var one struct{ Items []struct{ ID string } }
	api.get("/v1/agreements?limit=200").Decode(t, &one)
	for i := range one.Items {
		if one.Items[i].ID != all[i] {
			t.Fatalf("paged order differs from one page at %d", i)
		}
	}
}

func TestAgreementCSVExport(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	api.createAgreement(api.Admin, agreementBody("=cmd|' /C calc'!A0"))
	for _, r := range []response{
		api.get("/v1/agreements?format=csv"),
		api.do(req{method: "GET", path: "/v1/agreements", header: map[string]string{"Accept": "text/csv"}}),
	} {
		expect(t, r, 200)
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			t.Fatalf("Content-Type = %q", ct)
		}
		if !bytes.HasPrefix(r.Body, []byte("\xEF\xBB\xBFid,ref_no,title_zh")) {
			t.Fatalf("CSV lacks BOM and header: %.80q", r.Body)
		}
		lines := strings.Split(strings.TrimSpace(string(r.Body)), "\n")
		if len(lines) != 3 {
			t.Fatalf("CSV has %d lines, want header + 2", len(lines))
		}
		if !strings.Contains(string(r.Body), "重庆市长寿区政协与四川省彭州市政协") || !strings.Contains(string(r.Body), "'=cmd") {
			t.Fatalf("CSV content: %s", r.Body)
		}
	}
	if r := api.get("/v1/agreements?format=csv&party=nobody"); r.Status != http.StatusOK || len(strings.Split(strings.TrimSpace(string(r.Body)), "\n")) != 1 {
		t.Fatalf("empty export = %d %q", r.Status, r.Body)
	}
}
