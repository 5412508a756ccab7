package registry

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"
)

// Export rows: each record kind as the cells of a row of its list exports.
// The CSV export (format=csv) gives codes and both languages, the same for
// every reader; the Excel export (format=xlsx) gives, per language, labels
// and organisation names. The store keeps both beside each record's read
// form, written by the same code as the read form (internal/postgres,
// readforms.go), so an export only copies stored rows; these functions are
// the one place the cells are made, for the store and for a Store that
// keeps no export rows.

// AreaNames are the cooperation areas by code, for the area cells of the
// Excel export.
type AreaNames = map[string]CooperationArea

// ExportColumn is one column of a record kind's Excel export: its
// catalogue heading (export.col.<Key>), its width in characters (a
// Chinese character counts two) and its cell.
type ExportColumn[T any] struct {
	Key   string
	Width float64
	Cell  func(lang Lang, areas AreaNames, rec T) string
}

// ExportCells is a record as the cells of its Excel export row, in lang.
func ExportCells[T any](cols []ExportColumn[T], lang Lang, areas AreaNames, rec T) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Cell(lang, areas, rec)
	}
	return out
}

// Column widths, in characters.
const (
	wID       = 38
	wShort    = 12
	wDate     = 12
	wTitle    = 48
	wNames    = 48
	wSummary  = 60
	wLocation = 20
)

// AgreementColumns are the columns of the Excel export of agreements.
var AgreementColumns = []ExportColumn[Agreement]{
	{"title", wTitle, func(l Lang, _ AreaNames, a Agreement) string { return pickText(l, a.TitleZh, a.TitleEn) }},
	{"ref_no", wLocation, func(_ Lang, _ AreaNames, a Agreement) string { return optCell(a.RefNo) }},
	{"type", wShort, func(l Lang, _ AreaNames, a Agreement) string { return AgreementTypes.Label(string(l), a.Type) }},
	{"status", wShort, func(l Lang, _ AreaNames, a Agreement) string { return AgreementStatuses.Label(string(l), a.Status) }},
	{"signed_on", wDate, func(_ Lang, _ AreaNames, a Agreement) string { return dateCell(a.SignedOn) }},
	{"signed_place", wLocation, func(_ Lang, _ AreaNames, a Agreement) string { return optCell(a.SignedPlace) }},
	{"effective_from", wDate, func(_ Lang, _ AreaNames, a Agreement) string { return dateCell(a.EffectiveFrom) }},
	{"effective_to", wDate, func(_ Lang, _ AreaNames, a Agreement) string { return dateCell(a.EffectiveTo) }},
	{"parties", wNames, func(l Lang, _ AreaNames, a Agreement) string { return PartiesText(l, a.Parties) }},
	{"areas", wNames, func(l Lang, _ AreaNames, a Agreement) string {
		out := make([]string, 0, len(a.Areas))
		for _, x := range a.Areas {
			// The agreement's own wording, in the reader's language.
			out = append(out, pickText(l, x.LabelZh, x.LabelEn))
		}
		return joinCells(l, out)
	}},
	{"summary", wSummary, func(l Lang, _ AreaNames, a Agreement) string { return pickOptText(l, a.SummaryZh, a.SummaryEn) }},
	{"id", wID, func(_ Lang, _ AreaNames, a Agreement) string { return a.ID }},
}

