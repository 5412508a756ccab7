package postgres

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// TestAgreementQueryPlans shows the plan of each main agreement query and
// fails when the index that serves a filter is no longer used, so that a
// regression is visible. Sequential scans are disabled: the tables of a
// test database are tiny, and the question is whether an index can serve
// the query, not which plan a tiny table deserves.
func TestAgreementQueryPlans(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	seedAgreementsForPlans(t, s)
	d2023, _ := registry.ParseDate("2023")
	cases := []struct {
		name    string
		filter  registry.AgreementFilter
		parties []string
		index   string
	}{
		{"newest first", registry.AgreementFilter{}, nil, "agreements_order_idx|agreements_signed_stats_idx"},
		{"party", registry.AgreementFilter{}, []string{"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"}, "agreement_parties_org_idx"},
		{"two parties", registry.AgreementFilter{}, []string{"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e60"}, "agreement_parties_org_idx"},
		{"status", registry.AgreementFilter{Status: "in_force"}, nil, "agreements_status_idx"},
		{"type", registry.AgreementFilter{Type: "framework"}, nil, "agreements_type_idx"},
		{"area", registry.AgreementFilter{Area: "joint-duty"}, nil, "agreement_areas_area_idx"},
		{"region", registry.AgreementFilter{Region: "510000"}, nil, "agreement_parties_pkey|agreement_parties_agreement_id_organization_id_key"},
		{"signing period", registry.AgreementFilter{SignedFrom: &d2023, SignedTo: &d2023}, nil, "agreements_order_idx|agreements_signed_stats_idx"},
		{"text", registry.AgreementFilter{Q: "长寿区政协"}, nil, "agreements_search_idx"},
	}
	conn := planConn(t, s, `SET enable_seqscan = off`)
	// Each case also as an export page (the same statement reading the
	// stored CSV line), which must keep the same index.
	for i, n := 0, len(cases); i < n; i++ {
		c := cases[i]
		c.name += " (export)"
		c.filter.Cursor = "export" // a marker: replaced below
		cases = append(cases, c)
	}
	for _, c := range cases {
		c.filter.Limit = 50
		sel := agreementSelect
		if c.filter.Cursor == "export" {
			sel, c.filter.Cursor = agreementForms.exportSelect(exportCSV), ""
		}
		q, args, err := agreementListQueryOf(sel, c.filter, c.parties)
		if err != nil {
			t.Fatal(err)
		}
		plan := explain(t, ctx, conn, q, args)
		t.Logf("%s:\n%s", c.name, plan)
		if !usesOneOf(plan, strings.Split(c.index, "|")) || strings.Contains(plan, "Seq Scan") {
			t.Errorf("%s: plan does not use %s, or scans a table whole:\n%s", c.name, c.index, plan)
		}
	}
}

// planConn is a connection of s with settings applied (typically
// sequential scans off: the tables of a test database are tiny, and the
// question is whether an index can serve a query), closed with the test.
func planConn(t *testing.T, s *Store, settings string) *sql.Conn {
	t.Helper()
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.ExecContext(ctx, settings); err != nil {
		t.Fatal(err)
	}
	return conn
}

