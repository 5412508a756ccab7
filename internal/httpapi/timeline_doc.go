package httpapi

// docAgreementTimeline documents agreementTimeline.
//
//	@Summary		What happened under an agreement / 协议大事记
//	@Description	Oldest first, paged like every list: the signing, each party's signing, status changes (from the audit), links to and from other agreements, the consultations and joint actions under it, its milestones due and done, and its files added. `on` is a (partial) date, or an RFC 3339 time for events known only from the audit; a date counts from its first day in China Standard Time. A consultation or joint action registered without a date is placed at the moment it was registered (an RFC 3339 time), so it is neither lost nor given an invented date; the status an agreement is registered with belongs to its registration and signing, so only later changes are `status_changed` events.
//	@ID				agreementTimeline
//	@Tags			agreements
//	@Produce		json
//	@Param			id		path		string	true	"协议 UUID / Agreement UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param			limit	query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor	query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDIzLTA1LTE4VDAwOjAwOjAwWiIsIjEiLCIwMTkzYTVjMi03ZDFlLTdjNGYtOWE3MC0xZjFjMmIzZDRlNWYiXQ`"
//	@Success		200		{object}	TimelineList
//	@Header			200		{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400		{object}	ProblemBadRequest
//	@Failure		401		{object}	ProblemUnauthorized
//	@Failure		404		{object}	ProblemNotFound		"No such agreement"
//	@Failure		429		{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503		{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default	{object}	Problem				"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id}/timeline [get]
func docAgreementTimeline() {}
