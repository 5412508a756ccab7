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
	d2023, _ := registry.ParseDate("2023")
	cases := []struct {
		name    string
		filter  registry.AgreementFilter
		partyID string
		index   string
	}{
		{"newest first", registry.AgreementFilter{}, "", "agreements_order_idx"},
		{"party", registry.AgreementFilter{}, "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", "agreement_parties_org_idx"},
		{"status", registry.AgreementFilter{Status: "in_force"}, "", "agreements_status_idx"},
		{"type", registry.AgreementFilter{Type: "framework"}, "", "agreements_type_idx"},
		{"area", registry.AgreementFilter{Area: "culture-tourism"}, "", "agreement_areas_area_idx"},
		{"region", registry.AgreementFilter{Region: "510000"}, "", "agreement_parties_agreement_id_organization_id_key"},
		{"signing period", registry.AgreementFilter{SignedFrom: &d2023, SignedTo: &d2023}, "", "agreements_order_idx"},
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
		if !strings.Contains(plan, c.index) || strings.Contains(plan, "Seq Scan") {
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
