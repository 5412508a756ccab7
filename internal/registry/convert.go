package registry

// Conversions between the inputs of writes and the stored records. An
// input has passed the field rules before it becomes a record, so its
// dates parse; the record form of an input is the base onto which a patch
// is merged.

// record converts a checked input into an agreement (no id, no version).
func (in AgreementInput) record() Agreement {
	a := Agreement{ID: in.ID, RefNo: in.RefNo, TitleZh: in.TitleZh, TitleEn: in.TitleEn, Type: in.Type, Status: in.Status,
		SignedOn: parsedDate(in.SignedOn), SignedPlace: in.SignedPlace, EffectiveFrom: parsedDate(in.EffectiveFrom),
		EffectiveTo: parsedDate(in.EffectiveTo), SummaryZh: in.SummaryZh, SummaryEn: in.SummaryEn,
		AreasDeclared: in.AreasDeclared, Parties: []Party{}, Areas: []AgreementArea{}, Mechanisms: []Mechanism{},
		Documents: []Document{}, Relations: relationsOf(in.Relations), RelatedFrom: []RelatedFrom{}}
	for _, p := range in.Parties {
		a.Parties = append(a.Parties, Party{OrganizationID: p.OrganizationID, Role: p.Role,
			SignatoryName: p.SignatoryName, SignatoryTitle: p.SignatoryTitle, SignedOn: parsedDate(p.SignedOn)})
	}
	for _, x := range in.Areas {
		a.Areas = append(a.Areas, AgreementArea(x))
	}
	for _, m := range in.Mechanisms {
		a.Mechanisms = append(a.Mechanisms, Mechanism(m))
	}
	for _, d := range in.Documents {
		a.Documents = append(a.Documents, Document(d))
	}
	return a
}

// Input returns the writable part of the agreement.
func (a Agreement) Input() AgreementInput {
	in := AgreementInput{RefNo: a.RefNo, TitleZh: a.TitleZh, TitleEn: a.TitleEn, Type: a.Type, Status: a.Status,
		SignedOn: dateString(a.SignedOn), SignedPlace: a.SignedPlace, EffectiveFrom: dateString(a.EffectiveFrom),
		EffectiveTo: dateString(a.EffectiveTo), SummaryZh: a.SummaryZh, SummaryEn: a.SummaryEn,
		AreasDeclared: a.AreasDeclared, Parties: []PartyInput{}, Areas: []AreaRefInput{}, Mechanisms: []MechanismInput{},
		Documents: []DocumentInput{}, Relations: relationInputsOf(a.Relations)}
	for _, p := range a.Parties {
		in.Parties = append(in.Parties, PartyInput{OrganizationID: p.OrganizationID, Role: p.Role,
			SignatoryName: p.SignatoryName, SignatoryTitle: p.SignatoryTitle, SignedOn: dateString(p.SignedOn)})
	}
	for _, x := range a.Areas {
		in.Areas = append(in.Areas, AreaRefInput(x))
	}
	for _, m := range a.Mechanisms {
		in.Mechanisms = append(in.Mechanisms, MechanismInput(m))
	}
	for _, d := range a.Documents {
		in.Documents = append(in.Documents, DocumentInput(d))
	}
	return in
}

// record converts a checked input into a consultation.
func (in ConsultationInput) record() Consultation {
	c := Consultation{ID: in.ID, TitleZh: in.TitleZh, TitleEn: in.TitleEn, TopicZh: in.TopicZh, TopicEn: in.TopicEn,
		Format: in.Format, HeldOn: parsedDate(in.HeldOn), Location: in.Location, AgreementID: in.AgreementID,
		AreaCode: in.AreaCode, Status: in.Status, SummaryZh: in.SummaryZh, SummaryEn: in.SummaryEn,
		Participants: []Participant{}, Outcomes: outcomesOf(in.Outcomes)}
	for _, p := range in.Participants {
		c.Participants = append(c.Participants, Participant{OrganizationID: p.OrganizationID, Role: string(p.Role)})
	}
	return c
}

