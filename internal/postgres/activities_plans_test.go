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
