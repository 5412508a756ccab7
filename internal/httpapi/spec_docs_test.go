package httpapi

// Checks that the generated document explains itself (API v1.1): every
// property and parameter described in Chinese and English, each error
// status with a Problem type and example of its own kind, every error code
// in the general description's table, date patterns shown, and no example
// a "string" placeholder.

import (
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/registry"
)

// problemTypes names the Problem type the document shows for each error
// status of the @Failure lines.
var problemTypes = map[int]any{
	400: ProblemBadRequest{}, 401: ProblemUnauthorized{}, 403: ProblemForbidden{}, 404: ProblemNotFound{},
	409: ProblemConflict{}, 412: ProblemPreconditionFailed{}, 413: ProblemTooLarge{}, 415: ProblemUnsupportedMedia{},
	422: ProblemValidation{}, 428: ProblemPreconditionRequired{}, 429: ProblemRateLimited{}, 503: ProblemUnavailable{},
}

// statusesUnderDefault are the statuses the document leaves to the default
// answer (a plain Problem): no operation lists them.
var statusesUnderDefault = []int{405, 406, 431, 500}

// fullSpec is the generated document as generic JSON.
func fullSpec(t *testing.T) map[string]any {
	t.Helper()
	var d map[string]any
	if err := json.Unmarshal([]byte(specText()), &d); err != nil {
		t.Fatalf("docs: %v", err)
	}
	return d
}

func obj(v any) map[string]any { m, _ := v.(map[string]any); return m }

// sameJSONShape reports how a and b differ as the JSON encoder sees them:
// field names, omitempty and kinds, recursively through slices, pointers
// and structs.
func sameJSONShape(a, b reflect.Type, path string) []string {
	if a.Kind() != b.Kind() {
		return []string{path + ": " + a.String() + " is not " + b.String()}
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Slice:
		return sameJSONShape(a.Elem(), b.Elem(), path+"[]")
	case reflect.Struct:
		fa, fb := jsonFields(a), jsonFields(b)
		if len(fa) != len(fb) {
			return []string{path + ": " + strconv.Itoa(len(fa)) + " JSON fields, not " + strconv.Itoa(len(fb))}
		}
		var out []string
		for i := range fa {
			if fa[i].name != fb[i].name || fa[i].omitEmpty != fb[i].omitEmpty {
				out = append(out, path+": field "+fa[i].name+" does not match "+fb[i].name)
				continue
			}
			out = append(out, sameJSONShape(fa[i].typ, fb[i].typ, path+"."+fa[i].name)...)
		}
		return out
	}
	if a != b {
		return []string{path + ": " + a.String() + " is not " + b.String()}
	}
	return nil
}

// TestSpecProblemExamplesMatchProblem keeps each per-status Problem type
// identical to Problem on the wire, and its example true: the type, title
// and status of a problem kind of that status, as the catalogue words it.
func TestSpecProblemExamplesMatchProblem(t *testing.T) {
	t.Parallel()
	defs := obj(fullSpec(t)["definitions"])
	for status, v := range problemTypes {
		typ := reflect.TypeOf(v)
		for _, diff := range sameJSONShape(typ, reflect.TypeOf(Problem{}), typ.Name()) {
			t.Error(diff)
		}
		def := obj(defs[typ.Name()])
		if def == nil {
			t.Errorf("definitions lack %s", typ.Name())
			continue
		}
		props := obj(def["properties"])
		example := func(name string) any { return obj(props[name])["example"] }
		if got, _ := example("status").(float64); int(got) != status {
			t.Errorf("%s: status example %v, want %d", typ.Name(), example("status"), status)
		}
		uri, _ := example("type").(string)
		kind, ok := strings.CutPrefix(uri, problemBase)
		if k, known := problemKinds[kind]; !ok || !known || k.status != status {
			t.Errorf("%s: type example %q is not a problem of status %d", typ.Name(), uri, status)
			continue
		}
		if got, want := example("title"), registry.Text(registry.En, "title."+kind, nil); got != want {
			t.Errorf("%s: title example %q, the catalogue says %q", typ.Name(), got, want)
		}
		if d, _ := example("detail").(string); d == "" {
			t.Errorf("%s: no detail example", typ.Name())
		}
		// The description of type names every problem type of the status.
		desc, _ := obj(props["type"])["description"].(string)
		for k, p := range problemKinds {
			if p.status == status && !strings.Contains(desc, k) {
				t.Errorf("%s: the description of type does not name %s", typ.Name(), k)
			}
		}
	}
	if reason := obj(obj(defs["ProblemForbidden"])["properties"])["reason"]; !slices.Contains(registry.ForbiddenReasons, obj(reason)["example"].(string)) {
		t.Errorf("ProblemForbidden: reason example %v is not a reason", obj(reason)["example"])
	}
	for _, p := range problemKinds {
		if _, ok := problemTypes[p.status]; !ok && !slices.Contains(statusesUnderDefault, p.status) {
			t.Errorf("status %d has no Problem type of its own", p.status)
		}
	}
}

