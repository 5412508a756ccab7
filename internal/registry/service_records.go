package registry

import (
	"context"
	"errors"
	"strconv"
)

// The kinds of record the Service writes, described to its one write
// sequence (service.go), and the Service's methods for each.

func (s *Service) agreements() *recordKind[Agreement, AgreementInput] {
	return &recordKind[Agreement, AgreementInput]{
		entity:    EntityAgreement,
		key:       func(a Agreement) (string, int, bool) { return a.ID, a.Version, a.ArchivedAt != nil },
		takesPart: Agreement.HasParty,
		prepare:   prepareAgreement,
		move:      func(cur, next Agreement) error { return CheckAgreementTransition(cur.Status, next.Status) },
		lock:      s.store.LockAgreement,
		insert:    s.store.InsertAgreement,
		replace: func(ctx context.Context, cur, next Agreement) (Agreement, error) {
			next.ID = cur.ID
			return s.store.ReplaceAgreement(ctx, next)
		},
		archive: s.store.ArchiveAgreement,
	}
}

// prepareAgreement applies an agreement input's defaults, then checks its
// references and cross-field rules, all reported together.
func prepareAgreement(ctx context.Context, s *Service, in *AgreementInput, cur *Agreement) (Agreement, error) {
	if in.Status == "" {
		in.Status = StatusDraft
	}
	a := in.record()
	var v ValidationError
	refs := make([]*string, len(a.Parties))
	for i := range a.Parties {
		refs[i] = &a.Parties[i].OrganizationID
	}
	if err := s.resolveOrgs(ctx, &v, "parties", refs); err != nil {
		return a, err
	}
	for i, x := range a.Areas {
		if x.AreaCode != nil {
			if err := s.exists(ctx, &v, s.store.AreaExists, *x.AreaCode, indexed("areas", i, "area_code"), "unknown_area"); err != nil {
				return a, err
			}
		}
	}
	self := a.ID
	if cur != nil {
		self = cur.ID
	}
	if err := s.checkRelations(ctx, &v, a.Relations, self); err != nil {
		return a, err
	}
	return a, joinValidation(&v, CheckAgreement(&a, s.now()))
}

// CreateAgreement registers an agreement. A registrar may register only
// agreements its organisation is a party to.
func (s *Service) CreateAgreement(ctx context.Context, by Actor, in AgreementInput) (Agreement, error) {
	return create(ctx, s, s.agreements(), by, in)
}

// UpdateAgreement replaces the writable part of an agreement at the
// expected version (0: any), within the status lifecycle.
func (s *Service) UpdateAgreement(ctx context.Context, by Actor, id string, version int, in AgreementInput) (Agreement, error) {
	return update(ctx, s, s.agreements(), by, id, version, in)
}

// ArchiveAgreement archives an agreement at the expected version.
func (s *Service) ArchiveAgreement(ctx context.Context, by Actor, id string, version int) (Agreement, error) {
	return archive(ctx, s, s.agreements(), by, id, version)
}

// AgreementToChange returns the agreement the actor is about to change at
// the given version, or why it may not.
func (s *Service) AgreementToChange(ctx context.Context, by Actor, id string, version int) (Agreement, error) {
	return checkable(ctx, s.agreements(), by, s.store.GetAgreement, id, version)
}

// GetAgreement returns an agreement, archived or not.
func (s *Service) GetAgreement(ctx context.Context, id string) (Agreement, error) {
	return s.store.GetAgreement(ctx, id)
}

// ListAgreements lists agreements.
func (s *Service) ListAgreements(ctx context.Context, f AgreementFilter) (Page[Agreement], error) {
	if err := checkPartyFilter(f.Parties); err != nil {
		return Page[Agreement]{}, err
	}
	return s.store.ListAgreements(ctx, f)
}

