package httpapi

import (
	"net/http"

	"github.com/chengyu-collab/registry/internal/registry"
)

// organizationRequest is the body of POST and (after merging) PATCH
// /v1/organizations.
type organizationRequest struct {
	Code        string  `json:"code" validate:"required,code" example:"pengzhou-cppcc"`
	Kind        string  `json:"kind" validate:"required,oneof=cppcc_committee democratic_party federation_of_industry_commerce non_party_intellectuals government other" enums:"cppcc_committee,democratic_party,federation_of_industry_commerce,non_party_intellectuals,government,other"`
	NameZh      string  `json:"name_zh" validate:"required,max=200" example:"中国人民政治协商会议彭州市委员会" maxLength:"200"`
	NameEn      *string `json:"name_en" validate:"omitnil,notblank,max=200" example:"Pengzhou City Committee of the CPPCC" maxLength:"200" extensions:"x-nullable"`
	ShortNameZh *string `json:"short_name_zh" validate:"omitnil,notblank,max=50" example:"彭州市政协" maxLength:"50" extensions:"x-nullable"`
	ShortNameEn *string `json:"short_name_en" validate:"omitnil,notblank,max=50" example:"Pengzhou CPPCC" maxLength:"50" extensions:"x-nullable"`
	RegionCode  *string `json:"region_code" validate:"omitnil,region" example:"510182" extensions:"x-nullable"`
	ParentID    *string `json:"parent_id" validate:"omitnil,orgref" example:"changshou-cppcc" extensions:"x-nullable"`
} // @name OrganizationRequest

func (o organizationRequest) input() registry.OrganizationInput {
	return registry.OrganizationInput{Code: o.Code, Kind: o.Kind, NameZh: o.NameZh, NameEn: o.NameEn,
		ShortNameZh: o.ShortNameZh, ShortNameEn: o.ShortNameEn, RegionCode: o.RegionCode, ParentID: o.ParentID}
}

// OrganizationList is a page of organisations.
type OrganizationList struct {
	Items      []registry.Organization `json:"items" binding:"required"`
	NextCursor string                  `json:"next_cursor,omitempty"`
} // @name OrganizationList

