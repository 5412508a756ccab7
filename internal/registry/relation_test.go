package registry

import (
	"context"
	"testing"
)

func TestPartySignedOnIsAPartialDateNotInTheFuture(t *testing.T) {
	t.Parallel()
	svc, f := testService()
	ctx := context.Background()
	in := agreement()
	in.Parties[0].SignedOn = strp("2023-05")
	in.Parties[1].SignedOn = strp("2024-03-02") // the day after "now" in China Standard Time
	_, err := svc.CreateAgreement(ctx, admin, in)
	if got := fieldCodes(err)["parties[1].signed_on"]; got != "future_date:" {
		t.Fatalf("future party signing: %v", err)
	}
	in.Parties[1].SignedOn = strp("2024-03-01")
	a, err := svc.CreateAgreement(ctx, admin, in)
	if err != nil {
		t.Fatal(err)
	}
	if a.Parties[0].SignedOn.String() != "2023-05" || a.Parties[1].SignedOn.String() != "2024-03-01" {
		t.Errorf("party dates not kept at their precision: %+v", a.Parties)
	}
	if got := a.Input().Parties[0].SignedOn; got == nil || *got != "2023-05" {
		t.Errorf("input of the record loses the party date: %v", got)
	}
	in.Parties[0].SignedOn = strp("2023-02-30")
	if _, err := svc.CreateAgreement(ctx, admin, in); fieldCodes(err)["parties[0].signed_on"] != "invalid_date:" {
		t.Errorf("impossible party date: %v", err)
	}
	_ = f
}

func TestRelationsRules(t *testing.T) {
	t.Parallel()
	svc, f := testService()
	ctx := context.Background()
	mk := func(rels ...RelationInput) Agreement {
		t.Helper()
		in := agreement()
		in.Relations = rels
		a, err := svc.CreateAgreement(ctx, admin, in)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := mk()
	b := mk(RelationInput{AgreementID: a.ID, Kind: RelationAmends})
	c := mk(RelationInput{AgreementID: b.ID, Kind: RelationRenews}, RelationInput{AgreementID: a.ID, Kind: RelationImplements})
	if len(c.Relations) != 2 || c.Relations[0] != (Relation{AgreementID: b.ID, Kind: RelationRenews}) {
		t.Fatalf("relations not kept in order: %+v", c.Relations)
	}

	audits := len(f.audit)
	set := func(id string, rels ...RelationInput) error {
		cur := f.agreements[id]
		in := cur.Input()
		in.Relations = rels
		_, err := svc.UpdateAgreement(ctx, admin, id, cur.Version, in)
		return err
	}
	// a → c supersedes closes a → c → b → a.
	err := set(a.ID, RelationInput{AgreementID: c.ID, Kind: RelationSupersedes})
	if got := fieldCodes(err)["relations[0].kind"]; got != "relation_cycle:" {
		t.Fatalf("cycle amends/renews/supersedes: %v", err)
	}
	// supplements and implements never order agreements: no cycle.
	if err := set(a.ID, RelationInput{AgreementID: c.ID, Kind: RelationSupplements}); err != nil {
		t.Fatalf("a supplements link closing a loop is allowed: %v", err)
	}
	if err := set(a.ID, RelationInput{AgreementID: a.ID, Kind: RelationImplements}); fieldCodes(err)["relations[0].agreement_id"] != "self_reference:" {
		t.Fatalf("self relation: %v", err)
	}
	err = set(b.ID, RelationInput{AgreementID: "0190a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", Kind: RelationAmends})
	if fieldCodes(err)["relations[0].agreement_id"] != "unknown_agreement:" {
		t.Fatalf("unknown target: %v", err)
	}
	in := agreement()
	in.Relations = []RelationInput{{AgreementID: "not-a-uuid", Kind: "replaces"}}
	_, err = svc.CreateAgreement(ctx, admin, in)
	if c := fieldCodes(err); c["relations[0].agreement_id"] != "invalid_uuid:" || c["relations[0].kind"] == "" {
		t.Fatalf("field rules of a relation: %v", err)
	}
	if len(f.audit) != audits+1 {
		t.Errorf("refused changes wrote audit entries: %d, want %d", len(f.audit), audits+1)
	}
	if rels := f.agreements[b.ID].Relations; len(rels) != 1 || rels[0].AgreementID != a.ID {
		t.Errorf("a refused change altered the relations: %+v", rels)
	}
}
