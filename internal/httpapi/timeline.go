package httpapi

import (
	"net/http"

	"github.com/chengyu-collab/registry/internal/registry"
)

// TimelineList is a page of an agreement's timeline.
type TimelineList struct {
	// 本页的事件，从早到晚；为空时为 []，不为 null / the events of this page, oldest first; [] when empty, never null
	Items []registry.TimelineItem `json:"items" binding:"required"`
	// 下一页的游标，原样作为 cursor 参数发送；最后一页没有此字段 / cursor of the next page, to send unchanged as cursor; absent on the last page
	NextCursor string `json:"next_cursor,omitempty" example:"WyIyMDIzLTA1LTE4VDAwOjAwOjAwWiIsIjEiLCIwMTkzYTVjMi03ZDFlLTdjNGYtOWE3MC0xZjFjMmIzZDRlNWYiXQ"`
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
