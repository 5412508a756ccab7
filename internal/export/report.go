package export

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/chengyu-collab/registry/internal/registry"
)

// SummaryRow is one labelled figure of the summary sheet: its section,
// its item and its value (an int, or a text such as "95余").
type SummaryRow struct {
	Section, Item string
	Value         any
}

// Summary lays out the figures of an annual report as labelled numbers in
// lang: the organisation and year, then the /v1/stats figures section by
// section (agreements, consultations by format and area, joint actions by
// kind, area and partner province, outcomes with "余" when approximate).
func Summary(lang registry.Lang, rep registry.AnnualReport) []SummaryRow {
	t := func(code string) string { return registry.Text(lang, "export.summary."+code, nil) }
	names := Names{Areas: rep.Areas, Regions: rep.Provinces}
	st := rep.Stats
	rows := []SummaryRow{
		{t("report"), t("organization"), pick(lang, rep.Organization.NameZh, rep.Organization.NameEn)},
		{t("report"), t("year"), rep.Year},
		{t("agreements"), t("agreements_signed"), st.Agreements.Signed},
		{t("agreements"), t("agreements_in_force"), st.Agreements.InForce},
		{t("consultations"), t("consultations_held"), st.Consultations.Held},
	}
	add := func(section string, m map[string]int, name func(code string) string) {
		for _, code := range sortedKeys(m) {
			rows = append(rows, SummaryRow{t(section), name(code), m[code]})
		}
	}
	format := func(code string) string {
		return registry.ConsultationFormats.Label(string(lang), registry.ConsultationFormat(code))
	}
	area := func(code string) string { return names.area(lang, code) }
	add("consultations_by_format", st.Consultations.ByFormat, format)
	add("consultations_by_area", st.Consultations.ByArea, area)
	rows = append(rows, SummaryRow{t("joint_actions"), t("joint_actions_total"), st.JointActions.Total})
	add("joint_actions_by_kind", st.JointActions.ByKind, func(code string) string {
		return registry.JointActionKinds.Label(string(lang), registry.JointActionKind(code))
	})
	add("joint_actions_by_area", st.JointActions.ByArea, area)
	add("partner_provinces", st.JointActions.ByPartnerProvince, func(code string) string { return names.region(lang, code) })
	for _, kind := range sortedKeys(st.Outcomes) {
		o := st.Outcomes[kind]
		var v any = o.Count
		if o.Approximate {
			v = Count(lang, o.Count, true)
		}
		rows = append(rows, SummaryRow{t("outcomes"), registry.OutcomeKinds.Label(string(lang), registry.OutcomeKind(kind)), v})
	}
	return rows
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// AnnualReportSources reads the records of an annual report page by page.
type AnnualReportSources struct {
	Agreements    Pages[registry.Agreement]
	Consultations Pages[registry.Consultation]
	JointActions  Pages[registry.JointAction]
}

// WriteAnnualReport writes a committee's annual review to w: the summary
// sheet, then the agreements, consultations and joint actions the
// organisation took part in that overlap the year. Nothing reaches w
// before every sheet is filled, so an error before then leaves w
// untouched (written is false).
func WriteAnnualReport(ctx context.Context, w io.Writer, lang registry.Lang, rep registry.AnnualReport,
	src AnnualReportSources, ready func()) (written bool, err error) {
	wb, err := NewWorkbook(lang)
	if err != nil {
		return false, err
	}
	defer wb.Close()
	if err := WriteSummary(wb, Summary(lang, rep)); err != nil {
		return false, err
	}
	names := Names{Areas: rep.Areas, Regions: rep.Provinces}
	if _, err := WriteTable(ctx, wb, Agreements, names, src.Agreements); err != nil {
		return false, fmt.Errorf("annual report agreements: %w", err)
	}
	if _, err := WriteTable(ctx, wb, Consultations, names, src.Consultations); err != nil {
		return false, fmt.Errorf("annual report consultations: %w", err)
	}
	if _, err := WriteTable(ctx, wb, JointActions, names, src.JointActions); err != nil {
		return false, fmt.Errorf("annual report joint actions: %w", err)
	}
	if ready != nil {
		ready()
	}
	_, err = wb.WriteTo(w)
	return true, err
}

// WriteSummary adds the summary sheet: section, item, value.
func WriteSummary(wb *Workbook, rows []SummaryRow) error {
	t := func(code string) string { return registry.Text(wb.lang, code, nil) }
	s, err := wb.AddSheet(t("export.sheet.summary"), []Column{
		{Heading: t("export.col.section"), Width: 22}, {Heading: t("export.col.item"), Width: 40},
		{Heading: t("export.col.value"), Width: 16}})
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := s.Append(r.Section, r.Item, r.Value); err != nil {
			return err
		}
	}
	return s.Close()
}

// AnnualReportFileName is the report's file name in lang ("长寿区政协2023年度报告")
// and in ASCII ("annual-report-changshou-cppcc-2023").
func AnnualReportFileName(lang registry.Lang, org registry.Organization, year int) (name, ascii string) {
	y := strconv.Itoa(year)
	short := org.NameZh
	if org.ShortNameZh != nil && *org.ShortNameZh != "" {
		short = *org.ShortNameZh
	}
	if lang == registry.En {
		short = org.Code
	}
	return registry.Text(lang, "export.file.annual_report", registry.Args{"organization": short, "year": y}),
		registry.Text(registry.En, "export.file.annual_report", registry.Args{"organization": org.Code, "year": y})
}

// SourcesOf reads the records of an annual report through the Service, a
// page at a time: what the API's and the console's downloads both write.
func SourcesOf(svc *registry.Service, rep registry.AnnualReport) AnnualReportSources {
	return AnnualReportSources{
		Agreements: func(ctx context.Context, cursor string) ([]registry.Agreement, string, error) {
			page, err := svc.AnnualAgreements(ctx, rep, PageSize, cursor)
			return page.Items, page.Next, err
		},
		Consultations: func(ctx context.Context, cursor string) ([]registry.Consultation, string, error) {
			f := rep.Consultations
			f.Limit, f.Cursor = PageSize, cursor
			page, err := svc.ListConsultations(ctx, f)
			return page.Items, page.Next, err
		},
		JointActions: func(ctx context.Context, cursor string) ([]registry.JointAction, string, error) {
			f := rep.JointActions
			f.Limit, f.Cursor = PageSize, cursor
			page, err := svc.ListJointActions(ctx, f)
			return page.Items, page.Next, err
		},
	}
}
