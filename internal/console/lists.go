package console

import (
	"context"
	"encoding/csv"
	"errors"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/chengyu-collab/registry/internal/registry"
)

// names looks organisations and regions up for one request, each once.
type names struct {
	c    *console
	ctx  context.Context
	orgs map[string]*registry.Organization
}

func (c *console) names(ctx context.Context) *names {
	return &names{c: c, ctx: ctx, orgs: map[string]*registry.Organization{}}
}

// org returns the organisation of a code or id, or nil when it is gone.
func (n *names) org(ref string) *registry.Organization {
	if o, ok := n.orgs[ref]; ok {
		return o
	}
	o, err := n.c.svc.GetOrganization(n.ctx, ref)
	var p *registry.Organization
	if err == nil {
		p = &o
	}
	n.orgs[ref] = p
	return p
}

// OrgName is an organisation's short name (or name) in the language.
func (n *names) OrgName(ref string) string {
	o := n.org(ref)
	if o == nil {
		return ref
	}
	l := viewerOf(n.ctx).lang
	if l == registry.En {
		for _, s := range []*string{o.ShortNameEn, o.NameEn} {
			if s != nil && *s != "" {
				return *s
			}
		}
	}
	if o.ShortNameZh != nil && *o.ShortNameZh != "" {
		return *o.ShortNameZh
	}
	return o.NameZh
}

// OrgRegion is the name of an organisation's region, with its province.
func (n *names) OrgRegion(ref string) string {
	o := n.org(ref)
	if o == nil || o.RegionCode == nil {
		return ""
	}
	return n.c.regionName(n.ctx, *o.RegionCode)
}

// allRegions reads the region table once: it is reference data loaded by
// a migration and never written by the service.
func (c *console) allRegions(ctx context.Context) ([]registry.Region, error) {
	c.regionsMu.Lock()
	defer c.regionsMu.Unlock()
	if c.regions != nil {
		return c.regions, nil
	}
	byCode := map[string]*registry.Region{}
	var all []registry.Region
	cursor := ""
	for {
		page, err := c.svc.ListRegions(ctx, registry.RegionFilter{Limit: 200, Cursor: cursor})
		if err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	for i := range all {
		byCode[all[i].Code] = &all[i]
	}
	c.regions, c.regionByCode = all, byCode
	return all, nil
}

// Region is the name of a region by its code, with its province (as
// regionName); "" for none.
func (n *names) Region(code *string) string {
	if code == nil {
		return ""
	}
	return n.c.regionName(n.ctx, *code)
}

// regionName is "长寿区（重庆市）" or "Changshou District (Chongqing)".
func (c *console) regionName(ctx context.Context, code string) string {
	if _, err := c.allRegions(ctx); err != nil {
		return code
	}
	l := viewerOf(ctx).lang
	c.regionsMu.Lock()
	index := c.regionByCode
	c.regionsMu.Unlock()
	byCode := func(code string) *registry.Region { return index[code] }
	r := byCode(code)
	if r == nil {
		return code
	}
	name := pickText(ctx, r.NameZh, r.NameEn)
	if r.Level == registry.LevelProvince {
		return name
	}
	p := r
	for p.ParentCode != nil {
		if q := byCode(*p.ParentCode); q != nil {
			p = q
		} else {
			break
		}
	}
	if l == registry.Zh {
		return name + "（" + pickText(ctx, p.NameZh, p.NameEn) + "）"
	}
	return name + " (" + pickText(ctx, p.NameZh, p.NameEn) + ")"
}

// listData is what a list page shows.
type listData struct {
	Kind   *kind
	Filter filter
	Rows   []row
	Next   string
	Names  *names
	// The filter form's pick-lists, as <option> elements.
	PartyOptions, RegionOptions, AreaOptions template.HTML
	Query                                    string // the filter as a query string, for downloads and paging
	Error                                    string
	HasExcel                                 bool
	MayWrite                                 bool
}

type regionOption struct {
	Code, Label string
	Level       registry.RegionLevel
}

func (c *console) list(k *kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		v := viewerOf(ctx)
		f := parseFilter(v.lang, r.URL.Query(), k)
		d := listData{Kind: k, Filter: f, Names: c.names(ctx), HasExcel: c.spreadsheet != nil,
			MayWrite: v.user != nil && registry.MayWrite(v.user.Actor("")) == nil, Query: filterQuery(f, k).Encode()}
		rows, next, err := k.list(ctx, c, f)
		switch {
		case errors.Is(err, registry.ErrBadRequest):
			d.Error = registry.Text(v.lang, "invalid_cursor", nil)
		case err != nil:
			c.serverError(w, r, err)
			return
		}
		d.Rows, d.Next = rows, next
		if err := c.pickers(ctx, &d); err != nil {
			c.serverError(w, r, err)
			return
		}
		c.render(w, r, http.StatusOK, "list", k.name, k.path, d)
	}
}

