package console

import (
	"context"
	"html"
	"html/template"
	"strings"
	"sync"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// pickLimit is how many organisations and areas a pick-list offers (the
// first of the directory's order); a filter naming another one adds it.
const pickLimit = 200

// choicesTTL is how long the pick-lists of the filter forms and the
// registration forms (organisations and cooperation areas) are kept
// before they are read again. A list page would otherwise read the whole
// organisation directory on every request, twice the work of the page's
// own records. The cost of the cache: an organisation or area created or
// renamed on another replica appears in the pick-lists of this one up to
// choicesTTL later (this replica's own console writes drop the cache at
// once). Records — and the names they carry — are always read fresh.
const choicesTTL = 10 * time.Second

// choiceCache holds the pick-lists and, per language, their options
// already escaped, so that a page copies them instead of running a
// template over hundreds of organisations.
type choiceCache struct {
	mu    sync.Mutex
	at    time.Time
	orgs  []registry.Organization
	areas []registry.CooperationArea
	html  map[choiceKey][]choice
}

// choiceKey names one escaped pick-list: the organisations, the areas or
// the regions in a language.
type choiceKey struct {
	list string // "orgs", "areas" or "regions"
	lang registry.Lang
}

// choice is one <option>: its value as the form sends it (raw), and its
// value and label escaped for HTML.
type choice struct{ raw, value, label, attrs string }

// choices returns the organisations and cooperation areas of the
// pick-lists (the first pickLimit of each), from the cache when it is
// fresh.
func (c *console) choices(ctx context.Context) ([]registry.Organization, []registry.CooperationArea, error) {
	cc := &c.choiceCache
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.orgs != nil && c.now().Sub(cc.at) < choicesTTL {
		return cc.orgs, cc.areas, nil
	}
	orgPage, err := c.svc.ListOrganizations(ctx, registry.OrganizationFilter{Limit: pickLimit})
	if err != nil {
		return nil, nil, err
	}
	areaPage, err := c.svc.ListAreas(ctx, pickLimit, "")
	if err != nil {
		return nil, nil, err
	}
	orgs, areas := orgPage.Items, areaPage.Items
	if orgs == nil {
		orgs = []registry.Organization{}
	}
	cc.orgs, cc.areas, cc.at, cc.html = orgs, areas, c.now(), map[choiceKey][]choice{}
	return orgs, areas, nil
}

// forgetChoices drops the cached pick-lists after a console write to an
// organisation or an area, so that this replica shows the change at once.
func (c *console) forgetChoices() {
	c.choiceCache.mu.Lock()
	c.choiceCache.orgs, c.choiceCache.html = nil, nil
	c.choiceCache.mu.Unlock()
}

// escapedChoices returns the escaped options of a pick-list in a language,
// building them once per cache period.
func (c *console) escapedChoices(ctx context.Context, list string) ([]choice, error) {
	if _, _, err := c.choices(ctx); err != nil {
		return nil, err
	}
	l := viewerOf(ctx).lang
	cc := &c.choiceCache
	cc.mu.Lock()
	defer cc.mu.Unlock()
	key := choiceKey{list, l}
	if cs, ok := cc.html[key]; ok {
		return cs, nil
	}
	var cs []choice
	switch list {
	case "regions":
		regions, err := c.allRegions(ctx)
		if err != nil {
			return nil, err
		}
		for _, r := range regions {
			indent := map[registry.RegionLevel]string{registry.LevelPrefecture: "　", registry.LevelCounty: "　　"}[r.Level]
			cs = append(cs, choice{raw: r.Code, value: html.EscapeString(r.Code), attrs: ` class="level-` + html.EscapeString(string(r.Level)) + `"`,
				label: indent + html.EscapeString(pickText(ctx, r.NameZh, r.NameEn))})
		}
	case "orgs":
		for _, o := range cc.orgs {
			cs = append(cs, choice{raw: o.Code, value: html.EscapeString(o.Code), label: html.EscapeString(pickText(ctx, o.NameZh, o.NameEn))})
		}
	default:
		for _, a := range cc.areas {
			cs = append(cs, choice{raw: a.Code, value: html.EscapeString(a.Code), label: html.EscapeString(pickText(ctx, a.NameZh, a.NameEn))})
		}
	}
	if cc.html != nil {
		cc.html[key] = cs
	}
	return cs, nil
}

// optionsHTML writes the <option> elements of choices, marking those
// selected. Values and labels were escaped by escapedChoices, so the
// result is safe HTML.
func optionsHTML(cs []choice, selected func(value string) bool) template.HTML {
	var b strings.Builder
	for _, x := range cs {
		b.WriteString(`<option value="`)
		b.WriteString(x.value)
		b.WriteByte('"')
		b.WriteString(x.attrs)
		if selected(x.raw) {
			b.WriteString(" selected")
		}
		b.WriteByte('>')
		b.WriteString(x.label)
		b.WriteString("</option>\n")
	}
	return template.HTML(b.String()) //nolint:gosec // every value and label was escaped by escapedChoices
}
