package httpapi_test

// The writable resources under hostile input: a complete valid body of
// each, the records the PATCH cases target, and the poisons that make a
// write fail in the database.

import (
	"strings"
	"testing"
)

// ---- the resources under attack ----

// hostileResource is one writable resource: a complete valid create body
// (every field the contract names), the record the PATCH cases target, and
// poisons that make an otherwise acceptable body fail in the database.
type hostileResource struct {
	name       string
	collection string         // POST path
	item       string         // PATCH path of a record created before the snapshot
	full       map[string]any // a valid create body with every field
	patchFull  map[string]any // a valid merge patch with every patchable field
	// poison and patchPoison set a field so that the write is refused in
	// the database (a duplicate key or an unknown reference), returning the
	// field they set.
	poison      func(b map[string]any) (map[string]any, string)
	patchPoison func(b map[string]any) (map[string]any, string)
	freeText    []string // paths of the free-text fields
}

func hostileAgreement(refNo string) map[string]any {
	return map[string]any{
		"ref_no": refNo, "title_zh": "敌意输入测试协议", "title_en": "Hostile input agreement",
		"type": "cooperation", "status": "signed", "signed_on": "2023-06", "signed_place": "长寿区",
		"effective_from": "2023-06-15", "effective_to": "2025", "summary_zh": "摘要", "summary_en": "Summary",
		"areas_declared": 2,
		"parties": []any{
			map[string]any{"organization_id": "changshou-cppcc", "role": "signatory", "signatory_name": "张三", "signatory_title": "主席"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "signatory", "signatory_name": "李四", "signatory_title": "主席"},
		},
		"areas":      []any{map[string]any{"area_code": "culture-tourism", "label_zh": "文旅交流", "label_en": "Culture", "description": "说明"}},
		"mechanisms": []any{map[string]any{"kind": "joint_meeting", "description": "每年召开一次联席会议"}},
		"documents":  []any{map[string]any{"title": "协议全文", "url": "https://example.org/a.pdf", "language": "zh", "kind": "full_text"}},
	}
}

func hostileConsultation() map[string]any {
	return map[string]any{
		"title_zh": "敌意输入测试协商", "title_en": "Hostile consultation", "topic_zh": "森林防灭火", "topic_en": "Fire",
		"format": "meeting", "held_on": "2023-04-12", "location": "长寿区", "area_code": "forest-fire-prevention",
		"status": "held", "summary_zh": "摘要", "summary_en": "Summary",
		"participants": []any{
			map[string]any{"organization_id": "changshou-cppcc", "role": "host"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "participant"},
		},
		"outcomes": []any{map[string]any{"kind": "opinion", "count": 12, "approximate": false, "description_zh": "意见", "description_en": "Opinions"}},
	}
}

func hostileJointAction() map[string]any {
	return map[string]any{
		"title_zh": "敌意输入测试联合履职", "title_en": "Hostile joint action", "theme_zh": "主题", "theme_en": "Theme",
		"kind": "research", "started_on": "2023-03", "ended_on": "2023-05-20", "location": "长寿区",
		"area_code": "ecology", "status": "completed", "summary_zh": "摘要", "summary_en": "Summary",
		"participants": []any{
			map[string]any{"organization_id": "changshou-cppcc", "role": "lead"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "partner"},
		},
		"outcomes": []any{map[string]any{"kind": "proposal", "count": 3, "approximate": true, "description_zh": "建议", "description_en": "Proposals"}},
	}
}

func hostileMilestone(consultation string) map[string]any {
	return map[string]any{
		"title_zh": "敌意输入测试事项", "title_en": "Hostile milestone", "description": "两地轮流召开联席会议",
		"responsible_organization_id": "changshou-cppcc", "due_on": "2024-06", "status": "done", "done_on": "2024-05-20",
		"links": []any{map[string]any{"record_type": "consultation", "record_id": consultation}},
	}
}

func hostileOrganization(code string) map[string]any {
	return map[string]any{"code": code, "kind": "other", "name_zh": "敌意输入测试组织", "name_en": "Hostile org",
		"short_name_zh": "测试", "short_name_en": "Test", "region_code": "500115", "parent_id": "changshou-cppcc"}
}

func hostileArea(code string) map[string]any {
	return map[string]any{"code": code, "name_zh": "敌意输入测试领域", "name_en": "Hostile area", "parent_code": "ecology"}
}

// withField returns a copy of b with one field set.
func withField(b map[string]any, path string, v any) map[string]any {
	return setPath(b, path, v).(map[string]any)
}

