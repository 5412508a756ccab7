package httpapi_test

// Helpers of the consultation, joint action and statistics tests. Their
// names start with "act" so that they stay apart from other test files of
// the package.

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// actConsultation is a valid consultation hosted by Changshou with
// Pengzhou taking part.
func actConsultation(title string) map[string]any {
	return map[string]any{
		"title_zh":  title,
		"title_en":  "Test consultation",
		"topic_zh":  "森林防灭火",
		"format":    "meeting",
		"held_on":   "2023-04-12",
		"location":  "长寿区",
		"area_code": "forest-fire-prevention",
		"status":    "held",
		"participants": []any{
			map[string]any{"organization_id": "changshou-cppcc", "role": "host"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "participant"},
		},
		"outcomes": []any{
			map[string]any{"kind": "opinion", "count": 12, "approximate": false, "description_zh": "形成协商意见12条"},
			map[string]any{"kind": "problem_solved", "count": 60, "approximate": true},
		},
		"summary_zh": "测试用联合协商",
	}
}

// actJointAction is a valid joint action led by Changshou with Pengzhou as
// partner.
func actJointAction(title string) map[string]any {
	return map[string]any{
		"title_zh":   title,
		"theme_zh":   "跨界河流联防联控",
		"kind":       "research",
		"started_on": "2023-03",
		"ended_on":   "2023-05-20",
		"area_code":  "ecology",
		"status":     "completed",
		"participants": []any{
			map[string]any{"organization_id": "changshou-cppcc", "role": "lead"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "partner"},
		},
		"outcomes": []any{map[string]any{"kind": "proposal", "count": 3}},
	}
}

// actParticipants builds a participants array of code:role pairs.
func actParticipants(pairs ...string) []any {
	out := []any{}
	for _, p := range pairs {
		code, role, _ := strings.Cut(p, ":")
		out = append(out, map[string]any{"organization_id": code, "role": role})
	}
	return out
}

// actWith returns a copy of body with the given fields replaced (a nil
// value removes the field).
func actWith(body map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range body {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(out, kv[i].(string))
		} else {
			out[kv[i].(string)] = kv[i+1]
		}
	}
	return out
}

// actCreate posts a record and returns it, failing unless it is created.
func (a *testAPI) actCreate(path, key string, body map[string]any) map[string]any {
	a.t.Helper()
	r := a.do(req{method: "POST", path: path, key: key, body: body})
	expect(a.t, r, 201)
	return r.JSON(a.t)
}

// actIDs lists the ids of a JSON list answer, in order.
func actIDs(t testing.TB, r response) []string {
	t.Helper()
	expect(t, r, 200)
	var page struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	r.Decode(t, &page)
	ids := []string{}
	for _, it := range page.Items {
		ids = append(ids, it.ID)
	}
	return ids
}

// actExpectIDs checks that a list holds every id of want and none of
// unwanted.
func actExpectIDs(t testing.TB, path string, got []string, want []string, unwanted ...string) {
	t.Helper()
	for _, id := range want {
		if !slices.Contains(got, id) {
			t.Errorf("%s: missing %s (got %v)", path, id, got)
		}
	}
	for _, id := range unwanted {
		if slices.Contains(got, id) {
			t.Errorf("%s: holds %s, which it should not (got %v)", path, id, got)
		}
	}
}

// actFieldCode returns the code of the problem's error for field.
func actFieldCode(p map[string]any, field string) string { return actProblemField(p, field, "code") }

// actProblemField returns one key (code, message) of the problem's error
// for field.
func actProblemField(p map[string]any, field, key string) string {
	errs, _ := p["errors"].([]any)
	for _, e := range errs {
		if m, ok := e.(map[string]any); ok && m["field"] == field {
			s, _ := m[key].(string)
			return s
		}
	}
	return ""
}

// actIfMatch is the header map of an If-Match for version v.
func actIfMatch(v int) map[string]string {
	return map[string]string{"If-Match": `"` + strconv.Itoa(v) + `"`}
}

// actRuleCase is a body that breaks a rule, the field the problem must
// name and the code it must give there.
type actRuleCase struct {
	name   string
	body   map[string]any
	status int
	field  string
	code   string
}

// actCheckRules posts each case as a subtest and checks the answer.
func (a *testAPI) actCheckRules(t *testing.T, path string, cases []actRuleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := a.do(req{method: "POST", path: path, key: a.Admin, body: c.body})
			if c.status != 422 {
				expectProblem(t, r, c.status)
				return
			}
			p := expectProblem(t, r, 422, c.field)
			if got := actFieldCode(p, c.field); got != c.code {
				t.Errorf("%s code = %q, want %q\n%s", c.field, got, c.code, r.Body)
			}
		})
	}
}
