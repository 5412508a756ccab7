package console

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chengyu-collab/registry/internal/registry"
)

// A form holds its values by the JSON path of each field ("title_zh",
// "parties[1].role"): the same paths the Service's validation errors
// name, so that every message lands beside its field.
type formData struct {
	Kind       *kind
	ID         string
	Version    int
	Values     map[string]string
	Rows       map[string]int
	Errors     map[string]string
	Summary    []fieldMessage
	Duplicates []row
	Names      *names
	Orgs       []registry.Organization
	Areas      []registry.CooperationArea
	Conflict   []conflictLine
	Current    int  // the current version, on a conflict
	Confirmed  bool // the officer has seen the possible duplicates
	// Focus is the field that takes the focus when the page loads: the
	// first of a row just added, so that the keyboard carries on there.
	Focus string
}

type fieldMessage struct{ Field, Label, Message string }

type conflictLine struct{ Field, Theirs, Mine string }

// groups are the repeatable rows of each kind, with their fields and the
// rows an empty form starts with.
type group struct {
	Name   string
	Fields []string
	Min    int
}

func (k *kind) groups() []group {
	outcomes := group{"outcomes", []string{"kind", "count", "approximate", "description_zh", "description_en"}, 0}
	switch k {
	case agreementKind:
		return []group{{"parties", []string{"organization_id", "role", "signatory_name", "signatory_title"}, 2},
			{"areas", []string{"area_code", "label_zh", "label_en", "description"}, 1},
			{"mechanisms", []string{"kind", "description"}, 0},
			{"documents", []string{"title", "url", "language", "kind"}, 0}}
	}
	return []group{{"participants", []string{"organization_id", "role"}, 2}, outcomes}
}

// numbers are the fields that hold whole numbers, with their range.
var numberFields = map[string]string{"areas_declared": "0 100", "count": "0 1000000000"}

var pathPart = regexp.MustCompile(`^([a-z_]+)\[(\d+)\]\.([a-z_]+)$`)

// parseForm reads the posted values of a kind's fields.
func parseForm(r *http.Request, k *kind) map[string]string {
	vals := map[string]string{}
	for key, v := range r.PostForm {
		if len(v) > 0 && (pathPart.MatchString(key) || !strings.ContainsAny(key, "[].")) {
			vals[key] = v[0]
		}
	}
	return vals
}

// rowsOf counts the rows of each group in the values (at least its
// minimum).
func rowsOf(k *kind, vals map[string]string) map[string]int {
	rows := map[string]int{}
	for _, g := range k.groups() {
		rows[g.Name] = g.Min
	}
	for key := range vals {
		if m := pathPart.FindStringSubmatch(key); m != nil {
			if i, err := strconv.Atoi(m[2]); err == nil && i < 100 {
				rows[m[1]] = max(rows[m[1]], i+1)
			}
		}
	}
	return rows
}

// compact drops rows left entirely blank and renumbers the others, so
// that the paths of the input match the rows shown again.
func compact(k *kind, vals map[string]string) map[string]string {
	out := map[string]string{}
	for key, v := range vals {
		if !strings.Contains(key, "[") {
			out[key] = v
		}
	}
	rows := rowsOf(k, vals)
	for _, g := range k.groups() {
		n := 0
		for i := 0; i < rows[g.Name]; i++ {
			blank := true
			for _, f := range g.Fields {
				if v := strings.TrimSpace(vals[fmt.Sprintf("%s[%d].%s", g.Name, i, f)]); v != "" && !(f == "approximate" && v == "false") {
					blank = false
				}
			}
			if blank {
				continue
			}
			for _, f := range g.Fields {
				if v, ok := vals[fmt.Sprintf("%s[%d].%s", g.Name, i, f)]; ok {
					out[fmt.Sprintf("%s[%d].%s", g.Name, n, f)] = v
				}
			}
			n++
		}
	}
	return out
}

