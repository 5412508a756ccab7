package httpapi_test

// Hostile request bodies: injections in every string field, mass
// assignment of server-owned fields, and malformed bodies and content
// types.

import (
	"encoding/json"
	"fmt"
	"strings"
)

// bodyInjectionCases: every injection in every string field of every
// create body and of every patch. The body is poisoned so that the write
// fails in the database even when the injected text is acceptable text:
// the text travels as far as the write goes, and the answer must still be
// a 4xx with nothing changed.
func bodyInjectionCases(api *testAPI, resources []hostileResource) []hostileCase {
	var cases []hostileCase
	for _, res := range resources {
		for _, leaf := range leafPaths(res.full, "") {
			for _, inj := range hostileInjections {
				body := withField(res.full, leaf, inj)
				if poisoned, field := res.poison(body); field != leaf {
					body = poisoned
				} else { // the injection replaced the poison: poison another field
					body, _ = res.patchPoison(body)
				}
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s=%q", res.collection, leaf, inj), method: "POST",
					path: res.collection, key: api.Admin, body: mustJSON(body), want: wantProblem, status: []int{409, 422}})
			}
		}
		for _, leaf := range leafPaths(res.patchFull, "") {
			for _, inj := range hostileInjections {
				body := withField(res.patchFull, leaf, inj)
				if poisoned, field := res.patchPoison(body); field != leaf {
					body = poisoned
				}
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s=%q", res.item, leaf, inj), method: "PATCH",
					path: res.item, key: api.Admin, body: mustJSON(body), header: map[string]string{"If-Match": `"1"`},
					want: wantProblem, status: []int{400, 422}})
			}
		}
	}
	return cases
}

// massAssignmentCases: server-owned fields in any letter case, at the top
// level and inside child objects, and read-only output fields, in bodies
// that are otherwise valid, on every POST and PATCH.
func massAssignmentCases(api *testAPI, resources []hostileResource) []hostileCase {
	owned := map[string]any{
		"id": "00000000-0000-7000-8000-000000000001", "ID": "00000000-0000-7000-8000-000000000001",
		"Id": "00000000-0000-7000-8000-000000000001", "iD": "00000000-0000-7000-8000-000000000001",
		"version": 99, "VERSION": 99, "Version": 0, "vErSiOn": "99",
		"created_at": "2000-01-01T00:00:00Z", "CREATED_AT": "2000-01-01T00:00:00Z", "Created_At": nil,
		"updated_at": "2000-01-01T00:00:00Z", "Updated_At": "2000-01-01T00:00:00Z",
		"archived_at": nil, "ARCHIVED_AT": "2000-01-01T00:00:00Z", "Archived_at": nil,
	}
	outputOnly := []string{"organization_code", "search_text", "sort_on", "period", "actor_key_id", "request_id",
		"signed_on_last", "signed_on_precision", "secret_hash", "role_id", "is_admin", "Title_Zh", "TITLE_ZH",
		"titlE_zh", "ſtatus", "\u212Aind", "code\u200b"}
	var cases []hostileCase
	for _, res := range resources {
		targets := []struct {
			method, path string
			body         map[string]any
			header       map[string]string
		}{
			{"POST", res.collection, res.full, nil},
			{"PATCH", res.item, map[string]any{}, map[string]string{"If-Match": `"1"`}},
			{"PATCH", res.item, res.patchFull, map[string]string{"If-Match": `"1"`}},
		}
		for _, tg := range targets {
			for field, v := range owned {
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s", tg.path, field), method: tg.method, path: tg.path,
					key: api.Admin, body: mustJSON(withField(tg.body, field, v)), header: tg.header, want: wantProblem, status: []int{400},
					check: problemType("read-only-field")})
			}
			for _, field := range outputOnly {
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %q", tg.path, field), method: tg.method, path: tg.path,
					key: api.Admin, body: mustJSON(withField(tg.body, field, "x")), header: tg.header, want: wantProblem, status: []int{400}})
			}
			// Server-owned fields inside child objects.
			for _, child := range []string{"parties[0]", "participants[0]", "outcomes[0]", "areas[0]", "documents[0]"} {
				if getPath(tg.body, child) == nil {
					continue
				}
				for _, field := range []string{"id", "ID", "version", "created_at", "agreement_id", "position", "consultation_id"} {
					if _, legit := getPath(tg.body, child).(map[string]any)[field]; legit {
						continue
					}
					cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s.%s", tg.path, child, field), method: tg.method,
						path: tg.path, key: api.Admin, body: mustJSON(withField(tg.body, child+"."+field, 7)), header: tg.header,
						want: wantProblem, status: []int{400}})
				}
			}
		}
	}
	return cases
}

// problemType checks the problem's type URI ends with kind.
func problemType(kind string) func(r response) error {
	return func(r response) error {
		var p struct {
			Type string `json:"type"`
		}
		_ = json.Unmarshal(r.Body, &p)
		if !strings.HasSuffix(p.Type, "/"+kind) {
			return fmt.Errorf("problem type %q, want …/%s: %.200s", p.Type, kind, r.Body)
		}
		return nil
	}
}

// rawBody splices raw JSON text for key into a valid body (replacing the
// key's value, or adding the key), for cases json.Marshal cannot express.
func rawBody(valid map[string]any, key, rawValue string) []byte {
	b := deepCopy(valid).(map[string]any)
	delete(b, key)
	rest := mustJSON(b)
	if len(b) == 0 {
		return []byte(`{"` + key + `":` + rawValue + `}`)
	}
	return append([]byte(`{"`+key+`":`+rawValue+`,`), rest[1:]...)
}