// ConsultationColumns are the columns of the Excel export of
// consultations.
var ConsultationColumns = []ExportColumn[Consultation]{
	{"title", wTitle, func(l Lang, _ AreaNames, c Consultation) string { return pickText(l, c.TitleZh, c.TitleEn) }},
	{"topic", wLocation, func(l Lang, _ AreaNames, c Consultation) string { return pickOptText(l, c.TopicZh, c.TopicEn) }},
	{"format", wShort, func(l Lang, _ AreaNames, c Consultation) string { return optLabel(l, ConsultationFormats, c.Format) }},
	{"status", wShort, func(l Lang, _ AreaNames, c Consultation) string {
		return ConsultationStatuses.Label(string(l), c.Status)
	}},
	{"held_on", wDate, func(_ Lang, _ AreaNames, c Consultation) string { return dateCell(c.HeldOn) }},
	{"location", wLocation, func(_ Lang, _ AreaNames, c Consultation) string { return optCell(c.Location) }},
	{"area", wShort, func(l Lang, n AreaNames, c Consultation) string { return AreaText(l, n, c.AreaCode) }},
	{"participants", wNames, func(l Lang, _ AreaNames, c Consultation) string {
		return ParticipantsText(l, c.Participants, ConsultationRoles)
	}},
	{"outcomes", wNames, func(l Lang, _ AreaNames, c Consultation) string { return OutcomesText(l, c.Outcomes) }},
	{"summary", wSummary, func(l Lang, _ AreaNames, c Consultation) string { return pickOptText(l, c.SummaryZh, c.SummaryEn) }},
	{"agreement_id", wID, func(_ Lang, _ AreaNames, c Consultation) string { return optCell(c.AgreementID) }},
	{"id", wID, func(_ Lang, _ AreaNames, c Consultation) string { return c.ID }},
}

// JointActionColumns are the columns of the Excel export of joint
// actions.
var JointActionColumns = []ExportColumn[JointAction]{
	{"title", wTitle, func(l Lang, _ AreaNames, j JointAction) string { return pickText(l, j.TitleZh, j.TitleEn) }},
	{"theme", wLocation, func(l Lang, _ AreaNames, j JointAction) string { return pickOptText(l, j.ThemeZh, j.ThemeEn) }},
	{"kind", wShort, func(l Lang, _ AreaNames, j JointAction) string { return optLabel(l, JointActionKinds, j.Kind) }},
	{"status", wShort, func(l Lang, _ AreaNames, j JointAction) string {
		return JointActionStatuses.Label(string(l), j.Status)
	}},
	{"started_on", wDate, func(_ Lang, _ AreaNames, j JointAction) string { return dateCell(j.StartedOn) }},
	{"ended_on", wDate, func(_ Lang, _ AreaNames, j JointAction) string { return dateCell(j.EndedOn) }},
	{"location", wLocation, func(_ Lang, _ AreaNames, j JointAction) string { return optCell(j.Location) }},
	{"area", wShort, func(l Lang, n AreaNames, j JointAction) string { return AreaText(l, n, j.AreaCode) }},
	{"participants", wNames, func(l Lang, _ AreaNames, j JointAction) string {
		return ParticipantsText(l, j.Participants, JointActionRoles)
	}},
	{"outcomes", wNames, func(l Lang, _ AreaNames, j JointAction) string { return OutcomesText(l, j.Outcomes) }},
	{"summary", wSummary, func(l Lang, _ AreaNames, j JointAction) string { return pickOptText(l, j.SummaryZh, j.SummaryEn) }},
	{"agreement_id", wID, func(_ Lang, _ AreaNames, j JointAction) string { return optCell(j.AgreementID) }},
	{"id", wID, func(_ Lang, _ AreaNames, j JointAction) string { return j.ID }},
}

// pickText is the Chinese text, or in English the English one when there
// is one (the Chinese otherwise: a Chinese name says more than none).
func pickText(lang Lang, zh string, en *string) string {
	if lang == En && en != nil && strings.TrimSpace(*en) != "" {
		return *en
	}
	return zh
}

// pickOptText is pickText for optional Chinese texts.
func pickOptText(lang Lang, zh, en *string) string {
	z := ""
	if zh != nil {
		z = *zh
	}
	return pickText(lang, z, en)
}

// AreaText is the name of cooperation area code in lang, its code when it
// is not known, "" for none.
func AreaText(lang Lang, areas AreaNames, code *string) string {
	if code == nil {
		return ""
	}
	a, ok := areas[*code]
	if !ok {
		return *code
	}
	return pickText(lang, a.NameZh, a.NameEn)
}

