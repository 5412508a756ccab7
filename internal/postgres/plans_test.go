package postgres

import (
	"context"
	"database/sql"
	"strings"
	"testing"

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
		partyID string
		index   string
	}{
		{"newest first", registry.AgreementFilter{}, "", "agreements_order_idx|agreements_signed_stats_idx"},
		{"party", registry.AgreementFilter{}, "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", "agreement_parties_org_idx"},
		{"status", registry.AgreementFilter{Status: "in_force"}, "", "agreements_status_idx"},
		{"type", registry.AgreementFilter{Type: "framework"}, "", "agreements_type_idx"},
		{"area", registry.AgreementFilter{Area: "joint-duty"}, "", "agreement_areas_area_idx"},
		{"region", registry.AgreementFilter{Region: "510000"}, "", "agreement_parties_pkey|agreement_parties_agreement_id_organization_id_key"},
		{"signing period", registry.AgreementFilter{SignedFrom: &d2023, SignedTo: &d2023}, "", "agreements_order_idx|agreements_signed_stats_idx"},
		{"text", registry.AgreementFilter{Q: "长寿区政协"}, "", "agreements_search_idx"},
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SET enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		c.filter.Limit = 50
		q, args, err := agreementListQuery(c.filter, c.partyID)
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
