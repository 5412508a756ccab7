package httpapi_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/chengyu-collab/registry/internal/export"
	"github.com/chengyu-collab/registry/internal/registry"
)

// workbook opens an answer's body as a workbook.
func workbook(t *testing.T, r response) *excelize.File {
	t.Helper()
	expect(t, r, 200)
	if ct := r.Header.Get("Content-Type"); ct != export.MediaType {
		t.Fatalf("Content-Type %q", ct)
	}
	if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="`) || !strings.Contains(cd, "filename*=UTF-8''") {
		t.Errorf("Content-Disposition %q", cd)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Body))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func heading(lang registry.Lang, key string) string {
	return registry.Text(lang, "export.col."+key, nil)
}

// TestXLSXListExports exports every list that offers CSV as a workbook,
// in Chinese and in English, and checks it against the JSON list.
func TestXLSXListExports(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	ag := api.allItems("/v1/agreements")
	if len(ag) == 0 {
		t.Fatal("the demo data has no agreement")
	}
	agID := ag[0]["id"].(string)
	cases := []struct {
		path, sheet, date string // date: the JSON field shown under the heading of the same name
	}{
		{"/v1/agreements", "agreements", "signed_on"},
		{"/v1/consultations", "consultations", "held_on"},
		{"/v1/joint-actions", "joint_actions", "started_on"},
		{"/v1/joint-actions?from=2023&to=2023", "joint_actions", "started_on"},
		{"/v1/agreements/" + agID + "/consultations", "consultations", "held_on"},
		{"/v1/agreements/" + agID + "/joint-actions", "joint_actions", "started_on"},
		{"/v1/organizations/changshou-cppcc/consultations", "consultations", "held_on"},
		{"/v1/organizations/changshou-cppcc/joint-actions", "joint_actions", "started_on"},
	}
	for _, c := range cases {
		items := api.allItems(c.path)
		for _, lang := range []registry.Lang{registry.Zh, registry.En} {
			sep := "?"
			if strings.Contains(c.path, "?") {
				sep = "&"
			}
			f := workbook(t, api.get(c.path+sep+"format=xlsx&lang="+string(lang)))
			sheet := registry.Text(lang, "export.sheet."+c.sheet, nil)
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatalf("%s %s: %v (sheets %v)", c.path, lang, err, f.GetSheetList())
			}
			if len(rows)-1 != len(items) {
				t.Errorf("%s %s: %d rows, want %d", c.path, lang, len(rows)-1, len(items))
				continue
			}
			col := map[string]int{}
			for i, h := range rows[0] {
				col[h] = i
			}
			title, ok := col[heading(lang, "title")]
			dateCol, ok2 := col[heading(lang, c.date)]
			if !ok || !ok2 {
				t.Fatalf("%s %s: headings %q", c.path, lang, rows[0])
			}
			for i, it := range items {
				row := append(rows[i+1], make([]string, len(rows[0]))...)
				want := it["title_zh"].(string)
				if en, _ := it["title_en"].(string); lang == registry.En && en != "" {
					want = en
				}
				if row[title] != want {
					t.Errorf("%s %s row %d: title %q, want %q", c.path, lang, i+1, row[title], want)
				}
				d, _ := it[c.date].(string)
				if row[dateCol] != d {
					t.Errorf("%s %s row %d: %s %q, want %q as stored", c.path, lang, i+1, c.date, row[dateCol], d)
				}
			}
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("%s: the heading row is not frozen: %+v %v", c.path, panes, err)
			}
		}
	}

	// Accept asks for a workbook too; Accept-Language picks its language.
	r := api.do(req{method: "GET", path: "/v1/joint-actions", header: map[string]string{"Accept": export.MediaType, "Accept-Language": "zh-CN"}})
	if rows, err := workbook(t, r).GetRows("联合履职"); err != nil || len(rows) == 0 || rows[0][0] != "标题" {
		t.Errorf("Accept: %v %v", rows, err)
	}
	if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, "%E8%81%94%E5%90%88%E5%B1%A5%E8%81%8C.xlsx") {
		t.Errorf("Chinese file name: %s", cd)
	}
	// Participants by name with their role, in the reader's language.
	rows, _ := workbook(t, api.get("/v1/agreements?format=xlsx&lang=zh")).GetRows("合作协议")
	parties := strings.Join(rows[1], "|")
	if !strings.Contains(parties, "（签署方）") {
		t.Errorf("parties with their role: %s", parties)
	}
	fndProblem(t, api.get("/v1/agreements?format=xlsx&lang=fr"), 400, "lang")
}

