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
//	@Param			Idempotency-Key	header		string				false	"1–255 visible ASCII characters; a retry with the same body replays the first answer"
//	@Param			body			body		registry.AgreementInput	true	"The agreement"
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
func docCreateAgreement() {}

// docGetAgreement documents getAgreement.
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
func docPatchAgreement() {}

// docArchiveAgreement documents archiveAgreement.
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
func docArchiveAgreement() {}

// docListAgreements documents listAgreements.
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
//	@Param			related_to			query		string	false	"Agreements linked to or from this agreement (UUID), in either direction"	format(uuid)
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
func docListAgreements() {}

// docAgreementHistory documents agreementHistory.
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
func docAgreementHistory() {}