func (s *Service) consultations() *recordKind[Consultation, ConsultationInput] {
	return &recordKind[Consultation, ConsultationInput]{
		entity:    EntityConsultation,
		key:       func(c Consultation) (string, int, bool) { return c.ID, c.Version, c.ArchivedAt != nil },
		takesPart: Consultation.HasParticipant,
		prepare: func(ctx context.Context, s *Service, in *ConsultationInput, _ *Consultation) (Consultation, error) {
			if in.Status == "" {
				in.Status = ConsultationPlanned
			}
			c := in.record()
			err := s.activityRefs(ctx, c.Participants, c.AgreementID, c.AreaCode, func() error { return CheckConsultation(&c) })
			return c, err
		},
		lock:   s.store.LockConsultation,
		insert: s.store.InsertConsultation,
		replace: func(ctx context.Context, cur, next Consultation) (Consultation, error) {
			next.ID = cur.ID
			return s.store.ReplaceConsultation(ctx, next)
		},
		archive: s.store.ArchiveConsultation,
	}
}

// CreateConsultation registers a joint consultation.
func (s *Service) CreateConsultation(ctx context.Context, by Actor, in ConsultationInput) (Consultation, error) {
	return create(ctx, s, s.consultations(), by, in)
}

// UpdateConsultation replaces the writable part of a consultation at the
// expected version (0: any).
func (s *Service) UpdateConsultation(ctx context.Context, by Actor, id string, version int, in ConsultationInput) (Consultation, error) {
	return update(ctx, s, s.consultations(), by, id, version, in)
}

// ArchiveConsultation archives a consultation at the expected version.
func (s *Service) ArchiveConsultation(ctx context.Context, by Actor, id string, version int) (Consultation, error) {
	return archive(ctx, s, s.consultations(), by, id, version)
}

// ConsultationToChange returns the consultation the actor is about to
// change at the given version, or why it may not.
func (s *Service) ConsultationToChange(ctx context.Context, by Actor, id string, version int) (Consultation, error) {
	return checkable(ctx, s.consultations(), by, s.store.GetConsultation, id, version)
}

// GetConsultation returns a consultation, archived or not.
func (s *Service) GetConsultation(ctx context.Context, id string) (Consultation, error) {
	return s.store.GetConsultation(ctx, id)
}

// ListConsultations lists consultations.
func (s *Service) ListConsultations(ctx context.Context, f ActivityFilter) (Page[Consultation], error) {
	if err := checkPartyFilter(f.Parties); err != nil {
		return Page[Consultation]{}, err
	}
	return s.store.ListConsultations(ctx, f)
}

func (s *Service) jointActions(fromSource bool) *recordKind[JointAction, JointActionInput] {
	check := CheckJointAction
	if fromSource {
		check = CheckJointActionFromSource
	}
	return &recordKind[JointAction, JointActionInput]{
		entity:    EntityJointAction,
		key:       func(j JointAction) (string, int, bool) { return j.ID, j.Version, j.ArchivedAt != nil },
		takesPart: JointAction.HasParticipant,
		prepare: func(ctx context.Context, s *Service, in *JointActionInput, _ *JointAction) (JointAction, error) {
			if in.Status == "" {
				in.Status = ActionPlanned
			}
			j := in.record()
			err := s.activityRefs(ctx, j.Participants, j.AgreementID, j.AreaCode, func() error { return check(&j) })
			return j, err
		},
		lock:   s.store.LockJointAction,
		insert: s.store.InsertJointAction,
		replace: func(ctx context.Context, cur, next JointAction) (JointAction, error) {
			next.ID = cur.ID
			return s.store.ReplaceJointAction(ctx, next)
		},
		archive: s.store.ArchiveJointAction,
	}
}

// CreateJointAction registers a joint duty action.
func (s *Service) CreateJointAction(ctx context.Context, by Actor, in JointActionInput) (JointAction, error) {
	return create(ctx, s, s.jointActions(false), by, in)
}

