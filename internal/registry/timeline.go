package registry

import "context"

// TimelineItem is one event of an agreement's timeline.
type TimelineItem struct {
	// On is a (partial) date, or an RFC 3339 time for events known only
	// from the audit (status changes, links made, files added).
	On         string       `json:"on" binding:"required" example:"2023-05-18"`
	Kind       TimelineKind `json:"kind" binding:"required"`
	RecordType string       `json:"record_type" binding:"required" enums:"agreement,organization,consultation,joint_action,milestone,file" example:"agreement"`
	RecordID   string       `json:"record_id" binding:"required" format:"uuid"`
	TitleZh    string       `json:"title_zh" binding:"required" example:"重庆市长寿区政协与四川省彭州市政协友好政协交流合作框架协议"`
	TitleEn    *string      `json:"title_en" binding:"required" extensions:"x-nullable"`
} // @name TimelineItem

// TimelineReads reads an agreement's timeline, oldest first, keyset
// paged. Status changes come with the new status code as their title;
// the Service names it.
type TimelineReads interface {
	ListTimeline(ctx context.Context, agreementID string, limit int, cursor string) (Page[TimelineItem], error)
}

// Timeline returns what happened under an agreement, oldest first: its
// signing, each party's signing, its status changes, its links to and
// from other agreements, the consultations and joint actions under it,
// its milestones due and done, and its files added.
func (s *Service) Timeline(ctx context.Context, agreementID string, limit int, cursor string) (Page[TimelineItem], error) {
	ag, err := s.store.GetAgreement(ctx, agreementID)
	if err != nil {
		return Page[TimelineItem]{}, err
	}
	page, err := s.store.ListTimeline(ctx, ag.ID, limit, cursor)
	for i, it := range page.Items {
		if it.Kind == TimelineStatusChanged {
			code := AgreementStatus(it.TitleZh)
			en := AgreementStatuses.Label("en", code)
			page.Items[i].TitleZh, page.Items[i].TitleEn = AgreementStatuses.Label("zh", code), &en
		}
	}
	return page, err
}
