package export

import (
	"strconv"
	"strings"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Names holds the names exports show for codes that records carry: the
// cooperation areas (by code) and regions (by code).
type Names struct {
	Areas   map[string]registry.CooperationArea
	Regions map[string]registry.Region
}

// area is the name of a cooperation area in lang, or its code when it is
// not known.
func (n Names) area(lang registry.Lang, code string) string {
	a, ok := n.Areas[code]
	if !ok {
		return code
	}
	return pick(lang, a.NameZh, a.NameEn)
}

// region is the name of a region in lang, or its code when it is not
// known.
func (n Names) region(lang registry.Lang, code string) string {
	r, ok := n.Regions[code]
	if !ok {
		return code
	}
	return pick(lang, r.NameZh, r.NameEn)
}

// pick is the Chinese text, or in English the English one when there is
// one (the Chinese otherwise: a Chinese name says more than none).
func pick(lang registry.Lang, zh string, en *string) string {
	if lang == registry.En && en != nil && strings.TrimSpace(*en) != "" {
		return *en
	}
	return zh
}

// pickOpt is pick for optional Chinese texts.
func pickOpt(lang registry.Lang, zh, en *string) string {
	z := ""
	if zh != nil {
		z = *zh
	}
	return pick(lang, z, en)
}

// orgName is an organisation's name in lang, or its code while the record
// carries no name.
func orgName(lang registry.Lang, code, zh string, en *string) string {
	if zh == "" && (en == nil || *en == "") {
		return code
	}
	return pick(lang, zh, en)
}

// withRole writes "彭州市政协（签署方）" or "Pengzhou CPPCC (Signatory)".
func withRole(lang registry.Lang, name, role string) string {
	if lang == registry.Zh {
		return name + "（" + role + "）"
	}
	return name + " (" + role + ")"
}

// joinCells joins the items of a cell: "；" in Chinese, "; " in English.
func joinCells(lang registry.Lang, items []string) string {
	if lang == registry.Zh {
		return strings.Join(items, "；")
	}
	return strings.Join(items, "; ")
}

// Parties renders an agreement's parties as names with their role.
func Parties(lang registry.Lang, ps []registry.Party) string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, withRole(lang, orgName(lang, p.OrganizationCode, p.NameZh, p.NameEn),
			registry.PartyRoles.Label(string(lang), p.Role)))
	}
	return joinCells(lang, out)
}

// Participants renders an activity's participants as names with their
// role; roles is the enum of the activity's roles.
func Participants[R ~string](lang registry.Lang, ps []registry.Participant, roles registry.Enum[R]) string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, withRole(lang, orgName(lang, p.OrganizationCode, p.NameZh, p.NameEn),
			roles.Label(string(lang), R(p.Role))))
	}
	return joinCells(lang, out)
}

// Count renders a figure, "95余" or "more than 95" when approximate.
func Count(lang registry.Lang, n int64, approximate bool) string {
	s := strconv.FormatInt(n, 10)
	if approximate {
		return registry.Text(lang, "export.approximately", registry.Args{"count": s})
	}
	return s
}

// Outcomes renders outcomes by their description in lang ("形成协商意见95条"),
// or, without one, their kind and count ("意见建议95余项").
func Outcomes(lang registry.Lang, os []registry.Outcome) string {
	out := make([]string, 0, len(os))
	for _, o := range os {
		if d := pickOpt(lang, o.DescriptionZh, o.DescriptionEn); strings.TrimSpace(d) != "" {
			out = append(out, d)
			continue
		}
		kind := registry.OutcomeKinds.Label(string(lang), o.Kind)
		if o.Count == nil {
			out = append(out, kind)
			continue
		}
		out = append(out, registry.Text(lang, "export.outcome",
			registry.Args{"kind": kind, "count": Count(lang, *o.Count, o.Approximate)}))
	}
	return joinCells(lang, out)
}

func text[S ~string](p *S) string {
	if p == nil {
		return ""
	}
	return string(*p)
}

