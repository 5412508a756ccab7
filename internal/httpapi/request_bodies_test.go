package httpapi_test

// Tests of request body decoding and validation, through the organisation
// create: malformed bodies, content types and the 1 MiB limit, field
// validation, and problem texts in the caller's language.

import (
	"strings"
	"testing"
)

// validOrg is a minimal valid organisation body for the decoding tests.
const validOrg = `{"code":"test-org","kind":"other","name_zh":"测试组织"}`

func TestOrganizationCreateRejectsMalformedBodies(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	big := `{"code":"big-org","kind":"other","name_zh":"` + strings.Repeat("a", 1<<20) + `"}`
	cases := []struct {
		name        string
		body        any
		contentType string
		status      int
		kind        string // problem type
	}{
		{"unknown field", `{"code":"test-org","kind":"other","name_zh":"测试","nickname":"x"}`, "", 400, "bad-request"},
		{"unknown nested-looking field", `{"code":"test-org","kind":"other","name_zh":"测试","name":{"zh":"x"}}`, "", 400, "bad-request"},
		{"field in another letter case", `{"Code":"test-org","kind":"other","name_zh":"测试"}`, "", 400, "bad-request"},
		{"field in capitals", `{"code":"test-org","KIND":"other","name_zh":"测试"}`, "", 400, "bad-request"},
		{"both letter cases", `{"code":"test-org","kind":"other","name_zh":"测试","Name_zh":"测"}`, "", 400, "bad-request"},
		{"duplicate key", `{"code":"test-org","kind":"other","name_zh":"测试","code":"other-org"}`, "", 400, "bad-request"},
		{"duplicate key spelled with an escape", `{"code":"test-org","kind":"other","name_zh":"测试","c\u006fde":"other-org"}`, "", 400, "bad-request"},
		{"duplicate key, same value", `{"code":"test-org","kind":"other","name_zh":"测试","name_zh":"测试"}`, "", 400, "bad-request"},
		{"second JSON value", validOrg + `{}`, "", 400, "bad-request"},
		{"second object", validOrg + "\n" + validOrg, "", 400, "bad-request"},
		{"trailing garbage", validOrg + `x`, "", 400, "bad-request"},
		{"trailing bracket", validOrg + `]`, "", 400, "bad-request"},
		{"malformed", `{"code":"test-org",`, "", 400, "bad-request"},
		{"empty body", ``, "", 400, "bad-request"},
		{"not an object: array", `[]`, "", 400, "bad-request"},
		{"not an object: string", `"test-org"`, "", 400, "bad-request"},
		{"not an object: null", `null`, "", 400, "bad-request"},
		{"not an object: number", ` 42`, "", 400, "bad-request"},
		{"text/plain", validOrg, "text/plain", 415, "unsupported-media"},
		{"no content type", validOrg, "-", 415, "unsupported-media"},
		{"form", "code=test-org", "application/x-www-form-urlencoded", 415, "unsupported-media"},
		{"latin-1 charset", validOrg, "application/json; charset=iso-8859-1", 415, "unsupported-media"},
		{"merge patch on a create", validOrg, "application/merge-patch+json", 415, "unsupported-media"},
		{"over 1 MiB", big, "", 413, "body-too-large"},
		{"invalid UTF-8", []byte("{\"code\":\"test-org\",\"kind\":\"other\",\"name_zh\":\"\xff\xfe\"}"), "", 400, "bad-request"},
		{"truncated UTF-8", []byte("{\"code\":\"test-org\",\"kind\":\"other\",\"name_zh\":\"\xe6\xb5\"}"), "", 400, "bad-request"},
		{"read-only id", `{"id":"0190f0f0-0000-7000-8000-000000000000","code":"test-org","kind":"other","name_zh":"测试"}`, "", 400, "read-only-field"},
		{"read-only ID", `{"ID":"0190f0f0-0000-7000-8000-000000000000","code":"test-org","kind":"other","name_zh":"测试"}`, "", 400, "read-only-field"},
		{"read-only version", `{"code":"test-org","kind":"other","name_zh":"测试","version":7}`, "", 400, "read-only-field"},
		{"read-only created_at", `{"code":"test-org","kind":"other","name_zh":"测试","created_at":"2020-01-01T00:00:00Z"}`, "", 400, "read-only-field"},
		{"read-only updated_at", `{"code":"test-org","kind":"other","name_zh":"测试","updated_at":"2020-01-01T00:00:00Z"}`, "", 400, "read-only-field"},
		{"read-only archived_at", `{"code":"test-org","kind":"other","name_zh":"测试","archived_at":null}`, "", 400, "read-only-field"},
		{"number for a string", `{"code":"test-org","kind":"other","name_zh":5}`, "", 400, "bad-request"},
		{"boolean for a string", `{"code":true,"kind":"other","name_zh":"测试"}`, "", 400, "bad-request"},
		{"array for a string", `{"code":"test-org","kind":"other","name_zh":"测试","name_en":["x"]}`, "", 400, "bad-request"},
		{"object for a string", `{"code":"test-org","kind":{},"name_zh":"测试"}`, "", 400, "bad-request"},
		{"number for region", `{"code":"test-org","kind":"other","name_zh":"测试","region_code":510182}`, "", 400, "bad-request"},
	}
	orgs, audit := api.countRows("organizations"), api.countRows("audit_log")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := map[string]string{}
			switch c.contentType {
			case "":
			case "-":
				h["Content-Type"] = ""
			default:
				h["Content-Type"] = c.contentType
			}
			p := fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: c.body, header: h}), c.status)
			if fndType(p) != c.kind {
				t.Fatalf("type = %v, want …/%s", p["type"], c.kind)
			}
			if n := api.countRows("organizations"); n != orgs {
				t.Fatalf("a refused body wrote %d organisations", n-orgs)
			}
			if n := api.countRows("audit_log"); n != audit {
				t.Fatalf("a refused body wrote %d audit entries", n-audit)
			}
		})
	}
	// The body limit is 1 MiB exactly: a body of 1 MiB is read (and, padded
	// with white space, accepted), one byte more is not.
	exact := `{"code":"exact-org","kind":"other","name_zh":"一兆字节"}`
	exact += strings.Repeat(" ", 1<<20-len(exact))
	if len(exact) != 1<<20 {
		t.Fatalf("body is %d bytes", len(exact))
	}
	r := api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: exact})
	expect(t, r, 201)
	fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin,
		body: strings.Replace(exact, "exact-org", "exact-or2", 1) + " "}), 413)
	if n := api.countRows("organizations"); n != orgs+1 {
		t.Fatalf("organisations = %d, want %d", n, orgs+1)
	}
}

