package httpapi

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gorilla/mux"

	"github.com/chengyu-collab/registry/internal/registry"
)

// listResponse is the envelope of every list.
type listResponse[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// writeJSON sends v with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	writeEncoded(w, status, v)
}

// writeEncoded sends v encoded as JSON, with a newline, as the whole body
// under the headers already set.
func writeEncoded(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v) // what json.Encoder writes, less its newline
	if err != nil {
		w.WriteHeader(status)
		return
	}
	writeBody(w, status, append(body, '\n'))
}

// writeBody sends a whole body with its Content-Length. Without it, a
// body over 2 KiB went out chunked (net/http cannot know its length), in
// more writes and more bytes, which a client then has to reassemble.
func writeBody(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// pathParam returns a route variable.
func pathParam(r *http.Request, name string) string { return mux.Vars(r)[name] }

// etag is the strong entity tag of a record version.
func etag(version int) string { return `"` + strconv.Itoa(version) + `"` }

// writeRecord sends a single versioned record with its ETag. Caches may
// keep it but must revalidate (no-cache): a GET with If-None-Match naming
// the current version is answered 304 by notModified.
func writeRecord(w http.ResponseWriter, status int, version int, v any) {
	writeTagged(w, status, etag(version), v)
}

// writeTagged sends a single record with the entity tag tag, as
// writeRecord does.
func writeTagged(w http.ResponseWriter, status int, tag string, v any) {
	w.Header().Set("ETag", tag)
	w.Header().Set("Cache-Control", "no-cache")
	writeJSON(w, status, v)
}

// contentTag is a strong entity tag of v's JSON representation, for
// records without a version (regions): the first 128 bits of its SHA-256,
// in hex. It never looks like a version tag ("3"), so If-Match could not
// confuse the two.
func contentTag(v any) string {
	b, _ := json.Marshal(v) // records always encode
	sum := sha256.Sum256(b)
	return `"r` + hex.EncodeToString(sum[:16]) + `"`
}

// notModified answers conditional GETs and HEADs (If-None-Match) of single
// records: when the record the handler is about to send (200 with an
// ETag, see writeRecord) has a tag the client holds, the answer is 304
// with the ETag and Cache-Control and no body. "*" matches any current
// record; a list matches when any tag does; the comparison is weak
// (W/"3" matches "3"), as RFC 9110 asks for If-None-Match. Lists, which
// carry no ETag, and errors are never turned into 304.
func notModified(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tags := strings.Join(r.Header.Values("If-None-Match"), ",")
		if (r.Method != http.MethodGet && r.Method != http.MethodHead) || strings.TrimSpace(tags) == "" {
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(&conditionalWriter{ResponseWriter: w, ifNoneMatch: tags}, r)
	})
}

// etagListMatches reports whether an If-None-Match value matches tag.
func etagListMatches(list, tag string) bool {
	tag = strings.TrimPrefix(tag, "W/")
	for _, part := range strings.Split(list, ",") {
		part = strings.TrimSpace(part)
		if part == "*" || strings.TrimPrefix(part, "W/") == tag {
			return true
		}
	}
	return false
}

// conditionalWriter turns a 200 whose ETag matches If-None-Match into a
// bodiless 304.
type conditionalWriter struct {
	http.ResponseWriter
	ifNoneMatch string
	wroteHeader bool
	unchanged   bool
}

