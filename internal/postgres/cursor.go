package postgres

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Cursors are opaque to clients: base64url of a JSON array holding the sort
// key of the last row of the previous page.

func encodeCursor(parts ...string) string {
	b, _ := json.Marshal(parts)
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor returns the n parts of cursor c, or a 400 error naming the
// cursor parameter.
func decodeCursor(c string, n int) ([]string, error) {
	bad := &registry.BadParam{Name: "cursor", Code: "invalid_cursor", Value: c}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return nil, bad
	}
	var parts []string
	if err := json.Unmarshal(b, &parts); err != nil || len(parts) != n {
		return nil, bad
	}
	for _, p := range parts {
		if strings.ContainsRune(p, 0) { // a forged cursor: PostgreSQL text cannot hold NUL
			return nil, bad
		}
	}
	return parts, nil
}

// decodeIntCursor decodes a cursor made of one integer id.
func decodeIntCursor(c string) (int64, error) {
	parts, err := decodeCursor(c, 1)
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil {
		return 0, &registry.BadParam{Name: "cursor", Code: "invalid_cursor", Value: c}
	}
	return v, nil
}

// decodeTextCursor decodes a cursor made of one code.
func decodeTextCursor(c string) (string, error) {
	if c == "" {
		return "", nil
	}
	parts, err := decodeCursor(c, 1)
	if err != nil {
		return "", err
	}
	return parts[0], nil
}

// trimPage cuts the extra row fetched to learn whether another page exists
// and builds the cursor of the next page from the last row kept.
func trimPage[T any](items []T, limit int, key func(T) []string) registry.Page[T] {
	if items == nil {
		items = []T{}
	}
	if len(items) <= limit {
		return registry.Page[T]{Items: items}
	}
	items = items[:limit]
	return registry.Page[T]{Items: items, Next: encodeCursor(key(items[limit-1])...)}
}

// likePattern escapes q for a substring ILIKE match.
func likePattern(q string) string {
	out := make([]rune, 0, len(q)+2)
	out = append(out, '%')
	for _, r := range q {
		if r == '%' || r == '_' || r == '\\' {
			out = append(out, '\\')
		}
		out = append(out, r)
	}
	return string(append(out, '%'))
}

func validUTF8(s string) bool { return utf8.ValidString(s) }