// malformedCases: duplicate keys, wrong types, wrong shapes, bad encodings,
// wrong content types, on every POST and PATCH.
func malformedCases(api *testAPI, resources []hostileResource) []hostileCase {
	var cases []hostileCase
	for _, res := range resources {
		for _, tg := range []struct {
			method, path string
			body         map[string]any
			header       map[string]string
		}{
			{"POST", res.collection, res.full, nil},
			{"PATCH", res.item, res.patchFull, map[string]string{"If-Match": `"1"`}},
		} {
			add := func(name string, body []byte, ct string, status ...int) {
				cases = append(cases, hostileCase{name: tg.path + " " + name, method: tg.method, path: tg.path, key: api.Admin,
					body: body, contentType: ct, header: tg.header, want: wantProblem, status: status})
			}
			textField := "title_zh"
			if _, ok := tg.body["name_zh"]; ok {
				textField = "name_zh"
			}
			valid := mustJSON(tg.body)
			// Duplicate keys: plain, escaped, nested.
			add("duplicate key", rawBody(tg.body, textField, `"a","`+textField+`":"b"`), "", 400)
			add("duplicate escaped key", rawBody(tg.body, textField, `"a","`+strings.Replace(textField, "_", `\u005f`, 1)+`":"b"`), "", 400)
			add("duplicate key differing in case", rawBody(tg.body, textField, `"a","`+strings.ToUpper(textField)+`":"b"`), "", 400)
			for _, child := range []string{"parties", "participants"} {
				if _, ok := tg.body[child]; ok {
					add("duplicate nested key", rawBody(tg.body, child,
						`[{"organization_id":"changshou-cppcc","role":"lead","role":"signatory"},{"organization_id":"pengzhou-cppcc","role":"partner"}]`), "", 400)
				}
			}
			// Wrong types in every field.
			for _, leaf := range leafPaths(tg.body, "") {
				for _, v := range []any{12345, true, []any{"x"}, map[string]any{"x": 1}, 1e308, -0.5} {
					add(fmt.Sprintf("%s=%v", leaf, v), mustJSON(withField(tg.body, leaf, v)), "", 400, 422)
				}
			}
			for _, v := range []string{`"6"`, `6.5`, `-1`, `1e400`, `9223372036854775808`, `[]`, `{}`, `NaN`, `Infinity`, `0x10`, `06`, `1_000`} {
				add("areas_declared="+v, rawBody(tg.body, "areas_declared", v), "", 400, 422)
				add("outcomes count="+v, rawBody(tg.body, "outcomes", `[{"kind":"opinion","count":`+v+`}]`), "", 400, 422)
			}
			for _, v := range []string{`"x"`, `{}`, `[1,2]`, `[[]]`, `[null]`, `["changshou-cppcc"]`, `true`} {
				add("parties="+v, rawBody(tg.body, "parties", v), "", 400, 422)
				add("participants="+v, rawBody(tg.body, "participants", v), "", 400, 422)
				add("outcomes="+v, rawBody(tg.body, "outcomes", v), "", 400, 422)
			}
			// Whole-body shapes and encodings.
			for name, b := range map[string][]byte{
				"null": []byte("null"), "array": []byte("[]"), "string": []byte(`"x"`), "number": []byte("1"), "true": []byte("true"),
				"two values": append(append([]byte{}, valid...), valid...), "trailing garbage": append(append([]byte{}, valid...), "x"...),
				"trailing comma": append(valid[:len(valid)-1:len(valid)-1], ",}"...), "empty": {}, "spaces": []byte("   "),
				"single quotes": []byte(`{'title_zh':'x'}`), "comment": []byte(`/* x */ {}`), "bare NaN": []byte(`{"title_zh":NaN}`),
				"BOM":               append([]byte("\xef\xbb\xbf"), valid...),
				"invalid UTF-8":     rawBody(tg.body, textField, "\"\xff\xfe\xfd\""),
				"overlong UTF-8":    rawBody(tg.body, textField, "\"\xc0\xaf\""),
				"lone surrogate":    rawBody(tg.body, textField, `"\ud800"`),
				"low surrogate":     rawBody(tg.body, textField, `"x\udc00y"`),
				"escaped NUL":       rawBody(tg.body, textField, `"a\u0000b"`),
				"unterminated":      valid[: len(valid)/2 : len(valid)/2],
				"unknown field":     rawBody(tg.body, "evil", `"x"`),
				"__proto__":         rawBody(tg.body, "__proto__", `{"admin":true}`),
				"null text":         rawBody(tg.body, textField, "null"),
				"blank text":        rawBody(tg.body, textField, `" \t\n "`),
				"ideographic blank": rawBody(tg.body, textField, "\"\u3000\u3000\""),
			} {
				add("body "+name, b, "", 400, 415, 422)
			}
			// Content types.
			for _, ct := range []string{"-", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
				"application/json; charset=latin1", "application/json; charset=utf-16", "application/jsonx", "application/xml",
				"application/json;;", "*/*", strings.Repeat("a", 2000)} {
				add("Content-Type "+ct[:min(len(ct), 40)], valid, ct, 415)
			}
		}
	}
	return cases
}