// hostileResources creates the records the PATCH cases target (before the
// snapshot) and describes each writable resource.
func hostileResources(t *testing.T, api *testAPI) []hostileResource {
	t.Helper()
	create := func(path string, body any) string {
		r := api.do(req{method: "POST", path: path, key: api.Admin, body: body})
		expect(t, r, 201)
		return r.Header.Get("Location")
	}
	agreement := create("/v1/agreements", hostileAgreement("HOSTILE-TARGET"))
	consultation := create("/v1/consultations", hostileConsultation())
	jointAction := create("/v1/joint-actions", hostileJointAction())
	organization := create("/v1/organizations", hostileOrganization("hostile-target-org"))
	area := create("/v1/cooperation-areas", hostileArea("hostile-target-area"))
	consultationID := strings.TrimPrefix(consultation, "/v1/consultations/")
	milestones := agreement + "/milestones"
	milestone := create(milestones, hostileMilestone(consultationID))
	unknownParty := func(path string) func(b map[string]any) (map[string]any, string) {
		return func(b map[string]any) (map[string]any, string) {
			return withField(b, path, "no-such-organization"), path
		}
	}
	noCode := func(m map[string]any) map[string]any {
		out := deepCopy(m).(map[string]any)
		delete(out, "code")
		return out
	}
	return []hostileResource{{
		name: "agreement", collection: "/v1/agreements", item: agreement,
		full: hostileAgreement("HOSTILE-NEW"), patchFull: hostileAgreement("HOSTILE-TARGET"),
		// A duplicate ref_no is refused by the unique constraint, after the
		// INSERT carrying every text of the record ran.
		poison: func(b map[string]any) (map[string]any, string) {
			return withField(b, "ref_no", "HOSTILE-TARGET"), "ref_no"
		},
		patchPoison: unknownParty("parties[1].organization_id"),
		freeText: []string{"ref_no", "title_zh", "title_en", "signed_place", "summary_zh", "summary_en",
			"parties[0].signatory_name", "parties[0].signatory_title", "areas[0].label_zh", "areas[0].label_en",
			"areas[0].description", "mechanisms[0].description", "documents[0].title"},
	}, {
		name: "consultation", collection: "/v1/consultations", item: consultation,
		full: hostileConsultation(), patchFull: hostileConsultation(),
		poison: unknownParty("participants[1].organization_id"), patchPoison: unknownParty("participants[1].organization_id"),
		freeText: []string{"title_zh", "title_en", "topic_zh", "topic_en", "location", "summary_zh", "summary_en",
			"outcomes[0].description_zh", "outcomes[0].description_en"},
	}, {
		name: "joint action", collection: "/v1/joint-actions", item: jointAction,
		full: hostileJointAction(), patchFull: hostileJointAction(),
		poison: unknownParty("participants[1].organization_id"), patchPoison: unknownParty("participants[1].organization_id"),
		freeText: []string{"title_zh", "title_en", "theme_zh", "theme_en", "location", "summary_zh", "summary_en",
			"outcomes[0].description_zh", "outcomes[0].description_en"},
	}, {
		// The POST path names the agreement the milestone is added to.
		name: "milestone", collection: milestones, item: milestone,
		full: hostileMilestone(consultationID), patchFull: hostileMilestone(consultationID),
		poison: unknownParty("responsible_organization_id"), patchPoison: unknownParty("responsible_organization_id"),
		freeText: []string{"title_zh", "title_en", "description"},
	}, {
		name: "organization", collection: "/v1/organizations", item: organization,
		full: hostileOrganization("hostile-new-org"), patchFull: noCode(hostileOrganization("")),
		// A duplicate code is refused by the unique constraint of the INSERT.
		poison: func(b map[string]any) (map[string]any, string) {
			return withField(b, "code", "changshou-cppcc"), "code"
		},
		patchPoison: unknownParty("parent_id"),
		freeText:    []string{"name_zh", "name_en", "short_name_zh", "short_name_en"},
	}, {
		name: "cooperation area", collection: "/v1/cooperation-areas", item: area,
		full: hostileArea("hostile-new-area"), patchFull: noCode(hostileArea("")),
		// A duplicate code is refused by the primary key of the INSERT.
		poison: func(b map[string]any) (map[string]any, string) {
			return withField(b, "code", "ecology"), "code"
		},
		patchPoison: func(b map[string]any) (map[string]any, string) {
			return withField(b, "parent_code", "no-such-area"), "parent_code"
		},
		freeText: []string{"name_zh", "name_en"},
	}}
}
