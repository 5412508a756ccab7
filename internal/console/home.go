package console

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strconv"

	"github.com/chengyu-collab/registry/internal/export"
	"github.com/chengyu-collab/registry/internal/registry"
)

// bar is one bar of a server-drawn chart.
type bar struct {
	Label string
	Value int64
	Width int // in the chart's units, 0–300
	Y     int
}

// chart is a small horizontal bar chart drawn as SVG on the server.
type chart struct {
	Title  string
	Bars   []bar
	Height int
}

func newChart(title string, values map[string]int64, label func(string) string) chart {
	keys := make([]string, 0, len(values))
	var most int64
	for k, v := range values {
		if v > 0 {
			keys = append(keys, k)
			most = max(most, v)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if values[keys[i]] != values[keys[j]] {
			return values[keys[i]] > values[keys[j]]
		}
		return keys[i] < keys[j]
	})
	ch := chart{Title: title}
	for i, k := range keys {
		ch.Bars = append(ch.Bars, bar{Label: label(k), Value: values[k], Width: int(values[k] * 300 / most), Y: i * 28})
	}
	ch.Height = len(ch.Bars)*28 + 4
	return ch
}

// figures are a committee's numbers of one year, in words and charts.
type figures struct {
	Year          int
	Years         []int
	Organization  string // code, or "" for everyone
	Stats         registry.Stats
	Outcomes      []outcomeLine
	Charts        []chart
	Agreements    []row
	JointActions  []row
	Consultations []row
	Names         *names
	Orgs          []registry.Organization
	Overdue       []milestoneLine // the committee's overdue milestones (home only)
}

// milestoneLine is a milestone with the agreement it follows up.
type milestoneLine struct {
	registry.Milestone
	Title, Agreement string // in the viewer's language
}

// overdueLimit bounds the overdue milestones the home page lists.
const overdueLimit = 20

// overdue lists the committee's overdue milestones, earliest due first,
// each with its agreement's title.
func (c *console) overdue(ctx context.Context, org string) ([]milestoneLine, error) {
	page, err := c.svc.ListMilestones(ctx, registry.MilestoneFilter{Party: org, Overdue: true, Limit: overdueLimit})
	if err != nil {
		return nil, err
	}
	return c.milestoneLines(ctx, page.Items), nil
}

// milestoneLines names each milestone's agreement, looking each agreement
// up once.
func (c *console) milestoneLines(ctx context.Context, ms []registry.Milestone) []milestoneLine {
	titles := map[string]string{}
	out := make([]milestoneLine, 0, len(ms))
	for _, m := range ms {
		t, ok := titles[m.AgreementID]
		if !ok {
			if a, err := c.svc.GetAgreement(ctx, m.AgreementID); err == nil {
				t = pickText(ctx, a.TitleZh, a.TitleEn)
			}
			titles[m.AgreementID] = t
		}
		out = append(out, milestoneLine{Milestone: m, Title: pickText(ctx, m.TitleZh, m.TitleEn), Agreement: t})
	}
	return out
}

type outcomeLine struct {
	Kind        string
	Count       int64
	Approximate bool
}

func (c *console) figures(ctx context.Context, org string, year int) (figures, error) {
	l := viewerOf(ctx).lang
	f := figures{Year: year, Organization: org, Names: c.names(ctx)}
	for y := c.now().Year(); y >= c.now().Year()-6; y-- {
		f.Years = append(f.Years, y)
	}
	st, err := c.svc.Stats(ctx, registry.StatsFilter{Year: year, Organization: org})
	if err != nil {
		return f, err
	}
	f.Stats = st
	for _, o := range registry.OutcomeKinds.Values {
		if t, ok := st.Outcomes[string(o.Code)]; ok && t.Count > 0 {
			f.Outcomes = append(f.Outcomes, outcomeLine{Kind: string(o.Code), Count: t.Count, Approximate: t.Approximate})
		}
	}
	ints := func(m map[string]int) map[string]int64 {
		out := map[string]int64{}
		for k, v := range m {
			out[k] = int64(v)
		}
		return out
	}
	areaName := func(code string) string {
		if a, err := c.svc.GetArea(ctx, code); err == nil {
			return pickText(ctx, a.NameZh, a.NameEn)
		}
		return code
	}
	outcomes := map[string]int64{}
	for k, v := range st.Outcomes {
		outcomes[k] = v.Count
	}
	f.Charts = []chart{
		newChart(registry.Text(l, "console.chart.by_kind", nil), ints(st.JointActions.ByKind),
			func(k string) string { return enumLabel(l, "joint_action_kind", k) }),
		newChart(registry.Text(l, "console.chart.by_area", nil), ints(st.JointActions.ByArea), areaName),
		newChart(registry.Text(l, "console.chart.outcomes", nil), outcomes,
			func(k string) string { return enumLabel(l, "outcome_kind", k) }),
	}
	lf := filter{Limit: 5}
	if org != "" {
		lf.Parties = []string{org}
	}
	if f.Agreements, _, err = agreementKind.list(ctx, c, lf); err != nil {
		return f, err
	}
	if f.Consultations, _, err = consultationKind.list(ctx, c, lf); err != nil {
		return f, err
	}
	if f.JointActions, _, err = jointActionKind.list(ctx, c, lf); err != nil {
		return f, err
	}
	return f, nil
}

