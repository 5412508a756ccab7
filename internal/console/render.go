package console

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/chengyu-collab/registry/internal/registry"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// pages holds, for each language, one template set per page, each with
// the shared layout. The sets are per language because every constant
// label of the templates ({{t .L "console.edit"}}, some fifteen in the
// layout alone) is written into them as text when they are parsed (see
// fold.go): a reflective call and an escaper per label were the largest
// cost of rendering a page.
type pages struct {
	sets map[registry.Lang]map[string]*template.Template
}

// set is a page's template set for a language.
func (p *pages) set(l registry.Lang, name string) (*template.Template, bool) {
	s, ok := p.sets[l][name]
	return s, ok
}

// langs are the languages pages are parsed for.
var langs = []registry.Lang{registry.Zh, registry.En}

// parsePages parses every page with the layout, for each language, with
// the constant labels folded.
func parsePages() (*pages, error) { return parsePagesWith(true) }

// parsePagesWith parses every page with the layout for each language,
// folding the constant labels when fold is set. Unfolded, every label
// stays a call and the sets of both languages are the same, as the pages
// were before folding; the tests compare the two.
func parsePagesWith(fold bool) (*pages, error) {
	layout, err := readSources("templates/_*.html")
	if err != nil {
		return nil, fmt.Errorf("console layout: %w", err)
	}
	files, err := fs.Glob(templateFS, "templates/[a-z]*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{sets: map[registry.Lang]map[string]*template.Template{}}
	for _, l := range langs {
		p.sets[l] = map[string]*template.Template{}
	}
	for _, f := range files {
		page, err := readSources(f)
		if err != nil {
			return nil, err
		}
		srcs := append(append([]source(nil), layout...), page...)
		name := strings.TrimSuffix(path.Base(f), ".html")
		labels, err := labelsOf(srcs, "layout") // which also checks the catalogue codes
		if err != nil {
			return nil, fmt.Errorf("console page %s: %w", f, err)
		}
		for _, l := range langs {
			src := srcs
			if fold {
				src = foldSources(srcs, labels, l)
			}
			set, err := parseSources(src)
			if err != nil {
				return nil, fmt.Errorf("console page %s: %w", f, err)
			}
			p.sets[l][name] = set
		}
	}
	return p, nil
}

// readSources reads the template files a pattern matches, in name order.
func readSources(pattern string) ([]source, error) {
	names, err := fs.Glob(templateFS, pattern)
	if err != nil {
		return nil, err
	}
	out := make([]source, 0, len(names))
	for _, n := range names {
		b, err := templateFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, source{path.Base(n), string(b)})
	}
	return out, nil
}

// page is what every template gets: the viewer, the page's own data, and
// the links the layout needs.
type page struct {
	L       registry.Lang
	User    *registry.User
	Title   string // a catalogue code
	Path    string
	Query   url.Values
	Section string
	Data    any
}

// SwitchLang is the current page's address in the other language.
func (p page) SwitchLang() string {
	q := url.Values{}
	for k, v := range p.Query {
		q[k] = v
	}
	if p.L == registry.Zh {
		q.Set("lang", "en")
	} else {
		q.Set("lang", "zh")
	}
	return p.Path + "?" + q.Encode()
}

// OtherLang names the other language in itself.
func (p page) OtherLang() string {
	if p.L == registry.Zh {
		return "English"
	}
	return "中文"
}

// HTMLLang is the lang attribute of the page.
func (p page) HTMLLang() string {
	if p.L == registry.Zh {
		return "zh-CN"
	}
	return "en"
}