// toJSON turns the form's values into the JSON of the kind's input: blank
// optional fields are left out, numbers and booleans typed. A number that
// does not parse is an error of its field.
func toJSON(k *kind, vals map[string]string, v *registry.ValidationError) ([]byte, error) {
	doc := map[string]any{}
	lists := map[string][]map[string]any{}
	rows := rowsOf(k, vals)
	for _, g := range k.groups() {
		lists[g.Name] = make([]map[string]any, rows[g.Name])
		for i := range lists[g.Name] {
			lists[g.Name][i] = map[string]any{}
		}
	}
	set := func(m map[string]any, path, name, s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		if rng, ok := numberFields[name]; ok {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				v.Add(path, "out_of_range", rng)
				return
			}
			m[name] = n
			return
		}
		if name == "approximate" {
			m[name] = s == "true" || s == "on"
			return
		}
		m[name] = s
	}
	for key, s := range vals {
		if m := pathPart.FindStringSubmatch(key); m != nil {
			i, _ := strconv.Atoi(m[2])
			if list, ok := lists[m[1]]; ok && i < len(list) {
				set(list[i], key, m[3], s)
			}
			continue
		}
		set(doc, key, key, s)
	}
	for name, list := range lists {
		doc[name] = list
	}
	return json.Marshal(doc)
}

// flatten turns a record's input into form values.
func flatten(in any) map[string]string {
	b, _ := json.Marshal(in)
	var doc map[string]any
	_ = json.Unmarshal(b, &doc)
	vals := map[string]string{}
	str := func(x any) (string, bool) {
		switch t := x.(type) {
		case nil:
			return "", false
		case string:
			return t, true
		case float64:
			return strconv.FormatFloat(t, 'f', -1, 64), true
		case bool:
			return strconv.FormatBool(t), true
		}
		return "", false
	}
	for key, x := range doc {
		if list, ok := x.([]any); ok {
			for i, item := range list {
				if m, ok := item.(map[string]any); ok {
					for f, y := range m {
						if s, ok := str(y); ok {
							vals[fmt.Sprintf("%s[%d].%s", key, i, f)] = s
						}
					}
				}
			}
			continue
		}
		if s, ok := str(x); ok {
			vals[key] = s
		}
	}
	return vals
}

// form shows the empty form of a new record, or the form of a record to
// edit with its current values and version.
func (c *console) form(k *kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		d := formData{Kind: k, Values: map[string]string{}, Errors: map[string]string{}}
		if id := r.PathValue("id"); id != "" {
			rec, version, err := c.current(ctx, k, id)
			if errors.Is(err, registry.ErrNotFound) || errors.Is(err, registry.ErrBadRequest) {
				c.fail(w, r, http.StatusNotFound, "console.error.not_found")
				return
			}
			if err != nil {
				c.serverError(w, r, err)
				return
			}
			d.ID, d.Version, d.Values = id, version, flatten(rec)
		} else if u := viewerOf(ctx).user; u != nil && u.OrganizationCode != nil {
			// A new record starts with the officer's own organisation.
			d.Values[k.groups()[0].Name+"[0].organization_id"] = *u.OrganizationCode
			if a := r.URL.Query().Get("agreement"); a != "" && k != agreementKind {
				d.Values["agreement_id"] = a
			}
		}
		c.showForm(w, r, http.StatusOK, d)
	}
}

// current reads a record's input and version.
func (c *console) current(ctx context.Context, k *kind, id string) (any, int, error) {
	switch k {
	case agreementKind:
		a, err := c.svc.GetAgreement(ctx, id)
		return a.Input(), a.Version, err
	case consultationKind:
		x, err := c.svc.GetConsultation(ctx, id)
		return x.Input(), x.Version, err
	}
	x, err := c.svc.GetJointAction(ctx, id)
	return x.Input(), x.Version, err
}

func (c *console) showForm(w http.ResponseWriter, r *http.Request, status int, d formData) {
	ctx := r.Context()
	d.Rows, d.Names = rowsOf(d.Kind, d.Values), c.names(ctx)
	orgs, areas, err := c.choices(ctx)
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	d.Orgs, d.Areas = orgs, areas
	title := "console.new." + string(d.Kind.entity)
	if d.ID != "" {
		title = "console.edit." + string(d.Kind.entity)
	}
	c.render(w, r, status, "form", title, d.Kind.path, d)
}

