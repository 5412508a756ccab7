package registry

import (
	"context"
	"errors"
	"testing"
	"time"
)

// The Service's rules, on the in-memory fake of its storage: what is
// accepted, what is refused and why, and that a refusal writes nothing.
// The PostgreSQL tests prove the real store behind the same Service.

func testService() (*Service, *fakeStore) {
	f := newFakeStore()
	now := func() time.Time { return time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC) }
	return NewService(f, now), f
}

var (
	admin     = Actor{Role: RoleAdmin}
	readerCS  = Actor{Role: RoleReader}
	agreement = func() AgreementInput {
		return AgreementInput{TitleZh: "  长寿—彭州框架协议  ", Type: TypeFramework, SignedOn: strp("2023-05-18"),
			Parties: []PartyInput{{OrganizationID: "changshou-cppcc", Role: PartySignatory}, {OrganizationID: "pengzhou-cppcc", Role: PartySignatory}},
			Areas:   []AreaRefInput{{AreaCode: strp("culture-tourism"), LabelZh: "文旅交流"}}}
	}
)

func strp(s string) *string { return &s }

func registrar(f *fakeStore, code string) Actor {
	return Actor{Role: RoleRegistrar, OrganizationID: f.orgID(code)}
}

// fieldCodes maps each invalid field of err to its code and parameter.
func fieldCodes(err error) map[string]string {
	out := map[string]string{}
	var v *ValidationError
	if errors.As(err, &v) {
		for _, f := range v.Fields {
			out[f.Field] = f.Code + ":" + f.Param
		}
	}
	return out
}

func reason(err error) string {
	var fe *ForbiddenError
	if errors.As(err, &fe) {
		return fe.Reason
	}
	return ""
}

func TestCreateAgreementAppliesDefaultsTrimsAndResolves(t *testing.T) {
	t.Parallel()
	svc, f := testService()
	a, err := svc.CreateAgreement(context.Background(), registrar(f, "changshou-cppcc"), agreement())
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != StatusDraft || a.TitleZh != "长寿—彭州框架协议" || a.SignedOn.String() != "2023-05-18" {
		t.Errorf("defaults and trimming: status %q, title %q, signed %v", a.Status, a.TitleZh, a.SignedOn)
	}
	if a.Parties[0].OrganizationID != f.orgID("changshou-cppcc") || a.Parties[1].OrganizationCode != "pengzhou-cppcc" {
		t.Errorf("parties not resolved to ids: %+v", a.Parties)
	}
	if len(f.audit) != 1 || f.audit[0].Action != ActionCreate || f.audit[0].EntityID != a.ID {
		t.Errorf("audit = %+v, want one create of %s", f.audit, a.ID)
	}
}

func TestFieldRulesNameEveryField(t *testing.T) {
	t.Parallel()
	svc, f := testService()
	in := agreement()
	in.TitleZh = " \t "
	in.Type = "pact"
	in.SignedOn = strp("2023-02-29")
	in.Parties[1].Role = "guarantor"
	in.Areas[0].LabelEn = strp("   ")
	_, err := svc.CreateAgreement(context.Background(), admin, in)
	got := fieldCodes(err)
	want := map[string]string{
		"title_zh":          "required:",
		"type":              "invalid_value:framework friendship cooperation memorandum",
		"signed_on":         "invalid_date:",
		"parties[1].role":   "invalid_value:signatory witness coordinator",
		"areas[0].label_en": "blank:",
	}
	for field, code := range want {
		if got[field] != code {
			t.Errorf("%s: %q, want %q (all: %v)", field, got[field], code, got)
		}
	}
	if !errors.Is(err, ErrInvalid) || len(f.agreements) != 0 || len(f.audit) != 0 {
		t.Errorf("err %v; a refused create wrote %d agreements, %d audit entries", err, len(f.agreements), len(f.audit))
	}
}

