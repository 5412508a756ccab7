package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"
)

// rebuildCmd runs `rebuild-read-models`: it recomputes, from the source
// tables, the read form of every agreement, consultation and joint action
// (with --missing, only of those that have none, as after a bulk load),
// and, without --missing, the milestones' party rows and the running sums
// of the statistics; then it drains the organisation queue. It runs beside
// a serving registry: each batch locks its records, as a write does, and
// the sums are locked against writes while they are rebuilt. Last, it
// vacuums the rewritten tables (Store.VacuumReadModels).
func rebuildCmd(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fs := flag.NewFlagSet("rebuild-read-models", flag.ContinueOnError)
	fs.SetOutput(stderr)
	missing := fs.Bool("missing", false, "only the records that have no read form")
	if err := fs.Parse(args); err != nil {
		return err
	}
	_, store, err := openStore(ctx, getenv)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	err = store.RebuildReadForms(ctx, *missing, func(table string, n int) {
		fmt.Fprintf(stderr, "%s: %d read forms written (%s)\n", table, n, time.Since(start).Round(time.Millisecond))
	})
	if err != nil {
		return fmt.Errorf("rebuild read models: %w", err)
	}
	if err := store.VacuumReadModels(ctx); err != nil {
		return fmt.Errorf("rebuild read models: %w", err)
	}
	fmt.Fprintf(stderr, "vacuumed and analysed (%s)\n", time.Since(start).Round(time.Millisecond))
	return nil
}