func TestOrganizationCreateValidation(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	post := func(body any, lang string) response {
		h := map[string]string{}
		if lang != "" {
			h["Accept-Language"] = lang
		}
		return api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: body, header: h})
	}
	orgs := api.countRows("organizations")
	cases := []struct {
		name   string
		body   string
		fields []string
	}{
		{"NUL in a string", `{"code":"test-org","kind":"other","name_zh":"测\u0000试"}`, []string{"name_zh"}},
		{"blank name_zh", `{"code":"test-org","kind":"other","name_zh":"   "}`, []string{"name_zh"}},
		{"empty name_zh", `{"code":"test-org","kind":"other","name_zh":""}`, []string{"name_zh"}},
		{"blank name_en", `{"code":"test-org","kind":"other","name_zh":"测试","name_en":"   "}`, []string{"name_en"}},
		{"empty short_name_zh", `{"code":"test-org","kind":"other","name_zh":"测试","short_name_zh":""}`, []string{"short_name_zh"}},
		{"tab-only short_name_en", `{"code":"test-org","kind":"other","name_zh":"测试","short_name_en":"\t\n"}`, []string{"short_name_en"}},
		{"201 CJK code points", `{"code":"test-org","kind":"other","name_zh":"` + strings.Repeat("政", 201) + `"}`, []string{"name_zh"}},
		{"201-character English name", `{"code":"test-org","kind":"other","name_zh":"测试","name_en":"` + strings.Repeat("a", 201) + `"}`, []string{"name_en"}},
		{"51-character short name", `{"code":"test-org","kind":"other","name_zh":"测试","short_name_zh":"` + strings.Repeat("政", 51) + `"}`, []string{"short_name_zh"}},
		{"everything missing", `{}`, []string{"code", "kind", "name_zh"}},
		{"bad code", `{"code":"Test Org","kind":"other","name_zh":"测试"}`, []string{"code"}},
		{"one-letter code", `{"code":"t","kind":"other","name_zh":"测试"}`, []string{"code"}},
		{"unknown kind", `{"code":"test-org","kind":"club","name_zh":"测试"}`, []string{"kind"}},
		{"bad parent", `{"code":"test-org","kind":"other","name_zh":"测试","parent_id":"Not A Ref"}`, []string{"parent_id"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := fndProblem(t, post(c.body, ""), 422, c.fields...)
			if fndType(p) != "validation" || p["title"] != "Request body is invalid" {
				t.Fatalf("type %v, title %v", p["type"], p["title"])
			}
			for _, e := range p["errors"].([]any) {
				f := e.(map[string]any)
				field, _ := f["field"].(string)
				if field == "" || field != strings.ToLower(field) || strings.Contains(field, "Request") {
					t.Fatalf("field %q is not a JSON path", field)
				}
				if code, _ := f["code"].(string); code == "" {
					t.Fatalf("field error without code: %v", f)
				}
				if msg, _ := f["message"].(string); msg == "" || containsHan(msg) {
					t.Fatalf("English message expected, got %q", msg)
				}
			}
			if n := api.countRows("organizations"); n != orgs {
				t.Fatalf("an invalid body wrote %d organisations", n-orgs)
			}
		})
	}

	// Messages follow Accept-Language.
	missing := `{"code":"test-org","kind":"other"}`
	zh := fndProblem(t, post(missing, "zh-CN,zh;q=0.9,en;q=0.8"), 422, "name_zh")
	if zh["title"] != "请求内容无效" {
		t.Fatalf("Chinese title = %v", zh["title"])
	}
	if msg := fieldMessageOf(zh, "name_zh"); !strings.Contains(msg, "为必填项") {
		t.Fatalf("Chinese message = %q", msg)
	}
	if d, _ := zh["detail"].(string); !containsHan(d) {
		t.Fatalf("Chinese detail = %q", d)
	}
	for _, lang := range []string{"", "en", "en-US,zh;q=0.5", "fr"} {
		en := fndProblem(t, post(missing, lang), 422, "name_zh")
		if en["title"] != "Request body is invalid" || fieldMessageOf(en, "name_zh") != "is required" {
			t.Fatalf("Accept-Language %q: title %v, message %q", lang, en["title"], fieldMessageOf(en, "name_zh"))
		}
	}
	tw := fndProblem(t, post(`{"code":"test-org","kind":"other","name_zh":"测试","name_en":" "}`, "zh-TW"), 422, "name_en")
	if !containsHan(fieldMessageOf(tw, "name_en")) {
		t.Fatalf("zh-TW message = %q", fieldMessageOf(tw, "name_en"))
	}
	bad := fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: `{"nickname":1}`,
		header: map[string]string{"Accept-Language": "zh-CN"}}), 400)
	if bad["title"] != "请求格式错误" {
		t.Fatalf("Chinese 400 title = %v", bad["title"])
	}
	if n := api.countRows("organizations"); n != orgs {
		t.Fatalf("invalid bodies wrote %d organisations", n-orgs)
	}

	// 200 CJK code points is the limit, and accepted; text is stored as
	// sent after trimming surrounding white space.
	name := strings.Repeat("政", 200)
	r := post(`{"code":"long-name","kind":"other","name_zh":"`+name+`","name_en":"  Long 🐼 name  ","short_name_zh":"`+strings.Repeat("协", 50)+`"}`, "")
	expect(t, r, 201)
	if m := r.JSON(t); m["name_zh"] != name || m["name_en"] != "Long 🐼 name" {
		t.Fatalf("stored = %s", r.Body)
	}
	// A trailing newline after the JSON value is white space, not data.
	expect(t, post(`{"code":"newline-org","kind":"other","name_zh":"换行"}`+"\n", ""), 201)
	expect(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: `{"code":"charset-org","kind":"other","name_zh":"字符集"}`,
		header: map[string]string{"Content-Type": "application/json; charset=UTF-8"}}), 201)
	if n := api.countRows("organizations"); n != orgs+3 {
		t.Fatalf("organisations = %d, want %d", n, orgs+3)
	}
}

func fieldMessageOf(p map[string]any, field string) string {
	errs, _ := p["errors"].([]any)
	for _, e := range errs {
		if m, ok := e.(map[string]any); ok && m["field"] == field {
			s, _ := m["message"].(string)
			return s
		}
	}
	return ""
}

func containsHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
