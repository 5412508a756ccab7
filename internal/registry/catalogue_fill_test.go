package registry

import (
	"strings"
	"testing"
)

// TestFillIsTheReplacerItReplaced: fill gives what a strings.Replacer of
// the same placeholders gives, for well-formed, nested, unknown and
// unclosed placeholders and for values that look like placeholders.
func TestFillIsTheReplacerItReplaced(t *testing.T) {
	args := Args{"a": "A{b}", "b": "乙", "year": "2023", "": "empty"}
	pairs := []string{}
	for k, v := range args {
		pairs = append(pairs, "{"+k+"}", v)
	}
	replacer := strings.NewReplacer(pairs...)
	for _, s := range []string{"", "plain", "{a}", "{b}{a}{b}", "x{year}年y", "{a{b}", "{unknown}", "{", "}{", "{b", "{}",
		"{{b}}", "前{b}后{year}", "{yea}{year}{years}"} {
		if got, want := fill(s, args), replacer.Replace(s); got != want {
			t.Errorf("fill(%q) = %q, a Replacer gives %q", s, got, want)
		}
	}
}
