package registry

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestMilestoneRules(t *testing.T) {
	t.Parallel()
	svc, f := testService() // now: 2024-03-01 20:00 in China Standard Time
	ctx := context.Background()
	ag, err := svc.CreateAgreement(ctx, admin, agreement())
	if err != nil {
		t.Fatal(err)
	}
	ms := func(mut func(in *MilestoneInput)) MilestoneInput {
		in := MilestoneInput{AgreementID: ag.ID, TitleZh: " 建立协商机制 ", ResponsibleOrganizationID: strp("pengzhou-cppcc"), DueOn: strp("2024-02")}
		if mut != nil {
			mut(&in)
		}
		return in
	}
	cs, yb := registrar(f, "changshou-cppcc"), registrar(f, "yubei-cppcc")
	m, err := svc.CreateMilestone(ctx, cs, ms(nil))
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != MilestoneOpen || m.TitleZh != "建立协商机制" || *m.ResponsibleOrganizationID != f.orgID("pengzhou-cppcc") {
		t.Errorf("defaults, trimming, resolution: %+v", m)
	}
	if !m.Overdue {
		t.Error("open and due in February 2024 is overdue on 1 March 2024")
	}
	if f.audit[len(f.audit)-1].Entity != EntityMilestone {
		t.Errorf("audit entity = %s", f.audit[len(f.audit)-1].Entity)
	}
	if _, err := svc.CreateMilestone(ctx, yb, ms(nil)); reason(err) != ReasonNotAParty {
		t.Errorf("a registrar outside the agreement: %v", err)
	}
	cases := map[string]struct {
		mut   func(in *MilestoneInput)
		field string
		code  string
	}{
		"responsible not a party": {func(in *MilestoneInput) { in.ResponsibleOrganizationID = strp("yubei-cppcc") }, "responsible_organization_id", "not_a_party_of_agreement"},
		"responsible unknown":     {func(in *MilestoneInput) { in.ResponsibleOrganizationID = strp("nobody") }, "responsible_organization_id", "unknown_organization"},
		"done without a day":      {func(in *MilestoneInput) { in.Status = MilestoneDone }, "done_on", "required_when_done"},
		"done in the future": {func(in *MilestoneInput) { in.Status, in.DoneOn = MilestoneDone, strp("2024-03-02") },
			"done_on", "future_date"},
		"link to nothing": {func(in *MilestoneInput) {
			in.Links = []MilestoneLinkInput{{RecordType: LinkJointAction, RecordID: "0190a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"}}
		}, "links[0].record_id", "unknown_reference"},
		"bad status": {func(in *MilestoneInput) { in.Status = "late" }, "status", "invalid_value"},
	}
	for name, c := range cases {
		_, err := svc.CreateMilestone(ctx, cs, ms(c.mut))
		if got := fieldCodes(err)[c.field]; len(got) < len(c.code) || got[:len(c.code)] != c.code {
			t.Errorf("%s: %v", name, err)
		}
	}
	done, err := svc.UpdateMilestone(ctx, cs, m.ID, m.Version, ms(func(in *MilestoneInput) { in.Status, in.DoneOn = MilestoneDone, strp("2024-03-01") }))
	if err != nil || done.Overdue || done.Version != 2 {
		t.Fatalf("done today: %+v %v", done, err)
	}
	if _, err := svc.UpdateMilestone(ctx, cs, m.ID, 1, ms(nil)); !errors.As(err, new(*PreconditionError)) {
		t.Errorf("stale version: %v", err)
	}
	if _, err := svc.CreateMilestone(ctx, cs, ms(func(in *MilestoneInput) { in.AgreementID = "0190a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f" })); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown agreement: %v", err)
	}
	if _, err := svc.ArchiveMilestone(ctx, cs, m.ID, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ArchiveMilestone(ctx, cs, m.ID, 0); !errors.Is(err, ErrArchived) {
		t.Errorf("archive twice: %v", err)
	}
}

func TestMilestoneOverdueIsJudgedInChinaStandardTime(t *testing.T) {
	t.Parallel()
	d, _ := ParseDate("2024-02-29")
	m := Milestone{Status: MilestoneOpen, DueOn: &d}
	// 2024-02-29 16:30 UTC is already 1 March in Beijing.
	if !m.IsOverdue(time.Date(2024, 2, 29, 16, 30, 0, 0, time.UTC)) {
		t.Error("due 29 February is overdue at 00:30 on 1 March CST")
	}
	if m.IsOverdue(time.Date(2024, 2, 29, 15, 30, 0, 0, time.UTC)) {
		t.Error("due 29 February is not overdue at 23:30 on 29 February CST")
	}
	m.Status = MilestoneCancelled
	if m.IsOverdue(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Error("a cancelled milestone is never overdue")
	}
	if (Milestone{Status: MilestoneOpen}).IsOverdue(time.Now()) {
		t.Error("an undated milestone is never overdue")
	}
}
