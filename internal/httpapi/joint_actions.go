package httpapi

import (
	"context"
	"net/http"
	"strconv"

	"github.com/chengyu-collab/registry/internal/registry"
)

// JointActionStore is the storage of joint duty actions.
type JointActionStore interface {
	CreateJointAction(ctx context.Context, by registry.Actor, j registry.JointAction) (registry.JointAction, error)
	GetJointAction(ctx context.Context, id string) (registry.JointAction, error)
	UpdateJointAction(ctx context.Context, by registry.Actor, id string, version int,
		apply func(cur registry.JointAction) (registry.JointAction, error)) (registry.JointAction, error)
	ArchiveJointAction(ctx context.Context, by registry.Actor, id string, version int) (registry.JointAction, error)
	ListJointActions(ctx context.Context, f registry.ActivityFilter) (registry.Page[registry.JointAction], error)
}

// jointActionRequest is the body of POST and (after merging) PATCH
// /v1/joint-actions.
type jointActionRequest struct {
	TitleZh      string                          `json:"title_zh" validate:"required,max=200" maxLength:"200" example:"“丹青润川渝 翰墨润寿乡”川渝地区书画联展"`
	TitleEn      *string                         `json:"title_en" validate:"omitnil,notblank,max=200" maxLength:"200" example:"Sichuan–Chongqing calligraphy and painting exhibition" extensions:"x-nullable"`
	ThemeZh      *string                         `json:"theme_zh" validate:"omitnil,notblank,max=500" maxLength:"500" example:"丹青润川渝 翰墨润寿乡" extensions:"x-nullable"`
	ThemeEn      *string                         `json:"theme_en" validate:"omitnil,notblank,max=500" maxLength:"500" extensions:"x-nullable"`
	Kind         *string                         `json:"kind" validate:"omitnil,oneof=inspection research proposal supervision exhibition publicity other" enums:"inspection,research,proposal,supervision,exhibition,publicity,other" example:"exhibition" extensions:"x-nullable"`
	StartedOn    *string                         `json:"started_on" validate:"omitnil,partialdate" example:"2023" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	EndedOn      *string                         `json:"ended_on" validate:"omitnil,partialdate" example:"2023-12" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	Location     *string                         `json:"location" validate:"omitnil,notblank,max=200" maxLength:"200" example:"重庆市长寿区" extensions:"x-nullable"`
	AgreementID  *string                         `json:"agreement_id" validate:"omitnil,notblank,max=64" format:"uuid" extensions:"x-nullable"`
	AreaCode     *string                         `json:"area_code" validate:"omitnil,code" example:"culture-tourism" extensions:"x-nullable"`
	Status       string                          `json:"status" validate:"omitempty,oneof=planned ongoing completed cancelled" enums:"planned,ongoing,completed,cancelled" default:"planned"`
	Participants []jointActionParticipantRequest `json:"participants" validate:"required,max=100,dive" maxItems:"100"`
	Outcomes     []outcomeRequest                `json:"outcomes" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
	SummaryZh    *string                         `json:"summary_zh" validate:"omitnil,notblank,max=10000" maxLength:"10000" example:"推动文化合作与艺术交流。" extensions:"x-nullable"`
	SummaryEn    *string                         `json:"summary_en" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
} // @name JointActionRequest

type jointActionParticipantRequest struct {
	OrganizationID string `json:"organization_id" validate:"required,orgref" example:"changshou-cppcc"`
	Role           string `json:"role" validate:"required,oneof=lead partner supporter" enums:"lead,partner,supporter" example:"lead"`
} // @name JointActionParticipantRequest

// record converts a validated request into the domain record.
func (req jointActionRequest) record() registry.JointAction {
	j := registry.JointAction{TitleZh: req.TitleZh, TitleEn: req.TitleEn, ThemeZh: req.ThemeZh, ThemeEn: req.ThemeEn,
		Kind: req.Kind, StartedOn: parsedDate(req.StartedOn), EndedOn: parsedDate(req.EndedOn), Location: req.Location,
		AgreementID: req.AgreementID, AreaCode: req.AreaCode, Status: req.Status, SummaryZh: req.SummaryZh,
		SummaryEn: req.SummaryEn, Participants: []registry.Participant{}, Outcomes: outcomesOf(req.Outcomes)}
	if j.Status == "" {
		j.Status = "planned"
	}
	for _, p := range req.Participants {
		j.Participants = append(j.Participants, registry.Participant{OrganizationID: p.OrganizationID, Role: p.Role})
	}
	return j
}

