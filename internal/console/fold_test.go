package console

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"text/template/parse"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// foldedSet parses files with their label actions folded for lang. Every
// literal catalogue code of a t or tf call must exist.
func foldedSet(files []source, root string, lang registry.Lang) (*template.Template, error) {
	labels, err := labelsOf(files, root)
	if err != nil {
		return nil, err
	}
	return parseSources(foldSources(files, labels, lang))
}

// TestFoldOnlyWhereEscapedTextIsTheSame: a label is folded in HTML text,
// in RCDATA and in an ordinary quoted attribute, and left a call in a URL
// attribute, a script, a style, a style= or on*= attribute, an unquoted
// attribute, a comment and a template also called inside a URL; either
// way the page is what it was.
func TestFoldOnlyWhereEscapedTextIsTheSame(t *testing.T) {
	cases := []struct {
		name, code, markup string
		folded             bool
	}{
		{"text", "console.site", `<p>{{t .L "console.site"}}</p>`, true},
		{"text with $L", "console.skip", `<p>{{t $L "console.skip"}}</p>`, true},
		{"trim markers", "console.home", "<p>\n  {{- t .L \"console.home\" -}}\n  </p>", true},
		{"title element", "console.nav", `<title>{{t .L "console.nav"}}</title>`, true},
		{"textarea", "console.agreements", `<textarea>{{t .L "console.agreements"}}</textarea>`, true},
		{"title attribute", "console.consultations", `<p title="{{t .L "console.consultations"}}">x</p>`, true},
		{"aria-label attribute", "console.joint_actions", `<nav aria-label="{{t .L "console.joint_actions"}}"></nav>`, true},
		{"single-quoted attribute", "console.organizations", `<p title='{{t .L "console.organizations"}}'>x</p>`, true},
		{"href", "console.regions", `<a href="/x?q={{t .L "console.regions"}}">x</a>`, false},
		{"src", "console.report", `<img src="{{t .L "console.report"}}" alt="">`, false},
		{"form action", "console.admin", `<form action="{{t .L "console.admin"}}"></form>`, false},
		{"formaction", "console.sign_out", `<button formaction="{{t .L "console.sign_out"}}">x</button>`, false},
		{"script", "console.sign_in", `<script>var s = {{t .L "console.sign_in"}};</script>`, false},
		{"style element", "console.footer", `<style>p::after { content: "{{t .L "console.footer"}}" }</style>`, false},
		{"style attribute", "console.edit", `<p style="font-family: {{t .L "console.edit"}}">x</p>`, false},
		{"onclick", "console.none", `<button onclick="f({{t .L "console.none"}})">x</button>`, false},
		{"unquoted attribute", "console.history", `<p title={{t .L "console.history"}}>x</p>`, false},
		// The same template called in text and in a URL: its label must
		// stay a call, though its own tree is escaped for text.
		{"template in a URL", "console.figures", `<a href="/x?q={{template "label" .}}">{{template "label" .}}</a>`, false},
		{"html comment", "console.choose", `<!-- {{t .L "console.choose"}} -->`, false},
	}
	var body strings.Builder
	for _, c := range cases {
		body.WriteString(c.markup + "\n")
	}
	files := []source{{"_test.html", `{{define "layout"}}{{$L := .L}}<!DOCTYPE html>` + "\n" + body.String() +
		`<p>{{t .L .Title}}</p>{{end}}` + "\n" + `{{define "label"}}{{t .L "console.figures"}}{{end}}`}}
	data := map[string]any{"L": registry.En, "Title": "console.site"}
	plain, err := parseSources(files)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := plain.ExecuteTemplate(&want, "layout", data); err != nil {
		t.Fatal(err)
	}

	labels, err := labelsOf(files, "layout")
	if err != nil {
		t.Fatal(err)
	}
	folded, n := foldSource(files[0].text, labels, registry.En)
	for _, c := range cases {
		call := strings.Contains(folded, `"`+c.code+`"`)
		if c.folded && call {
			t.Errorf("%s: the label is left a call", c.name)
		}
		if !c.folded && !call {
			t.Errorf("%s: the label is folded", c.name)
		}
	}
	if !strings.Contains(folded, `{{t .L .Title}}`) {
		t.Error("a label with a code that is not a literal is folded")
	}
	wantFolded := 0
	for _, c := range cases {
		if c.folded {
			wantFolded++
		}
	}
	if n != wantFolded {
		t.Errorf("folded %d labels, want %d", n, wantFolded)
	}

	set, err := foldedSet(files, "layout", registry.En)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := set.ExecuteTemplate(&got, "layout", data); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("folded page:\n%s\nwant:\n%s", got.String(), want.String())
	}
}

