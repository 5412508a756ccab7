package console

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strings"

	"github.com/chengyu-collab/registry/internal/registry"
)

// adminRoutes adds the administrators' pages: organisations and
// cooperation areas (written through the Service, audited with the
// administrator as actor), accounts and API keys (through the accounts).
// Every one of them is refused to anyone but an administrator.
func (c *console) adminRoutes(m *http.ServeMux) {
	admin := func(pattern string, fn http.HandlerFunc) { m.Handle(pattern, c.mayAdminister(fn)) }
	admin("GET /console/admin/{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/console/admin/organizations", http.StatusSeeOther)
	})
	admin("GET /console/admin/organizations", c.adminOrganizations)
	admin("GET /console/admin/organizations/new", c.orgForm)
	admin("POST /console/admin/organizations/new", c.orgSubmit)
	admin("GET /console/admin/organizations/{id}/edit", c.orgForm)
	admin("POST /console/admin/organizations/{id}/edit", c.orgSubmit)
	admin("GET /console/admin/areas", c.adminAreas)
	admin("GET /console/admin/areas/new", c.areaForm)
	admin("POST /console/admin/areas/new", c.areaSubmit)
	admin("GET /console/admin/areas/{code}/edit", c.areaForm)
	admin("POST /console/admin/areas/{code}/edit", c.areaSubmit)
	admin("GET /console/admin/users", c.adminUsers)
	admin("POST /console/admin/users/new", c.userCreate)
	admin("POST /console/admin/users/{login}/reset-password", c.userReset)
	admin("POST /console/admin/users/{login}/disable", c.userDisable)
	admin("GET /console/admin/keys", c.adminKeys)
	admin("POST /console/admin/keys/new", c.keyCreate)
	admin("POST /console/admin/keys/{id}/revoke", c.keyRevoke)
}

// adminForm is a form of the administrators' pages: its values and
// messages by field, as the Service's validation errors name them.
type adminForm struct {
	Action  string // where the form posts
	Back    string // where cancelling goes
	ID      string
	Version int
	Values  map[string]string
	Errors  map[string]string
	Summary []fieldMessage
	Regions []regionOption
	Orgs    []registry.Organization
	Areas   []registry.CooperationArea
	// On a conflict: how the record now differs from the change.
	Conflict []conflictLine
	Current  int
	Focus    string // the field that takes the focus when the page loads; none yet
}

func newAdminForm(action, back string) *adminForm {
	return &adminForm{Action: action, Back: back, Values: map[string]string{}, Errors: map[string]string{}}
}

// add puts a message beside its field and in the summary above the form.
func (f *adminForm) add(l registry.Lang, field, msg string) {
	if _, ok := f.Errors[field]; ok {
		f.Errors[field] += "；" + msg
	} else {
		f.Errors[field] = msg
	}
	f.Summary = append(f.Summary, fieldMessage{Field: field, Label: fieldLabel(l, field), Message: msg})
}

// refused puts the messages of a refused write beside their fields; it
// reports false for an error that is no fault of the input.
func (f *adminForm) refused(l registry.Lang, err error) bool {
	var v *registry.ValidationError
	var conflict *registry.ConflictError
	var immutable *registry.ImmutableError
	switch {
	case errors.As(err, &v):
		for _, fe := range v.Fields {
			f.add(l, fe.Field, registry.FieldText(l, fe))
		}
	case errors.As(err, &conflict):
		f.add(l, conflict.Field, registry.Text(l, "duplicate", nil))
	case errors.As(err, &immutable):
		f.add(l, immutable.Field, registry.Text(l, "console.admin.immutable", nil))
	default:
		return false
	}
	return true
}

// posted reads the named fields of a posted form, trimmed.
func posted(r *http.Request, fields ...string) map[string]string {
	vals := map[string]string{}
	for _, f := range fields {
		vals[f] = strings.TrimSpace(r.PostFormValue(f))
	}
	return vals
}

// optional is a trimmed value, or nil when it is blank.
func optional(s string) *string {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return &s
}

// resolveOrg turns an organisation picked by its Chinese name (or short
// name) into its code when exactly one organisation bears it; a code or
// UUID, or a name that matches none or several, is left for the rules to
// judge.
func (c *console) resolveOrg(ctx context.Context, v string) (string, error) {
	if v == "" || registry.IsOrgRef(v) {
		return v, nil
	}
	page, err := c.svc.ListOrganizations(ctx, registry.OrganizationFilter{Q: v, Limit: 20})
	if err != nil {
		if errors.Is(err, registry.ErrBadRequest) {
			return v, nil
		}
		return "", err
	}
	var found []string
	for _, o := range page.Items {
		if o.NameZh == v || (o.ShortNameZh != nil && *o.ShortNameZh == v) || (o.NameEn != nil && *o.NameEn == v) {
			found = append(found, o.Code)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	if len(page.Items) == 1 {
		return page.Items[0].Code, nil
	}
	return v, nil
}

// orgName is the Chinese name an organisation is picked by, or the
// reference itself when it is gone.
func (c *console) orgName(ctx context.Context, ref *string) string {
	if ref == nil || *ref == "" {
		return ""
	}
	o, err := c.svc.GetOrganization(ctx, *ref)
	if err != nil {
		return *ref
	}
	return o.NameZh
}

// allOrganizations lists every organisation by Chinese name, for the
// pickers of the forms.
func (c *console) allOrganizations(ctx context.Context) ([]registry.Organization, error) {
	var all []registry.Organization
	cursor := ""
	for range 100 {
		page, err := c.svc.ListOrganizations(ctx, registry.OrganizationFilter{Limit: 100, Cursor: cursor})
		if err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if page.Next == "" {
			break
		}
		cursor = page.Next
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].NameZh < all[j].NameZh })
	return all, nil
}

// allAreas lists every cooperation area by code.
func (c *console) allAreas(ctx context.Context) ([]registry.CooperationArea, error) {
	var all []registry.CooperationArea
	cursor := ""
	for range 100 {
		page, err := c.svc.ListAreas(ctx, 100, cursor)
		if err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if page.Next == "" {
			break
		}
		cursor = page.Next
	}
	return all, nil
}

// differences lists the fields where the record now differs from the
// change that met a newer version.
func differences(l registry.Lang, theirs, mine map[string]string, fields []string) []conflictLine {
	var out []conflictLine
	for _, f := range fields {
		if theirs[f] != mine[f] {
			out = append(out, conflictLine{Field: fieldLabel(l, f), Theirs: theirs[f], Mine: mine[f]})
		}
	}
	return out
}

// writeFailed answers a refused write that is no fault of the input.
func (c *console) writeFailed(w http.ResponseWriter, r *http.Request, err error) {
	var forbidden *registry.ForbiddenError
	switch {
	case errors.As(err, &forbidden):
		c.fail(w, r, http.StatusForbidden, "reason."+forbidden.Reason)
	case errors.Is(err, registry.ErrNotFound):
		c.fail(w, r, http.StatusNotFound, "console.error.not_found")
	default:
		c.serverError(w, r, err)
	}
}