// jointActionRequestOf is the request form of a stored joint action: the
// base onto which a merge patch is applied.
func jointActionRequestOf(j registry.JointAction) jointActionRequest {
	req := jointActionRequest{TitleZh: j.TitleZh, TitleEn: j.TitleEn, ThemeZh: j.ThemeZh, ThemeEn: j.ThemeEn,
		Kind: j.Kind, StartedOn: dateString(j.StartedOn), EndedOn: dateString(j.EndedOn), Location: j.Location,
		AgreementID: j.AgreementID, AreaCode: j.AreaCode, Status: j.Status, SummaryZh: j.SummaryZh, SummaryEn: j.SummaryEn,
		Participants: []jointActionParticipantRequest{}, Outcomes: outcomeRequestsOf(j.Outcomes)}
	for _, p := range j.Participants {
		req.Participants = append(req.Participants, jointActionParticipantRequest{OrganizationID: p.OrganizationID, Role: p.Role})
	}
	return req
}

// JointActionList is a page of joint actions.
type JointActionList struct {
	Items      []registry.JointAction `json:"items" binding:"required"`
	NextCursor string                 `json:"next_cursor,omitempty"`
} // @name JointActionList

var jointActionCSVHeader = []string{"id", "title_zh", "title_en", "theme_zh", "theme_en", "kind", "status", "started_on",
	"ended_on", "location", "agreement_id", "area_code", "participants", "outcomes", "summary_zh", "summary_en",
	"version", "created_at", "updated_at", "archived_at"}

func jointActionCSVRows(items []registry.JointAction) [][]string {
	out := make([][]string, 0, len(items))
	for _, j := range items {
		out = append(out, []string{j.ID, j.TitleZh, optText(j.TitleEn), optText(j.ThemeZh), optText(j.ThemeEn),
			optText(j.Kind), j.Status, optDate(j.StartedOn), optDate(j.EndedOn), optText(j.Location), optText(j.AgreementID),
			optText(j.AreaCode), participantsCell(j.Participants), outcomesCell(j.Outcomes), optText(j.SummaryZh),
			optText(j.SummaryEn), strconv.Itoa(j.Version), formatTime(j.CreatedAt), formatTime(j.UpdatedAt), optTime(j.ArchivedAt)})
	}
	return out
}

// jointActions describes joint actions to the shared activity handlers.
func (h *handler) jointActions() *activityAPI[registry.JointAction, jointActionRequest] {
	return &activityAPI[registry.JointAction, jointActionRequest]{
		path:      "/v1/joint-actions",
		kindParam: "kind",
		kinds:     registry.JointActionKinds,
		statuses:  registry.JointActionStatuses,
		csvName:   "joint-actions",
		csvHeader: jointActionCSVHeader,
		csvRows:   jointActionCSVRows,
		record:    jointActionRequest.record,
		requestOf: jointActionRequestOf,
		meta:      func(j registry.JointAction) (string, int) { return j.ID, j.Version },
		create:    h.store.CreateJointAction,
		get:       h.store.GetJointAction,
		update:    h.store.UpdateJointAction,
		archive:   h.store.ArchiveJointAction,
		list:      h.store.ListJointActions,
	}
}

// createJointAction godoc
//
//	@Summary		Register a joint duty action / 登记联合履职活动
//	@Description	At least two distinct organisations take part, at least one of them as lead; ended_on is not before started_on. A registrar may register only joint actions its organisation takes part in. Status defaults to planned.
//	@ID				createJointAction
//	@Tags			joint-actions
//	@Accept			json
//	@Produce		json
//	@Param			Idempotency-Key	header		string				false	"1–255 visible ASCII characters; a retry with the same body replays the first answer"
//	@Param			body			body		jointActionRequest	true	"The joint action"
//	@Success		201				{object}	registry.JointAction
//	@Header			201				{string}	Location	"URL of the new joint action"
//	@Header			201				{string}	ETag		"Version of the record"
//	@Failure		400				{object}	Problem
//	@Failure		401				{object}	Problem
//	@Failure		403				{object}	Problem
//	@Failure		409				{object}	Problem	"The same Idempotency-Key still in flight"
//	@Failure		413				{object}	Problem
//	@Failure		415				{object}	Problem
//	@Failure		422				{object}	Problem
//	@Failure		429				{object}	Problem
//	@Failure		503				{object}	Problem
//	@Failure		default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/joint-actions [post]
func (h *handler) createJointAction(w http.ResponseWriter, r *http.Request) {
	h.jointActions().serveCreate(h, w, r)
}

