package postgres

import (
	"database/sql"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// dateArgs returns the first day, last day and precision columns of an
// optional partial date.
func dateArgs(d *registry.Date) (first, last sql.NullTime, prec sql.NullInt16) {
	if d == nil {
		return
	}
	return sql.NullTime{Time: d.First(), Valid: true}, sql.NullTime{Time: d.Last(), Valid: true},
		sql.NullInt16{Int16: int16(d.Precision), Valid: true}
}

// scannedDate rebuilds an optional partial date from its columns.
func scannedDate(first sql.NullTime, prec sql.NullInt16) *registry.Date {
	if !first.Valid || !prec.Valid {
		return nil
	}
	d := registry.DateFromParts(first.Time, registry.Precision(prec.Int16))
	return &d
}

// sortKey is the cursor form of a main date: its first day, or -infinity
// for undated records, which sort last.
func sortKey(d *registry.Date) string {
	if d == nil {
		return "-infinity"
	}
	return d.First().Format(time.DateOnly)
}

// checkSortKey validates a decoded cursor date.
func checkSortKey(s string) bool {
	if s == "-infinity" {
		return true
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}