// render writes a page with the layout; a template error becomes a 500
// before anything is sent.
func (c *console) render(w http.ResponseWriter, r *http.Request, status int, name, title, section string, data any) {
	v := viewerOf(r.Context())
	set, ok := c.pages.set(v.lang, name)
	if !ok {
		c.serverError(w, r, fmt.Errorf("no page %q", name))
		return
	}
	q := r.URL.Query()
	q.Del("lang")
	p := page{L: v.lang, User: v.user, Title: title, Path: r.URL.Path, Query: q, Section: section, Data: data}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, "layout", p); err != nil {
		c.serverError(w, r, fmt.Errorf("render %s: %w", name, err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Language", p.HTMLLang())
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail shows an error page with one sentence of the catalogue.
func (c *console) fail(w http.ResponseWriter, r *http.Request, status int, code string) {
	c.render(w, r, status, "error", "console.error.title", "", map[string]any{"Status": status, "Code": code})
}

func (c *console) serverError(w http.ResponseWriter, r *http.Request, err error) {
	c.log.Error("console", "path", r.URL.Path, "error", err.Error())
	status, code := http.StatusInternalServerError, "console.error.internal"
	if errorsIsUnavailable(err) {
		status, code = http.StatusServiceUnavailable, "console.error.unavailable"
		w.Header().Set("Retry-After", "5")
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintln(w, registry.Text(viewerOf(r.Context()).lang, code, nil))
}

// asset serves an embedded file; assets are named by content, so they may
// be cached for a day.
func (c *console) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	b, err := assetFS.ReadFile("assets/" + name)
	if err != nil || strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	switch path.Ext(name) {
	case ".css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	case ".js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	case ".svg":
		w.Header().Set("Content-Type", "image/svg+xml")
	}
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, _ = w.Write(b)
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

// funcs are the templates' helpers: texts and labels from the registry's
// catalogue and enums, and small formatting.
func funcs() template.FuncMap {
	return template.FuncMap{
		"t": func(l registry.Lang, code string) string { return registry.Text(l, code, nil) },
		"tf": func(l registry.Lang, code string, kv ...string) string {
			args := registry.Args{}
			for i := 0; i+1 < len(kv); i += 2 {
				args[kv[i]] = kv[i+1]
			}
			return registry.Text(l, code, args)
		},
		"label":    labelOf,
		"rowsHTML": rowsHTML,
		"options":  enumOptions,
		"deref": func(s *string) string {
			if s == nil {
				return ""
			}
			return *s
		},
		"date": func(d *registry.Date) string {
			if d == nil {
				return ""
			}
			return d.String()
		},
		"pick": func(l registry.Lang, zh string, en *string) string {
			if l == registry.En && en != nil && *en != "" {
				return *en
			}
			return zh
		},
		"itoa": strconv.Itoa,
		"seq": func(n int) []int {
			s := make([]int, n)
			for i := range s {
				s[i] = i
			}
			return s
		},
		"field": func(prefix string, i int, name string) string { return fmt.Sprintf("%s[%d].%s", prefix, i, name) },
		"has":   func(list []string, s string) bool { return contains(list, s) },
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[fmt.Sprint(kv[i])] = kv[i+1]
			}
			return m
		},
		"add":    func(a, b int) int { return a + b },
		"bytes":  byteSize,
		"kindOf": kindOf,
	}
}

// byteSize is a file's size for a person: "482 KB", "1.2 MB".
func byteSize(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1000*1000:
		return strconv.FormatInt((n+500)/1000, 10) + " KB"
	}
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// option is one choice of a select.
type option struct{ Value, Label string }

// labelOf is the template function label: the label of an enum value
// given as a string, a string-kinded enum type or a pointer to one (nil
// gives ""), so that a template need not format the value first (printf
// "%s" of a pointer printed its address).
func labelOf(l registry.Lang, enum string, v any) string {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return ""
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.String {
		return fmt.Sprint(v)
	}
	return enumLabel(l, enum, rv.String())
}

// enumLabel is the label of an enum value in the language.
func enumLabel(l registry.Lang, enum, code string) string {
	key := labelKey{l, enum}
	labels, ok := labelIndex.Load(key)
	if !ok {
		m := map[string]string{}
		for _, o := range enumOptions(l, enum) {
			m[o.Value] = o.Label
		}
		labels, _ = labelIndex.LoadOrStore(key, m)
	}
	if label, ok := labels.(map[string]string)[code]; ok {
		return label
	}
	return code
}

// labelKey names the labels of one enum in one language.
type labelKey struct {
	lang registry.Lang
	enum string
}

// labelIndex holds, per labelKey, each code's label: pages look labels up
// for every row.
var labelIndex sync.Map

// enumOptions lists an enum's values with their labels.
func enumOptions(l registry.Lang, enum string) []option {
	switch enum {
	case "agreement_type":
		return opts(l, registry.AgreementTypes)
	case "agreement_status":
		return opts(l, registry.AgreementStatuses)
	case "party_role":
		return opts(l, registry.PartyRoles)
	case "mechanism_kind":
		return opts(l, registry.MechanismKinds)
	case "document_kind":
		return opts(l, registry.DocumentKinds)
	case "consultation_format":
		return opts(l, registry.ConsultationFormats)
	case "consultation_status":
		return opts(l, registry.ConsultationStatuses)
	case "consultation_role":
		return opts(l, registry.ConsultationRoles)
	case "joint_action_kind":
		return opts(l, registry.JointActionKinds)
	case "joint_action_status":
		return opts(l, registry.JointActionStatuses)
	case "joint_action_role":
		return opts(l, registry.JointActionRoles)
	case "outcome_kind":
		return opts(l, registry.OutcomeKinds)
	case "organization_kind":
		return opts(l, registry.OrganizationKinds)
	case "role":
		return opts(l, registry.Roles)
	case "region_level":
		return opts(l, registry.RegionLevels)
	case "relation_kind":
		return opts(l, registry.RelationKinds)
	case "milestone_status":
		return opts(l, registry.MilestoneStatuses)
	case "file_kind":
		return opts(l, registry.FileKinds)
	}
	return nil
}

func opts[T ~string](l registry.Lang, e registry.Enum[T]) []option {
	out := make([]option, 0, len(e.Values))
	for _, v := range e.Values {
		out = append(out, option{Value: string(v.Code), Label: e.Label(string(l), v.Code)})
	}
	return out
}
