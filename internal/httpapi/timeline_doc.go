package httpapi

// docAgreementTimeline documents agreementTimeline.
//
//	@Summary		What happened under an agreement / 协议大事记
//	@Description	Oldest first, paged like every list: the signing, each party's signing, status changes (from the audit), links to and from other agreements, the consultations and joint actions under it, its milestones due and done, and its files added. `on` is a (partial) date, or an RFC 3339 time for events known only from the audit; a date counts from its first day in China Standard Time.
//	@ID				agreementTimeline
//	@Tags			agreements
//	@Produce		json
//	@Param			id		path		string	true	"Agreement UUID"	format(uuid)
//	@Param			limit	query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor	query		string	false	"Opaque cursor from next_cursor"
//	@Success		200		{object}	TimelineList
//	@Header			200		{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400		{object}	Problem
//	@Failure		401		{object}	Problem
//	@Failure		404		{object}	Problem
//	@Failure		429		{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503		{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default	{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id}/timeline [get]
func docAgreementTimeline() {}