// yearOf reads ?year=, or this year in China.
func (c *console) yearOf(r *http.Request) int {
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y >= 1949 && y <= 9999 {
		return y
	}
	return c.now().In(chinaTime).Year()
}

// home shows this year's figures of the signed-in user's committee (or of
// everyone), its latest agreements and joint work.
func (c *console) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	org := ""
	if u := viewerOf(ctx).user; u != nil && u.OrganizationCode != nil {
		org = *u.OrganizationCode
	}
	f, err := c.figures(ctx, org, c.yearOf(r))
	if err == nil && org != "" {
		f.Overdue, err = c.overdue(ctx, org)
	}
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	c.render(w, r, http.StatusOK, "home", "console.home", "home", f)
}

// report is the annual review page of a committee and year, printable on
// A4.
func (c *console) report(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	org := r.URL.Query().Get("organization")
	if org == "" {
		if u := viewerOf(ctx).user; u != nil && u.OrganizationCode != nil {
			org = *u.OrganizationCode
		}
	}
	orgs, err := c.svc.ListOrganizations(ctx, registry.OrganizationFilter{Kind: registry.KindCPPCC, Limit: 200})
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	if org == "" && len(orgs.Items) > 0 {
		org = orgs.Items[0].Code
	}
	f, err := c.figures(ctx, org, c.yearOf(r))
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	f.Orgs = orgs.Items
	// The report lists the year's records in full, not the latest five.
	year := strconv.Itoa(f.Year)
	lf := filter{Parties: []string{org}, From: year, To: year, Limit: 200}
	if f.Agreements, _, err = agreementKind.list(ctx, c, lf); err == nil {
		if f.Consultations, _, err = consultationKind.list(ctx, c, lf); err == nil {
			f.JointActions, _, err = jointActionKind.list(ctx, c, lf)
		}
	}
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	c.render(w, r, http.StatusOK, "report", "console.report", "report", f)
}

// reportWorkbook sends the annual report of a committee and year as the
// API's workbook (internal/export): a summary sheet of the year's figures,
// then the agreements, consultations and joint actions it took part in.
func (c *console) reportWorkbook(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rep, err := c.svc.AnnualReport(ctx, r.URL.Query().Get("organization"), c.yearOf(r))
	if errors.Is(err, registry.ErrNotFound) {
		c.fail(w, r, http.StatusNotFound, "console.error.not_found")
		return
	} else if err != nil {
		c.serverError(w, r, err)
		return
	}
	lang := viewerOf(ctx).lang
	name, ascii := export.AnnualReportFileName(lang, rep.Organization, rep.Year)
	written, err := export.WriteAnnualReport(ctx, w, lang, rep, export.SourcesOf(c.svc, rep), func() {
		w.Header().Set("Content-Type", export.MediaType)
		w.Header().Set("Content-Disposition", export.Disposition(name, ascii))
		w.WriteHeader(http.StatusOK)
	})
	switch {
	case err == nil:
	case !written:
		c.serverError(w, r, err)
	default:
		c.log.ErrorContext(ctx, "console report workbook aborted", "error", err.Error())
		panic(http.ErrAbortHandler)
	}
}
