package gen

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// BusyAgreement is the number of the agreement that holds Sizes.Busy of
// the milestones, so that its timeline is long.
const BusyAgreement = 1

// milestones loads the milestones: the first Sizes.Busy under
// BusyAgreement, the rest spread over the agreements, each the
// responsibility of a party of its agreement; most open, many overdue.
func (g *generator) milestones(ctx context.Context, conn *sql.Conn) error {
	cols := []string{"id", "agreement_id", "title_zh", "title_en", "responsible_organization_id", "due_on", "due_on_last",
		"due_on_precision", "status", "done_on", "done_on_last", "done_on_precision", "created_at", "updated_at"}
	created := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	return copyRows(ctx, conn, "milestones", cols, g.sizes.Milestones, func(n int) []any {
		s := g.source("ms", n)
		agr := BusyAgreement
		if n > g.sizes.Busy {
			agr = 1 + s.r.IntN(g.sizes.Agreements)
		}
		_, a := g.agreementParts(agr)
		zh, en := s.topic()
		first, last, prec := s.partialDate(firstYear, lastYear+2)
		status := registry.MilestoneOpen
		var done, doneLast, donePrec any
		switch p := s.r.IntN(100); {
		case p < 30 && first.Before(time.Date(lastYear, 12, 1, 0, 0, 0, 0, time.UTC)):
			status, done, doneLast, donePrec = registry.MilestoneDone, first, first, int16(3)
		case p < 40:
			status = registry.MilestoneCancelled
		}
		return []any{ID(g.seed, "ms", n), ID(g.seed, "agr", agr), fmt.Sprintf("%s工作任务第%d项", zh, n),
			fmt.Sprintf("%s task %d", en, n), ID(g.seed, "org", a.parties[s.r.IntN(len(a.parties))]),
			first, last, prec, string(status), done, doneLast, donePrec, created, created}
	})
}

// relations links a few agreements: the next five implement
// BusyAgreement, and every fiftieth supplements the one before it.
func (g *generator) relations(ctx context.Context, conn *sql.Conn) error {
	cols := []string{"agreement_id", "related_id", "kind", "position"}
	return copyRows(ctx, conn, "agreement_relations", cols, g.sizes.Agreements, func(n int) []any {
		switch {
		case n > BusyAgreement && n <= BusyAgreement+5:
			return []any{ID(g.seed, "agr", n), ID(g.seed, "agr", BusyAgreement), string(registry.RelationImplements), 0}
		case n%50 == 0:
			return []any{ID(g.seed, "agr", n), ID(g.seed, "agr", n-1), string(registry.RelationSupplements), 0}
		}
		return []any{multi{}}
	})
}
