package httpapi_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/demo"
)

func TestJointActionCreateReadPatchArchive(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	r := api.do(req{method: "POST", path: "/v1/joint-actions", key: api.Changshou, body: actJointAction("跨界河流联合调研")})
	expect(t, r, 201)
	j := r.JSON(t)
	id := j["id"].(string)
	if r.Header.Get("Location") != "/v1/joint-actions/"+id || r.Header.Get("ETag") != `"1"` {
		t.Fatalf("Location = %q, ETag = %q", r.Header.Get("Location"), r.Header.Get("ETag"))
	}
	if j["started_on"] != "2023-03" || j["ended_on"] != "2023-05-20" || j["kind"] != "research" || j["theme_zh"] != "跨界河流联防联控" {
		t.Fatalf("created = %s", r.Body)
	}
	path := "/v1/joint-actions/" + id
	g := api.get(path)
	expect(t, g, 200)
	if g.Header.Get("ETag") != `"1"` {
		t.Fatalf("ETag = %q", g.Header.Get("ETag"))
	}
	patch := `{"ended_on": null, "status": "ongoing", "participants": [{"organization_id": "changshou-cppcc", "role": "lead"},
		{"organization_id": "linshui-cppcc", "role": "supporter"}]}`
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, body: patch}), 428)
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, body: patch, header: actIfMatch(2)}), 412)
	p := api.do(req{method: "PATCH", path: path, key: api.Changshou, body: patch,
		header: map[string]string{"If-Match": `"1"`, "Content-Type": "application/merge-patch+json"}})
	expect(t, p, 200)
	pm := p.JSON(t)
	ps := pm["participants"].([]any)
	if pm["ended_on"] != nil || pm["status"] != "ongoing" || len(ps) != 2 || ps[1].(map[string]any)["organization_code"] != "linshui-cppcc" ||
		pm["version"] != float64(2) || len(pm["outcomes"].([]any)) != 1 {
		t.Fatalf("patched = %s", p.Body)
	}
	// A patch that breaks a rule changes nothing.
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, header: actIfMatch(2),
		body: map[string]any{"ended_on": "2023-02"}}), 422, "ended_on")
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, header: actIfMatch(2),
		body: map[string]any{"title_zh": "   "}}), 422, "title_zh")
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Changshou, header: actIfMatch(2), body: `[1]`}), 400)
	if g := api.get(path); g.Header.Get("ETag") != `"2"` {
		t.Fatalf("a rejected patch changed the record: %s", g.Body)
	}
	expectProblem(t, api.do(req{method: "DELETE", path: path, key: api.Changshou}), 428)
	d := api.do(req{method: "DELETE", path: path, key: api.Changshou, header: actIfMatch(2)})
	expect(t, d, 200)
	if d.JSON(t)["archived_at"] == nil {
		t.Fatalf("archived = %s", d.Body)
	}
	expectProblem(t, api.do(req{method: "DELETE", path: path, key: api.Admin, header: map[string]string{"If-Match": "*"}}), 409)
	expectProblem(t, api.do(req{method: "DELETE", path: "/v1/joint-actions/00000000-0000-7000-8000-000000000000", key: api.Admin, header: actIfMatch(1)}), 404)
	var n int
	if err := api.Store.DB().QueryRow(`SELECT count(*) FROM audit_log WHERE entity = 'joint_action' AND entity_id = $1`, id).Scan(&n); err != nil || n != 3 {
		t.Fatalf("audit entries = %d (%v), want 3", n, err)
	}
}