// annualReport fetches the annual report of changshou-cppcc for 2023.
func annualReport(t *testing.T, api *testAPI, lang registry.Lang) response {
	t.Helper()
	r := api.get("/v1/reports/annual?organization=changshou-cppcc&year=2023&lang=" + string(lang))
	expect(t, r, 200)
	return r
}

// summaryWant is every /v1/stats figure of changshou-cppcc in 2023 as the
// summary sheet should label it: "section|item" → value as text.
func summaryWant(t *testing.T, api *testAPI, lang registry.Lang) map[string]string {
	st := api.actStats("?organization=changshou-cppcc&year=2023")
	s := func(code string) string { return registry.Text(lang, "export.summary."+code, nil) }
	name := func(path string) string {
		m := api.get(path).JSON(t)
		if en, _ := m["name_en"].(string); lang == registry.En && en != "" {
			return en
		}
		return m["name_zh"].(string)
	}
	want := map[string]string{
		s("report") + "|" + s("year"):                       "2023",
		s("agreements") + "|" + s("agreements_signed"):      strconv.Itoa(st.Agreements.Signed),
		s("agreements") + "|" + s("agreements_in_force"):    strconv.Itoa(st.Agreements.InForce),
		s("consultations") + "|" + s("consultations_held"):  strconv.Itoa(st.Consultations.Held),
		s("joint_actions") + "|" + s("joint_actions_total"): strconv.Itoa(st.JointActions.Total),
	}
	for code, n := range st.Consultations.ByFormat {
		want[s("consultations_by_format")+"|"+registry.ConsultationFormats.Label(string(lang), registry.ConsultationFormat(code))] = strconv.Itoa(n)
	}
	for code, n := range st.Consultations.ByArea {
		want[s("consultations_by_area")+"|"+name("/v1/cooperation-areas/"+code)] = strconv.Itoa(n)
	}
	for code, n := range st.JointActions.ByKind {
		want[s("joint_actions_by_kind")+"|"+registry.JointActionKinds.Label(string(lang), registry.JointActionKind(code))] = strconv.Itoa(n)
	}
	for code, n := range st.JointActions.ByArea {
		want[s("joint_actions_by_area")+"|"+name("/v1/cooperation-areas/"+code)] = strconv.Itoa(n)
	}
	for code, n := range st.JointActions.ByPartnerProvince {
		want[s("partner_provinces")+"|"+name("/v1/regions/"+code)] = strconv.Itoa(n)
	}
	for kind, o := range st.Outcomes {
		v := strconv.FormatInt(o.Count, 10)
		if o.Approximate {
			v = registry.Text(lang, "export.approximately", registry.Args{"count": v})
		}
		want[s("outcomes")+"|"+registry.OutcomeKinds.Label(string(lang), registry.OutcomeKind(kind))] = v
	}
	return want
}

// checkSummary compares the summary rows (heading first) with want.
func checkSummary(t *testing.T, rows [][]string, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, r := range rows[1:] {
		if len(r) >= 3 {
			got[r[0]+"|"+r[1]] = r[2]
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("summary %s = %q, want %q (as /v1/stats says)", k, got[k], v)
		}
	}
}

// reportCounts is how many records each record sheet of the annual
// report should hold: those the lists give for the organisation and year.
func reportCounts(t *testing.T, api *testAPI) map[string]int {
	agreements := 0
	for _, a := range api.allItems("/v1/agreements?party=changshou-cppcc") {
		var rec registry.Agreement
		for field, dst := range map[string]**registry.Date{"signed_on": &rec.SignedOn, "effective_from": &rec.EffectiveFrom, "effective_to": &rec.EffectiveTo} {
			if s, ok := a[field].(string); ok {
				d, err := registry.ParseDate(s)
				if err != nil {
					t.Fatal(err)
				}
				*dst = &d
			}
		}
		if registry.AgreementOverlapsYear(rec, 2023) {
			agreements++
		}
	}
	return map[string]int{
		"agreements":    agreements,
		"consultations": len(api.allItems("/v1/consultations?party=changshou-cppcc&from=2023&to=2023")),
		"joint_actions": len(api.allItems("/v1/joint-actions?party=changshou-cppcc&from=2023&to=2023")),
	}
}

