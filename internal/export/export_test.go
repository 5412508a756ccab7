package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/chengyu-collab/registry/internal/registry"
)

func ptr[T any](v T) *T { return &v }

func mustDate(t *testing.T, s string) *registry.Date {
	t.Helper()
	d, err := registry.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return &d
}

// jointActions makes n joint actions, served in pages of PageSize.
func jointActions(t *testing.T, n int) Pages[registry.JointAction] {
	kind := registry.JointActionKind("inspection")
	return func(_ context.Context, cursor string) ([]registry.JointAction, string, error) {
		start, _ := strconv.Atoi(cursor)
		var out []registry.JointAction
		for i := start; i < min(start+PageSize, n); i++ {
			started := "2023"
			if i%2 == 1 {
				started = "2023-05-18"
			}
			out = append(out, registry.JointAction{ID: fmt.Sprintf("id-%d", i), TitleZh: "“丹青润川渝 翰墨润寿乡”书画联展 & <" + strconv.Itoa(i) + ">",
				TitleEn: ptr("Calligraphy exhibition " + strconv.Itoa(i)), Kind: &kind, StartedOn: mustDate(t, started),
				AreaCode: ptr("culture-tourism"), Status: "completed",
				Participants: []registry.Participant{
					{OrganizationCode: "changshou-cppcc", NameZh: "长寿区政协", NameEn: ptr("Changshou CPPCC"), Role: "lead"},
					{OrganizationCode: "pengzhou-cppcc", Role: "partner"}},
				Outcomes: []registry.Outcome{{Kind: "opinion", Count: ptr(int64(95)), DescriptionZh: ptr("形成协商意见95条")},
					{Kind: "problem_solved", Count: ptr(int64(60)), Approximate: true}}})
		}
		next := ""
		if start+PageSize < n {
			next = strconv.Itoa(start + PageSize)
		}
		return out, next, nil
	}
}

var names = Names{Areas: map[string]registry.CooperationArea{"culture-tourism": {Code: "culture-tourism", NameZh: "文旅交流", NameEn: ptr("Culture and tourism")}}}

func writeList(t *testing.T, lang registry.Lang, n int) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	readyCalled := false
	written, err := WriteList(context.Background(), &buf, lang, JointActions, names, jointActions(t, n), func() {
		if buf.Len() != 0 {
			t.Error("bytes were written before ready")
		}
		readyCalled = true
	})
	if err != nil || !written || !readyCalled {
		t.Fatalf("WriteList: written %t, ready %t, %v", written, readyCalled, err)
	}
	checkZip(t, buf.Bytes())
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func TestWorkbookReadsBack(t *testing.T) {
	const n = 1234 // several pages
	for _, c := range []struct {
		lang                                registry.Lang
		sheet, title, participants, outcome string
		headings                            []string
	}{
		{registry.Zh, "联合履职", "“丹青润川渝 翰墨润寿乡”书画联展 & <1>", "长寿区政协（牵头方）；pengzhou-cppcc（合作方）",
			"形成协商意见95条；解决问题60余项", []string{"标题", "主题", "履职类型", "状态", "开始日期"}},
		{registry.En, "Joint actions", "Calligraphy exhibition 1", "Changshou CPPCC (Lead); pengzhou-cppcc (Partner)",
			"Problems solved: more than 60", []string{"Title", "Theme", "Kind", "Status", "Started on"}},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			f := writeList(t, c.lang, n)
			if got := f.GetSheetList(); len(got) != 1 || got[0] != c.sheet {
				t.Fatalf("sheets %v, want [%s]", got, c.sheet)
			}
			rows, err := f.GetRows(c.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != n+1 {
				t.Fatalf("%d rows, want a heading and %d records", len(rows), n)
			}
			if got := rows[0][:len(c.headings)]; strings.Join(got, "|") != strings.Join(c.headings, "|") {
				t.Errorf("headings %q, want %q", got, c.headings)
			}
			row := rows[2] // the record numbered 1
			cols := JointActions.Columns(c.lang)
			cell := func(heading string) string {
				for i, col := range cols {
					if col.Heading == heading && i < len(row) {
						return row[i]
					}
				}
				return ""
			}
			if row[0] != c.title {
				t.Errorf("title %q, want %q", row[0], c.title)
			}
			if got := cell(cols[4].Heading); got != "2023-05-18" {
				t.Errorf("started_on %q, want 2023-05-18", got)
			}
			if got := rows[1][4]; got != "2023" {
				t.Errorf("a year stays a year: %q", got)
			}
			if got := cell(cols[8].Heading); got != c.participants {
				t.Errorf("participants %q, want %q", got, c.participants)
			}
			if got := cell(cols[9].Heading); !strings.Contains(got, c.outcome) {
				t.Errorf("outcomes %q, want %q in it", got, c.outcome)
			}
			if got := cell(cols[7].Heading); got != map[registry.Lang]string{registry.Zh: "文旅交流", registry.En: "Culture and tourism"}[c.lang] {
				t.Errorf("area %q", got)
			}
			panes, err := f.GetPanes(c.sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
				t.Errorf("frozen heading row: %+v, %v", panes, err)
			}
			if w, err := f.GetColWidth(c.sheet, "A"); err != nil || w < 30 {
				t.Errorf("title column width %v, %v", w, err)
			}
		})
	}
}

func TestEmptyList(t *testing.T) {
	f := writeList(t, registry.Zh, 0)
	rows, err := f.GetRows("联合履职")
	if err != nil || len(rows) != 1 {
		t.Fatalf("an empty list is its heading alone: %d rows, %v", len(rows), err)
	}
}

