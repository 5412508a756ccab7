package postgres_test

import (
	"context"
	"errors"
	"testing"

	"github.com/chengyu-collab/registry/internal/postgres/pgtest"
	"github.com/chengyu-collab/registry/internal/registry"
)

func TestMigrationsLoadReferenceData(t *testing.T) {
	t.Parallel()
	store, _ := pgtest.New(t)
	ctx := context.Background()
	st, err := store.MigrationStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !st.UpToDate() || st.Current == 0 {
		t.Fatalf("migration status = %+v, want up to date", st)
	}
	r, err := store.GetRegion(ctx, "500115")
	if err != nil {
		t.Fatal(err)
	}
	if r.NameZh != "长寿区" || r.NameEn == nil || *r.NameEn != "Changshou District" || r.Level != "county" {
		t.Fatalf("region 500115 = %+v", r)
	}
	var all []registry.Region
	cursor := ""
	for {
		page, err := store.ListRegions(ctx, registry.RegionFilter{Limit: 100, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page.Items...)
		if page.Next == "" {
			break
		}
		cursor = page.Next
	}
	if len(all) != 244 {
		t.Fatalf("got %d regions over all pages, want 244", len(all))
	}
	for _, code := range []string{"private-economy", "culture-tourism", "joint-duty", "ecology", "emergency-management", "industry", "transport", "public-services"} {
		if _, err := store.GetArea(ctx, code); err != nil {
			t.Errorf("area %s: %v", code, err)
		}
	}
	if _, err := store.GetRegion(ctx, "999999"); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("unknown region: err = %v, want ErrNotFound", err)
	}
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	t.Parallel()
	store, _ := pgtest.New(t)
	ctx := context.Background()
	_, err := registry.NewService(store, nil).CreateArea(ctx, registry.Actor{Role: registry.RoleAdmin, RequestID: "t1"},
		registry.AreaInput{Code: "test-area", NameZh: "测试"})
	if err != nil {
		t.Fatal(err)
	}
	db := store.DB()
	if _, err := db.ExecContext(ctx, `UPDATE audit_log SET entity_id = 'x'`); err == nil {
		t.Fatal("UPDATE of audit_log succeeded")
	}
	if _, err := db.ExecContext(ctx, `DELETE FROM audit_log`); err == nil {
		t.Fatal("DELETE from audit_log succeeded")
	}
	if _, err := db.ExecContext(ctx, `TRUNCATE audit_log`); err == nil {
		t.Fatal("TRUNCATE of audit_log succeeded")
	}
	page, err := store.ListAudit(ctx, registry.AuditFilter{Entity: "cooperation_area", EntityID: "test-area", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 1 || page.Items[0].Action != "create" {
		t.Fatalf("audit = %+v, want one create entry", page.Items)
	}
}