// getJointAction godoc
//
//	@Summary	Get a joint duty action / 查询联合履职活动
//	@ID			getJointAction
//	@Tags		joint-actions
//	@Produce	json
//	@Param		id				path		string	true	"Joint action UUID"	format(uuid)
//	@Param		If-None-Match	header		string	false	"ETag(s) the client holds; 304 when one is current"
//	@Success	200				{object}	registry.JointAction
//	@Header		200				{string}	ETag			"Version of the record; send it back in If-Match"
//	@Header		200				{string}	Cache-Control	"no-cache: revalidate with If-None-Match"
//	@Success	304				"Not modified: the record still has the ETag sent in If-None-Match; no body"
//	@Header		304				{string}	ETag	"Version of the record"
//	@Failure	401				{object}	Problem
//	@Failure	404				{object}	Problem
//	@Failure	429				{object}	Problem	"Rate limited; see Retry-After"
//	@Failure	503				{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure	default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/joint-actions/{id} [get]
func (h *handler) getJointAction(w http.ResponseWriter, r *http.Request) {
	h.jointActions().serveGet(h, w, r)
}

// patchJointAction godoc
//
//	@Summary		Change a joint duty action / 修改联合履职活动
//	@Description	JSON merge patch (RFC 7396): objects merge, null clears, arrays replace. A registrar may change only joint actions its organisation takes part in and may not remove its own organisation. Archived joint actions cannot be changed (409).
//	@ID				patchJointAction
//	@Tags			joint-actions
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Param			id			path		string				true	"Joint action UUID"	format(uuid)
//	@Param			If-Match	header		string				true	"ETag of the version being changed"
//	@Param			body		body		jointActionPatch	true	"Fields to change"
//	@Success		200			{object}	registry.JointAction
//	@Header			200			{string}	ETag	"Version of the record"
//	@Failure		400			{object}	Problem
//	@Failure		401			{object}	Problem
//	@Failure		403			{object}	Problem
//	@Failure		404			{object}	Problem
//	@Failure		409			{object}	Problem
//	@Failure		412			{object}	Problem
//	@Failure		413			{object}	Problem
//	@Failure		415			{object}	Problem
//	@Failure		422			{object}	Problem
//	@Failure		428			{object}	Problem
//	@Failure		429			{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503			{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default		{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/joint-actions/{id} [patch]
func (h *handler) patchJointAction(w http.ResponseWriter, r *http.Request) {
	h.jointActions().servePatch(h, w, r)
}

// archiveJointAction godoc
//
//	@Summary		Archive a joint duty action / 归档联合履职活动
//	@Description	Nothing is ever deleted: the joint action stays readable with archived_at set and leaves the lists unless include_archived=true. Archiving an archived joint action is 409.
//	@ID				archiveJointAction
//	@Tags			joint-actions
//	@Produce		json
//	@Param			id			path		string	true	"Joint action UUID"	format(uuid)
//	@Param			If-Match	header		string	true	"ETag of the version being archived"
//	@Success		200			{object}	registry.JointAction
//	@Header			200			{string}	ETag	"Version of the record"
//	@Failure		401			{object}	Problem
//	@Failure		403			{object}	Problem
//	@Failure		404			{object}	Problem
//	@Failure		409			{object}	Problem
//	@Failure		412			{object}	Problem
//	@Failure		428			{object}	Problem
//	@Failure		429			{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503			{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default		{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/joint-actions/{id} [delete]
func (h *handler) archiveJointAction(w http.ResponseWriter, r *http.Request) {
	h.jointActions().serveArchive(h, w, r)
}

