package console

import (
	"errors"
	"net/http"
	"strings"

	"github.com/chengyu-collab/registry/internal/registry"
)

type orgsData struct {
	Q, Kind, Region string
	Items           []registry.Organization
	Next            string
	Names           *names
	Regions         []regionOption
	Query           string
}

// organizations is the directory of organisations, searched by name.
func (c *console) organizations(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	d := orgsData{Q: strings.TrimSpace(q.Get("q")), Kind: q.Get("kind"), Region: q.Get("region"), Names: c.names(ctx)}
	if enumLabel(registry.En, "organization_kind", d.Kind) == d.Kind {
		d.Kind = ""
	}
	if !registry.IsRegionCode(d.Region) {
		d.Region = ""
	}
	page, err := c.svc.ListOrganizations(ctx, registry.OrganizationFilter{Q: d.Q, Kind: registry.OrganizationKind(d.Kind),
		Region: d.Region, Limit: 50, Cursor: q.Get("cursor")})
	if err != nil && !errors.Is(err, registry.ErrBadRequest) {
		c.serverError(w, r, err)
		return
	}
	d.Items, d.Next = page.Items, page.Next
	for _, o := range d.Items {
		d.Names.orgs[o.Code], d.Names.orgs[o.ID] = &o, &o
	}
	regions, err := c.allRegions(ctx)
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	for _, r := range regions {
		if r.Level != registry.LevelCounty {
			d.Regions = append(d.Regions, regionOption{Code: r.Code, Level: r.Level, Label: pickText(ctx, r.NameZh, r.NameEn)})
		}
	}
	qs := q
	qs.Del("cursor")
	qs.Del("lang")
	d.Query = qs.Encode()
	c.render(w, r, http.StatusOK, "organizations", "console.organizations", "organizations", d)
}

type orgData struct {
	Org           registry.Organization
	Names         *names
	Agreements    []row
	Consultations []row
	JointActions  []row
}

// organization shows one organisation and what it took part in.
func (c *console) organization(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	o, err := c.svc.GetOrganization(ctx, r.PathValue("code"))
	if errors.Is(err, registry.ErrNotFound) || errors.Is(err, registry.ErrBadRequest) {
		c.fail(w, r, http.StatusNotFound, "console.error.not_found")
		return
	}
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	d := orgData{Org: o, Names: c.names(ctx)}
	f := filter{Parties: []string{o.Code}, Limit: 20}
	if d.Agreements, _, err = agreementKind.list(ctx, c, f); err == nil {
		if d.Consultations, _, err = consultationKind.list(ctx, c, f); err == nil {
			d.JointActions, _, err = jointActionKind.list(ctx, c, f)
		}
	}
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	c.render(w, r, http.StatusOK, "organization", "console.organization", "organizations", d)
}

// regionNode is a region with the regions below it.
type regionNode struct {
	Code, Name string
	Level      registry.RegionLevel
	Children   []*regionNode
}

// regionBrowser shows Chongqing and Sichuan as a tree, each region linked
// to the records of its organisations.
func (c *console) regionBrowser(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	regions, err := c.allRegions(ctx)
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	nodes := map[string]*regionNode{}
	var roots []*regionNode
	for _, x := range regions {
		nodes[x.Code] = &regionNode{Code: x.Code, Name: pickText(ctx, x.NameZh, x.NameEn), Level: x.Level}
	}
	for _, x := range regions {
		n := nodes[x.Code]
		if x.ParentCode != nil && nodes[*x.ParentCode] != nil {
			p := nodes[*x.ParentCode]
			p.Children = append(p.Children, n)
		} else {
			roots = append(roots, n)
		}
	}
	c.render(w, r, http.StatusOK, "regions", "console.regions", "regions", roots)
}