// listOrganizations godoc
//
//	@Summary	List organisations / 组织列表
//	@ID			listOrganizations
//	@Tags		organizations
//	@Produce	json
//	@Param		kind	query		string	false	"Kind"	Enums(cppcc_committee, democratic_party, federation_of_industry_commerce, non_party_intellectuals, government, other)
//	@Param		region	query		string	false	"Region code; includes every region below it"
//	@Param		q		query		string	false	"Case-insensitive substring of names, short names or code"
//	@Param		limit	query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param		cursor	query		string	false	"Opaque cursor from next_cursor"
//	@Success	200		{object}	OrganizationList
//	@Header		200		{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure	400		{object}	Problem
//	@Failure	401		{object}	Problem
//	@Failure	429		{object}	Problem	"Rate limited; see Retry-After"
//	@Failure	503		{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure	default	{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/organizations [get]
func (h *handler) listOrganizations(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	f := registry.OrganizationFilter{
		Kind:   q.oneOf("kind", registry.OrganizationKinds),
		Region: q.region("region"),
		Q:      q.text("q"),
		Limit:  q.limit(),
		Cursor: q.str("cursor"),
	}
	if q.err != nil {
		h.writeError(w, r, q.err)
		return
	}
	page, err := h.store.ListOrganizations(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}

// getOrganization godoc
//
//	@Summary	Get an organisation / 查询组织
//	@ID			getOrganization
//	@Tags		organizations
//	@Produce	json
//	@Param		id				path		string	true	"UUID or code"	extensions(x-example=changshou-cppcc)
//	@Param		If-None-Match	header		string	false	"ETag(s) the client holds; 304 when one is current"
//	@Success	200				{object}	registry.Organization
//	@Header		200				{string}	ETag			"Version of the record"
//	@Header		200				{string}	Cache-Control	"no-cache: revalidate with If-None-Match"
//	@Success	304				"Not modified: the record still has the ETag sent in If-None-Match; no body"
//	@Header		304				{string}	ETag	"Version of the record"
//	@Failure	401				{object}	Problem
//	@Failure	404				{object}	Problem
//	@Failure	429				{object}	Problem	"Rate limited; see Retry-After"
//	@Failure	503				{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure	default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/organizations/{id} [get]
func (h *handler) getOrganization(w http.ResponseWriter, r *http.Request) {
	ref := pathParam(r, "id")
	if !isOrgRef(ref) {
		fail(w, r, "not-found", "", nil)
		return
	}
	o, err := h.store.GetOrganization(r.Context(), ref)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeRecord(w, http.StatusOK, o.Version, o)
}

// createOrganization godoc
//
//	@Summary	Register an organisation (admin) / 登记组织
//	@ID			createOrganization
//	@Tags		organizations
//	@Accept		json
//	@Produce	json
//	@Param		Idempotency-Key	header		string				false	"1–255 visible ASCII characters; a retry replays the first answer"
//	@Param		body			body		organizationRequest	true	"The organisation"
//	@Success	201				{object}	registry.Organization
//	@Header		201				{string}	Location	"URL of the new organisation"
//	@Header		201				{string}	ETag		"Version of the record"
//	@Failure	400				{object}	Problem
//	@Failure	401				{object}	Problem
//	@Failure	403				{object}	Problem
//	@Failure	409				{object}	Problem
//	@Failure	413				{object}	Problem
//	@Failure	415				{object}	Problem
//	@Failure	422				{object}	Problem
//	@Failure	429				{object}	Problem	"Rate limited; see Retry-After"
//	@Failure	503				{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure	default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/organizations [post]
func (h *handler) createOrganization(w http.ResponseWriter, r *http.Request) {
	var req organizationRequest
	if !h.decodeCreate(w, r, &req) {
		return
	}
	actor, _ := actorOf(r.Context())
	o, err := h.store.CreateOrganization(r.Context(), actor, req.input())
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Location", "/v1/organizations/"+o.ID)
	writeRecord(w, http.StatusCreated, o.Version, o)
}

// patchOrganization godoc
//
//	@Summary		Change an organisation / 修改组织
//	@Description	JSON merge patch (RFC 7396). Admins, or a registrar of that organisation.
//	@ID				patchOrganization
//	@Tags			organizations
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Param			id			path		string				true	"UUID or code"
//	@Param			If-Match	header		string				true	"ETag of the version being changed"
//	@Param			body		body		organizationPatch	true	"Fields to change; null clears an optional field"
//	@Success		200			{object}	registry.Organization
//	@Header			200			{string}	ETag	"Version of the record"
//	@Failure		400			{object}	Problem
//	@Failure		401			{object}	Problem
//	@Failure		403			{object}	Problem
//	@Failure		404			{object}	Problem
//	@Failure		409			{object}	Problem
//	@Failure		412			{object}	Problem
//	@Failure		415			{object}	Problem
//	@Failure		422			{object}	Problem
//	@Failure		428			{object}	Problem
//	@Failure		429			{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503			{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default		{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/organizations/{id} [patch]
func (h *handler) patchOrganization(w http.ResponseWriter, r *http.Request) {
	ref := pathParam(r, "id")
	if !isOrgRef(ref) {
		fail(w, r, "not-found", "", nil)
		return
	}
	version, ok := requireIfMatch(w, r)
	if !ok {
		return
	}
	patch, ok := h.readPatch(w, r, organizationRequest{})
	if !ok {
		return
	}
	actor, _ := actorOf(r.Context())
	o, err := h.store.UpdateOrganization(r.Context(), actor, ref, version, func(cur registry.Organization) (registry.OrganizationInput, error) {
		base := organizationRequest{Code: cur.Code, Kind: cur.Kind, NameZh: cur.NameZh, NameEn: cur.NameEn,
			ShortNameZh: cur.ShortNameZh, ShortNameEn: cur.ShortNameEn, RegionCode: cur.RegionCode, ParentID: cur.ParentID}
		var req organizationRequest
		if err := h.mergeInto(r, base, patch, &req); err != nil {
			return registry.OrganizationInput{}, err
		}
		return req.input(), nil
	})
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeRecord(w, http.StatusOK, o.Version, o)
}
