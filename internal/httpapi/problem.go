package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/chengyu-collab/registry/internal/registry"
)

// problemBase prefixes the type URI of every problem.
const problemBase = "https://cdcq-registry.org/problems/"

// Problem is an RFC 9457 problem detail, the body of every 4xx and 5xx.
// The document also shows one type per status (ProblemBadRequest, ... in
// problem_examples.go), each with the JSON fields of Problem and an example
// of its own kind.
type Problem struct {
	// 问题类型 URI，https://cdcq-registry.org/problems/ 加类型名（见总说明） / URI of the problem type, https://cdcq-registry.org/problems/ and the type's name (see the general description)
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/validation"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"Request body is invalid"`
	// HTTP 状态码，与响应状态相同 / HTTP status code, the same as the response's
	Status int `json:"status" binding:"required" example:"422"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文 / what went wrong this time and what to do, Chinese or English as Accept-Language asks
	Detail string `json:"detail,omitempty" example:"1 field is invalid"`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 无效的字段或查询参数（400 查询参数错误、409 重复值、422 校验错误）；其他情况下没有此字段 / the invalid fields or query parameters (400 bad parameter, 409 duplicate value, 422 validation); absent otherwise
	Errors []ProblemField `json:"errors,omitempty"`
	// 403（及读取需要密钥时的 401）的拒绝原因，说明见 detail；其他情况下没有此字段 / why a 403 (and a 401 when reads need a key) refuses, its sentence in detail; absent otherwise
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key" example:"not_a_party"`
	// 不允许的状态变更（409）时，当前状态允许变更到的状态；终止状态为 []；其他情况下没有此字段 / on a 409 to a status change not allowed, the statuses the record may move to ([] from a final status); absent otherwise
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name Problem

// ProblemField names one invalid field by its JSON path.
type ProblemField struct {
	// 字段的 JSON 路径（如 parties[1].role），或查询参数、请求头的名称 / JSON path of the field (such as parties[1].role), or the name of the query parameter or header
	Field string `json:"field" binding:"required" example:"parties[1].organization_id"`
	// 错误代码，见总说明中的错误代码表 / error code, listed in the table of the general description
	Code string `json:"code" binding:"required" example:"unknown_organization"`
	// 错误说明，随 Accept-Language 为中文或英文 / what is wrong, Chinese or English as Accept-Language asks
	Message string `json:"message" binding:"required" example:"organization does not exist"`
} // @name ProblemField

// problemKinds gives each problem type its status and the catalogue code
// of its usual detail; its title is "title.<type>" in the catalogue.
var problemKinds = map[string]struct {
	status int
	detail string
}{
	"bad-request":           {400, "detail.bad_request"},
	"read-only-field":       {400, "detail.bad_request"},
	"unauthorized":          {401, "detail.key_required"},
	"forbidden":             {403, "reason." + registry.ReasonRoleForbids},
	"not-found":             {404, "detail.not_found"},
	"method-not-allowed":    {405, "detail.method_not_allowed"},
	"not-acceptable":        {406, "detail.not_acceptable"},
	"conflict":              {409, "detail.conflict"},
	"invalid-transition":    {409, "detail.conflict"},
	"archived":              {409, "detail.archived"},
	"idempotency-in-flight": {409, "detail.idempotency_in_flight"},
	"precondition-failed":   {412, "detail.precondition_stale"},
	"body-too-large":        {413, "detail.body_too_large"},
	"unsupported-media":     {415, "detail.unsupported_media"},
	"unsupported-file-type": {415, "detail.unsupported_file_type"},
	"validation":            {422, "detail.validation_many"},
	"idempotency-mismatch":  {422, "detail.idempotency_mismatch"},
	"precondition-required": {428, "detail.precondition_required"},
	"header-too-large":      {431, "detail.header_too_large"},
	"rate-limited":          {429, "detail.rate_limited"},
	"internal":              {500, "detail.internal"},
	"unavailable":           {503, "detail.unavailable"},
}

// newProblem builds a problem of the given kind in the request's language,
// its detail the catalogue text code (the kind's usual one when code is
// "") with args.
func newProblem(r *http.Request, kind, code string, args registry.Args) *Problem {
	k := problemKinds[kind]
	if code == "" {
		code = k.detail
	}
	l := lang(r)
	return &Problem{Type: problemBase + kind, Title: registry.Text(l, "title."+kind, nil), Status: k.status,
		Detail: registry.Text(l, code, args), Instance: r.URL.Path, RequestID: requestID(r.Context())}
}

// writeProblem sends p as application/problem+json.
func writeProblem(w http.ResponseWriter, p *Problem) {
	w.Header().Set("Content-Type", "application/problem+json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	switch p.Status {
	case http.StatusServiceUnavailable:
		w.Header().Set("Retry-After", "5")
	case http.StatusUnauthorized:
		w.Header().Set("WWW-Authenticate", `Bearer realm="registry"`)
	}
	writeEncoded(w, p.Status, p)
}

// fail sends the problem a kind names, with the catalogue text code (the
// kind's usual one when code is "") as its detail.
func fail(w http.ResponseWriter, r *http.Request, kind, code string, args registry.Args) {
	writeProblem(w, newProblem(r, kind, code, args))
}

// failFields sends a 422 listing the invalid fields.
func failFields(w http.ResponseWriter, r *http.Request, fields []ProblemField) {
	code := "detail.validation_many"
	if len(fields) == 1 {
		code = "detail.validation_one"
	}
	p := newProblem(r, "validation", code, registry.Args{"count": strconv.Itoa(len(fields))})
	p.Errors = fields
	writeProblem(w, p)
}

// failForbidden sends a 403 naming its reason.
func failForbidden(w http.ResponseWriter, r *http.Request, reason string) {
	role := ""
	if a, ok := actorOf(r.Context()); ok {
		role = string(a.Role)
	}
	p := newProblem(r, "forbidden", "reason."+reason, registry.Args{"role": role})
	p.Reason = reason
	writeProblem(w, p)
}

// writeError is the one place where errors become HTTP answers. Handlers
// never choose a status for a storage error themselves; a 500 says
// "internal error" and the details go to the log with the request id.
func (h *handler) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if seen, ok := r.Context().Value(errorKey).(*error); ok {
		*seen = err
	}
	l := lang(r)
	var verr *registry.ValidationError
	var terr *registry.TransitionError
	var cerr *registry.ConflictError
	var perr *registry.BadParam
	var ierr *registry.ImmutableError
	var forbidden *registry.ForbiddenError
	var stale *registry.PreconditionError
	var berr *bodyError
	switch {
	case errors.As(err, &berr):
		writeProblem(w, berr.problem(r))
	case errors.As(err, &verr):
		fields := make([]ProblemField, 0, len(verr.Fields))
		for _, f := range verr.Fields {
			fields = append(fields, ProblemField{Field: f.Field, Code: f.Code, Message: registry.FieldText(l, f)})
		}
		failFields(w, r, fields)
	case errors.As(err, &terr):
		writeProblem(w, transitionProblem(r, terr))
	case errors.As(err, &cerr):
		p := newProblem(r, "conflict", "detail.duplicate", registry.Args{"field": cerr.Field})
		p.Errors = []ProblemField{{Field: cerr.Field, Code: "duplicate", Message: registry.Text(l, "duplicate", nil)}}
		writeProblem(w, p)
	case errors.As(err, &ierr):
		writeProblem(w, badBody("detail.code_immutable", nil).problem(r))
	case errors.As(err, &perr):
		writeProblem(w, paramProblem(r, perr))
	case errors.As(err, &forbidden):
		failForbidden(w, r, forbidden.Reason)
	case errors.As(err, &stale):
		w.Header().Set("ETag", etag(stale.Current))
		fail(w, r, "precondition-failed", "detail.precondition_failed", registry.Args{"etag": etag(stale.Current)})
	case errors.Is(err, registry.ErrTooLarge):
		fail(w, r, "body-too-large", "detail.file_too_large", registry.Args{"limit": strconv.FormatInt(h.svc.MaxFileBytes(), 10)})
	case errors.Is(err, registry.ErrUnsupportedMedia):
		fail(w, r, "unsupported-file-type", "", registry.Args{"allowed": registry.List(lang(r), registry.FileMediaTypes)})
	case errors.Is(err, registry.ErrNotFound):
		fail(w, r, "not-found", "", nil)
	case errors.Is(err, registry.ErrArchived):
		fail(w, r, "archived", "", nil)
	case errors.Is(err, registry.ErrConflict):
		fail(w, r, "conflict", "", nil)
	case errors.Is(err, registry.ErrPrecondition):
		fail(w, r, "precondition-failed", "", nil)
	case errors.Is(err, registry.ErrForbidden):
		failForbidden(w, r, registry.ReasonRoleForbids)
	case errors.Is(err, registry.ErrUnauthorized):
		fail(w, r, "unauthorized", "detail.bad_key", nil)
	case errors.Is(err, registry.ErrInFlight):
		fail(w, r, "idempotency-in-flight", "", nil)
	case errors.Is(err, registry.ErrIdempotencyMismatch):
		fail(w, r, "idempotency-mismatch", "", nil)
	case errors.Is(err, registry.ErrUnavailable), errors.Is(err, registry.ErrTransient),
		errors.Is(err, context.DeadlineExceeded):
		h.log.WarnContext(r.Context(), "database unavailable", "request_id", requestID(r.Context()), "error", err.Error())
		fail(w, r, "unavailable", "", nil)
	case errors.Is(err, context.Canceled):
		h.log.InfoContext(r.Context(), "request cancelled by client", "request_id", requestID(r.Context()))
		fail(w, r, "unavailable", "", nil)
	default:
		h.log.ErrorContext(r.Context(), "internal error", "request_id", requestID(r.Context()), "error", err.Error())
		fail(w, r, "internal", "", nil)
	}
}

