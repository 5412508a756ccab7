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
func docListOrganizations() {}

// docGetOrganization documents getOrganization.
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
func docGetOrganization() {}

// docCreateOrganization documents createOrganization.
//
//	@Summary	Register an organisation (admin) / 登记组织
//	@ID			createOrganization
//	@Tags		organizations
//	@Accept		json
//	@Produce	json
//	@Param		Idempotency-Key	header		string				false	"1–255 visible ASCII characters; a retry replays the first answer"
//	@Param		body			body		registry.OrganizationInput	true	"The organisation"
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
func docPatchOrganization() {}
