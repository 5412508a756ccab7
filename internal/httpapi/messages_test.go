package httpapi_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/httpapi"
)

// Every text of a 4xx answer follows Accept-Language: Chinese for zh*,
// with no English sentence mixed in, English otherwise.

var (
	msgQuoted = regexp.MustCompile("\"[^\"]*\"|`[^`]*`")
	msgLetter = regexp.MustCompile(`^[A-Za-z]+$`)
)

// englishSentence returns a run of two or more ASCII words, at least one
// in lower case, outside quoted values: a fragment of an English
// sentence. Codes and names between Chinese words are not sentences.
func englishSentence(s string) string {
	var run []string
	lower := false
	for _, tok := range append(strings.Fields(msgQuoted.ReplaceAllString(s, " ")), "。") {
		w := strings.TrimRight(strings.TrimLeft(tok, "("), ",.;:!?)")
		if msgLetter.MatchString(w) {
			run = append(run, w)
			lower = lower || (len(w) >= 2 && w == strings.ToLower(w))
			continue
		}
		if len(run) >= 2 && lower {
			return strings.Join(run, " ")
		}
		run, lower = nil, false
	}
	return ""
}

// answerTexts checks that the title, detail and every message of a
// problem are in lang ("zh" or "en") and returns the problem.
func answerTexts(t *testing.T, r response, status int, lang string) map[string]any {
	t.Helper()
	p := expectProblem(t, r, status)
	texts := map[string]string{"title": str(p["title"]), "detail": str(p["detail"])}
	errs, _ := p["errors"].([]any)
	for _, e := range errs {
		m := e.(map[string]any)
		texts["message of "+str(m["field"])] = str(m["message"])
	}
	for name, s := range texts {
		switch {
		case s == "":
			t.Errorf("%d %s: no %s\n%s", status, lang, name, r.Body)
		case lang == "zh" && !containsHan(s):
			t.Errorf("%d zh: %s %q is not Chinese", status, name, s)
		case lang == "zh" && englishSentence(s) != "":
			t.Errorf("%d zh: %s %q holds English %q", status, name, s, englishSentence(s))
		case lang == "en" && containsHan(s):
			t.Errorf("%d en: %s %q holds Chinese", status, name, s)
		}
	}
	return p
}

func str(v any) string { s, _ := v.(string); return s }

// errorOf returns errors[0] of a problem.
func errorOf(t *testing.T, p map[string]any) map[string]any {
	t.Helper()
	errs, _ := p["errors"].([]any)
	if len(errs) == 0 {
		t.Fatalf("problem has no errors: %v", p)
	}
	return errs[0].(map[string]any)
}

func TestEnglishSentenceCheck(t *testing.T) {
	if englishSentence("必须是以下值之一：must be one of") == "" {
		t.Error("English sentence not found")
	}
	if s := englishSentence(`未知字段 "nick name"：请删除 If-Match 请求头，发送 Authorization: Bearer <API 密钥>`); s != "" {
		t.Errorf("found %q", s)
	}
}