// TestSpecFailuresUseTheirProblemType checks every error answer of every
// operation: a status names the Problem type of its status, default the
// plain Problem.
func TestSpecFailuresUseTheirProblemType(t *testing.T) {
	t.Parallel()
	spec := loadSpec(t)
	for path, ops := range spec.Paths {
		for method, op := range ops {
			for code, resp := range op.Responses {
				want := "Problem"
				if code != "default" {
					status, err := strconv.Atoi(code)
					if err != nil || status < 400 {
						continue
					}
					v, ok := problemTypes[status]
					if !ok {
						t.Errorf("%s %s: status %d has no Problem type of its own (problem_examples.go)", strings.ToUpper(method), path, status)
						continue
					}
					want = reflect.TypeOf(v).Name()
				}
				if resp.Schema == nil || resp.Schema.Ref != "#/definitions/"+want {
					t.Errorf("%s %s: response %s is not a %s", strings.ToUpper(method), path, code, want)
				}
			}
		}
	}
}

// tableCodes returns the first column of the Markdown table that follows
// the line starting with heading in the general description.
func tableCodes(t *testing.T, description, heading string) []string {
	t.Helper()
	_, after, ok := strings.Cut(description, "\n"+heading)
	if !ok {
		t.Fatalf("the general description has no %q", heading)
	}
	var codes []string
	inTable := false
	for _, line := range strings.Split(after, "\n")[1:] {
		if !strings.HasPrefix(line, "|") {
			if inTable {
				break
			}
			continue
		}
		inTable = true
		cell := strings.TrimSpace(strings.Split(line, "|")[1])
		if code, ok := strings.CutPrefix(cell, "`"); ok {
			codes = append(codes, strings.TrimSuffix(code, "`"))
		}
	}
	return codes
}

// TestSpecListsEveryErrorCode compares the general description's tables
// with the catalogue: the errors[].code table lists every field and
// query-parameter code (the catalogue keys without a prefix) and no other;
// the reason table every 403 reason.
func TestSpecListsEveryErrorCode(t *testing.T) {
	t.Parallel()
	description, _ := obj(fullSpec(t)["info"])["description"].(string)
	var want []string
	for _, c := range registry.TextCodes() {
		if !strings.Contains(c, ".") {
			want = append(want, c)
		}
	}
	got := tableCodes(t, description, "**`errors[].code`**")
	for _, c := range want {
		if !slices.Contains(got, c) {
			t.Errorf("error code %s of the catalogue is missing from the table of the general description", c)
		}
	}
	for _, c := range got {
		if !slices.Contains(want, c) {
			t.Errorf("the table of the general description names %s, which the catalogue does not know as an error code", c)
		}
	}
	reasons := tableCodes(t, description, "**403 `reason`**")
	for _, r := range registry.ForbiddenReasons {
		if !slices.Contains(reasons, r) || !registry.HasText("reason."+r) {
			t.Errorf("403 reason %s is missing from the reason table (or the catalogue)", r)
		}
	}
	if len(reasons) != len(registry.ForbiddenReasons) {
		t.Errorf("the reason table lists %v; the reasons are %v", reasons, registry.ForbiddenReasons)
	}
}

var (
	han   = regexp.MustCompile(`\p{Han}`)
	latin = regexp.MustCompile(`[A-Za-z]{3}`)
)

// bilingual reports whether a description says it in Chinese and English:
// "中文 / English".
func bilingual(s string) bool {
	zh, en, ok := strings.Cut(s, " / ")
	return ok && han.MatchString(zh) && latin.MatchString(en)
}

// eachParameter calls f with every parameter of every operation.
func eachParameter(t *testing.T, f func(where string, p map[string]any)) {
	for path, ops := range obj(fullSpec(t)["paths"]) {
		for method, op := range obj(ops) {
			params, _ := obj(op)["parameters"].([]any)
			for _, p := range params {
				f(strings.ToUpper(method)+" "+path, obj(p))
			}
		}
	}
}

// eachProperty calls f with every property of every definition.
func eachProperty(t *testing.T, f func(where string, prop map[string]any)) {
	for name, def := range obj(fullSpec(t)["definitions"]) {
		for prop, schema := range obj(obj(def)["properties"]) {
			f(name+"."+prop, obj(schema))
		}
	}
}

