package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/registry"
)

// TestMilestoneWriteWaitsForAPartyChange: a milestone created while a
// change of its agreement's parties is still uncommitted waits for it, and
// then has rows for the new parties. Without the share lock the milestone
// committed first with rows for the old parties, which the agreement's
// write, having adjusted the milestones it saw, never corrected.
func TestMilestoneWriteWaitsForAPartyChange(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	svc := registry.NewService(s, nil)
	if err := demo.Load(ctx, svc); err != nil {
		t.Fatal(err)
	}
	admin := registry.Actor{Role: registry.RoleAdmin, RequestID: "t"}
	ag, err := svc.GetAgreement(ctx, demo.AgreementChangshouPengzhou)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	ag.Parties = append(ag.Parties, registry.Party{OrganizationID: orgID(t, s, "yubei-cppcc"), Role: registry.PartyWitness})
	if _, err := s.ReplaceAgreement(context.WithValue(ctx, txKey{}, tx), ag); err != nil {
		t.Fatal(err)
	}
	created := make(chan error, 1)
	go func() {
		_, err := svc.CreateMilestone(ctx, admin, registry.MilestoneInput{AgreementID: ag.ID, TitleZh: "等待中的事项"})
		created <- err
	}()
	// Long enough for the milestone's transaction to commit, had nothing
	// held it.
	time.Sleep(500 * time.Millisecond)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-created; err != nil {
		t.Fatal(err)
	}
	var wrong int
	const q = `SELECT count(*) FROM (
		(SELECT m.id, p.organization_id FROM milestones m JOIN agreement_parties p ON p.agreement_id = m.agreement_id
		 EXCEPT SELECT milestone_id, organization_id FROM milestone_parties)
		UNION ALL
		(SELECT milestone_id, organization_id FROM milestone_parties
		 EXCEPT SELECT m.id, p.organization_id FROM milestones m JOIN agreement_parties p ON p.agreement_id = m.agreement_id)) d`
	if err := s.db.QueryRow(q).Scan(&wrong); err != nil {
		t.Fatal(err)
	}
	if wrong != 0 {
		t.Fatalf("%d milestone party rows differ from the agreements' parties", wrong)
	}
	if d := rollupDiff(t, s); d != 0 {
		t.Fatalf("%d statistics rows differ from the milestones and their agreements' parties", d)
	}
}

func orgID(t *testing.T, s *Store, code string) string {
	t.Helper()
	id, err := s.ResolveOrganization(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
