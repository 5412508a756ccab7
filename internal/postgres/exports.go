package postgres

import (
	"context"
	"fmt"

	"github.com/chengyu-collab/registry/internal/registry"
)

// List exports read the export rows kept beside each record's read form
// (readforms.go): a page is one keyset statement of the list's own filter,
// order and indexes that selects the sort key, id and one export column of
// each row. Every row is read before the connection is released, and
// nothing is decoded but the cells of the Excel rows; a missing row (NULL)
// is made afterwards from the record.

// exportColumn is the column holding an export's rows.
type exportColumn string

const (
	exportCSV exportColumn = "export_csv"
	exportZh  exportColumn = "export_zh"
	exportEn  exportColumn = "export_en"
)

// cellsColumn is the column of the Excel cells in lang.
func cellsColumn(lang registry.Lang) exportColumn {
	if lang == registry.En {
		return exportEn
	}
	return exportZh
}

// exportSelect reads, for an export page, the sort key, id and export row
// col of each row.
func (f *readForms) exportSelect(col exportColumn) string {
	return `SELECT ` + f.alias + `.sort_on::text, ` + f.alias + `.id, ` + f.alias + `.` + string(col) + ` FROM ` + f.table + ` ` + f.alias
}

// exportRow is one row of an export page.
type exportRow[R any] struct {
	sortKey, id string
	row         R
}

// listExport runs an export statement q and returns the page of rows. scan
// reads a row's export column (nil when NULL); pick takes it from a read
// form made on read.
func listExport[R any](ctx context.Context, s *Store, f *readForms, limit int, q string, args []any,
	scan func(sc scanner, sortKey, id *string) (R, bool, error), pick func(form) R) (registry.Page[R], error) {
	var items []exportRow[R]
	var missing []string
	err := eachRow(ctx, s.unprepared(ctx), q, args, func(sc scanner) error {
		var r exportRow[R]
		row, ok, err := scan(sc, &r.sortKey, &r.id)
		if err != nil {
			return err
		}
		if !ok {
			missing = append(missing, r.id)
		}
		r.row = row
		items = append(items, r)
		return nil
	})
	if err != nil {
		return registry.Page[R]{}, fmt.Errorf("export %s: %w", f.table, err)
	}
	if len(missing) > 0 {
		forms, err := f.forms(ctx, s.q(ctx), missing)
		if err != nil {
			return registry.Page[R]{}, err
		}
		for i := range items {
			if fm, ok := forms[items[i].id]; ok && fm.json != nil {
				items[i].row = pick(fm)
			}
		}
	}
	page := trimPage(items, limit, func(r exportRow[R]) []string { return []string{r.sortKey, r.id} })
	out := registry.Page[R]{Items: make([]R, len(page.Items)), Next: page.Next}
	for i, r := range page.Items {
		out.Items[i] = r.row
	}
	return out, nil
}

// scanCSV reads the sort key, id and CSV line of an export row.
func scanCSV(sc scanner, sortKey, id *string) ([]byte, bool, error) {
	var line []byte
	if err := sc.Scan(sortKey, id, &line); err != nil {
		return nil, false, err
	}
	return line, line != nil, nil
}

// scanCells reads the sort key, id and Excel cells of an export row.
func scanCells(sc scanner, sortKey, id *string) ([]string, bool, error) {
	var cells textArray
	if err := sc.Scan(sortKey, id, &cells); err != nil {
		return nil, false, err
	}
	return cells, cells != nil, nil
}

func pickCSV(fm form) []byte { return fm.csv }

func pickCells(lang registry.Lang) func(form) []string {
	return func(fm form) []string {
		if lang == registry.En {
			return fm.en
		}
		return fm.zh
	}
}

// agreementExport lists agreements as export rows of col.
func agreementExport[R any](ctx context.Context, s *Store, f registry.AgreementFilter, col exportColumn,
	scan func(sc scanner, sortKey, id *string) (R, bool, error), pick func(form) R) (registry.Page[R], error) {
	empty := registry.Page[R]{Items: []R{}}
	partyIDs, found, err := s.resolveParties(ctx, f.Parties)
	if err != nil || !found {
		return empty, err
	}
	q, args, err := agreementListQueryOf(agreementForms.exportSelect(col), f, partyIDs)
	if err != nil {
		return empty, err
	}
	return listExport(ctx, s, agreementForms, f.Limit, q, args, scan, pick)
}

