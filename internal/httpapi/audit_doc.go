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
//	@Param			entity				query		string	false	"记录种类 / Kind of record"	Enums(agreement, consultation, joint_action, organization, cooperation_area)
//	@Param			entity_id			query		string	false	"记录的 UUID（合作领域为其代码） / UUID of the record (the code for a cooperation area); 例 e.g. `0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f`"
//	@Param			actor				query		string	false	"写入所用 API 密钥的 id（UUID） / Id (UUID) of the API key that wrote; 例 e.g. `01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01`"	format(uuid)
//	@Param			actor_organization	query		string	false	"写入者所属组织，UUID 或代码 / Organisation of the writer, by UUID or code; 例 e.g. `changshou-cppcc`"
//	@Param			from				query		string	false	"起始时间（含）：RFC 3339 时间，或 YYYY-MM-DD 日期（UTC 整日） / From (inclusive): an RFC 3339 time, or a date YYYY-MM-DD meaning the whole UTC day; 例 e.g. `2024-05-01T00:00:00Z`"
//	@Param			to					query		string	false	"截止时间（含）：RFC 3339 时间，或 YYYY-MM-DD 日期（UTC 整日） / To (inclusive): an RFC 3339 time, or a date YYYY-MM-DD meaning the whole UTC day; 例 e.g. `2024-05-31`"
//	@Param			limit				query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDIzLTA1LTE4IiwiMDE5M2E1YzItN2QxZS03YzRmLTlhNzAtMWYxYzJiM2Q0ZTVmIl0`"
//	@Success		200					{object}	AuditList
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		403					{object}	ProblemForbidden
//	@Failure		429					{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/audit [get]
func docListAudit() {}
