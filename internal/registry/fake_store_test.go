package registry

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// fakeStore is a small in-memory Store for the Service's own tests: it
// keeps records and answers lookups, and holds no rule of its own. A
// transaction is a snapshot restored when fn fails.
type fakeStore struct {
	Store // the methods the tests do not reach panic

	orgs       map[string]Organization // by id
	areas      map[string]CooperationArea
	regions    map[string]bool
	agreements map[string]Agreement
	jointActs  map[string]JointAction
	milestones map[string]Milestone
	audit      []AuditEntry
	seq        int
}

func newFakeStore() *fakeStore {
	f := &fakeStore{orgs: map[string]Organization{}, areas: map[string]CooperationArea{}, regions: map[string]bool{"500115": true},
		agreements: map[string]Agreement{}, jointActs: map[string]JointAction{}}
	for _, code := range []string{"changshou-cppcc", "pengzhou-cppcc", "yubei-cppcc"} {
		id := f.newID()
		f.orgs[id] = Organization{ID: id, Code: code, Kind: KindCPPCC, NameZh: code, Version: 1}
	}
	f.areas["culture-tourism"] = CooperationArea{Code: "culture-tourism", NameZh: "文旅交流", Version: 1}
	return f
}

func (f *fakeStore) newID() string {
	f.seq++
	return fmt.Sprintf("00000000-0000-7000-8000-%012d", f.seq)
}

// orgID returns the id of the organisation with the code.
func (f *fakeStore) orgID(code string) string {
	id, _ := f.ResolveOrganization(context.Background(), code)
	return id
}

func (f *fakeStore) InTx(ctx context.Context, fn func(ctx context.Context) error) error {
	orgs, areas, agreements, jointActs, audit := maps.Clone(f.orgs), maps.Clone(f.areas), maps.Clone(f.agreements),
		maps.Clone(f.jointActs), len(f.audit)
	if err := fn(ctx); err != nil {
		f.orgs, f.areas, f.agreements, f.jointActs, f.audit = orgs, areas, agreements, jointActs, f.audit[:audit]
		return err
	}
	return nil
}

func (f *fakeStore) Audit(_ context.Context, by Actor, action AuditAction, entity AuditEntity, id string, _, _ any) error {
	f.audit = append(f.audit, AuditEntry{ID: int64(len(f.audit) + 1), Action: action, Entity: entity, EntityID: id})
	return nil
}

func (f *fakeStore) ResolveOrganization(_ context.Context, ref string) (string, error) {
	for id, o := range f.orgs {
		if id == ref || o.Code == ref {
			return id, nil
		}
	}
	return "", ErrNotFound
}

func (f *fakeStore) AreaExists(_ context.Context, code string) (bool, error) {
	_, ok := f.areas[code]
	return ok, nil
}

func (f *fakeStore) AgreementExists(_ context.Context, id string) (bool, error) {
	_, ok := f.agreements[id]
	return ok, nil
}

func (f *fakeStore) RegionExists(_ context.Context, code string) (bool, error) {
	return f.regions[code], nil
}

func (f *fakeStore) OrganizationBelow(_ context.Context, parent, id string) (bool, error) {
	for cur := parent; cur != ""; {
		if cur == id {
			return true, nil
		}
		p := f.orgs[cur].ParentID
		if p == nil {
			break
		}
		cur = *p
	}
	return false, nil
}

func (f *fakeStore) GetAgreement(_ context.Context, id string) (Agreement, error) {
	a, ok := f.agreements[id]
	if !ok {
		return a, ErrNotFound
	}
	return a, nil
}

func (f *fakeStore) LockAgreement(ctx context.Context, id string) (Agreement, error) {
	return f.GetAgreement(ctx, id)
}

func (f *fakeStore) InsertAgreement(_ context.Context, a Agreement) (Agreement, error) {
	if a.ID == "" {
		a.ID = f.newID()
	}
	a.Version, a.CreatedAt, a.UpdatedAt = 1, time.Now(), time.Now()
	f.agreements[a.ID] = f.withCodes(a)
	return f.agreements[a.ID], nil
}

func (f *fakeStore) ReplaceAgreement(_ context.Context, a Agreement) (Agreement, error) {
	cur := f.agreements[a.ID]
	a.Version, a.CreatedAt, a.UpdatedAt = cur.Version+1, cur.CreatedAt, time.Now()
	f.agreements[a.ID] = f.withCodes(a)
	return f.agreements[a.ID], nil
}

func (f *fakeStore) ArchiveAgreement(_ context.Context, id string) (Agreement, error) {
	a := f.agreements[id]
	now := time.Now()
	a.Version, a.ArchivedAt = a.Version+1, &now
	f.agreements[id] = a
	return a, nil
}

func (f *fakeStore) withCodes(a Agreement) Agreement {
	for i, p := range a.Parties {
		a.Parties[i].OrganizationCode = f.orgs[p.OrganizationID].Code
	}
	return a
}

func (f *fakeStore) GetJointAction(_ context.Context, id string) (JointAction, error) {
	j, ok := f.jointActs[id]
	if !ok {
		return j, ErrNotFound
	}
	return j, nil
}

func (f *fakeStore) LockJointAction(ctx context.Context, id string) (JointAction, error) {
	return f.GetJointAction(ctx, id)
}

