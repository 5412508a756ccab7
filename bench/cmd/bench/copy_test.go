package main

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestExportCopySQL checks that the COPY ceiling's statement takes no
// parameters (COPY cannot), keeps the export's filter and order and has
// no effective limit.
func TestExportCopySQL(t *testing.T) {
	q, err := exportCopySQL()
	if err != nil {
		t.Fatal(err)
	}
	if regexp.MustCompile(`\$[0-9]`).MatchString(q) {
		t.Errorf("a parameter is left in %s", q)
	}
	for _, want := range []string{"export_csv", "2023-01-01", "2023-12-31", "archived_at IS NULL", "ORDER BY", "LIMIT 2147483647"} {
		if !strings.Contains(q, want) {
			t.Errorf("no %q in %s", want, q)
		}
	}
}

// TestCopyOutput feeds psql's output in pieces and checks the rows (the
// lines but the timing line) and the time it reported.
func TestCopyOutput(t *testing.T) {
	for _, tc := range []struct {
		out  string
		rows int
		d    time.Duration
	}{
		{"1\tx\n2\ty\n3\tz\nTime: 61.500 ms\n", 3, 61500 * time.Microsecond},
		{strings.Repeat(`{"a":"`+strings.Repeat("字", 600)+`"}`+"\n", 40) + "Time: 1307.168 ms (00:01.307)\n", 40, 1307168 * time.Microsecond},
	} {
		var c copyOutput
		for i := 0; i < len(tc.out); i += 1000 {
			_, _ = c.Write([]byte(tc.out[i:min(i+1000, len(tc.out))]))
		}
		d, err := c.timing()
		if err != nil || c.lines-1 != tc.rows || d != tc.d {
			t.Errorf("rows %d, time %s, %v; want %d, %s", c.lines-1, d, err, tc.rows, tc.d)
		}
	}
	var c copyOutput
	_, _ = c.Write([]byte("1\n2\n"))
	if _, err := c.timing(); err == nil {
		t.Error("no timing line: no error")
	}
}

func TestCaseKey(t *testing.T) {
	if a, b := caseKey("GET /v1/agreements/{id}/timeline?limit=50 (500 milestones)"),
		caseKey("GET /v1/agreements/{id}/timeline?limit=50 (1000 milestones)"); a != b {
		t.Errorf("%q != %q", a, b)
	}
}