func TestAnswersFollowAcceptLanguage(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	c := api.actCreate("/v1/consultations", api.Changshou, actConsultation("语言测试"))
	path := "/v1/consultations/" + c["id"].(string)
	gone := api.actCreate("/v1/consultations", api.Changshou, actConsultation("已归档"))
	gonePath := "/v1/consultations/" + gone["id"].(string)
	expect(t, api.do(req{method: "DELETE", path: gonePath, key: api.Admin, header: actIfMatch(1)}), 200)
	noPengzhou := map[string]any{"participants": actParticipants("changshou-cppcc:host", "yubei-cppcc:participant")}
	huge := `{"title_zh":"` + strings.Repeat("长", 1<<19) + `"}`

	for _, lang := range []string{"zh", "en"} {
		al := map[string]string{"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}
		if lang == "en" {
			al = map[string]string{"Accept-Language": "en-US"}
		}
		with := func(extra map[string]string) map[string]string {
			h := map[string]string{}
			for k, v := range al {
				h[k] = v
			}
			for k, v := range extra {
				h[k] = v
			}
			return h
		}
		t.Run(lang, func(t *testing.T) {
			// 400: malformed JSON, an unknown field, a read-only field, a bad
			// query parameter and an If-Match that is not an entity tag.
			answerTexts(t, api.do(req{method: "POST", path: "/v1/consultations", key: api.Admin, body: `{"title_zh":`, header: al}), 400, lang)
			p := answerTexts(t, api.do(req{method: "POST", path: "/v1/consultations", key: api.Admin,
				body: actWith(actConsultation("x"), "colour", "red"), header: al}), 400, lang)
			if !strings.Contains(str(p["detail"]), `"colour"`) {
				t.Errorf("unknown field detail %q does not quote the field", p["detail"])
			}
			p = answerTexts(t, api.do(req{method: "PATCH", path: path, key: api.Admin, body: map[string]any{"version": 3},
				header: with(actIfMatch(1))}), 400, lang)
			if !strings.Contains(str(p["detail"]), `"version"`) {
				t.Errorf("read-only detail %q does not quote the field", p["detail"])
			}
			p = answerTexts(t, api.do(req{method: "GET", path: "/v1/regions?limit=abc", header: al}), 400, lang)
			if d := str(p["detail"]); !strings.Contains(d, "limit") || !strings.Contains(d, `"abc"`) {
				t.Errorf("query detail %q does not name limit and quote its value", d)
			}
			if e := errorOf(t, p); e["field"] != "limit" || e["code"] != "out_of_range" {
				t.Errorf("query error = %v", e)
			}
			p = answerTexts(t, api.do(req{method: "GET", path: "/v1/consultations?status=done", header: al}), 400, lang)
			if e := errorOf(t, p); e["code"] != "invalid_value" || !strings.Contains(str(e["message"]), "held") {
				t.Errorf("status error = %v", e)
			}
			for _, im := range []string{"2", "'2'"} {
				p = answerTexts(t, api.do(req{method: "PATCH", path: path, key: api.Admin, body: map[string]any{"status": "held"},
					header: with(map[string]string{"If-Match": im})}), 400, lang)
				if e := errorOf(t, p); e["field"] != "If-Match" || e["code"] != "invalid_if_match" || !strings.Contains(str(e["message"]), `"2"`) {
					t.Errorf("If-Match %s: error = %v", im, e)
				}
			}

			// 401 and 403, each with its reason.
			answerTexts(t, api.do(req{method: "POST", path: "/v1/consultations", body: actConsultation("x"), header: al}), 401, lang)
			for _, c := range []struct {
				name, method, path, key, reason string
				body                            any
				header                          map[string]string
			}{
				{"reader writes", "POST", "/v1/consultations", api.Reader, "role_forbids", actConsultation("x"), al},
				{"registrar reads the audit", "GET", "/v1/audit", api.Changshou, "role_forbids", nil, al},
				{"registrar of another organisation", "PATCH", "/v1/organizations/yubei-cppcc", api.Changshou, "role_forbids",
					map[string]any{"name_en": "x"}, with(map[string]string{"If-Match": "*"})},
				{"registrar not taking part creates", "POST", "/v1/consultations", api.Yubei, "not_a_party", actConsultation("x"), al},
				{"registrar not taking part archives", "DELETE", path, api.Yubei, "not_a_party", nil, with(actIfMatch(1))},
				{"registrar removes itself", "PATCH", path, api.Pengzhou, "cannot_remove_own_organization", noPengzhou, with(actIfMatch(1))},
			} {
				p := answerTexts(t, api.do(req{method: c.method, path: c.path, key: c.key, body: c.body, header: c.header}), 403, lang)
				if p["reason"] != c.reason {
					t.Errorf("%s: reason = %v, want %s", c.name, p["reason"], c.reason)
				}
			}

			// 404 and 405.
			answerTexts(t, api.do(req{method: "GET", path: "/v1/consultations/00000000-0000-0000-0000-000000000000", header: al}), 404, lang)
			p = answerTexts(t, api.do(req{method: "DELETE", path: "/v1/regions", key: api.Admin, header: al}), 405, lang)
			if !strings.Contains(str(p["detail"]), "GET") {
				t.Errorf("405 detail %q does not list the allowed methods", p["detail"])
			}

			// 409: an archived record, a duplicate code.
			answerTexts(t, api.do(req{method: "DELETE", path: gonePath, key: api.Admin, header: with(actIfMatch(2))}), 409, lang)
			p = answerTexts(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin,
				body: map[string]any{"code": "changshou-cppcc", "kind": "other", "name_zh": "重复"}, header: al}), 409, lang)
			if e := errorOf(t, p); e["field"] != "code" || e["code"] != "duplicate" {
				t.Errorf("duplicate error = %v", e)
			}

			// 412 names the current version in its ETag.
			r := api.do(req{method: "PATCH", path: path, key: api.Changshou, body: map[string]any{"status": "held"}, header: with(actIfMatch(7))})
			p = answerTexts(t, r, 412, lang)
			if r.Header.Get("ETag") != `"1"` || !strings.Contains(str(p["detail"]), `"1"`) {
				t.Errorf("412: ETag %q, detail %q", r.Header.Get("ETag"), p["detail"])
			}

			// 413, 415, 422, 428.
			answerTexts(t, api.do(req{method: "POST", path: "/v1/consultations", key: api.Admin, body: huge, header: al}), 413, lang)
			answerTexts(t, api.do(req{method: "POST", path: "/v1/consultations", key: api.Admin, body: `{}`,
				header: with(map[string]string{"Content-Type": "text/plain"})}), 415, lang)
			p = answerTexts(t, api.do(req{method: "POST", path: "/v1/consultations", key: api.Admin,
				body: actWith(actConsultation("x"), "status", "done", "title_zh", " "), header: al}), 422, lang)
			if len(p["errors"].([]any)) != 2 {
				t.Errorf("422 errors = %v", p["errors"])
			}
			idem := with(map[string]string{"Idempotency-Key": "messages-" + lang})
			expect(t, api.do(req{method: "POST", path: "/v1/consultations", key: api.Admin, body: actConsultation("幂等"), header: idem}), 201)
			answerTexts(t, api.do(req{method: "POST", path: "/v1/consultations", key: api.Admin, body: actConsultation("不同"), header: idem}), 422, lang)
			answerTexts(t, api.do(req{method: "PATCH", path: path, key: api.Admin, body: map[string]any{"status": "held"}, header: al}), 428, lang)
		})
	}
}

func TestReadRequiresKeyAndRateLimitAnswers(t *testing.T) {
	t.Parallel()
	api := newAPI(t, withReadRequiresKey, func(d *httpapi.Deps) { d.RateLimit = 2 })
	langs := []struct{ lang, header string }{{"zh", "zh-TW"}, {"en", "en"}}
	for _, l := range langs {
		p := answerTexts(t, api.do(req{method: "GET", path: "/v1/regions", header: map[string]string{"Accept-Language": l.header}}), 401, l.lang)
		if p["reason"] != "read_requires_key" {
			t.Errorf("%s: reason = %v", l.lang, p["reason"])
		}
	}
	for _, l := range langs {
		r := api.do(req{method: "GET", path: "/v1/regions", header: map[string]string{"Accept-Language": l.header}})
		answerTexts(t, r, 429, l.lang)
		if r.Header.Get("Retry-After") == "" {
			t.Errorf("429 without Retry-After")
		}
	}
}
