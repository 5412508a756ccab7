package console

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/chengyu-collab/registry/internal/export"
	"github.com/chengyu-collab/registry/internal/registry"
)

// ExcelSpreadsheet writes the rows of a console list as an Excel workbook
// with internal/export's streamed writer: one sheet, a frozen heading row,
// columns sized to their headings. The rows go to temporary files while
// they are read; the workbook is zipped to the client after the last one,
// so an error before then is answered plainly.
func ExcelSpreadsheet(w http.ResponseWriter, lang registry.Lang, name string, heads []string,
	rows func(yield func([]string) bool) error) error {
	wb, err := export.NewWorkbook(lang)
	if err != nil {
		return err
	}
	defer wb.Close()
	cols := make([]export.Column, len(heads))
	for i, h := range heads {
		cols[i] = export.Column{Heading: h, Width: 16}
	}
	cols[0].Width = 48 // the title
	sheet, err := wb.AddSheet(strings.TrimSuffix(name, ".xlsx"), cols)
	if err != nil {
		return err
	}
	var werr error
	if err := rows(func(row []string) bool {
		werr = sheet.AppendText(row)
		return werr == nil
	}); err != nil || werr != nil {
		http.Error(w, http.StatusText(http.StatusServiceUnavailable), http.StatusServiceUnavailable)
		return fmt.Errorf("console workbook: %w", firstErr(err, werr))
	}
	if err := sheet.Close(); err != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return err
	}
	base := strings.TrimSuffix(name, ".xlsx")
	w.Header().Set("Content-Type", export.MediaType)
	w.Header().Set("Content-Disposition", export.Disposition(base, base))
	_, err = wb.WriteTo(w)
	return err
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
