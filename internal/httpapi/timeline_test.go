package httpapi_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/chengyu-collab/registry/internal/demo"
)

func TestTimelineOverHTTP(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	body := agreementBody("时间线协议")
	body["status"] = "draft"
	body["signed_on"] = "2023-06"
	body["parties"].([]any)[1].(map[string]any)["signed_on"] = "2023-07-02"
	body["relations"] = []any{map[string]any{"agreement_id": demo.AgreementChangshouPengzhou, "kind": "implements"}}
	a := api.createAgreement(api.Changshou, body)
	id := a["id"].(string)
	expect(t, api.do(req{method: "PATCH", path: "/v1/agreements/" + id, key: api.Changshou,
		body: map[string]any{"status": "signed"}, header: map[string]string{"If-Match": `"1"`}}), 200)
	expect(t, api.do(req{method: "POST", path: "/v1/agreements/" + id + "/milestones", key: api.Changshou,
		body: map[string]any{"title_zh": "年度总结", "due_on": "2023-12", "status": "done", "done_on": "2023-11-30"}}), 201)
	expect(t, api.do(req{method: "POST", path: "/v1/consultations", key: api.Changshou, body: map[string]any{
		"title_zh": "协议下的协商", "held_on": "2023-09-01", "status": "held", "agreement_id": id,
		"participants": []any{map[string]any{"organization_id": "changshou-cppcc", "role": "host"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "participant"}}}}), 201)

	var kinds []string
	var ons []string
	cursor := ""
	for page := 0; page < 10; page++ {
		path := "/v1/agreements/" + id + "/timeline?limit=2"
		if cursor != "" {
			path += "&cursor=" + cursor
		}
		r := api.get(path)
		expect(t, r, 200)
		p := r.JSON(t)
		for _, it := range p["items"].([]any) {
			m := it.(map[string]any)
			kinds = append(kinds, m["kind"].(string))
			ons = append(ons, m["on"].(string))
		}
		next, _ := p["next_cursor"].(string)
		if next == "" {
			break
		}
		cursor = next
	}
	want := []string{"signed", "party_signed", "consultation", "milestone_done", "milestone_due", "related", "status_changed"}
	if fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Fatalf("timeline kinds = %v (on %v), want %v", kinds, ons, want)
	}
	if ons[0] != "2023-06" || ons[1] != "2023-07-02" {
		t.Fatalf("dates at their precision: %v", ons)
	}
	// The demo agreement sees the link from the other side.
	items := api.get("/v1/agreements/" + demo.AgreementChangshouPengzhou + "/timeline").JSON(t)["items"].([]any)
	found := false
	for _, it := range items {
		if m := it.(map[string]any); m["kind"] == "related" && m["record_id"] == id {
			found = true
		}
	}
	if !found {
		t.Fatalf("related_from missing from the target's timeline: %v", items)
	}
	expectProblem(t, api.get("/v1/agreements/"+id+"/timeline?cursor=bad"), 400)
	expectProblem(t, api.get("/v1/agreements/0190a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f/timeline"), 404)
}

// TestTimelineUndatedActivity: a joint action registered without a date
// stands in its agreement's timeline at the moment it was registered (an
// RFC 3339 time), and the status the agreement was registered with is no
// status_changed event.
func TestTimelineUndatedActivity(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	a := api.createAgreement(api.Changshou, agreementBody("无日期活动的协议"))
	id := a["id"].(string)
	body := actJointAction("尚未定期的联合调研")
	delete(body, "started_on")
	delete(body, "ended_on")
	delete(body, "outcomes")
	body["status"] = "planned"
	body["agreement_id"] = id
	before := time.Now().Add(-time.Minute)
	r := api.do(req{method: "POST", path: "/v1/joint-actions", key: api.Changshou, body: body})
	expect(t, r, 201)
	ja := r.JSON(t)["id"].(string)
	var found bool
	for _, it := range api.get("/v1/agreements/" + id + "/timeline").JSON(t)["items"].([]any) {
		m := it.(map[string]any)
		if m["kind"] == "status_changed" {
			t.Errorf("the status the agreement was registered with shows as a change: %v", m)
		}
		if m["record_id"] != ja {
			continue
		}
		found = true
		at, err := time.Parse(time.RFC3339, m["on"].(string))
		if m["kind"] != "joint_action" || err != nil || at.Before(before) || at.After(time.Now().Add(time.Minute)) {
			t.Errorf("undated joint action = %v (%v), want kind joint_action at its registration time", m, err)
		}
	}
	if !found {
		t.Fatal("the undated joint action is missing from the timeline")
	}
}