func TestErrorBeforeAnyByte(t *testing.T) {
	var buf bytes.Buffer
	boom := fmt.Errorf("database gone")
	pages := func(_ context.Context, cursor string) ([]registry.JointAction, string, error) {
		if cursor == "" {
			return make([]registry.JointAction, 3), "next", nil
		}
		return nil, "", boom
	}
	written, err := WriteList(context.Background(), &buf, registry.Zh, JointActions, names, pages, nil)
	if written || err == nil || buf.Len() != 0 {
		t.Fatalf("written %t, %v, %d bytes: a failed page must leave the destination untouched", written, err, buf.Len())
	}
}

func TestSummaryFigures(t *testing.T) {
	rep := registry.AnnualReport{Organization: registry.Organization{Code: "changshou-cppcc", NameZh: "长寿区政协"}, Year: 2023,
		Stats: registry.Stats{Year: 2023, Agreements: registry.AgreementStats{Signed: 1, InForce: 2},
			Consultations: registry.ConsultationStats{Held: 3, ByFormat: map[string]int{"meeting": 3}, ByArea: map[string]int{"culture-tourism": 1}},
			JointActions: registry.JointActionStats{Total: 4, ByKind: map[string]int{"inspection": 4}, ByArea: map[string]int{},
				ByPartnerProvince: map[string]int{"510000": 2}},
			Outcomes: map[string]registry.OutcomeTotal{"opinion": {Count: 95}, "problem_solved": {Count: 60, Approximate: true}}},
		Areas:     names.Areas,
		Provinces: map[string]registry.Region{"510000": {Code: "510000", NameZh: "四川省", NameEn: ptr("Sichuan")}}}
	got := map[string]any{}
	for _, r := range Summary(registry.Zh, rep) {
		got[r.Section+"|"+r.Item] = r.Value
	}
	want := map[string]any{"报告|组织": "长寿区政协", "报告|年度": 2023, "合作协议|签署协议": 1, "合作协议|在效协议": 2,
		"联合协商|举行协商": 3, "协商领域|文旅交流": 1, "联合履职|开展联合履职": 4, "合作省份|四川省": 2,
		"成果|意见建议": int64(95), "成果|解决问题": "60余"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v (%T), want %v", k, got[k], got[k], v)
		}
	}
}

func TestDisposition(t *testing.T) {
	got := Disposition("长寿区政协2023年度报告", "annual-report-changshou-cppcc-2023")
	want := `attachment; filename="annual-report-changshou-cppcc-2023.xlsx"; filename*=UTF-8''%E9%95%BF%E5%AF%BF%E5%8C%BA%E6%94%BF%E5%8D%8F2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.xlsx`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got, want := Disposition("a b\"c", "a b\"c"), `attachment; filename="a-b-c.xlsx"; filename*=UTF-8''a%20b%22c.xlsx`; got != want {
		t.Errorf("unsafe characters: got %s, want %s", got, want)
	}
}

// BenchmarkJointActions writes a year's worth of joint actions of the
// full data set (about 115,000): run with -benchmem to see that memory
// does not grow with the rows.
func BenchmarkJointActions(b *testing.B) {
	t := &testing.T{}
	for b.Loop() {
		if _, err := WriteList(context.Background(), io.Discard, registry.Zh, JointActions, names, jointActions(t, 115000), nil); err != nil {
			b.Fatal(err)
		}
	}
}

// bothEscapes is v as escapeText writes it and as xml.EscapeText does.
func bothEscapes(t *testing.T, v string) (got, want string) {
	t.Helper()
	var g, x bytes.Buffer
	w := bufio.NewWriter(&g)
	if err := escapeText(w, v); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	if err := xml.EscapeText(&x, []byte(v)); err != nil {
		t.Fatal(err)
	}
	return g.String(), x.String()
}

// TestEscapeTextIsXMLEscapeText: the fast path writes what xml.EscapeText
// writes, for plain, Chinese, escaped, forbidden and invalid text.
func TestEscapeTextIsXMLEscapeText(t *testing.T) {
	for _, v := range []string{"", "plain", "长寿区政协 彭州市政协", `a<b>&"c'`, "tab\there\nline\rret", "\x00\x01\x1f",
		"\uFFFE\uFFFF\uFFFD", "\xff\xfe invalid", "\u2028\U0001F600", "末尾&",
		"形成协商意见95条，解决问题60余项（含；：）", "\uFFFE", "a\uFFFF", "\uFFFD\uFFFC\uFF0C", "\xef\xbf", "\xef\xbf\xbe\xef"} {
		got, want := bothEscapes(t, v)
		if got != want {
			t.Errorf("escapeText(%q) = %q, xml.EscapeText gives %q", v, got, want)
		}
	}
	// Random texts of the characters at the edges of what XML allows.
	runes := []rune{'a', '长', '，', '（', '&', '<', '"', '\'', '\n', '\t', 0x1f, 0xFFFD, 0xFFFE, 0xFFFF, 0xFF0C, 0xEFFF, 0x10000, 0xE000}
	rnd := rand.New(rand.NewPCG(3, 5))
	for range 20000 {
		var b strings.Builder
		for n := rnd.IntN(6); n > 0; n-- {
			b.WriteRune(runes[rnd.IntN(len(runes))])
		}
		v := b.String()
		if rnd.IntN(8) == 0 && len(v) > 0 { // cut inside a character
			v = v[:rnd.IntN(len(v))]
		}
		got, want := bothEscapes(t, v)
		if got != want {
			t.Fatalf("escapeText(%q) = %q, xml.EscapeText gives %q", v, got, want)
		}
	}
}
