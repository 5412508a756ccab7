package httpapi_test

import (
	"testing"

	"github.com/chengyu-collab/registry/internal/demo"
)

func TestMilestonesOverHTTP(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	ag := demo.AgreementChangshouPengzhou
	// The demo agreement's follow-up, undated, as the source states it.
	page := api.get("/v1/agreements/" + ag + "/milestones").JSON(t)
	if items := page["items"].([]any); len(items) != 2 || items[0].(map[string]any)["due_on"] != nil {
		t.Fatalf("demo milestones: %v", items)
	}
	path := "/v1/agreements/" + ag + "/milestones"
	body := map[string]any{"title_zh": "召开联席会议", "due_on": "2020-06", "responsible_organization_id": "pengzhou-cppcc"}
	expectProblem(t, api.do(req{method: "POST", path: path, key: api.Yubei, body: body}), 403)
	r := api.do(req{method: "POST", path: path, key: api.Changshou, body: body, header: map[string]string{"Idempotency-Key": "m-1"}})
	expect(t, r, 201)
	m := r.JSON(t)
	id := m["id"].(string)
	if r.Header.Get("Location") != "/v1/milestones/"+id || r.Header.Get("ETag") != `"1"` || m["overdue"] != true {
		t.Fatalf("create: %v %s", r.Header, r.Body)
	}
	again := api.do(req{method: "POST", path: path, key: api.Changshou, body: body, header: map[string]string{"Idempotency-Key": "m-1"}})
	expect(t, again, 201)
	if again.Header.Get("Idempotent-Replayed") != "true" || api.countRows("milestones") != 3 {
		t.Fatal("an idempotent retry wrote again")
	}
	p := expectProblem(t, api.do(req{method: "POST", path: path, key: api.Changshou,
		body: map[string]any{"title_zh": "x", "responsible_organization_id": "yubei-cppcc", "status": "done"}}), 422)
	if problemCode(p, "responsible_organization_id") != "not_a_party_of_agreement" || problemCode(p, "done_on") != "required_when_done" {
		t.Fatalf("rules: %v", p)
	}
	expectProblem(t, api.do(req{method: "POST", path: "/v1/agreements/0190a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f/milestones",
		key: api.Changshou, body: body}), 404)

	// Lists: overdue first by due date, the undated demo ones last.
	list := api.get("/v1/milestones?party=pengzhou-cppcc&overdue=true").JSON(t)["items"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["id"] != id {
		t.Fatalf("overdue list: %v", list)
	}
	all := api.get("/v1/milestones?limit=1").JSON(t)
	if all["items"].([]any)[0].(map[string]any)["id"] != id || all["next_cursor"] == nil {
		t.Fatalf("order: %v", all)
	}
	next := api.get("/v1/milestones?limit=2&cursor=" + all["next_cursor"].(string)).JSON(t)
	if len(next["items"].([]any)) != 2 || next["next_cursor"] != nil {
		t.Fatalf("second page: %v", next)
	}
	for _, q := range []string{"overdue=maybe", "status=late", "due_from=2023-13", "agreement=x", "cursor=zz"} {
		expectProblem(t, api.get("/v1/milestones?"+q), 400)
	}
	if n := len(api.get("/v1/milestones?due_from=2020-06-30&due_to=2020-07").JSON(t)["items"].([]any)); n != 1 {
		t.Fatalf("due range overlapping the month: %d", n)
	}

	// Patch with If-Match, then archive.
	expectProblem(t, api.do(req{method: "PATCH", path: "/v1/milestones/" + id, key: api.Changshou, body: map[string]any{"status": "done"}}), 428)
	r = api.do(req{method: "PATCH", path: "/v1/milestones/" + id, key: api.Changshou,
		body: map[string]any{"status": "done", "done_on": "2020-07"}, header: map[string]string{"If-Match": `"1"`}})
	expect(t, r, 200)
	if got := r.JSON(t); got["overdue"] != false || got["version"].(float64) != 2 {
		t.Fatalf("done: %s", r.Body)
	}
	expectProblem(t, api.do(req{method: "PATCH", path: "/v1/milestones/" + id, key: api.Changshou,
		body: map[string]any{"title_zh": "y"}, header: map[string]string{"If-Match": `"1"`}}), 412)
	expectProblem(t, api.do(req{method: "PATCH", path: "/v1/milestones/" + id, key: api.Changshou,
		body: map[string]any{"overdue": true}, header: map[string]string{"If-Match": `"2"`}}), 400)
	expect(t, api.do(req{method: "DELETE", path: "/v1/milestones/" + id, key: api.Pengzhou, header: map[string]string{"If-Match": `"2"`}}), 200)
	hist := api.do(req{method: "GET", path: "/v1/audit?entity=milestone&entity_id=" + id, key: api.Admin}).JSON(t)["items"].([]any)
	if len(hist) != 3 {
		t.Fatalf("audit of the milestone: %v", hist)
	}

	st := api.get("/v1/stats?year=2020&organization=changshou-cppcc").JSON(t)["milestones"].(map[string]any)
	if st["due"] != 0.0 || st["done"] != 0.0 {
		t.Fatalf("archived milestone counted: %v", st)
	}
}

func TestMilestoneStats(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	path := "/v1/agreements/" + demo.AgreementChangshouPengzhou + "/milestones"
	for _, b := range []map[string]any{
		{"title_zh": "a", "due_on": "2021-03"},
		{"title_zh": "b", "due_on": "2021"},
		{"title_zh": "c", "due_on": "2021-05-01", "status": "done", "done_on": "2021-04-30"},
		// Done in 2021, due in 2022 or undated: done in 2021, not due in it.
		{"title_zh": "d", "due_on": "2022-02", "status": "done", "done_on": "2021-12"},
		{"title_zh": "e", "status": "done", "done_on": "2021-06-01"},
	} {
		expect(t, api.do(req{method: "POST", path: path, key: api.Admin, body: b}), 201)
	}
	st := api.get("/v1/stats?year=2021").JSON(t)["milestones"].(map[string]any)
	if st["due"] != 3.0 || st["done"] != 3.0 || st["overdue"] != 2.0 {
		t.Fatalf("milestones of 2021: %v", st)
	}
	if st := api.get("/v1/stats?year=2022").JSON(t)["milestones"].(map[string]any); st["due"] != 1.0 || st["done"] != 0.0 || st["overdue"] != 0.0 {
		t.Fatalf("milestones of 2022: %v", st)
	}
	if st := api.get("/v1/stats?year=2021&organization=yubei-cppcc").JSON(t)["milestones"].(map[string]any); st["due"] != 0.0 {
		t.Fatalf("an organisation outside the agreement: %v", st)
	}
}
