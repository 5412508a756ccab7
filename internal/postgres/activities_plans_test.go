package postgres

import (
	"context"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/registry"
)

// TestActivityQueryPlans shows the plan of each filter of the consultation
// and joint-action lists and fails when the index that serves it is not
// used (sequential scans off, as in TestAgreementQueryPlans).
func TestActivityQueryPlans(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	d2023, _ := registry.ParseDate("2023")
	party := "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"
	other := "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e60"
	type plan struct {
		name    string
		filter  registry.ActivityFilter
		parties []string
		index   string // %s: consultation(s) or joint_action(s)
	}
	cases := []plan{
		{"newest first", registry.ActivityFilter{}, nil, "%ss_order_idx"},
		{"party", registry.ActivityFilter{}, []string{party}, "%s_participants_order_idx"},
		// Every party took part: the first one's rows give the order, the
		// others are looked up by the unique key (record, organisation).
		{"two parties", registry.ActivityFilter{}, []string{party, other}, "%s_participants_order_idx"},
		{"region", registry.ActivityFilter{Region: "510000"}, nil, "%s_participants_organization_key"},
		{"agreement", registry.ActivityFilter{Agreement: party}, nil, "%ss_agreement_idx"},
		{"area", registry.ActivityFilter{Area: "ecology"}, nil, "%ss_area_idx"},
		{"status", registry.ActivityFilter{Status: "planned"}, nil, "%ss_status_idx"},
		{"period", registry.ActivityFilter{From: &d2023, To: &d2023}, nil, "%ss_period_idx"},
		{"text", registry.ActivityFilter{Q: "森林防灭火"}, nil, "%ss_search_idx"},
	}
	conn := planConn(t, s, `SET enable_seqscan = off`)
	check := func(kind string, extra plan, listQuery func(registry.ActivityFilter, []string) (string, []any, error)) {
		for _, c := range append(cases, extra) {
			c.filter.Limit = 50
			q, args, err := listQuery(c.filter, c.parties)
			if err != nil {
				t.Fatal(err)
			}
			index := strings.ReplaceAll(c.index, "%s", kind)
			p := explain(t, ctx, conn, q, args)
			t.Logf("%s %s:\n%s", kind, c.name, p)
			if !strings.Contains(p, index) || strings.Contains(p, "Seq Scan") {
				t.Errorf("%s %s: plan does not use %s, or scans a table whole:\n%s", kind, c.name, index, p)
			}
		}
	}
	check("consultation", plan{"format", registry.ActivityFilter{Kind: "meeting"}, nil, "consultations_format_idx"}, consultationKind.listQuery)
	check("joint_action", plan{"kind", registry.ActivityFilter{Kind: "exhibition"}, nil, "joint_actions_kind_idx"}, jointActionKind.listQuery)
	// The export pages (CSV and Excel) are the same statements reading one
	// stored column: every filter keeps its index.
	for _, col := range []exportColumn{exportCSV, exportZh, exportEn} {
		check("consultation", plan{"format", registry.ActivityFilter{Kind: "meeting"}, nil, "consultations_format_idx"},
			func(f registry.ActivityFilter, parties []string) (string, []any, error) {
				return consultationKind.listQueryOf(consultationForms.exportSelect(col), f, parties)
			})
		check("joint_action", plan{"kind", registry.ActivityFilter{Kind: "exhibition"}, nil, "joint_actions_kind_idx"},
			func(f registry.ActivityFilter, parties []string) (string, []any, error) {
				if col == exportCSV {
					st, args, err := JointActionCSVList(f, parties)
					return st.SQL, args, err
				}
				return jointActionKind.listQueryOf(jointActionForms.exportSelect(col), f, parties)
			})
	}
}

// TestDateRangePagePlan: a page of a date range over every record (a
// year's list or export) finds its ids in the order index alone, which
// holds each record's period and archived_at (migration 0019), and then
// fetches only the rows of the page by id: at the start of the range, in
// the middle, and past its start, where the records that still overlap it
// lie among many that ended before it. The records start over ten years
// and last up to 480 days; the tables are vacuumed, as autovacuum keeps a
// registry's older rows. The pages are of 50, and sequential and bitmap
// scans are off: on 20,000 rows the planner would read a year whole, and
// the question is whether the index alone can find the page. (On the
// benchmark's 100,000 and 1,000,000 joint actions the planner chooses this
// plan by itself, for pages of 50 and for the exports' pages of 2,000.)
func TestDateRangePagePlan(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	const seed = `
INSERT INTO joint_actions (id, title_zh, status, started_on, started_on_last, started_on_precision, ended_on, ended_on_last, ended_on_precision)
SELECT md5('j' || i)::uuid, '联合履职' || i, 'completed', d, d, 3, d + (i * 37 % 480), d + (i * 37 % 480), 3
FROM generate_series(1, 20000) i, LATERAL (SELECT date '2015-01-01' + (i * 7 % 3650)) AS x(d);
INSERT INTO consultations (id, title_zh, format, status, held_on, held_on_last, held_on_precision)
SELECT md5('c' || i)::uuid, '协商' || i, 'meeting', 'held', d, d, 3
FROM generate_series(1, 20000) i, LATERAL (SELECT date '2015-01-01' + (i * 7 % 3650)) AS x(d);`
	if _, err := s.db.Exec(seed); err != nil {
		t.Fatalf("seed: %v", err)
	}
	if _, err := s.db.Exec(`VACUUM ANALYZE joint_actions, consultations`); err != nil {
		t.Fatal(err)
	}
	d2023, _ := registry.ParseDate("2023")
	conn := planConn(t, s, `SET enable_seqscan = off; SET enable_bitmapscan = off`)
	for _, cursor := range []string{"", encodeCursor("2023-07-01", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
		encodeCursor("2022-12-31", "ffffffff-ffff-ffff-ffff-ffffffffffff")} {
		f := registry.ActivityFilter{From: &d2023, To: &d2023, Cursor: cursor, Limit: 50}
		for _, c := range []struct {
			kind  string
			query func() (string, []any, error)
		}{
			{"joint_actions", func() (string, []any, error) {
				return jointActionKind.listQueryOf(jointActionForms.exportSelect(exportCSV), f, nil)
			}},
			{"joint_actions", func() (string, []any, error) {
				return jointActionKind.listQueryOf(jointActionForms.jsonSelect, f, nil)
			}},
			{"consultations", func() (string, []any, error) {
				return consultationKind.listQueryOf(consultationForms.exportSelect(exportZh), f, nil)
			}},
		} {
			q, args, err := c.query()
			if err != nil {
				t.Fatal(err)
			}
			p := explain(t, ctx, conn, q, args)
			t.Logf("%s, cursor %q:\n%s", c.kind, cursor, p)
			if !strings.Contains(p, "Index Only Scan using "+c.kind+"_order_idx") || !strings.Contains(p, "Nested Loop") ||
				!strings.Contains(p, "Index Scan using "+c.kind+"_pkey") || strings.Contains(p, "Seq Scan") {
				t.Errorf("%s, cursor %q: the page's ids are not found in the order index alone, or its rows not by id:\n%s", c.kind, cursor, p)
			}
		}
	}
}
