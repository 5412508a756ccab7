package httpapi

// The Swagger annotations of the milestone routes, one stub a route.

// docCreateMilestone documents createMilestone.
//
//	@Summary		Add a milestone to an agreement / 登记协议后续事项
//	@Description	A follow-up commitment under the agreement of the path. Who may write the agreement may add its milestones. `responsible_organization_id` (UUID or code) must be a party of the agreement (422 not_a_party_of_agreement); `done_on` is required when the status is done (422 required_when_done) and may not be in the future (China Standard Time). `links` name consultations or joint actions that exist (422 unknown_reference). Status defaults to open. An archived agreement takes no new milestones (409).
//	@ID				createMilestone
//	@Tags			milestones
//	@Accept			json
//	@Produce		json
//	@Param			id				path		string					true	"协议 UUID / Agreement UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param			Idempotency-Key	header		string					false	"幂等键，1–255 个可见 ASCII 字符；用同一键、同一请求体重试时重放首次的回答 / Idempotency key, 1–255 visible ASCII characters; a retry with the same key and body replays the first answer; 例 e.g. `milestone-2024-05-01-0001`"
//	@Param			body			body		registry.MilestoneInput	true	"要登记的后续事项 / The milestone to add"
//	@Success		201				{object}	registry.Milestone
//	@Header			201				{string}	Location	"URL of the new milestone"
//	@Header			201				{string}	ETag		"Version of the record"
//	@Failure		400				{object}	ProblemBadRequest
//	@Failure		401				{object}	ProblemUnauthorized
//	@Failure		403				{object}	ProblemForbidden
//	@Failure		404				{object}	ProblemNotFound		"No such agreement"
//	@Failure		409				{object}	ProblemConflict		"The agreement is archived, or the same Idempotency-Key is still in flight"
//	@Failure		413				{object}	ProblemTooLarge
//	@Failure		415				{object}	ProblemUnsupportedMedia
//	@Failure		422				{object}	ProblemValidation
//	@Failure		429				{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503				{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default			{object}	Problem				"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id}/milestones [post]
func docCreateMilestone() {}

// docListAgreementMilestones documents listAgreementMilestones.
//
//	@Summary		Milestones of an agreement / 协议后续事项
//	@Description	By due date ascending (a partial date sorts by its first day; undated last), ties by id. The filters of /v1/milestones apply, the agreement being the one of the path. `overdue` is computed when read: open, and the last day of `due_on` is before today in China Standard Time.
//	@ID				listAgreementMilestones
//	@Tags			milestones
//	@Produce		json
//	@Param			id					path		string	true	"协议 UUID / Agreement UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param			party				query		string	false	"协议的参与方组织，UUID 或代码 / A party of the agreement, by UUID or code; 例 e.g. `changshou-cppcc`"
//	@Param			responsible			query		string	false	"负责组织，UUID 或代码 / Responsible organisation, by UUID or code; 例 e.g. `pengzhou-cppcc`"
//	@Param			status				query		string	false	"事项状态 / Status"	Enums(open, done, cancelled)
//	@Param			overdue				query		bool	false	"只列出已逾期的事项：状态为 open 且到期日期已过（北京时间） / Only open milestones whose due date has passed (China Standard Time)"
//	@Param			due_from			query		string	false	"在此日期或之后到期（含），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$` / Due on or after, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; 例 e.g. `2024`"
//	@Param			due_to				query		string	false	"在此日期或之前到期（含），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$` / Due on or before, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; 例 e.g. `2024-12-31`"
//	@Param			include_archived	query		bool	false	"是否包括已归档的事项 / Include archived milestones"
//	@Param			limit				query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDI0LTA2LTAxIiwiMDE5M2E1YzItYTFiMi03YzNkLThlNGYtNWE2YjdjOGQ5ZTBmIl0`"
//	@Success		200					{object}	MilestoneList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		404					{object}	ProblemNotFound		"No such agreement"
//	@Failure		429					{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem				"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id}/milestones [get]
func docListAgreementMilestones() {}

// docListMilestones documents listMilestones.
//
//	@Summary		Find milestones / 查询协议后续事项
//	@Description	By due date ascending (a partial date sorts by its first day; undated last), ties by id. `overdue` is computed when read: open, and the last day of `due_on` is before today in China Standard Time. `due_from`/`due_to` match due dates that overlap the range.
//	@ID				listMilestones
//	@Tags			milestones
//	@Produce		json
//	@Param			party				query		string	false	"所属协议的参与方组织，UUID 或代码 / A party of the milestone's agreement, by UUID or code; 例 e.g. `changshou-cppcc`"
//	@Param			responsible			query		string	false	"负责组织，UUID 或代码 / Responsible organisation, by UUID or code; 例 e.g. `pengzhou-cppcc`"
//	@Param			agreement			query		string	false	"所属协议的 UUID / UUID of the agreement they are under; 例 e.g. `0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f`"	format(uuid)
//	@Param			status				query		string	false	"事项状态 / Status"	Enums(open, done, cancelled)
//	@Param			overdue				query		bool	false	"只列出已逾期的事项：状态为 open 且到期日期已过（北京时间） / Only overdue milestones: open, and the due date has passed (China Standard Time)"
//	@Param			due_from			query		string	false	"在此日期或之后到期（含），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$` / Due on or after, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; 例 e.g. `2024`"
//	@Param			due_to				query		string	false	"在此日期或之前到期（含），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$` / Due on or before, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; 例 e.g. `2024-12-31`"
//	@Param			include_archived	query		bool	false	"是否包括已归档的事项 / Include archived milestones"
//	@Param			limit				query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDI0LTA2LTAxIiwiMDE5M2E1YzItYTFiMi03YzNkLThlNGYtNWE2YjdjOGQ5ZTBmIl0`"
//	@Success		200					{object}	MilestoneList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		429					{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem				"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/milestones [get]
func docListMilestones() {}

