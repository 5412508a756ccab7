package httpapi

import (
	"net/http"

	"github.com/chengyu-collab/registry/internal/registry"
)

// listRegions godoc
//
//	@Summary		List regions / 行政区划列表
//	@Description	GB/T 2260 divisions of Chongqing and Sichuan, by code. `parent` gives direct children only.
//	@ID				listRegions
//	@Tags			regions
//	@Produce		json
//	@Param			level	query		string	false	"Level"	Enums(province, prefecture, county)
//	@Param			parent	query		string	false	"Parent region code (six digits)"
//	@Param			limit	query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor	query		string	false	"Opaque cursor from next_cursor"
//	@Success		200		{object}	RegionList
//	@Header			200		{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400		{object}	Problem
//	@Failure		401		{object}	Problem
//	@Failure		429		{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503		{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default	{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/regions [get]
func (h *handler) listRegions(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	f := registry.RegionFilter{
		Level:  q.oneOf("level", []string{registry.LevelProvince, registry.LevelPrefecture, registry.LevelCounty}),
		Parent: q.region("parent"),
		Limit:  q.limit(),
		Cursor: q.str("cursor"),
	}
	if q.err != nil {
		h.writeError(w, r, q.err)
		return
	}
	page, err := h.store.ListRegions(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}

// getRegion godoc
//
//	@Summary	Get a region / 查询行政区划
//	@ID			getRegion
//	@Tags		regions
//	@Produce	json
//	@Param		code	path		string	true	"Six-digit GB/T 2260 code"	extensions(x-example=500115)
//	@Success	200		{object}	registry.Region
//	@Failure	404		{object}	Problem
//	@Failure	401		{object}	Problem
//	@Failure	429		{object}	Problem	"Rate limited; see Retry-After"
//	@Failure	503		{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure	default	{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/regions/{code} [get]
func (h *handler) getRegion(w http.ResponseWriter, r *http.Request) {
	code := pathParam(r, "code")
	if !regionPattern.MatchString(code) {
		fail(w, r, "not-found", "", nil)
		return
	}
	reg, err := h.store.GetRegion(r.Context(), code)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, reg)
}

// RegionList is a page of regions.
type RegionList struct {
	Items      []registry.Region `json:"items" binding:"required"`
	NextCursor string            `json:"next_cursor,omitempty"`
} // @name RegionList

// AreaList is a page of cooperation areas.
type AreaList struct {
	Items      []registry.CooperationArea `json:"items" binding:"required"`
	NextCursor string                     `json:"next_cursor,omitempty"`
} // @name CooperationAreaList

// areaRequest is the body of POST and (after merging) PATCH
// /v1/cooperation-areas.
type areaRequest struct {
	Code       string  `json:"code" validate:"required,code" example:"rural-revitalisation"`
	NameZh     string  `json:"name_zh" validate:"required,max=200" example:"乡村振兴"`
	NameEn     *string `json:"name_en" validate:"omitnil,notblank,max=200" example:"Rural revitalisation" extensions:"x-nullable"`
	ParentCode *string `json:"parent_code" validate:"omitnil,code" extensions:"x-nullable"`
} // @name CooperationAreaRequest

func (a areaRequest) input() registry.AreaInput {
	return registry.AreaInput{Code: a.Code, NameZh: a.NameZh, NameEn: a.NameEn, ParentCode: a.ParentCode}
}

// listAreas godoc
//
//	@Summary	List cooperation areas / 合作领域列表
//	@ID			listCooperationAreas
//	@Tags		cooperation-areas
//	@Produce	json
//	@Param		limit	query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param		cursor	query		string	false	"Opaque cursor from next_cursor"
//	@Success	200		{object}	AreaList
//	@Header		200		{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure	400		{object}	Problem
//	@Failure	401		{object}	Problem
//	@Failure	429		{object}	Problem	"Rate limited; see Retry-After"
//	@Failure	503		{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure	default	{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/cooperation-areas [get]
func (h *handler) listAreas(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	limit, cursor := q.limit(), q.str("cursor")
	if q.err != nil {
		h.writeError(w, r, q.err)
		return
	}
	page, err := h.store.ListAreas(r.Context(), limit, cursor)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}

