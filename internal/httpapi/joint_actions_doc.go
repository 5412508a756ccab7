package httpapi

// The Swagger annotations of the joint actions routes, one stub a route,
// so that joint_actions.go reads top to bottom. TestEveryRouteIsDocumented keeps
// these stubs and the route table in step.

// docCreateJointAction documents createJointAction.
//
//	@Summary		Register a joint duty action / 登记联合履职活动
//	@Description	At least two distinct organisations take part, at least one of them as lead; ended_on is not before started_on. A registrar may register only joint actions its organisation takes part in. Status defaults to planned.
//	@ID				createJointAction
//	@Tags			joint-actions
//	@Accept			json
//	@Produce		json
//	@Param			Idempotency-Key	header		string				false	"幂等键，1–255 个可见 ASCII 字符；用同一键、同一请求体重试时重放首次的回答 / Idempotency key, 1–255 visible ASCII characters; a retry with the same key and body replays the first answer; 例 e.g. `create-2024-05-01-0001`"
//	@Param			body			body		registry.JointActionInput	true	"要登记的联合履职 / The joint action to register"
//	@Success		201				{object}	registry.JointAction
//	@Header			201				{string}	Location	"URL of the new joint action"
//	@Header			201				{string}	ETag		"Version of the record"
//	@Failure		400				{object}	ProblemBadRequest
//	@Failure		401				{object}	ProblemUnauthorized
//	@Failure		403				{object}	ProblemForbidden
//	@Failure		409				{object}	ProblemConflict	"The same Idempotency-Key still in flight"
//	@Failure		413				{object}	ProblemTooLarge
//	@Failure		415				{object}	ProblemUnsupportedMedia
//	@Failure		422				{object}	ProblemValidation
//	@Failure		429				{object}	ProblemRateLimited
//	@Failure		503				{object}	ProblemUnavailable
//	@Failure		default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/joint-actions [post]
func docCreateJointAction() {}

// docGetJointAction documents getJointAction.
//
//	@Summary	Get a joint duty action / 查询联合履职活动
//	@ID			getJointAction
//	@Tags		joint-actions
//	@Produce	json
//	@Param		id				path		string	true	"联合履职 UUID / Joint action UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param		If-None-Match	header		string	false	"客户端持有的 ETag（可多个）；其一仍为当前版本时回答 304 / ETag(s) the client holds; 304 when one is current; 例 e.g. &quot;1&quot;"
//	@Success	200				{object}	registry.JointAction
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
//	@Router		/v1/joint-actions/{id} [get]
func docGetJointAction() {}

// docPatchJointAction documents patchJointAction.
//
//	@Summary		Change a joint duty action / 修改联合履职活动
//	@Description	JSON merge patch (RFC 7396): objects merge, null clears, arrays replace. A registrar may change only joint actions its organisation takes part in and may not remove its own organisation. Archived joint actions cannot be changed (409).
//	@ID				patchJointAction
//	@Tags			joint-actions
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Param			id			path		string				true	"联合履职 UUID / Joint action UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param			If-Match	header		string				true	"被修改版本的 ETag，含双引号 / ETag of the version being changed, quotes included"	extensions(x-example="1")
//	@Param			body		body		jointActionPatch	true	"要修改的字段（JSON 合并补丁，null 清除可选字段） / Fields to change (JSON merge patch; null clears an optional field)"
//	@Success		200			{object}	registry.JointAction
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
//	@Router			/v1/joint-actions/{id} [patch]
func docPatchJointAction() {}

// docArchiveJointAction documents archiveJointAction.
//
//	@Summary		Archive a joint duty action / 归档联合履职活动
//	@Description	Nothing is ever deleted: the joint action stays readable with archived_at set and leaves the lists unless include_archived=true. Archiving an archived joint action is 409.
//	@ID				archiveJointAction
//	@Tags			joint-actions
//	@Produce		json
//	@Param			id			path		string	true	"联合履职 UUID / Joint action UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param			If-Match	header		string	true	"被归档版本的 ETag，含双引号 / ETag of the version being archived, quotes included"	extensions(x-example="1")
//	@Success		200			{object}	registry.JointAction
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
//	@Router			/v1/joint-actions/{id} [delete]
func docArchiveJointAction() {}

