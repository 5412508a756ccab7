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
		rows, err := store.DB().Query(`SELECT id, coalesce(read_json, '') || E'\n' || coalesce(export_csv, '') ||
			coalesce(array_to_string(export_zh, E'\x1f'), '') || E'\n' || coalesce(array_to_string(export_en, E'\x1f'), '') FROM ` + table)
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

// exportRowsOf are a record's export rows as readForms shows them after
// its JSON: its CSV line and its Excel cells in zh and en.
func exportRowsOf[T any](rec T, csv func(T) []string, cols []registry.ExportColumn[T], areas registry.AreaNames) string {
	lit := func(cells []string) string { return strings.Join(cells, "\x1f") }
	return string(registry.CSVLine(csv(rec))) + lit(registry.ExportCells(cols, registry.Zh, areas, rec)) + "\n" +
		lit(registry.ExportCells(cols, registry.En, areas, rec))
}

// checkFormsMatchRecords checks that every record's read form is the
// bytes json.Marshal writes for it as the store reads it now, that the
// JSON reads send those bytes, and that its export rows are the cells
// registry makes of it now.
func checkFormsMatchRecords(t *testing.T, store *postgres.Store) {
	t.Helper()
	ctx := context.Background()
	forms := readForms(t, store)
	if len(forms) == 0 {
		t.Fatal("no records")
	}
	areas := registry.AreaNames{}
	for cursor := ""; ; {
		page, err := store.ListAreas(ctx, 200, cursor)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range page.Items {
			areas[a.Code] = a
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	for key, form := range forms {
		table, id, _ := strings.Cut(key, "/")
		var rec any
		var raw registry.Raw
		var rows string
		var err error
		switch table {
		case "agreements":
			var a registry.Agreement
			if a, err = store.GetAgreement(ctx, id); err == nil {
				rec, rows = a, exportRowsOf(a, registry.AgreementCSV, registry.AgreementColumns, areas)
				raw, err = store.GetAgreementJSON(ctx, id)
			}
		case "consultations":
			var c registry.Consultation
			if c, err = store.GetConsultation(ctx, id); err == nil {
				rec, rows = c, exportRowsOf(c, registry.ConsultationCSV, registry.ConsultationColumns, areas)
				raw, err = store.GetConsultationJSON(ctx, id)
			}
		default:
			var j registry.JointAction
			if j, err = store.GetJointAction(ctx, id); err == nil {
				rec, rows = j, exportRowsOf(j, registry.JointActionCSV, registry.JointActionColumns, areas)
				raw, err = store.GetJointActionJSON(ctx, id)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(rec)
		if form != string(want)+"\n"+rows || !bytes.Equal(raw.JSON, want) {
			t.Fatalf("%s: read form and export rows\n%s\nGET sends\n%s\nthe record is\n%s\n%s", key, form, raw.JSON, want, rows)
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
	// So does a change of a cooperation area's names, which the Excel rows
	// show.
	var code string
	if err := store.DB().QueryRow(`SELECT area_code FROM joint_actions WHERE area_code IS NOT NULL LIMIT 1`).Scan(&code); err != nil {
		t.Fatal(err)
	}
	area, err := svc.GetArea(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	newName := "Renamed area"
	if _, err := svc.UpdateArea(ctx, admin, code, area.Version,
		registry.AreaInput{Code: code, NameZh: "改名的领域", NameEn: &newName, ParentCode: area.ParentCode}); err != nil {
		t.Fatal(err)
	}
	if n := countWhere(t, store, `SELECT count(*) FROM read_form_queue`); n != 0 {
		t.Fatalf("%d entries left in the queue", n)
	}
	if n := countWhere(t, store, `SELECT count(*) FROM joint_actions WHERE area_code = '`+code+
		`' AND NOT ('改名的领域' = ANY (export_zh) AND 'Renamed area' = ANY (export_en))`); n != 0 {
		t.Fatalf("%d joint actions of the area do not show its new names", n)
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

// exportAll is every export of every kind, archived records included: the
// CSV lines, then the Excel cells in zh and en, page by page.
func exportAll(t *testing.T, store *postgres.Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	csvPages := func(list func(cursor string) (registry.Page[[]byte], error)) {
		for cursor := ""; ; {
			p, err := list(cursor)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range p.Items {
				b.Write(line)
			}
			if cursor = p.Next; cursor == "" {
				return
			}
		}
	}
	cellPages := func(list func(cursor string, lang registry.Lang) (registry.Page[[]string], error)) {
		for _, lang := range []registry.Lang{registry.Zh, registry.En} {
			for cursor := ""; ; {
				p, err := list(cursor, lang)
				if err != nil {
					t.Fatal(err)
				}
				for _, cells := range p.Items {
					b.WriteString(strings.Join(cells, "|") + "\n")
				}
				if cursor = p.Next; cursor == "" {
					break
				}
			}
		}
	}
	af := func(c string) registry.AgreementFilter {
		return registry.AgreementFilter{IncludeArchived: true, Limit: 3, Cursor: c}
	}
	xf := func(c string) registry.ActivityFilter {
		return registry.ActivityFilter{IncludeArchived: true, Limit: 3, Cursor: c}
	}
	csvPages(func(c string) (registry.Page[[]byte], error) { return store.ListAgreementsCSV(ctx, af(c)) })
	csvPages(func(c string) (registry.Page[[]byte], error) { return store.ListConsultationsCSV(ctx, xf(c)) })
	csvPages(func(c string) (registry.Page[[]byte], error) { return store.ListJointActionsCSV(ctx, xf(c)) })
	cellPages(func(c string, l registry.Lang) (registry.Page[[]string], error) {
		return store.ListAgreementCells(ctx, af(c), l)
	})
	cellPages(func(c string, l registry.Lang) (registry.Page[[]string], error) {
		return store.ListConsultationCells(ctx, xf(c), l)
	})
	cellPages(func(c string, l registry.Lang) (registry.Page[[]string], error) {
		return store.ListJointActionCells(ctx, xf(c), l)
	})
	return b.String()
}

func TestRebuildReadModelsGivesIdenticalBytes(t *testing.T) {
	t.Parallel()
	store, _ := activityStore(t)
	ctx := context.Background()
	before := readForms(t, store)
	exported := exportAll(t, store)
	for _, table := range []string{"agreements", "consultations", "joint_actions"} {
		if _, err := store.DB().Exec(`UPDATE ` + table + ` SET read_json = CASE WHEN random() < 0.5 THEN NULL ELSE '{}' END,
			export_csv = CASE WHEN random() < 0.5 THEN NULL ELSE export_csv END,
			export_zh = CASE WHEN random() < 0.5 THEN NULL ELSE export_zh END, export_en = NULL`); err != nil {
			t.Fatal(err)
		}
	}
	// A missing form is computed on read, byte for byte.
	checkMissing := readForms(t, store)
	for key, form := range checkMissing {
		if !strings.HasPrefix(form, "\n") { // read_json is there
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
		if want, _, _ := strings.Cut(before[key], "\n"); err != nil || string(raw.JSON) != want {
			t.Fatalf("%s computed on read: %v\n%s\nwant\n%s", key, err, raw.JSON, before[key])
		}
	}
	// A missing export row is made on read, the same.
	if got := exportAll(t, store); got != exported {
		t.Fatalf("exports with rows made on read\n%s\nwant\n%s", got, exported)
	}
	// The rebuild rewrites every row, wrong ones included.
	for _, table := range []string{"agreements", "consultations", "joint_actions"} {
		if _, err := store.DB().Exec(`UPDATE ` + table + ` SET export_csv = coalesce(export_csv, 'x'), export_zh = '{}'`); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.RebuildReadForms(ctx, false, nil); err != nil {
		t.Fatal(err)
	}
	if got := exportAll(t, store); got != exported {
		t.Fatalf("exports after the rebuild\n%s\nwant\n%s", got, exported)
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
