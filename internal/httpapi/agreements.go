package httpapi

import (
	"context"
	"net/http"

	"github.com/chengyu-collab/registry/internal/registry"
)

// AgreementStore is the storage of agreements.
type AgreementStore interface {
	CreateAgreement(ctx context.Context, by registry.Actor, a registry.Agreement) (registry.Agreement, error)
	GetAgreement(ctx context.Context, id string) (registry.Agreement, error)
	UpdateAgreement(ctx context.Context, by registry.Actor, id string, version int,
		apply func(cur registry.Agreement) (registry.Agreement, error)) (registry.Agreement, error)
	ArchiveAgreement(ctx context.Context, by registry.Actor, id string, version int) (registry.Agreement, error)
	ListAgreements(ctx context.Context, f registry.AgreementFilter) (registry.Page[registry.Agreement], error)
}

// agreementRequest is the body of POST and (after merging) PATCH
// /v1/agreements.
type agreementRequest struct {
	RefNo         *string            `json:"ref_no" validate:"omitnil,notblank,max=64" maxLength:"64" example:"CS-PZ-2023-01" extensions:"x-nullable"`
	TitleZh       string             `json:"title_zh" validate:"required,max=200" maxLength:"200" example:"重庆市长寿区政协 四川省彭州市政协 友好政协交流合作框架协议"`
	TitleEn       *string            `json:"title_en" validate:"omitnil,notblank,max=200" maxLength:"200" example:"Framework agreement on friendly exchange and cooperation" extensions:"x-nullable"`
	Type          string             `json:"type" validate:"required,oneof=framework friendship cooperation memorandum" enums:"framework,friendship,cooperation,memorandum"`
	Status        string             `json:"status" validate:"omitempty,oneof=draft signed in_force suspended expired terminated" enums:"draft,signed,in_force,suspended,expired,terminated" default:"draft"`
	SignedOn      *string            `json:"signed_on" validate:"omitnil,partialdate" example:"2023-05-18" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	SignedPlace   *string            `json:"signed_place" validate:"omitnil,notblank,max=200" maxLength:"200" example:"彭州市" extensions:"x-nullable"`
	EffectiveFrom *string            `json:"effective_from" validate:"omitnil,partialdate" example:"2023-05" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	EffectiveTo   *string            `json:"effective_to" validate:"omitnil,partialdate" example:"2025" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	SummaryZh     *string            `json:"summary_zh" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
	SummaryEn     *string            `json:"summary_en" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
	AreasDeclared *int               `json:"areas_declared" validate:"omitnil,min=0,max=100" minimum:"0" maximum:"100" example:"6" extensions:"x-nullable"`
	Parties       []partyRequest     `json:"parties" validate:"required,max=50,dive" maxItems:"50"`
	Areas         []areaRefRequest   `json:"areas" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
	Mechanisms    []mechanismRequest `json:"mechanisms" validate:"max=20,dive" maxItems:"20" extensions:"x-nullable"`
	Documents     []documentRequest  `json:"documents" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
} // @name AgreementRequest

type partyRequest struct {
	OrganizationID string  `json:"organization_id" validate:"required,orgref" example:"changshou-cppcc"`
	Role           string  `json:"role" validate:"required,oneof=signatory witness coordinator" enums:"signatory,witness,coordinator"`
	SignatoryName  *string `json:"signatory_name" validate:"omitnil,notblank,max=200" maxLength:"200" extensions:"x-nullable"`
	SignatoryTitle *string `json:"signatory_title" validate:"omitnil,notblank,max=200" maxLength:"200" extensions:"x-nullable"`
} // @name PartyRequest

type areaRefRequest struct {
	AreaCode    *string `json:"area_code" validate:"omitnil,code" example:"culture-tourism" extensions:"x-nullable"`
	LabelZh     string  `json:"label_zh" validate:"required,max=200" maxLength:"200" example:"文旅交流"`
	LabelEn     *string `json:"label_en" validate:"omitnil,notblank,max=200" maxLength:"200" extensions:"x-nullable"`
	Description *string `json:"description" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
} // @name AgreementAreaRequest

