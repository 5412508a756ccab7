package console

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/chengyu-collab/registry/internal/registry"
)

// kind describes one kind of record the console lists, shows and edits:
// agreements, consultations and joint actions.
type kind struct {
	path      string // under /console/
	entity    registry.AuditEntity
	name      string // catalogue code of the plural name
	one       string // catalogue code of the singular name
	kindEnum  string // the enum of the kind filter
	kindParam string // the name of that filter
	status    string // the enum of statuses
	role      string // the enum of party or participant roles
	// list runs the Service's list with the filter.
	list func(ctx context.Context, c *console, f filter) ([]row, string, error)
}

// row is one record as a list shows it.
type row struct {
	ID, Title, Kind, Status, Date string
	KindLabel, StatusLabel        string   // Kind and Status in the viewer's language
	Parties                       []string // organisation codes
	PartyNames                    []string // their names in the viewer's language, as the record carries them
	Roles                         []string
	Archived                      bool
}

// filter is what the list pages' filter form selects.
type filter struct {
	Parties              []string
	Region, Area, Status string
	Kind                 string
	From, To             string
	Q                    string
	Agreement            string
	Cursor               string
	Limit                int
	Errors               map[string]string // filter field → message
}

// maxParties bounds the repeated party filter, as the API does.
const maxParties = 10

// parseFilter reads the filter form; a value that does not parse is left
// out and its message shown beside the field.
func parseFilter(l registry.Lang, q url.Values, k *kind) filter {
	f := filter{Region: q.Get("region"), Area: q.Get("area"), Status: q.Get("status"), Kind: q.Get(k.kindParam),
		Q: strings.TrimSpace(q.Get("q")), Agreement: q.Get("agreement"), Cursor: q.Get("cursor"), Limit: 25,
		Errors: map[string]string{}}
	for _, p := range q["party"] {
		if p = strings.TrimSpace(p); p != "" && !contains(f.Parties, p) && len(f.Parties) < maxParties {
			f.Parties = append(f.Parties, p)
		}
	}
	bad := func(field, code, param string) {
		f.Errors[field] = registry.FieldText(l, registry.FieldError{Field: field, Code: code, Param: param})
	}
	for i, p := range f.Parties {
		if !registry.IsOrgRef(p) {
			bad("party", "invalid_reference", "")
			f.Parties = append(f.Parties[:i:i], f.Parties[i+1:]...)
			break
		}
	}
	if f.Region != "" && !registry.IsRegionCode(f.Region) {
		bad("region", "invalid_region", "")
		f.Region = ""
	}
	if f.Area != "" && !registry.IsCode(f.Area) {
		bad("area", "invalid_code", "")
		f.Area = ""
	}
	if f.Status != "" && enumLabel(l, k.status, f.Status) == f.Status {
		bad("status", "invalid_value", strings.Join(codes(l, k.status), " "))
		f.Status = ""
	}
	if f.Kind != "" && enumLabel(l, k.kindEnum, f.Kind) == f.Kind {
		bad(k.kindParam, "invalid_value", strings.Join(codes(l, k.kindEnum), " "))
		f.Kind = ""
	}
	for _, d := range []*string{&f.From, &f.To} {
		*d = strings.TrimSpace(*d)
	}
	f.From, f.To = strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	if _, err := registry.ParseDate(f.From); f.From != "" && err != nil {
		bad("from", "invalid_date", "")
		f.From = ""
	}
	if _, err := registry.ParseDate(f.To); f.To != "" && err != nil {
		bad("to", "invalid_date", "")
		f.To = ""
	}
	return f
}

func codes(l registry.Lang, enum string) []string {
	var out []string
	for _, o := range enumOptions(l, enum) {
		out = append(out, o.Value)
	}
	return out
}

func datePtr(s string) *registry.Date {
	if s == "" {
		return nil
	}
	d, err := registry.ParseDate(s)
	if err != nil {
		return nil
	}
	return &d
}

var agreementKind = &kind{
	path: "agreements", entity: registry.EntityAgreement, name: "console.agreements", one: "console.agreement",
	kindEnum: "agreement_type", kindParam: "type", status: "agreement_status", role: "party_role",
	list: func(ctx context.Context, c *console, f filter) ([]row, string, error) {
		page, err := c.svc.ListAgreementsJSON(ctx, registry.AgreementFilter{Parties: f.Parties, Region: f.Region,
			Status: registry.AgreementStatus(f.Status), Type: registry.AgreementType(f.Kind), Area: f.Area,
			SignedFrom: datePtr(f.From), SignedTo: datePtr(f.To), Q: f.Q, Limit: f.Limit, Cursor: f.Cursor})
		return rowsOfPage(ctx, "agreement_type", "agreement_status", page, err, func(x listItem) (string, string) { return x.Type, dateText(x.SignedOn) })
	},
}

// listItem is what a list row needs of a record's read form: decoding
// only these fields of the stored JSON skips the rest.
type listItem struct {
	ID           string         `json:"id"`
	TitleZh      string         `json:"title_zh"`
	TitleEn      *string        `json:"title_en"`
	Status       string         `json:"status"`
	Type         string         `json:"type"`   // of an agreement
	Format       *string        `json:"format"` // of a consultation
	Kind         *string        `json:"kind"`   // of a joint action
	SignedOn     *registry.Date `json:"signed_on"`
	HeldOn       *registry.Date `json:"held_on"`
	StartedOn    *registry.Date `json:"started_on"`
	EndedOn      *registry.Date `json:"ended_on"`
	ArchivedAt   *string        `json:"archived_at"`
	Parties      []listParty    `json:"parties"`
	Participants []listParty    `json:"participants"`
}