// orgNameText is an organisation's name in lang, or its code while the
// record carries no name.
func orgNameText(lang Lang, code, zh string, en *string) string {
	if zh == "" && (en == nil || *en == "") {
		return code
	}
	return pickText(lang, zh, en)
}

// withRole writes "彭州市政协（签署方）" or "Pengzhou CPPCC (Signatory)".
func withRole(lang Lang, name, role string) string {
	if lang == Zh {
		return name + "（" + role + "）"
	}
	return name + " (" + role + ")"
}

// joinCells joins the items of a cell: "；" in Chinese, "; " in English.
func joinCells(lang Lang, items []string) string {
	if lang == Zh {
		return strings.Join(items, "；")
	}
	return strings.Join(items, "; ")
}

// PartiesText renders an agreement's parties as names with their role.
func PartiesText(lang Lang, ps []Party) string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, withRole(lang, orgNameText(lang, p.OrganizationCode, p.NameZh, p.NameEn),
			PartyRoles.Label(string(lang), p.Role)))
	}
	return joinCells(lang, out)
}

// ParticipantsText renders an activity's participants as names with their
// role; roles is the enum of the activity's roles.
func ParticipantsText[R ~string](lang Lang, ps []Participant, roles Enum[R]) string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, withRole(lang, orgNameText(lang, p.OrganizationCode, p.NameZh, p.NameEn),
			roles.Label(string(lang), R(p.Role))))
	}
	return joinCells(lang, out)
}

// CountText renders a figure, "95余" or "more than 95" when approximate.
func CountText(lang Lang, n int64, approximate bool) string {
	s := strconv.FormatInt(n, 10)
	if approximate {
		return Text(lang, "export.approximately", Args{"count": s})
	}
	return s
}

// OutcomesText renders outcomes by their description in lang
// ("形成协商意见95条"), or, without one, their kind and count ("意见建议95余项").
func OutcomesText(lang Lang, os []Outcome) string {
	out := make([]string, 0, len(os))
	for _, o := range os {
		if d := pickOptText(lang, o.DescriptionZh, o.DescriptionEn); strings.TrimSpace(d) != "" {
			out = append(out, d)
			continue
		}
		kind := OutcomeKinds.Label(string(lang), o.Kind)
		if o.Count == nil {
			out = append(out, kind)
			continue
		}
		out = append(out, Text(lang, "export.outcome", Args{"kind": kind, "count": CountText(lang, *o.Count, o.Approximate)}))
	}
	return joinCells(lang, out)
}

func optCell[S ~string](p *S) string {
	if p == nil {
		return ""
	}
	return string(*p)
}

func dateCell(d *Date) string {
	if d == nil {
		return ""
	}
	return d.String() // as precise as stored: "2023", "2023-05", "2023-05-18"
}

