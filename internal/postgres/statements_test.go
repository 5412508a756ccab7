package postgres

import (
	"context"
	"crypto/sha256"
	"testing"

	"github.com/chengyu-collab/registry/internal/registry"
)

// TestBenchStatements runs what the load benchmark measures through the
// store — the reads by id, a party's list, the statistics of a year and an
// idempotent joint-action create — and checks that the statements exported
// for the benchmark's ceiling are run as they say: the prepared ones are in
// the statement cache under the very text exported, the unprepared ones
// that could reach it are not.
func TestBenchStatements(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	svc := registry.NewService(s, nil)
	admin := registry.Actor{Role: registry.RoleAdmin, RequestID: "bench-statements"}
	for _, code := range []string{"bench-a", "bench-b"} {
		if _, err := svc.CreateOrganization(ctx, admin, registry.OrganizationInput{Code: code, Kind: "other", NameZh: "组织"}); err != nil {
			t.Fatal(err)
		}
	}
	secret, key, err := s.CreateKey(ctx, "bench", string(registry.RoleAdmin), "")
	if err != nil {
		t.Fatal(err)
	}
	// The reads, in the benchmark's order.
	const missing = "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"
	if _, err := s.GetJointAction(ctx, missing); err != registry.ErrNotFound {
		t.Fatalf("joint action: %v", err)
	}
	if _, err := s.GetAgreement(ctx, missing); err != registry.ErrNotFound {
		t.Fatalf("agreement: %v", err)
	}
	y2023, _ := registry.ParseDate("2023")
	filter := registry.ActivityFilter{Parties: []string{"bench-a"}, From: &y2023, To: &y2023, Limit: 50}
	if _, err := s.ListJointActions(ctx, filter); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetStats(ctx, registry.StatsFilter{Year: 2023}); err != nil {
		t.Fatal(err)
	}
	// The create, as the idempotent handler runs it.
	by, err := s.Authenticate(ctx, secret)
	if err != nil {
		t.Fatal(err)
	}
	hash := sha256.Sum256([]byte("POST /v1/joint-actions\n{}"))
	area, year := "ecology", "2023"
	_, _, err = s.Idempotent(ctx, key.ID, "bench-statements", hash[:], func(ctx context.Context) (registry.StoredResponse, error) {
		_, err := svc.CreateJointAction(ctx, by, registry.JointActionInput{TitleZh: "联合调研", Status: "completed", AreaCode: &area,
			StartedOn: &year, Participants: []registry.JointActionParticipant{{OrganizationID: "bench-a", Role: "lead"}, {OrganizationID: "bench-b", Role: "partner"}},
			Outcomes: []registry.OutcomeInput{{Kind: "opinion"}}})
		return registry.StoredResponse{Status: 201, Body: []byte("{}")}, err
	})
	if err != nil {
		t.Fatal(err)
	}

	if _, err := s.GetJointActionJSON(ctx, missing); err != registry.ErrNotFound {
		t.Fatalf("joint action read form: %v", err)
	}
	if _, err := s.GetAgreementJSON(ctx, missing); err != registry.ErrNotFound {
		t.Fatalf("agreement read form: %v", err)
	}
	if _, err := s.ListJointActionsJSON(ctx, filter); err != nil {
		t.Fatal(err)
	}
	formByID, formAgreement := ReadFormStatements()
	formList, _, err := JointActionJSONList(filter, []string{missing})
	if err != nil {
		t.Fatal(err)
	}
	byID, agreement, org := ReadStatements()
	list, _, err := JointActionList(filter, missing)
	if err != nil {
		t.Fatal(err)
	}
	statsRollup := StatsStatement()
	create := JointActionCreateStatements()
	for _, c := range []struct {
		name string
		st   Statement
	}{
		{"joint action by id", byID}, {"agreement by id", agreement}, {"party code", org},
		{"list", list}, {"stats", statsRollup},
		{"create: authenticate", create.Authenticate}, {"create: organisation", create.Organization},
		{"create: area", create.Area}, {"create: statistics", create.Stats},
		{"create: lock organisations", create.LockOrgs}, {"create: read form", create.ReadForm},
		{"joint action read form", formByID}, {"agreement read form", formAgreement}, {"read-form list", formList},
	} {
		if got := s.stmts.has(c.st.SQL); got != c.st.Prepared {
			t.Errorf("%s: declared prepared=%v, but the store runs it prepared=%v:\n%s", c.name, c.st.Prepared, got, c.st.SQL)
		}
	}
	// The area check is the store's own text: run outside a transaction,
	// it lands in the cache under it.
	if _, err := s.AreaExists(ctx, area); err != nil {
		t.Fatal(err)
	}
	if !s.stmts.has(AreaExistsSQL) {
		t.Errorf("AreaExistsSQL is not the statement AreaExists runs:\n%s", AreaExistsSQL)
	}
}
