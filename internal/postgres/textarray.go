package postgres

import (
	"errors"
	"strings"
)

// textArray scans a one-dimensional text[] without NULL elements, as the
// Excel cells are kept, into its strings. lib/pq's StringArray copies
// every element into a buffer of its own and then into a string; a
// year's workbook spent a sixth of its CPU there. textArray makes one
// string of the whole literal and gives elements as pieces of it, copying
// only those with backslash escapes.
type textArray []string

var errTextArray = errors.New("text array: not a one-dimensional array of non-NULL texts")

// Scan implements sql.Scanner.
func (a *textArray) Scan(src any) error {
	var lit string
	switch v := src.(type) {
	case nil:
		*a = nil
		return nil
	case []byte:
		lit = string(v)
	case string:
		lit = v
	default:
		return errTextArray
	}
	out, err := parseTextArray(lit)
	if err != nil {
		return err
	}
	*a = out
	return nil
}

// parseTextArray parses PostgreSQL's text output of a one-dimensional
// text[]: {a,"b c","x\"y"}. An element is quoted when it is empty, holds
// a delimiter, brace, quote, backslash or white space, or reads NULL; in
// quotes a backslash escapes the next byte. An unquoted NULL is an error.
func parseTextArray(lit string) ([]string, error) {
	if len(lit) < 2 || lit[0] != '{' || lit[len(lit)-1] != '}' {
		return nil, errTextArray
	}
	body := lit[1 : len(lit)-1]
	out := make([]string, 0, strings.Count(body, ",")+1)
	if body == "" {
		return out, nil
	}
	for i := 0; ; {
		var elem string
		if i < len(body) && body[i] == '"' {
			i++
			start, escaped := i, false
			for i < len(body) && body[i] != '"' {
				if body[i] == '\\' {
					escaped = true
					i++
				}
				i++
			}
			if i >= len(body) {
				return nil, errTextArray
			}
			elem = body[start:i]
			if escaped {
				elem = unescapeArrayElement(elem)
			}
			i++ // the closing quote
		} else {
			start := i
			for i < len(body) && body[i] != ',' {
				if c := body[i]; c == '{' || c == '}' || c == '"' || c == '\\' {
					return nil, errTextArray
				}
				i++
			}
			elem = body[start:i]
			if elem == "" || strings.EqualFold(elem, "NULL") {
				return nil, errTextArray
			}
		}
		out = append(out, elem)
		if i == len(body) {
			return out, nil
		}
		if body[i] != ',' {
			return nil, errTextArray
		}
		i++
	}
}

// unescapeArrayElement drops the backslash before each escaped byte.
func unescapeArrayElement(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
