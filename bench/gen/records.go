package gen

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Years the generated records span.
const firstYear, lastYear = 2016, 2025

func (g *generator) organizations(ctx context.Context, conn *sql.Conn) error {
	cols := []string{"id", "code", "kind", "name_zh", "name_en", "short_name_zh", "region_code"}
	return copyRows(ctx, conn, "organizations", cols, g.sizes.Organizations, func(n int) []any {
		s := g.source("org", n)
		total := 0
		for _, k := range kindNames {
			total += k.weight
		}
		w := s.r.IntN(total)
		k := kindNames[0]
		for _, c := range kindNames {
			if w < c.weight {
				k = c
				break
			}
			w -= c.weight
		}
		reg := g.regionOf(n)
		return []any{ID(g.seed, "org", n), OrgCode(n), string(k.kind), fmt.Sprintf("%s%s（%04d）", reg.name, k.zh, n),
			fmt.Sprintf("%s %s (%04d)", reg.code, k.en, n), reg.name + k.zh, reg.code}
	})
}

// agreement is what the COPY passes of one agreement share.
type agreement struct {
	parties []int
	areas   []string
}

func (g *generator) agreementParts(n int) (*source, agreement) {
	s := g.source("agr", n)
	a := agreement{parties: s.distinctOrgs(2 + s.r.IntN(3))}
	for i, k := 0, 1+s.r.IntN(4); i < k; i++ {
		a.areas = append(a.areas, s.pick(areaCodes))
	}
	return s, a
}

