package httpapi

// The Swagger annotations of the the audit log routes, one stub a route,
// so that audit.go reads top to bottom. TestEveryRouteIsDocumented keeps
// these stubs and the route table in step.

// docListAudit documents listAudit.
//
//	@Summary		Audit log (admin) / 审计日志
//	@Description	Every successful write appends one entry, in the write's own transaction; entries are never changed or deleted. Oldest first. `from`/`to` are RFC 3339 timestamps, or dates meaning whole UTC days; both ends inclusive.
//	@ID				listAudit
//	@Tags			audit
//	@Produce		json
//	@Param			entity				query		string	false	"Entity"	Enums(agreement, consultation, joint_action, organization, cooperation_area)
//	@Param			entity_id			query		string	false	"Entity id (UUID, or code for cooperation areas)"
//	@Param			actor				query		string	false	"API key id"	format(uuid)
//	@Param			actor_organization	query		string	false	"Organisation of the actor (UUID or code)"
//	@Param			from				query		string	false	"From (inclusive)"
//	@Param			to					query		string	false	"To (inclusive)"
//	@Param			limit				query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success		200					{object}	AuditList
//	@Failure		400					{object}	Problem
//	@Failure		401					{object}	Problem
//	@Failure		403					{object}	Problem
//	@Failure		429					{object}	Problem	"Rate limited; see Retry-After"
//	@Failure		503					{object}	Problem	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/audit [get]
func docListAudit() {}