func (c *conditionalWriter) WriteHeader(code int) {
	if c.wroteHeader {
		return
	}
	c.wroteHeader = true
	if tag := c.Header().Get("ETag"); code == http.StatusOK && tag != "" && etagListMatches(c.ifNoneMatch, tag) {
		c.unchanged = true
		h := c.Header()
		h.Del("Content-Type")
		h.Del("Content-Length")
		code = http.StatusNotModified
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *conditionalWriter) Write(b []byte) (int, error) {
	if !c.wroteHeader {
		c.WriteHeader(http.StatusOK)
	}
	if c.unchanged {
		return len(b), nil // a 304 has no body
	}
	return c.ResponseWriter.Write(b)
}

// Flush passes flushes on, for exports requested with If-None-Match.
func (c *conditionalWriter) Flush() {
	if !c.wroteHeader {
		c.WriteHeader(http.StatusOK)
	}
	_ = http.NewResponseController(c.ResponseWriter).Flush()
}

// Unwrap exposes the underlying writer to http.ResponseController.
func (c *conditionalWriter) Unwrap() http.ResponseWriter { return c.ResponseWriter }

// writePage sends a list page with its Link header.
func writePage[T any](w http.ResponseWriter, r *http.Request, p registry.Page[T]) {
	if p.Items == nil {
		p.Items = []T{}
	}
	if p.Next != "" {
		q := r.URL.Query()
		q.Set("cursor", p.Next)
		next := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		w.Header().Set("Link", "<"+next.String()+`>; rel="next"`)
	}
	writeJSON(w, http.StatusOK, listResponse[T]{Items: p.Items, NextCursor: p.Next})
}

// ifMatch reads the If-Match header: the version it names, or ok=false
// when the header is missing (428). A header naming no current version
// yields -1, which never matches (412). "*" matches any version (0).
func ifMatch(r *http.Request) (version int, present bool) {
	h := strings.TrimSpace(r.Header.Get("If-Match"))
	if h == "" {
		return 0, false
	}
	if h == "*" {
		return 0, true
	}
	for _, part := range strings.Split(h, ",") {
		part = strings.TrimSpace(part)
		if len(part) < 3 || part[0] != '"' || part[len(part)-1] != '"' {
			continue
		}
		// Strong comparison: the tag must be exactly one we give out
		// ("01" is not "1").
		tag := part[1 : len(part)-1]
		if v, err := strconv.Atoi(tag); err == nil && v > 0 && strconv.Itoa(v) == tag {
			return v, true
		}
	}
	return -1, true
}

// requireIfMatch answers 428 when If-Match is missing and 400 when it is
// not "*" or a list of entity tags (an unquoted 2 or '2').
func requireIfMatch(w http.ResponseWriter, r *http.Request) (int, bool) {
	v, ok := ifMatch(r)
	if !ok {
		fail(w, r, "precondition-required", "", nil)
		return v, false
	}
	if h := strings.Join(r.Header.Values("If-Match"), ","); !wellFormedIfMatch(h) {
		value := quoted(strings.TrimSpace(h))
		p := newProblem(r, "bad-request", "detail.invalid_if_match", registry.Args{"value": value})
		p.Errors = []ProblemField{{Field: "If-Match", Code: "invalid_if_match",
			Message: registry.Text(lang(r), "invalid_if_match", nil)}}
		writeProblem(w, p)
		return v, false
	}
	return v, true
}

// wellFormedIfMatch reports whether an If-Match value is "*" or a
// comma-separated list of entity tags as RFC 9110 writes them: an optional
// W/ and a double-quoted string of visible characters other than '"'.
func wellFormedIfMatch(h string) bool {
	if strings.TrimSpace(h) == "*" {
		return true
	}
	n := 0
	for _, part := range strings.Split(h, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue // RFC 9110 lists may hold empty elements
		}
		n++
		part = strings.TrimPrefix(part, "W/")
		if len(part) < 2 || part[0] != '"' || part[len(part)-1] != '"' {
			return false
		}
		for i := 1; i < len(part)-1; i++ {
			if c := part[i]; c == '"' || c < 0x21 || c == 0x7f {
				return false
			}
		}
	}
	return n > 0
}

// query is a reader of query parameters that collects the first error.
// It also records the name of every parameter the route reads: the names
// a route reads are the parameters it defines, and done refuses any other
// the request sends. A route's parameters are thus written once, where
// they are read, and a parameter a client misspells or sends to the wrong
// route (?year=2023 on a list) is a 400 instead of a silently ignored
// filter.
type query struct {
	vals     url.Values
	err      error
	parseErr error    // the query string does not parse
	defined  []string // the names read, in the order read
}

func newQuery(r *http.Request) *query {
	vals, err := parseQuery(r.URL.RawQuery)
	return &query{vals: vals, err: err, parseErr: err}
}

// define records that the route defines parameter name.
func (q *query) define(name string) {
	if !slices.Contains(q.defined, name) {
		q.defined = append(q.defined, name)
	}
}