func timeCell(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

func intCell(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func optLabel[T ~string](lang Lang, e Enum[T], v *T) string {
	if v == nil {
		return ""
	}
	return e.Label(string(lang), *v)
}

// The CSV export: one header per kind, and each record as one encoded
// line (CSVLine of its cells).

// AgreementCSVHeader is the header row of the CSV export of agreements.
var AgreementCSVHeader = []string{"id", "ref_no", "title_zh", "title_en", "type", "status", "signed_on", "signed_place",
	"effective_from", "effective_to", "parties", "areas", "area_codes", "areas_declared", "summary_zh", "summary_en",
	"version", "created_at", "updated_at", "archived_at"}

// AgreementCSV is an agreement as the cells of its CSV export row.
func AgreementCSV(a Agreement) []string {
	var parties, labels, codes []string
	for _, p := range a.Parties {
		parties = append(parties, p.OrganizationCode+":"+string(p.Role))
	}
	for _, x := range a.Areas {
		labels = append(labels, x.LabelZh)
		if x.AreaCode != nil {
			codes = append(codes, *x.AreaCode)
		}
	}
	return []string{a.ID, optCell(a.RefNo), a.TitleZh, optCell(a.TitleEn), string(a.Type), string(a.Status),
		dateCell(a.SignedOn), optCell(a.SignedPlace), dateCell(a.EffectiveFrom), dateCell(a.EffectiveTo),
		strings.Join(parties, "; "), strings.Join(labels, "; "), strings.Join(codes, "; "), intCell(a.AreasDeclared),
		optCell(a.SummaryZh), optCell(a.SummaryEn), strconv.Itoa(a.Version), a.CreatedAt.Format(time.RFC3339),
		a.UpdatedAt.Format(time.RFC3339), timeCell(a.ArchivedAt)}
}

// ConsultationCSVHeader is the header row of the CSV export of
// consultations.
var ConsultationCSVHeader = []string{"id", "title_zh", "title_en", "topic_zh", "topic_en", "format", "status", "held_on",
	"location", "agreement_id", "area_code", "participants", "outcomes", "summary_zh", "summary_en",
	"version", "created_at", "updated_at", "archived_at"}

// ConsultationCSV is a consultation as the cells of its CSV export row.
func ConsultationCSV(c Consultation) []string {
	return []string{c.ID, c.TitleZh, optCell(c.TitleEn), optCell(c.TopicZh), optCell(c.TopicEn),
		optCell(c.Format), string(c.Status), dateCell(c.HeldOn), optCell(c.Location), optCell(c.AgreementID), optCell(c.AreaCode),
		participantsCSV(c.Participants), outcomesCSV(c.Outcomes), optCell(c.SummaryZh), optCell(c.SummaryEn),
		strconv.Itoa(c.Version), c.CreatedAt.Format(time.RFC3339), c.UpdatedAt.Format(time.RFC3339), timeCell(c.ArchivedAt)}
}

// JointActionCSVHeader is the header row of the CSV export of joint
// actions.
var JointActionCSVHeader = []string{"id", "title_zh", "title_en", "theme_zh", "theme_en", "kind", "status", "started_on",
	"ended_on", "location", "agreement_id", "area_code", "participants", "outcomes", "summary_zh", "summary_en",
	"version", "created_at", "updated_at", "archived_at"}

// JointActionCSV is a joint action as the cells of its CSV export row.
func JointActionCSV(j JointAction) []string {
	return []string{j.ID, j.TitleZh, optCell(j.TitleEn), optCell(j.ThemeZh), optCell(j.ThemeEn),
		optCell(j.Kind), string(j.Status), dateCell(j.StartedOn), dateCell(j.EndedOn), optCell(j.Location), optCell(j.AgreementID),
		optCell(j.AreaCode), participantsCSV(j.Participants), outcomesCSV(j.Outcomes), optCell(j.SummaryZh),
		optCell(j.SummaryEn), strconv.Itoa(j.Version), j.CreatedAt.Format(time.RFC3339), j.UpdatedAt.Format(time.RFC3339),
		timeCell(j.ArchivedAt)}
}

// participantsCSV and outcomesCSV render child rows for CSV exports:
// "code:role; …" and "kind:count; …", a count with "+" when approximate.
func participantsCSV(ps []Participant) string {
	parts := make([]string, 0, len(ps))
	for _, p := range ps {
		parts = append(parts, p.OrganizationCode+":"+p.Role)
	}
	return strings.Join(parts, "; ")
}

func outcomesCSV(os []Outcome) string {
	parts := make([]string, 0, len(os))
	for _, o := range os {
		cell := string(o.Kind)
		if o.Count != nil {
			cell += ":" + strconv.FormatInt(*o.Count, 10)
		}
		if o.Approximate {
			cell += "+"
		}
		parts = append(parts, cell)
	}
	return strings.Join(parts, "; ")
}

// CSVSafe defuses a cell that spreadsheet programs would run as a
// formula.
func CSVSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// CSVLine encodes cells as one CSV record (defused by CSVSafe, quoted as
// encoding/csv quotes, ending in "\n"): the bytes a CSV export writes for
// them.
func CSVLine(cells []string) []byte {
	safe := make([]string, len(cells))
	for i, c := range cells {
		safe[i] = CSVSafe(c)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(safe) // a bytes.Buffer does not fail
	w.Flush()
	return b.Bytes()
}
