package httpapi

import (
	"net/http"
	"strings"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// AuditList is a page of audit entries.
type AuditList struct {
	Items      []registry.AuditEntry `json:"items" binding:"required"`
	NextCursor string                `json:"next_cursor,omitempty"`
} // @name AuditList

// auditBound parses an RFC 3339 timestamp, or a date meaning the whole UTC
// day (its start for from, its end for to).
func (q *query) auditBound(name string, end bool) *time.Time {
	v := q.str(name)
	if v == "" {
		return nil
	}
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return &t
	}
	if d, err := time.Parse(time.DateOnly, v); err == nil && !strings.ContainsAny(v, "T ") {
		if end {
			d = d.Add(24*time.Hour - time.Nanosecond)
		}
		return &d
	}
	q.bad(name, "invalid_timestamp", "", v)
	return nil
}

// listAudit godoc
//
//	@Summary		Audit log (admin) / 审计日志
//	@Description	Every successful write appends one entry, in the write's own transaction; entries are never changed or deleted. Oldest first. `from`/`to` are RFC 3339 timestamps, or dates meaning whole UTC days; both ends inclusive.
//	@ID				listAudit
//	@Tags			audit
//	@Produce		json
//	@Param			entity				query		string	false	"Entity"	Enums(agreement, consultation, joint_action, organization, cooperation_area)
//	@Param			entity_id			query		string	false	"Entity id (UUID, or code for cooperation areas)"
//	@Param			actor				query		string	false	"API key id"	format(uuid)
//	@Param			actor_organization	query		string	false	"Organisation of the actor (UUID or code)"
//	@Param			from				query		string	false	"From (inclusive)"
//	@Param			to					query		string	false	"To (inclusive)"
//	@Param			limit				query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	AuditList
//	@Failure		400					{object}	Problem
//	@Failure		401					{object}	Problem
//	@Failure		403					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/audit [get]
func (h *handler) listAudit(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	f := registry.AuditFilter{
		Entity:            q.oneOf("entity", []string{registry.EntityAgreement, registry.EntityConsultation, registry.EntityJointAction, registry.EntityOrganization, registry.EntityCooperationArea}),
		EntityID:          q.text("entity_id"),
		Actor:             q.uuid("actor"),
		ActorOrganization: q.orgRef("actor_organization"),
		From:              q.auditBound("from", false),
		To:                q.auditBound("to", true),
		Limit:             q.limit(),
		Cursor:            q.str("cursor"),
	}
	if q.err != nil {
		h.writeError(w, r, q.err)
		return
	}
	page, err := h.store.ListAudit(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}