func date(d *registry.Date) string {
	if d == nil {
		return ""
	}
	return d.String() // as precise as stored: "2023", "2023-05", "2023-05-18"
}

func label[T ~string](lang registry.Lang, e registry.Enum[T], v *T) string {
	if v == nil {
		return ""
	}
	return e.Label(string(lang), *v)
}

// column is one column of a table: its catalogue heading, its width and
// its cell.
type column[T any] struct {
	key   string
	width float64
	cell  func(lang registry.Lang, n Names, rec T) string
}

// Table is how one kind of record reads as a sheet.
type Table[T any] struct {
	sheet string // catalogue code of the sheet's name
	file  string // catalogue code of the file's name
	cols  []column[T]
}

// Columns are the table's headings in lang, with their widths.
func (t Table[T]) Columns(lang registry.Lang) []Column {
	out := make([]Column, len(t.cols))
	for i, c := range t.cols {
		out[i] = Column{Heading: registry.Text(lang, "export.col."+c.key, nil), Width: c.width}
	}
	return out
}

// Row is one record as the cells of a row, in lang.
func (t Table[T]) Row(lang registry.Lang, n Names, rec T) []string {
	out := make([]string, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.cell(lang, n, rec)
	}
	return out
}

// FileName is the name of a file of this table alone, in lang and in
// ASCII.
func (t Table[T]) FileName(lang registry.Lang) (name, ascii string) {
	return registry.Text(lang, t.file, nil), registry.Text(registry.En, t.file, nil)
}

// Column widths, in characters (a Chinese character counts two).
const (
	wID       = 38
	wShort    = 12
	wDate     = 12
	wTitle    = 48
	wNames    = 48
	wSummary  = 60
	wLocation = 20
)

// Agreements is the sheet of agreements.
var Agreements = Table[registry.Agreement]{sheet: "export.sheet.agreements", file: "export.file.agreements", cols: []column[registry.Agreement]{
	{"title", wTitle, func(l registry.Lang, _ Names, a registry.Agreement) string { return pick(l, a.TitleZh, a.TitleEn) }},
	{"ref_no", wLocation, func(_ registry.Lang, _ Names, a registry.Agreement) string { return text(a.RefNo) }},
	{"type", wShort, func(l registry.Lang, _ Names, a registry.Agreement) string {
		return label(l, registry.AgreementTypes, &a.Type)
	}},
	{"status", wShort, func(l registry.Lang, _ Names, a registry.Agreement) string {
		return label(l, registry.AgreementStatuses, &a.Status)
	}},
	{"signed_on", wDate, func(_ registry.Lang, _ Names, a registry.Agreement) string { return date(a.SignedOn) }},
	{"signed_place", wLocation, func(_ registry.Lang, _ Names, a registry.Agreement) string { return text(a.SignedPlace) }},
	{"effective_from", wDate, func(_ registry.Lang, _ Names, a registry.Agreement) string { return date(a.EffectiveFrom) }},
	{"effective_to", wDate, func(_ registry.Lang, _ Names, a registry.Agreement) string { return date(a.EffectiveTo) }},
	{"parties", wNames, func(l registry.Lang, _ Names, a registry.Agreement) string { return Parties(l, a.Parties) }},
	{"areas", wNames, func(l registry.Lang, n Names, a registry.Agreement) string {
		out := make([]string, 0, len(a.Areas))
		for _, x := range a.Areas {
			// The agreement's own wording, in the reader's language.
			out = append(out, pick(l, x.LabelZh, x.LabelEn))
		}
		return joinCells(l, out)
	}},
	{"summary", wSummary, func(l registry.Lang, _ Names, a registry.Agreement) string {
		return pickOpt(l, a.SummaryZh, a.SummaryEn)
	}},
	{"id", wID, func(_ registry.Lang, _ Names, a registry.Agreement) string { return a.ID }},
}}

