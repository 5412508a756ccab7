package httpapi

// The Swagger annotations of the milestone routes, one stub a route.

// docCreateMilestone documents createMilestone.
//
//	@Summary		Add a milestone to an agreement / 登记协议后续事项
//	@Description	A follow-up commitment under the agreement of the path. Who may write the agreement may add its milestones. `responsible_organization_id` (UUID or code) must be a party of the agreement; `done_on` is required when the status is done and may not be in the future (China Standard Time). `links` name consultations or joint actions that exist. Status defaults to open.
//	@ID				createMilestone
//	@Tags			milestones
//	@Accept			json
//	@Produce		json
//	@Param			id				path		string					true	"Agreement UUID"	format(uuid)
//	@Param			Idempotency-Key	header		string					false	"1–255 visible ASCII characters; a retry with the same body replays the first answer"
//	@Param			body			body		registry.MilestoneInput	true	"The milestone"
//	@Success		201				{object}	registry.Milestone
//	@Header			201				{string}	Location	"URL of the new milestone"
//	@Header			201				{string}	ETag		"Version of the record"
//	@Failure		400				{object}	Problem
//	@Failure		401				{object}	Problem
//	@Failure		403				{object}	Problem
//	@Failure		404				{object}	Problem	"No such agreement"
//	@Failure		409				{object}	Problem	"The agreement is archived, or the same Idempotency-Key is still in flight"
//	@Failure		413				{object}	Problem
//	@Failure		415				{object}	Problem
//	@Failure		422				{object}	Problem
//	@Failure		429				{object}	Problem
//	@Failure		503				{object}	Problem
//	@Failure		default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id}/milestones [post]
func docCreateMilestone() {}

// docListAgreementMilestones documents listAgreementMilestones.
//
//	@Summary		Milestones of an agreement / 协议后续事项
//	@Description	By due date ascending (a partial date sorts by its first day; undated last), ties by id. The filters of /v1/milestones apply.
//	@ID				listAgreementMilestones
//	@Tags			milestones
//	@Produce		json
//	@Param			id					path		string	true	"Agreement UUID"	format(uuid)
//	@Param			status				query		string	false	"Status"	Enums(open, done, cancelled)
//	@Param			overdue				query		bool	false	"Only open milestones whose due date has passed (China Standard Time)"
//	@Param			include_archived	query		bool	false	"Include archived milestones"
//	@Param			limit				query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	MilestoneList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure		401					{object}	Problem
//	@Failure		404					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
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
//	@Param			party				query		string	false	"A party of the milestone's agreement (UUID or code)"	extensions(x-example=changshou-cppcc)
//	@Param			responsible			query		string	false	"Responsible organisation (UUID or code)"
//	@Param			agreement			query		string	false	"Agreement UUID"	format(uuid)
//	@Param			status				query		string	false	"Status"	Enums(open, done, cancelled)
//	@Param			overdue				query		bool	false	"Only overdue milestones"
//	@Param			due_from			query		string	false	"Due on or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			due_to				query		string	false	"Due on or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			include_archived	query		bool	false	"Include archived milestones"
//	@Param			limit				query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	MilestoneList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure		401					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/milestones [get]
func docListMilestones() {}

// docGetMilestone documents getMilestone.
//
//	@Summary	Get a milestone / 查询协议后续事项
//	@ID			getMilestone
//	@Tags		milestones
//	@Produce	json
//	@Param		id				path		string	true	"Milestone UUID"	format(uuid)
//	@Param		If-None-Match	header		string	false	"ETag(s) the client holds; 304 when one is current"
//	@Success	200				{object}	registry.Milestone
//	@Header		200				{string}	ETag	"Version of the record; send it back in If-Match"
//	@Success	304				"Not modified: the record still has the ETag sent in If-None-Match; no body"
//	@Failure	401				{object}	Problem
//	@Failure	404				{object}	Problem
//	@Failure	429				{object}	Problem	"Rate limited; see Retry-After"
//	@Failure	503				{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure	default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/milestones/{id} [get]
func docGetMilestone() {}

// docPatchMilestone documents patchMilestone.
//
//	@Summary		Change a milestone / 修改协议后续事项
//	@Description	JSON merge patch (RFC 7396): objects merge, null clears, arrays replace. The agreement never changes. Archived milestones cannot be changed (409).
//	@ID				patchMilestone
//	@Tags			milestones
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Param			id			path		string			true	"Milestone UUID"	format(uuid)
//	@Param			If-Match	header		string			true	"ETag of the version being changed"
//	@Param			body		body		milestonePatch	true	"Fields to change"
//	@Success		200			{object}	registry.Milestone
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
//	@Router			/v1/milestones/{id} [patch]
func docPatchMilestone() {}

// docArchiveMilestone documents archiveMilestone.
//
//	@Summary		Archive a milestone / 归档协议后续事项
//	@Description	Nothing is ever deleted: the milestone stays readable with archived_at set and leaves the lists unless include_archived=true. Archiving an archived milestone is 409.
//	@ID				archiveMilestone
//	@Tags			milestones
//	@Produce		json
//	@Param			id			path		string	true	"Milestone UUID"	format(uuid)
//	@Param			If-Match	header		string	true	"ETag of the version being archived"
//	@Success		200			{object}	registry.Milestone
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
//	@Router			/v1/milestones/{id} [delete]
func docArchiveMilestone() {}
