package postgres

import (
	"errors"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/registry"
)

// FuzzCursor: any cursor either decodes or is a 400 naming the cursor, and
// every cursor the lists give out decodes to what was encoded.
func FuzzCursor(f *testing.F) {
	for _, s := range []string{"", "zzz", encodeCursor("2023-05-18", "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"),
		encodeCursor("-infinity", "x"), "WyIxIl0", "W10", "bnVsbA", "%00"} {
		f.Add(s, "2023-01-01", "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f")
	}
	f.Fuzz(func(t *testing.T, c, a, b string) {
		if _, err := decodeCursor(c, 2); err != nil {
			var bp *registry.BadParam
			if !errors.As(err, &bp) || bp.Name != "cursor" {
				t.Fatalf("decodeCursor(%q) = %v", c, err)
			}
		}
		parts, err := decodeCursor(encodeCursor(a, b), 2)
		if err != nil || parts[0] != a || parts[1] != b {
			// JSON replaces invalid UTF-8 with U+FFFD, and a cursor holding
			// NUL is refused as forged; the keys the lists make are always
			// valid UTF-8 without NUL (dates and UUIDs).
			if validUTF8(a) && validUTF8(b) && !strings.ContainsRune(a+b, 0) {
				t.Fatalf("round trip of %q,%q = %v, %v", a, b, parts, err)
			}
		}
	})
}
