package httpapi

// Checks of the generated Swagger document against the Go code it
// describes: what the JSON encoder always sends is marked required, what
// it may send as null is marked x-nullable, PATCH bodies keep step with
// the request types, every operation is fully described and every route
// is documented. The third-party tools (Redocly, swagger-cli, Prism) run
// in scripts/api-checks; these run with every `go test`.

import (
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/gorilla/mux"

	"github.com/chengyu-collab/registry/docs"
	"github.com/chengyu-collab/registry/internal/registry"
)

type specSchema struct {
	Type       string                `json:"type"`
	Ref        string                `json:"$ref"`
	Required   []string              `json:"required"`
	Properties map[string]specSchema `json:"properties"`
	Nullable   bool                  `json:"x-nullable"`
}

type specResponse struct {
	Schema *specSchema `json:"schema"`
}

type specOperation struct {
	OperationID string                  `json:"operationId"`
	Summary     string                  `json:"summary"`
	Tags        []string                `json:"tags"`
	Responses   map[string]specResponse `json:"responses"`
}

type specDoc struct {
	Info struct {
		Version string `json:"version"`
	} `json:"info"`
	Paths       map[string]map[string]specOperation `json:"paths"`
	Definitions map[string]specSchema               `json:"definitions"`
}

// specText is the generated document, read once: swag's ReadDoc is not
// safe for concurrent use.
var specText = sync.OnceValue(func() string { return docs.SwaggerInfo.ReadDoc() })

func loadSpec(t *testing.T) specDoc {
	t.Helper()
	var d specDoc
	if err := json.Unmarshal([]byte(specText()), &d); err != nil {
		t.Fatalf("docs: %v", err)
	}
	return d
}

// jsonField is one field as encoding/json sends it.
type jsonField struct {
	name      string
	omitEmpty bool
	typ       reflect.Type
}