// docGetMilestone documents getMilestone.
//
//	@Summary	Get a milestone / 查询协议后续事项
//	@ID			getMilestone
//	@Tags		milestones
//	@Produce	json
//	@Param		id				path		string	true	"后续事项 UUID / Milestone UUID"	format(uuid)	extensions(x-example=0193a5c2-a1b2-7c3d-8e4f-5a6b7c8d9e0f)
//	@Param		If-None-Match	header		string	false	"客户端持有的 ETag（可多个）；其一仍为当前版本时回答 304 / ETag(s) the client holds; 304 when one is current; 例 e.g. &quot;1&quot;"
//	@Success	200				{object}	registry.Milestone
//	@Header		200				{string}	ETag			"Version of the record; send it back in If-Match"
//	@Header		200				{string}	Cache-Control	"no-cache: revalidate with If-None-Match"
//	@Success	304				"Not modified: the record still has the ETag sent in If-None-Match; no body"
//	@Header		304				{string}	ETag	"Version of the record"
//	@Failure	401				{object}	ProblemUnauthorized
//	@Failure	404				{object}	ProblemNotFound
//	@Failure	429				{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure	503				{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure	default			{object}	Problem				"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/milestones/{id} [get]
func docGetMilestone() {}

// docPatchMilestone documents patchMilestone.
//
//	@Summary		Change a milestone / 修改协议后续事项
//	@Description	JSON merge patch (RFC 7396): objects merge, null clears, arrays replace. The agreement never changes. The rules of creation hold for the result: a responsible organisation that is a party of the agreement, done_on when done, links that exist. Archived milestones cannot be changed (409).
//	@ID				patchMilestone
//	@Tags			milestones
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Param			id			path		string			true	"后续事项 UUID / Milestone UUID"	format(uuid)	extensions(x-example=0193a5c2-a1b2-7c3d-8e4f-5a6b7c8d9e0f)
//	@Param			If-Match	header		string			true	"被修改版本的 ETag，含双引号 / ETag of the version being changed, quotes included"	extensions(x-example="1")
//	@Param			body		body		milestonePatch	true	"要修改的字段（JSON 合并补丁，null 清除可选字段） / Fields to change (JSON merge patch; null clears an optional field)"
//	@Success		200			{object}	registry.Milestone
//	@Header			200			{string}	ETag	"Version of the record"
//	@Failure		400			{object}	ProblemBadRequest
//	@Failure		401			{object}	ProblemUnauthorized
//	@Failure		403			{object}	ProblemForbidden
//	@Failure		404			{object}	ProblemNotFound
//	@Failure		409			{object}	ProblemConflict		"The milestone is archived"
//	@Failure		412			{object}	ProblemPreconditionFailed
//	@Failure		413			{object}	ProblemTooLarge
//	@Failure		415			{object}	ProblemUnsupportedMedia
//	@Failure		422			{object}	ProblemValidation
//	@Failure		428			{object}	ProblemPreconditionRequired
//	@Failure		429			{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503			{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default		{object}	Problem				"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/milestones/{id} [patch]
func docPatchMilestone() {}

// docArchiveMilestone documents archiveMilestone.
//
//	@Summary		Archive a milestone / 归档协议后续事项
//	@Description	Nothing is ever deleted: the milestone stays readable with archived_at set and leaves the lists unless include_archived=true. Archiving an archived milestone is 409.
//	@ID				archiveMilestone
//	@Tags			milestones
//	@Produce		json
//	@Param			id			path		string	true	"后续事项 UUID / Milestone UUID"	format(uuid)	extensions(x-example=0193a5c2-a1b2-7c3d-8e4f-5a6b7c8d9e0f)
//	@Param			If-Match	header		string	true	"被归档版本的 ETag，含双引号 / ETag of the version being archived, quotes included"	extensions(x-example="1")
//	@Success		200			{object}	registry.Milestone
//	@Header			200			{string}	ETag	"Version of the record"
//	@Failure		401			{object}	ProblemUnauthorized
//	@Failure		403			{object}	ProblemForbidden
//	@Failure		404			{object}	ProblemNotFound
//	@Failure		409			{object}	ProblemConflict		"Already archived"
//	@Failure		412			{object}	ProblemPreconditionFailed
//	@Failure		428			{object}	ProblemPreconditionRequired
//	@Failure		429			{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503			{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default		{object}	Problem				"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/milestones/{id} [delete]
func docArchiveMilestone() {}