func TestJointActionRules(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	base := actJointAction("规则测试")
	before := api.countRows("joint_actions")
	api.actCheckRules(t, "/v1/joint-actions", []actRuleCase{
		{"one organisation", actWith(base, "participants", actParticipants("changshou-cppcc:lead")), 422, "participants", "min_participants"},
		{"no lead", actWith(base, "participants", actParticipants("changshou-cppcc:partner", "pengzhou-cppcc:supporter")), 422, "participants", "lead_required"},
		{"duplicate", actWith(base, "participants", actParticipants("changshou-cppcc:lead", "changshou-cppcc:partner")), 422, "participants[1].organization_id", "duplicate_party"},
		{"host is not a joint action role", actWith(base, "participants", actParticipants("changshou-cppcc:host", "pengzhou-cppcc:lead")), 422, "participants[0].role", "invalid_value"},
		{"ended before started", actWith(base, "started_on", "2023-03-10", "ended_on", "2023-03-09"), 422, "ended_on", "date_order"},
		{"ended month before started", actWith(base, "started_on", "2023-03", "ended_on", "2023-02-28"), 422, "ended_on", "date_order"},
		{"ended year before started", actWith(base, "started_on", "2023", "ended_on", "2022-12"), 422, "ended_on", "date_order"},
		{"bad kind", actWith(base, "kind", "party"), 422, "kind", "invalid_value"},
		{"theme too long", actWith(base, "theme_zh", strings.Repeat("题", 501)), 422, "theme_zh", "too_long"},
		{"blank theme", actWith(base, "theme_en", ""), 422, "theme_en", "blank"},
		{"unknown area", actWith(base, "area_code", "nowhere"), 422, "area_code", "unknown_area"},
		{"bad status", actWith(base, "status", "held"), 422, "status", "invalid_value"},
	})
	r := api.do(req{method: "POST", path: "/v1/joint-actions", key: api.Admin, body: actWith(base, "started_on", "2023-03-10", "ended_on", "2023-03-09")})
	if p := expectProblem(t, r, 422, "ended_on"); !strings.Contains(actProblemField(p, "ended_on", "message"), "started_on") {
		t.Fatalf("date_order message does not name started_on: %s", r.Body)
	}
	if n := api.countRows("joint_actions"); n != before {
		t.Fatalf("rejected creates wrote %d joint actions", n-before)
	}
	// Partial dates are out of order only when the start's first day is
	// after the end's last day.
	for _, dates := range [][2]string{{"2023", "2023-01"}, {"2023-03", "2023-03-01"}, {"2023-03-31", "2023-03"}, {"2023-12", "2023"}} {
		api.actCreate("/v1/joint-actions", api.Admin, actWith(base, "started_on", dates[0], "ended_on", dates[1]))
	}
	// An action may have no dates yet, or an end without a start.
	api.actCreate("/v1/joint-actions", api.Admin, actWith(base, "started_on", nil, "ended_on", nil, "status", "planned", "kind", nil))
	api.actCreate("/v1/joint-actions", api.Admin, actWith(base, "started_on", nil))
}

func TestJointActionRegistrarAccess(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	body := actJointAction("权限测试")
	expectProblem(t, api.do(req{method: "POST", path: "/v1/joint-actions", key: api.Yubei, body: body}), 403)
	j := api.actCreate("/v1/joint-actions", api.Pengzhou, body)
	path := "/v1/joint-actions/" + j["id"].(string)
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Yubei, body: map[string]any{"status": "ongoing"}, header: actIfMatch(1)}), 403)
	expectProblem(t, api.do(req{method: "DELETE", path: path, key: api.Yubei, header: actIfMatch(1)}), 403)
	noPengzhou := map[string]any{"participants": actParticipants("changshou-cppcc:lead", "yubei-cppcc:partner")}
	expectProblem(t, api.do(req{method: "PATCH", path: path, key: api.Pengzhou, body: noPengzhou, header: actIfMatch(1)}), 403)
	expect(t, api.do(req{method: "PATCH", path: path, key: api.Pengzhou, body: map[string]any{"status": "ongoing"}, header: actIfMatch(1)}), 200)
	expect(t, api.do(req{method: "DELETE", path: path, key: api.Changshou, header: actIfMatch(2)}), 200)
	// The demo records are the admin's, and Changshou's where it takes part.
	expectProblem(t, api.do(req{method: "PATCH", path: "/v1/joint-actions/" + demo.JointActionJiusanJialing, key: api.Pengzhou,
		body: map[string]any{"status": "ongoing"}, header: actIfMatch(1)}), 403)
}

