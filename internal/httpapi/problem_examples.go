package httpapi

// The error answers as the Swagger document shows them: one type per HTTP
// status, each with the JSON fields of Problem (the type the handlers
// send) and an example of its own kind, so that a reader of a 404 sees a
// 404. The @Failure lines of the *_doc.go files name them;
// TestProblemExamplesMatchProblem keeps their fields identical to
// Problem's and their examples true to the catalogue, and
// TestFailuresUseTheirProblemType checks that each status uses its type.

// ProblemFieldQuery is a ProblemField as a 400 names a bad query parameter.
type ProblemFieldQuery struct {
	// 查询参数或请求头的名称 / name of the query parameter or header
	Field string `json:"field" binding:"required" example:"limit"`
	// 错误代码，见总说明中的错误代码表 / error code, listed in the table of the general description
	Code string `json:"code" binding:"required" example:"out_of_range"`
	// 错误说明，随 Accept-Language 为中文或英文 / what is wrong, Chinese or English as Accept-Language asks
	Message string `json:"message" binding:"required" example:"must be a whole number from 1 to 200"`
} // @name ProblemFieldQuery

// ProblemBadRequest documents the 400 of a malformed request: bad JSON, a read-only or unknown field, a bad query parameter or header.
type ProblemBadRequest struct {
	// 问题类型 URI：https://cdcq-registry.org/problems/ 加 bad-request、read-only-field / URI of the problem type: https://cdcq-registry.org/problems/ and bad-request, read-only-field
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/bad-request"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"Malformed request"`
	// HTTP 状态码，总是 400 / HTTP status code, always 400
	Status int `json:"status" binding:"required" example:"400"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文 / what went wrong this time and what to do, Chinese or English as Accept-Language asks
	Detail string `json:"detail,omitempty" example:"query parameter limit is \"500\" but must be a whole number from 1 to 200"`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 出错的查询参数或请求头（如 If-Match）及其错误代码；请求体格式错误时没有此字段 / the query parameter or header (such as If-Match) in error with its code; absent when the body is malformed
	Errors []ProblemFieldQuery `json:"errors,omitempty"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name ProblemBadRequest

// ProblemUnauthorized documents the 401 of a missing, malformed, unknown or revoked API key.
type ProblemUnauthorized struct {
	// 问题类型 URI：https://cdcq-registry.org/problems/ 加 unauthorized / URI of the problem type: https://cdcq-registry.org/problems/ and unauthorized
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/unauthorized"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"Authentication required"`
	// HTTP 状态码，总是 401 / HTTP status code, always 401
	Status int `json:"status" binding:"required" example:"401"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文 / what went wrong this time and what to do, Chinese or English as Accept-Language asks
	Detail string `json:"detail,omitempty" example:"the API key is not valid or has been revoked; use a valid key"`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Errors []ProblemField `json:"errors,omitempty"`
	// 读取需要密钥而请求未带密钥时为 read_requires_key；其他情况下没有此字段 / read_requires_key when reads need a key and none was sent; absent otherwise
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key" example:"read_requires_key"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name ProblemUnauthorized

// ProblemForbidden documents the 403 of a valid key that may not do this, with its reason.
type ProblemForbidden struct {
	// 问题类型 URI：https://cdcq-registry.org/problems/ 加 forbidden / URI of the problem type: https://cdcq-registry.org/problems/ and forbidden
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/forbidden"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"Not allowed"`
	// HTTP 状态码，总是 403 / HTTP status code, always 403
	Status int `json:"status" binding:"required" example:"403"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文 / what went wrong this time and what to do, Chinese or English as Accept-Language asks
	Detail string `json:"detail,omitempty" example:"your organization does not take part in this record; only a registrar of a taking-part organization or an admin may create, change or archive it"`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements/01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Errors []ProblemField `json:"errors,omitempty"`
	// 拒绝原因，说明见 detail（见总说明中的原因表） / why it refuses, its sentence in detail (see the table of reasons in the general description)
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key" example:"not_a_party"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name ProblemForbidden

// ProblemNotFound documents the 404 of a record that does not exist or may not be seen.
type ProblemNotFound struct {
	// 问题类型 URI：https://cdcq-registry.org/problems/ 加 not-found / URI of the problem type: https://cdcq-registry.org/problems/ and not-found
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/not-found"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"Not found"`
	// HTTP 状态码，总是 404 / HTTP status code, always 404
	Status int `json:"status" binding:"required" example:"404"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文 / what went wrong this time and what to do, Chinese or English as Accept-Language asks
	Detail string `json:"detail,omitempty" example:"nothing exists at this path, or it may not be seen; check the path and identifier"`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements/01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Errors []ProblemField `json:"errors,omitempty"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name ProblemNotFound

// ProblemConflict documents the 409 of a duplicate code or ref_no, a status change not allowed, an archived record or an Idempotency-Key still in flight.
type ProblemConflict struct {
	// 问题类型 URI：https://cdcq-registry.org/problems/ 加 conflict、invalid-transition、archived、idempotency-in-flight / URI of the problem type: https://cdcq-registry.org/problems/ and conflict, invalid-transition, archived, idempotency-in-flight
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/invalid-transition"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"Status change not allowed"`
	// HTTP 状态码，总是 409 / HTTP status code, always 409
	Status int `json:"status" binding:"required" example:"409"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文 / what went wrong this time and what to do, Chinese or English as Accept-Language asks
	Detail string `json:"detail,omitempty" example:"status cannot change from \"draft\" to \"in_force\"; allowed: signed"`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements/01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 重复值冲突（conflict）时为重复的字段，代码 duplicate；其他情况下没有此字段 / on a duplicate value (conflict), the field with code duplicate; absent otherwise
	Errors []ProblemField `json:"errors,omitempty"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key"`
	// 不允许的状态变更（invalid-transition）时，当前状态允许变更到的状态；终止状态为 []；其他情况下没有此字段 / on a status change not allowed (invalid-transition), the statuses the record may move to ([] from a final status); absent otherwise
	Allowed *[]string `json:"allowed,omitempty" example:"signed"`
} // @name ProblemConflict

// ProblemPreconditionFailed documents the 412 of an If-Match that names an older version; the ETag header gives the current one.
type ProblemPreconditionFailed struct {
	// 问题类型 URI：https://cdcq-registry.org/problems/ 加 precondition-failed / URI of the problem type: https://cdcq-registry.org/problems/ and precondition-failed
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/precondition-failed"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"The record has changed (If-Match does not match)"`
	// HTTP 状态码，总是 412 / HTTP status code, always 412
	Status int `json:"status" binding:"required" example:"412"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文 / what went wrong this time and what to do, Chinese or English as Accept-Language asks
	Detail string `json:"detail,omitempty" example:"the record's current version is \"3\", not the one If-Match names; read it again and send its new ETag"`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements/01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Errors []ProblemField `json:"errors,omitempty"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name ProblemPreconditionFailed

// ProblemTooLarge documents the 413 of a body over 1 MiB, or of an uploaded file over the file limit.
type ProblemTooLarge struct {
	// 问题类型 URI：https://cdcq-registry.org/problems/ 加 body-too-large / URI of the problem type: https://cdcq-registry.org/problems/ and body-too-large
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/body-too-large"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"Request body too large"`
	// HTTP 状态码，总是 413 / HTTP status code, always 413
	Status int `json:"status" binding:"required" example:"413"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文；上传文件超过文件大小上限（REGISTRY_MAX_FILE_BYTES）时说明上限，且未保存任何内容 / what went wrong this time and what to do, Chinese or English as Accept-Language asks; for an uploaded file over the file limit (REGISTRY_MAX_FILE_BYTES) it names the limit, and nothing was stored
	Detail string `json:"detail,omitempty" example:"the body must not exceed 1 MiB; send a smaller request"`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Errors []ProblemField `json:"errors,omitempty"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name ProblemTooLarge

// ProblemUnsupportedMedia documents the 415 of a body that is not sent as JSON, or of an uploaded file of a type the registry does not keep.
type ProblemUnsupportedMedia struct {
	// 问题类型 URI：https://cdcq-registry.org/problems/ 加 unsupported-media（请求体不是 JSON）、unsupported-file-type（上传的文件类型不被接受） / URI of the problem type: https://cdcq-registry.org/problems/ and unsupported-media (the body is not JSON), unsupported-file-type (an uploaded file of a type not accepted)
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/unsupported-media"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"Content type must be application/json"`
	// HTTP 状态码，总是 415 / HTTP status code, always 415
	Status int `json:"status" binding:"required" example:"415"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文；文件类型不被接受时列出可接受的类型 / what went wrong this time and what to do, Chinese or English as Accept-Language asks; for a file type not accepted it lists the accepted types
	Detail string `json:"detail,omitempty" example:"Content-Type \"text/plain\" is not accepted: send the body as application/json"`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Errors []ProblemField `json:"errors,omitempty"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name ProblemUnsupportedMedia

// ProblemValidation documents the 422 of a well-formed body that breaks a field rule, or of an Idempotency-Key reused with another body.
type ProblemValidation struct {
	// 问题类型 URI：https://cdcq-registry.org/problems/ 加 validation、idempotency-mismatch / URI of the problem type: https://cdcq-registry.org/problems/ and validation, idempotency-mismatch
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/validation"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"Request body is invalid"`
	// HTTP 状态码，总是 422 / HTTP status code, always 422
	Status int `json:"status" binding:"required" example:"422"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文 / what went wrong this time and what to do, Chinese or English as Accept-Language asks
	Detail string `json:"detail,omitempty" example:"1 field is invalid"`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 无效的字段及其错误代码（见总说明中的错误代码表）；幂等键冲突（idempotency-mismatch）时没有此字段 / the invalid fields with their codes (see the table of codes in the general description); absent for idempotency-mismatch
	Errors []ProblemField `json:"errors,omitempty"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name ProblemValidation

// ProblemPreconditionRequired documents the 428 of a change or archive without If-Match.
type ProblemPreconditionRequired struct {
	// 问题类型 URI：https://cdcq-registry.org/problems/ 加 precondition-required / URI of the problem type: https://cdcq-registry.org/problems/ and precondition-required
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/precondition-required"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"If-Match header required"`
	// HTTP 状态码，总是 428 / HTTP status code, always 428
	Status int `json:"status" binding:"required" example:"428"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文 / what went wrong this time and what to do, Chinese or English as Accept-Language asks
	Detail string `json:"detail,omitempty" example:"changes and archiving need an If-Match header: send the ETag the record was read with, such as If-Match: \"1\""`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements/01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Errors []ProblemField `json:"errors,omitempty"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name ProblemPreconditionRequired

// ProblemRateLimited documents the 429 of a caller over its rate limit; Retry-After says when to retry.
type ProblemRateLimited struct {
	// 问题类型 URI：https://cdcq-registry.org/problems/ 加 rate-limited / URI of the problem type: https://cdcq-registry.org/problems/ and rate-limited
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/rate-limited"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"Too many requests"`
	// HTTP 状态码，总是 429 / HTTP status code, always 429
	Status int `json:"status" binding:"required" example:"429"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文 / what went wrong this time and what to do, Chinese or English as Accept-Language asks
	Detail string `json:"detail,omitempty" example:"too many requests; retry in 5 seconds"`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Errors []ProblemField `json:"errors,omitempty"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name ProblemRateLimited

// ProblemUnavailable documents the 503 of a database that is unreachable or does not answer in time; Retry-After says when to retry.
type ProblemUnavailable struct {
	// 问题类型 URI：https://cdcq-registry.org/problems/ 加 unavailable / URI of the problem type: https://cdcq-registry.org/problems/ and unavailable
	Type string `json:"type" binding:"required" format:"uri" example:"https://cdcq-registry.org/problems/unavailable"`
	// 问题类型的简短标题，随 Accept-Language 为中文或英文 / short title of the problem type, Chinese or English as Accept-Language asks
	Title string `json:"title" binding:"required" example:"Service unavailable"`
	// HTTP 状态码，总是 503 / HTTP status code, always 503
	Status int `json:"status" binding:"required" example:"503"`
	// 本次错误的说明及处理办法，随 Accept-Language 为中文或英文 / what went wrong this time and what to do, Chinese or English as Accept-Language asks
	Detail string `json:"detail,omitempty" example:"the database is unavailable; retry shortly"`
	// 请求路径 / path of the request
	Instance string `json:"instance,omitempty" example:"/v1/agreements"`
	// 请求标识，同 X-Request-ID 响应头；报告问题时请提供 / request identifier, as the X-Request-ID header; quote it when reporting a problem
	RequestID string `json:"request_id,omitempty" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Errors []ProblemField `json:"errors,omitempty"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Reason string `json:"reason,omitempty" enums:"role_forbids,not_a_party,cannot_remove_own_organization,read_requires_key"`
	// 此类回答没有此字段 / not sent in this kind of answer
	Allowed *[]string `json:"allowed,omitempty" example:"in_force"`
} // @name ProblemUnavailable