// Input returns the writable part of the consultation.
func (c Consultation) Input() ConsultationInput {
	in := ConsultationInput{TitleZh: c.TitleZh, TitleEn: c.TitleEn, TopicZh: c.TopicZh, TopicEn: c.TopicEn,
		Format: c.Format, HeldOn: dateString(c.HeldOn), Location: c.Location, AgreementID: c.AgreementID,
		AreaCode: c.AreaCode, Status: c.Status, SummaryZh: c.SummaryZh, SummaryEn: c.SummaryEn,
		Participants: []ConsultationParticipant{}, Outcomes: outcomeInputsOf(c.Outcomes)}
	for _, p := range c.Participants {
		in.Participants = append(in.Participants, ConsultationParticipant{OrganizationID: p.OrganizationID, Role: ConsultationRole(p.Role)})
	}
	return in
}

// record converts a checked input into a joint action.
func (in JointActionInput) record() JointAction {
	j := JointAction{ID: in.ID, TitleZh: in.TitleZh, TitleEn: in.TitleEn, ThemeZh: in.ThemeZh, ThemeEn: in.ThemeEn,
		Kind: in.Kind, StartedOn: parsedDate(in.StartedOn), EndedOn: parsedDate(in.EndedOn), Location: in.Location,
		AgreementID: in.AgreementID, AreaCode: in.AreaCode, Status: in.Status, SummaryZh: in.SummaryZh,
		SummaryEn: in.SummaryEn, Participants: []Participant{}, Outcomes: outcomesOf(in.Outcomes)}
	for _, p := range in.Participants {
		j.Participants = append(j.Participants, Participant{OrganizationID: p.OrganizationID, Role: string(p.Role)})
	}
	return j
}

// Input returns the writable part of the joint action.
func (j JointAction) Input() JointActionInput {
	in := JointActionInput{TitleZh: j.TitleZh, TitleEn: j.TitleEn, ThemeZh: j.ThemeZh, ThemeEn: j.ThemeEn,
		Kind: j.Kind, StartedOn: dateString(j.StartedOn), EndedOn: dateString(j.EndedOn), Location: j.Location,
		AgreementID: j.AgreementID, AreaCode: j.AreaCode, Status: j.Status, SummaryZh: j.SummaryZh,
		SummaryEn: j.SummaryEn, Participants: []JointActionParticipant{}, Outcomes: outcomeInputsOf(j.Outcomes)}
	for _, p := range j.Participants {
		in.Participants = append(in.Participants, JointActionParticipant{OrganizationID: p.OrganizationID, Role: JointActionRole(p.Role)})
	}
	return in
}

// Input returns the writable part of the organisation.
func (o Organization) Input() OrganizationInput {
	return OrganizationInput{Code: o.Code, Kind: o.Kind, NameZh: o.NameZh, NameEn: o.NameEn, ShortNameZh: o.ShortNameZh,
		ShortNameEn: o.ShortNameEn, RegionCode: o.RegionCode, ParentID: o.ParentID}
}

// Input returns the writable part of the cooperation area.
func (a CooperationArea) Input() AreaInput {
	return AreaInput{Code: a.Code, NameZh: a.NameZh, NameEn: a.NameEn, ParentCode: a.ParentCode}
}

func outcomesOf(in []OutcomeInput) []Outcome {
	out := make([]Outcome, 0, len(in))
	for _, o := range in {
		out = append(out, Outcome(o))
	}
	return out
}

func outcomeInputsOf(os []Outcome) []OutcomeInput {
	out := make([]OutcomeInput, 0, len(os))
	for _, o := range os {
		out = append(out, OutcomeInput(o))
	}
	return out
}

func parsedDate(s *string) *Date {
	if s == nil {
		return nil
	}
	d, err := ParseDate(*s)
	if err != nil {
		return nil // unreachable: the partialdate rule ran first
	}
	return &d
}

func dateString(d *Date) *string {
	if d == nil {
		return nil
	}
	s := d.String()
	return &s
}