// submit handles a posted form: add or remove a row, warn of possible
// duplicates before a create, then write through the Service and show
// every message beside its field, or the conflict page on a stale version.
func (c *console) submit(k *kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if err := r.ParseForm(); err != nil {
			c.fail(w, r, http.StatusBadRequest, "console.error.bad_form")
			return
		}
		l := viewerOf(ctx).lang
		d := formData{Kind: k, ID: r.PathValue("id"), Values: parseForm(r, k), Errors: map[string]string{}}
		d.Version, _ = strconv.Atoi(r.PostFormValue("version"))
		d.Confirmed = r.PostFormValue("confirm") == "1"
		for _, key := range []string{"version", "add", "remove", "confirm"} {
			delete(d.Values, key)
		}
		if g := r.PostFormValue("add"); g != "" {
			rows := rowsOf(k, d.Values)
			for _, gr := range k.groups() {
				if gr.Name == g && rows[g] < 50 {
					d.Focus = fmt.Sprintf("%s[%d].%s", g, rows[g], gr.Fields[0])
					d.Values[d.Focus] = ""
				}
			}
			c.showForm(w, r, http.StatusOK, d)
			return
		}
		if rm := r.PostFormValue("remove"); rm != "" {
			for key := range d.Values {
				if strings.HasPrefix(key, rm+".") {
					delete(d.Values, key)
				}
			}
			d.Values = compact(k, d.Values)
			c.showForm(w, r, http.StatusOK, d)
			return
		}
		d.Values = compact(k, d.Values)
		c.resolveNames(ctx, k, d.Values)
		if d.ID == "" && !d.Confirmed {
			dups, err := c.duplicates(ctx, k, d.Values)
			if err != nil {
				c.serverError(w, r, err)
				return
			}
			if len(dups) > 0 {
				d.Duplicates = dups
				c.showForm(w, r, http.StatusOK, d)
				return
			}
		}
		id, err := c.write(ctx, r, k, d)
		if err == nil {
			http.Redirect(w, r, "/console/"+k.path+"/"+id, http.StatusSeeOther)
			return
		}
		var pre *registry.PreconditionError
		if errors.As(err, &pre) {
			c.conflict(w, r, d)
			return
		}
		var forbidden *registry.ForbiddenError
		if errors.As(err, &forbidden) {
			c.fail(w, r, http.StatusForbidden, "reason."+forbidden.Reason)
			return
		}
		if errors.Is(err, registry.ErrNotFound) {
			c.fail(w, r, http.StatusNotFound, "console.error.not_found")
			return
		}
		if !c.fieldErrors(l, &d, err) {
			c.serverError(w, r, err)
			return
		}
		c.showForm(w, r, http.StatusUnprocessableEntity, d)
	}
}

// fieldErrors puts the messages of a refused write beside their fields;
// it reports false for an error that is no fault of the input.
func (c *console) fieldErrors(l registry.Lang, d *formData, err error) bool {
	var v *registry.ValidationError
	var conflict *registry.ConflictError
	var transition *registry.TransitionError
	switch {
	case errors.As(err, &v):
		for _, f := range v.Fields {
			d.add(l, f.Field, registry.FieldText(l, f))
		}
	case errors.As(err, &conflict):
		d.add(l, conflict.Field, registry.Text(l, "duplicate", nil))
	case errors.As(err, &transition):
		d.add(l, "status", registry.Text(l, "detail.transition", registry.Args{
			"from": enumLabel(l, d.Kind.status, transition.From), "to": enumLabel(l, d.Kind.status, transition.To),
			"allowed": registry.List(l, labels(l, d.Kind.status, transition.Allowed))}))
	case errors.Is(err, registry.ErrArchived):
		d.add(l, "", registry.Text(l, "title.archived", nil))
	default:
		return false
	}
	return true
}

func labels(l registry.Lang, enum string, codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = enumLabel(l, enum, c)
	}
	return out
}

func (d *formData) add(l registry.Lang, field, msg string) {
	if _, ok := d.Errors[field]; !ok {
		d.Errors[field] = msg
	} else {
		d.Errors[field] += "；" + msg
	}
	d.Summary = append(d.Summary, fieldMessage{Field: field, Label: fieldLabel(l, field), Message: msg})
}

// fieldLabel names a field path in words: "缔约方 2 · 角色".
func fieldLabel(l registry.Lang, path string) string {
	if m := pathPart.FindStringSubmatch(path); m != nil {
		i, _ := strconv.Atoi(m[2])
		return registry.Text(l, "console.field."+m[1], nil) + " " + strconv.Itoa(i+1) + " · " + registry.Text(l, "console.field."+m[3], nil)
	}
	if path == "" {
		return ""
	}
	if i := strings.IndexByte(path, '['); i > 0 {
		path = path[:i]
	}
	return registry.Text(l, "console.field."+path, nil)
}

