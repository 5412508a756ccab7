package console

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/chengyu-collab/registry/internal/registry"
)

// areaFields are the fields of the cooperation-area form.
var areaFields = []string{"code", "name_zh", "name_en", "parent_code"}

// adminAreas lists the cooperation areas with links to their forms.
func (c *console) adminAreas(w http.ResponseWriter, r *http.Request) {
	areas, err := c.allAreas(r.Context())
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	c.render(w, r, http.StatusOK, "admin_areas", "console.admin.areas", "admin", areas)
}

func areaValues(a registry.CooperationArea) map[string]string {
	v := map[string]string{"code": a.Code, "name_zh": a.NameZh, "name_en": "", "parent_code": ""}
	if a.NameEn != nil {
		v["name_en"] = *a.NameEn
	}
	if a.ParentCode != nil {
		v["parent_code"] = *a.ParentCode
	}
	return v
}

// areaForm shows the form of a new cooperation area, or of one to edit
// (its code is shown but cannot change).
func (c *console) areaForm(w http.ResponseWriter, r *http.Request) {
	f := newAdminForm("/console/admin/areas/new", "/console/admin/areas")
	if code := r.PathValue("code"); code != "" {
		a, err := c.svc.GetArea(r.Context(), code)
		if errors.Is(err, registry.ErrNotFound) || errors.Is(err, registry.ErrBadRequest) {
			c.fail(w, r, http.StatusNotFound, "console.error.not_found")
			return
		}
		if err != nil {
			c.serverError(w, r, err)
			return
		}
		f.Action, f.ID, f.Version, f.Values = "/console/admin/areas/"+a.Code+"/edit", a.Code, a.Version, areaValues(a)
	}
	c.showAreaForm(w, r, http.StatusOK, f)
}

func (c *console) showAreaForm(w http.ResponseWriter, r *http.Request, status int, f *adminForm) {
	areas, err := c.allAreas(r.Context())
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	for _, a := range areas {
		if a.Code != f.ID {
			f.Areas = append(f.Areas, a)
		}
	}
	title := "console.admin.new_area"
	if f.ID != "" {
		title = "console.admin.edit_area"
	}
	c.render(w, r, status, "admin_area_form", title, "admin", f)
}

// areaSubmit creates or updates a cooperation area through the Service;
// on an edit the code is the one of the address, whatever was posted.
func (c *console) areaSubmit(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	l := viewerOf(ctx).lang
	if err := r.ParseForm(); err != nil {
		c.fail(w, r, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	f := newAdminForm("/console/admin/areas/new", "/console/admin/areas")
	f.Values = posted(r, areaFields...)
	if code := r.PathValue("code"); code != "" {
		f.ID, f.Action, f.Values["code"] = code, "/console/admin/areas/"+code+"/edit", code
		f.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	}
	in := registry.AreaInput{Code: f.Values["code"], NameZh: f.Values["name_zh"], NameEn: optional(f.Values["name_en"]),
		ParentCode: optional(f.Values["parent_code"])}
	var err error
	if f.ID == "" {
		_, err = c.svc.CreateArea(ctx, actor(r), in)
	} else {
		_, err = c.svc.UpdateArea(ctx, actor(r), f.ID, f.Version, in)
	}
	if err == nil {
		c.forgetChoices()
		http.Redirect(w, r, "/console/admin/areas", http.StatusSeeOther)
		return
	}
	var pre *registry.PreconditionError
	if errors.As(err, &pre) {
		cur, gerr := c.svc.GetArea(ctx, f.ID)
		if gerr != nil {
			c.writeFailed(w, r, gerr)
			return
		}
		f.Current, f.Conflict = cur.Version, differences(l, areaValues(cur), f.Values, areaFields)
		c.render(w, r, http.StatusConflict, "admin_conflict", "console.conflict", "admin", f)
		return
	}
	if !f.refused(l, err) {
		c.writeFailed(w, r, err)
		return
	}
	c.showAreaForm(w, r, http.StatusUnprocessableEntity, f)
}