// activityExport lists consultations or joint actions as export rows of
// col.
func activityExport[T, R any](ctx context.Context, s *Store, k *activityKind[T], f registry.ActivityFilter, col exportColumn,
	scan func(sc scanner, sortKey, id *string) (R, bool, error), pick func(form) R) (registry.Page[R], error) {
	empty := registry.Page[R]{Items: []R{}}
	if f.Agreement != "" && !isUUID(f.Agreement) {
		return empty, nil
	}
	partyIDs, found, err := s.resolveParties(ctx, f.Parties)
	if err != nil || !found {
		return empty, err
	}
	q, args, err := k.listQueryOf(k.forms().exportSelect(col), f, partyIDs)
	if err != nil {
		return empty, err
	}
	return listExport(ctx, s, k.forms(), f.Limit, q, args, scan, pick)
}

// ListAgreementsCSV lists agreements as the lines of their CSV export: the
// statement of ListAgreements reading only each row's CSV line.
func (s *Store) ListAgreementsCSV(ctx context.Context, f registry.AgreementFilter) (registry.Page[[]byte], error) {
	return agreementExport(ctx, s, f, exportCSV, scanCSV, pickCSV)
}

// ListAgreementCells lists agreements as the cells of their Excel export
// in lang.
func (s *Store) ListAgreementCells(ctx context.Context, f registry.AgreementFilter, lang registry.Lang) (registry.Page[[]string], error) {
	return agreementExport(ctx, s, f, cellsColumn(lang), scanCells, pickCells(lang))
}

// ListConsultationsCSV lists consultations as the lines of their CSV
// export.
func (s *Store) ListConsultationsCSV(ctx context.Context, f registry.ActivityFilter) (registry.Page[[]byte], error) {
	return activityExport(ctx, s, consultationKind, f, exportCSV, scanCSV, pickCSV)
}

// ListConsultationCells lists consultations as the cells of their Excel
// export in lang.
func (s *Store) ListConsultationCells(ctx context.Context, f registry.ActivityFilter, lang registry.Lang) (registry.Page[[]string], error) {
	return activityExport(ctx, s, consultationKind, f, cellsColumn(lang), scanCells, pickCells(lang))
}

// ListJointActionsCSV lists joint actions as the lines of their CSV
// export.
func (s *Store) ListJointActionsCSV(ctx context.Context, f registry.ActivityFilter) (registry.Page[[]byte], error) {
	return activityExport(ctx, s, jointActionKind, f, exportCSV, scanCSV, pickCSV)
}

// ListJointActionCells lists joint actions as the cells of their Excel
// export in lang.
func (s *Store) ListJointActionCells(ctx context.Context, f registry.ActivityFilter, lang registry.Lang) (registry.Page[[]string], error) {
	return activityExport(ctx, s, jointActionKind, f, cellsColumn(lang), scanCells, pickCells(lang))
}

var _ registry.ExportReads = (*Store)(nil)

// JointActionCSVList builds the statement of one page of the CSV export
// of joint actions (GET /v1/joint-actions?format=csv) for a filter whose
// parties are resolved to partyIDs, with its arguments, for the
// benchmark's ceiling: the statement of JointActionList reading each
// row's sort key, id and CSV line, unprepared as the store runs it, but in
// one step: the store's page of a date range over every record finds its
// ids in the order index first (listQueryOf), which is slower than one
// step for COPY of all the range's rows, the ceiling's use. Its third
// column, in order, is the export's body after the header.
func JointActionCSVList(f registry.ActivityFilter, partyIDs []string) (Statement, []any, error) {
	q, args, err := jointActionKind.listQueryIn(jointActionForms.exportSelect(exportCSV), f, partyIDs, false)
	return Statement{SQL: q}, args, err
}
