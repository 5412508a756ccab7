package postgres

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/lib/pq"
)

// TestTextArrayReadsWhatPostgreSQLWrites: arrays of texts made of every
// character PostgreSQL quotes or escapes (and "NULL", empty texts,
// Chinese), sent to PostgreSQL and read back as text, parse to the texts
// sent, as lib/pq's StringArray parses them.
func TestTextArrayReadsWhatPostgreSQLWrites(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	pieces := []string{"a", "长寿区政协", "，", `"`, `\`, ",", "{", "}", " ", "\t", "\n", "NULL", "null", "95余", "&<>", "'"}
	rnd := rand.New(rand.NewPCG(9, 4))
	for n := range 300 {
		want := []string{}
		for k := rnd.IntN(8); k > 0; k-- {
			var b strings.Builder
			for m := rnd.IntN(4); m > 0; m-- {
				b.WriteString(pieces[rnd.IntN(len(pieces))])
			}
			want = append(want, b.String())
		}
		var raw []byte
		if err := s.db.QueryRowContext(ctx, `SELECT $1::text[]`, pq.Array(want)).Scan(&raw); err != nil {
			t.Fatal(err)
		}
		var got textArray
		if err := got.Scan(raw); err != nil {
			t.Fatalf("%d: %s: %v", n, raw, err)
		}
		var viaPQ pq.StringArray
		if err := viaPQ.Scan(raw); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) || !slices.Equal(got, []string(viaPQ)) {
			t.Fatalf("%s: got %q, sent %q, lib/pq %q", raw, got, want, viaPQ)
		}
	}
}

// TestTextArrayRefusesWhatItDoesNotRead: NULL elements, other dimensions
// and broken literals are errors, never a wrong array or a panic.
func TestTextArrayRefusesWhatItDoesNotRead(t *testing.T) {
	for _, lit := range []string{"", "{", "}", "x", "{NULL}", "{a,NULL}", "{a,}", "{,a}", `{"a}`, `{"a"b}`, `{"a\"}`,
		"{{a,b},{c,d}}", "[0:1]={a,b}", "{a b\"}", `{a\b}`} {
		var a textArray
		if err := a.Scan(lit); err == nil {
			t.Errorf("%q read as %q", lit, a)
		}
	}
	rnd := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		b := []byte("{")
		for k := rnd.IntN(10); k > 0; k-- {
			b = append(b, `a"\,{} N`[rnd.IntN(8)])
		}
		b = append(b, '}')
		var a textArray
		_ = a.Scan(b) // must not panic
	}
	var a textArray
	if err := a.Scan("{}"); err != nil || a == nil || len(a) != 0 {
		t.Errorf("{} read as %q, %v", a, err)
	}
	if err := a.Scan(nil); err != nil || a != nil {
		t.Errorf("NULL read as %q, %v", a, err)
	}
}
