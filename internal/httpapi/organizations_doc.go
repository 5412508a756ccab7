package httpapi

// The Swagger annotations of the organisations routes, one stub a route,
// so that organizations.go reads top to bottom. TestEveryRouteIsDocumented keeps
// these stubs and the route table in step.

// docListOrganizations documents listOrganizations.
//
//	@Summary	List organisations / 组织列表
//	@ID			listOrganizations
//	@Tags		organizations
//	@Produce	json
//	@Param		kind	query		string	false	"类别 / Kind"	Enums(cppcc_committee, democratic_party, federation_of_industry_commerce, non_party_intellectuals, government, other)
//	@Param		region	query		string	false	"行政区划代码，含其所有下级 / Region code; includes every region below it; 例 e.g. `500000`"
//	@Param		q		query		string	false	"名称、简称或代码中的子串，不区分大小写 / Case-insensitive substring of names, short names or code; 例 e.g. `长寿`"
//	@Param		limit	query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"	minimum(1)	maximum(200)	default(50)
//	@Param		cursor	query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDIzLTA1LTE4IiwiMDE5M2E1YzItN2QxZS03YzRmLTlhNzAtMWYxYzJiM2Q0ZTVmIl0`"
//	@Success	200		{object}	OrganizationList
//	@Header		200		{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure	400		{object}	ProblemBadRequest
//	@Failure	401		{object}	ProblemUnauthorized
//	@Failure	429		{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure	503		{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure	default	{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/organizations [get]
func docListOrganizations() {}

// docGetOrganization documents getOrganization.
//
//	@Summary	Get an organisation / 查询组织
//	@ID			getOrganization
//	@Tags		organizations
//	@Produce	json
//	@Param		id				path		string	true	"组织 UUID 或代码 / Organisation UUID or code"	extensions(x-example=changshou-cppcc)
//	@Param		If-None-Match	header		string	false	"客户端持有的 ETag（可多个）；其一仍为当前版本时回答 304 / ETag(s) the client holds; 304 when one is current; 例 e.g. &quot;1&quot;"
//	@Success	200				{object}	registry.Organization
//	@Header		200				{string}	ETag			"Version of the record"
//	@Header		200				{string}	Cache-Control	"no-cache: revalidate with If-None-Match"
//	@Success	304				"Not modified: the record still has the ETag sent in If-None-Match; no body"
//	@Header		304				{string}	ETag	"Version of the record"
//	@Failure	401				{object}	ProblemUnauthorized
//	@Failure	404				{object}	ProblemNotFound
//	@Failure	429				{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure	503				{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure	default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/organizations/{id} [get]
func docGetOrganization() {}

// docCreateOrganization documents createOrganization.
//
//	@Summary	Register an organisation (admin) / 登记组织
//	@ID			createOrganization
//	@Tags		organizations
//	@Accept		json
//	@Produce	json
//	@Param		Idempotency-Key	header		string				false	"幂等键，1–255 个可见 ASCII 字符；用同一键重试时重放首次的回答 / Idempotency key, 1–255 visible ASCII characters; a retry with the same key replays the first answer; 例 e.g. `create-2024-05-01-0001`"
//	@Param		body			body		registry.OrganizationInput	true	"要新增的组织 / The organisation to add"
//	@Success	201				{object}	registry.Organization
//	@Header		201				{string}	Location	"URL of the new organisation"
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
//	@Router		/v1/organizations [post]
func docCreateOrganization() {}

// docPatchOrganization documents patchOrganization.
//
//	@Summary		Change an organisation / 修改组织
//	@Description	JSON merge patch (RFC 7396). Admins, or a registrar of that organisation.
//	@ID				patchOrganization
//	@Tags			organizations
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Param			id			path		string				true	"组织 UUID 或代码 / Organisation UUID or code"	extensions(x-example=changshou-cppcc)
//	@Param			If-Match	header		string				true	"被修改版本的 ETag，含双引号 / ETag of the version being changed, quotes included"	extensions(x-example="1")
//	@Param			body		body		organizationPatch	true	"要修改的字段（JSON 合并补丁，null 清除可选字段） / Fields to change (JSON merge patch; null clears an optional field)"
//	@Success		200			{object}	registry.Organization
//	@Header			200			{string}	ETag	"Version of the record"
//	@Failure		400			{object}	ProblemBadRequest
//	@Failure		401			{object}	ProblemUnauthorized
//	@Failure		403			{object}	ProblemForbidden
//	@Failure		404			{object}	ProblemNotFound
//	@Failure		409			{object}	ProblemConflict
//	@Failure		412			{object}	ProblemPreconditionFailed
//	@Failure		415			{object}	ProblemUnsupportedMedia
//	@Failure		422			{object}	ProblemValidation
//	@Failure		428			{object}	ProblemPreconditionRequired
//	@Failure		429			{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503			{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default		{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/organizations/{id} [patch]
func docPatchOrganization() {}
