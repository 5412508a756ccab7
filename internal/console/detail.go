package console

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/chengyu-collab/registry/internal/registry"
)

// historyLine is one audit entry in words.
type historyLine struct {
	At, Who, Text string
}

// detailData is what a detail page shows.
type detailData struct {
	Kind          *kind
	Record        any
	Names         *names
	Consultations []row
	JointActions  []row
	Agreement     *titleRef // the agreement a consultation or joint action belongs to
	History       []historyLine
	MayEdit       bool
	// Of an agreement: the agreements it links to and those linking to
	// it, its milestones and its files.
	Relations  []relationLine
	Milestones []milestoneLine
	Files      []registry.File
}

// titleRef is what a link to another record needs of its read form.
type titleRef struct {
	ID      string  `json:"id"`
	TitleZh string  `json:"title_zh"`
	TitleEn *string `json:"title_en"`
}

// agreementTitle reads an agreement's id and titles from its read form.
func (c *console) agreementTitle(ctx context.Context, id string) (titleRef, error) {
	var t titleRef
	raw, err := c.svc.GetAgreementJSON(ctx, id)
	if err == nil {
		err = json.Unmarshal(raw.JSON, &t)
	}
	return t, err
}

// relationLine is a link between two agreements in words.
type relationLine struct {
	ID, Title, Text string
}

// agreementLinks fills an agreement's relations both ways, its
// milestones and its files.
func (c *console) agreementLinks(ctx context.Context, d *detailData, a registry.Agreement) error {
	l := viewerOf(ctx).lang
	kindText := func(code string, k registry.RelationKind) string {
		label := enumLabel(l, "relation_kind", string(k))
		if l == registry.En {
			label = strings.ToLower(label)
		}
		return registry.Text(l, code, registry.Args{"kind": label})
	}
	for _, r := range a.Relations {
		title := r.AgreementID
		if b, err := c.agreementTitle(ctx, r.AgreementID); err == nil {
			title = pickText(ctx, b.TitleZh, b.TitleEn)
		}
		d.Relations = append(d.Relations, relationLine{ID: r.AgreementID, Title: title, Text: kindText("console.relation.to", r.Kind)})
	}
	for _, r := range a.RelatedFrom {
		d.Relations = append(d.Relations, relationLine{ID: r.AgreementID, Title: pickText(ctx, r.TitleZh, r.TitleEn),
			Text: kindText("console.relation.from", r.Kind)})
	}
	ms, err := c.svc.ListMilestones(ctx, registry.MilestoneFilter{Agreement: a.ID, Limit: 200})
	if err != nil {
		return err
	}
	d.Milestones = make([]milestoneLine, 0, len(ms.Items))
	for _, m := range ms.Items {
		d.Milestones = append(d.Milestones, milestoneLine{Milestone: m, Title: pickText(ctx, m.TitleZh, m.TitleEn)})
	}
	files, err := c.svc.ListFiles(ctx, registry.FileOnAgreement, a.ID, false, 200, "")
	if err != nil {
		return err
	}
	d.Files = files.Items
	return nil
}

// readForm decodes a record from its stored read form: one row read,
// where the structured read assembles it from every child table.
func readForm[T any](raw registry.Raw, err error) (T, error) {
	var x T
	if err != nil {
		return x, err
	}
	if err := json.Unmarshal(raw.JSON, &x); err != nil {
		return x, fmt.Errorf("read form of %s: %w", raw.ID, err)
	}
	return x, nil
}

func (c *console) detail(k *kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		id := r.PathValue("id")
		d := detailData{Kind: k, Names: c.names(ctx)}
		var err error
		var parts func(org string) bool
		var agreementID *string
		switch k {
		case agreementKind:
			var a registry.Agreement
			a, err = readForm[registry.Agreement](c.svc.GetAgreementJSON(ctx, id))
			d.Record, parts = a, a.HasParty
			if err == nil {
				err = c.agreementLinks(ctx, &d, a)
			}
			if err == nil {
				f := filter{Agreement: a.ID, Limit: 50}
				if d.Consultations, _, err = consultationKind.list(ctx, c, f); err == nil {
					d.JointActions, _, err = jointActionKind.list(ctx, c, f)
				}
			}
		case consultationKind:
			var x registry.Consultation
			x, err = readForm[registry.Consultation](c.svc.GetConsultationJSON(ctx, id))
			d.Record, parts, agreementID = x, x.HasParticipant, x.AgreementID
		default:
			var x registry.JointAction
			x, err = readForm[registry.JointAction](c.svc.GetJointActionJSON(ctx, id))
			d.Record, parts, agreementID = x, x.HasParticipant, x.AgreementID
		}
		if errors.Is(err, registry.ErrNotFound) || errors.Is(err, registry.ErrBadRequest) {
			c.fail(w, r, http.StatusNotFound, "console.error.not_found")
			return
		}
		if err != nil {
			c.serverError(w, r, err)
			return
		}
		if agreementID != nil {
			if a, err := c.agreementTitle(ctx, *agreementID); err == nil {
				d.Agreement = &a
			}
		}
		if u := viewerOf(ctx).user; u != nil && registry.MayWrite(u.Actor("")) == nil {
			d.MayEdit = u.Role == registry.RoleAdmin || (u.OrganizationID != nil && parts(*u.OrganizationID))
		}
		if d.History, err = c.history(ctx, k, id); err != nil {
			c.serverError(w, r, err)
			return
		}
		c.render(w, r, http.StatusOK, k.entityTemplate(), k.one, k.path, d)
	}
}

func (k *kind) entityTemplate() string { return string(k.entity) }

// history tells a record's audit entries in words: who, when, what —
// "长寿区政协联络员 于 2023-06-01 将状态由 已签署 改为 生效".
func (c *console) history(ctx context.Context, k *kind, id string) ([]historyLine, error) {
	page, err := c.svc.History(ctx, k.entity, id, 200, "")
	if err != nil {
		return nil, err
	}
	l := viewerOf(ctx).lang
	users := map[string]string{}
	var lines []historyLine
	for _, e := range page.Items {
		who := registry.Text(l, "console.history.system", nil)
		switch {
		case e.ActorUserID != nil:
			name, ok := users[*e.ActorUserID]
			if !ok {
				name = registry.Text(l, "console.history.someone", nil)
				if u, err := c.accounts.User(ctx, *e.ActorUserID); err == nil {
					name = u.DisplayName
				}
				users[*e.ActorUserID] = name
			}
			who = name
		case e.ActorKeyID != nil:
			who = registry.Text(l, "console.history.api_key", nil)
			if e.ActorOrganizationID != nil {
				who = c.names(ctx).OrgName(*e.ActorOrganizationID) + " " + who
			}
		}
		line := historyLine{At: e.At.In(chinaTime).Format("2006-01-02 15:04"), Who: who}
		var before, after struct {
			Status string `json:"status"`
		}
		_ = json.Unmarshal(e.Before, &before)
		_ = json.Unmarshal(e.After, &after)
		switch {
		case e.Action == registry.ActionUpdate && before.Status != after.Status:
			line.Text = registry.Text(l, "console.history.status", registry.Args{
				"from": enumLabel(l, k.status, before.Status), "to": enumLabel(l, k.status, after.Status)})
		default:
			line.Text = registry.Text(l, "console.history."+string(e.Action), nil)
		}
		lines = append(lines, line)
	}
	return lines, nil
}
