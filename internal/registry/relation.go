package registry

import (
	"context"
	"slices"
)

// Relation is a link from an agreement to another (dates are not
// compared).
type Relation struct {
	// 所指向协议的 UUID / UUID of the agreement linked to
	AgreementID string `json:"agreement_id" binding:"required" format:"uuid" example:"0193a5c2-6c0d-7b3e-8f61-0e1b2c3d4e5f"`
	// 本协议与所指协议的关系类别：amends（修订）、supplements（补充）、renews（续签）、supersedes（取代）、implements（落实） / kind of link: amends, supplements, renews, supersedes or implements from this agreement to the other
	Kind RelationKind `json:"kind" binding:"required"`
} // @name Relation

// RelatedFrom is an agreement that links to the one read (read-only).
type RelatedFrom struct {
	// 指向本协议的协议的 UUID / UUID of the agreement that links to this one
	AgreementID string `json:"agreement_id" binding:"required" format:"uuid" example:"0193a5c2-6c0d-7b3e-8f61-0e1b2c3d4e5f"`
	// 该协议与本协议的关系类别：amends（修订）、supplements（补充）、renews（续签）、supersedes（取代）、implements（落实） / kind of link: amends, supplements, renews, supersedes or implements from that agreement to this one
	Kind RelationKind `json:"kind" binding:"required"`
	// 该协议的中文标题 / title in Chinese of that agreement
	TitleZh string `json:"title_zh" binding:"required" example:"重庆市长寿区政协与四川省彭州市政协友好政协交流合作框架协议（续签）"`
	// 该协议的英文标题；没有时为 null / title in English of that agreement; null when it has none
	TitleEn *string `json:"title_en" binding:"required" extensions:"x-nullable" example:"Renewed framework agreement on friendly exchange and cooperation"`
} // @name RelatedFrom

// RelationInput is a link from the agreement written to another.
type RelationInput struct {
	// 所指向协议的 UUID：须已存在（unknown_agreement），不得为本协议（self_reference），同一关系不得重复（duplicate） / UUID of the agreement linked to: it must exist (unknown_agreement), not be this agreement (self_reference), and the same link may not be given twice (duplicate)
	AgreementID string `json:"agreement_id" validate:"required,uuidstr" format:"uuid" example:"0193a5c2-6c0d-7b3e-8f61-0e1b2c3d4e5f"`
	// 本协议与所指协议的关系类别：amends（修订）、supplements（补充）、renews（续签）、supersedes（取代）、implements（落实）；修订、续签、取代关系不得形成循环（relation_cycle） / kind of link: amends, supplements, renews, supersedes or implements from this agreement to the other; amends, renews and supersedes links may not form a cycle (relation_cycle)
	Kind RelationKind `json:"kind" validate:"required,enum"`
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
