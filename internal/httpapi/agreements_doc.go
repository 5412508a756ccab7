package httpapi

// The Swagger annotations of the agreements routes, one stub a route,
// so that agreements.go reads top to bottom. TestEveryRouteIsDocumented keeps
// these stubs and the route table in step.

// docCreateAgreement documents createAgreement.
//
//	@Summary		Register an agreement / 登记合作协议
//	@Description	A registrar may register only agreements its organisation is a party to. Any status may be given (agreements are often registered after the fact); it defaults to draft.
//	@ID				createAgreement
//	@Tags			agreements
//	@Accept			json
//	@Produce		json
//	@Param			Idempotency-Key	header		string				false	"幂等键，1–255 个可见 ASCII 字符；用同一键、同一请求体重试时重放首次的回答 / Idempotency key, 1–255 visible ASCII characters; a retry with the same key and body replays the first answer; 例 e.g. `create-2024-05-01-0001`"
//	@Param			body			body		registry.AgreementInput	true	"要登记的协议 / The agreement to register"
//	@Success		201				{object}	registry.Agreement
//	@Header			201				{string}	Location	"URL of the new agreement"
//	@Header			201				{string}	ETag		"Version of the record"
//	@Failure		400				{object}	ProblemBadRequest
//	@Failure		401				{object}	ProblemUnauthorized
//	@Failure		403				{object}	ProblemForbidden
//	@Failure		409				{object}	ProblemConflict	"Duplicate ref_no, or the same Idempotency-Key still in flight"
//	@Failure		413				{object}	ProblemTooLarge
//	@Failure		415				{object}	ProblemUnsupportedMedia
//	@Failure		422				{object}	ProblemValidation
//	@Failure		429				{object}	ProblemRateLimited
//	@Failure		503				{object}	ProblemUnavailable
//	@Failure		default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements [post]
func docCreateAgreement() {}

// docGetAgreement documents getAgreement.
//
//	@Summary	Get an agreement / 查询合作协议
//	@ID			getAgreement
//	@Tags		agreements
//	@Produce	json
//	@Param		id				path		string	true	"协议 UUID / Agreement UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param		If-None-Match	header		string	false	"客户端持有的 ETag（可多个）；其一仍为当前版本时回答 304 / ETag(s) the client holds; 304 when one is current; 例 e.g. &quot;1&quot;"
//	@Success	200				{object}	registry.Agreement
//	@Header		200				{string}	ETag			"Version of the record; send it back in If-Match"
//	@Header		200				{string}	Cache-Control	"no-cache: revalidate with If-None-Match"
//	@Success	304				"Not modified: the record still has the ETag sent in If-None-Match; no body"
//	@Header		304				{string}	ETag	"Version of the record"
//	@Failure	401				{object}	ProblemUnauthorized
//	@Failure	404				{object}	ProblemNotFound
//	@Failure	429				{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure	503				{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure	default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/agreements/{id} [get]
func docGetAgreement() {}

// docPatchAgreement documents patchAgreement.
//
//	@Summary		Change an agreement / 修改合作协议
//	@Description	JSON merge patch (RFC 7396): objects merge, null clears, arrays replace. Status moves follow draft → signed → in_force ⇄ suspended → expired | terminated; any other move is 409 with the allowed moves. A registrar may not remove its own organisation. Archived agreements cannot be changed (409).
//	@ID				patchAgreement
//	@Tags			agreements
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Param			id			path		string			true	"协议 UUID / Agreement UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param			If-Match	header		string			true	"被修改版本的 ETag，含双引号 / ETag of the version being changed, quotes included"	extensions(x-example="1")
//	@Param			body		body		agreementPatch	true	"要修改的字段（JSON 合并补丁，null 清除可选字段） / Fields to change (JSON merge patch; null clears an optional field)"
//	@Success		200			{object}	registry.Agreement
//	@Header			200			{string}	ETag	"Version of the record"
//	@Failure		400			{object}	ProblemBadRequest
//	@Failure		401			{object}	ProblemUnauthorized
//	@Failure		403			{object}	ProblemForbidden
//	@Failure		404			{object}	ProblemNotFound
//	@Failure		409			{object}	ProblemConflict
//	@Failure		412			{object}	ProblemPreconditionFailed
//	@Failure		413			{object}	ProblemTooLarge
//	@Failure		415			{object}	ProblemUnsupportedMedia
//	@Failure		422			{object}	ProblemValidation
//	@Failure		428			{object}	ProblemPreconditionRequired
//	@Failure		429			{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503			{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default		{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id} [patch]
func docPatchAgreement() {}