// ImportJointAction registers a joint action as a source document records
// it: every rule but the minimum of two organisations, which a source
// naming only the host of a joint event cannot meet. Only the demo loader
// uses it; a later change must meet every rule.
func (s *Service) ImportJointAction(ctx context.Context, by Actor, in JointActionInput) (JointAction, error) {
	return create(ctx, s, s.jointActions(true), by, in)
}

// UpdateJointAction replaces the writable part of a joint action at the
// expected version (0: any).
func (s *Service) UpdateJointAction(ctx context.Context, by Actor, id string, version int, in JointActionInput) (JointAction, error) {
	return update(ctx, s, s.jointActions(false), by, id, version, in)
}

// ArchiveJointAction archives a joint action at the expected version.
func (s *Service) ArchiveJointAction(ctx context.Context, by Actor, id string, version int) (JointAction, error) {
	return archive(ctx, s, s.jointActions(false), by, id, version)
}

// JointActionToChange returns the joint action the actor is about to
// change at the given version, or why it may not.
func (s *Service) JointActionToChange(ctx context.Context, by Actor, id string, version int) (JointAction, error) {
	return checkable(ctx, s.jointActions(false), by, s.store.GetJointAction, id, version)
}

// GetJointAction returns a joint action, archived or not.
func (s *Service) GetJointAction(ctx context.Context, id string) (JointAction, error) {
	return s.store.GetJointAction(ctx, id)
}

// ListJointActions lists joint actions.
func (s *Service) ListJointActions(ctx context.Context, f ActivityFilter) (Page[JointAction], error) {
	if err := checkPartyFilter(f.Parties); err != nil {
		return Page[JointAction]{}, err
	}
	return s.store.ListJointActions(ctx, f)
}

// checkPartyFilter refuses a party filter naming more than MaxPartyFilter
// organisations: each is one more condition on every record listed.
func checkPartyFilter(parties []string) error {
	if len(parties) > MaxPartyFilter {
		return &BadParam{Name: "party", Code: "too_many_values", Param: strconv.Itoa(MaxPartyFilter)}
	}
	return nil
}

// activityRefs resolves the participants of a consultation or joint action
// to UUIDs and checks its agreement and area, then its own rules; every
// broken rule is reported together.
func (s *Service) activityRefs(ctx context.Context, ps []Participant, agreementID, areaCode *string, rules func() error) error {
	var v ValidationError
	refs := make([]*string, len(ps))
	for i := range ps {
		refs[i] = &ps[i].OrganizationID
	}
	if err := s.resolveOrgs(ctx, &v, "participants", refs); err != nil {
		return err
	}
	if agreementID != nil {
		if err := s.exists(ctx, &v, s.store.AgreementExists, *agreementID, "agreement_id", "unknown_agreement"); err != nil {
			return err
		}
	}
	if areaCode != nil {
		if err := s.exists(ctx, &v, s.store.AreaExists, *areaCode, "area_code", "unknown_area"); err != nil {
			return err
		}
	}
	return joinValidation(&v, rules())
}

// resolveOrgs replaces each organisation reference of a list by the
// organisation's UUID, adding unknown_organization at
// list[i].organization_id for each that does not exist.
func (s *Service) resolveOrgs(ctx context.Context, v *ValidationError, list string, refs []*string) error {
	for i, ref := range refs {
		id, err := s.store.ResolveOrganization(ctx, *ref)
		switch {
		case errors.Is(err, ErrNotFound):
			v.Add(indexed(list, i, "organization_id"), "unknown_organization", "")
		case err != nil:
			return err
		default:
			*ref = id
		}
	}
	return nil
}

// exists adds code at field when lookup does not find key.
func (s *Service) exists(ctx context.Context, v *ValidationError, lookup func(ctx context.Context, key string) (bool, error),
	key, field, code string) error {
	ok, err := lookup(ctx, key)
	if err != nil {
		return err
	}
	if !ok {
		v.Add(field, code, "")
	}
	return nil
}