// docListJointActions documents listJointActions.
//
//	@Summary		Find joint duty actions / 查询联合履职活动
//	@Description	Newest first by start (a partial date sorts by its first day; undated last). `from`/`to` match joint actions whose period, started_on…ended_on (or just started_on when there is no end), overlaps the range: an action from 2022-11 to 2023-02 is found by from=2023&to=2023. With `Accept: text/csv` or `format=csv` the whole filtered list is streamed as CSV (UTF-8 with BOM); `format=xlsx` (or the Excel media type in Accept) answers an Excel workbook of it for people, in `lang`.
//	@ID				listJointActions
//	@Tags			joint-actions
//	@Produce		json
//	@Produce		text/csv
//	@Produce		application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Param			party				query		[]string	false	"参与组织，UUID 或代码；可重复（至多 10 个），列出每个所列组织都参与的记录 / Participant organisation, by UUID or code, repeat it (at most 10) for the records every named organisation took part in; 例 e.g. `changshou-cppcc`"	collectionFormat(multi)	extensions(x-example=changshou-jiusan)
//	@Param			region				query		string	false	"行政区划代码：匹配该区划（含下级）的任一参与组织 / Region code; matches any participant in that region or below; 例 e.g. `500115`"
//	@Param			agreement			query		string	false	"所依据协议的 UUID / UUID of the agreement they follow from; 例 e.g. `01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01`"	format(uuid)
//	@Param			area				query		string	false	"合作领域代码 / Cooperation-area code; 例 e.g. `culture-tourism`"
//	@Param			kind				query		string	false	"类别 / Kind"		Enums(inspection, research, proposal, supervision, exhibition, publicity, other)
//	@Param			status				query		string	false	"状态 / Status"	Enums(planned, ongoing, completed, cancelled)
//	@Param			from				query		string	false	"在此日期或之后仍在进行（含），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$` / Going on at or after, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; 例 e.g. `2023`"
//	@Param			to					query		string	false	"在此日期或之前已经开始（含），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$` / Going on at or before, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; 例 e.g. `2023-12`"
//	@Param			q					query		string	false	"标题、主题或摘要中的子串，不区分大小写 / Case-insensitive substring of titles, themes and summaries; 例 e.g. `书画`"
//	@Param			include_archived	query		bool	false	"是否包括已归档的联合履职 / Include archived joint actions"
//	@Param			format				query		string	false	"输出格式：csv 为 CSV 导出，xlsx 为 Excel 工作簿 / Output format: csv for a CSV export, xlsx for an Excel workbook"	Enums(json, csv, xlsx)
//	@Param			lang				query		string	false	"Excel 工作簿的语言，默认随 Accept-Language / Language of an Excel workbook (default: Accept-Language)"	Enums(zh, en)
//	@Param			limit				query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"				minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDIzLTA1LTE4IiwiMDE5M2E1YzItN2QxZS03YzRmLTlhNzAtMWYxYzJiM2Q0ZTVmIl0`"
//	@Success		200					{object}	JointActionList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		429					{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/joint-actions [get]
func docListJointActions() {}