// TestSpecDescribesEverything checks that every property of every
// definition and every parameter of every operation is described in
// Chinese and English.
func TestSpecDescribesEverything(t *testing.T) {
	t.Parallel()
	eachProperty(t, func(where string, prop map[string]any) {
		if d, _ := prop["description"].(string); !bilingual(d) {
			t.Errorf("%s: description %q is not \"中文 / English\"", where, d)
		}
	})
	eachParameter(t, func(where string, p map[string]any) {
		if d, _ := p["description"].(string); !bilingual(d) {
			t.Errorf("%s parameter %s: description %q is not \"中文 / English\"", where, p["name"], d)
		}
	})
}

// datePattern is the pattern of a partial date, as the document shows it.
const datePattern = `^\d{4}(-\d{2}(-\d{2})?)?$`

// dateFields and dateParameters are the partial dates of the API: record
// fields ending in _on (signed_on, held_on, started_on, ...) and
// effective_from/to, and the query parameters that filter by them (the
// audit's from and to are timestamps, not partial dates).
var (
	dateField     = regexp.MustCompile(`^(\w+_on|effective_from|effective_to)$`)
	dateParameter = regexp.MustCompile(`^(\w+_from|\w+_to|from|to)$`)
)

// notDateParameters end like a date range but are not dates: related_to
// names an agreement by its UUID (the agreements linked to or from it), so
// it shows no date pattern and its example is a UUID.
var notDateParameters = []string{"related_to"}

// TestSpecDatesShowTheirPattern checks that every partial date, as a
// property or a query parameter, gives its pattern and an example that
// matches it.
func TestSpecDatesShowTheirPattern(t *testing.T) {
	t.Parallel()
	re := regexp.MustCompile(datePattern)
	check := func(where, desc string, example any) {
		if !strings.Contains(desc, "`"+datePattern+"`") {
			t.Errorf("%s: the description does not show the pattern %s", where, datePattern)
		}
		if s, _ := example.(string); !re.MatchString(s) {
			t.Errorf("%s: example %v does not match %s", where, example, datePattern)
		}
	}
	seen := 0
	eachProperty(t, func(where string, prop map[string]any) {
		if name := where[strings.LastIndex(where, ".")+1:]; dateField.MatchString(name) && prop["type"] == "string" {
			seen++
			desc, _ := prop["description"].(string)
			check(where, desc, prop["example"])
		}
	})
	eg := regexp.MustCompile("e\\.g\\. `([^`]*)`")
	eachParameter(t, func(where string, p map[string]any) {
		name, _ := p["name"].(string)
		if p["in"] != "query" || !dateParameter.MatchString(name) || slices.Contains(notDateParameters, name) || strings.Contains(where, "/v1/audit") {
			return
		}
		seen++
		desc, _ := p["description"].(string)
		var example any = p["x-example"]
		if m := eg.FindStringSubmatch(desc); example == nil && m != nil {
			example = m[1]
		}
		check(where+" parameter "+name, desc, example)
	})
	if seen < 20 {
		t.Errorf("only %d date fields and parameters found; the test has lost its way", seen)
	}
}

// placeholder reports whether an example is missing or says nothing.
func placeholder(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(v) == "" || strings.EqualFold(v, "string")
	case []any:
		return len(v) == 0 || placeholder(v[0])
	}
	return false
}

// TestSpecExamplesAreReal walks the definitions and the parameters: every
// string property (and array of strings) that is not an enum has an
// example that is not empty and not "string"; every string parameter that
// is not an enum has an x-example, or, where Swagger UI would put an
// x-example into the request of every "Try it out" (an optional filter or
// header), an "e.g. `…`" in its description.
func TestSpecExamplesAreReal(t *testing.T) {
	t.Parallel()
	eachProperty(t, func(where string, prop map[string]any) {
		typ := prop["type"]
		if typ == "array" {
			if items := obj(prop["items"]); items["type"] != "string" || items["enum"] != nil {
				return
			}
		} else if typ != "string" || prop["enum"] != nil {
			return
		}
		if placeholder(prop["example"]) {
			t.Errorf("%s: example %v", where, prop["example"])
		}
	})
	eg := regexp.MustCompile(`e\.g\. (\S+)`)
	eachParameter(t, func(where string, p map[string]any) {
		if p["type"] != "string" || p["enum"] != nil {
			return
		}
		if x, ok := p["x-example"]; ok {
			if placeholder(x) {
				t.Errorf("%s parameter %s: x-example %v", where, p["name"], x)
			}
			return
		}
		desc, _ := p["description"].(string)
		m := eg.FindStringSubmatch(desc)
		if required, _ := p["required"].(bool); required || m == nil || placeholder(strings.Trim(m[1], "`")) {
			t.Errorf("%s parameter %s: no example (x-example, or e.g. in the description of an optional one)", where, p["name"])
		}
	})
}
