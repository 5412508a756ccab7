package main

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// sizeNote is the part of a case's name that changes with the data set's
// size, such as "(10000 milestones)".
var sizeNote = regexp.MustCompile(`\s*\(\d+ [a-z]+\)`)

// caseKey names a case the same way at every scale.
func caseKey(name string) string { return sizeNote.ReplaceAllString(name, "") }

// cost is what the scale table compares of a case: the p50 of a case
// under load, or, for an export, the time per row (so that an export of
// three times the rows is not three times the cost).
func (r caseResult) cost() (time.Duration, string) {
	if r.isExport() {
		if r.exportRows <= 0 {
			return 0, ""
		}
		per := r.load.Elapsed / time.Duration(r.exportRows)
		return per, fmt.Sprintf("%.1f µs/row", float64(per.Nanoseconds())/1000)
	}
	return r.load.P50, ms(r.load.P50)
}

// scaleTable writes each case's cost at each scale, smallest scale first
// as run, with the target: at the largest scale within 1.3× of the
// smallest.
func scaleTable(b *strings.Builder, suites []*env) {
	small, large := suites[0], suites[0]
	for _, e := range suites {
		if e.scale < small.scale {
			small = e
		}
		if e.scale > large.scale {
			large = e
		}
	}
	fmt.Fprintln(b, "## How each case's cost grows with the data")
	fmt.Fprintln(b)
	fmt.Fprintln(b, "p50 of each case under load (an export: its time per row) at each scale; the target is the largest scale within 1.3× of the smallest.")
	fmt.Fprintln(b)
	head, rule := "| case |", "| --- |"
	for _, e := range suites {
		head += fmt.Sprintf(" scale %g (%d joint actions) |", e.scale, e.sizes.JointActions)
		rule += " ---: |"
	}
	fmt.Fprintln(b, head+fmt.Sprintf(" scale %g ÷ scale %g |", large.scale, small.scale))
	fmt.Fprintln(b, rule+" ---: |")
	var ts []target
	for _, r := range suites[0].results {
		key := caseKey(r.name)
		row := "| " + key + " |"
		costs := map[*env]time.Duration{}
		for _, e := range suites {
			cell := "—"
			for _, x := range e.results {
				if caseKey(x.name) == key {
					c, text := x.cost()
					costs[e], cell = c, text
				}
			}
			row += " " + cell + " |"
		}
		if costs[small] > 0 && costs[large] > 0 {
			f := float64(costs[large]) / float64(costs[small])
			row += fmt.Sprintf(" %.2f× |", f)
			ts = append(ts, target{fmt.Sprintf("%s: at scale %g within 1.3× of scale %g", key, large.scale, small.scale),
				fmt.Sprintf("%.2f×", f), f <= 1.3})
		} else {
			row += " |"
		}
		fmt.Fprintln(b, row)
	}
	fmt.Fprintln(b)
	fmt.Fprintln(b, "Targets:")
	for _, t := range ts {
		writeTarget(b, t)
	}
	fmt.Fprintln(b)
}

// ceiling is a case's ratio to its ceiling in the same run, with what the
// ceiling is: pgbench, COPY of the same rows, or, for a console page, the
// JSON endpoint it shows; 0 when it has none.
func (r caseResult) ceiling() (float64, string) {
	switch {
	case r.kind == "console":
		return r.pageRatio(), "of the JSON endpoint"
	case r.isExport():
		if r.copyRows == 0 {
			return 0, ""
		}
		return r.copyRatio(), "of COPY"
	case len(r.pgScript.files) > 0:
		return r.ratio(), "of pgbench"
	}
	return 0, ""
}

// absolute is a case's figures: req/s, p50 and p99, or an export's rows
// per second and time.
func (r caseResult) absolute() (rate float64, text string) {
	if r.isExport() {
		return r.exportRate(), fmt.Sprintf("%.0f rows/s (%d rows in %s)", r.exportRate(), r.exportRows, r.load.Elapsed.Round(time.Millisecond))
	}
	text = fmt.Sprintf("%.0f req/s, p50 %s, p99 %s", r.load.RPS(), ms(r.load.P50), ms(r.load.P99))
	if r.load.Errors > 0 {
		text += ", " + errorCell(r.load)
	}
	return r.load.RPS(), text
}

// compareTable writes the before/after table of the cases both binaries
// ran: the absolute figures of each and the ratios after ÷ before, of the
// figures and of their ratios to the ceiling each measured in its own run
// (which carry better from run to run: they divide out the machine's
// drift). Writes must keep at least 0.8 of their ratio before.
func compareTable(b *strings.Builder, before, after *env) {
	fmt.Fprintln(b, "## Before and after")
	fmt.Fprintln(b)
	fmt.Fprintf(b, "Before: %s; after: %s; the same data set, client and connections, each on a fresh copy, one after the other. The before binary serves a copy migrated down to its schema by this tree's down migrations; the ceilings of both (pgbench, COPY) run this tree's statements on a copy at the current schema.\n\n",
		before.serving, after.binaryNote())
	fmt.Fprintln(b, "| case | before | before ÷ ceiling | after | after ÷ ceiling | after ÷ before (req/s or rows/s) | after ÷ before (ratio to ceiling) |")
	fmt.Fprintln(b, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	var ts []target
	for _, a := range after.results {
		var x *caseResult
		for i := range before.results {
			if caseKey(before.results[i].name) == caseKey(a.name) {
				x = &before.results[i]
			}
		}
		if x == nil {
			continue
		}
		bRate, bText := x.absolute()
		aRate, aText := a.absolute()
		bRatio, what := x.ceiling()
		aRatio, _ := a.ceiling()
		cell := func(v float64) string {
			if v == 0 {
				return ""
			}
			return fmt.Sprintf("%.2f %s", v, what)
		}
		quot := func(n, d float64) string {
			if n == 0 || d == 0 {
				return ""
			}
			return fmt.Sprintf("%.2f", n/d)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n", a.name, bText, cell(bRatio), aText, cell(aRatio),
			quot(aRate, bRate), quot(aRatio, bRatio))
		if a.kind == "post" && bRatio > 0 {
			f := aRatio / bRatio
			ts = append(ts, target{a.name + ": after ÷ before ratio to pgbench ≥ 0.8",
				fmt.Sprintf("%.2f (%.2f → %.2f of pgbench; %.0f → %.0f req/s)", f, bRatio, aRatio, bRate, aRate), f >= 0.8})
		}
	}
	fmt.Fprintln(b)
	if len(ts) > 0 {
		fmt.Fprintln(b, "Targets:")
		for _, t := range ts {
			writeTarget(b, t)
		}
		fmt.Fprintln(b)
	}
}
