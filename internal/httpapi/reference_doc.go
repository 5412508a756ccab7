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
//	@Param			level	query		string	false	"行政级别 / Administrative level"	Enums(province, prefecture, county)
//	@Param			parent	query		string	false	"上级行政区划代码（六位），只列直接下级 / Parent region code (six digits); direct children only; 例 e.g. `500000`"
//	@Param			limit	query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor	query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDIzLTA1LTE4IiwiMDE5M2E1YzItN2QxZS03YzRmLTlhNzAtMWYxYzJiM2Q0ZTVmIl0`"
//	@Success		200		{object}	RegionList
//	@Header			200		{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400		{object}	ProblemBadRequest
//	@Failure		401		{object}	ProblemUnauthorized
//	@Failure		429		{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503		{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
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
//	@Param		code			path		string	true	"六位 GB/T 2260 行政区划代码 / Six-digit GB/T 2260 region code"	extensions(x-example=500115)
//	@Param		If-None-Match	header		string	false	"客户端持有的 ETag；仍为最新时回答 304 / ETag(s) the client holds; 304 when one is current; 例 e.g. &quot;…&quot;"
//	@Success	200				{object}	registry.Region
//	@Header		200				{string}	ETag			"行政区划内容的摘要（行政区划由迁移加载，没有版本号） / Digest of the region as sent (regions have no version: migrations load them)"
//	@Header		200				{string}	Cache-Control	"no-cache：请用 If-None-Match 重新验证 / no-cache: revalidate with If-None-Match"
//	@Success	304				"未修改：行政区划仍是 If-None-Match 所给的 ETag，无正文 / Not modified: the region still has the ETag sent in If-None-Match; no body"
//	@Header		304				{string}	ETag	"行政区划内容的摘要 / Digest of the region as sent"
//	@Failure	400				{object}	ProblemBadRequest
//	@Failure	404				{object}	ProblemNotFound
//	@Failure	401				{object}	ProblemUnauthorized
//	@Failure	429				{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure	503				{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
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
//	@Param		limit	query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"	minimum(1)	maximum(200)	default(50)
//	@Param		cursor	query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDIzLTA1LTE4IiwiMDE5M2E1YzItN2QxZS03YzRmLTlhNzAtMWYxYzJiM2Q0ZTVmIl0`"
//	@Success	200		{object}	AreaList
//	@Header		200		{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure	400		{object}	ProblemBadRequest
//	@Failure	401		{object}	ProblemUnauthorized
//	@Failure	429		{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure	503		{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
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
//	@Param		code			path		string	true	"合作领域代码 / Cooperation-area code"	extensions(x-example=culture-tourism)
//	@Param		If-None-Match	header		string	false	"客户端持有的 ETag（可多个）；其一仍为当前版本时回答 304 / ETag(s) the client holds; 304 when one is current; 例 e.g. &quot;1&quot;"
//	@Success	200				{object}	registry.CooperationArea
//	@Header		200				{string}	ETag			"Version of the record"
//	@Header		200				{string}	Cache-Control	"no-cache: revalidate with If-None-Match"
//	@Success	304				"Not modified: the record still has the ETag sent in If-None-Match; no body"
//	@Header		304				{string}	ETag	"Version of the record"
//	@Failure	404				{object}	ProblemNotFound
//	@Failure	401				{object}	ProblemUnauthorized
//	@Failure	429				{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure	503				{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
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
//	@Param		Idempotency-Key	header		string		false	"幂等键，1–255 个可见 ASCII 字符；用同一键重试时重放首次的回答 / Idempotency key, 1–255 visible ASCII characters; a retry with the same key replays the first answer; 例 e.g. `create-2024-05-01-0001`"
//	@Param		body			body		registry.AreaInput	true	"要新增的合作领域 / The cooperation area to add"
//	@Success	201				{object}	registry.CooperationArea
//	@Header		201				{string}	Location	"URL of the new area"
//	@Header		201				{string}	ETag		"Version of the record"
//	@Failure	400				{object}	ProblemBadRequest
//	@Failure	401				{object}	ProblemUnauthorized
//	@Failure	403				{object}	ProblemForbidden
//	@Failure	409				{object}	ProblemConflict
//	@Failure	413				{object}	ProblemTooLarge
//	@Failure	415				{object}	ProblemUnsupportedMedia
//	@Failure	422				{object}	ProblemValidation
//	@Failure	429				{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure	503				{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
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
//	@Param			code		path		string		true	"合作领域代码 / Cooperation-area code"	extensions(x-example=culture-tourism)
//	@Param			If-Match	header		string		true	"被修改版本的 ETag，含双引号 / ETag of the version being changed, quotes included"	extensions(x-example="1")
//	@Param			body		body		areaPatch	true	"要修改的字段（JSON 合并补丁，null 清除可选字段） / Fields to change (JSON merge patch; null clears an optional field)"
//	@Success		200			{object}	registry.CooperationArea
//	@Header			200			{string}	ETag	"Version of the record"
//	@Failure		400			{object}	ProblemBadRequest
//	@Failure		401			{object}	ProblemUnauthorized
//	@Failure		403			{object}	ProblemForbidden
//	@Failure		404			{object}	ProblemNotFound
//	@Failure		412			{object}	ProblemPreconditionFailed
//	@Failure		415			{object}	ProblemUnsupportedMedia
//	@Failure		422			{object}	ProblemValidation
//	@Failure		428			{object}	ProblemPreconditionRequired
//	@Failure		429			{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503			{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default		{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/cooperation-areas/{code} [patch]
func docPatchArea() {}