func (g *generator) agreements(ctx context.Context, conn *sql.Conn) error {
	cols := []string{"id", "title_zh", "title_en", "type", "status", "signed_on", "signed_on_last", "signed_on_precision",
		"signed_place", "effective_from", "effective_from_last", "effective_from_precision", "summary_zh", "summary_en",
		"areas_declared", "created_at", "updated_at"}
	types := registry.AgreementTypes.Codes()
	statuses := strs(registry.StatusInForce, registry.StatusInForce, registry.StatusInForce, registry.StatusSigned,
		registry.StatusExpired, registry.StatusSuspended, registry.StatusDraft, registry.StatusTerminated)
	err := copyRows(ctx, conn, "agreements", cols, g.sizes.Agreements, func(n int) []any {
		s, a := g.agreementParts(n)
		zh, en := s.topic()
		first, last, prec := s.partialDate(firstYear, lastYear)
		var signed, signedLast, signedPrec any = first, last, prec
		if s.r.IntN(100) < 3 {
			signed, signedLast, signedPrec = nil, nil, nil
		}
		title := fmt.Sprintf("%s与%s%s合作框架协议", g.regionOf(a.parties[0]).name, g.regionOf(a.parties[1]).name, zh)
		return []any{ID(g.seed, "agr", n), title, "Agreement on " + en, s.pick(types), s.pick(statuses),
			signed, signedLast, signedPrec, g.regionOf(a.parties[0]).name, signed, signedLast, signedPrec,
			s.text("围绕"+zh+"等方面，", 150+s.r.IntN(250)), "Cooperation on " + en + ".", len(a.areas) + s.r.IntN(3),
			time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	})
	if err != nil {
		return err
	}
	err = copyRows(ctx, conn, "agreement_parties", []string{"agreement_id", "position", "organization_id", "role"},
		g.sizes.Agreements, func(n int) []any {
			_, a := g.agreementParts(n)
			var rows multi
			for i, o := range a.parties {
				role := string(registry.PartySignatory)
				if i >= 2 {
					role = "witness"
				}
				rows = append(rows, []any{ID(g.seed, "agr", n), i, ID(g.seed, "org", o), role})
			}
			return []any{rows}
		})
	if err != nil {
		return err
	}
	err = copyRows(ctx, conn, "agreement_areas", []string{"agreement_id", "position", "area_code", "label_zh"},
		g.sizes.Agreements, func(n int) []any {
			_, a := g.agreementParts(n)
			var rows multi
			for i, code := range a.areas {
				rows = append(rows, []any{ID(g.seed, "agr", n), i, code, areaLabels[code]})
			}
			return []any{rows}
		})
	if err != nil {
		return err
	}
	return copyRows(ctx, conn, "agreement_mechanisms", []string{"agreement_id", "position", "kind", "description"},
		g.sizes.Agreements, func(n int) []any {
			s, _ := g.agreementParts(n)
			return []any{multi{{ID(g.seed, "agr", n), 0, s.pick(mechanismKinds), "建立常态化联络机制"}}}
		})
}

// activity is what the COPY passes of one consultation or joint action
// share: its participants, how many outcomes it has, and its dates (the
// participant rows carry the record's sort key and period).
type activity struct {
	participants      []int
	outcomes          int
	first, last       time.Time
	prec              int16
	hasEnd            bool
	endFirst, endLast time.Time
}

func (g *generator) activityParts(kind string, n int) (*source, activity) {
	s := g.source(kind, n)
	a := activity{participants: s.distinctOrgs(2 + s.r.IntN(4)), outcomes: s.r.IntN(4)}
	a.first, a.last, a.prec = s.partialDate(firstYear, lastYear)
	if kind == "ja" && s.r.IntN(10) < 6 {
		a.hasEnd = true
		a.endFirst = a.last.AddDate(0, 0, s.r.IntN(120))
		a.endLast = a.endFirst
	}
	return s, a
}

// period is the record's period as a daterange literal.
func (a activity) period() string {
	last := a.last
	if a.hasEnd {
		last = a.endLast
	}
	return "[" + a.first.Format(time.DateOnly) + "," + last.Format(time.DateOnly) + "]"
}

func (g *generator) activityChildren(ctx context.Context, conn *sql.Conn, kind, prefix string, count int, roles [3]string) error {
	err := copyRows(ctx, conn, prefix+"_participants", []string{prefix + "_id", "position", "organization_id", "role", "sort_on", "period"},
		count, func(n int) []any {
			_, a := g.activityParts(kind, n)
			var rows multi
			for i, o := range a.participants {
				role := roles[2]
				switch {
				case i == 0:
					role = roles[0]
				case i == 1:
					role = roles[1]
				}
				rows = append(rows, []any{ID(g.seed, kind, n), i, ID(g.seed, "org", o), role, a.first, a.period()})
			}
			return []any{rows}
		})
	if err != nil {
		return err
	}
	return copyRows(ctx, conn, prefix+"_outcomes", []string{prefix + "_id", "position", "kind", "count", "approximate", "description_zh"},
		count, func(n int) []any {
			s, a := g.activityParts(kind, n)
			var rows multi
			for i := 0; i < a.outcomes; i++ {
				rows = append(rows, []any{ID(g.seed, kind, n), i, s.pick(outcomeKinds), 1 + s.r.IntN(120), s.r.IntN(4) == 0, "形成协商成果"})
			}
			return []any{rows}
		})
}

func (g *generator) consultations(ctx context.Context, conn *sql.Conn) error {
	cols := []string{"id", "title_zh", "title_en", "topic_zh", "topic_en", "format", "held_on", "held_on_last",
		"held_on_precision", "location", "agreement_id", "area_code", "status", "summary_zh", "created_at", "updated_at"}
	statuses := strs(registry.StatusHeld, registry.StatusHeld, registry.StatusHeld, registry.StatusHeld,
		registry.ConsultationPlanned, registry.ConsultationCancelled)
	err := copyRows(ctx, conn, "consultations", cols, g.sizes.Consultations, func(n int) []any {
		s, a := g.activityParts("con", n)
		zh, en := s.topic()
		first, last, prec := a.first, a.last, a.prec
		var agr, area any
		if s.r.IntN(10) < 4 {
			agr = ID(g.seed, "agr", 1+s.r.IntN(g.sizes.Agreements))
		}
		if s.r.IntN(10) < 7 {
			area = s.pick(areaCodes)
		}
		host := g.regionOf(a.participants[0]).name
		return []any{ID(g.seed, "con", n), fmt.Sprintf("%s政协%s联合协商会", host, zh), "Joint consultation on " + en,
			zh + "工作", en, s.pick(consultationFormats), first, last, prec, host, agr, area, s.pick(statuses),
			s.text("围绕"+zh+"，", 80+s.r.IntN(120)), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	})
	if err != nil {
		return err
	}
	return g.activityChildren(ctx, conn, "con", "consultation", g.sizes.Consultations, [3]string(registry.ConsultationRoles.Codes()))
}

func (g *generator) jointActions(ctx context.Context, conn *sql.Conn) error {
	cols := []string{"id", "title_zh", "title_en", "theme_zh", "theme_en", "kind", "started_on", "started_on_last",
		"started_on_precision", "ended_on", "ended_on_last", "ended_on_precision", "location", "agreement_id", "area_code",
		"status", "summary_zh", "created_at", "updated_at"}
	statuses := strs(registry.ActionCompleted, registry.ActionCompleted, registry.ActionCompleted, registry.ActionOngoing,
		registry.ActionPlanned, registry.ActionCancelled)
	err := copyRows(ctx, conn, "joint_actions", cols, g.sizes.JointActions, func(n int) []any {
		s, a := g.activityParts("ja", n)
		zh, en := s.topic()
		first, last, prec := a.first, a.last, a.prec
		var endFirst, endLast, endPrec any
		if a.hasEnd {
			endFirst, endLast, endPrec = a.endFirst, a.endLast, int16(3)
		}
		var agr, area any
		if s.r.IntN(10) < 3 {
			agr = ID(g.seed, "agr", 1+s.r.IntN(g.sizes.Agreements))
		}
		if s.r.IntN(10) < 8 {
			area = s.pick(areaCodes)
		}
		lead := g.regionOf(a.participants[0]).name
		return []any{ID(g.seed, "ja", n), fmt.Sprintf("%s等联合开展%s专题%s", lead, zh, "调研"), "Joint action on " + en,
			zh, en, s.pick(actionKinds), first, last, prec, endFirst, endLast, endPrec, lead, agr, area, s.pick(statuses),
			s.text("联合"+lead+"等地，", 60+s.r.IntN(90)), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	})
	if err != nil {
		return err
	}
	return g.activityChildren(ctx, conn, "ja", "joint_action", g.sizes.JointActions, [3]string(registry.JointActionRoles.Codes()))
}

// strs turns enum values into the strings a COPY row holds.
func strs[S ~string](vals ...S) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}
