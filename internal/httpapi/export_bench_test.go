package httpapi_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chengyu-collab/registry/bench/gen"
	"github.com/chengyu-collab/registry/internal/httpapi"
	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/postgres/pgtest"
	"github.com/chengyu-collab/registry/internal/registry"
)

// BenchmarkJointActionCSVExport measures the CSV export of 20,000 joint
// actions in rows per second: "copy", the ceiling, is psql running
// COPY (postgres.JointActionCSVList for every row) TO STDOUT; "stored" reads
// the stored lines page by page through the Service, as the handler does;
// "http" is GET /v1/joint-actions?format=csv over HTTP; "structured" is
// the code path exports had before the rows were stored (structured pages,
// cells and CSV encoding in Go). Run it with -benchtime=3x or so: every
// iteration exports every row.
func BenchmarkJointActionCSVExport(b *testing.B) {
	const rows = 20000
	store, dsn := pgtest.New(b)
	ctx := context.Background()
	sizes := gen.Sizes{Organizations: 100, Agreements: 200, Consultations: 200, JointActions: rows, Milestones: 10, Busy: 1}
	if err := gen.Load(ctx, store.DB(), 1, sizes, func(string) {}); err != nil {
		b.Fatal(err)
	}
	if err := store.RebuildReadForms(ctx, false, nil); err != nil {
		b.Fatal(err)
	}
	if _, err := store.DB().Exec(`VACUUM ANALYZE joint_actions`); err != nil {
		b.Fatal(err)
	}
	svc := registry.NewService(store, nil)
	perSecond := func(b *testing.B, n int, start time.Time) {
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "rows/s")
	}
	b.Run("copy", func(b *testing.B) {
		st, args, err := postgres.JointActionCSVList(registry.ActivityFilter{Limit: rows}, nil)
		if err != nil {
			b.Fatal(err)
		}
		q := st.SQL
		for i := len(args); i >= 1; i-- { // inline the arguments (numbers only here)
			q = strings.ReplaceAll(q, "$"+strconv.Itoa(i), strconv.Itoa(args[i-1].(int)))
		}
		if testing.Verbose() {
			plan, _ := exec.Command("psql", "-X", "-q", "-d", dsn, "-c", "EXPLAIN (ANALYZE, BUFFERS) "+q).CombinedOutput()
			b.Logf("the export statement:\n%s", plan)
		}
		n, start := 0, time.Now()
		for b.Loop() {
			out, err := exec.Command("psql", "-X", "-q", "-d", dsn, "-c", "COPY ("+q+") TO STDOUT").Output()
			if err != nil {
				b.Fatal(err)
			}
			n += bytes.Count(out, []byte("\n"))
		}
		perSecond(b, n, start)
	})
	b.Run("stored", func(b *testing.B) {
		n, start := 0, time.Now()
		for b.Loop() {
			f := registry.ActivityFilter{Limit: 500}
			for {
				p, err := svc.ListJointActionsCSV(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				for _, line := range p.Items {
					_, _ = io.Discard.Write(line)
				}
				n += len(p.Items)
				if f.Cursor = p.Next; f.Cursor == "" {
					break
				}
			}
		}
		perSecond(b, n, start)
	})
	b.Run("http", func(b *testing.B) {
		srv := httptest.NewServer(httpapi.NewHandler(httpapi.Deps{Store: store}))
		defer srv.Close()
		n, start := 0, time.Now()
		for b.Loop() {
			resp, err := http.Get(srv.URL + "/v1/joint-actions?format=csv")
			if err != nil {
				b.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != 200 {
				b.Fatalf("%d %v", resp.StatusCode, err)
			}
			n += bytes.Count(body, []byte("\n")) - 1 // the header
		}
		perSecond(b, n, start)
	})
	b.Run("structured", func(b *testing.B) {
		n, start := 0, time.Now()
		for b.Loop() {
			w := csv.NewWriter(io.Discard)
			f := registry.ActivityFilter{Limit: 500}
			for {
				p, err := svc.ListJointActions(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				for _, j := range p.Items {
					row := registry.JointActionCSV(j)
					for i := range row {
						row[i] = registry.CSVSafe(row[i])
					}
					_ = w.Write(row)
				}
				w.Flush()
				n += len(p.Items)
				if f.Cursor = p.Next; f.Cursor == "" {
					break
				}
			}
		}
		perSecond(b, n, start)
	})
}
