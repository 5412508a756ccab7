package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chengyu-collab/registry/internal/registry"
)

// maxBody is the largest request body accepted (413 above).
const maxBody = 1 << 20

// bodyTooLarge is the 413 of a body over maxBody.
func bodyTooLarge() *bodyError {
	return &bodyError{kind: "body-too-large", code: "detail.body_too_large", args: registry.Args{"limit": "1 MiB"}}
}

// maxDepth is the deepest JSON nesting accepted in a body.
const maxDepth = 32

// maxTokens bounds the JSON tokens (keys, values, brackets) of a body. The
// largest valid body (an agreement with every list full) has about 1,500;
// without a bound, a 1 MiB body of half a million array elements cost
// hundreds of MiB of allocations and seconds of CPU before it was refused.
const maxTokens = 20_000

// readOnlyFields are owned by the server: sending one is a 400.
var readOnlyFields = map[string]bool{"id": true, "version": true, "created_at": true, "updated_at": true, "archived_at": true,
	"related_from": true, "overdue": true}

// bodyError is a request body the server refuses before validation: the
// problem kind, and the catalogue code and arguments of its detail.
type bodyError struct {
	kind string // a problemKinds key
	code string // a catalogue code
	args registry.Args
	// jsonType, when set, is a JSON type name ("string", "number", ...)
	// that fills {type} in the answer's language.
	jsonType string
}

func (e *bodyError) Error() string {
	if f := e.args["field"]; f != "" {
		return e.kind + ": " + e.code + " " + f
	}
	return e.kind + ": " + e.code
}

// problem renders the refusal in the request's language.
func (e *bodyError) problem(r *http.Request) *Problem {
	args := e.args
	if e.jsonType != "" {
		args = registry.Args{"type": registry.Text(lang(r), "json."+e.jsonType, nil)}
		for k, v := range e.args {
			args[k] = v
		}
	}
	return newProblem(r, e.kind, e.code, args)
}

// badBody is a 400 about the body with the catalogue detail code.
func badBody(code string, args registry.Args) *bodyError {
	return &bodyError{kind: "bad-request", code: code, args: args}
}

// readBody checks the content type, limits the size and returns the raw
// body, refusing invalid UTF-8. patch also admits application/merge-patch+json.
func readBody(w http.ResponseWriter, r *http.Request, patch bool) ([]byte, error) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	okType := err == nil && (mt == "application/json" || (patch && mt == "application/merge-patch+json"))
	if cs, has := params["charset"]; okType && has && !strings.EqualFold(cs, "utf-8") {
		okType = false
	}
	if !okType {
		code := "detail.unsupported_media"
		if patch {
			code = "detail.unsupported_media_patch"
		}
		return nil, &bodyError{kind: "unsupported-media", code: code, args: registry.Args{"value": quoted(r.Header.Get("Content-Type"))}}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, bodyTooLarge()
	case err != nil:
		return nil, badBody("detail.body_unreadable", nil)
	case !utf8.Valid(body):
		return nil, badBody("detail.body_not_utf8", nil)
	case hasLoneSurrogate(body):
		return nil, badBody("detail.body_lone_surrogate", nil)
	}
	return body, nil
}

// hasLoneSurrogate reports whether a JSON text escapes half of a UTF-16
// surrogate pair on its own (such as "\ud800"), which encoding/json would
// silently store as U+FFFD instead of the text sent.
func hasLoneSurrogate(body []byte) bool {
	for i := 0; i+5 < len(body); i++ {
		if body[i] != '\\' {
			continue
		}
		if body[i+1] != 'u' {
			i++ // an escaped character, such as \\ itself
			continue
		}
		u, ok := hex4(body[i+2 : i+6])
		switch {
		case !ok:
		case u >= 0xDC00 && u <= 0xDFFF:
			return true // a low half with no high half before it
		case u >= 0xD800 && u <= 0xDBFF:
			if i+11 >= len(body) || body[i+6] != '\\' || body[i+7] != 'u' {
				return true
			}
			if low, ok := hex4(body[i+8 : i+12]); !ok || low < 0xDC00 || low > 0xDFFF {
				return true
			}
			i += 11
			continue
		}
		i += 5
	}
	return false
}