// docArchiveAgreement documents archiveAgreement.
//
//	@Summary		Archive an agreement / 归档合作协议
//	@Description	Nothing is ever deleted: the agreement stays readable with archived_at set and leaves the lists unless include_archived=true. Archiving an archived agreement is 409.
//	@ID				archiveAgreement
//	@Tags			agreements
//	@Produce		json
//	@Param			id			path		string	true	"协议 UUID / Agreement UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param			If-Match	header		string	true	"被归档版本的 ETag，含双引号 / ETag of the version being archived, quotes included"	extensions(x-example="1")
//	@Success		200			{object}	registry.Agreement
//	@Header			200			{string}	ETag	"Version of the record"
//	@Failure		401			{object}	ProblemUnauthorized
//	@Failure		403			{object}	ProblemForbidden
//	@Failure		404			{object}	ProblemNotFound
//	@Failure		409			{object}	ProblemConflict
//	@Failure		412			{object}	ProblemPreconditionFailed
//	@Failure		428			{object}	ProblemPreconditionRequired
//	@Failure		429			{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503			{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default		{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id} [delete]
func docArchiveAgreement() {}

// docListAgreements documents listAgreements.
//
//	@Summary		Find agreements / 查询合作协议
//	@Description	Newest first by signing date (a partial date sorts by its first day; undated last). `signed_from`/`signed_to` match partial dates that overlap the range. With `Accept: text/csv` or `format=csv` the whole filtered list is streamed as CSV (UTF-8 with BOM); `format=xlsx` (or the Excel media type in Accept) answers an Excel workbook of it for people, in `lang`.
//	@ID				listAgreements
//	@Tags			agreements
//	@Produce		json
//	@Produce		text/csv
//	@Produce		application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Param			party				query		[]string	false	"协议方组织，UUID 或代码；可重复（至多 10 个），列出每个所列组织都参与的记录 / Party organisation, by UUID or code; repeat it (at most 10) for the records every named organisation took part in"	collectionFormat(multi)	extensions(x-example=pengzhou-cppcc)
//	@Param			region				query		string	false	"行政区划代码：匹配该区划（含下级）的任一协议方 / Region code; matches any party in that region or below; 例 e.g. `510182`"
//	@Param			status				query		string	false	"状态 / Status"	Enums(draft, signed, in_force, suspended, expired, terminated)
//	@Param			type				query		string	false	"协议类型 / Type of agreement"		Enums(framework, friendship, cooperation, memorandum)
//	@Param			area				query		string	false	"合作领域代码 / Cooperation-area code; 例 e.g. `culture-tourism`"
//	@Param			signed_from			query		string	false	"在此日期或之后签署（含），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$` / Signed on or after, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; 例 e.g. `2023`"
//	@Param			signed_to			query		string	false	"在此日期或之前签署（含），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$` / Signed on or before, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; 例 e.g. `2023-12-31`"
//	@Param			q					query		string	false	"标题、摘要或编号中的子串，不区分大小写 / Case-insensitive substring of titles, summaries and ref_no; 例 e.g. `框架协议`"
//	@Param			related_to			query		string	false	"与此协议（UUID）有关系的协议，双向 / Agreements linked to or from this agreement (UUID), in either direction; 例 e.g. `0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f`"	format(uuid)
//	@Param			include_archived	query		bool	false	"是否包括已归档的协议 / Include archived agreements"
//	@Param			format				query		string	false	"输出格式：csv 为 CSV 导出，xlsx 为 Excel 工作簿 / Output format: csv for a CSV export, xlsx for an Excel workbook"	Enums(json, csv, xlsx)
//	@Param			lang				query		string	false	"Excel 工作簿的语言，默认随 Accept-Language / Language of an Excel workbook (default: Accept-Language)"	Enums(zh, en)
//	@Param			limit				query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"				minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDIzLTA1LTE4IiwiMDE5M2E1YzItN2QxZS03YzRmLTlhNzAtMWYxYzJiM2Q0ZTVmIl0`"
//	@Success		200					{object}	AgreementList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		429					{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements [get]
func docListAgreements() {}

// docAgreementHistory documents agreementHistory.
//
//	@Summary	Audit history of an agreement / 协议修改记录
//	@ID			getAgreementHistory
//	@Tags		agreements
//	@Produce	json
//	@Param		id		path		string	true	"协议 UUID / Agreement UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param		limit	query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"			minimum(1)	maximum(200)	default(50)
//	@Param		cursor	query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDIzLTA1LTE4IiwiMDE5M2E1YzItN2QxZS03YzRmLTlhNzAtMWYxYzJiM2Q0ZTVmIl0`"
//	@Success	200		{object}	AuditList
//	@Failure	400		{object}	ProblemBadRequest
//	@Failure	401		{object}	ProblemUnauthorized
//	@Failure	404		{object}	ProblemNotFound
//	@Failure	429		{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure	503		{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure	default	{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/agreements/{id}/history [get]
func docAgreementHistory() {}
