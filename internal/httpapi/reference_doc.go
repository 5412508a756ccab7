package httpapi

// The Swagger annotations of the regions and cooperation areas routes, one stub a route,
// so that reference.go reads top to bottom. TestEveryRouteIsDocumented keeps
// these stubs and the route table in step.

// docListRegions documents listRegions.
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
func docListRegions() {}

// docGetRegion documents getRegion.
//
//	@Summary	Get a region / 查询行政区划
//	@ID			getRegion
//	@Tags		regions
//	@Produce	json
//	@Param		code			path		string	true	"Six-digit GB/T 2260 code"	extensions(x-example=500115)
//	@Param		If-None-Match	header		string	false	"ETag(s) the client holds; 304 when one is current"
//	@Success	200				{object}	registry.Region
//	@Header		200				{string}	ETag			"Digest of the region as sent (regions have no version: migrations load them)"
//	@Header		200				{string}	Cache-Control	"no-cache: revalidate with If-None-Match"
//	@Success	304				"Not modified: the region still has the ETag sent in If-None-Match; no body"
//	@Header		304				{string}	ETag	"Digest of the region as sent"
//	@Failure	400				{object}	Problem
//	@Failure	404				{object}	Problem
//	@Failure	401		{object}	Problem
//	@Failure	429		{object}	Problem	"Rate limited; see Retry-After"
//	@Failure	503		{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure	default	{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/regions/{code} [get]
func docGetRegion() {}

// docListAreas documents listAreas.
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
func docListAreas() {}

// docGetArea documents getArea.
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
func docGetArea() {}

// docCreateArea documents createArea.
//
//	@Summary	Add a cooperation area (admin) / 新增合作领域
//	@ID			createCooperationArea
//	@Tags		cooperation-areas
//	@Accept		json
//	@Produce	json
//	@Param		Idempotency-Key	header		string		false	"1–255 visible ASCII characters; a retry replays the first answer"
//	@Param		body			body		registry.AreaInput	true	"The area"
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
func docCreateArea() {}

// docPatchArea documents patchArea.
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
func docPatchArea() {}
