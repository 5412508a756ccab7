package httpapi

// The Swagger annotations of the consultations routes, one stub a route,
// so that consultations.go reads top to bottom. TestEveryRouteIsDocumented keeps
// these stubs and the route table in step.

// docCreateConsultation documents createConsultation.
//
//	@Summary		Register a joint consultation / 登记联合协商
//	@Description	At least two distinct organisations take part, exactly one of them as host. A registrar may register only consultations its organisation takes part in. Status defaults to planned.
//	@ID				createConsultation
//	@Tags			consultations
//	@Accept			json
//	@Produce		json
//	@Param			Idempotency-Key	header		string				false	"1–255 visible ASCII characters; a retry with the same body replays the first answer"
//	@Param			body			body		registry.ConsultationInput	true	"The consultation"
//	@Success		201				{object}	registry.Consultation
//	@Header			201				{string}	Location	"URL of the new consultation"
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
//	@Router			/v1/consultations [post]
func docCreateConsultation() {}

// docGetConsultation documents getConsultation.
//
//	@Summary	Get a joint consultation / 查询联合协商
//	@ID			getConsultation
//	@Tags		consultations
//	@Produce	json
//	@Param		id				path		string	true	"Consultation UUID"	format(uuid)
//	@Param		If-None-Match	header		string	false	"ETag(s) the client holds; 304 when one is current"
//	@Success	200				{object}	registry.Consultation
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
//	@Router		/v1/consultations/{id} [get]
func docGetConsultation() {}

// docPatchConsultation documents patchConsultation.
//
//	@Summary		Change a joint consultation / 修改联合协商
//	@Description	JSON merge patch (RFC 7396): objects merge, null clears, arrays replace. A registrar may change only consultations its organisation takes part in and may not remove its own organisation. Archived consultations cannot be changed (409).
//	@ID				patchConsultation
//	@Tags			consultations
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Param			id			path		string				true	"Consultation UUID"	format(uuid)
//	@Param			If-Match	header		string				true	"ETag of the version being changed"
//	@Param			body		body		consultationPatch	true	"Fields to change"
//	@Success		200			{object}	registry.Consultation
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
//	@Router			/v1/consultations/{id} [patch]
func docPatchConsultation() {}

// docArchiveConsultation documents archiveConsultation.
//
//	@Summary		Archive a joint consultation / 归档联合协商
//	@Description	Nothing is ever deleted: the consultation stays readable with archived_at set and leaves the lists unless include_archived=true. Archiving an archived consultation is 409.
//	@ID				archiveConsultation
//	@Tags			consultations
//	@Produce		json
//	@Param			id			path		string	true	"Consultation UUID"	format(uuid)
//	@Param			If-Match	header		string	true	"ETag of the version being archived"
//	@Success		200			{object}	registry.Consultation
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
//	@Router			/v1/consultations/{id} [delete]
func docArchiveConsultation() {}

// docListConsultations documents listConsultations.
//
//	@Summary		Find joint consultations / 查询联合协商
//	@Description	Newest first by the day held (a partial date sorts by its first day; undated last). `from`/`to` match consultations whose held_on overlaps the range. `format` filters by consultation format; `format=csv` (or `Accept: text/csv`) streams the whole filtered list as CSV (UTF-8 with BOM).
//	@ID				listConsultations
//	@Tags			consultations
//	@Produce		json
//	@Produce		text/csv
//	@Param			party				query		[]string	false	"Participant organisation (UUID or code); repeat it (at most 10) for the records every named organisation took part in" collectionFormat(multi)	extensions(x-example=yubei-cppcc)
//	@Param			region				query		string	false	"Region code; matches any participant in that region or below"
//	@Param			agreement			query		string	false	"Agreement UUID"	format(uuid)
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			format				query		string	false	"Consultation format, or json/csv/xlsx for the output"	Enums(meeting, seminar, field_visit, online, grassroots, json, csv, xlsx)
//	@Param	lang	query	string	false	"Language of an export's headings and labels (Accept-Language otherwise)"	Enums(zh, en)
//	@Param			status				query		string	false	"Status"											Enums(planned, held, cancelled)
//	@Param			from				query		string	false	"Held on or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			to					query		string	false	"Held on or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, topics and summaries"
//	@Param			include_archived	query		bool	false	"Include archived consultations"
//	@Param			limit				query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	ConsultationList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure	406	{object}	Problem	"format=xlsx or an Accept of a workbook: Excel exports are not available yet"
//	@Failure		401					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/consultations [get]
func docListConsultations() {}