// TestFoldedTextIsEscapedAsAtRunTime: the folded text is what
// html/template writes for the label (which escapes "+" too, as
// template.HTMLEscapeString does not), and text that could read as an
// action or lose white space to a trim marker is not folded.
func TestFoldedTextIsEscapedAsAtRunTime(t *testing.T) {
	for _, c := range []labelContext{ctxText, ctxRCDATA, ctxAttr} {
		if got, ok := foldedText(`a+b <c> & "d" 'e'`, c); !ok || got != `a&#43;b &lt;c&gt; &amp; &#34;d&#34; &#39;e&#39;` {
			t.Errorf("context %d: %q %v", c, got, ok)
		}
	}
	for _, s := range []string{"", "a {{b}}", "{count} left", "more {", " a", "a\n"} {
		if got, ok := foldedText(s, ctxText); ok {
			t.Errorf("%q folded as %q", s, got)
		}
	}
	if _, ok := foldedText("a", ctxOther); ok {
		t.Error("folded in another context")
	}
}

// TestUnknownLabelCodeFailsAtStart: a literal code missing from the
// catalogue, given to t or tf, fails parsing the pages.
func TestUnknownLabelCodeFailsAtStart(t *testing.T) {
	for _, text := range []string{`{{define "layout"}}{{t .L "console.no_such_code"}}{{end}}`,
		`{{define "layout"}}<a href="{{t .L "console.no_such_code"}}">x</a>{{end}}`,
		`{{define "layout"}}{{tf .L "console.no_such_code" "a" "b"}}{{end}}`} {
		if _, err := foldedSet([]source{{"_test.html", text}}, "layout", registry.Zh); err == nil ||
			!strings.Contains(err.Error(), "console.no_such_code") {
			t.Errorf("%s: %v", text, err)
		}
	}
}

// TestEveryPageLabelIsFolded: in every page, in both languages, every
// label the layout reaches is folded; none is in a context that needs a
// call today. A change of html/template that hid the contexts would fold
// nothing, and fail here rather than quietly slow the pages down.
func TestEveryPageLabelIsFolded(t *testing.T) {
	layout, err := readSources("templates/_*.html")
	if err != nil {
		t.Fatal(err)
	}
	files, err := readSources("templates/[a-z]*.html")
	if err != nil {
		t.Fatal(err)
	}
	type at struct {
		file string
		pos  int
	}
	folded, kept := map[at]bool{}, map[at]bool{}
	for _, f := range files {
		srcs := append(append([]source(nil), layout...), f)
		labels, err := labelsOf(srcs, "layout")
		if err != nil {
			t.Fatal(err)
		}
		reached := 0
		for _, l := range labels {
			if l.ctx == ctxOther {
				continue // not reached from the layout, or not foldable: see below
			}
			reached++
			folded[at{l.file, l.pos}] = true
		}
		for _, lang := range langs {
			n := 0
			for _, s := range srcs {
				var mine []label
				for _, l := range labels {
					if l.file == s.name {
						mine = append(mine, l)
					}
				}
				_, k := foldSource(s.text, mine, lang)
				n += k
			}
			if n != reached {
				t.Errorf("%s in %s: %d labels folded of %d", f.name, lang, n, reached)
			}
		}
		// What the layout reaches but may not be folded, still escaped.
		set, err := foldedSet(srcs, "layout", registry.Zh)
		if err != nil {
			t.Fatal(err)
		}
		_ = set.ExecuteTemplate(new(bytes.Buffer), "layout", nil)
		for _, tm := range set.Templates() {
			if tm.Tree == nil || tm.Tree.Root == nil {
				continue
			}
			walk(tm.Tree.Root, func(n parse.Node) {
				if a, ok := n.(*parse.ActionNode); ok {
					if code, pos, _, ok := labelAction(a); ok && len(a.Pipe.Cmds) > 1 {
						kept[at{tm.Tree.ParseName, pos}] = true
						t.Logf("%s: %q at %s:%d is left a call", f.name, code, tm.Tree.ParseName, pos)
					}
				}
			})
		}
	}
	if len(kept) > 0 {
		t.Errorf("%d labels are left calls", len(kept))
	}
	if len(folded) < 200 {
		t.Errorf("only %d labels are folded", len(folded))
	}
	t.Logf("%d label actions folded, %d left calls", len(folded), len(kept))
}