func TestJointActionPeriodFilters(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	base := actJointAction("期间测试")
	mk := func(kv ...any) string {
		return api.actCreate("/v1/joint-actions", api.Admin, actWith(base, kv...))["id"].(string)
	}
	winter := mk("title_zh", "嘉陵江冬季联合视察", "started_on", "2022-11", "ended_on", "2023-02", "kind", "inspection",
		"participants", actParticipants("changshou-cppcc:lead", "linshui-cppcc:partner"), "agreement_id", demo.AgreementChangshouPengzhou)
	summer := mk("started_on", "2023-06-15", "ended_on", nil, "kind", "publicity", "area_code", "industry", "status", "ongoing",
		"participants", actParticipants("yubei-cppcc:lead", "pengzhou-cppcc:partner"))
	old := mk("started_on", "2021", "ended_on", "2021", "title_en", "Old survey")
	endOnly := mk("started_on", nil, "ended_on", "2020-05")
	undated := mk("started_on", nil, "ended_on", nil, "status", "planned")
	api.do(req{method: "DELETE", path: "/v1/joint-actions/" + old, key: api.Admin, header: actIfMatch(1)})
	jiusan, parties, expo := demo.JointActionJiusanJialing, demo.JointActionPartiesThemes, demo.JointActionExhibition

	for _, c := range []struct {
		query         string
		want, unwants []string
	}{
		{"?from=2023&to=2023", []string{winter, summer, jiusan, parties, expo}, []string{old, endOnly, undated}},
		{"?from=2022-12&to=2022-12", []string{winter}, []string{summer, jiusan}},
		{"?from=2023-03", []string{summer, jiusan, parties, expo}, []string{winter, undated}},
		{"?to=2023-01-31", []string{winter, endOnly, jiusan}, []string{summer, undated}}, // jiusan: the year 2023
		{"?from=2023-06-15&to=2023-06-15", []string{summer, jiusan}, []string{winter}},   // no end: just started_on
		{"?from=2023-07", []string{jiusan}, []string{summer}},
		{"?from=2021&to=2021", nil, []string{old}},
		{"?from=2021&to=2021&include_archived=true", []string{old}, []string{winter}},
		{"?from=2020-05-31&to=2020-06", []string{endOnly}, nil},
		{"?party=linshui-cppcc", []string{winter}, []string{summer, jiusan, parties, expo}},
		{"?party=changshou-jiusan", []string{jiusan, parties}, []string{expo, winter}},
		{"?region=510000", []string{winter, summer}, []string{jiusan, parties, expo}},
		{"?region=511623", []string{winter}, []string{summer}},
		{"?region=500000", []string{winter, summer, jiusan, parties, expo}, nil},
		{"?agreement=" + demo.AgreementChangshouPengzhou, []string{winter}, []string{summer}},
		{"?area=joint-duty", []string{jiusan, parties}, []string{expo, winter}},
		{"?area=industry", []string{summer}, []string{winter}},
		{"?kind=exhibition", []string{expo}, []string{jiusan, winter}},
		{"?kind=inspection&status=completed", []string{winter}, []string{summer}},
		{"?status=ongoing", []string{summer}, []string{winter, expo}},
		{"?q=" + url.QueryEscape("嘉陵"), []string{winter, jiusan}, []string{summer, expo}},
		{"?q=" + url.QueryEscape("工商联联合履职"), []string{parties}, []string{jiusan}},
		{"?q=old%20SURVEY&include_archived=true", []string{old}, []string{winter}},
		{"?q=%25", nil, []string{winter, summer}}, // % is matched literally
	} {
		actExpectIDs(t, c.query, actIDs(t, api.get("/v1/joint-actions"+c.query)), c.want, c.unwants...)
	}
	order := actIDs(t, api.get("/v1/joint-actions?party=pengzhou-cppcc&include_archived=true"))
	// 2023-06-15, 2021, then the two without a start (ties by id descending).
	if want := []string{summer, old, undated, endOnly}; strings.Join(order, ",") != strings.Join(want, ",") {
		t.Fatalf("order = %v, want %v", order, want)
	}
	actExpectIDs(t, "agreement sub-list", actIDs(t, api.get("/v1/agreements/"+demo.AgreementChangshouPengzhou+"/joint-actions")), []string{winter}, summer)
	expectProblem(t, api.get("/v1/agreements/00000000-0000-7000-8000-000000000000/joint-actions"), 404)
	actExpectIDs(t, "organisation sub-list", actIDs(t, api.get("/v1/organizations/changshou-cppcc/joint-actions?from=2023")),
		[]string{winter, jiusan, parties, expo}, summer)
	expectProblem(t, api.get("/v1/organizations/nobody-here/joint-actions"), 404)
	for _, bad := range []string{"?kind=banquet", "?status=held", "?to=2023-02-30", "?format=xml", "?region=abc", "?from="} {
		expectProblem(t, api.get("/v1/joint-actions"+bad), 400)
	}
}