func jsonFields(t reflect.Type) []jsonField {
	var out []jsonField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		out = append(out, jsonField{name: name, omitEmpty: slices.Contains(strings.Split(opts, ","), "omitempty"), typ: f.Type})
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestSpecResponseFieldsMatchJSON checks every response type: a field the
// encoder always writes is required, and one that can be null (a pointer,
// or raw JSON that may be absent, without omitempty) is x-nullable;
// nothing else is. Slices and maps are never nil in answers (the handlers
// and the store make them empty), which the Prism-proxied suite checks.
func TestSpecResponseFieldsMatchJSON(t *testing.T) {
	t.Parallel()
	spec := loadSpec(t)
	types := map[string]any{
		"Agreement": registry.Agreement{}, "Party": registry.Party{}, "AgreementArea": registry.AgreementArea{},
		"Mechanism": registry.Mechanism{}, "Document": registry.Document{},
		"Consultation": registry.Consultation{}, "JointAction": registry.JointAction{},
		"Participant": registry.Participant{}, "Outcome": registry.Outcome{},
		"Region": registry.Region{}, "CooperationArea": registry.CooperationArea{}, "Organization": registry.Organization{},
		"AuditEntry": registry.AuditEntry{}, "Stats": registry.Stats{}, "AgreementStats": registry.AgreementStats{},
		"ConsultationStats": registry.ConsultationStats{}, "JointActionStats": registry.JointActionStats{},
		"OutcomeTotal":  registry.OutcomeTotal{},
		"AgreementList": AgreementList{}, "ConsultationList": ConsultationList{}, "JointActionList": JointActionList{},
		"OrganizationList": OrganizationList{}, "RegionList": RegionList{}, "CooperationAreaList": AreaList{},
		"AuditList": AuditList{}, "Problem": Problem{}, "ProblemField": ProblemField{},
	}
	rawJSON := reflect.TypeOf(registry.RawJSON(nil))
	for name, v := range types {
		def, ok := spec.Definitions[name]
		if !ok {
			t.Errorf("definitions lack %s", name)
			continue
		}
		var fields []string
		for _, f := range jsonFields(reflect.TypeOf(v)) {
			fields = append(fields, f.name)
			prop, ok := def.Properties[f.name]
			if !ok {
				t.Errorf("%s.%s is missing from the document", name, f.name)
				continue
			}
			if required := slices.Contains(def.Required, f.name); required == f.omitEmpty {
				t.Errorf("%s.%s: required = %v, but the JSON encoder always sends it = %v", name, f.name, required, !f.omitEmpty)
			}
			// nil is sent as null, unless omitempty leaves the field out.
			nullable := (f.typ.Kind() == reflect.Pointer || f.typ == rawJSON) && !f.omitEmpty
			if prop.Nullable != nullable {
				t.Errorf("%s.%s: x-nullable = %v, want %v", name, f.name, prop.Nullable, nullable)
			}
		}
		sort.Strings(fields)
		if got := sortedKeys(def.Properties); !slices.Equal(got, fields) {
			t.Errorf("%s properties %v, JSON fields %v", name, got, fields)
		}
	}
}

// TestPatchTypesMatchRequests checks that each PATCH body documents the
// same fields as the request type the handler reads, requires none, and
// marks as nullable exactly the fields that null clears.
func TestPatchTypesMatchRequests(t *testing.T) {
	t.Parallel()
	spec := loadSpec(t)
	pairs := []struct {
		patch, request string
		req            any
	}{
		{"AgreementPatch", "AgreementRequest", registry.AgreementInput{}},
		{"ConsultationPatch", "ConsultationRequest", registry.ConsultationInput{}},
		{"JointActionPatch", "JointActionRequest", registry.JointActionInput{}},
		{"OrganizationPatch", "OrganizationRequest", registry.OrganizationInput{}},
		{"CooperationAreaPatch", "CooperationAreaRequest", registry.AreaInput{}},
		{"MilestonePatch", "MilestoneRequest", registry.MilestoneInput{}},
	}
	for _, typ := range []any{agreementPatch{}, consultationPatch{}, jointActionPatch{}, organizationPatch{}, areaPatch{}, milestonePatch{}} {
		for _, m := range registry.EnumTagMismatches(reflect.TypeOf(typ)) {
			t.Error(m)
		}
	}
	for _, p := range pairs {
		patch, request := spec.Definitions[p.patch], spec.Definitions[p.request]
		if len(patch.Required) != 0 {
			t.Errorf("%s requires %v; a merge patch requires nothing", p.patch, patch.Required)
		}
		if got, want := sortedKeys(patch.Properties), sortedKeys(request.Properties); !slices.Equal(got, want) {
			t.Errorf("%s fields %v, %s fields %v", p.patch, got, p.request, want)
		}
		rt := reflect.TypeOf(p.req)
		for i := 0; i < rt.NumField(); i++ {
			f := rt.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			required := strings.HasPrefix(f.Tag.Get("validate"), "required")
			clearable := f.Type.Kind() == reflect.Pointer || (f.Type.Kind() == reflect.Slice && !required)
			if patch.Properties[name].Nullable != clearable {
				t.Errorf("%s.%s: x-nullable = %v, want %v", p.patch, name, patch.Properties[name].Nullable, clearable)
			}
			if request.Properties[name].Nullable != clearable {
				t.Errorf("%s.%s: x-nullable = %v, want %v", p.request, name, request.Properties[name].Nullable, clearable)
			}
			if inDoc := slices.Contains(request.Required, name); inDoc != required {
				t.Errorf("%s.%s: required in the document = %v, validated as required = %v", p.request, name, inDoc, required)
			}
		}
	}
}

// TestSpecOperationsAreComplete checks what API consumers and code
// generators rely on: every operation has an operationId, a summary and a
// tag, and every error answer (4xx, 5xx, default) is a Problem (or the
// Problem type of its status, which TestSpecFailuresUseTheirProblemType checks).
func TestSpecOperationsAreComplete(t *testing.T) {
	t.Parallel()
	spec := loadSpec(t)
	ids := map[string]string{}
	for path, ops := range spec.Paths {
		for method, op := range ops {
			where := strings.ToUpper(method) + " " + path
			if op.OperationID == "" || op.Summary == "" || len(op.Tags) == 0 {
				t.Errorf("%s: operationId %q, summary %q, tags %v", where, op.OperationID, op.Summary, op.Tags)
			}
			if prev, dup := ids[op.OperationID]; dup {
				t.Errorf("operationId %s used by %s and %s", op.OperationID, prev, where)
			}
			ids[op.OperationID] = where
			for code, resp := range op.Responses {
				if code == "default" || code[0] == '4' || code[0] == '5' {
					// Problem, or the Problem of its status (problem_examples.go).
					if resp.Schema == nil || !strings.HasPrefix(resp.Schema.Ref, "#/definitions/Problem") {
						t.Errorf("%s: response %s is not a Problem", where, code)
					}
				}
			}
		}
	}
}

// TestEveryRouteIsDocumented compares the route table with the document:
// each path and method the router serves (HEAD and OPTIONS aside, which
// follow GET and the Allow header) has an operation, and the document
// has no operation the router does not serve.
func TestEveryRouteIsDocumented(t *testing.T) {
	t.Parallel()
	spec := loadSpec(t)
	h := &handler{metrics: newMetrics(), limiter: newLimiter(0)}
	router, ok := h.routes().(*mux.Router)
	if !ok {
		t.Fatal("routes() is not a *mux.Router")
	}
	served := map[string]bool{}
	undocumented := map[string]bool{"/metrics": true} // Prometheus text, for operators
	err := router.Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		path, err := route.GetPathTemplate()
		if err != nil || strings.HasPrefix(path, "/swagger/") || undocumented[path] {
			return nil
		}
		methods, _ := route.GetMethods()
		for _, m := range methods {
			if m == "HEAD" || m == "OPTIONS" {
				continue
			}
			served[strings.ToLower(m)+" "+path] = true
			if _, ok := spec.Paths[path][strings.ToLower(m)]; !ok {
				t.Errorf("%s %s is served but not documented", m, path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for path, ops := range spec.Paths {
		for method := range ops {
			if !served[method+" "+path] {
				t.Errorf("%s %s is documented but not served", strings.ToUpper(method), path)
			}
		}
	}
}

// TestChangelogNamesTheAPIVersion keeps CHANGELOG.md and @version in step.
func TestChangelogNamesTheAPIVersion(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("../../CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	v := loadSpec(t).Info.Version
	if v == "" || docs.SwaggerInfo.Version != v {
		t.Fatalf("spec version %q, SwaggerInfo %q", v, docs.SwaggerInfo.Version)
	}
	heading := regexp.MustCompile(`(?m)^## \[?(\d+\.\d+\.\d+)\]?`).FindStringSubmatch(string(raw))
	if heading == nil || heading[1] != v {
		t.Fatalf("the newest CHANGELOG.md entry is %v; the API's @version is %s", heading, v)
	}
}
