package console_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestDownloadsShowWhatTheListShows: the CSV and Excel downloads of a
// filtered list hold exactly its records, with Chinese headings and names.
func TestDownloadsShowWhatTheListShows(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.browser()
	const query = "?party=changshou-cppcc&party=pengzhou-cppcc"
	status, body, h := e.get(c, "/console/joint-actions/download"+query+"&format=xlsx")
	if status != 200 || !strings.Contains(h.Get("Content-Disposition"), ".xlsx") {
		t.Fatalf("excel download: %d %v", status, h)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	// The demo's joint actions name Changshou but none names Pengzhou: a
	// heading row and nothing else.
	if len(rows) != 1 || rows[0][0] != "标题" {
		t.Fatalf("Changshou and Pengzhou together: rows %q", rows)
	}
	status, body, _ = e.get(c, "/console/joint-actions/download?party=changshou-cppcc&format=xlsx")
	if status != 200 {
		t.Fatalf("excel download: %d", status)
	}
	f, err = excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ = f.GetRows(f.GetSheetList()[0])
	_, csvBody, _ := e.get(c, "/console/joint-actions/download?party=changshou-cppcc")
	csvRows := strings.Count(strings.TrimSpace(csvBody), "\n") + 1
	if len(rows) != 4 || csvRows != len(rows) || !strings.Contains(rows[1][0]+rows[2][0]+rows[3][0], "书画联展") {
		t.Fatalf("Changshou's joint actions: %d workbook rows, %d CSV rows: %q", len(rows), csvRows, rows)
	}
}

// TestReportDownloadIsTheAnnualWorkbook: the report page's Excel link
// answers the annual workbook, its summary first.
func TestReportDownloadIsTheAnnualWorkbook(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.browser()
	status, page, _ := e.get(c, "/console/report?organization=changshou-cppcc&year=2023")
	if status != 200 || !strings.Contains(page, "/console/report/download?organization=changshou-cppcc&amp;year=2023") {
		t.Fatalf("report page %d without its Excel link", status)
	}
	status, body, h := e.get(c, "/console/report/download?organization=changshou-cppcc&year=2023")
	if status != 200 || !strings.Contains(h.Get("Content-Disposition"), "filename*=UTF-8''") {
		t.Fatalf("report workbook: %d %v", status, h)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	if sheets := f.GetSheetList(); len(sheets) != 4 || sheets[0] != "概况" {
		t.Fatalf("sheets %q, want the summary and three record sheets", sheets)
	}
	if status, _, _ := e.get(c, "/console/report/download?organization=nobody-here&year=2023"); status != 404 {
		t.Fatalf("unknown organisation: %d", status)
	}
}
