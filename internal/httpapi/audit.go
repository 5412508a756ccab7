package httpapi

import (
	"net/http"
	"strings"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// AuditList is a page of audit entries.
type AuditList struct {
	// 本页的记录；为空时为 []，不为 null / the records of this page; [] when empty, never null
	Items []registry.AuditEntry `json:"items" binding:"required"`
	// 下一页的游标，原样作为 cursor 参数发送；最后一页没有此字段 / cursor of the next page, to send unchanged as cursor; absent on the last page
	NextCursor string `json:"next_cursor,omitempty" example:"WyI0MiJd"`
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

func (h *handler) listAudit(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	f := registry.AuditFilter{
		Entity:            registry.AuditEntity(q.oneOf("entity", registry.AuditEntities.Codes())),
		EntityID:          q.text("entity_id"),
		Actor:             q.uuid("actor"),
		ActorOrganization: q.orgRef("actor_organization"),
		From:              q.auditBound("from", false),
		To:                q.auditBound("to", true),
		Limit:             q.limit(),
		Cursor:            q.str("cursor"),
	}
	if err := q.done(); err != nil {
		h.writeError(w, r, err)
		return
	}
	actor, _ := actorOf(r.Context())
	page, err := h.svc.ListAudit(r.Context(), actor, f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}