func TestAnnualReport(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	counts := reportCounts(t, api)
	if counts["joint_actions"] == 0 || counts["consultations"] == 0 {
		t.Fatalf("the demo data should give changshou-cppcc records in 2023: %v", counts)
	}
	for _, lang := range []registry.Lang{registry.Zh, registry.En} {
		r := annualReport(t, api, lang)
		f := workbook(t, r)
		sheets := []string{"summary", "agreements", "consultations", "joint_actions"}
		var names []string
		for _, s := range sheets {
			names = append(names, registry.Text(lang, "export.sheet."+s, nil))
		}
		if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(names, "|") {
			t.Fatalf("%s: sheets %q, want %q", lang, got, names)
		}
		summary, err := f.GetRows(names[0])
		if err != nil {
			t.Fatal(err)
		}
		if summary[0][0] != registry.Text(lang, "export.col.section", nil) {
			t.Errorf("%s: summary headings %q", lang, summary[0])
		}
		checkSummary(t, summary, summaryWant(t, api, lang))
		for i, s := range sheets[1:] {
			rows, err := f.GetRows(names[i+1])
			if err != nil {
				t.Fatal(err)
			}
			if len(rows)-1 != counts[s] {
				t.Errorf("%s: %s sheet has %d rows, want %d", lang, s, len(rows)-1, counts[s])
			}
			if rows[0][0] != heading(lang, "title") {
				t.Errorf("%s: %s headings %q", lang, s, rows[0])
			}
		}
		if lang == registry.Zh {
			cd := r.Header.Get("Content-Disposition")
			if !strings.Contains(cd, `filename="annual-report-changshou-cppcc-2023.xlsx"`) || !strings.Contains(cd, "%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.xlsx") {
				t.Errorf("Content-Disposition %s", cd)
			}
		}
	}

	fndProblem(t, api.get("/v1/reports/annual?organization=no-such-org&year=2023"), 404)
	fndProblem(t, api.get("/v1/reports/annual?organization=changshou-cppcc"), 400, "year")
	fndProblem(t, api.get("/v1/reports/annual?organization=changshou-cppcc&year=twenty"), 400, "year")
	fndProblem(t, api.get("/v1/reports/annual?organization=changshou-cppcc&year=20234"), 400, "year")
	fndProblem(t, api.get("/v1/reports/annual?year=2023"), 400, "organization")
}

// TestAnnualReportInLibreOffice opens the annual report with a real
// spreadsheet program: LibreOffice converts every sheet to CSV, and the
// Chinese text, the row counts and the summary figures must survive.
// Outside CI it is skipped when soffice is missing; in CI (CI=true) a
// missing soffice fails (make export-checks installs it).
func TestAnnualReportInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice is missing: CI must install libreoffice-calc-nogui (make export-checks)")
		}
		t.Skip("soffice is not installed (apt-get install libreoffice-calc-nogui, or make export-checks); skipping the LibreOffice check")
	}
	t.Parallel()
	api := newAPI(t)
	counts := reportCounts(t, api)
	dir := t.TempDir()
	in := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(in, annualReport(t, api, registry.Zh).Body, 0o600); err != nil {
		t.Fatal(err)
	}
	// 44,34,76: comma, double quote, UTF-8; the last option, -1, writes
	// every sheet to a file of its own: report-<sheet name>.csv.
	cmd := exec.Command(soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	read := func(sheet string) [][]string {
		raw, err := os.ReadFile(filepath.Join(dir, "report-"+sheet+".csv"))
		if err != nil {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("LibreOffice wrote no CSV of sheet %s: %v (%v)", sheet, err, entries)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("sheet %s: %v", sheet, err)
		}
		return rows
	}
	summary := read("概况")
	t.Logf("LibreOffice reads the summary as %q; record sheets of %v", summary, counts)
	checkSummary(t, summary, summaryWant(t, api, registry.Zh))
	for _, s := range []struct{ key, name string }{{"agreements", "合作协议"}, {"consultations", "联合协商"}, {"joint_actions", "联合履职"}} {
		rows := read(s.name)
		if len(rows)-1 != counts[s.key] {
			t.Errorf("LibreOffice reads %d rows of %s, want %d", len(rows)-1, s.name, counts[s.key])
		}
		if rows[0][0] != "标题" {
			t.Errorf("%s headings in LibreOffice: %q", s.name, rows[0])
		}
	}
	// Chinese text survives: every title the list gives is in the sheet.
	jointActions := fmt.Sprint(read("联合履职"))
	for _, it := range api.allItems("/v1/joint-actions?party=changshou-cppcc&from=2023&to=2023") {
		if title := it["title_zh"].(string); !strings.Contains(jointActions, title) {
			t.Errorf("LibreOffice lost the title %q", title)
		}
	}
}

