package registry

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	placeholderRE = regexp.MustCompile(`\{[a-z_]+\}`)
	// quotedRE matches values quoted in a text: they stay as the client
	// or the protocol writes them, in every language.
	quotedRE = regexp.MustCompile("\"[^\"]*\"|`[^`]*`")
)

// englishRun returns the first English sentence fragment in s, or "": a
// run of two or more words of ASCII letters, outside placeholders and
// quoted values, at least one of them in lower case. Names and codes
// standing on their own between Chinese words ("If-Match 请求头", "RFC
// 3339", "Authorization: Bearer") are not sentences.
func englishRun(s string) string {
	s = quotedRE.ReplaceAllString(placeholderRE.ReplaceAllString(s, " "), " ")
	var run []string
	lower := false
	flush := func() string {
		if len(run) >= 2 && lower {
			return strings.Join(run, " ")
		}
		run, lower = run[:0], false
		return ""
	}
	for _, tok := range strings.Fields(s) {
		w := strings.TrimRight(strings.TrimLeft(tok, "("), ",.;:!?)")
		if w == "" || strings.IndexFunc(w, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) >= 0 {
			if found := flush(); found != "" {
				return found
			}
			continue
		}
		run = append(run, w)
		if len(w) >= 2 && w == strings.ToLower(w) {
			lower = true
		}
	}
	return flush()
}

func TestEnglishRunCheck(t *testing.T) {
	for _, s := range []string{"must be one of: {allowed}", "必须是 must not", "请 send the body"} {
		if englishRun(s) == "" {
			t.Errorf("englishRun(%q) found no English", s)
		}
	}
	for _, s := range []string{"必须是以下值之一：{allowed}", "需要 If-Match 请求头", "请发送 Authorization: Bearer <API 密钥>",
		`未知字段 "nick name"`, "必须是 http 或 https 网址", "必须是 RFC 3339 时间", "{field} 的值已被其他记录使用"} {
		if run := englishRun(s); run != "" {
			t.Errorf("englishRun(%q) = %q", s, run)
		}
	}
}

func TestCatalogueHasBothLanguages(t *testing.T) {
	for _, code := range TextCodes() {
		e := catalogue[code]
		if strings.TrimSpace(e.zh) == "" || strings.TrimSpace(e.en) == "" {
			t.Errorf("%s: zh %q, en %q", code, e.zh, e.en)
		}
		if run := englishRun(e.zh); run != "" {
			t.Errorf("%s: the Chinese text %q holds English %q", code, e.zh, run)
		}
		if !containsHan(e.zh) {
			t.Errorf("%s: the Chinese text %q has no Chinese", code, e.zh)
		}
		if containsHan(e.en) {
			t.Errorf("%s: the English text %q holds Chinese", code, e.en)
		}
		zh, en := placeholders(e.zh), placeholders(e.en)
		if !slices.Equal(zh, en) {
			t.Errorf("%s: placeholders differ: zh %v, en %v", code, zh, en)
		}
	}
}

func placeholders(s string) []string {
	p := placeholderRE.FindAllString(s, -1)
	slices.Sort(p)
	return slices.Compact(p)
}

func containsHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

func TestForbiddenReasonsHaveSentences(t *testing.T) {
	for _, reason := range ForbiddenReasons {
		if !HasText("reason." + reason) {
			t.Errorf("reason %s has no sentence", reason)
		}
	}
}

func TestTextFillsPlaceholders(t *testing.T) {
	cases := []struct {
		lang Lang
		code string
		args Args
		want string
	}{
		{En, "too_long", Args{"limit": "200"}, "must be at most 200 characters long"},
		{Zh, "too_long", Args{"limit": "200"}, "长度不能超过 200 个字符"},
		{En, "detail.unknown_field", Args{"field": "colour"}, `unknown field "colour": remove it or check its spelling (names are case-sensitive)`},
		{En, "no-such-code", nil, "is invalid"},
	}
	for _, c := range cases {
		if got := Text(c.lang, c.code, c.args); got != c.want {
			t.Errorf("Text(%s, %s) = %q, want %q", c.lang, c.code, got, c.want)
		}
	}
	if got := FieldText(Zh, FieldError{Code: "invalid_value", Param: "draft signed"}); got != "必须是以下值之一：draft、signed" {
		t.Errorf("zh invalid_value = %q", got)
	}
	if got := FieldText(En, FieldError{Code: "invalid_value", Param: "draft signed"}); got != "must be one of: draft, signed" {
		t.Errorf("en invalid_value = %q", got)
	}
	if got := FieldText(En, FieldError{Code: "out_of_range", Param: "1 200"}); got != "must be a whole number from 1 to 200" {
		t.Errorf("en out_of_range = %q", got)
	}
}