// joinValidation adds the field errors of err (a *ValidationError, or nil)
// to v and returns v when it holds any; any other error is returned as it
// is.
func joinValidation(v *ValidationError, err error) error {
	var more *ValidationError
	if errors.As(err, &more) {
		v.Fields = append(v.Fields, more.Fields...)
	} else if err != nil {
		return err
	}
	return v.Err()
}

func (s *Service) organizations() *recordKind[Organization, OrganizationInput] {
	return &recordKind[Organization, OrganizationInput]{
		entity:    EntityOrganization,
		key:       func(o Organization) (string, int, bool) { return o.ID, o.Version, false },
		takesPart: func(o Organization, orgID string) bool { return o.ID == orgID },
		refusal:   ReasonRoleForbids, // a registrar keeps only its own organisation's profile
		prepare:   prepareOrganization,
		lock:      s.store.LockOrganization,
		insert: func(ctx context.Context, o Organization) (Organization, error) {
			in := o.Input()
			in.ID = o.ID // a preset id (the demo loader's), or none
			return s.store.InsertOrganization(ctx, in)
		},
		replace: func(ctx context.Context, cur, next Organization) (Organization, error) {
			return s.store.ReplaceOrganization(ctx, cur.ID, next.Input())
		},
	}
}

// prepareOrganization checks an organisation input's parent (by UUID or
// code) and region, and that the parent is not the organisation itself or
// below it.
func prepareOrganization(ctx context.Context, s *Service, in *OrganizationInput, cur *Organization) (Organization, error) {
	var v ValidationError
	if in.ParentID != nil {
		id, err := s.store.ResolveOrganization(ctx, *in.ParentID)
		switch {
		case errors.Is(err, ErrNotFound):
			v.Add("parent_id", "unknown_organization", "")
		case err != nil:
			return Organization{}, err
		default:
			in.ParentID = &id
		}
	}
	if in.RegionCode != nil {
		if err := s.exists(ctx, &v, s.store.RegionExists, *in.RegionCode, "region_code", "unknown_region"); err != nil {
			return Organization{}, err
		}
	}
	if err := v.Err(); err != nil {
		return Organization{}, err
	}
	o := Organization{ID: in.ID, Code: in.Code, Kind: in.Kind, NameZh: in.NameZh, NameEn: in.NameEn,
		ShortNameZh: in.ShortNameZh, ShortNameEn: in.ShortNameEn, RegionCode: in.RegionCode, ParentID: in.ParentID}
	if cur != nil {
		o.ID = cur.ID
	}
	if cur != nil && in.ParentID != nil {
		loop, err := s.store.OrganizationBelow(ctx, *in.ParentID, cur.ID)
		if err != nil {
			return o, err
		}
		if loop {
			return o, Invalid("parent_id", "self_reference", "")
		}
	}
	return o, nil
}

// CreateOrganization adds an organisation (admins only).
func (s *Service) CreateOrganization(ctx context.Context, by Actor, in OrganizationInput) (Organization, error) {
	k := s.organizations()
	k.admin = true
	return create(ctx, s, k, by, in)
}

// UpdateOrganization replaces an organisation's writable fields (an admin,
// or a registrar of that organisation); ref is its UUID or code.
func (s *Service) UpdateOrganization(ctx context.Context, by Actor, ref string, version int, in OrganizationInput) (Organization, error) {
	return update(ctx, s, s.organizations(), by, ref, version, in)
}

// OrganizationToChange returns the organisation the actor is about to
// change at the given version, or why it may not.
func (s *Service) OrganizationToChange(ctx context.Context, by Actor, ref string, version int) (Organization, error) {
	return checkable(ctx, s.organizations(), by, s.store.GetOrganization, ref, version)
}

// GetOrganization returns an organisation by UUID or code.
func (s *Service) GetOrganization(ctx context.Context, ref string) (Organization, error) {
	return s.store.GetOrganization(ctx, ref)
}

