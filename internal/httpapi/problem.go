package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/chengyu-collab/registry/internal/registry"
)

// problemBase prefixes the type URI of every problem.
const problemBase = "https://cdcq-registry.org/problems/"

// Problem is an RFC 9457 problem detail, the body of every 4xx and 5xx.
type Problem struct {
	Type      string         `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/validation"`
	Title     string         `json:"title" binding:"required" example:"Request body is invalid"`
	Status    int            `json:"status" binding:"required" example:"422"`
	Detail    string         `json:"detail,omitempty" example:"1 field is invalid"`
	Instance  string         `json:"instance,omitempty" example:"/v1/agreements"`
	RequestID string         `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	Errors    []ProblemField `json:"errors,omitempty"`
	// Allowed lists the status moves allowed from the current status, on
	// 409 answers to an illegal move ([] for a final status).
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name Problem

// ProblemField names one invalid field by its JSON path.
type ProblemField struct {
	Field   string `json:"field" binding:"required" example:"parties[1].organization_id"`
	Code    string `json:"code" binding:"required" example:"unknown_organization"`
	Message string `json:"message" binding:"required" example:"organization does not exist"`
} // @name ProblemField

// problemKinds gives each problem type its status and bilingual title.
var problemKinds = map[string]struct {
	status int
	en, zh string
}{
	"bad-request":           {400, "Malformed request", "请求格式错误"},
	"read-only-field":       {400, "Read-only field sent", "请求包含只读字段"},
	"unauthorized":          {401, "Authentication required", "需要有效的访问密钥"},
	"forbidden":             {403, "Not allowed", "无权执行此操作"},
	"not-found":             {404, "Not found", "资源不存在"},
	"method-not-allowed":    {405, "Method not allowed", "不支持该请求方法"},
	"not-acceptable":        {406, "Not acceptable", "无法提供所请求的格式"},
	"conflict":              {409, "Conflict", "与现有数据冲突"},
	"invalid-transition":    {409, "Status change not allowed", "不允许的状态变更"},
	"archived":              {409, "Record is archived", "记录已归档"},
	"idempotency-in-flight": {409, "A request with this Idempotency-Key is still running", "相同幂等键的请求仍在处理中"},
	"precondition-failed":   {412, "The record has changed (If-Match does not match)", "记录已被修改（If-Match 不匹配）"},
	"body-too-large":        {413, "Request body too large", "请求体过大"},
	"unsupported-media":     {415, "Content type must be application/json", "请求体必须为 application/json"},
	"validation":            {422, "Request body is invalid", "请求内容无效"},
	"idempotency-mismatch":  {422, "Idempotency-Key reused with a different request", "幂等键已用于不同的请求"},
	"precondition-required": {428, "If-Match header required", "需要 If-Match 请求头"},
	"header-too-large":      {431, "Request headers too large", "请求头过大"},
	"rate-limited":          {429, "Too many requests", "请求过于频繁"},
	"internal":              {500, "Internal error", "内部错误"},
	"unavailable":           {503, "Service unavailable", "服务暂不可用"},
}

// newProblem builds a problem of the given kind in the request's language.
func newProblem(r *http.Request, kind, detail string) *Problem {
	k := problemKinds[kind]
	title := k.en
	if lang(r) == "zh" {
		title = k.zh
	}
	return &Problem{Type: problemBase + kind, Title: title, Status: k.status, Detail: detail,
		Instance: r.URL.Path, RequestID: requestID(r.Context())}
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
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// fail sends the problem a kind names.
func fail(w http.ResponseWriter, r *http.Request, kind, detail string) {
	writeProblem(w, newProblem(r, kind, detail))
}

// failFields sends a 422 listing the invalid fields.
func failFields(w http.ResponseWriter, r *http.Request, fields []ProblemField) {
	p := newProblem(r, "validation", "")
	p.Errors = fields
	if lang(r) == "zh" {
		p.Detail = fmt.Sprintf("%d 个字段无效", len(fields))
	} else if len(fields) == 1 {
		p.Detail = "1 field is invalid"
	} else {
		p.Detail = fmt.Sprintf("%d fields are invalid", len(fields))
	}
	writeProblem(w, p)
}

// writeError is the one place where errors become HTTP answers. Handlers
// never choose a status for a storage error themselves; a 500 says
// "internal error" and the details go to the log with the request id.
func (h *handler) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if seen, ok := r.Context().Value(errorKey).(*error); ok {
		*seen = err
	}
	zh := lang(r) == "zh"
	var verr *registry.ValidationError
	var terr *registry.TransitionError
	var cerr *registry.ConflictError
	var perr *registry.BadParam
	var ierr *registry.ImmutableError
	var berr *bodyError
	switch {
	case errors.As(err, &berr):
		fail(w, r, berr.kind, berr.detail)
	case errors.As(err, &verr):
		fields := make([]ProblemField, 0, len(verr.Fields))
		for _, f := range verr.Fields {
			fields = append(fields, ProblemField{Field: f.Field, Code: f.Code, Message: fieldMessage(zh, f)})
		}
		failFields(w, r, fields)
	case errors.As(err, &terr):
		p := newProblem(r, "invalid-transition", transitionDetail(zh, terr))
		allowed := append([]string{}, terr.Allowed...)
		p.Allowed = &allowed
		writeProblem(w, p)
	case errors.As(err, &cerr):
		p := newProblem(r, "conflict", "")
		f := registry.FieldError{Field: cerr.Field, Code: "duplicate"}
		p.Detail = fieldMessage(zh, f)
		p.Errors = []ProblemField{{Field: cerr.Field, Code: "duplicate", Message: p.Detail}}
		writeProblem(w, p)
	case errors.As(err, &ierr):
		fail(w, r, "bad-request", ierr.Field+" is immutable")
	case errors.As(err, &perr):
		fail(w, r, "bad-request", paramDetail(zh, perr))
	case errors.Is(err, registry.ErrNotFound):
		fail(w, r, "not-found", "")
	case errors.Is(err, registry.ErrArchived):
		fail(w, r, "archived", "")
	case errors.Is(err, registry.ErrConflict):
		fail(w, r, "conflict", "")
	case errors.Is(err, registry.ErrPrecondition):
		fail(w, r, "precondition-failed", "")
	case errors.Is(err, registry.ErrForbidden):
		fail(w, r, "forbidden", "")
	case errors.Is(err, registry.ErrUnauthorized):
		fail(w, r, "unauthorized", "")
	case errors.Is(err, registry.ErrInFlight):
		fail(w, r, "idempotency-in-flight", "")
	case errors.Is(err, registry.ErrIdempotencyMismatch):
		fail(w, r, "idempotency-mismatch", "")
	case errors.Is(err, registry.ErrUnavailable), errors.Is(err, registry.ErrTransient),
		errors.Is(err, context.DeadlineExceeded):
		h.log.WarnContext(r.Context(), "database unavailable", "request_id", requestID(r.Context()), "error", err.Error())
		fail(w, r, "unavailable", "")
	case errors.Is(err, context.Canceled):
		h.log.InfoContext(r.Context(), "request cancelled by client", "request_id", requestID(r.Context()))
		fail(w, r, "unavailable", "")
	default:
		h.log.ErrorContext(r.Context(), "internal error", "request_id", requestID(r.Context()), "error", err.Error())
		fail(w, r, "internal", "")
	}
}

func transitionDetail(zh bool, e *registry.TransitionError) string {
	allowed := strings.Join(e.Allowed, ", ")
	if zh {
		if allowed == "" {
			return fmt.Sprintf("状态 %s 为终止状态，不能再变更", e.From)
		}
		return fmt.Sprintf("状态不能从 %s 变更为 %s；允许变更为：%s", e.From, e.To, allowed)
	}
	if allowed == "" {
		return fmt.Sprintf("status %s is final and cannot change", e.From)
	}
	return fmt.Sprintf("status cannot change from %s to %s; allowed: %s", e.From, e.To, allowed)
}

func paramDetail(zh bool, e *registry.BadParam) string {
	if zh {
		return "查询参数 " + e.Name + " 无效：" + e.Reason
	}
	return "query parameter " + e.Name + " is invalid: " + e.Reason
}