// docListAgreementConsultations documents listAgreementConsultations.
//
//	@Summary		Consultations under an agreement / 协议下的联合协商
//	@Description	The consultations that refer to the agreement, with the filters and order of /v1/consultations.
//	@ID				listAgreementConsultations
//	@Tags			consultations
//	@Produce		json
//	@Produce		text/csv
//	@Param			id					path		string	true	"Agreement UUID"	format(uuid)
//	@Param			party				query		[]string	false	"Participant organisation (UUID or code); repeat it (at most 10) for the records every named organisation took part in" collectionFormat(multi)
//	@Param			region				query		string	false	"Region code; matches any participant in that region or below"
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			format				query		string	false	"Consultation format, or json/csv/xlsx for the output"	Enums(meeting, seminar, field_visit, online, grassroots, json, csv, xlsx)
//	@Param	lang	query	string	false	"Language of an export's headings and labels (Accept-Language otherwise)"	Enums(zh, en)
//	@Param			status				query		string	false	"Status"											Enums(planned, held, cancelled)
//	@Param			from				query		string	false	"Held on or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			to					query		string	false	"Held on or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, topics and summaries"
//	@Param			include_archived	query		bool	false	"Include archived consultations"
//	@Param			limit				query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	ConsultationList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure	406	{object}	Problem	"format=xlsx or an Accept of a workbook: Excel exports are not available yet"
//	@Failure		401					{object}	Problem
//	@Failure		404					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id}/consultations [get]
func docListAgreementConsultations() {}

// docListOrganizationConsultations documents listOrganizationConsultations.
//
//	@Summary		Consultations of an organisation / 组织参与的联合协商
//	@Description	Every consultation the organisation took part in, in any role, with the filters and order of /v1/consultations.
//	@ID				listOrganizationConsultations
//	@Tags			consultations
//	@Produce		json
//	@Produce		text/csv
//	@Param			id					path		string	true	"Organisation UUID or code"	extensions(x-example=changshou-cppcc)
//	@Param			region				query		string	false	"Region code; matches any participant in that region or below"
//	@Param			agreement			query		string	false	"Agreement UUID"	format(uuid)
//	@Param			area				query		string	false	"Cooperation-area code"
//	@Param			format				query		string	false	"Consultation format, or json/csv/xlsx for the output"	Enums(meeting, seminar, field_visit, online, grassroots, json, csv, xlsx)
//	@Param	lang	query	string	false	"Language of an export's headings and labels (Accept-Language otherwise)"	Enums(zh, en)
//	@Param			status				query		string	false	"Status"											Enums(planned, held, cancelled)
//	@Param			from				query		string	false	"Held on or after (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			to					query		string	false	"Held on or before (YYYY, YYYY-MM or YYYY-MM-DD)"
//	@Param			q					query		string	false	"Case-insensitive substring of titles, topics and summaries"
//	@Param			include_archived	query		bool	false	"Include archived consultations"
//	@Param			limit				query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	ConsultationList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	Problem
//	@Failure	406	{object}	Problem	"format=xlsx or an Accept of a workbook: Excel exports are not available yet"
//	@Failure		401					{object}	Problem
//	@Failure		404					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/organizations/{id}/consultations [get]
func docListOrganizationConsultations() {}