// listParty is a party or participant as a list row shows it.
type listParty struct {
	OrganizationCode string  `json:"organization_code"`
	NameZh           string  `json:"name_zh"`
	NameEn           *string `json:"name_en"`
	Role             string  `json:"role"`
}

// rowsOfPage decodes a page of read forms into list rows, with the labels
// of the kind's enums of kinds and statuses; kindDate gives
// a record's kind code and its date as the list shows them.
func rowsOfPage(ctx context.Context, kindEnum, statusEnum string, page registry.Page[registry.Raw], err error,
	kindDate func(listItem) (string, string)) ([]row, string, error) {
	if err != nil {
		return nil, "", err
	}
	l := viewerOf(ctx).lang
	rows := make([]row, 0, len(page.Items))
	for _, raw := range page.Items {
		var x listItem
		if err := json.Unmarshal(raw.JSON, &x); err != nil {
			return nil, "", fmt.Errorf("read form of %s: %w", raw.ID, err)
		}
		r := row{ID: x.ID, Title: pickText(ctx, x.TitleZh, x.TitleEn), Status: x.Status, Archived: x.ArchivedAt != nil}
		r.Kind, r.Date = kindDate(x)
		r.KindLabel, r.StatusLabel = enumLabel(l, kindEnum, r.Kind), enumLabel(l, statusEnum, r.Status)
		for _, p := range append(x.Parties, x.Participants...) {
			r.Parties, r.Roles = append(r.Parties, p.OrganizationCode), append(r.Roles, p.Role)
			r.PartyNames = append(r.PartyNames, pickText(ctx, p.NameZh, p.NameEn))
		}
		rows = append(rows, r)
	}
	return rows, page.Next, nil
}

func activityFilter(f filter) registry.ActivityFilter {
	return registry.ActivityFilter{Parties: f.Parties, Region: f.Region, Agreement: f.Agreement, Area: f.Area,
		Kind: f.Kind, Status: f.Status, From: datePtr(f.From), To: datePtr(f.To), Q: f.Q, Limit: f.Limit, Cursor: f.Cursor}
}

// deref is the string a pointer holds, or "".
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

var consultationKind = &kind{
	path: "consultations", entity: registry.EntityConsultation, name: "console.consultations", one: "console.consultation",
	kindEnum: "consultation_format", kindParam: "format", status: "consultation_status", role: "consultation_role",
	list: func(ctx context.Context, c *console, f filter) ([]row, string, error) {
		page, err := c.svc.ListConsultationsJSON(ctx, activityFilter(f))
		return rowsOfPage(ctx, "consultation_format", "consultation_status", page, err, func(x listItem) (string, string) { return deref(x.Format), dateText(x.HeldOn) })
	},
}

var jointActionKind = &kind{
	path: "joint-actions", entity: registry.EntityJointAction, name: "console.joint_actions", one: "console.joint_action",
	kindEnum: "joint_action_kind", kindParam: "kind", status: "joint_action_status", role: "joint_action_role",
	list: func(ctx context.Context, c *console, f filter) ([]row, string, error) {
		page, err := c.svc.ListJointActionsJSON(ctx, activityFilter(f))
		return rowsOfPage(ctx, "joint_action_kind", "joint_action_status", page, err, func(x listItem) (string, string) { return deref(x.Kind), period(x.StartedOn, x.EndedOn) })
	},
}

func pickText(ctx context.Context, zh string, en *string) string {
	if viewerOf(ctx).lang == registry.En && en != nil && *en != "" {
		return *en
	}
	return zh
}

func dateText(d *registry.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func period(from, to *registry.Date) string {
	switch {
	case from == nil && to == nil:
		return ""
	case to == nil:
		return from.String() + " –"
	case from == nil:
		return "– " + to.String()
	case from.String() == to.String():
		return from.String()
	}
	return from.String() + " – " + to.String()
}

func errorsIsUnavailable(err error) bool { return errors.Is(err, registry.ErrUnavailable) }

// Path is the kind's place under /console/.
func (k *kind) Path() string { return k.path }

// Entity is the kind's audit entity ("agreement", ...).
func (k *kind) Entity() string { return string(k.entity) }

// Name is the catalogue code of the kind's plural name.
func (k *kind) Name() string { return k.name }

// One is the catalogue code of the kind's singular name.
func (k *kind) One() string { return k.one }

// KindEnum is the enum of the kind filter; KindParam its query name.
func (k *kind) KindEnum() string  { return k.kindEnum }
func (k *kind) KindParam() string { return k.kindParam }

// StatusEnum is the enum of the kind's statuses; RoleEnum of its roles.
func (k *kind) StatusEnum() string { return k.status }
func (k *kind) RoleEnum() string   { return k.role }

// Groups names the kind's repeatable rows with their fields.
func (k *kind) Groups() []group { return k.groups() }

// kindOf finds a kind by its path.
func kindOf(path string) *kind {
	for _, k := range []*kind{agreementKind, consultationKind, jointActionKind} {
		if k.path == path {
			return k
		}
	}
	return nil
}