// listJointActions godoc
//
//	@Summary		Find joint duty actions / 查询联合履职活动
//	@Description	Newest first by start (a partial date sorts by its first day; undated last). `from`/`to` match joint actions whose period, started_on…ended_on (or just started_on when there is no end), overlaps the range: an action from 2022-11 to 2023-02 is found by from=2023&to=2023. With `Accept: text/csv` or `format=csv` the whole filtered list is streamed as CSV (UTF-8 with BOM).
//	@ID				listJointActions
//	@Tags			joint-actions
//	@Produce		json
//	@Produce		text/csv
//	@Param			party				query		string	false	"Participant organisation (UUID or code)"	extensions(x-example=changshou-jiusan)
//	@Param			region				query		string	false	"Region code; matches any participant in that region or below"
//	@Param			agreement			query		string	false	"Agreement UUID"	format(uuid)
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			kind				query		string	false	"Kind"		Enums(inspection, research, proposal, supervision, exhibition, publicity, other)
//	@Param			status				query		string	false	"Status"	Enums(planned, ongoing, completed, cancelled)
//	@Param			from				query		string	false	"Going on at or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			to					query		string	false	"Going on at or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, themes and summaries"
//	@Param			include_archived	query		bool	false	"Include archived joint actions"
//	@Param			format				query		string	false	"csv for a CSV export"	Enums(json, csv)
//	@Param			limit				query		int		false	"Page size"				minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	JointActionList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure		401					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/joint-actions [get]
func (h *handler) listJointActions(w http.ResponseWriter, r *http.Request) {
	h.jointActions().serveList(h, w, r, nil)
}

// listAgreementJointActions godoc
//
//	@Summary		Joint actions under an agreement / 协议下的联合履职活动
//	@Description	The joint actions that refer to the agreement, with the filters and order of /v1/joint-actions.
//	@ID				listAgreementJointActions
//	@Tags			joint-actions
//	@Produce		json
//	@Produce		text/csv
//	@Param			id					path		string	true	"Agreement UUID"	format(uuid)
//	@Param			party				query		string	false	"Participant organisation (UUID or code)"
//	@Param			region				query		string	false	"Region code; matches any participant in that region or below"
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			kind				query		string	false	"Kind"		Enums(inspection, research, proposal, supervision, exhibition, publicity, other)
//	@Param			status				query		string	false	"Status"	Enums(planned, ongoing, completed, cancelled)
//	@Param			from				query		string	false	"Going on at or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			to					query		string	false	"Going on at or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, themes and summaries"
//	@Param			include_archived	query		bool	false	"Include archived joint actions"
//	@Param			format				query		string	false	"csv for a CSV export"	Enums(json, csv)
//	@Param			limit				query		int		false	"Page size"				minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	JointActionList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure		401					{object}	Problem
//	@Failure		404					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id}/joint-actions [get]
func (h *handler) listAgreementJointActions(w http.ResponseWriter, r *http.Request) {
	h.jointActions().serveList(h, w, r, h.ofAgreement(r))
}

// listOrganizationJointActions godoc
//
//	@Summary		Joint actions of an organisation / 组织参与的联合履职活动
//	@Description	Every joint action the organisation took part in, in any role, with the filters and order of /v1/joint-actions.
//	@ID				listOrganizationJointActions
//	@Tags			joint-actions
//	@Produce		json
//	@Produce		text/csv
//	@Param			id					path		string	true	"Organisation UUID or code"	extensions(x-example=changshou-cppcc)
//	@Param			region				query		string	false	"Region code; matches any participant in that region or below"
//	@Param			agreement			query		string	false	"Agreement UUID"	format(uuid)
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			kind				query		string	false	"Kind"		Enums(inspection, research, proposal, supervision, exhibition, publicity, other)
//	@Param			status				query		string	false	"Status"	Enums(planned, ongoing, completed, cancelled)
//	@Param			from				query		string	false	"Going on at or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			to					query		string	false	"Going on at or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, themes and summaries"
//	@Param			include_archived	query		bool	false	"Include archived joint actions"
//	@Param			format				query		string	false	"csv for a CSV export"	Enums(json, csv)
//	@Param			limit				query		int		false	"Page size"				minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	JointActionList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure		401					{object}	Problem
//	@Failure		404					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/organizations/{id}/joint-actions [get]
func (h *handler) listOrganizationJointActions(w http.ResponseWriter, r *http.Request) {
	h.jointActions().serveList(h, w, r, h.ofOrganization(r))
}
