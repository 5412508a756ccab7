package registry

import (
	"context"
	"encoding/json"
	"fmt"
)

// Raw is a record in its read form: the JSON the API sends for it, the
// bytes json.Marshal writes for the record, with its id and version (the
// version is its ETag).
type Raw struct {
	ID      string
	Version int
	JSON    []byte
}

// RawReads reads records in their read form. A Store that keeps each
// record's read form (internal/postgres does, written in the transaction
// of every change that affects it) implements it, and the Service's
// …JSON reads then send those bytes as they are; with a Store that does
// not, they marshal the structured record.
type RawReads interface {
	GetAgreementJSON(ctx context.Context, id string) (Raw, error)
	ListAgreementsJSON(ctx context.Context, f AgreementFilter) (Page[Raw], error)
	GetConsultationJSON(ctx context.Context, id string) (Raw, error)
	ListConsultationsJSON(ctx context.Context, f ActivityFilter) (Page[Raw], error)
	GetJointActionJSON(ctx context.Context, id string) (Raw, error)
	ListJointActionsJSON(ctx context.Context, f ActivityFilter) (Page[Raw], error)
}

// rawReads returns the Store's read-form reads, or nil.
func (s *Service) rawReads() RawReads {
	r, _ := s.store.(RawReads)
	return r
}

// rawOf marshals a structured record into its read form.
func rawOf[T any](rec T, err error, key func(T) (string, int)) (Raw, error) {
	if err != nil {
		return Raw{}, err
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return Raw{}, fmt.Errorf("marshal record: %w", err)
	}
	id, version := key(rec)
	return Raw{ID: id, Version: version, JSON: b}, nil
}

// rawPageOf marshals a page of structured records.
func rawPageOf[T any](p Page[T], err error, key func(T) (string, int)) (Page[Raw], error) {
	if err != nil {
		return Page[Raw]{}, err
	}
	out := Page[Raw]{Items: make([]Raw, 0, len(p.Items)), Next: p.Next}
	for _, rec := range p.Items {
		r, err := rawOf(rec, nil, key)
		if err != nil {
			return Page[Raw]{}, err
		}
		out.Items = append(out.Items, r)
	}
	return out, nil
}

func agreementKey(a Agreement) (string, int)       { return a.ID, a.Version }
func consultationKey(c Consultation) (string, int) { return c.ID, c.Version }
func jointActionKey(j JointAction) (string, int)   { return j.ID, j.Version }

// GetAgreementJSON returns an agreement, archived or not, in its read
// form.
func (s *Service) GetAgreementJSON(ctx context.Context, id string) (Raw, error) {
	if r := s.rawReads(); r != nil {
		return r.GetAgreementJSON(ctx, id)
	}
	a, err := s.store.GetAgreement(ctx, id)
	return rawOf(a, err, agreementKey)
}

// ListAgreementsJSON lists agreements in their read form, with the same
// filters, order and cursors as ListAgreements.
func (s *Service) ListAgreementsJSON(ctx context.Context, f AgreementFilter) (Page[Raw], error) {
	if err := checkPartyFilter(f.Parties); err != nil {
		return Page[Raw]{}, err
	}
	if r := s.rawReads(); r != nil {
		return r.ListAgreementsJSON(ctx, f)
	}
	p, err := s.store.ListAgreements(ctx, f)
	return rawPageOf(p, err, agreementKey)
}

// GetConsultationJSON returns a consultation, archived or not, in its
// read form.
func (s *Service) GetConsultationJSON(ctx context.Context, id string) (Raw, error) {
	if r := s.rawReads(); r != nil {
		return r.GetConsultationJSON(ctx, id)
	}
	c, err := s.store.GetConsultation(ctx, id)
	return rawOf(c, err, consultationKey)
}

// ListConsultationsJSON lists consultations in their read form, as
// ListConsultations does.
func (s *Service) ListConsultationsJSON(ctx context.Context, f ActivityFilter) (Page[Raw], error) {
	if err := checkPartyFilter(f.Parties); err != nil {
		return Page[Raw]{}, err
	}
	if r := s.rawReads(); r != nil {
		return r.ListConsultationsJSON(ctx, f)
	}
	p, err := s.store.ListConsultations(ctx, f)
	return rawPageOf(p, err, consultationKey)
}

// GetJointActionJSON returns a joint action, archived or not, in its read
// form.
func (s *Service) GetJointActionJSON(ctx context.Context, id string) (Raw, error) {
	if r := s.rawReads(); r != nil {
		return r.GetJointActionJSON(ctx, id)
	}
	j, err := s.store.GetJointAction(ctx, id)
	return rawOf(j, err, jointActionKey)
}

// ListJointActionsJSON lists joint actions in their read form, as
// ListJointActions does.
func (s *Service) ListJointActionsJSON(ctx context.Context, f ActivityFilter) (Page[Raw], error) {
	if err := checkPartyFilter(f.Parties); err != nil {
		return Page[Raw]{}, err
	}
	if r := s.rawReads(); r != nil {
		return r.ListJointActionsJSON(ctx, f)
	}
	p, err := s.store.ListJointActions(ctx, f)
	return rawPageOf(p, err, jointActionKey)
}
