package postgres

import (
	"database/sql"
	"strconv"
	"strings"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// A record's own columns are described once, in a table of columns; the
// table writes the statements that select, insert and update the record
// and the scan of a selected row, so that a new field is one line in the
// table (and one in the migration), never a renumbering of $n in three
// statements.

// column is one field of a record T as its table stores it. A field may
// read and write several columns (a partial date: first day, last day and
// precision).
type column[T any] struct {
	reads  []string                                // selected, in scan order
	writes []string                                // inserted and updated, in args order
	args   func(rec *T) []any                      // values of writes
	scan   func(rec *T) (dests []any, done func()) // destinations of reads
}

// table is the column table of one kind of record. Its first read column
// must be the id; writes exclude it (the id is $1 of insert and update).
type table[T any] struct {
	name    string
	alias   string
	columns []column[T]
}

// selectList returns the alias-qualified columns the table reads.
func (t *table[T]) selectList() string {
	var cols []string
	for _, c := range t.columns {
		for _, r := range c.reads {
			cols = append(cols, t.alias+"."+r)
		}
	}
	return strings.Join(cols, ", ")
}

func (t *table[T]) writes() []string {
	var cols []string
	for _, c := range t.columns {
		cols = append(cols, c.writes...)
	}
	return cols
}

// insertSQL inserts a record: $1 is the id, then the values of args.
func (t *table[T]) insertSQL() string {
	cols := t.writes()
	params := make([]string, len(cols)+1)
	for i := range params {
		params[i] = "$" + strconv.Itoa(i+1)
	}
	return `INSERT INTO ` + t.name + ` (id, ` + strings.Join(cols, ", ") + `) VALUES (` + strings.Join(params, ", ") + `)`
}

// updateSQL replaces the writable columns of record $1 and raises its
// version.
func (t *table[T]) updateSQL() string {
	cols := t.writes()
	sets := make([]string, len(cols))
	for i, c := range cols {
		sets[i] = c + ` = $` + strconv.Itoa(i+2)
	}
	return `UPDATE ` + t.name + ` SET ` + strings.Join(sets, ", ") + `, version = version + 1, updated_at = now() WHERE id = $1`
}

// args returns the parameters of insertSQL and updateSQL.
func (t *table[T]) args(id string, rec *T) []any {
	out := []any{id}
	for _, c := range t.columns {
		if c.args != nil {
			out = append(out, c.args(rec)...)
		}
	}
	return out
}

// dests returns the scan destinations of selectList (then extra ones) and
// the function that completes rec once the row is scanned.
func (t *table[T]) dests(rec *T, extra ...any) ([]any, func()) {
	var out []any
	var dones []func()
	for _, c := range t.columns {
		d, done := c.scan(rec)
		out = append(out, d...)
		if done != nil {
			dones = append(dones, done)
		}
	}
	return append(out, extra...), func() {
		for _, done := range dones {
			done()
		}
	}
}

// The kinds of column.

// key is the record's id, read only (the id is $1 of every write).
func key[T any](f func(*T) *string) column[T] {
	return column[T]{reads: []string{"id"}, scan: func(rec *T) ([]any, func()) { return []any{f(rec)}, nil }}
}

// text is a required text column.
func text[T any, S ~string](name string, f func(*T) *S) column[T] {
	return column[T]{reads: []string{name}, writes: []string{name},
		args: func(rec *T) []any { return []any{string(*f(rec))} },
		scan: func(rec *T) ([]any, func()) {
			var s string
			return []any{&s}, func() { *f(rec) = S(s) }
		}}
}

// optText is a nullable text column.
func optText[T any, S ~string](name string, f func(*T) **S) column[T] {
	return column[T]{reads: []string{name}, writes: []string{name},
		args: func(rec *T) []any {
			if p := *f(rec); p != nil {
				return []any{string(*p)}
			}
			return []any{nil}
		},
		scan: func(rec *T) ([]any, func()) {
			var s sql.NullString
			return []any{&s}, func() {
				if s.Valid {
					v := S(s.String)
					*f(rec) = &v
				}
			}
		}}
}

// optInt is a nullable integer column.
func optInt[T any](name string, f func(*T) **int) column[T] {
	return column[T]{reads: []string{name}, writes: []string{name},
		args: func(rec *T) []any {
			if p := *f(rec); p != nil {
				return []any{int64(*p)}
			}
			return []any{nil}
		},
		scan: func(rec *T) ([]any, func()) {
			var n sql.NullInt64
			return []any{&n}, func() {
				if n.Valid {
					v := int(n.Int64)
					*f(rec) = &v
				}
			}
		}}
}

// partialDate is an optional partial date, kept as three columns: its
// first day (name), its last day (name_last) and its precision.
func partialDate[T any](name string, f func(*T) **registry.Date) column[T] {
	return column[T]{reads: []string{name, name + "_precision"},
		writes: []string{name, name + "_last", name + "_precision"},
		args: func(rec *T) []any {
			first, last, prec := dateArgs(*f(rec))
			return []any{first, last, prec}
		},
		scan: func(rec *T) ([]any, func()) {
			var first sql.NullTime
			var prec sql.NullInt16
			return []any{&first, &prec}, func() { *f(rec) = scannedDate(first, prec) }
		}}
}

// stamps are the server-owned columns every versioned record has.
func stamps[T any](version func(*T) *int, created, updated func(*T) *time.Time, archived func(*T) **time.Time) column[T] {
	return column[T]{reads: []string{"version", "created_at", "updated_at", "archived_at"},
		scan: func(rec *T) ([]any, func()) {
			var a sql.NullTime
			return []any{version(rec), created(rec), updated(rec), &a}, func() {
				*created(rec), *updated(rec) = created(rec).UTC(), updated(rec).UTC()
				*archived(rec) = timePtr(a)
			}
		}}
}
