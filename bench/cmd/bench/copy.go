package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math"
	"net/url"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"

	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/registry"
)

// The export cases measured against COPY of the same rows.
const (
	csvExportName  = "GET /v1/joint-actions?from=2023&to=2023&format=csv"
	xlsxExportName = "GET /v1/joint-actions?from=2023&to=2023&format=xlsx"
)

// exportCopySQL is the SELECT whose COPY … TO STDOUT is the ceiling of the
// CSV and Excel exports: the rows the exports read, the joint actions of
// 2023 (not archived), in the export's keyset order, each as its stored
// export line with its keyset columns, all at once.
//
// It is the statement of the CSV export's pages
// (postgres.JointActionCSVList: the list's keyset statement reading each
// row's stored CSV line) with the export's filter and no effective limit,
// its arguments written into the text, as COPY takes none. The Excel
// export reads the stored cells of the same rows by the same statement.
func exportCopySQL() (string, error) {
	y2023, err := registry.ParseDate("2023")
	if err != nil {
		return "", err
	}
	f := registry.ActivityFilter{From: &y2023, To: &y2023, Limit: math.MaxInt32 - 1}
	st, args, err := postgres.JointActionCSVList(f, nil)
	if err != nil {
		return "", err
	}
	return inlineArgs(st.SQL, args)
}

// inlineArgs writes each argument into the statement as an SQL literal in
// place of its $n.
func inlineArgs(q string, args []any) (string, error) {
	for i := len(args); i >= 1; i-- {
		lit, err := literal(args[i-1])
		if err != nil {
			return "", fmt.Errorf("argument $%d: %w", i, err)
		}
		q = strings.ReplaceAll(q, "$"+strconv.Itoa(i), lit)
	}
	return q, nil
}

// literal is an argument as an SQL literal, in the text lib/pq sends for it.
func literal(v any) (string, error) {
	switch a := v.(type) {
	case nil:
		return "NULL", nil
	case string:
		return pq.QuoteLiteral(a), nil
	case int:
		return strconv.Itoa(a), nil
	case int64:
		return strconv.FormatInt(a, 10), nil
	case bool:
		return strconv.FormatBool(a), nil
	case time.Time:
		return pq.QuoteLiteral(string(pq.FormatTimestamp(a))), nil
	case sql.NullTime:
		if !a.Valid {
			return "NULL", nil
		}
		return pq.QuoteLiteral(string(pq.FormatTimestamp(a.Time))), nil
	}
	return "", fmt.Errorf("no SQL literal for %T", v)
}

// copyRate runs COPY (exportCopySQL) TO STDOUT through psql, which writes
// the rows without decoding them into a counter of lines (COPY's text
// format writes one line a row), and returns the rows and rows per second,
// timed by psql itself (\timing), so that starting psql and connecting are
// not counted: the export's server has its connections open already.
func (e *env) copyRate(ctx context.Context) (rows int, perSec float64, err error) {
	q, err := exportCopySQL()
	if err != nil {
		return 0, 0, err
	}
	u, err := url.Parse(e.ceilingDB())
	if err != nil {
		return 0, 0, err
	}
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	var out copyOutput
	cmd := exec.CommandContext(ctx, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", u.Hostname(), "-p", port,
		"-U", u.User.Username(), "-d", strings.TrimPrefix(u.Path, "/"), "-c", `\timing on`, "-c", "COPY ("+q+") TO STDOUT")
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("psql COPY: %w\n%s", err, stderr.String())
	}
	d, err := out.timing()
	if err != nil {
		return 0, 0, err
	}
	rows = out.lines - 1 // the timing line
	return rows, float64(rows) / d.Seconds(), nil
}

// copyOutput counts the lines written to it and keeps only its tail, where
// psql writes "Time: 61.500 ms".
type copyOutput struct {
	lines int
	tail  []byte
}

func (c *copyOutput) Write(p []byte) (int, error) {
	c.lines += bytes.Count(p, []byte{'\n'})
	c.tail = append(c.tail, p...)
	if len(c.tail) > 4096 {
		c.tail = append(c.tail[:0], c.tail[len(c.tail)-256:]...)
	}
	return len(p), nil
}

var timingPattern = regexp.MustCompile(`(?m)^Time: ([0-9.]+) ms`)

// timing is the time psql reported for the COPY.
func (c *copyOutput) timing() (time.Duration, error) {
	m := timingPattern.FindAllSubmatch(c.tail, -1)
	if m == nil {
		return 0, fmt.Errorf("psql COPY: no timing in its output: %q", c.tail)
	}
	v, err := strconv.ParseFloat(string(m[len(m)-1][1]), 64)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("psql COPY: timing %q", m[len(m)-1][1])
	}
	return time.Duration(v * float64(time.Millisecond)), nil
}

// copyRatio is an export's rows per second over the mean of COPY's.
func (r caseResult) copyRatio() float64 {
	mean := (r.copyBefore + r.copyAfter) / 2
	if mean == 0 || r.load.Elapsed == 0 {
		return 0
	}
	return float64(r.exportRows) / r.load.Elapsed.Seconds() / mean
}