// transitionProblem is the 409 of an illegal status move, listing the
// moves allowed from the current status.
func transitionProblem(r *http.Request, e *registry.TransitionError) *Problem {
	code := "detail.transition"
	if len(e.Allowed) == 0 {
		code = "detail.transition_final"
	}
	p := newProblem(r, "invalid-transition", code,
		registry.Args{"from": e.From, "to": e.To, "allowed": registry.List(lang(r), e.Allowed)})
	allowed := append([]string{}, e.Allowed...)
	p.Allowed = &allowed
	return p
}

// maxQuotedValue bounds how much of a client's value an answer quotes back.
const maxQuotedValue = 80

// quoted shortens a value the client sent for quoting in an answer.
func quoted(v string) string {
	if utf8.RuneCountInString(v) <= maxQuotedValue {
		return v
	}
	return string([]rune(v)[:maxQuotedValue]) + "…"
}

// paramProblem is the 400 of a bad query parameter: the detail names the
// parameter, quotes its value and says what it should be; errors lists it
// with its code.
func paramProblem(r *http.Request, e *registry.BadParam) *Problem {
	l := lang(r)
	reason := registry.FieldText(l, registry.FieldError{Field: e.Name, Code: e.Code, Param: e.Param})
	if e.Code == "unknown_parameter" && e.Param == "" {
		reason = registry.Text(l, "no_parameters", nil) // the route defines none
	}
	code := "detail.bad_parameter"
	if e.Value == "" {
		code = "detail.bad_parameter_unvalued"
	}
	p := newProblem(r, "bad-request", code, registry.Args{"name": e.Name, "value": quoted(e.Value), "reason": reason})
	p.Errors = []ProblemField{{Field: e.Name, Code: e.Code, Message: reason}}
	return p
}