type mechanismRequest struct {
	Kind        string  `json:"kind" validate:"required,oneof=joint_meeting liaison consultation_platform information_exchange joint_research joint_proposal other" enums:"joint_meeting,liaison,consultation_platform,information_exchange,joint_research,joint_proposal,other"`
	Description *string `json:"description" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
} // @name MechanismRequest

type documentRequest struct {
	Title    string  `json:"title" validate:"required,max=200" maxLength:"200"`
	URL      string  `json:"url" validate:"required,max=2048,weburl" maxLength:"2048" example:"https://example.org/agreement.pdf"`
	Language *string `json:"language" validate:"omitnil,langtag,max=35" example:"zh" extensions:"x-nullable"`
	Kind     *string `json:"kind" validate:"omitnil,oneof=full_text announcement report photo other" enums:"full_text,announcement,report,photo,other" extensions:"x-nullable"`
} // @name DocumentRequest

// record converts a validated request into the domain record.
func (req agreementRequest) record() registry.Agreement {
	a := registry.Agreement{RefNo: req.RefNo, TitleZh: req.TitleZh, TitleEn: req.TitleEn, Type: req.Type,
		Status: req.Status, SignedPlace: req.SignedPlace, SummaryZh: req.SummaryZh, SummaryEn: req.SummaryEn,
		AreasDeclared: req.AreasDeclared,
		SignedOn:      parsedDate(req.SignedOn), EffectiveFrom: parsedDate(req.EffectiveFrom), EffectiveTo: parsedDate(req.EffectiveTo),
		Parties: []registry.Party{}, Areas: []registry.AgreementArea{}, Mechanisms: []registry.Mechanism{}, Documents: []registry.Document{}}
	if a.Status == "" {
		a.Status = registry.StatusDraft
	}
	for _, p := range req.Parties {
		a.Parties = append(a.Parties, registry.Party{OrganizationID: p.OrganizationID, Role: p.Role,
			SignatoryName: p.SignatoryName, SignatoryTitle: p.SignatoryTitle})
	}
	for _, x := range req.Areas {
		a.Areas = append(a.Areas, registry.AgreementArea{AreaCode: x.AreaCode, LabelZh: x.LabelZh, LabelEn: x.LabelEn, Description: x.Description})
	}
	for _, m := range req.Mechanisms {
		a.Mechanisms = append(a.Mechanisms, registry.Mechanism{Kind: m.Kind, Description: m.Description})
	}
	for _, d := range req.Documents {
		a.Documents = append(a.Documents, registry.Document{Title: d.Title, URL: d.URL, Language: d.Language, Kind: d.Kind})
	}
	return a
}

// agreementRequestOf is the request form of a stored agreement: the base
// onto which a merge patch is applied.
func agreementRequestOf(a registry.Agreement) agreementRequest {
	req := agreementRequest{RefNo: a.RefNo, TitleZh: a.TitleZh, TitleEn: a.TitleEn, Type: a.Type, Status: a.Status,
		SignedOn: dateString(a.SignedOn), SignedPlace: a.SignedPlace, EffectiveFrom: dateString(a.EffectiveFrom),
		EffectiveTo: dateString(a.EffectiveTo), SummaryZh: a.SummaryZh, SummaryEn: a.SummaryEn, AreasDeclared: a.AreasDeclared,
		Parties: []partyRequest{}, Areas: []areaRefRequest{}, Mechanisms: []mechanismRequest{}, Documents: []documentRequest{}}
	for _, p := range a.Parties {
		req.Parties = append(req.Parties, partyRequest{OrganizationID: p.OrganizationID, Role: p.Role,
			SignatoryName: p.SignatoryName, SignatoryTitle: p.SignatoryTitle})
	}
	for _, x := range a.Areas {
		req.Areas = append(req.Areas, areaRefRequest{AreaCode: x.AreaCode, LabelZh: x.LabelZh, LabelEn: x.LabelEn, Description: x.Description})
	}
	for _, m := range a.Mechanisms {
		req.Mechanisms = append(req.Mechanisms, mechanismRequest{Kind: m.Kind, Description: m.Description})
	}
	for _, d := range a.Documents {
		req.Documents = append(req.Documents, documentRequest{Title: d.Title, URL: d.URL, Language: d.Language, Kind: d.Kind})
	}
	return req
}

func parsedDate(s *string) *registry.Date {
	if s == nil {
		return nil
	}
	d, err := registry.ParseDate(*s)
	if err != nil {
		return nil // unreachable: validated by the partialdate tag
	}
	return &d
}

func dateString(d *registry.Date) *string {
	if d == nil {
		return nil
	}
	s := d.String()
	return &s
}

// AgreementList is a page of agreements.
type AgreementList struct {
	Items      []registry.Agreement `json:"items" binding:"required"`
	NextCursor string               `json:"next_cursor,omitempty"`
} // @name AgreementList

// createAgreement godoc
//
//	@Summary		Register an agreement / 登记合作协议
//	@Description	A registrar may register only agreements its organisation is a party to. Any status may be given (agreements are often registered after the fact); it defaults to draft.
//	@ID				createAgreement
//	@Tags			agreements
//	@Accept			json
//	@Produce		json
//	@Param			Idempotency-Key	header		string				false	"1–255 visible ASCII characters; a retry with the same body replays the first answer"
//	@Param			body			body		agreementRequest	true	"The agreement"
//	@Success		201				{object}	registry.Agreement
//	@Header			201				{string}	Location	"URL of the new agreement"
//	@Header			201				{string}	ETag		"Version of the record"
//	@Failure		400				{object}	Problem
//	@Failure		401				{object}	Problem
//	@Failure		403				{object}	Problem
//	@Failure		409				{object}	Problem	"Duplicate ref_no, or the same Idempotency-Key still in flight"
//	@Failure		413				{object}	Problem
//	@Failure		415				{object}	Problem
//	@Failure		422				{object}	Problem
//	@Failure		429				{object}	Problem
//	@Failure		503				{object}	Problem
//	@Failure		default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements [post]
func (h *handler) createAgreement(w http.ResponseWriter, r *http.Request) {
	var req agreementRequest
	if !h.decodeCreate(w, r, &req) {
		return
	}
	actor, _ := actorOf(r.Context())
	a, err := h.store.CreateAgreement(r.Context(), actor, req.record())
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Location", "/v1/agreements/"+a.ID)
	writeRecord(w, http.StatusCreated, a.Version, a)
}

// getAgreement godoc
//
//	@Summary	Get an agreement / 查询合作协议
//	@ID			getAgreement
//	@Tags		agreements
//	@Produce	json
//	@Param		id				path		string	true	"Agreement UUID"	format(uuid)
//	@Param		If-None-Match	header		string	false	"ETag(s) the client holds; 304 when one is current"
//	@Success	200				{object}	registry.Agreement
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
//	@Router		/v1/agreements/{id} [get]
func (h *handler) getAgreement(w http.ResponseWriter, r *http.Request) {
	a, err := h.store.GetAgreement(r.Context(), pathParam(r, "id"))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeRecord(w, http.StatusOK, a.Version, a)
}

// patchAgreement godoc
//
//	@Summary		Change an agreement / 修改合作协议
//	@Description	JSON merge patch (RFC 7396): objects merge, null clears, arrays replace. Status moves follow draft → signed → in_force ⇄ suspended → expired | terminated; any other move is 409 with the allowed moves. A registrar may not remove its own organisation. Archived agreements cannot be changed (409).
//	@ID				patchAgreement
//	@Tags			agreements
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Param			id			path		string			true	"Agreement UUID"	format(uuid)
//	@Param			If-Match	header		string			true	"ETag of the version being changed"
//	@Param			body		body		agreementPatch	true	"Fields to change"
//	@Success		200			{object}	registry.Agreement
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
//	@Router			/v1/agreements/{id} [patch]
func (h *handler) patchAgreement(w http.ResponseWriter, r *http.Request) {
	version, ok := requireIfMatch(w, r)
	if !ok {
		return
	}
	patch, ok := h.readPatch(w, r, agreementRequest{})
	if !ok {
		return
	}
	actor, _ := actorOf(r.Context())
	a, err := h.store.UpdateAgreement(r.Context(), actor, pathParam(r, "id"), version, func(cur registry.Agreement) (registry.Agreement, error) {
		var req agreementRequest
		if err := h.mergeInto(r, agreementRequestOf(cur), patch, &req); err != nil {
			return registry.Agreement{}, err
		}
		return req.record(), nil
	})
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeRecord(w, http.StatusOK, a.Version, a)
}

// archiveAgreement godoc
//
//	@Summary		Archive an agreement / 归档合作协议
//	@Description	Nothing is ever deleted: the agreement stays readable with archived_at set and leaves the lists unless include_archived=true. Archiving an archived agreement is 409.
//	@ID				archiveAgreement
//	@Tags			agreements
//	@Produce		json
//	@Param			id			path		string	true	"Agreement UUID"	format(uuid)
//	@Param			If-Match	header		string	true	"ETag of the version being archived"
//	@Success		200			{object}	registry.Agreement
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
//	@Router			/v1/agreements/{id} [delete]
func (h *handler) archiveAgreement(w http.ResponseWriter, r *http.Request) {
	version, ok := requireIfMatch(w, r)
	if !ok {
		return
	}
	actor, _ := actorOf(r.Context())
	a, err := h.store.ArchiveAgreement(r.Context(), actor, pathParam(r, "id"), version)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeRecord(w, http.StatusOK, a.Version, a)
}

// agreementFilter reads the list filters of /v1/agreements.
func agreementFilter(r *http.Request) (registry.AgreementFilter, error) {
	q := newQuery(r)
	f := registry.AgreementFilter{
		Party:           q.orgRef("party"),
		Region:          q.region("region"),
		Status:          q.oneOf("status", registry.AgreementStatuses),
		Type:            q.oneOf("type", registry.AgreementTypes),
		Area:            q.code("area"),
		SignedFrom:      q.date("signed_from"),
		SignedTo:        q.date("signed_to"),
		Q:               q.text("q"),
		IncludeArchived: q.boolean("include_archived"),
		Limit:           q.limit(),
		Cursor:          q.str("cursor"),
	}
	q.oneOf("format", []string{"json", "csv"})
	return f, q.err
}

// listAgreements godoc
//
//	@Summary		Find agreements / 查询合作协议
//	@Description	Newest first by signing date (a partial date sorts by its first day; undated last). `signed_from`/`signed_to` match partial dates that overlap the range. With `Accept: text/csv` or `format=csv` the whole filtered list is streamed as CSV (UTF-8 with BOM).
//	@ID				listAgreements
//	@Tags			agreements
//	@Produce		json
//	@Produce		text/csv
//	@Param			party				query		string	false	"Party organisation (UUID or code)"	extensions(x-example=pengzhou-cppcc)
//	@Param			region				query		string	false	"Region code; matches any party in that region or below"
//	@Param			status				query		string	false	"Status"	Enums(draft, signed, in_force, suspended, expired, terminated)
//	@Param			type				query		string	false	"Type"		Enums(framework, friendship, cooperation, memorandum)
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			signed_from			query		string	false	"Signed on or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			signed_to			query		string	false	"Signed on or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, summaries and ref_no"
//	@Param			include_archived	query		bool	false	"Include archived agreements"
//	@Param			format				query		string	false	"csv for a CSV export"	Enums(json, csv)
//	@Param			limit				query		int		false	"Page size"				minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	AgreementList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure		401					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements [get]
func (h *handler) listAgreements(w http.ResponseWriter, r *http.Request) {
	f, err := agreementFilter(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if wantsCSV(r) {
		h.streamCSV(w, r, "agreements", agreementCSVHeader, func(ctx context.Context, cursor string) ([][]string, string, error) {
			f.Cursor, f.Limit = cursor, csvPage
			page, err := h.store.ListAgreements(ctx, f)
			return agreementCSVRows(page.Items), page.Next, err
		})
		return
	}
	page, err := h.store.ListAgreements(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}

// agreementHistory godoc
//
//	@Summary	Audit history of an agreement / 协议修改记录
//	@ID			getAgreementHistory
//	@Tags		agreements
//	@Produce	json
//	@Param		id		path		string	true	"Agreement UUID"	format(uuid)
//	@Param		limit	query		int		false	"Page size"			minimum(1)	maximum(200)	default(50)
//	@Param		cursor	query		string	false	"Opaque cursor from next_cursor"
//	@Success	200		{object}	AuditList
//	@Failure	400		{object}	Problem
//	@Failure	401		{object}	Problem
//	@Failure	404		{object}	Problem
//	@Failure	429		{object}	Problem	"Rate limited; see Retry-After"
//	@Failure	503		{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure	default	{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/agreements/{id}/history [get]
func (h *handler) agreementHistory(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	limit, cursor := q.limit(), q.str("cursor")
	if q.err != nil {
		h.writeError(w, r, q.err)
		return
	}
	a, err := h.store.GetAgreement(r.Context(), pathParam(r, "id"))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	page, err := h.store.ListAudit(r.Context(), registry.AuditFilter{Entity: registry.EntityAgreement, EntityID: a.ID, Limit: limit, Cursor: cursor})
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}
