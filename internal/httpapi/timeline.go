package httpapi

import (
	"net/http"

	"github.com/chengyu-collab/registry/internal/registry"
)

// TimelineList is a page of an agreement's timeline.
type TimelineList struct {
	Items      []registry.TimelineItem `json:"items" binding:"required"`
	NextCursor string                  `json:"next_cursor,omitempty"`
} // @name TimelineList

func (h *handler) agreementTimeline(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	limit, cursor := q.limit(), q.str("cursor")
	if err := q.done(); err != nil {
		h.writeError(w, r, err)
		return
	}
	page, err := h.svc.Timeline(r.Context(), pathParam(r, "id"), limit, cursor)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}