func TestReferencesAndCrossFieldRulesAreReportedTogether(t *testing.T) {
	t.Parallel()
	svc, _ := testService()
	in := agreement()
	in.Parties = append(in.Parties, PartyInput{OrganizationID: "nobody-cppcc", Role: PartyWitness})
	in.Areas[0].AreaCode = strp("space-travel")
	in.SignedOn, in.EffectiveFrom = strp("2023-06"), strp("2023-05")
	_, err := svc.CreateAgreement(context.Background(), admin, in)
	got := fieldCodes(err)
	for field, code := range map[string]string{
		"parties[2].organization_id": "unknown_organization:",
		"areas[0].area_code":         "unknown_area:",
		"effective_from":             "date_order:signed_on",
	} {
		if got[field] != code {
			t.Errorf("%s: %q, want %q (all: %v)", field, got[field], code, got)
		}
	}
	in = agreement()
	in.SignedOn = strp("2024-03-02") // tomorrow in the test's clock
	if got := fieldCodes(mustFail(svc.CreateAgreement(context.Background(), admin, in))); got["signed_on"] != "future_date:" {
		t.Errorf("a signing date after today: %v", got)
	}
}

func mustFail[T any](_ T, err error) error { return err }

func TestPermissionsNameTheirReason(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc, f := testService()
	if err := mustFail(svc.CreateAgreement(ctx, readerCS, agreement())); reason(err) != ReasonRoleForbids || !errors.Is(err, ErrForbidden) {
		t.Errorf("reader creates: %v", err)
	}
	if err := mustFail(svc.CreateAgreement(ctx, registrar(f, "yubei-cppcc"), agreement())); reason(err) != ReasonNotAParty {
		t.Errorf("registrar of another organisation creates: %v", err)
	}
	a, err := svc.CreateAgreement(ctx, registrar(f, "changshou-cppcc"), agreement())
	if err != nil {
		t.Fatal(err)
	}
	if err := mustFail(svc.UpdateAgreement(ctx, registrar(f, "yubei-cppcc"), a.ID, 1, a.Input())); reason(err) != ReasonNotAParty {
		t.Errorf("registrar of another organisation changes: %v", err)
	}
	in := a.Input()
	in.Parties = []PartyInput{{OrganizationID: "pengzhou-cppcc", Role: PartySignatory}, {OrganizationID: "yubei-cppcc", Role: PartySignatory}}
	if err := mustFail(svc.UpdateAgreement(ctx, registrar(f, "changshou-cppcc"), a.ID, 1, in)); reason(err) != ReasonCannotRemoveOwnOrganization {
		t.Errorf("registrar removes its own organisation: %v", err)
	}
	if err := mustFail(svc.CreateArea(ctx, registrar(f, "changshou-cppcc"), AreaInput{Code: "ecology", NameZh: "生态"})); reason(err) != ReasonRoleForbids {
		t.Errorf("registrar creates an area: %v", err)
	}
	if got := f.agreements[a.ID]; got.Version != 1 || len(f.audit) != 1 {
		t.Errorf("refused writes changed the record (version %d) or the audit (%d entries)", got.Version, len(f.audit))
	}
}

func TestLifecycleVersionsAndArchive(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc, f := testService()
	a, err := svc.CreateAgreement(ctx, admin, agreement())
	if err != nil {
		t.Fatal(err)
	}
	in := a.Input()
	in.Status = StatusInForce
	var te *TransitionError
	if err := mustFail(svc.UpdateAgreement(ctx, admin, a.ID, 1, in)); !errors.As(err, &te) || te.Allowed[0] != "signed" {
		t.Errorf("draft → in_force: %v", err)
	}
	in.Status = StatusSigned
	if a, err = svc.UpdateAgreement(ctx, admin, a.ID, 1, in); err != nil || a.Version != 2 || a.Status != StatusSigned {
		t.Fatalf("draft → signed: %+v, %v", a, err)
	}
	var pe *PreconditionError
	if err := mustFail(svc.UpdateAgreement(ctx, admin, a.ID, 1, in)); !errors.As(err, &pe) || pe.Current != 2 || !errors.Is(err, ErrPrecondition) {
		t.Errorf("stale version: %v", err)
	}
	if _, err := svc.AgreementToChange(ctx, admin, a.ID, 1); !errors.As(err, &pe) {
		t.Errorf("a stale change is refused before its input is read: %v", err)
	}
	if _, err := svc.ArchiveAgreement(ctx, admin, a.ID, 2); err != nil {
		t.Fatal(err)
	}
	if err := mustFail(svc.UpdateAgreement(ctx, admin, a.ID, 0, in)); !errors.Is(err, ErrArchived) {
		t.Errorf("change of an archived agreement: %v", err)
	}
	if err := mustFail(svc.ArchiveAgreement(ctx, admin, a.ID, 0)); !errors.Is(err, ErrArchived) {
		t.Errorf("archive twice: %v", err)
	}
	actions := []AuditAction{}
	for _, e := range f.audit {
		actions = append(actions, e.Action)
	}
	if len(actions) != 3 || actions[0] != ActionCreate || actions[1] != ActionUpdate || actions[2] != ActionArchive {
		t.Errorf("audit = %v, want create, update, archive", actions)
	}
}

