package postgres_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/registry"
)

// readForms returns every stored read form by table and id.
func readForms(t *testing.T, store *postgres.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, table := range []string{"agreements", "consultations", "joint_actions"} {
		rows, err := store.DB().Query(`SELECT id, coalesce(read_json, '') FROM ` + table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id, form string
			if err := rows.Scan(&id, &form); err != nil {
				t.Fatal(err)
			}
			out[table+"/"+id] = form
		}
		rows.Close()
	}
	return out
}

// checkFormsMatchRecords checks that every record's read form is the
// bytes json.Marshal writes for it as the store reads it now, and that
// the JSON reads send those bytes.
func checkFormsMatchRecords(t *testing.T, store *postgres.Store) {
	t.Helper()
	ctx := context.Background()
	forms := readForms(t, store)
	if len(forms) == 0 {
		t.Fatal("no records")
	}
	for key, form := range forms {
		table, id, _ := strings.Cut(key, "/")
		var rec any
		var raw registry.Raw
		var err error
		switch table {
		case "agreements":
			rec, err = store.GetAgreement(ctx, id)
			if err == nil {
				raw, err = store.GetAgreementJSON(ctx, id)
			}
		case "consultations":
			rec, err = store.GetConsultation(ctx, id)
			if err == nil {
				raw, err = store.GetConsultationJSON(ctx, id)
			}
		default:
			rec, err = store.GetJointAction(ctx, id)
			if err == nil {
				raw, err = store.GetJointActionJSON(ctx, id)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(rec)
		if form != string(want) || !bytes.Equal(raw.JSON, want) {
			t.Fatalf("%s: read form\n%s\nGET sends\n%s\nthe record is\n%s", key, form, raw.JSON, want)
		}
	}
}

func TestReadFormsAreWrittenWithEveryChange(t *testing.T) {
	t.Parallel()
	store, svc := activityStore(t)
	ctx := context.Background()
	admin := registry.Actor{Role: registry.RoleAdmin, RequestID: "t"}
	checkFormsMatchRecords(t, store) // the demo data, written through the Service
	j, err := svc.CreateJointAction(ctx, admin, testJointAction())
	if err != nil {
		t.Fatal(err)
	}
	in := j.Input()
	in.TitleZh = "改过的标题"
	if j, err = svc.UpdateJointAction(ctx, admin, j.ID, j.Version, in); err != nil {
		t.Fatal(err)
	}
	if _, err = svc.ArchiveJointAction(ctx, admin, j.ID, j.Version); err != nil {
		t.Fatal(err)
	}
	// A rename rewrites every read form naming the organisation before it
	// answers.
	o, err := svc.GetOrganization(ctx, "changshou-cppcc")
	if err != nil {
		t.Fatal(err)
	}
	oin := o.Input()
	oin.Code = "changshou-renamed"
	if _, err := svc.UpdateOrganization(ctx, admin, o.ID, o.Version, oin); err != nil {
		t.Fatal(err)
	}
	if n := countWhere(t, store, `SELECT count(*) FROM read_form_queue`); n != 0 {
		t.Fatalf("%d organisations left in the queue", n)
	}
	if n := countWhere(t, store, `SELECT count(*) FROM joint_actions WHERE read_json LIKE '%changshou-renamed%'`); n == 0 {
		t.Fatal("no read form names the new code")
	}
	checkFormsMatchRecords(t, store)
	// Lists send the same bytes, in the same order, with the same cursors.
	f := registry.ActivityFilter{Parties: []string{o.ID}, IncludeArchived: true, Limit: 2}
	for page := 0; page < 5; page++ {
		p, err := store.ListJointActions(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := store.ListJointActionsJSON(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != len(raw.Items) || p.Next != raw.Next {
			t.Fatalf("page %d: %d items, next %q; read forms %d, next %q", page, len(p.Items), p.Next, len(raw.Items), raw.Next)
		}
		for i := range p.Items {
			if want, _ := json.Marshal(p.Items[i]); !bytes.Equal(want, raw.Items[i].JSON) {
				t.Fatalf("page %d item %d differs", page, i)
			}
		}
		if p.Next == "" {
			break
		}
		f.Cursor = p.Next
	}
}

func TestRebuildReadModelsGivesIdenticalBytes(t *testing.T) {
	t.Parallel()
	store, _ := activityStore(t)
	ctx := context.Background()
	before := readForms(t, store)
	for _, table := range []string{"agreements", "consultations", "joint_actions"} {
		if _, err := store.DB().Exec(`UPDATE ` + table + ` SET read_json = CASE WHEN random() < 0.5 THEN NULL ELSE '{}' END`); err != nil {
			t.Fatal(err)
		}
	}
	// A missing form is computed on read, byte for byte.
	checkMissing := readForms(t, store)
	for key, form := range checkMissing {
		if form != "" {
			continue
		}
		table, id, _ := strings.Cut(key, "/")
		var raw registry.Raw
		var err error
		switch table {
		case "agreements":
			raw, err = store.GetAgreementJSON(ctx, id)
		case "consultations":
			raw, err = store.GetConsultationJSON(ctx, id)
		default:
			raw, err = store.GetJointActionJSON(ctx, id)
		}
		if err != nil || string(raw.JSON) != before[key] {
			t.Fatalf("%s computed on read: %v\n%s\nwant\n%s", key, err, raw.JSON, before[key])
		}
	}
	if err := store.RebuildReadForms(ctx, false, nil); err != nil {
		t.Fatal(err)
	}
	after := readForms(t, store)
	if len(after) != len(before) {
		t.Fatalf("%d read forms, want %d", len(after), len(before))
	}
	for key, form := range before {
		if after[key] != form {
			t.Fatalf("%s rebuilt\n%s\nwant\n%s", key, after[key], form)
		}
	}
}

// TestReadsNeverOlderThanTheLastAcknowledgedWrite runs writers (each
// changing its own joint action, its title and whether it names the
// organisation being renamed) against renames of that organisation. After
// every acknowledged write, the read form shows at least that version;
// after every acknowledged rename, every record naming the organisation
// shows its new code; at the end every read form is its record.
func TestReadsNeverOlderThanTheLastAcknowledgedWrite(t *testing.T) {
	t.Parallel()
	store, svc := activityStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	admin := registry.Actor{Role: registry.RoleAdmin, RequestID: "t"}
	const writers, rounds, renames = 4, 15, 8
	ids := make([]string, writers)
	for w := range ids {
		j, err := svc.CreateJointAction(ctx, admin, testJointAction())
		if err != nil {
			t.Fatal(err)
		}
		ids[w] = j.ID
	}
	o, err := svc.GetOrganization(ctx, "changshou-cppcc")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, writers+1)
	for w := range writers {
		wg.Go(func() {
			for i := range rounds {
				j, err := store.GetJointAction(ctx, ids[w])
				if err != nil {
					errs <- err
					return
				}
				in := j.Input()
				in.TitleZh = fmt.Sprintf("写者 %d 第 %d 次", w, i)
				if i%2 == 1 { // names the renamed organisation every other round
					in.Participants = []registry.JointActionParticipant{{OrganizationID: "yubei-cppcc", Role: "lead"},
						{OrganizationID: "linshui-cppcc", Role: "partner"}}
				} else {
					in.Participants = []registry.JointActionParticipant{{OrganizationID: "yubei-cppcc", Role: "lead"},
						{OrganizationID: o.ID, Role: "partner"}}
				}
				got, err := svc.UpdateJointAction(ctx, admin, j.ID, j.Version, in)
				if err != nil {
					errs <- err
					return
				}
				raw, err := svc.GetJointActionJSON(ctx, j.ID)
				if err != nil {
					errs <- err
					return
				}
				var seen registry.JointAction
				if err := json.Unmarshal(raw.JSON, &seen); err != nil || seen.Version < got.Version || raw.Version < got.Version {
					errs <- fmt.Errorf("writer %d: acknowledged version %d, read form shows %d (%v)", w, got.Version, seen.Version, err)
					return
				}
			}
		})
	}
	wg.Go(func() {
		for k := range renames {
			cur, err := svc.GetOrganization(ctx, o.ID)
			if err != nil {
				errs <- err
				return
			}
			in := cur.Input()
			in.Code = fmt.Sprintf("renamed-%d", k)
			if _, err := svc.UpdateOrganization(ctx, admin, cur.ID, cur.Version, in); err != nil {
				errs <- err
				return
			}
			// Acknowledged: no read form names an older code.
			for _, id := range ids {
				raw, err := svc.GetJointActionJSON(ctx, id)
				if err != nil {
					errs <- err
					return
				}
				if s := string(raw.JSON); strings.Contains(s, `"changshou-cppcc"`) ||
					(strings.Contains(s, `"renamed-`) && !strings.Contains(s, `"`+in.Code+`"`)) {
					errs <- fmt.Errorf("after rename %d, %s reads %s", k, id, s)
					return
				}
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	checkFormsMatchRecords(t, store)
}
