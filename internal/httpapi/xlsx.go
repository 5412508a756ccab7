package httpapi

import (
	"context"
	"net/http"
	"strings"

	"github.com/chengyu-collab/registry/internal/export"
	"github.com/chengyu-collab/registry/internal/registry"
)

// wantsXLSX reports whether the client asked for an Excel workbook.
func wantsXLSX(r *http.Request) bool {
	return r.URL.Query().Get("format") == "xlsx" || strings.Contains(r.Header.Get("Accept"), export.MediaType)
}

// exportLang is the language of a workbook: the lang parameter (zh or
// en, so that a plain link works), or Accept-Language.
func exportLang(r *http.Request) registry.Lang {
	switch r.URL.Query().Get("lang") {
	case "zh":
		return registry.Zh
	case "en":
		return registry.En
	}
	return lang(r)
}

// streamXLSX answers an Excel workbook of a table's records, read page by
// page through next as the cells the store keeps for each record in the
// workbook's language. The rows are written to temporary files while the
// pages are read and the workbook is zipped to the client after the last
// page: an error before then is an ordinary problem answer; a later one
// (the client went away) aborts the connection, so a truncated file is
// never mistaken for a whole one.
func streamXLSX[T any](h *handler, w http.ResponseWriter, r *http.Request, t export.Table[T],
	next func(ctx context.Context, lang registry.Lang, cursor string) ([][]string, string, error)) {
	lg := exportLang(r)
	name, ascii := t.FileName(lg)
	h.sendWorkbook(w, r, name, ascii, func(ready func()) (bool, error) {
		return export.WriteCells(r.Context(), w, lg, t, func(ctx context.Context, cursor string) ([][]string, string, error) {
			return next(ctx, lg, cursor)
		}, ready)
	})
}

// sendWorkbook runs write, which calls ready just before the workbook's
// first byte, and answers its errors.
func (h *handler) sendWorkbook(w http.ResponseWriter, r *http.Request, name, ascii string,
	write func(ready func()) (bool, error)) {
	written, err := write(func() {
		w.Header().Set("Content-Type", export.MediaType)
		w.Header().Set("Content-Disposition", export.Disposition(name, ascii))
		w.WriteHeader(http.StatusOK)
	})
	switch {
	case err == nil:
	case !written:
		h.writeError(w, r, err)
	default:
		h.log.ErrorContext(r.Context(), "xlsx export aborted", "request_id", requestID(r.Context()), "error", err.Error())
		panic(http.ErrAbortHandler)
	}
}