// Consultations is the sheet of consultations.
var Consultations = Table[registry.Consultation]{sheet: "export.sheet.consultations", file: "export.file.consultations", cols: []column[registry.Consultation]{
	{"title", wTitle, func(l registry.Lang, _ Names, c registry.Consultation) string { return pick(l, c.TitleZh, c.TitleEn) }},
	{"topic", wLocation, func(l registry.Lang, _ Names, c registry.Consultation) string {
		return pickOpt(l, c.TopicZh, c.TopicEn)
	}},
	{"format", wShort, func(l registry.Lang, _ Names, c registry.Consultation) string {
		return label(l, registry.ConsultationFormats, c.Format)
	}},
	{"status", wShort, func(l registry.Lang, _ Names, c registry.Consultation) string {
		return label(l, registry.ConsultationStatuses, &c.Status)
	}},
	{"held_on", wDate, func(_ registry.Lang, _ Names, c registry.Consultation) string { return date(c.HeldOn) }},
	{"location", wLocation, func(_ registry.Lang, _ Names, c registry.Consultation) string { return text(c.Location) }},
	{"area", wShort, func(l registry.Lang, n Names, c registry.Consultation) string {
		if c.AreaCode == nil {
			return ""
		}
		return n.area(l, *c.AreaCode)
	}},
	{"participants", wNames, func(l registry.Lang, _ Names, c registry.Consultation) string {
		return Participants(l, c.Participants, registry.ConsultationRoles)
	}},
	{"outcomes", wNames, func(l registry.Lang, _ Names, c registry.Consultation) string { return Outcomes(l, c.Outcomes) }},
	{"summary", wSummary, func(l registry.Lang, _ Names, c registry.Consultation) string {
		return pickOpt(l, c.SummaryZh, c.SummaryEn)
	}},
	{"agreement_id", wID, func(_ registry.Lang, _ Names, c registry.Consultation) string { return text(c.AgreementID) }},
	{"id", wID, func(_ registry.Lang, _ Names, c registry.Consultation) string { return c.ID }},
}}

// JointActions is the sheet of joint actions.
var JointActions = Table[registry.JointAction]{sheet: "export.sheet.joint_actions", file: "export.file.joint_actions", cols: []column[registry.JointAction]{
	{"title", wTitle, func(l registry.Lang, _ Names, j registry.JointAction) string { return pick(l, j.TitleZh, j.TitleEn) }},
	{"theme", wLocation, func(l registry.Lang, _ Names, j registry.JointAction) string { return pickOpt(l, j.ThemeZh, j.ThemeEn) }},
	{"kind", wShort, func(l registry.Lang, _ Names, j registry.JointAction) string {
		return label(l, registry.JointActionKinds, j.Kind)
	}},
	{"status", wShort, func(l registry.Lang, _ Names, j registry.JointAction) string {
		return label(l, registry.JointActionStatuses, &j.Status)
	}},
	{"started_on", wDate, func(_ registry.Lang, _ Names, j registry.JointAction) string { return date(j.StartedOn) }},
	{"ended_on", wDate, func(_ registry.Lang, _ Names, j registry.JointAction) string { return date(j.EndedOn) }},
	{"location", wLocation, func(_ registry.Lang, _ Names, j registry.JointAction) string { return text(j.Location) }},
	{"area", wShort, func(l registry.Lang, n Names, j registry.JointAction) string {
		if j.AreaCode == nil {
			return ""
		}
		return n.area(l, *j.AreaCode)
	}},
	{"participants", wNames, func(l registry.Lang, _ Names, j registry.JointAction) string {
		return Participants(l, j.Participants, registry.JointActionRoles)
	}},
	{"outcomes", wNames, func(l registry.Lang, _ Names, j registry.JointAction) string { return Outcomes(l, j.Outcomes) }},
	{"summary", wSummary, func(l registry.Lang, _ Names, j registry.JointAction) string {
		return pickOpt(l, j.SummaryZh, j.SummaryEn)
	}},
	{"agreement_id", wID, func(_ registry.Lang, _ Names, j registry.JointAction) string { return text(j.AgreementID) }},
	{"id", wID, func(_ registry.Lang, _ Names, j registry.JointAction) string { return j.ID }},
}}