// done is called once the route has read all its parameters. It refuses
// a query string that does not parse; then the first parameter (by name)
// that the route did not read, listing those it defines — before any
// error of the defined ones, since a misspelt name (yeer=2023) is the
// cause of the "year is required" that would follow; then it returns the
// first error of a defined parameter.
func (q *query) done() error {
	if q.parseErr != nil {
		return q.parseErr
	}
	names := make([]string, 0, len(q.vals))
	for name := range q.vals {
		if name == "" { // "=x" or "&=": a pair without a name
			return &registry.BadParam{Name: "query", Code: "malformed_query", Value: "="}
		}
		if !slices.Contains(q.defined, name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return q.err
	}
	slices.Sort(names)
	return &registry.BadParam{Name: names[0], Code: "unknown_parameter", Param: strings.Join(q.defined, " ")}
}

// noParams answers 400 (and returns false) when a route that defines no
// query parameter, such as a single-record read or a write, is sent one.
func (h *handler) noParams(w http.ResponseWriter, r *http.Request) bool {
	if err := newQuery(r).done(); err != nil {
		h.writeError(w, r, err)
		return false
	}
	return true
}

// bad records that parameter name with value is wrong: code is a
// catalogue code saying what it should be, param fills its placeholders.
func (q *query) bad(name, code, param, value string) {
	if q.err == nil {
		q.err = &registry.BadParam{Name: name, Code: code, Param: param, Value: value}
	}
}

// str returns a parameter; an empty value that was given is an error.
func (q *query) str(name string) string {
	q.define(name)
	vs, ok := q.vals[name]
	if !ok {
		return ""
	}
	switch {
	case len(vs) != 1:
		q.bad(name, "repeated_parameter", "", "")
		return ""
	case strings.TrimSpace(vs[0]) == "":
		q.bad(name, "empty_parameter", "", "")
		return ""
	case !utf8.ValidString(vs[0]) || strings.ContainsRune(vs[0], 0):
		q.bad(name, "invalid_characters", "", "")
		return ""
	}
	return strings.TrimSpace(vs[0])
}

// oneOf returns a parameter that must be one of allowed.
func (q *query) oneOf(name string, allowed []string) string {
	v := q.str(name)
	if v == "" {
		return ""
	}
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	q.bad(name, "invalid_value", strings.Join(allowed, " "), v)
	return ""
}

// limit returns the page size: default 50, 1–200.
func (q *query) limit() int {
	v := q.str("limit")
	if v == "" {
		return 50
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 200 {
		q.bad("limit", "out_of_range", "1 200", v)
		return 50
	}
	return n
}

// date returns a partial date parameter.
func (q *query) date(name string) *registry.Date {
	v := q.str(name)
	if v == "" {
		return nil
	}
	d, err := registry.ParseDate(v)
	if err != nil {
		q.bad(name, "invalid_date", "", v)
		return nil
	}
	return &d
}

// boolean returns a true/false parameter.
func (q *query) boolean(name string) bool {
	v := q.str(name)
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		q.bad(name, "invalid_boolean", "", v)
	}
	return b
}

// region returns a six-digit region code parameter.
func (q *query) region(name string) string {
	v := q.str(name)
	if v != "" && !registry.IsRegionCode(v) {
		q.bad(name, "invalid_region", "", v)
		return ""
	}
	return v
}

// orgRef returns an organisation id or code parameter.
func (q *query) orgRef(name string) string {
	v := q.str(name)
	if v != "" && !registry.IsOrgRef(v) {
		q.bad(name, "invalid_reference", "", v)
		return ""
	}
	return v
}

// code returns a taxonomy code parameter.
func (q *query) code(name string) string {
	v := q.str(name)
	if v != "" && !registry.IsCode(v) {
		q.bad(name, "invalid_code", "", v)
		return ""
	}
	return v
}

// uuid returns a UUID parameter.
func (q *query) uuid(name string) string {
	v := q.str(name)
	if v != "" && !registry.IsUUID(v) {
		q.bad(name, "invalid_uuid", "", v)
		return ""
	}
	return strings.ToLower(v)
}

// text returns a free-text parameter of at most 200 characters.
func (q *query) text(name string) string {
	v := q.str(name)
	if strings.ContainsRune(v, 0) || len([]rune(v)) > 200 {
		q.bad(name, "too_long", "200", v)
		return ""
	}
	return v
}

// orgRefs returns a parameter that may be repeated, each value an
// organisation id or code (party=a&party=b). How many a filter may name
// is the Service's rule.
func (q *query) orgRefs(name string) []string {
	q.define(name)
	var refs []string
	for _, v := range q.vals[name] {
		switch {
		case strings.TrimSpace(v) == "":
			q.bad(name, "empty_parameter", "", "")
		case !utf8.ValidString(v) || strings.ContainsRune(v, 0):
			q.bad(name, "invalid_characters", "", "")
		case !registry.IsOrgRef(strings.TrimSpace(v)):
			q.bad(name, "invalid_reference", "", v)
		default:
			refs = append(refs, strings.TrimSpace(v))
			continue
		}
		return nil
	}
	return refs
}

// outputs are the values of format that choose the form of a list rather
// than filter it: JSON, a CSV export or an Excel workbook.
var outputs = []string{"json", "csv", "xlsx"}

// exportLangs are the values of lang, the language of an export's
// headings and labels (Accept-Language otherwise), so that a plain link
// can ask for one.
var exportLangs = []string{string(registry.Zh), string(registry.En)}

// exportParams reads the parameters every list with exports defines: lang
// and, unless the list reads format itself (consultations filter by it),
// format.
func (q *query) exportParams(withFormat bool) {
	if withFormat {
		q.oneOf("format", outputs)
	}
	q.oneOf("lang", exportLangs)
}
