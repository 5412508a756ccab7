package console

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/chengyu-collab/registry/internal/registry"
)

// orgFields are the fields of the organisation form, named as the
// Service's validation errors name them.
var orgFields = []string{"code", "kind", "name_zh", "name_en", "short_name_zh", "short_name_en", "region_code", "parent_id"}

type adminOrgsData struct {
	Items []registry.Organization
}

// adminOrganizations lists every organisation with a link to its form.
func (c *console) adminOrganizations(w http.ResponseWriter, r *http.Request) {
	orgs, err := c.allOrganizations(r.Context())
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	c.render(w, r, http.StatusOK, "admin_organizations", "console.admin.organizations", "admin", adminOrgsData{Items: orgs})
}

// orgValues are an organisation's form values; its parent is shown by
// name.
func (c *console) orgValues(r *http.Request, o registry.Organization) map[string]string {
	deref := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	return map[string]string{"code": o.Code, "kind": string(o.Kind), "name_zh": o.NameZh, "name_en": deref(o.NameEn),
		"short_name_zh": deref(o.ShortNameZh), "short_name_en": deref(o.ShortNameEn), "region_code": deref(o.RegionCode),
		"parent_id": c.orgName(r.Context(), o.ParentID)}
}

// orgForm shows the form of a new organisation, or of one to edit with
// its current values and version.
func (c *console) orgForm(w http.ResponseWriter, r *http.Request) {
	f := newAdminForm("/console/admin/organizations/new", "/console/admin/organizations")
	if id := r.PathValue("id"); id != "" {
		o, err := c.svc.GetOrganization(r.Context(), id)
		if errors.Is(err, registry.ErrNotFound) || errors.Is(err, registry.ErrBadRequest) {
			c.fail(w, r, http.StatusNotFound, "console.error.not_found")
			return
		}
		if err != nil {
			c.serverError(w, r, err)
			return
		}
		f.Action, f.ID, f.Version, f.Values = "/console/admin/organizations/"+o.ID+"/edit", o.ID, o.Version, c.orgValues(r, o)
	}
	c.showOrgForm(w, r, http.StatusOK, f)
}

func (c *console) showOrgForm(w http.ResponseWriter, r *http.Request, status int, f *adminForm) {
	ctx := r.Context()
	orgs, err := c.allOrganizations(ctx)
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	regions, err := c.allRegions(ctx)
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	f.Orgs = orgs
	for _, x := range regions {
		f.Regions = append(f.Regions, regionOption{Code: x.Code, Level: x.Level, Label: pickText(ctx, x.NameZh, x.NameEn)})
	}
	title := "console.admin.new_organization"
	if f.ID != "" {
		title = "console.admin.edit_organization"
	}
	c.render(w, r, status, "admin_org_form", title, "admin", f)
}

// orgSubmit creates or updates an organisation through the Service, with
// the administrator as the actor of its audit entry; every message goes
// beside its field, and a stale version leads to the conflict page.
func (c *console) orgSubmit(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	l := viewerOf(ctx).lang
	if err := r.ParseForm(); err != nil {
		c.fail(w, r, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	f := newAdminForm("/console/admin/organizations/new", "/console/admin/organizations")
	f.Values = posted(r, orgFields...)
	if id := r.PathValue("id"); id != "" {
		f.ID, f.Action = id, "/console/admin/organizations/"+id+"/edit"
		f.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	}
	parent, err := c.resolveOrg(ctx, f.Values["parent_id"])
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	in := registry.OrganizationInput{Code: f.Values["code"], Kind: registry.OrganizationKind(f.Values["kind"]),
		NameZh: f.Values["name_zh"], NameEn: optional(f.Values["name_en"]), ShortNameZh: optional(f.Values["short_name_zh"]),
		ShortNameEn: optional(f.Values["short_name_en"]), RegionCode: optional(f.Values["region_code"]), ParentID: optional(parent)}
	var o registry.Organization
	if f.ID == "" {
		o, err = c.svc.CreateOrganization(ctx, actor(r), in)
	} else {
		o, err = c.svc.UpdateOrganization(ctx, actor(r), f.ID, f.Version, in)
	}
	if err == nil {
		c.forgetChoices()
		http.Redirect(w, r, "/console/organizations/"+o.Code, http.StatusSeeOther)
		return
	}
	var pre *registry.PreconditionError
	if errors.As(err, &pre) {
		cur, gerr := c.svc.GetOrganization(ctx, f.ID)
		if gerr != nil {
			c.writeFailed(w, r, gerr)
			return
		}
		f.Current, f.Conflict = cur.Version, differences(l, c.orgValues(r, cur), f.Values, orgFields)
		c.render(w, r, http.StatusConflict, "admin_conflict", "console.conflict", "admin", f)
		return
	}
	if !f.refused(l, err) {
		c.writeFailed(w, r, err)
		return
	}
	c.showOrgForm(w, r, http.StatusUnprocessableEntity, f)
}