// detailPageData is a joint action page as a signed-in administrator sees
// it: every fact, three participants, outcomes and a history.
func detailPageData() page {
	s := func(v string) *string { return &v }
	kind := registry.JointActionKind("exhibition")
	started, _ := registry.ParseDate("2023-03")
	ended, _ := registry.ParseDate("2023-12")
	x := registry.JointAction{ID: "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", TitleZh: "“丹青润川渝 翰墨润寿乡”川渝地区书画联展",
		TitleEn: s("Sichuan–Chongqing calligraphy and painting exhibition"), ThemeZh: s("丹青润川渝 翰墨润寿乡"),
		Kind: &kind, StartedOn: &started, EndedOn: &ended, Location: s("重庆市长寿区"), Status: "completed",
		SummaryZh: s("推动文化合作与艺术交流。"), Version: 3, CreatedAt: time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)}
	for _, o := range []string{"changshou-cppcc", "yubei-cppcc", "pengzhou-cppcc"} {
		x.Participants = append(x.Participants, registry.Participant{OrganizationCode: o, NameZh: o + " 政协", NameEn: s(o),
			Role: "participant"})
	}
	x.Outcomes = []registry.Outcome{{Kind: "artwork", Count: intp(120), Approximate: true}, {Kind: "report", Count: intp(2)}}
	d := detailData{Kind: jointActionKind, Record: x, Names: &names{}, MayEdit: true,
		Agreement: &titleRef{ID: "01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01", TitleZh: "川渝政协协作协议"}}
	for i := 0; i < 5; i++ {
		d.History = append(d.History, historyLine{At: "2024-05-01 16:00", Who: "长寿区政协联络员", Text: "修改"})
	}
	admin := registry.User{DisplayName: "系统管理员", Role: registry.RoleAdmin}
	return page{User: &admin, Title: jointActionKind.one, Path: "/console/joint-actions/" + x.ID,
		Section: jointActionKind.path, Data: d}
}

func intp(n int64) *int64 { return &n }

// BenchmarkDetailPage renders a joint action's page (the layout and the
// activity template) with the labels folded and with every label a call.
func BenchmarkDetailPage(b *testing.B) {
	for _, bc := range []struct {
		name string
		fold bool
	}{{"folded", true}, {"unfolded", false}} {
		p, err := parsePagesWith(bc.fold)
		if err != nil {
			b.Fatal(err)
		}
		for _, lang := range langs {
			b.Run(bc.name+"/"+string(lang), func(b *testing.B) {
				set, _ := p.set(lang, "joint_action")
				data := detailPageData()
				data.L = lang
				var buf bytes.Buffer
				if err := set.ExecuteTemplate(&buf, "layout", data); err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					buf.Reset()
					if err := set.ExecuteTemplate(&buf, "layout", data); err != nil {
						b.Fatal(err)
					}
				}
				b.SetBytes(int64(buf.Len()))
			})
		}
	}
}
