package httpapi

import (
	"context"
	"net/http"
	"strconv"

	"github.com/chengyu-collab/registry/internal/registry"
)

// ConsultationStore is the storage of joint consultations.
type ConsultationStore interface {
	CreateConsultation(ctx context.Context, by registry.Actor, c registry.Consultation) (registry.Consultation, error)
	GetConsultation(ctx context.Context, id string) (registry.Consultation, error)
	UpdateConsultation(ctx context.Context, by registry.Actor, id string, version int,
		apply func(cur registry.Consultation) (registry.Consultation, error)) (registry.Consultation, error)
	ArchiveConsultation(ctx context.Context, by registry.Actor, id string, version int) (registry.Consultation, error)
	ListConsultations(ctx context.Context, f registry.ActivityFilter) (registry.Page[registry.Consultation], error)
}

// consultationRequest is the body of POST and (after merging) PATCH
// /v1/consultations.
type consultationRequest struct {
	TitleZh      string                           `json:"title_zh" validate:"required,max=200" maxLength:"200" example:"长寿区政协联合渝北、邻水开展森林防灭火联合协商"`
	TitleEn      *string                          `json:"title_en" validate:"omitnil,notblank,max=200" maxLength:"200" example:"Joint consultation on forest fire prevention" extensions:"x-nullable"`
	TopicZh      *string                          `json:"topic_zh" validate:"omitnil,notblank,max=500" maxLength:"500" example:"森林防灭火" extensions:"x-nullable"`
	TopicEn      *string                          `json:"topic_en" validate:"omitnil,notblank,max=500" maxLength:"500" example:"Forest fire prevention" extensions:"x-nullable"`
	Format       *string                          `json:"format" validate:"omitnil,oneof=meeting seminar field_visit online grassroots" enums:"meeting,seminar,field_visit,online,grassroots" extensions:"x-nullable"`
	HeldOn       *string                          `json:"held_on" validate:"omitnil,partialdate" example:"2023" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	Location     *string                          `json:"location" validate:"omitnil,notblank,max=200" maxLength:"200" example:"重庆市长寿区" extensions:"x-nullable"`
	AgreementID  *string                          `json:"agreement_id" validate:"omitnil,notblank,max=64" format:"uuid" extensions:"x-nullable"`
	AreaCode     *string                          `json:"area_code" validate:"omitnil,code" example:"forest-fire-prevention" extensions:"x-nullable"`
	Status       string                           `json:"status" validate:"omitempty,oneof=planned held cancelled" enums:"planned,held,cancelled" default:"planned"`
	Participants []consultationParticipantRequest `json:"participants" validate:"required,max=100,dive" maxItems:"100"`
	Outcomes     []outcomeRequest                 `json:"outcomes" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
	SummaryZh    *string                          `json:"summary_zh" validate:"omitnil,notblank,max=10000" maxLength:"10000" example:"共同筑牢森林防灭火安全防线。" extensions:"x-nullable"`
	SummaryEn    *string                          `json:"summary_en" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
} // @name ConsultationRequest

type consultationParticipantRequest struct {
	OrganizationID string `json:"organization_id" validate:"required,orgref" example:"changshou-cppcc"`
	Role           string `json:"role" validate:"required,oneof=host co_host participant" enums:"host,co_host,participant" example:"host"`
} // @name ConsultationParticipantRequest

// record converts a validated request into the domain record.
func (req consultationRequest) record() registry.Consultation {
	c := registry.Consultation{TitleZh: req.TitleZh, TitleEn: req.TitleEn, TopicZh: req.TopicZh, TopicEn: req.TopicEn,
		Format: req.Format, HeldOn: parsedDate(req.HeldOn), Location: req.Location, AgreementID: req.AgreementID,
		AreaCode: req.AreaCode, Status: req.Status, SummaryZh: req.SummaryZh, SummaryEn: req.SummaryEn,
		Participants: []registry.Participant{}, Outcomes: outcomesOf(req.Outcomes)}
	if c.Status == "" {
		c.Status = "planned"
	}
	for _, p := range req.Participants {
		c.Participants = append(c.Participants, registry.Participant{OrganizationID: p.OrganizationID, Role: p.Role})
	}
	return c
}

// consultationRequestOf is the request form of a stored consultation: the
// base onto which a merge patch is applied.
func consultationRequestOf(c registry.Consultation) consultationRequest {
	req := consultationRequest{TitleZh: c.TitleZh, TitleEn: c.TitleEn, TopicZh: c.TopicZh, TopicEn: c.TopicEn,
		Format: c.Format, HeldOn: dateString(c.HeldOn), Location: c.Location, AgreementID: c.AgreementID,
		AreaCode: c.AreaCode, Status: c.Status, SummaryZh: c.SummaryZh, SummaryEn: c.SummaryEn,
		Participants: []consultationParticipantRequest{}, Outcomes: outcomeRequestsOf(c.Outcomes)}
	for _, p := range c.Participants {
		req.Participants = append(req.Participants, consultationParticipantRequest{OrganizationID: p.OrganizationID, Role: p.Role})
	}
	return req
}

// ConsultationList is a page of consultations.
type ConsultationList struct {
	Items      []registry.Consultation `json:"items" binding:"required"`
	NextCursor string                  `json:"next_cursor,omitempty"`
} // @name ConsultationList

var consultationCSVHeader = []string{"id", "title_zh", "title_en", "topic_zh", "topic_en", "format", "status", "held_on",
	"location", "agreement_id", "area_code", "participants", "outcomes", "summary_zh", "summary_en",
	"version", "created_at", "updated_at", "archived_at"}

func consultationCSVRows(items []registry.Consultation) [][]string {
	out := make([][]string, 0, len(items))
	for _, c := range items {
		out = append(out, []string{c.ID, c.TitleZh, optText(c.TitleEn), optText(c.TopicZh), optText(c.TopicEn),
			optText(c.Format), c.Status, optDate(c.HeldOn), optText(c.Location), optText(c.AgreementID), optText(c.AreaCode),
			participantsCell(c.Participants), outcomesCell(c.Outcomes), optText(c.SummaryZh), optText(c.SummaryEn),
			strconv.Itoa(c.Version), formatTime(c.CreatedAt), formatTime(c.UpdatedAt), optTime(c.ArchivedAt)})
	}
	return out
}

// consultations describes consultations to the shared activity handlers.
func (h *handler) consultations() *activityAPI[registry.Consultation, consultationRequest] {
	return &activityAPI[registry.Consultation, consultationRequest]{
		path:      "/v1/consultations",
		kindParam: "format",
		kinds:     registry.ConsultationFormats,
		statuses:  registry.ConsultationStatuses,
		csvName:   "consultations",
		csvHeader: consultationCSVHeader,
		csvRows:   consultationCSVRows,
		record:    consultationRequest.record,
		requestOf: consultationRequestOf,
		meta:      func(c registry.Consultation) (string, int) { return c.ID, c.Version },
		create:    h.store.CreateConsultation,
		get:       h.store.GetConsultation,
		update:    h.store.UpdateConsultation,
		archive:   h.store.ArchiveConsultation,
		list:      h.store.ListConsultations,
	}
}

// createConsultation godoc
//
//	@Summary		Register a joint consultation / 登记联合协商
//	@Description	At least two distinct organisations take part, exactly one of them as host. A registrar may register only consultations its organisation takes part in. Status defaults to planned.
//	@ID				createConsultation
//	@Tags			consultations
//	@Accept			json
//	@Produce		json
//	@Param			Idempotency-Key	header		string				false	"1–255 visible ASCII characters; a retry with the same body replays the first answer"
//	@Param			body			body		consultationRequest	true	"The consultation"
//	@Success		201				{object}	registry.Consultation
//	@Header			201				{string}	Location	"URL of the new consultation"
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
//	@Router			/v1/consultations [post]
func (h *handler) createConsultation(w http.ResponseWriter, r *http.Request) {
	h.consultations().serveCreate(h, w, r)
}

// getConsultation godoc
//
//	@Summary	Get a joint consultation / 查询联合协商
//	@ID			getConsultation
//	@Tags		consultations
//	@Produce	json
//	@Param		id				path		string	true	"Consultation UUID"	format(uuid)
//	@Param		If-None-Match	header		string	false	"ETag(s) the client holds; 304 when one is current"
//	@Success	200				{object}	registry.Consultation
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
//	@Router		/v1/consultations/{id} [get]
func (h *handler) getConsultation(w http.ResponseWriter, r *http.Request) {
	h.consultations().serveGet(h, w, r)
}

// patchConsultation godoc
//
//	@Summary		Change a joint consultation / 修改联合协商
//	@Description	JSON merge patch (RFC 7396): objects merge, null clears, arrays replace. A registrar may change only consultations its organisation takes part in and may not remove its own organisation. Archived consultations cannot be changed (409).
//	@ID				patchConsultation
//	@Tags			consultations
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Param			id			path		string				true	"Consultation UUID"	format(uuid)
//	@Param			If-Match	header		string				true	"ETag of the version being changed"
//	@Param			body		body		consultationPatch	true	"Fields to change"
//	@Success		200			{object}	registry.Consultation
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
//	@Router			/v1/consultations/{id} [patch]
func (h *handler) patchConsultation(w http.ResponseWriter, r *http.Request) {
	h.consultations().servePatch(h, w, r)
}

// archiveConsultation godoc
//
//	@Summary		Archive a joint consultation / 归档联合协商
//	@Description	Nothing is ever deleted: the consultation stays readable with archived_at set and leaves the lists unless include_archived=true. Archiving an archived consultation is 409.
//	@ID				archiveConsultation
//	@Tags			consultations
//	@Produce		json
//	@Param			id			path		string	true	"Consultation UUID"	format(uuid)
//	@Param			If-Match	header		string	true	"ETag of the version being archived"
//	@Success		200			{object}	registry.Consultation
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
//	@Router			/v1/consultations/{id} [delete]
func (h *handler) archiveConsultation(w http.ResponseWriter, r *http.Request) {
	h.consultations().serveArchive(h, w, r)
}

// listConsultations godoc
//
//	@Summary		Find joint consultations / 查询联合协商
//	@Description	Newest first by the day held (a partial date sorts by its first day; undated last). `from`/`to` match consultations whose held_on overlaps the range. `format` filters by consultation format; `format=csv` (or `Accept: text/csv`) streams the whole filtered list as CSV (UTF-8 with BOM).
//	@ID				listConsultations
//	@Tags			consultations
//	@Produce		json
//	@Produce		text/csv
//	@Param			party				query		string	false	"Participant organisation (UUID or code)"	extensions(x-example=yubei-cppcc)
//	@Param			region				query		string	false	"Region code; matches any participant in that region or below"
//	@Param			agreement			query		string	false	"Agreement UUID"	format(uuid)
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			format				query		string	false	"Consultation format, or csv/json for the output"	Enums(meeting, seminar, field_visit, online, grassroots, json, csv)
//	@Param			status				query		string	false	"Status"											Enums(planned, held, cancelled)
//	@Param			from				query		string	false	"Held on or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			to					query		string	false	"Held on or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, topics and summaries"
//	@Param			include_archived	query		bool	false	"Include archived consultations"
//	@Param			limit				query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	ConsultationList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure		401					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/consultations [get]
func (h *handler) listConsultations(w http.ResponseWriter, r *http.Request) {
	h.consultations().serveList(h, w, r, nil)
}

// listAgreementConsultations godoc
//
//	@Summary		Consultations under an agreement / 协议下的联合协商
//	@Description	The consultations that refer to the agreement, with the filters and order of /v1/consultations.
//	@ID				listAgreementConsultations
//	@Tags			consultations
//	@Produce		json
//	@Produce		text/csv
//	@Param			id					path		string	true	"Agreement UUID"	format(uuid)
//	@Param			party				query		string	false	"Participant organisation (UUID or code)"
//	@Param			region				query		string	false	"Region code; matches any participant in that region or below"
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			format				query		string	false	"Consultation format, or csv/json for the output"	Enums(meeting, seminar, field_visit, online, grassroots, json, csv)
//	@Param			status				query		string	false	"Status"											Enums(planned, held, cancelled)
//	@Param			from				query		string	false	"Held on or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			to					query		string	false	"Held on or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, topics and summaries"
//	@Param			include_archived	query		bool	false	"Include archived consultations"
//	@Param			limit				query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	ConsultationList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure		401					{object}	Problem
//	@Failure		404					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id}/consultations [get]
func (h *handler) listAgreementConsultations(w http.ResponseWriter, r *http.Request) {
	h.consultations().serveList(h, w, r, h.ofAgreement(r))
}

// listOrganizationConsultations godoc
//
//	@Summary		Consultations of an organisation / 组织参与的联合协商
//	@Description	Every consultation the organisation took part in, in any role, with the filters and order of /v1/consultations.
//	@ID				listOrganizationConsultations
//	@Tags			consultations
//	@Produce		json
//	@Produce		text/csv
//	@Param			id					path		string	true	"Organisation UUID or code"	extensions(x-example=changshou-cppcc)
//	@Param			region				query		string	false	"Region code; matches any participant in that region or below"
//	@Param			agreement			query		string	false	"Agreement UUID"	format(uuid)
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			format				query		string	false	"Consultation format, or csv/json for the output"	Enums(meeting, seminar, field_visit, online, grassroots, json, csv)
//	@Param			status				query		string	false	"Status"											Enums(planned, held, cancelled)
//	@Param			from				query		string	false	"Held on or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			to					query		string	false	"Held on or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, topics and summaries"
//	@Param			include_archived	query		bool	false	"Include archived consultations"
//	@Param			limit				query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	ConsultationList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure		401					{object}	Problem
//	@Failure		404					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/organizations/{id}/consultations [get]
func (h *handler) listOrganizationConsultations(w http.ResponseWriter, r *http.Request) {
	h.consultations().serveList(h, w, r, h.ofOrganization(r))
}