// ListOrganizations lists organisations.
func (s *Service) ListOrganizations(ctx context.Context, f OrganizationFilter) (Page[Organization], error) {
	return s.store.ListOrganizations(ctx, f)
}

func (s *Service) areas() *recordKind[CooperationArea, AreaInput] {
	return &recordKind[CooperationArea, AreaInput]{
		entity:    EntityCooperationArea,
		admin:     true,
		key:       func(a CooperationArea) (string, int, bool) { return a.Code, a.Version, false },
		takesPart: func(CooperationArea, string) bool { return false },
		prepare: func(ctx context.Context, s *Service, in *AreaInput, cur *CooperationArea) (CooperationArea, error) {
			a := CooperationArea{Code: in.Code, NameZh: in.NameZh, NameEn: in.NameEn, ParentCode: in.ParentCode}
			if cur == nil {
				return a, nil
			}
			if in.Code != cur.Code {
				return a, &ImmutableError{Field: "code"}
			}
			if in.ParentCode != nil {
				loop, err := s.store.AreaBelow(ctx, *in.ParentCode, cur.Code)
				if err != nil {
					return a, err
				}
				if loop {
					return a, Invalid("parent_code", "self_reference", "")
				}
			}
			return a, nil
		},
		lock: s.store.LockArea,
		insert: func(ctx context.Context, a CooperationArea) (CooperationArea, error) {
			return s.store.InsertArea(ctx, a.Input())
		},
		replace: func(ctx context.Context, _, next CooperationArea) (CooperationArea, error) {
			return s.store.ReplaceArea(ctx, next.Input())
		},
	}
}

// CreateArea adds a cooperation area (admins only).
func (s *Service) CreateArea(ctx context.Context, by Actor, in AreaInput) (CooperationArea, error) {
	return create(ctx, s, s.areas(), by, in)
}

// UpdateArea changes a cooperation area (admins only); its code never
// changes.
func (s *Service) UpdateArea(ctx context.Context, by Actor, code string, version int, in AreaInput) (CooperationArea, error) {
	return update(ctx, s, s.areas(), by, code, version, in)
}

// AreaToChange returns the cooperation area the actor is about to change
// at the given version, or why it may not.
func (s *Service) AreaToChange(ctx context.Context, by Actor, code string, version int) (CooperationArea, error) {
	return checkable(ctx, s.areas(), by, s.store.GetArea, code, version)
}

// GetArea returns a cooperation area.
func (s *Service) GetArea(ctx context.Context, code string) (CooperationArea, error) {
	return s.store.GetArea(ctx, code)
}

// ListAreas lists cooperation areas by code.
func (s *Service) ListAreas(ctx context.Context, limit int, cursor string) (Page[CooperationArea], error) {
	return s.store.ListAreas(ctx, limit, cursor)
}

// ListRegions lists regions.
func (s *Service) ListRegions(ctx context.Context, f RegionFilter) (Page[Region], error) {
	return s.store.ListRegions(ctx, f)
}

// GetRegion returns a region.
func (s *Service) GetRegion(ctx context.Context, code string) (Region, error) {
	return s.store.GetRegion(ctx, code)
}

// Stats returns the figures of a year.
func (s *Service) Stats(ctx context.Context, f StatsFilter) (Stats, error) {
	f.Today = TodayCST(s.now())
	return s.store.GetStats(ctx, f)
}

// ListAudit lists audit entries (admins only).
func (s *Service) ListAudit(ctx context.Context, by Actor, f AuditFilter) (Page[AuditEntry], error) {
	if err := MayAdminister(by); err != nil {
		return Page[AuditEntry]{}, err
	}
	return s.store.ListAudit(ctx, f)
}

// History lists the audit entries of one record, oldest first.
func (s *Service) History(ctx context.Context, entity AuditEntity, id string, limit int, cursor string) (Page[AuditEntry], error) {
	return s.store.ListAudit(ctx, AuditFilter{Entity: entity, EntityID: id, Limit: limit, Cursor: cursor})
}
