package httpapi

import (
	"context"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// csvPage is how many records an export reads at a time; memory stays flat
// however long the export is.
const csvPage = 500

// wantsCSV reports whether the client asked for a CSV export.
func wantsCSV(r *http.Request) bool {
	return r.URL.Query().Get("format") == "csv" || strings.Contains(r.Header.Get("Accept"), "text/csv")
}

// streamCSV writes a CSV export (UTF-8 with BOM, so spreadsheet programs
// show Chinese correctly), fetching one keyset page at a time through
// next. An error on the first page is an ordinary problem answer; a later
// one aborts the connection, so a truncated file is never mistaken for a
// whole one.
func (h *handler) streamCSV(w http.ResponseWriter, r *http.Request, name string, header []string,
	next func(ctx context.Context, cursor string) ([][]string, string, error)) {
	rows, cursor, err := next(r.Context(), "")
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte("\uFEFF"))
	cw := csv.NewWriter(w)
	_ = cw.Write(header)
	rc := http.NewResponseController(w)
	for {
		for _, row := range rows {
			for i := range row {
				row[i] = csvSafe(row[i])
			}
			_ = cw.Write(row)
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return // the client went away
		}
		_ = rc.Flush()
		if cursor == "" {
			return
		}
		if rows, cursor, err = next(r.Context(), cursor); err != nil {
			h.log.ErrorContext(r.Context(), "csv export aborted", "request_id", requestID(r.Context()), "error", err.Error())
			panic(http.ErrAbortHandler)
		}
	}
}

// csvSafe defuses cells that spreadsheet programs would run as formulas.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func optText[S ~string](p *S) string {
	if p == nil {
		return ""
	}
	return string(*p)
}

func optDate(d *registry.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func optTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

var agreementCSVHeader = []string{"id", "ref_no", "title_zh", "title_en", "type", "status", "signed_on", "signed_place",
	"effective_from", "effective_to", "parties", "areas", "area_codes", "areas_declared", "summary_zh", "summary_en",
	"version", "created_at", "updated_at", "archived_at"}

func agreementCSVRows(items []registry.Agreement) [][]string {
	out := make([][]string, 0, len(items))
	for _, a := range items {
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
		out = append(out, []string{a.ID, optText(a.RefNo), a.TitleZh, optText(a.TitleEn), string(a.Type), string(a.Status),
			optDate(a.SignedOn), optText(a.SignedPlace), optDate(a.EffectiveFrom), optDate(a.EffectiveTo),
			strings.Join(parties, "; "), strings.Join(labels, "; "), strings.Join(codes, "; "), optInt(a.AreasDeclared),
			optText(a.SummaryZh), optText(a.SummaryEn), strconv.Itoa(a.Version), a.CreatedAt.Format(time.RFC3339),
			a.UpdatedAt.Format(time.RFC3339), optTime(a.ArchivedAt)})
	}
	return out
}