// TestExportsFollowRenames renames an organisation and a cooperation area
// and exports right after each answer: the CSV lines and the workbooks,
// in both languages, show the new code and names, never the old ones.
func TestExportsFollowRenames(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	patch := func(path string, body map[string]any) {
		t.Helper()
		cur := api.get(path)
		expect(t, cur, 200)
		expect(t, api.do(req{method: "PATCH", path: path, key: api.Admin, body: body,
			header: map[string]string{"If-Match": cur.Header.Get("ETag")}}), 200)
	}
	cells := func(path, sheet string, lang registry.Lang) string {
		t.Helper()
		rows, err := workbook(t, api.get(path+"?format=xlsx&lang="+string(lang))).GetRows(registry.Text(lang, "export.sheet."+sheet, nil))
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, r := range rows {
			b.WriteString(strings.Join(r, "|") + "\n")
		}
		return b.String()
	}
	csvOf := func(path string) string {
		t.Helper()
		r := api.get(path + "?format=csv")
		expect(t, r, 200)
		return string(r.Body)
	}
	oldZh := "中国人民政治协商会议重庆市长寿区委员会"
	for _, path := range []string{"/v1/agreements", "/v1/joint-actions"} {
		if s := csvOf(path); !strings.Contains(s, "changshou-cppcc:") {
			t.Fatalf("%s: the demo data does not name changshou-cppcc:\n%s", path, s)
		}
	}
	if s := cells("/v1/consultations", "consultations", registry.Zh); !strings.Contains(s, oldZh) {
		t.Fatalf("the demo consultations do not name %s:\n%s", oldZh, s)
	}

	patch("/v1/organizations/changshou-cppcc", map[string]any{"code": "changshou-renamed",
		"name_zh": "长寿区政协（更名）", "name_en": "Changshou CPPCC, renamed"})
	for _, path := range []string{"/v1/agreements", "/v1/consultations", "/v1/joint-actions"} {
		if s := csvOf(path); strings.Contains(s, "changshou-cppcc:") || !strings.Contains(s, "changshou-renamed:") {
			t.Errorf("%s CSV after the rename:\n%s", path, s)
		}
	}
	for _, c := range [][2]string{{"/v1/agreements", "agreements"}, {"/v1/consultations", "consultations"}, {"/v1/joint-actions", "joint_actions"}} {
		zh, en := cells(c[0], c[1], registry.Zh), cells(c[0], c[1], registry.En)
		if strings.Contains(zh, oldZh) || !strings.Contains(zh, "长寿区政协（更名）（") {
			t.Errorf("%s workbook in Chinese after the rename:\n%s", c[0], zh)
		}
		if strings.Contains(en, "Chongqing Changshou District Committee") || !strings.Contains(en, "Changshou CPPCC, renamed (") {
			t.Errorf("%s workbook in English after the rename:\n%s", c[0], en)
		}
	}

	// A cooperation area's names are in the workbooks' area column.
	area := api.get("/v1/cooperation-areas/forest-fire-prevention").JSON(t)
	patch("/v1/cooperation-areas/forest-fire-prevention", map[string]any{"name_zh": "森林防火（改名）", "name_en": "Forest fires, renamed"})
	for _, lang := range []registry.Lang{registry.Zh, registry.En} {
		s := cells("/v1/consultations", "consultations", lang)
		old, _ := area["name_zh"].(string)
		want := "森林防火（改名）"
		if lang == registry.En {
			old, _ = area["name_en"].(string)
			want = "Forest fires, renamed"
		}
		if strings.Contains(s, "|"+old+"|") || !strings.Contains(s, "|"+want+"|") {
			t.Errorf("consultations workbook in %s after the area's rename (%q → %q):\n%s", lang, old, want, s)
		}
	}
}
