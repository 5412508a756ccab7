package registry

import "context"

// ExportReads reads list exports as the rows a Store keeps for them
// beside each record's read form (exportrows.go): per page, each record's
// CSV line (CSVLine of its …CSV cells) or its Excel cells in a language
// (ExportCells), with the filters, order and cursors of the lists. With a
// Store that does not implement it, the Service makes the rows from the
// structured records.
type ExportReads interface {
	ListAgreementsCSV(ctx context.Context, f AgreementFilter) (Page[[]byte], error)
	ListAgreementCells(ctx context.Context, f AgreementFilter, lang Lang) (Page[[]string], error)
	ListConsultationsCSV(ctx context.Context, f ActivityFilter) (Page[[]byte], error)
	ListConsultationCells(ctx context.Context, f ActivityFilter, lang Lang) (Page[[]string], error)
	ListJointActionsCSV(ctx context.Context, f ActivityFilter) (Page[[]byte], error)
	ListJointActionCells(ctx context.Context, f ActivityFilter, lang Lang) (Page[[]string], error)
}

// exportReads returns the Store's export reads, or nil.
func (s *Service) exportReads() ExportReads {
	r, _ := s.store.(ExportReads)
	return r
}

// mapPage makes each record of a page into a row.
func mapPage[T, R any](p Page[T], err error, row func(T) R) (Page[R], error) {
	if err != nil {
		return Page[R]{}, err
	}
	out := Page[R]{Items: make([]R, len(p.Items)), Next: p.Next}
	for i, rec := range p.Items {
		out.Items[i] = row(rec)
	}
	return out, nil
}

// cellsPage makes a page of records into their Excel cells in lang.
func cellsPage[T any](ctx context.Context, s *Service, p Page[T], err error, cols []ExportColumn[T], lang Lang) (Page[[]string], error) {
	if err != nil {
		return Page[[]string]{}, err
	}
	areas, err := s.AreaNames(ctx)
	if err != nil {
		return Page[[]string]{}, err
	}
	return mapPage(p, nil, func(rec T) []string { return ExportCells(cols, lang, areas, rec) })
}

// ListAgreementsCSV lists agreements as the lines of their CSV export,
// with the filters, order and cursors of ListAgreements.
func (s *Service) ListAgreementsCSV(ctx context.Context, f AgreementFilter) (Page[[]byte], error) {
	if err := checkPartyFilter(f.Parties); err != nil {
		return Page[[]byte]{}, err
	}
	if r := s.exportReads(); r != nil {
		return r.ListAgreementsCSV(ctx, f)
	}
	p, err := s.store.ListAgreements(ctx, f)
	return mapPage(p, err, func(a Agreement) []byte { return CSVLine(AgreementCSV(a)) })
}

// ListAgreementCells lists agreements as the cells of their Excel export
// in lang, as ListAgreements does.
func (s *Service) ListAgreementCells(ctx context.Context, f AgreementFilter, lang Lang) (Page[[]string], error) {
	if err := checkPartyFilter(f.Parties); err != nil {
		return Page[[]string]{}, err
	}
	if r := s.exportReads(); r != nil {
		return r.ListAgreementCells(ctx, f, lang)
	}
	p, err := s.store.ListAgreements(ctx, f)
	return cellsPage(ctx, s, p, err, AgreementColumns, lang)
}

// ListConsultationsCSV lists consultations as the lines of their CSV
// export, as ListConsultations does.
func (s *Service) ListConsultationsCSV(ctx context.Context, f ActivityFilter) (Page[[]byte], error) {
	if err := checkPartyFilter(f.Parties); err != nil {
		return Page[[]byte]{}, err
	}
	if r := s.exportReads(); r != nil {
		return r.ListConsultationsCSV(ctx, f)
	}
	p, err := s.store.ListConsultations(ctx, f)
	return mapPage(p, err, func(c Consultation) []byte { return CSVLine(ConsultationCSV(c)) })
}

// ListConsultationCells lists consultations as the cells of their Excel
// export in lang, as ListConsultations does.
func (s *Service) ListConsultationCells(ctx context.Context, f ActivityFilter, lang Lang) (Page[[]string], error) {
	if err := checkPartyFilter(f.Parties); err != nil {
		return Page[[]string]{}, err
	}
	if r := s.exportReads(); r != nil {
		return r.ListConsultationCells(ctx, f, lang)
	}
	p, err := s.store.ListConsultations(ctx, f)
	return cellsPage(ctx, s, p, err, ConsultationColumns, lang)
}

// ListJointActionsCSV lists joint actions as the lines of their CSV
// export, as ListJointActions does.
func (s *Service) ListJointActionsCSV(ctx context.Context, f ActivityFilter) (Page[[]byte], error) {
	if err := checkPartyFilter(f.Parties); err != nil {
		return Page[[]byte]{}, err
	}
	if r := s.exportReads(); r != nil {
		return r.ListJointActionsCSV(ctx, f)
	}
	p, err := s.store.ListJointActions(ctx, f)
	return mapPage(p, err, func(j JointAction) []byte { return CSVLine(JointActionCSV(j)) })
}

// ListJointActionCells lists joint actions as the cells of their Excel
// export in lang, as ListJointActions does.
func (s *Service) ListJointActionCells(ctx context.Context, f ActivityFilter, lang Lang) (Page[[]string], error) {
	if err := checkPartyFilter(f.Parties); err != nil {
		return Page[[]string]{}, err
	}
	if r := s.exportReads(); r != nil {
		return r.ListJointActionCells(ctx, f, lang)
	}
	p, err := s.store.ListJointActions(ctx, f)
	return cellsPage(ctx, s, p, err, JointActionColumns, lang)
}
