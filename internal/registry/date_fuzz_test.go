package registry

import "testing"

// FuzzParseDate: no panic; a date that parses is echoed exactly as given
// and parses again to the same value; its first day is not after its last.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023", "2023-05", "2023-05-18", "2024-02-29", "2023-02-29", "2023-13", "today",
		"infinity", "", "0000", "9999-12-31", "２０２３", "2023-05-18\x00", "2023\xff", "\xed\xa0\x80", "1e9999", "-2023"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) echoes %q", s, d.String())
		}
		again, err := ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("round trip of %q: %v %v", s, again, err)
		}
		if d.First().After(d.Last()) {
			t.Fatalf("%q: first day after last day", s)
		}
	})
}