func explain(t *testing.T, ctx context.Context, conn *sql.Conn, q string, args []any) string {
	t.Helper()
	rows, err := conn.QueryContext(ctx, `EXPLAIN `+q, args...)
	if err != nil {
		t.Fatalf("explain: %v", err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

func usesOneOf(plan string, indexes []string) bool {
	for _, ix := range indexes {
		if strings.Contains(plan, ix) {
			return true
		}
	}
	return false
}

// seedAgreementsForPlans writes a few thousand agreements with parties and
// areas and analyses the tables, so that the planner chooses among indexes
// with statistics like a real registry's rather than those of empty tables.
// The area and the text the cases look for are rare (1 in 100), as the
// selective filters of a real registry are.
func seedAgreementsForPlans(t *testing.T, s *Store) {
	t.Helper()
	const seed = `
INSERT INTO organizations (id, code, kind, name_zh, region_code)
SELECT md5('o' || i)::uuid, 'org-' || i, 'cppcc_committee', '组织' || i,
       (SELECT code FROM regions WHERE level = 'county' ORDER BY code OFFSET i % 200 LIMIT 1)
FROM generate_series(1, 60) i;
INSERT INTO agreements (id, title_zh, summary_zh, type, status, signed_on, signed_on_last, signed_on_precision)
SELECT md5('a' || i)::uuid, '合作协议' || i, CASE WHEN i % 100 = 0 THEN '围绕长寿区政协与各地政协的交流合作' ELSE '交流合作' END || i,
       (ARRAY['framework','friendship','cooperation','memorandum'])[1 + i % 4],
       (ARRAY['draft','signed','in_force','suspended','expired','terminated'])[1 + i % 6],
       d, d, 3
FROM generate_series(1, 20000) i, LATERAL (SELECT date '2015-01-01' + (i * 7 % 3650)) AS x(d);
INSERT INTO agreement_parties (agreement_id, position, organization_id, role)
SELECT md5('a' || i)::uuid, p, md5('o' || (1 + (i + p * 7) % 60))::uuid, 'signatory'
FROM generate_series(1, 20000) i, generate_series(0, 1) p;
INSERT INTO agreement_areas (agreement_id, position, area_code, label_zh)
SELECT md5('a' || i)::uuid, 0, CASE WHEN i % 100 = 0 THEN 'joint-duty' ELSE (ARRAY['culture-tourism','ecology','industry','transport'])[1 + i % 4] END, '领域'
FROM generate_series(1, 20000) i;
ANALYZE;`
	if _, err := s.db.Exec(seed); err != nil {
		t.Fatalf("seed: %v", err)
	}
}

// TestAgreementStatsPlan shows the plan of the agreement figures of
// /v1/stats, which are counted from the records, and fails when the
// agreements signed in the year are no longer read from their narrow
// index or a table of records is scanned whole: for everyone, for an
// organisation and for a region. (The partner provinces walk the 244 rows
// of the regions reference table through the region_provinces view, as the
// joint-action figure does; that scan is the view's, not the records'.)
func TestAgreementStatsPlan(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	seedAgreementsForPlans(t, s)
	// Vacuumed, as autovacuum keeps a table in service: the visibility map
	// is what lets an index alone answer.
	if _, err := s.db.Exec(`VACUUM ANALYZE agreements, agreement_areas, agreement_parties`); err != nil {
		t.Fatal(err)
	}
	conn := planConn(t, s, `SET enable_seqscan = off`)
	first := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	var none sql.NullString
	org := sql.NullString{String: "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", Valid: true}
	region := sql.NullString{String: "510000", Valid: true}
	for _, c := range []struct {
		name        string
		org, region sql.NullString
	}{{"everyone", none, none}, {"organisation", org, none}, {"region", none, region}} {
		plan := explain(t, ctx, conn, statsAgreements, []any{first, first.AddDate(1, 0, -1), c.org, c.region, none})
		t.Logf("%s:\n%s", c.name, plan)
		records := strings.ReplaceAll(plan, "Seq Scan on regions ", "")
		if !strings.Contains(plan, "agreements_signed_stats_idx") || strings.Contains(records, "Seq Scan") {
			t.Errorf("%s: plan does not use agreements_signed_stats_idx, or scans a table whole:\n%s", c.name, plan)
		}
	}
}

// TestTimelinePlan: each large kind of event of an agreement's timeline is
// read through its timeline index in the page's order and cut at the
// page (a Limit over an index scan), on the first page and after a key,
// so that a page does not read every event of a busy agreement.
func TestTimelinePlan(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	conn := planConn(t, s, `SET enable_seqscan = off; SET enable_bitmapscan = off`)
	id := "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	for name, q := range map[string]struct {
		sql  string
		args []any
	}{
		"first page":  {timelineFirstSQL, []any{id, 51}},
		"after a key": {timelineAfterSQL, []any{id, at, 6, "", 51}},
	} {
		plan := explain(t, ctx, conn, q.sql, q.args)
		t.Logf("%s:\n%s", name, plan)
		for _, index := range []string{"consultations_timeline_idx", "joint_actions_timeline_idx", "milestones_due_timeline_idx",
			"milestones_done_timeline_idx", "files_timeline_idx"} {
			if !strings.Contains(plan, "Index Scan using "+index) {
				t.Errorf("%s: the plan does not read %s in order:\n%s", name, index, plan)
			}
		}
		if !strings.Contains(plan, "Merge Append") {
			t.Errorf("%s: the branches are not merged in order (no Merge Append):\n%s", name, plan)
		}
	}
}

// seedMilestonesForPlans adds 20,000 milestones to the agreements of
// seedAgreementsForPlans, due over ten years, a quarter of them done, and
// vacuums them so that an index-only scan is possible.
func seedMilestonesForPlans(t *testing.T, s *Store) {
	t.Helper()
	const seed = `
INSERT INTO milestones (id, agreement_id, title_zh, due_on, due_on_last, due_on_precision, status, done_on, done_on_last, done_on_precision)
SELECT md5('m' || i)::uuid, md5('a' || (1 + i % 20000))::uuid, '里程碑',
	date '2016-01-01' + (i % 3650), date '2016-01-01' + (i % 3650), 3,
	CASE WHEN i % 4 = 0 THEN 'done' ELSE 'open' END,
	CASE WHEN i % 4 = 0 THEN date '2016-01-01' + (i % 3650) + 30 END,
	CASE WHEN i % 4 = 0 THEN date '2016-01-01' + (i % 3650) + 30 END,
	CASE WHEN i % 4 = 0 THEN 3 END
FROM generate_series(1, 20000) i`
	if _, err := s.db.Exec(seed); err != nil {
		t.Fatalf("seed milestones: %v", err)
	}
	if _, err := s.db.Exec(RebuildMilestonePartiesSQL); err != nil {
		t.Fatalf("milestone parties: %v", err)
	}
	if _, err := s.db.Exec(`VACUUM ANALYZE milestones, agreements, milestone_parties`); err != nil {
		t.Fatalf("vacuum: %v", err)
	}
}

// TestMilestoneStatsPlan: the milestone figures of /v1/stats read the
// year's milestones as two index ranges (by due date and by the day
// done) and no table of records whole — they once scanned every
// milestone and every (wide) agreement row for each request.
func TestMilestoneStatsPlan(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	seedAgreementsForPlans(t, s)
	seedMilestonesForPlans(t, s)
	conn := planConn(t, s, `SET enable_seqscan = off`)
	first := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	today := time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)
	var none sql.NullString
	org := sql.NullString{String: "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", Valid: true}
	for _, c := range []struct {
		name string
		org  sql.NullString
	}{{"everyone", none}, {"organisation", org}} {
		plan := explain(t, ctx, conn, statsMilestones, []any{first, first.AddDate(1, 0, -1), c.org, none, none, today})
		t.Logf("%s:\n%s", c.name, plan)
		for _, index := range []string{"milestones_due_stats_idx", "milestones_done_stats_idx"} {
			if !strings.Contains(plan, index) {
				t.Errorf("%s: the plan does not read the year's milestones through %s:\n%s", c.name, index, plan)
			}
		}
		if strings.Contains(strings.ReplaceAll(plan, "Seq Scan on regions ", ""), "Seq Scan") {
			t.Errorf("%s: the plan scans a table whole:\n%s", c.name, plan)
		}
	}
}

// TestOverdueMilestonesPlan: a page of a party's overdue milestones is
// chosen by an index-only range of milestone_parties_order_idx (the
// party's milestones in due order, with what the filter reads) and cut at
// the page before the rows' links and parties are read; no table is
// scanned whole. The walk over every open milestone it replaced took
// 4 ms a page on the benchmark data set.
func TestOverdueMilestonesPlan(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	seedAgreementsForPlans(t, s)
	seedMilestonesForPlans(t, s)
	party := "f1584b99-5a47-7098-6ad7-5bb8d29e9734" // md5('o1'): a party of 1 in 30 agreements
	f := registry.MilestoneFilter{Overdue: true, Today: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Limit: 50}
	st, args, err := milestoneListQuery(f, party, "")
	if err != nil {
		t.Fatal(err)
	}
	if !st.Prepared {
		t.Error("a party's page is not prepared")
	}
	// The store prepares it, so PostgreSQL soon runs it on a generic plan:
	// that plan must be the same range.
	for _, mode := range []string{"custom", "generic"} {
		conn := planConn(t, s, `SET enable_seqscan = off; SET plan_cache_mode = force_`+mode+`_plan`)
		plan := explain(t, ctx, conn, st.SQL, args)
		t.Logf("%s:\n%s", mode, plan)
		limit, sub := strings.Index(plan, "Limit"), strings.Index(plan, "SubPlan")
		if !strings.Contains(plan, "Index Only Scan using milestone_parties_order_idx") || strings.Contains(plan, "Seq Scan") ||
			limit < 0 || sub < 0 || sub < limit {
			t.Errorf("%s plan: the page is not chosen through an index and cut before its links and parties are read:\n%s", mode, plan)
		}
	}
}

// TestStatsRollupPlan: /v1/stats for everyone or an organisation reads
// three ranges of the running sums' primary key and nothing else (before
// migration 0018 it counted the year's agreements and milestones, and its
// median grew fivefold from the benchmark's scale 0.1 to 1); an agreement
// write that moves its milestones' share reads them through the
// agreement's index, not every milestone.
func TestStatsRollupPlan(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	seedAgreementsForPlans(t, s)
	seedMilestonesForPlans(t, s)
	if _, err := s.db.Exec(RebuildStatsSQL); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`VACUUM ANALYZE stats_rollup`); err != nil {
		t.Fatal(err)
	}
	conn := planConn(t, s, `SET enable_seqscan = off`)
	for _, scope := range []string{"all", "org:0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"} {
		plan := explain(t, ctx, conn, statsFromRollupSQL, []any{2023, scope, "2023-07-01"})
		t.Logf("%s:\n%s", scope, plan)
		if n := strings.Count(plan, "stats_rollup_pkey"); n < 3 || strings.Contains(plan, "Seq Scan") {
			t.Errorf("%s: the plan does not read ranges of stats_rollup_pkey alone:\n%s", scope, plan)
		}
	}
	plan := explain(t, ctx, conn, applyMilestoneStatsSQL, []any{"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", -1})
	t.Logf("milestones of an agreement:\n%s", plan)
	if !strings.Contains(plan, "milestones_agreement_idx") || strings.Contains(plan, "Seq Scan on milestones") {
		t.Errorf("the milestones of an agreement are not read through milestones_agreement_idx:\n%s", plan)
	}
}
