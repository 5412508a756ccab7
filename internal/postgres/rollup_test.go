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

// TestStatsRollupMatchesTheRecords writes random consultations and joint
// actions through the store — creates, updates that move dates, change
// participants, kinds and outcomes, and archives — and checks that the
// running sums give, for every year and for everyone and each
// organisation, exactly the figures computed from the records themselves.
func TestStatsRollupMatchesTheRecords(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	admin := registry.Actor{Role: registry.RoleAdmin, RequestID: "rollup-test"}
	rnd := rand.New(rand.NewPCG(7, 11))
	var orgs []string
	for i := 0; i < 6; i++ {
		o, err := s.CreateOrganization(ctx, admin, registry.OrganizationInput{Code: fmt.Sprintf("org-%d", i), Kind: "other", NameZh: "组织"})
		if err != nil {
			t.Fatal(err)
		}
		orgs = append(orgs, o.ID)
	}
	str := func(v string) *string { return &v }
	pick := func(list ...string) *string {
		if i := rnd.IntN(len(list) + 1); i < len(list) {
			return str(list[i])
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
			o := registry.Outcome{Kind: []string{"opinion", "proposal", "problem_solved"}[rnd.IntN(3)], Approximate: rnd.IntN(2) == 0}
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
		j, err := s.CreateJointAction(ctx, admin, registry.JointAction{TitleZh: "联合行动", Kind: pick("research", "inspection"),
			AreaCode: pick("ecology", "joint-duty"), StartedOn: start, EndedOn: end, Status: "completed",
			Participants: participants("lead", "partner"), Outcomes: outcomes()})
		if err != nil {
			t.Fatal(err)
		}
		actions = append(actions, j.ID)
		p := participants("host", "participant")
		c, err := s.CreateConsultation(ctx, admin, registry.Consultation{TitleZh: "联合协商", Format: pick("meeting", "online"),
			AreaCode: pick("ecology"), HeldOn: date(), Status: []string{"held", "planned"}[rnd.IntN(2)], Participants: p, Outcomes: outcomes()})
		if err != nil {
			t.Fatal(err)
		}
		consultations = append(consultations, c.ID)
	}
	for _, id := range actions[:12] {
		if _, err := s.UpdateJointAction(ctx, admin, id, 0, func(cur registry.JointAction) (registry.JointAction, error) {
			cur.StartedOn, cur.EndedOn = date(), nil
			cur.Kind, cur.Participants, cur.Outcomes = pick("supervision"), participants("lead", "partner"), outcomes()
			return cur, nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range actions[12:18] {
		if _, err := s.ArchiveJointAction(ctx, admin, id, 0); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range consultations[:10] {
		if _, err := s.UpdateConsultation(ctx, admin, id, 0, func(cur registry.Consultation) (registry.Consultation, error) {
			cur.Status, cur.HeldOn, cur.Outcomes = "held", date(), outcomes()
			return cur, nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range consultations[10:14] {
		if _, err := s.ArchiveConsultation(ctx, admin, id, 0); err != nil {
			t.Fatal(err)
		}
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
			if err := s.fillStats(ctx, args, &live); err != nil {
				t.Fatal(err)
			}
			if err := s.fillStatsFromRollup(ctx, args, scope, &rolled); err != nil {
				t.Fatal(err)
			}
			live.JointActions.ByPartnerProvince, rolled.JointActions.ByPartnerProvince = nil, nil
			if !reflect.DeepEqual(live, rolled) {
				t.Errorf("%d %s:\nrecords %+v\nrollup  %+v", year, scope, live, rolled)
			}
		}
	}
}
