package httpapi

// The Swagger annotations of the operations routes, one stub a route,
// so that operations.go reads top to bottom. TestEveryRouteIsDocumented keeps
// these stubs and the route table in step.

// docHealthz documents healthz.
//
//	@Summary		Liveness: the process is up / 存活检查
//	@Description	Answers 200 while the process runs; it does not look at the database. Needs no key.
//	@ID				healthz
//	@Tags			operations
//	@Produce		plain
//	@Success		200	{string}	string	"ok"
//	@Security
//	@Router	/healthz [get]
func docHealthz() {}

// docReadyz documents readyz.
//
//	@Summary		Readiness: the database answers and is migrated / 就绪检查
//	@Description	200 with "ready", plus a warning line for each durability setting that could lose acknowledged writes (fsync or synchronous_commit off). Needs no key.
//	@ID				readyz
//	@Tags			operations
//	@Produce		plain
//	@Produce		application/problem+json
//	@Success		200	{string}	string	"ready"
//	@Failure		503	{object}	ProblemUnavailable	"Database unreachable or not migrated"
//	@Security
//	@Router	/readyz [get]
func docReadyz() {}