func TestJointActionKeysetPagination(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	base := actJointAction("分页测试")
	dates := []any{"2023-01-05", "2023-01-05", "2023-01-05", "2022", "2022-12", nil, nil, "2024-02-29"}
	for i, d := range dates {
		api.actCreate("/v1/joint-actions", api.Admin, actWith(base, "title_zh", fmt.Sprintf("分页测试 %d", i), "started_on", d,
			"ended_on", nil, "participants", actParticipants("yubei-cppcc:lead", "linshui-cppcc:partner")))
	}
	all := actIDs(t, api.get("/v1/joint-actions?party=yubei-cppcc&limit=200"))
	if len(all) != len(dates) {
		t.Fatalf("one page holds %d, want %d", len(all), len(dates))
	}
	var paged []string
	path := "/v1/joint-actions?party=yubei-cppcc&limit=3"
	for pages := 0; ; pages++ {
		if pages > len(dates) {
			t.Fatal("pagination does not end")
		}
		r := api.get(path)
		paged = append(paged, actIDs(t, r)...)
		m := r.JSON(t)
		next, _ := m["next_cursor"].(string)
		if next == "" {
			if r.Header.Get("Link") != "" {
				t.Fatalf("last page has a Link header: %s", r.Header.Get("Link"))
			}
			break
		}
		link := r.Header.Get("Link")
		if !strings.Contains(link, `rel="next"`) || !strings.Contains(link, "cursor="+url.QueryEscape(next)) {
			t.Fatalf("Link = %q, cursor %q", link, next)
		}
		path = "/v1/joint-actions?party=yubei-cppcc&limit=3&cursor=" + url.QueryEscape(next)
	}
	if strings.Join(paged, ",") != strings.Join(all, ",") {
		t.Fatalf("pages %v differ from one page %v", paged, all)
	}
	// 2024-02-29 first, the three of 2023-01-05 by id descending, then
	// 2022-12, 2022 and the two undated.
	var first struct {
		Items []struct {
			StartedOn *string `json:"started_on"`
		} `json:"items"`
	}
	api.get("/v1/joint-actions?party=yubei-cppcc&limit=200").Decode(t, &first)
	var got []string
	for _, it := range first.Items {
		if it.StartedOn == nil {
			got = append(got, "-")
		} else {
			got = append(got, *it.StartedOn)
		}
	}
	if strings.Join(got, ",") != "2024-02-29,2023-01-05,2023-01-05,2023-01-05,2022-12,2022,-,-" {
		t.Fatalf("order = %v", got)
	}
	if all[1] < all[2] || all[2] < all[3] || all[6] < all[7] {
		t.Fatalf("ties not by id descending: %v", all)
	}
	expectProblem(t, api.get("/v1/joint-actions?cursor=WyJ4Il0"), 400)
}

func TestJointActionIdempotentCreateAndCSV(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	body := actJointAction("幂等测试")
	key := map[string]string{"Idempotency-Key": "ja-create-1"}
	before := api.countRows("joint_actions")
	first := api.do(req{method: "POST", path: "/v1/joint-actions", key: api.Changshou, body: body, header: key})
	expect(t, first, 201)
	again := api.do(req{method: "POST", path: "/v1/joint-actions", key: api.Changshou, body: body, header: key})
	expect(t, again, 201)
	if string(again.Body) != string(first.Body) || again.Header.Get("Location") != first.Header.Get("Location") ||
		again.Header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("replay differs:\n%s\n%s", first.Body, again.Body)
	}
	if n := api.countRows("joint_actions"); n != before+1 {
		t.Fatalf("%d joint actions written, want 1", n-before)
	}
	expectProblem(t, api.do(req{method: "POST", path: "/v1/joint-actions", key: api.Changshou, body: actWith(body, "kind", "other"), header: key}), 422)
	// Another key holder's identical key is unrelated; a failure is not stored.
	expect(t, api.do(req{method: "POST", path: "/v1/joint-actions", key: api.Pengzhou, body: body, header: key}), 201)
	bad := map[string]string{"Idempotency-Key": "ja-create-2"}
	expectProblem(t, api.do(req{method: "POST", path: "/v1/joint-actions", key: api.Admin, body: actWith(body, "area_code", "nowhere"), header: bad}), 422)
	expect(t, api.do(req{method: "POST", path: "/v1/joint-actions", key: api.Admin, body: body, header: bad}), 201)
	cbody := actConsultation("幂等协商")
	c1 := api.do(req{method: "POST", path: "/v1/consultations", key: api.Admin, body: cbody, header: key})
	c2 := api.do(req{method: "POST", path: "/v1/consultations", key: api.Admin, body: cbody, header: key})
	expect(t, c1, 201)
	if string(c1.Body) != string(c2.Body) {
		t.Fatal("consultation replay differs")
	}

	r := api.do(req{method: "GET", path: "/v1/joint-actions?kind=research", header: map[string]string{"Accept": "text/csv"}})
	expect(t, r, 200)
	lines := strings.Split(strings.TrimSpace(string(r.Body)), "\n")
	if !strings.HasPrefix(lines[0], "\uFEFFid,title_zh,title_en,theme_zh,theme_en,kind,status,started_on,ended_on,") {
		t.Fatalf("CSV header = %q", lines[0])
	}
	if len(lines) != 4 || !strings.Contains(lines[1], "幂等测试") || !strings.Contains(lines[1], "proposal:3") ||
		!strings.Contains(lines[1], "changshou-cppcc:lead; pengzhou-cppcc:partner") {
		t.Fatalf("CSV rows = %q", lines)
	}
	if r.Header.Get("Content-Disposition") != `attachment; filename="joint-actions.csv"` {
		t.Fatalf("Content-Disposition = %q", r.Header.Get("Content-Disposition"))
	}
}