// pickers fills the choices of the filter form: organisations, regions
// and areas, each as ready <option> elements (see choiceCache).
func (c *console) pickers(ctx context.Context, d *listData) error {
	var lists [3][]choice
	for i, name := range []string{"orgs", "regions", "areas"} {
		cs, err := c.escapedChoices(ctx, name)
		if err != nil {
			return err
		}
		lists[i] = cs
	}
	// A party the filter names beyond the pick-list stays chosen.
	parties := lists[0]
	for _, p := range d.Filter.Parties {
		if !slices.ContainsFunc(parties, func(x choice) bool { return x.raw == p }) {
			if o := d.Names.org(p); o != nil {
				parties = append([]choice{{raw: p, value: html.EscapeString(p), label: html.EscapeString(d.Names.OrgName(p))}}, parties...)
			}
		}
	}
	d.PartyOptions = optionsHTML(parties, func(v string) bool { return slices.Contains(d.Filter.Parties, v) })
	d.RegionOptions = optionsHTML(lists[1], func(v string) bool { return v == d.Filter.Region })
	d.AreaOptions = optionsHTML(lists[2], func(v string) bool { return v == d.Filter.Area })
	return nil
}

// filterQuery is the filter as query parameters, without the cursor.
func filterQuery(f filter, k *kind) url.Values {
	q := url.Values{}
	for _, p := range f.Parties {
		q.Add("party", p)
	}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("region", f.Region)
	set("area", f.Area)
	set("status", f.Status)
	set(k.kindParam, f.Kind)
	set("from", f.From)
	set("to", f.To)
	set("q", f.Q)
	set("agreement", f.Agreement)
	return q
}

// download streams exactly the list the page shows — the same filter,
// every page — as CSV (UTF-8 with a byte-order mark so that spreadsheet
// programs read Chinese), or as Excel when a writer is plugged in.
func (c *console) download(k *kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		l := viewerOf(ctx).lang
		f := parseFilter(l, r.URL.Query(), k)
		f.Cursor, f.Limit = "", 200
		heads := []string{registry.Text(l, "console.field.title", nil), registry.Text(l, "console.field.kind", nil),
			registry.Text(l, "console.field.status", nil), registry.Text(l, "console.field.date", nil),
			registry.Text(l, "console.field.parties", nil)}
		rows := func(yield func([]string) bool) error {
			for {
				page, next, err := k.list(ctx, c, f)
				if err != nil {
					return err
				}
				for _, x := range page {
					var parties []string
					for i := range x.Parties {
						parties = append(parties, x.PartyNames[i]+"（"+enumLabel(l, k.role, x.Roles[i])+"）")
					}
					if !yield([]string{x.Title, enumLabel(l, k.kindEnum, x.Kind), enumLabel(l, k.status, x.Status), x.Date,
						registry.List(l, parties)}) {
						return nil
					}
				}
				if next == "" {
					return nil
				}
				f.Cursor = next
			}
		}
		name := k.path + "-" + c.now().Format("20060102")
		if r.URL.Query().Get("format") == "xlsx" && c.spreadsheet != nil {
			if err := c.spreadsheet(w, l, name+".xlsx", heads, rows); err != nil {
				c.log.Error("console download", "error", err.Error())
			}
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
		_, _ = w.Write([]byte("\uFEFF"))
		cw := csv.NewWriter(w)
		_ = cw.Write(heads)
		var werr error
		err := rows(func(rec []string) bool {
			for i := range rec {
				rec[i] = neutralise(rec[i])
			}
			werr = cw.Write(rec)
			return werr == nil
		})
		cw.Flush()
		if err != nil || werr != nil {
			c.log.Error("console download", "error", errors.Join(err, werr).Error())
		}
	}
}

// neutralise keeps a spreadsheet program from reading a cell as a formula.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
