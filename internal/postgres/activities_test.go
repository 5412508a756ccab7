package postgres_test

import (
	"context"
	"errors"
	"testing"

	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/postgres/pgtest"
	"github.com/chengyu-collab/registry/internal/registry"
)

// activityStore returns a fresh database with the demo data, and the
// Service over it through which the tests write, as every writer does.
func activityStore(t *testing.T) (*postgres.Store, *registry.Service) {
	t.Helper()
	store, _ := pgtest.New(t)
	svc := registry.NewService(store, nil)
	if err := demo.Load(context.Background(), svc); err != nil {
		t.Fatal(err)
	}
	return store, svc
}

func countWhere(t *testing.T, store *postgres.Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := store.DB().QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func testJointAction() registry.JointActionInput {
	return registry.JointActionInput{TitleZh: "测试履职", Status: "planned", Participants: []registry.JointActionParticipant{
		{OrganizationID: "changshou-cppcc", Role: "lead"}, {OrganizationID: "yubei-cppcc", Role: "partner"}}}
}

func fieldCodes(err error) map[string]string {
	var v *registry.ValidationError
	out := map[string]string{}
	if errors.As(err, &v) {
		for _, f := range v.Fields {
			out[f.Field] = f.Code
		}
	}
	return out
}

func TestActivityWritesAreAtomicWithOneAuditEntry(t *testing.T) {
	t.Parallel()
	store, svc := activityStore(t)
	ctx := context.Background()
	admin := registry.Actor{Role: registry.RoleAdmin, RequestID: "t"}
	j, err := svc.CreateJointAction(ctx, admin, testJointAction())
	if err != nil {
		t.Fatal(err)
	}
	audit := func() int {
		return countWhere(t, store, `SELECT count(*) FROM audit_log WHERE entity = 'joint_action' AND entity_id = $1`, j.ID)
	}
	if audit() != 1 || j.Participants[0].OrganizationCode != "changshou-cppcc" || j.Version != 1 {
		t.Fatalf("create: audit %d, record %+v", audit(), j)
	}
	// A rule broken by the change, a stale version: nothing is written.
	in := j.Input()
	in.Participants = append(in.Participants, registry.JointActionParticipant{OrganizationID: "nobody", Role: "partner"})
	in.TitleZh = "改了"
	_, err = svc.UpdateJointAction(ctx, admin, j.ID, 1, in)
	if fieldCodes(err)["participants[2].organization_id"] != "unknown_organization" {
		t.Fatalf("unknown participant: err = %v", err)
	}
	if _, err := svc.UpdateJointAction(ctx, admin, j.ID, 5, j.Input()); !errors.Is(err, registry.ErrPrecondition) {
		t.Fatalf("stale version: err = %v", err)
	}
	if got, _ := store.GetJointAction(ctx, j.ID); got.TitleZh != "测试履职" || got.Version != 1 || len(got.Participants) != 2 || audit() != 1 {
		t.Fatalf("failed updates wrote: %+v, audit %d", got, audit())
	}
	// A registrar of an organisation that is not a participant is refused.
	pz := registry.Actor{Role: registry.RoleRegistrar, OrganizationID: demo.ID("organization/pengzhou-cppcc")}
	if _, err := svc.ArchiveJointAction(ctx, pz, j.ID, 1); !errors.Is(err, registry.ErrForbidden) {
		t.Fatalf("registrar of another organisation: err = %v", err)
	}
	if _, err := svc.ArchiveJointAction(ctx, admin, j.ID, 1); err != nil || audit() != 2 {
		t.Fatalf("archive: err = %v, audit %d", err, audit())
	}
	if _, err := svc.ArchiveJointAction(ctx, admin, j.ID, 0); !errors.Is(err, registry.ErrArchived) {
		t.Fatalf("archive twice: err = %v", err)
	}
}

func TestActivityCreateJoinsTheIdempotencyTransaction(t *testing.T) {
	t.Parallel()
	store, svc := activityStore(t)
	ctx := context.Background()
	admin := registry.Actor{Role: registry.RoleAdmin, KeyID: "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"}
	before := countWhere(t, store, `SELECT count(*) FROM joint_actions`)
	// A failed answer rolls the write back with the idempotency transaction.
	_, _, err := store.Idempotent(ctx, admin.KeyID, "k1", []byte("h"), func(ctx context.Context) (registry.StoredResponse, error) {
		if _, err := svc.CreateJointAction(ctx, admin, testJointAction()); err != nil {
			return registry.StoredResponse{}, err
		}
		return registry.StoredResponse{Status: 500, Body: []byte("{}")}, nil
	})
	if err != nil || countWhere(t, store, `SELECT count(*) FROM joint_actions`) != before {
		t.Fatalf("a write of a failed idempotent request was kept (err %v)", err)
	}
	_, _, err = store.Idempotent(ctx, admin.KeyID, "k2", []byte("h"), func(ctx context.Context) (registry.StoredResponse, error) {
		if _, err := svc.CreateConsultation(ctx, admin, registry.ConsultationInput{TitleZh: "协商", Status: "held",
			Participants: []registry.ConsultationParticipant{{OrganizationID: "changshou-cppcc", Role: "host"}, {OrganizationID: "yubei-cppcc", Role: "participant"}}}); err != nil {
			return registry.StoredResponse{}, err
		}
		return registry.StoredResponse{Status: 201, Body: []byte("{}")}, nil
	})
	if err != nil || countWhere(t, store, `SELECT count(*) FROM consultations WHERE title_zh = '协商'`) != 1 {
		t.Fatalf("idempotent create: err = %v", err)
	}
}

func TestImportJointActionWaivesOnlyTheMinimum(t *testing.T) {
	t.Parallel()
	store, svc := activityStore(t)
	ctx := context.Background()
	admin := registry.Actor{Role: registry.RoleAdmin}
	solo := testJointAction()
	solo.Participants = solo.Participants[:1]
	if _, err := svc.CreateJointAction(ctx, admin, solo); fieldCodes(err)["participants"] != "min_participants" {
		t.Fatalf("create with one organisation: err = %v", err)
	}
	if _, err := svc.ImportJointAction(ctx, admin, solo); err != nil {
		t.Fatalf("import with one organisation: %v", err)
	}
	solo.Participants[0].Role = "partner"
	if _, err := svc.ImportJointAction(ctx, admin, solo); fieldCodes(err)["participants"] != "lead_required" {
		t.Fatalf("import without lead: err = %v", err)
	}
	ex, err := store.GetJointAction(ctx, demo.JointActionExhibition)
	if err != nil || len(ex.Participants) != 1 || ex.Participants[0].OrganizationCode != "changshou-cppcc" || *ex.Kind != "exhibition" {
		t.Fatalf("demo exhibition = %+v, %v", ex, err)
	}
}

func TestDemoActivitiesAreIdempotent(t *testing.T) {
	t.Parallel()
	store, svc := activityStore(t)
	ctx := context.Background()
	count := func() int {
		return countWhere(t, store, `SELECT (SELECT count(*) FROM consultations) + (SELECT count(*) FROM joint_actions)
			+ (SELECT count(*) FROM audit_log)`)
	}
	before := count()
	if err := demo.Load(ctx, svc); err != nil {
		t.Fatal(err)
	}
	if count() != before {
		t.Fatal("loading the demo data twice wrote again")
	}
	c, err := store.GetConsultation(ctx, demo.ConsultationForestFire)
	if err != nil || c.HeldOn.String() != "2023" || c.Format != nil || c.Status != "held" || *c.AreaCode != "forest-fire-prevention" ||
		len(c.Participants) != 3 || c.Participants[0].OrganizationCode != "changshou-cppcc" || c.Participants[0].Role != "host" {
		t.Fatalf("forest fire consultation = %+v, %v", c, err)
	}
	page, err := store.ListJointActions(ctx, registry.ActivityFilter{Parties: []string{"changshou-cppcc"}, Limit: 10})
	if err != nil || len(page.Items) != 3 {
		t.Fatalf("Changshou's joint actions = %d, %v", len(page.Items), err)
	}
	for _, j := range page.Items {
		if j.StartedOn == nil || j.StartedOn.String() != "2023" || j.EndedOn != nil {
			t.Errorf("%s: dates %v–%v, want the year 2023 only", j.TitleZh, j.StartedOn, j.EndedOn)
		}
	}
}