func TestJointActionRulesAndImport(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc, _ := testService()
	solo := JointActionInput{TitleZh: "书画联展", Participants: []JointActionParticipant{{OrganizationID: "changshou-cppcc", Role: RoleLead}}}
	if got := fieldCodes(mustFail(svc.CreateJointAction(ctx, admin, solo))); got["participants"] != "min_participants:2" {
		t.Errorf("one organisation: %v", got)
	}
	j, err := svc.ImportJointAction(ctx, admin, solo)
	if err != nil || j.Status != ActionPlanned {
		t.Fatalf("import from a source: %+v, %v", j, err)
	}
	two := solo
	two.Participants = []JointActionParticipant{{OrganizationID: "changshou-cppcc", Role: RolePartner}, {OrganizationID: "yubei-cppcc", Role: RoleSupporter}}
	two.StartedOn, two.EndedOn = strp("2023-06"), strp("2023-05")
	got := fieldCodes(mustFail(svc.CreateJointAction(ctx, admin, two)))
	if got["participants"] != "lead_required:" || got["ended_on"] != "date_order:started_on" {
		t.Errorf("no lead, ended before started: %v", got)
	}
}

func TestOrganizationsAndAreas(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc, f := testService()
	child, err := svc.CreateOrganization(ctx, admin, OrganizationInput{Code: "changshou-jiusan", Kind: KindParty, NameZh: "九三学社长寿区基层委员会",
		ParentID: strp("changshou-cppcc"), RegionCode: strp("500115")})
	if err != nil || child.ParentID == nil || *child.ParentID != f.orgID("changshou-cppcc") {
		t.Fatalf("create with a parent by code: %+v, %v", child, err)
	}
	if got := fieldCodes(mustFail(svc.CreateOrganization(ctx, admin, OrganizationInput{Code: "x-y", Kind: KindOtherOrg, NameZh: "某",
		ParentID: strp("nobody"), RegionCode: strp("999999")}))); got["parent_id"] != "unknown_organization:" || got["region_code"] != "unknown_region:" {
		t.Errorf("unknown parent and region: %v", got)
	}
	parent, _ := svc.GetOrganization(ctx, "changshou-cppcc")
	in := parent.Input()
	in.ParentID = &child.ID
	if got := fieldCodes(mustFail(svc.UpdateOrganization(ctx, admin, parent.ID, 0, in))); got["parent_id"] != "self_reference:" {
		t.Errorf("a parent below the organisation: %v", got)
	}
	if err := mustFail(svc.UpdateOrganization(ctx, registrar(f, "yubei-cppcc"), parent.ID, 0, parent.Input())); reason(err) != ReasonRoleForbids {
		t.Errorf("registrar changes another organisation: %v", err)
	}
	if _, err := svc.UpdateOrganization(ctx, registrar(f, "changshou-cppcc"), "changshou-cppcc", 1, parent.Input()); err != nil {
		t.Errorf("registrar changes its own organisation: %v", err)
	}
	var ie *ImmutableError
	if err := mustFail(svc.UpdateArea(ctx, admin, "culture-tourism", 0, AreaInput{Code: "culture", NameZh: "文化"})); !errors.As(err, &ie) || !errors.Is(err, ErrBadRequest) {
		t.Errorf("an area's code changed: %v", err)
	}
	if _, err := svc.ListAudit(ctx, registrar(f, "changshou-cppcc"), AuditFilter{}); reason(err) != ReasonRoleForbids {
		t.Errorf("a registrar reads the audit log: %v", err)
	}
}