// getArea godoc
//
//	@Summary	Get a cooperation area / 查询合作领域
//	@ID			getCooperationArea
//	@Tags		cooperation-areas
//	@Produce	json
//	@Param		code			path		string	true	"Area code"	extensions(x-example=culture-tourism)
//	@Param		If-None-Match	header		string	false	"ETag(s) the client holds; 304 when one is current"
//	@Success	200				{object}	registry.CooperationArea
//	@Header		200				{string}	ETag			"Version of the record"
//	@Header		200				{string}	Cache-Control	"no-cache: revalidate with If-None-Match"
//	@Success	304				"Not modified: the record still has the ETag sent in If-None-Match; no body"
//	@Header		304				{string}	ETag	"Version of the record"
//	@Failure	404				{object}	Problem
//	@Failure	401				{object}	Problem
//	@Failure	429				{object}	Problem	"Rate limited; see Retry-After"
//	@Failure	503				{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure	default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/cooperation-areas/{code} [get]
func (h *handler) getArea(w http.ResponseWriter, r *http.Request) {
	code := pathParam(r, "code")
	if !codePattern.MatchString(code) {
		fail(w, r, "not-found", "", nil)
		return
	}
	a, err := h.store.GetArea(r.Context(), code)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeRecord(w, http.StatusOK, a.Version, a)
}

// createArea godoc
//
//	@Summary	Add a cooperation area (admin) / 新增合作领域
//	@ID			createCooperationArea
//	@Tags		cooperation-areas
//	@Accept		json
//	@Produce	json
//	@Param		Idempotency-Key	header		string		false	"1–255 visible ASCII characters; a retry replays the first answer"
//	@Param		body			body		areaRequest	true	"The area"
//	@Success	201				{object}	registry.CooperationArea
//	@Header		201				{string}	Location	"URL of the new area"
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
//	@Router		/v1/cooperation-areas [post]
func (h *handler) createArea(w http.ResponseWriter, r *http.Request) {
	var req areaRequest
	if !h.decodeCreate(w, r, &req) {
		return
	}
	actor, _ := actorOf(r.Context())
	a, err := h.store.CreateArea(r.Context(), actor, req.input())
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Location", "/v1/cooperation-areas/"+a.Code)
	writeRecord(w, http.StatusCreated, a.Version, a)
}

// patchArea godoc
//
//	@Summary		Change a cooperation area (admin) / 修改合作领域
//	@Description	JSON merge patch (RFC 7396). The code is immutable: sending a different one is 400.
//	@ID				patchCooperationArea
//	@Tags			cooperation-areas
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Param			code		path		string		true	"Area code"
//	@Param			If-Match	header		string		true	"ETag of the version being changed"
//	@Param			body		body		areaPatch	true	"Fields to change; null clears an optional field"
//	@Success		200			{object}	registry.CooperationArea
//	@Header			200			{string}	ETag	"Version of the record"
//	@Failure		400			{object}	Problem
//	@Failure		401			{object}	Problem
//	@Failure		403			{object}	Problem
//	@Failure		404			{object}	Problem
//	@Failure		412			{object}	Problem
//	@Failure		415			{object}	Problem
//	@Failure		422			{object}	Problem
//	@Failure		428			{object}	Problem
//	@Failure		429			{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503			{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default		{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/cooperation-areas/{code} [patch]
func (h *handler) patchArea(w http.ResponseWriter, r *http.Request) {
	code := pathParam(r, "code")
	if !codePattern.MatchString(code) {
		fail(w, r, "not-found", "", nil)
		return
	}
	version, ok := requireIfMatch(w, r)
	if !ok {
		return
	}
	patch, ok := h.readPatch(w, r, areaRequest{})
	if !ok {
		return
	}
	actor, _ := actorOf(r.Context())
	a, err := h.store.UpdateArea(r.Context(), actor, code, version, func(cur registry.CooperationArea) (registry.AreaInput, error) {
		base := areaRequest{Code: cur.Code, NameZh: cur.NameZh, NameEn: cur.NameEn, ParentCode: cur.ParentCode}
		var req areaRequest
		if err := h.mergeInto(r, base, patch, &req); err != nil {
			return registry.AreaInput{}, err
		}
		if req.Code != cur.Code {
			return registry.AreaInput{}, badBody("detail.code_immutable", nil)
		}
		return req.input(), nil
	})
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeRecord(w, http.StatusOK, a.Version, a)
}
