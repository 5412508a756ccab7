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
//	@Param			Idempotency-Key	header		string				false	"1–255 visible ASCII characters; a retry with the same body replays the first answer"
//	@Param			body			body		registry.JointActionInput	true	"The joint action"
//	@Success		201				{object}	registry.JointAction
//	@Header			201				{string}	Location	"URL of the new joint action"
//	@Header			201				{string}	ETag		"Version of the record"
//	@Failure		400				{object}	Problem
//	@Failure		401				{object}	Problem
//	@Failure		403				{object}	Problem
//	@Failure		409				{object}	Problem	"The same Idempotency-Key still in flight"
//	@Failure		413				{object}	Problem
//	@Failure		415				{object}	Problem
//	@Failure		422				{object}	Problem
//	@Failure		429				{object}	Problem
//	@Failure		503				{object}	Problem
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
//	@Param		id				path		string	true	"Joint action UUID"	format(uuid)
//	@Param		If-None-Match	header		string	false	"ETag(s) the client holds; 304 when one is current"
//	@Success	200				{object}	registry.JointAction
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
//	@Param			id			path		string				true	"Joint action UUID"	format(uuid)
//	@Param			If-Match	header		string				true	"ETag of the version being changed"
//	@Param			body		body		jointActionPatch	true	"Fields to change"
//	@Success		200			{object}	registry.JointAction
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
//	@Router			/v1/joint-actions/{id} [patch]
func docPatchJointAction() {}

// docArchiveJointAction documents archiveJointAction.
//
//	@Summary		Archive a joint duty action / 归档联合履职活动
//	@Description	Nothing is ever deleted: the joint action stays readable with archived_at set and leaves the lists unless include_archived=true. Archiving an archived joint action is 409.
//	@ID				archiveJointAction
//	@Tags			joint-actions
//	@Produce		json
//	@Param			id			path		string	true	"Joint action UUID"	format(uuid)
//	@Param			If-Match	header		string	true	"ETag of the version being archived"
//	@Success		200			{object}	registry.JointAction
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
//	@Router			/v1/joint-actions/{id} [delete]
func docArchiveJointAction() {}

// docListJointActions documents listJointActions.
//
//	@Summary		Find joint duty actions / 查询联合履职活动
//	@Description	Newest first by start (a partial date sorts by its first day; undated last). `from`/`to` match joint actions whose period, started_on…ended_on (or just started_on when there is no end), overlaps the range: an action from 2022-11 to 2023-02 is found by from=2023&to=2023. With `Accept: text/csv` or `format=csv` the whole filtered list is streamed as CSV (UTF-8 with BOM).
//	@ID				listJointActions
//	@Tags			joint-actions
//	@Produce		json
//	@Produce		text/csv
//	@Param			party				query		[]string	false	"Participant organisation (UUID or code); repeat it (at most 10) for the records every named organisation took part in" collectionFormat(multi)	extensions(x-example=changshou-jiusan)
//	@Param			region				query		string	false	"Region code; matches any participant in that region or below"
//	@Param			agreement			query		string	false	"Agreement UUID"	format(uuid)
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			kind				query		string	false	"Kind"		Enums(inspection, research, proposal, supervision, exhibition, publicity, other)
//	@Param			status				query		string	false	"Status"	Enums(planned, ongoing, completed, cancelled)
//	@Param			from				query		string	false	"Going on at or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			to					query		string	false	"Going on at or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, themes and summaries"
//	@Param			include_archived	query		bool	false	"Include archived joint actions"
//	@Param			format				query		string	false	"csv for a CSV export, xlsx for an Excel workbook"	Enums(json, csv, xlsx)
//	@Param	lang	query	string	false	"Language of an export's headings and labels (Accept-Language otherwise)"	Enums(zh, en)
//	@Param			limit				query		int		false	"Page size"				minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	JointActionList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure	406	{object}	Problem	"format=xlsx or an Accept of a workbook: Excel exports are not available yet"
//	@Failure		401					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
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
//	@Param			id					path		string	true	"Agreement UUID"	format(uuid)
//	@Param			party				query		[]string	false	"Participant organisation (UUID or code); repeat it (at most 10) for the records every named organisation took part in" collectionFormat(multi)
//	@Param			region				query		string	false	"Region code; matches any participant in that region or below"
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			kind				query		string	false	"Kind"		Enums(inspection, research, proposal, supervision, exhibition, publicity, other)
//	@Param			status				query		string	false	"Status"	Enums(planned, ongoing, completed, cancelled)
//	@Param			from				query		string	false	"Going on at or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			to					query		string	false	"Going on at or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, themes and summaries"
//	@Param			include_archived	query		bool	false	"Include archived joint actions"
//	@Param			format				query		string	false	"csv for a CSV export, xlsx for an Excel workbook"	Enums(json, csv, xlsx)
//	@Param	lang	query	string	false	"Language of an export's headings and labels (Accept-Language otherwise)"	Enums(zh, en)
//	@Param			limit				query		int		false	"Page size"				minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	JointActionList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure	406	{object}	Problem	"format=xlsx or an Accept of a workbook: Excel exports are not available yet"
//	@Failure		401					{object}	Problem
//	@Failure		404					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
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
//	@Param			id					path		string	true	"Organisation UUID or code"	extensions(x-example=changshou-cppcc)
//	@Param			region				query		string	false	"Region code; matches any participant in that region or below"
//	@Param			agreement			query		string	false	"Agreement UUID"	format(uuid)
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			kind				query		string	false	"Kind"		Enums(inspection, research, proposal, supervision, exhibition, publicity, other)
//	@Param			status				query		string	false	"Status"	Enums(planned, ongoing, completed, cancelled)
//	@Param			from				query		string	false	"Going on at or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			to					query		string	false	"Going on at or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, themes and summaries"
//	@Param			include_archived	query		bool	false	"Include archived joint actions"
//	@Param			format				query		string	false	"csv for a CSV export, xlsx for an Excel workbook"	Enums(json, csv, xlsx)
//	@Param	lang	query	string	false	"Language of an export's headings and labels (Accept-Language otherwise)"	Enums(zh, en)
//	@Param			limit				query		int		false	"Page size"				minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	JointActionList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure	406	{object}	Problem	"format=xlsx or an Accept of a workbook: Excel exports are not available yet"
//	@Failure		401					{object}	Problem
//	@Failure		404					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/organizations/{id}/joint-actions [get]
func docListOrganizationJointActions() {}