func (f *fakeStore) InsertJointAction(_ context.Context, j JointAction) (JointAction, error) {
	if j.ID == "" {
		j.ID = f.newID()
	}
	j.Version = 1
	f.jointActs[j.ID] = j
	return j, nil
}

func (f *fakeStore) ReplaceJointAction(_ context.Context, j JointAction) (JointAction, error) {
	j.Version = f.jointActs[j.ID].Version + 1
	f.jointActs[j.ID] = j
	return j, nil
}

func (f *fakeStore) GetOrganization(_ context.Context, ref string) (Organization, error) {
	for id, o := range f.orgs {
		if id == ref || o.Code == ref {
			return o, nil
		}
	}
	return Organization{}, ErrNotFound
}

func (f *fakeStore) LockOrganization(ctx context.Context, ref string) (Organization, error) {
	return f.GetOrganization(ctx, ref)
}

func (f *fakeStore) InsertOrganization(_ context.Context, in OrganizationInput) (Organization, error) {
	for _, o := range f.orgs {
		if o.Code == in.Code {
			return Organization{}, &ConflictError{Field: "code", Reason: "duplicate"}
		}
	}
	id := f.newID()
	o := Organization{ID: id, Code: in.Code, Kind: in.Kind, NameZh: in.NameZh, ParentID: in.ParentID, RegionCode: in.RegionCode, Version: 1}
	f.orgs[id] = o
	return o, nil
}

func (f *fakeStore) ReplaceOrganization(_ context.Context, id string, in OrganizationInput) (Organization, error) {
	o := f.orgs[id]
	o.Code, o.Kind, o.NameZh, o.ParentID, o.RegionCode = in.Code, in.Kind, in.NameZh, in.ParentID, in.RegionCode
	o.Version++
	f.orgs[id] = o
	return o, nil
}

func (f *fakeStore) GetArea(_ context.Context, code string) (CooperationArea, error) {
	a, ok := f.areas[code]
	if !ok {
		return a, ErrNotFound
	}
	return a, nil
}

func (f *fakeStore) LockArea(ctx context.Context, code string) (CooperationArea, error) {
	return f.GetArea(ctx, code)
}

func (f *fakeStore) ReplaceArea(_ context.Context, in AreaInput) (CooperationArea, error) {
	a := f.areas[in.Code]
	a.NameZh, a.NameEn, a.ParentCode = in.NameZh, in.NameEn, in.ParentCode
	a.Version++
	f.areas[in.Code] = a
	return a, nil
}

func (f *fakeStore) AreaBelow(_ context.Context, parent, code string) (bool, error) {
	return strings.EqualFold(parent, code), nil
}

// The links between agreements, kept in the agreements themselves.

func (f *fakeStore) RelationReaches(_ context.Context, from, to string, kinds []RelationKind) (bool, error) {
	seen := map[string]bool{}
	next := []string{from}
	for len(next) > 0 {
		cur := next[0]
		next = next[1:]
		if cur == to {
			return true, nil
		}
		if seen[cur] {
			continue
		}
		seen[cur] = true
		for _, r := range f.agreements[cur].Relations {
			if slices.Contains(kinds, r.Kind) {
				next = append(next, r.AgreementID)
			}
		}
	}
	return false, nil
}

// Milestones, kept in a map of their own (not rolled back by InTx: the
// Service's milestone tests check refusals before any write).

func (f *fakeStore) milestoneMap() map[string]Milestone {
	if f.milestones == nil {
		f.milestones = map[string]Milestone{}
	}
	return f.milestones
}

func (f *fakeStore) GetMilestone(_ context.Context, id string) (Milestone, error) {
	m, ok := f.milestoneMap()[id]
	if !ok {
		return m, ErrNotFound
	}
	m.AgreementParties = nil
	for _, p := range f.agreements[m.AgreementID].Parties {
		m.AgreementParties = append(m.AgreementParties, p.OrganizationID)
	}
	return m, nil
}

func (f *fakeStore) LockMilestone(ctx context.Context, id string) (Milestone, error) {
	return f.GetMilestone(ctx, id)
}

func (f *fakeStore) InsertMilestone(ctx context.Context, m Milestone) (Milestone, error) {
	if m.ID == "" {
		m.ID = f.newID()
	}
	m.Version = 1
	f.milestoneMap()[m.ID] = m
	return f.GetMilestone(ctx, m.ID)
}

func (f *fakeStore) ReplaceMilestone(ctx context.Context, m Milestone) (Milestone, error) {
	m.Version = f.milestoneMap()[m.ID].Version + 1
	f.milestoneMap()[m.ID] = m
	return f.GetMilestone(ctx, m.ID)
}

func (f *fakeStore) ArchiveMilestone(ctx context.Context, id string) (Milestone, error) {
	m := f.milestoneMap()[id]
	now := time.Now()
	m.Version, m.ArchivedAt = m.Version+1, &now
	f.milestoneMap()[id] = m
	return f.GetMilestone(ctx, id)
}

func (f *fakeStore) ActivityExists(_ context.Context, t LinkType, id string) (bool, error) {
	if t == LinkJointAction {
		_, ok := f.jointActs[id]
		return ok, nil
	}
	return false, nil
}
