package registry

import (
	"context"
	"slices"
)

// Relation is a link from an agreement to another (dates are not
// compared).
type Relation struct {
	AgreementID string       `json:"agreement_id" binding:"required" format:"uuid"`
	Kind        RelationKind `json:"kind" binding:"required"`
} // @name Relation

// RelatedFrom is an agreement that links to the one read (read-only).
type RelatedFrom struct {
	AgreementID string       `json:"agreement_id" binding:"required" format:"uuid"`
	Kind        RelationKind `json:"kind" binding:"required"`
	TitleZh     string       `json:"title_zh" binding:"required" example:"重庆市长寿区政协与四川省彭州市政协友好政协交流合作框架协议"`
	TitleEn     *string      `json:"title_en" binding:"required" extensions:"x-nullable"`
} // @name RelatedFrom

// RelationInput is a link from the agreement written to another.
type RelationInput struct {
	AgreementID string       `json:"agreement_id" validate:"required,uuidstr" format:"uuid"`
	Kind        RelationKind `json:"kind" validate:"required,enum"`
} // @name RelationRequest

// OrderingRelations are the kinds that put one agreement after another:
// links of these kinds, in any mix, may not form a cycle.
var OrderingRelations = []RelationKind{RelationAmends, RelationRenews, RelationSupersedes}

// RelationGraph answers the one question the relation rules ask of the
// store.
type RelationGraph interface {
	// RelationReaches locks the links between agreements against
	// concurrent change for the rest of the transaction of ctx, then
	// reports whether to can be reached from from by following links
	// of the given kinds.
	RelationReaches(ctx context.Context, from, to string, kinds []RelationKind) (bool, error)
}

func relationsOf(in []RelationInput) []Relation {
	out := make([]Relation, 0, len(in))
	for _, r := range in {
		out = append(out, Relation(r))
	}
	return out
}

func relationInputsOf(rs []Relation) []RelationInput {
	out := make([]RelationInput, 0, len(rs))
	for _, r := range rs {
		out = append(out, RelationInput(r))
	}
	return out
}

// checkRelations checks an agreement's links: each target exists, none is
// the agreement itself, none is given twice, and the ordering links do not
// close a cycle through the agreement. self is the agreement's id ("" for
// a new agreement without a preset id, which nothing can link to yet).
func (s *Service) checkRelations(ctx context.Context, v *ValidationError, rels []Relation, self string) error {
	seen := map[Relation]bool{}
	for i, r := range rels {
		field := indexed("relations", i, "agreement_id")
		switch {
		case self != "" && r.AgreementID == self:
			v.Add(field, "self_reference", "")
			continue
		case seen[r]:
			v.Add(field, "duplicate", "")
			continue
		}
		seen[r] = true
		ok, err := s.store.AgreementExists(ctx, r.AgreementID)
		if err != nil {
			return err
		}
		if !ok {
			v.Add(field, "unknown_agreement", "")
			continue
		}
		if self == "" || !slices.Contains(OrderingRelations, r.Kind) {
			continue
		}
		// A new link self → target closes a cycle when self can already be
		// reached from target.
		loop, err := s.store.RelationReaches(ctx, r.AgreementID, self, OrderingRelations)
		if err != nil {
			return err
		}
		if loop {
			v.Add(indexed("relations", i, "kind"), "relation_cycle", "")
		}
	}
	return nil
}
