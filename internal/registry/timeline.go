package registry

import "context"

// TimelineItem is one event of an agreement's timeline.
type TimelineItem struct {
	// 事件日期：部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；仅见于审计日志的事件（状态变更、建立关联、添加文件）为 RFC 3339 时间 / when it happened: a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; an RFC 3339 time for events known only from the audit (status changes, links made, files added)
	On string `json:"on" binding:"required" example:"2023-05-18"`
	// 事件类别 / kind of event
	Kind TimelineKind `json:"kind" binding:"required"`
	// 事件所涉记录的类别：签署与状态变更为协议，一方签署为组织，关联为另一协议，其余为联合协商、联合履职、后续事项或文件 / kind of record the event is about: the agreement for its signing and status changes, the organisation for a party's signing, the other agreement for a link, else the consultation, joint action, milestone or file
	RecordType string `json:"record_type" binding:"required" enums:"agreement,organization,consultation,joint_action,milestone,file" example:"agreement"`
	// 事件所涉记录的 UUID / UUID of the record the event is about
	RecordID string `json:"record_id" binding:"required" format:"uuid" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 该记录的中文标题或名称；状态变更时为新状态的中文名称 / title or name in Chinese of that record; for a status change, the new status in Chinese
	TitleZh string `json:"title_zh" binding:"required" example:"重庆市长寿区政协与四川省彭州市政协友好政协交流合作框架协议"`
	// 该记录的英文标题或名称，没有时为 null；状态变更时为新状态的英文名称 / title or name in English of that record, null when it has none; for a status change, the new status in English
	TitleEn *string `json:"title_en" binding:"required" extensions:"x-nullable" example:"Framework agreement on friendly exchange and cooperation"`
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
	// The agreement must exist; its stored read form, where the store
	// keeps one, is the cheapest read of it (one row).
	id := agreementID
	if rr := s.rawReads(); rr != nil {
		raw, err := rr.GetAgreementJSON(ctx, agreementID)
		if err != nil {
			return Page[TimelineItem]{}, err
		}
		id = raw.ID
	} else {
		ag, err := s.store.GetAgreement(ctx, agreementID)
		if err != nil {
			return Page[TimelineItem]{}, err
		}
		id = ag.ID
	}
	page, err := s.store.ListTimeline(ctx, id, limit, cursor)
	for i, it := range page.Items {
		if it.Kind == TimelineStatusChanged {
			code := AgreementStatus(it.TitleZh)
			en := AgreementStatuses.Label("en", code)
			page.Items[i].TitleZh, page.Items[i].TitleEn = AgreementStatuses.Label("zh", code), &en
		}
	}
	return page, err
}
