package postgres

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// TestStatsRollupMatchesTheRecords writes random consultations, joint
// actions, agreements and milestones through the store — creates, updates
// that move dates, change participants, parties, kinds, statuses, areas
// and outcomes, and archives — and checks that the running sums give, for
// every year and for everyone and each organisation, exactly the figures
// computed from the records themselves, and that they equal the sums of
// the contributions the records make now.
func TestStatsRollupMatchesTheRecords(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	rnd := rand.New(rand.NewPCG(7, 11))
	var orgs []string
	for i := 0; i < 6; i++ {
		o, err := s.InsertOrganization(ctx, registry.OrganizationInput{Code: fmt.Sprintf("org-%d", i), Kind: "other", NameZh: "组织"})
		if err != nil {
			t.Fatal(err)
		}
		orgs = append(orgs, o.ID)
	}
	pick := func(list ...string) *string {
		if i := rnd.IntN(len(list) + 1); i < len(list) {
			return &list[i]
		}
		return nil
	}
	kind := func(list ...registry.JointActionKind) *registry.JointActionKind {
		if i := rnd.IntN(len(list) + 1); i < len(list) {
			return &list[i]
		}
		return nil
	}
	format := func(list ...registry.ConsultationFormat) *registry.ConsultationFormat {
		if i := rnd.IntN(len(list) + 1); i < len(list) {
			return &list[i]
		}
		return nil
	}
	date := func() *registry.Date {
		if rnd.IntN(8) == 0 {
			return nil
		}
		d, _ := registry.ParseDate([]string{"2021", "2022-11", "2023-02-28", "2023", "2024-06"}[rnd.IntN(5)])
		return &d
	}
	outcomes := func() []registry.Outcome {
		var out []registry.Outcome
		for i := rnd.IntN(3); i > 0; i-- {
			o := registry.Outcome{Kind: []registry.OutcomeKind{"opinion", "proposal", "problem_solved"}[rnd.IntN(3)], Approximate: rnd.IntN(2) == 0}
			if rnd.IntN(4) > 0 {
				n := int64(rnd.IntN(100))
				o.Count = &n
			}
			out = append(out, o)
		}
		return out
	}
	participants := func(first, second string) []registry.Participant {
		a, b := rnd.IntN(len(orgs)), rnd.IntN(len(orgs)-1)
		if b >= a {
			b++
		}
		return []registry.Participant{{OrganizationID: orgs[a], Role: first}, {OrganizationID: orgs[b], Role: second}}
	}
	var actions, consultations []string
	for i := 0; i < 30; i++ {
		start := date()
		var end *registry.Date
		if start != nil && rnd.IntN(2) == 0 {
			e := registry.DateFromParts(start.First().AddDate(0, rnd.IntN(20), 0), registry.PrecisionMonth)
			end = &e
		}
		j, err := s.InsertJointAction(ctx, registry.JointAction{TitleZh: "联合行动", Kind: kind("research", "inspection"),
			AreaCode: pick("ecology", "joint-duty"), StartedOn: start, EndedOn: end, Status: "completed",
			Participants: participants("lead", "partner"), Outcomes: outcomes()})
		if err != nil {
			t.Fatal(err)
		}
		actions = append(actions, j.ID)
		p := participants("host", "participant")
		c, err := s.InsertConsultation(ctx, registry.Consultation{TitleZh: "联合协商", Format: format("meeting", "online"),
			AreaCode: pick("ecology"), HeldOn: date(), Status: []registry.ConsultationStatus{"held", "planned"}[rnd.IntN(2)], Participants: p, Outcomes: outcomes()})
		if err != nil {
			t.Fatal(err)
		}
		consultations = append(consultations, c.ID)
	}
	for _, id := range actions[:12] {
		cur, err := s.GetJointAction(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		cur.StartedOn, cur.EndedOn = date(), nil
		cur.Kind, cur.Participants, cur.Outcomes = kind("supervision"), participants("lead", "partner"), outcomes()
		if _, err := s.ReplaceJointAction(ctx, cur); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range actions[12:18] {
		if _, err := s.ArchiveJointAction(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range consultations[:10] {
		cur, err := s.GetConsultation(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		cur.Status, cur.HeldOn, cur.Outcomes = "held", date(), outcomes()
		if _, err := s.ReplaceConsultation(ctx, cur); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range consultations[10:14] {
		if _, err := s.ArchiveConsultation(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	parties := func() []registry.Party {
		var out []registry.Party
		for _, i := range rnd.Perm(len(orgs))[:1+rnd.IntN(3)] {
			out = append(out, registry.Party{OrganizationID: orgs[i], Role: registry.PartySignatory})
		}
		return out
	}
	areas := func() []registry.AgreementArea {
		var out []registry.AgreementArea
		for i := rnd.IntN(4); i > 0; i-- { // the same code may come twice
			out = append(out, registry.AgreementArea{AreaCode: pick("ecology", "joint-duty"), LabelZh: "领域"})
		}
		return out
	}
	agreementStatus := func() registry.AgreementStatus {
		return []registry.AgreementStatus{"in_force", "in_force", "signed", "expired"}[rnd.IntN(4)]
	}
	var agreements []registry.Agreement
	for i := 0; i < 10; i++ {
		a, err := s.InsertAgreement(ctx, registry.Agreement{TitleZh: "合作协议", Type: "framework", Status: agreementStatus(),
			SignedOn: date(), EffectiveFrom: date(), EffectiveTo: date(), Parties: parties(), Areas: areas()})
		if err != nil {
			t.Fatal(err)
		}
		agreements = append(agreements, a)
	}
	milestoneStatus := func() registry.MilestoneStatus {
		return []registry.MilestoneStatus{"open", "open", "done", "cancelled"}[rnd.IntN(4)]
	}
	var milestones []string
	for i := 0; i < 40; i++ {
		m, err := s.InsertMilestone(ctx, registry.Milestone{AgreementID: agreements[rnd.IntN(len(agreements))].ID,
			TitleZh: "事项", DueOn: date(), Status: milestoneStatus(), DoneOn: date()})
		if err != nil {
			t.Fatal(err)
		}
		milestones = append(milestones, m.ID)
	}
	// Agreements whose parties change (and so their milestones' scopes),
	// whose dates and status change, and some archived with their
	// milestones; then milestones rewritten and archived.
	for i, a := range agreements[:6] {
		a.SignedOn, a.EffectiveTo, a.Status, a.Areas = date(), date(), agreementStatus(), areas()
		if i%2 == 0 {
			a.Parties = parties()
		}
		if _, err := s.ReplaceAgreement(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range agreements[6:8] {
		if _, err := s.ArchiveAgreement(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range milestones[:15] {
		cur, err := s.GetMilestone(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		cur.DueOn, cur.Status, cur.DoneOn = date(), milestoneStatus(), date()
		if _, err := s.ReplaceMilestone(ctx, cur); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range milestones[15:20] {
		if _, err := s.ArchiveMilestone(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if d := rollupDiff(t, s); d != 0 {
		t.Errorf("%d running sums differ from the sums of the contributions", d)
	}
	scopes := map[string]string{"all": ""}
	for _, o := range orgs {
		scopes["org:"+o] = o
	}
	for year := 2020; year <= 2025; year++ {
		for scope, org := range scopes {
			first := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
			var orgArg any
			if org != "" {
				orgArg = org
			}
			args := []any{first, first.AddDate(1, 0, -1), orgArg, nil, nil}
			live, rolled := emptyStats(registry.StatsFilter{Year: year}), emptyStats(registry.StatsFilter{Year: year})
			// Overdue is judged against today: days before, inside and
			// after the dates the records use.
			today := time.Date(2021+year%4, time.Month(1+year%12), 15, 0, 0, 0, 0, time.UTC)
			if err := s.milestoneStats(ctx, append(args[:5:5], today), &live); err != nil {
				t.Fatal(err)
			}
			if err := s.fillStats(ctx, args, &live); err != nil {
				t.Fatal(err)
			}
			if err := s.fillStatsFromRollup(ctx, args, scope, today, &rolled); err != nil {
				t.Fatal(err)
			}
			live.JointActions.ByPartnerProvince, rolled.JointActions.ByPartnerProvince = nil, nil
			if !reflect.DeepEqual(live, rolled) {
				t.Errorf("%d %s:\nrecords %+v\nrollup  %+v", year, scope, live, rolled)
			}
		}
	}
}

// rollupDiffSQL counts the rows of the running sums that differ from the
// sums of the contributions of the records as they stand (rows every
// contribution has left, at zero, are no difference).
const rollupDiffSQL = `WITH want AS (
		SELECT year, scope, figure, key, shard, sum(n) AS n, sum(approx) AS approx, sum(parts) AS parts
		FROM stats_contributions GROUP BY year, scope, figure, key, shard),
	have AS (SELECT year, scope, figure, key, shard, n, approx, parts FROM stats_rollup WHERE parts <> 0 OR n <> 0 OR approx <> 0)
	SELECT count(*) FROM ((TABLE want EXCEPT TABLE have) UNION ALL (TABLE have EXCEPT TABLE want)) d`

// RollupDiffSQL is rollupDiffSQL, for the tests outside the package.
const RollupDiffSQL = rollupDiffSQL

// rollupDiff runs rollupDiffSQL.
func rollupDiff(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(rollupDiffSQL).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
