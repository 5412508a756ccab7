package export

import (
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

// Count renders a figure, "95余" or "more than 95" when approximate.
func Count(lang registry.Lang, n int64, approximate bool) string {
	return registry.CountText(lang, n, approximate)
}

// Table is how one kind of record reads as a sheet: its names and its
// columns, whose cells registry makes (registry.ExportCells), so that the
// store can keep them beside each record's read form.
type Table[T any] struct {
	sheet string // catalogue code of the sheet's name
	file  string // catalogue code of the file's name
	cols  []registry.ExportColumn[T]
}

// Columns are the table's headings in lang, with their widths.
func (t Table[T]) Columns(lang registry.Lang) []Column {
	out := make([]Column, len(t.cols))
	for i, c := range t.cols {
		out[i] = Column{Heading: registry.Text(lang, "export.col."+c.Key, nil), Width: c.Width}
	}
	return out
}

// Row is one record as the cells of a row, in lang.
func (t Table[T]) Row(lang registry.Lang, n Names, rec T) []string {
	return registry.ExportCells(t.cols, lang, n.Areas, rec)
}

// FileName is the name of a file of this table alone, in lang and in
// ASCII.
func (t Table[T]) FileName(lang registry.Lang) (name, ascii string) {
	return registry.Text(lang, t.file, nil), registry.Text(registry.En, t.file, nil)
}

// Agreements is the sheet of agreements.
var Agreements = Table[registry.Agreement]{sheet: "export.sheet.agreements", file: "export.file.agreements",
	cols: registry.AgreementColumns}

// Consultations is the sheet of consultations.
var Consultations = Table[registry.Consultation]{sheet: "export.sheet.consultations", file: "export.file.consultations",
	cols: registry.ConsultationColumns}

// JointActions is the sheet of joint actions.
var JointActions = Table[registry.JointAction]{sheet: "export.sheet.joint_actions", file: "export.file.joint_actions",
	cols: registry.JointActionColumns}
