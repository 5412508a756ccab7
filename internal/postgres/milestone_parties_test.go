package postgres_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/registry"
)

// checkMilestoneParties fails unless milestone_parties holds exactly a row
// per milestone and party of its agreement, with the milestone's current
// order, due date, status and archive state: what RebuildMilestonePartiesSQL
// would write.
func checkMilestoneParties(t *testing.T, store *postgres.Store) {
	t.Helper()
	const want = `SELECT m.id, p.organization_id, m.sort_on, m.due_on_last, m.status, m.archived_at IS NOT NULL
		FROM milestones m JOIN agreement_parties p ON p.agreement_id = m.agreement_id`
	const have = `SELECT milestone_id, organization_id, sort_on, due_on_last, status, archived FROM milestone_parties`
	if n := countWhere(t, store, `SELECT count(*) FROM ((`+want+` EXCEPT ALL `+have+`) UNION ALL (`+have+` EXCEPT ALL `+want+`)) d`); n != 0 {
		t.Fatalf("milestone_parties differs from the milestones and their agreements' parties in %d rows", n)
	}
}

// overdueOf lists every overdue milestone of party through the party
// filter, page by page, and the same through the unfiltered list kept to
// the milestones whose agreement the party signed: the two must agree.
func overdueOf(t *testing.T, store *postgres.Store, party string, today time.Time) (viaParty, viaAll []string) {
	t.Helper()
	ctx := context.Background()
	pages := func(f registry.MilestoneFilter, keep func(registry.Milestone) bool) []string {
		var ids []string
		for {
			p, err := store.ListMilestones(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range p.Items {
				if keep(m) {
					ids = append(ids, m.ID)
				}
			}
			if p.Next == "" {
				return ids
			}
			f.Cursor = p.Next
		}
	}
	viaParty = pages(registry.MilestoneFilter{Party: party, Overdue: true, Today: today, Limit: 2},
		func(registry.Milestone) bool { return true })
	viaAll = pages(registry.MilestoneFilter{Overdue: true, Today: today, Limit: 3},
		func(m registry.Milestone) bool {
			full, err := store.GetMilestone(ctx, m.ID) // a list leaves the agreement's parties out
			if err != nil {
				t.Fatal(err)
			}
			return slices.Contains(full.AgreementParties, party)
		})
	return viaParty, viaAll
}

// TestMilestonePartiesFollowEveryWrite: the rows a party's milestone list
// reads follow a milestone's creation, change of due date and status,
// archiving, and a change of its agreement's parties (one added, one
// removed), each in the write's own transaction; and the party's overdue
// list is at every step what the unfiltered list says.
func TestMilestonePartiesFollowEveryWrite(t *testing.T) {
	t.Parallel()
	store, svc := activityStore(t)
	ctx := context.Background()
	admin := registry.Actor{Role: registry.RoleAdmin, RequestID: "t"}
	today := registry.TodayCST(time.Now())
	checkMilestoneParties(t, store) // the demo's milestones
	ids := map[string]string{}
	for _, code := range []string{"changshou-cppcc", "pengzhou-cppcc", "yubei-cppcc"} {
		o, err := svc.GetOrganization(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		ids[code] = o.ID
	}
	step := func(name string, party string, want int) {
		t.Helper()
		checkMilestoneParties(t, store)
		viaParty, viaAll := overdueOf(t, store, ids[party], today)
		if len(viaParty) != want || !slices.Equal(viaParty, viaAll) {
			t.Fatalf("%s: %s's overdue milestones %v, the unfiltered list says %v, want %d", name, party, viaParty, viaAll, want)
		}
	}
	var made []registry.Milestone
	for i, due := range []string{"2020-03", "2021", "2019-11-02"} {
		m, err := svc.CreateMilestone(ctx, admin, registry.MilestoneInput{AgreementID: demo.AgreementChangshouPengzhou,
			TitleZh: fmt.Sprintf("逾期事项%d", i), DueOn: &due})
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, m)
	}
	step("created", "pengzhou-cppcc", 3)
	step("created", "yubei-cppcc", 0)

	// Done, and due later: out of the overdue list.
	in := made[0].Input()
	in.Status, in.DoneOn = registry.MilestoneDone, ptr("2020-04")
	if _, err := svc.UpdateMilestone(ctx, admin, made[0].ID, made[0].Version, in); err != nil {
		t.Fatal(err)
	}
	in = made[1].Input()
	in.DueOn = ptr(fmt.Sprint(today.Year() + 1))
	if _, err := svc.UpdateMilestone(ctx, admin, made[1].ID, made[1].Version, in); err != nil {
		t.Fatal(err)
	}
	step("updated", "pengzhou-cppcc", 1)

	// The agreement gains Yubei and loses Pengzhou.
	ag, err := svc.GetAgreement(ctx, demo.AgreementChangshouPengzhou)
	if err != nil {
		t.Fatal(err)
	}
	ain := ag.Input()
	ain.Parties = []registry.PartyInput{ain.Parties[0], {OrganizationID: "yubei-cppcc", Role: registry.PartySignatory}}
	if _, err := svc.UpdateAgreement(ctx, admin, ag.ID, ag.Version, ain); err != nil {
		t.Fatal(err)
	}
	step("parties changed", "yubei-cppcc", 1)
	step("parties changed", "pengzhou-cppcc", 0)
	step("parties changed", "changshou-cppcc", 1)

	// A write that leaves the parties alone writes no party row: every
	// row keeps its place and the transaction that wrote it.
	rowVersions := func() string {
		var v string
		const q = `SELECT coalesce(string_agg(ctid::text || '/' || xmin::text, ',' ORDER BY ctid), '') FROM milestone_parties`
		if err := store.DB().QueryRow(q).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	before := rowVersions()
	ag, _ = svc.GetAgreement(ctx, ag.ID)
	ain = ag.Input()
	ain.TitleEn = ptr("Retitled")
	if _, err := svc.UpdateAgreement(ctx, admin, ag.ID, ag.Version, ain); err != nil {
		t.Fatal(err)
	}
	if after := rowVersions(); after != before || before == "" {
		t.Fatalf("a retitle wrote milestone party rows:\nbefore %s\nafter  %s", before, after)
	}

	if _, err := svc.ArchiveMilestone(ctx, admin, made[2].ID, made[2].Version); err != nil {
		t.Fatal(err)
	}
	step("archived", "yubei-cppcc", 0)
}

// TestMilestonePartiesUnderConcurrentWrites: milestones created while
// their agreement's parties change back and forth all end with rows for
// exactly the parties the agreement has at the end, and count in the
// statistics for exactly those parties; the running sums, rebuilt from the
// records over and over meanwhile (as `registry rebuild-read-models` does
// beside a serving registry), end equal to the records' sums.
func TestMilestonePartiesUnderConcurrentWrites(t *testing.T) {
	t.Parallel()
	store, svc := activityStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	admin := registry.Actor{Role: registry.RoleAdmin, RequestID: "t"}
	const creators, perCreator, flips, rebuilds = 3, 10, 10, 10
	var wg sync.WaitGroup
	errs := make(chan error, creators+2)
	for c := range creators {
		wg.Go(func() {
			for i := range perCreator {
				if _, err := svc.CreateMilestone(ctx, admin, registry.MilestoneInput{AgreementID: demo.AgreementChangshouPengzhou,
					TitleZh: fmt.Sprintf("并发事项 %d-%d", c, i), DueOn: ptr("2020")}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Go(func() {
		for k := range flips {
			ag, err := svc.GetAgreement(ctx, demo.AgreementChangshouPengzhou)
			if err != nil {
				errs <- err
				return
			}
			in := ag.Input()
			third := registry.PartyInput{OrganizationID: "yubei-cppcc", Role: registry.PartyWitness}
			if k%2 == 0 {
				in.Parties = append(in.Parties, third)
			} else {
				in.Parties = in.Parties[:2]
			}
			if _, err := svc.UpdateAgreement(ctx, admin, ag.ID, ag.Version, in); err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Go(func() {
		for range rebuilds {
			if _, err := store.RebuildStats(ctx); err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	checkMilestoneParties(t, store)
	if n := countWhere(t, store, postgres.RollupDiffSQL); n != 0 {
		t.Fatalf("%d statistics rows differ from the milestones and their agreements' parties", n)
	}
}

func ptr[T any](v T) *T { return &v }