// write creates or updates the record through the Service.
func (c *console) write(ctx context.Context, r *http.Request, k *kind, d formData) (string, error) {
	var v registry.ValidationError
	b, err := toJSON(k, d.Values, &v)
	if err != nil {
		return "", err
	}
	if err := v.Err(); err != nil {
		return "", err
	}
	by := actor(r)
	switch k {
	case agreementKind:
		var in registry.AgreementInput
		if err := json.Unmarshal(b, &in); err != nil {
			return "", err
		}
		if d.ID == "" {
			a, err := c.svc.CreateAgreement(ctx, by, in)
			return a.ID, err
		}
		a, err := c.svc.UpdateAgreement(ctx, by, d.ID, d.Version, in)
		return a.ID, err
	case consultationKind:
		var in registry.ConsultationInput
		if err := json.Unmarshal(b, &in); err != nil {
			return "", err
		}
		if d.ID == "" {
			x, err := c.svc.CreateConsultation(ctx, by, in)
			return x.ID, err
		}
		x, err := c.svc.UpdateConsultation(ctx, by, d.ID, d.Version, in)
		return x.ID, err
	}
	var in registry.JointActionInput
	if err := json.Unmarshal(b, &in); err != nil {
		return "", err
	}
	if d.ID == "" {
		x, err := c.svc.CreateJointAction(ctx, by, in)
		return x.ID, err
	}
	x, err := c.svc.UpdateJointAction(ctx, by, d.ID, d.Version, in)
	return x.ID, err
}

// resolveNames turns an organisation typed by its Chinese name into its
// code when exactly one organisation matches; anything else is left for
// the Service to judge.
func (c *console) resolveNames(ctx context.Context, k *kind, vals map[string]string) {
	for key, v := range vals {
		v = strings.TrimSpace(v)
		if !strings.HasSuffix(key, ".organization_id") || v == "" || registry.IsOrgRef(v) {
			continue
		}
		page, err := c.svc.ListOrganizations(ctx, registry.OrganizationFilter{Q: v, Limit: 2})
		if err == nil && len(page.Items) == 1 {
			vals[key] = page.Items[0].Code
		}
	}
}

// duplicates finds records that look like the one about to be created:
// the same first organisation and the same date, or a title that shares
// its opening words.
func (c *console) duplicates(ctx context.Context, k *kind, vals map[string]string) ([]row, error) {
	dateField := map[*kind]string{agreementKind: "signed_on", consultationKind: "held_on", jointActionKind: "started_on"}[k]
	group := k.groups()[0].Name
	seen := map[string]bool{}
	var out []row
	addAll := func(rows []row) {
		for _, r := range rows {
			if !seen[r.ID] && len(out) < 10 {
				seen[r.ID] = true
				out = append(out, r)
			}
		}
	}
	var parties []string
	for i := 0; ; i++ {
		p, ok := vals[fmt.Sprintf("%s[%d].organization_id", group, i)]
		if !ok {
			break
		}
		if p = strings.TrimSpace(p); registry.IsOrgRef(p) {
			parties = append(parties, p)
		}
	}
	if date := strings.TrimSpace(vals[dateField]); date != "" && len(parties) > 0 {
		if _, err := registry.ParseDate(date); err == nil {
			rows, _, err := k.list(ctx, c, filter{Parties: parties, From: date, To: date, Limit: 10})
			if err != nil {
				return nil, err
			}
			addAll(rows)
		}
	}
	if title := strings.TrimSpace(vals["title_zh"]); utf8.RuneCountInString(title) >= 4 {
		opening := string([]rune(title)[:min(8, utf8.RuneCountInString(title))])
		rows, _, err := k.list(ctx, c, filter{Q: opening, Limit: 10})
		if err != nil {
			return nil, err
		}
		addAll(rows)
	}
	return out, nil
}

// conflict shows the record as it now is beside the officer's change,
// which can be applied again onto the current version.
func (c *console) conflict(w http.ResponseWriter, r *http.Request, d formData) {
	ctx := r.Context()
	l := viewerOf(ctx).lang
	rec, version, err := c.current(ctx, d.Kind, d.ID)
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	theirs := flatten(rec)
	keys := map[string]bool{}
	for k := range theirs {
		keys[k] = true
	}
	for k := range d.Values {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		if strings.TrimSpace(theirs[k]) != strings.TrimSpace(d.Values[k]) {
			d.Conflict = append(d.Conflict, conflictLine{Field: fieldLabel(l, k), Theirs: theirs[k], Mine: d.Values[k]})
		}
	}
	d.Current = version
	d.Rows = rowsOf(d.Kind, d.Values)
	c.render(w, r, http.StatusConflict, "conflict", "console.conflict", d.Kind.path, d)
}