// docListAgreementJointActions documents listAgreementJointActions.
//
//	@Summary		Joint actions under an agreement / 协议下的联合履职活动
//	@Description	The joint actions that refer to the agreement, with the filters and order of /v1/joint-actions.
//	@ID				listAgreementJointActions
//	@Tags			joint-actions
//	@Produce		json
//	@Produce		text/csv
//	@Produce		application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Param			id					path		string	true	"协议 UUID / Agreement UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param			party				query		[]string	false	"参与组织，UUID 或代码；可重复（至多 10 个），列出每个所列组织都参与的记录 / Participant organisation, by UUID or code, repeat it (at most 10) for the records every named organisation took part in; 例 e.g. `changshou-cppcc`"	collectionFormat(multi)
//	@Param			region				query		string	false	"行政区划代码：匹配该区划（含下级）的任一参与组织 / Region code; matches any participant in that region or below; 例 e.g. `500115`"
//	@Param			area				query		string	false	"合作领域代码 / Cooperation-area code; 例 e.g. `culture-tourism`"
//	@Param			kind				query		string	false	"类别 / Kind"		Enums(inspection, research, proposal, supervision, exhibition, publicity, other)
//	@Param			status				query		string	false	"状态 / Status"	Enums(planned, ongoing, completed, cancelled)
//	@Param			from				query		string	false	"在此日期或之后仍在进行（含），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$` / Going on at or after, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; 例 e.g. `2023`"
//	@Param			to					query		string	false	"在此日期或之前已经开始（含），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$` / Going on at or before, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; 例 e.g. `2023-12`"
//	@Param			q					query		string	false	"标题、主题或摘要中的子串，不区分大小写 / Case-insensitive substring of titles, themes and summaries; 例 e.g. `书画`"
//	@Param			include_archived	query		bool	false	"是否包括已归档的联合履职 / Include archived joint actions"
//	@Param			format				query		string	false	"输出格式：csv 为 CSV 导出，xlsx 为 Excel 工作簿 / Output format: csv for a CSV export, xlsx for an Excel workbook"	Enums(json, csv, xlsx)
//	@Param			lang				query		string	false	"Excel 工作簿的语言，默认随 Accept-Language / Language of an Excel workbook (default: Accept-Language)"	Enums(zh, en)
//	@Param			limit				query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"				minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDIzLTA1LTE4IiwiMDE5M2E1YzItN2QxZS03YzRmLTlhNzAtMWYxYzJiM2Q0ZTVmIl0`"
//	@Success		200					{object}	JointActionList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		404					{object}	ProblemNotFound
//	@Failure		429					{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id}/joint-actions [get]
func docListAgreementJointActions() {}

// docListOrganizationJointActions documents listOrganizationJointActions.
//
//	@Summary		Joint actions of an organisation / 组织参与的联合履职活动
//	@Description	Every joint action the organisation took part in, in any role, with the filters and order of /v1/joint-actions.
//	@ID				listOrganizationJointActions
//	@Tags			joint-actions
//	@Produce		json
//	@Produce		text/csv
//	@Produce		application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Param			id					path		string	true	"组织 UUID 或代码 / Organisation UUID or code"	extensions(x-example=changshou-cppcc)
//	@Param			region				query		string	false	"行政区划代码：匹配该区划（含下级）的任一参与组织 / Region code; matches any participant in that region or below; 例 e.g. `500115`"
//	@Param			agreement			query		string	false	"所依据协议的 UUID / UUID of the agreement they follow from; 例 e.g. `01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01`"	format(uuid)
//	@Param			area				query		string	false	"合作领域代码 / Cooperation-area code; 例 e.g. `culture-tourism`"
//	@Param			kind				query		string	false	"类别 / Kind"		Enums(inspection, research, proposal, supervision, exhibition, publicity, other)
//	@Param			status				query		string	false	"状态 / Status"	Enums(planned, ongoing, completed, cancelled)
//	@Param			from				query		string	false	"在此日期或之后仍在进行（含），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$` / Going on at or after, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; 例 e.g. `2023`"
//	@Param			to					query		string	false	"在此日期或之前已经开始（含），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$` / Going on at or before, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; 例 e.g. `2023-12`"
//	@Param			q					query		string	false	"标题、主题或摘要中的子串，不区分大小写 / Case-insensitive substring of titles, themes and summaries; 例 e.g. `书画`"
//	@Param			include_archived	query		bool	false	"是否包括已归档的联合履职 / Include archived joint actions"
//	@Param			format				query		string	false	"输出格式：csv 为 CSV 导出，xlsx 为 Excel 工作簿 / Output format: csv for a CSV export, xlsx for an Excel workbook"	Enums(json, csv, xlsx)
//	@Param			lang				query		string	false	"Excel 工作簿的语言，默认随 Accept-Language / Language of an Excel workbook (default: Accept-Language)"	Enums(zh, en)
//	@Param			limit				query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"				minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDIzLTA1LTE4IiwiMDE5M2E1YzItN2QxZS03YzRmLTlhNzAtMWYxYzJiM2Q0ZTVmIl0`"
//	@Success		200					{object}	JointActionList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		404					{object}	ProblemNotFound
//	@Failure		429					{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/organizations/{id}/joint-actions [get]
func docListOrganizationJointActions() {}