func hex4(b []byte) (rune, bool) {
	var r rune
	for _, c := range b {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c-'a') + 10
		case c >= 'A' && c <= 'F':
			r |= rune(c-'A') + 10
		default:
			return 0, false
		}
	}
	return r, true
}

// decodeStrict decodes body into dst: exactly one JSON value, no unknown
// fields (in any letter case), no duplicate keys, no read-only fields, and
// nesting no deeper than maxDepth.
func decodeStrict(body []byte, dst any) error {
	if err := scanKeys(body, jsonNames(reflect.TypeOf(dst))); err != nil {
		return err
	}
	if v := bytes.TrimLeft(body, " \t\r\n"); len(v) > 0 && v[0] != '{' {
		return badBody("detail.body_not_object", nil) // null would decode as an empty object
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return describeJSONError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return badBody("detail.trailing_data", nil)
	}
	return nil
}

// describeJSONError turns an encoding/json error into the 400 that says
// what is wrong, by catalogue code.
func describeJSONError(err error) *bodyError {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			return badBody("detail.body_not_object", nil)
		}
		return &bodyError{kind: "bad-request", code: "detail.wrong_type", args: registry.Args{"field": field},
			jsonType: jsonTypeName(typeErr.Type)}
	case errors.As(err, &syntaxErr):
		return badBody("detail.malformed_json", registry.Args{"offset": strconv.FormatInt(syntaxErr.Offset, 10)})
	case errors.Is(err, io.EOF):
		return badBody("detail.body_empty", nil)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badBody("detail.malformed_json_end", nil)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return badBody("detail.unknown_field", registry.Args{"field": quoted(name)})
	}
	return badBody("detail.malformed_json_plain", nil)
}

func jsonTypeName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Float64:
		return "number"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice:
		return "array"
	}
	return "object"
}

// jsonNames collects the JSON names of every field reachable from t.
func jsonNames(t reflect.Type) map[string]bool {
	names := map[string]bool{}
	var walk func(t reflect.Type, seen map[reflect.Type]bool)
	walk = func(t reflect.Type, seen map[reflect.Type]bool) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name != "" && name != "-" {
				names[name] = true
			}
			walk(f.Type, seen)
		}
	}
	walk(t, map[reflect.Type]bool{})
	return names
}

// scanKeys walks the tokens of body and refuses duplicate keys, keys that
// are not exactly one of known (encoding/json would accept other letter
// cases), read-only fields at the top level, deep nesting and more than
// maxTokens tokens.
func scanKeys(body []byte, known map[string]bool) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	type frame struct {
		obj  bool
		keys map[string]bool
		want bool // the next string token of an object is a key
	}
	var stack []*frame
	for n := 0; ; n++ {
		if n > maxTokens {
			return badBody("detail.too_many_values", nil)
		}
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				return badBody("detail.malformed_json_end", nil)
			}
			return nil
		}
		if err != nil {
			return describeJSONError(err)
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if key, isKey := tok.(string); isKey && top != nil && top.obj && top.want {
			switch {
			case top.keys[key]:
				return badBody("detail.duplicate_key", registry.Args{"field": quoted(key)})
			case len(stack) == 1 && readOnlyFields[strings.ToLower(key)]:
				return &bodyError{kind: "read-only-field", code: "detail.read_only_field", args: registry.Args{"field": quoted(key)}}
			case !known[key]:
				return badBody("detail.unknown_field", registry.Args{"field": quoted(key)})
			}
			top.keys[key] = true
			top.want = false
			continue
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			if len(stack) >= maxDepth {
				return badBody("detail.too_deep", registry.Args{"limit": strconv.Itoa(maxDepth)})
			}
			stack = append(stack, &frame{obj: tok == json.Delim('{'), keys: map[string]bool{}, want: tok == json.Delim('{')})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		// A value (scalar or closed container) ends: the enclosing object
		// expects a key next.
		if len(stack) > 0 && stack[len(stack)-1].obj {
			stack[len(stack)-1].want = true
		}
	}
}
