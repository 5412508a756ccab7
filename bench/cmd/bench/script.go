package main

import (
	"database/sql"
	"encoding/hex"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"

	"github.com/chengyu-collab/registry/internal/postgres"
)

// pgScript is what pgbench runs for a case: one or more script files
// (picked at random per transaction), the values of their constant
// variables (-D) and the query mode (-M).
type pgScript struct {
	files []string
	vars  map[string]string
	mode  string // "prepared" or "extended"
	// statements counts the store's statements in a file; demoted, those
	// of them the store prepares that run unnamed in extended mode.
	statements, demoted int
}

// modeNote describes the mode for the report.
func (p pgScript) modeNote() string {
	if p.demoted == 0 {
		return p.mode
	}
	return fmt.Sprintf("%s (%d of %d statements prepared by the store run unnamed)", p.mode, p.demoted, p.statements)
}

// with adds the files and variables of o (a variable both set must have
// one value); the result is prepared only if both are.
func (p pgScript) with(o pgScript) pgScript {
	out := pgScript{files: append(slices.Clone(p.files), o.files...), vars: maps.Clone(o.vars), mode: o.mode,
		statements: max(p.statements, o.statements), demoted: max(p.demoted, o.demoted)}
	if out.vars == nil {
		out.vars = map[string]string{}
	}
	for k, v := range p.vars {
		if w, ok := out.vars[k]; ok && w != v {
			panic(fmt.Sprintf("pgbench variable %s is both %q and %q", k, v, w))
		}
		out.vars[k] = v
	}
	if p.files != nil && p.mode != o.mode {
		out.mode = "extended"
	}
	return out
}

// scriptBuilder writes a pgbench script that runs the store's statements,
// with their text, in the store's order. Each $n becomes a pgbench
// variable, which pgbench sends as a parameter; pgbench numbers every
// occurrence of a variable as a parameter of its own, so a $n the store
// repeats becomes two parameters of one value. A pgbench variable cannot
// be NULL, so a NULL argument is the literal NULL. A statement the store
// prepares may take an expression of variables instead (pgbench cannot
// make a string such as an id from a random number), which is then part
// of the text it prepares.
//
// pgbench has one query mode a run. The script runs in prepared mode when
// the store prepares every statement of it, and otherwise in extended
// mode, which sends each statement as an unnamed statement, parsed and
// planned for its values on every run, as lib/pq does for the store's
// unprepared statements; the statements the store prepares then run the
// same way, and the script counts them (demoted), for the report.
type scriptBuilder struct {
	body     []string
	vars     map[string]string
	prepared int // statements the store prepares
	total    int
}

func (b *scriptBuilder) line(s string) { b.body = append(b.body, s) }

var (
	paramPattern = regexp.MustCompile(`\$([0-9]+)`)
	varPattern   = regexp.MustCompile(`^:[A-Za-z0-9_]+$`)
)

// run adds a statement with its arguments ($1, $2, … in order); gset, if
// not empty, stores the columns of its row in variables with that prefix.
func (b *scriptBuilder) run(st postgres.Statement, gset string, args ...string) {
	n := 0
	for _, m := range paramPattern.FindAllStringSubmatch(st.SQL, -1) {
		i, _ := strconv.Atoi(m[1])
		n = max(n, i)
	}
	if n != len(args) {
		panic(fmt.Sprintf("%d arguments for a statement of %d parameters:\n%s", len(args), n, st.SQL))
	}
	b.total++
	if st.Prepared {
		b.prepared++
	}
	q := st.SQL
	for i := len(args); i >= 1; i-- {
		if a := args[i-1]; !st.Prepared && a != "NULL" && !varPattern.MatchString(a) {
			panic(fmt.Sprintf("argument $%d of an unprepared statement is %q, not a pgbench variable", i, a))
		}
		q = strings.ReplaceAll(q, "$"+strconv.Itoa(i), args[i-1])
	}
	if gset != "" {
		b.line(q + ` \gset ` + gset)
		return
	}
	b.line(q + ";")
}

// constant sets a pgbench variable (-D) to v as lib/pq sends it and
// returns its reference, ":name"; a NULL value gives the literal NULL.
func (b *scriptBuilder) constant(name string, v any) (string, error) {
	var s string
	switch a := v.(type) {
	case string:
		s = a
	case int:
		s = strconv.Itoa(a)
	case int64:
		s = strconv.FormatInt(a, 10)
	case float64:
		s = strconv.FormatFloat(a, 'f', -1, 64)
	case bool:
		s = strconv.FormatBool(a)
	case []byte:
		s = `\x` + hex.EncodeToString(a)
	case time.Time:
		s = string(pq.FormatTimestamp(a))
	case sql.NullTime:
		if !a.Valid {
			return "NULL", nil
		}
		s = string(pq.FormatTimestamp(a.Time))
	default:
		// The domain's string types (registry.AuditEntity, AuditAction…).
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
			s = rv.String()
			break
		}
		return "", fmt.Errorf("pgbench variable %s: no text form for %T", name, v)
	}
	if b.vars == nil {
		b.vars = map[string]string{}
	}
	if w, ok := b.vars[name]; ok && w != s {
		return "", fmt.Errorf("pgbench variable %s is both %q and %q", name, w, s)
	}
	b.vars[name] = s
	return ":" + name, nil
}

// script returns the script and its mode.
func (b *scriptBuilder) script() pgScript {
	vars := maps.Clone(b.vars)
	if vars == nil {
		vars = map[string]string{}
	}
	out := pgScript{files: []string{strings.Join(b.body, "\n") + "\n"}, vars: vars, mode: "extended"}
	if b.total > 0 && b.prepared == b.total {
		out.mode = "prepared"
	} else {
		out.demoted = b.prepared
	}
	out.statements = b.total
	return out
}
