package postgres_test

import (
	"context"
	"regexp"
	"slices"
	"testing"

	"github.com/chengyu-collab/registry/internal/postgres/pgtest"
	"github.com/chengyu-collab/registry/internal/registry"
)

// enumColumns names the columns that store each enum of the domain.
var enumColumns = map[string][]string{
	"agreement_type":      {"agreements.type"},
	"agreement_status":    {"agreements.status"},
	"party_role":          {"agreement_parties.role"},
	"mechanism_kind":      {"agreement_mechanisms.kind"},
	"document_kind":       {"agreement_documents.kind"},
	"consultation_format": {"consultations.format"},
	"consultation_status": {"consultations.status"},
	"consultation_role":   {"consultation_participants.role"},
	"joint_action_kind":   {"joint_actions.kind"},
	"joint_action_status": {"joint_actions.status"},
	"joint_action_role":   {"joint_action_participants.role"},
	"outcome_kind":        {"consultation_outcomes.kind", "joint_action_outcomes.kind"},
	"organization_kind":   {"organizations.kind"},
	"role":                {"api_keys.role"},
	"region_level":        {"regions.level"},
	"audit_action":        {"audit_log.action"},
	"audit_entity":        {"audit_log.entity"},
	"relation_kind":       {"agreement_relations.kind"},
	"milestone_status":    {"milestones.status"},
	"link_type":           {"milestone_links.record_type"},
	"file_record_type":    {"files.record_type"},
	"file_kind":           {"files.kind"},
	"timeline_kind":       {}, // computed when read, never stored
}

// TestEnumsMatchMigrations keeps each enum of the domain (enums.go) and the
// CHECK constraint of every column that stores it equal, value for value:
// a value added on one side only fails here.
func TestEnumsMatchMigrations(t *testing.T) {
	t.Parallel()
	store, _ := pgtest.New(t)
	const q = `SELECT c.conrelid::regclass::text, pg_get_constraintdef(c.oid)
		FROM pg_constraint c WHERE c.contype = 'c' AND c.connamespace = 'public'::regnamespace`
	rows, err := store.DB().QueryContext(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	// CHECK ((kind = ANY (ARRAY['a'::text, 'b'::text]))) and the like.
	column := regexp.MustCompile(`^CHECK \(\(?(\w+) = ANY \(ARRAY\[(.*)\]\)\)\)?$`)
	value := regexp.MustCompile(`'([^']*)'::text`)
	checks := map[string][]string{}
	for rows.Next() {
		var table, def string
		if err := rows.Scan(&table, &def); err != nil {
			t.Fatal(err)
		}
		m := column.FindStringSubmatch(def)
		if m == nil {
			continue
		}
		var values []string
		for _, v := range value.FindAllStringSubmatch(m[2], -1) {
			values = append(values, v[1])
		}
		checks[table+"."+m[1]] = values
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	domain := registry.EnumCodes()
	for name, cols := range enumColumns {
		want, ok := domain[name]
		if !ok {
			t.Errorf("enum %s is not declared in the domain", name)
			continue
		}
		for _, col := range cols {
			got, ok := checks[col]
			if !ok {
				t.Errorf("%s has no CHECK constraint listing the values of %s", col, name)
				continue
			}
			if !slices.Equal(sorted(got), sorted(want)) {
				t.Errorf("%s allows %v; the domain's %s is %v", col, got, name, want)
			}
		}
	}
	for name := range domain {
		if _, ok := enumColumns[name]; !ok {
			t.Errorf("enum %s: which column stores it? Add it to enumColumns", name)
		}
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
