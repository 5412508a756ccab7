package registry

import (
	"sort"
	"strings"
)

// Lang is a language the registry answers in: Chinese or English.
type Lang string

// The languages of the catalogue.
const (
	Zh Lang = "zh"
	En Lang = "en"
)

// Args gives the values of a message's named placeholders: Args{"limit":
// "200"} fills "{limit}". Placeholders without a value stay as written.
type Args map[string]string

// Reasons of a 403, sent as the problem's "reason" member; each has its
// sentence in the catalogue under "reason.<reason>".
const (
	// ReasonRoleForbids: the key's role does not allow the operation (a
	// reader writing, a registrar on an admin-only route or on another
	// organisation's profile).
	ReasonRoleForbids = "role_forbids"
	// ReasonNotAParty: the caller's organisation does not take part in the
	// record it creates, changes or archives.
	ReasonNotAParty = "not_a_party"
	// ReasonCannotRemoveOwnOrganization: the change would remove the
	// caller's own organisation from the record.
	ReasonCannotRemoveOwnOrganization = "cannot_remove_own_organization"
	// ReasonReadRequiresKey: this deployment needs an API key for reads.
	ReasonReadRequiresKey = "read_requires_key"
)

// ForbiddenReasons lists every 403 reason.
var ForbiddenReasons = []string{ReasonRoleForbids, ReasonNotAParty, ReasonCannotRemoveOwnOrganization, ReasonReadRequiresKey}

// text is one catalogue entry in both languages.
type text struct{ zh, en string }

// catalogue holds every text a person can read in an answer, keyed by a
// stable code. Field and query-parameter error codes (the errors[].code of
// a problem) are keys as they are; problem titles are "title.<type>",
// problem details "detail.<name>", 403 reasons "reason.<reason>" and JSON
// type names "json.<type>". Values quoted in a text ("{value}", "{field}")
// stay as the client sent them in both languages.
var catalogue = mergeTexts(apiTexts, consoleTexts, adminTexts)

// apiTexts are the texts of the JSON API's answers.
var apiTexts = map[string]text{
	// Field errors of a body (422) and reasons of a bad query parameter (400).
	"required":             {"为必填项", "is required"},
	"blank":                {"不能为空白；如需留空，请省略该字段或传 null", "must not be blank; to leave it empty, omit it or send null"},
	"empty_parameter":      {"不能为空；如不需要此条件，请省略该参数", "must not be empty; leave the parameter out instead"},
	"too_long":             {"长度不能超过 {limit} 个字符", "must be at most {limit} characters long"},
	"too_short":            {"长度不能少于 {limit} 个字符", "must be at least {limit} characters long"},
	"too_many":             {"最多只能有 {limit} 项", "must have at most {limit} items"},
	"too_few":              {"至少需要 {limit} 项", "must have at least {limit} items"},
	"too_small":            {"不能小于 {limit}", "must be at least {limit}"},
	"too_large":            {"不能大于 {limit}", "must be at most {limit}"},
	"out_of_range":         {"必须是 {min} 到 {max} 之间的整数", "must be a whole number from {min} to {max}"},
	"invalid_value":        {"必须是以下值之一：{allowed}", "must be one of: {allowed}"},
	"invalid_date":         {"必须是 YYYY、YYYY-MM 或 YYYY-MM-DD 格式的有效日期", "must be a date of the form YYYY, YYYY-MM or YYYY-MM-DD"},
	"invalid_timestamp":    {"必须是 RFC 3339 时间（如 2024-05-01T08:00:00Z）或 YYYY-MM-DD 格式的日期", "must be an RFC 3339 timestamp (such as 2024-05-01T08:00:00Z) or a date YYYY-MM-DD"},
	"invalid_code":         {"必须由 2–64 个小写字母、数字或连字符组成", "must be 2–64 characters of a–z, 0–9 and -"},
	"invalid_reference":    {"必须是 UUID 或组织代码", "must be a UUID or an organization code"},
	"invalid_uuid":         {"必须是 UUID（如 0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f）", "must be a UUID (such as 0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)"},
	"invalid_region":       {"必须是六位行政区划代码", "must be a six-digit region code"},
	"invalid_url":          {"必须是 http 或 https 网址", "must be an http or https URL"},
	"invalid_language":     {"必须是 BCP 47 语言标签，如 zh 或 en", "must be a BCP 47 language tag such as zh or en"},
	"invalid_characters":   {"必须是不含 NUL 字符的 UTF-8 文本", "must be UTF-8 text without NUL characters"},
	"invalid_boolean":      {"必须是 true 或 false", "must be true or false"},
	"invalid_cursor":       {"不是本列表给出的游标；请使用上一页 next_cursor 的原值", "is not a cursor this list gave out; send next_cursor of the previous page unchanged"},
	"invalid_if_match":     {`必须是带双引号的实体标签，如 "2"（即 ETag 响应头的原值），或 *`, `must be a quoted entity tag such as "2" (the ETag header as sent), or *`},
	"repeated_parameter":   {"只能出现一次", "must be given only once"},
	"too_many_values":      {"最多只能出现 {limit} 次", "may be given at most {limit} times"},
	"unknown_parameter":    {"不是此接口的参数；此接口的参数有：{allowed}", "is not a parameter of this route; its parameters are: {allowed}"},
	"no_parameters":        {"不是此接口的参数；此接口不接受查询参数", "is not a parameter of this route, which takes no query parameters"},
	"malformed_query":      {"无法解析：含有错误的 % 转义或分号；请对参数值进行 URL 编码", "does not parse: it holds a bad %-escape or a ';'; URL-encode the value"},
	"exclusive_parameters": {"不能与 {other} 同时使用；请只给出其中一个", "cannot be combined with {other}; give only one of them"},
	"invalid":              {"无效", "is invalid"},
	"invalid_login":        {"必须是 2–64 个小写字母、数字、点、下划线或连字符，以字母或数字开头", "must be 2–64 characters of a–z, 0–9, '.', '_' and '-', starting with a letter or digit"},
	"unknown_organization": {"组织不存在", "organization does not exist"},
	"unknown_region":       {"行政区划不存在", "region does not exist"},
	"unknown_area":         {"合作领域不存在", "cooperation area does not exist"},
	"unknown_agreement":    {"协议不存在", "agreement does not exist"},
	"unknown_reference":    {"引用的记录不存在", "refers to a record that does not exist"},
	"duplicate_party":      {"同一组织不能重复出现", "organization appears more than once"},
	"min_signatories":      {"至少需要 {limit} 个不同的签署方组织", "at least {limit} distinct signatory organizations are required"},
	"min_participants":     {"至少需要 {limit} 个不同的参与组织", "at least {limit} distinct organizations must take part"},
	"one_host":             {"必须有且仅有一个主办方（host）", "exactly one participant must have the role host"},
	"lead_required":        {"至少需要一个牵头方（lead）", "at least one participant must have the role lead"},
	"date_order":           {"不能早于 {other}", "must not be earlier than {other}"},
	"future_date":          {"不能晚于今天（北京时间）", "must not be in the future (China Standard Time)"},
	"duplicate":            {"已存在", "already exists"},
	"self_reference":       {"不能引用记录自身", "must not refer to the record itself"},

	// Field errors of agreements in depth: relations, milestones, files.
	"relation_cycle": {"修订、续签、取代关系不能形成循环（所指协议已直接或间接指向本协议）",
		"amends, renews and supersedes links must not form a cycle (the target already leads back to this agreement)"},
	"not_a_party_of_agreement":     {"必须是该协议的参与方", "must be a party of the agreement"},
	"required_when_done":           {"状态为已完成（done）时必填", "is required when the status is done"},
	"media_type_mismatch":          {"文件内容与声明的类型（{limit}）不符", "the bytes are not what the declared type ({limit}) says"},
	"detail.file_too_large":        {"文件不能超过 {limit} 字节；未保存任何内容", "the file must not exceed {limit} bytes; nothing was stored"},
	"detail.unsupported_file_type": {"不接受此文件类型；可接受：{allowed}", "this file type is not accepted; accepted: {allowed}"},
	"title.unsupported-file-type":  {"不接受此文件类型", "File type not accepted"},

	// Problem titles, by problem type.
	"title.bad-request":           {"请求格式错误", "Malformed request"},
	"title.read-only-field":       {"请求包含只读字段", "Read-only field sent"},
	"title.unauthorized":          {"需要有效的访问密钥", "Authentication required"},
	"title.forbidden":             {"无权执行此操作", "Not allowed"},
	"title.not-found":             {"资源不存在", "Not found"},
	"title.method-not-allowed":    {"不支持该请求方法", "Method not allowed"},
	"title.not-acceptable":        {"无法提供所请求的格式", "Not acceptable"},
	"title.conflict":              {"与现有数据冲突", "Conflict"},
	"title.invalid-transition":    {"不允许的状态变更", "Status change not allowed"},
	"title.archived":              {"记录已归档", "Record is archived"},
	"title.idempotency-in-flight": {"相同幂等键的请求仍在处理中", "A request with this Idempotency-Key is still running"},
	"title.precondition-failed":   {"记录已被修改（If-Match 不匹配）", "The record has changed (If-Match does not match)"},
	"title.body-too-large":        {"请求体过大", "Request body too large"},
	"title.unsupported-media":     {"请求体必须为 application/json", "Content type must be application/json"},
	"title.validation":            {"请求内容无效", "Request body is invalid"},
	"title.idempotency-mismatch":  {"幂等键已用于不同的请求", "Idempotency-Key reused with a different request"},
	"title.precondition-required": {"需要 If-Match 请求头", "If-Match header required"},
	"title.header-too-large":      {"请求头过大", "Request headers too large"},
	"title.rate-limited":          {"请求过于频繁", "Too many requests"},
	"title.internal":              {"内部错误", "Internal error"},
	"title.unavailable":           {"服务暂不可用", "Service unavailable"},

	// Problem details.
	"detail.validation_one":  {"{count} 个字段无效", "{count} field is invalid"},
	"detail.validation_many": {"{count} 个字段无效", "{count} fields are invalid"},
	"detail.transition":      {`状态不能从 "{from}" 变更为 "{to}"；允许变更为：{allowed}`, `status cannot change from "{from}" to "{to}"; allowed: {allowed}`},
	"detail.transition_final": {`状态 "{from}" 为终止状态，不能再变更`,
		`status "{from}" is final and cannot change`},
	"detail.bad_parameter": {`查询参数 {name} 的值 "{value}" 无效：{reason}`,
		`query parameter {name} is "{value}" but {reason}`},
	"detail.bad_parameter_unvalued": {`查询参数 {name} {reason}`, `query parameter {name} {reason}`},
	"detail.invalid_if_match": {`If-Match 请求头 "{value}" 不是实体标签：请原样发送 ETag 响应头的值（带双引号），如 "2"`,
		`If-Match "{value}" is not an entity tag: send the ETag header exactly as it was given, quotes included, such as "2"`},
	"detail.invalid_idempotency_key": {"Idempotency-Key 必须是 1–255 个可见 ASCII 字符（不含空格）",
		"Idempotency-Key must be 1–255 visible ASCII characters (no spaces)"},
	"detail.unsupported_media": {`不接受 Content-Type "{value}"：请以 application/json 发送请求体`,
		`Content-Type "{value}" is not accepted: send the body as application/json`},
	"detail.unsupported_media_patch": {`不接受 Content-Type "{value}"：请以 application/merge-patch+json 或 application/json 发送请求体`,
		`Content-Type "{value}" is not accepted: send the body as application/merge-patch+json or application/json`},
	"detail.body_too_large":  {"请求体不能超过 {limit}；请缩小请求内容", "the body must not exceed {limit}; send a smaller request"},
	"detail.body_unreadable": {"无法读取请求体；请重新发送", "the body could not be read; send it again"},
	"detail.body_not_utf8":   {"请求体不是有效的 UTF-8 文本；请以 UTF-8 编码发送", "the body is not valid UTF-8; send it encoded as UTF-8"},
	"detail.body_lone_surrogate": {`请求体含有单独的 UTF-16 代理项转义（如 "\ud800"）；请发送完整的代理对或字符本身`,
		`the body holds a \u escape of a lone UTF-16 surrogate (such as "\ud800"); send the whole pair or the character itself`},
	"detail.body_empty":      {"请求体为空；请发送一个 JSON 对象", "the body is empty; send a JSON object"},
	"detail.body_not_object": {"请求体必须是一个 JSON 对象（{…}）", "the body must be a JSON object ({…})"},
	"detail.patch_not_object": {"合并补丁（RFC 7396）必须是一个 JSON 对象（{…}）",
		"a merge patch must be a JSON object ({…})"},
	"detail.malformed_json": {"JSON 格式错误（第 {offset} 字节附近）；请检查引号、逗号和括号",
		"malformed JSON near byte {offset}; check quotes, commas and brackets"},
	"detail.malformed_json_plain": {"JSON 格式错误；请检查引号、逗号和括号", "malformed JSON; check quotes, commas and brackets"},
	"detail.malformed_json_end": {"JSON 格式错误：内容意外结束；请检查括号是否闭合",
		"malformed JSON: unexpected end of input; check that every bracket is closed"},
	"detail.trailing_data": {"JSON 值之后还有多余内容；请只发送一个 JSON 对象",
		"unexpected data after the JSON value; send exactly one JSON object"},
	"detail.wrong_type": {`字段 "{field}" 必须是{type}`, `field "{field}" must be of type {type}`},
	"detail.unknown_field": {`未知字段 "{field}"：请删除该字段或检查拼写（字段名区分大小写）`,
		`unknown field "{field}": remove it or check its spelling (names are case-sensitive)`},
	"detail.duplicate_key": {`键 "{field}" 重复出现：每个键只能出现一次`, `duplicate key "{field}": give each key only once`},
	"detail.read_only_field": {`字段 "{field}" 由服务器设置，不能发送；请从请求体中删除`,
		`field "{field}" is set by the server and must not be sent; remove it from the body`},
	"detail.too_many_values": {"JSON 中的值多于任何有效请求所需", "the JSON holds more values than any valid request"},
	"detail.too_deep":        {"JSON 嵌套过深（最多 {limit} 层）", "JSON nested too deeply (at most {limit} levels)"},
	"detail.code_immutable": {`字段 "code" 创建后不能修改；请删除该字段或保持原值`,
		`field "code" cannot change after creation; leave it out or send its current value`},
	"detail.bad_request":       {"请求格式错误；请对照 API 文档检查请求", "the request is malformed; check it against the API documentation"},
	"detail.bad_authorization": {"请使用 Authorization: Bearer <API 密钥>", "use Authorization: Bearer <api key>"},
	"detail.bad_key":           {"访问密钥无效或已被撤销；请使用有效的密钥", "the API key is not valid or has been revoked; use a valid key"},
	"detail.key_required":      {"此操作需要访问密钥：请发送 Authorization: Bearer <API 密钥>", "this operation needs an API key: send Authorization: Bearer <api key>"},
	"detail.not_found":         {"请求的资源不存在，或无权查看；请检查路径和标识符", "nothing exists at this path, or it may not be seen; check the path and identifier"},
	"detail.method_not_allowed": {"此路径不支持 {method} 方法；允许的方法：{allowed}",
		"{method} is not allowed on this path; allowed: {allowed}"},
	"detail.not_acceptable_format": {"暂不能以 {format} 格式提供此列表；请使用 json 或 csv",
		"this list cannot be sent as {format} yet; ask for json or csv"},
	"detail.not_acceptable": {"无法以所请求的格式（Accept）提供此资源", "this resource cannot be sent in the format the Accept header asks for"},
	"detail.conflict":       {"请求与现有数据冲突；请重新读取记录后再试", "the request conflicts with existing data; read the record again and retry"},
	"detail.duplicate":      {`{field} 的值已被其他记录使用；请换一个值`, `{field} is already used by another record; choose another value`},
	"detail.archived":       {"记录已归档，不能再修改", "the record is archived and can no longer change"},
	"detail.idempotency_in_flight": {"相同 Idempotency-Key 的请求仍在处理中；请稍后用同一个键重试",
		"a request with this Idempotency-Key is still running; retry with the same key shortly"},
	"detail.idempotency_mismatch": {"此 Idempotency-Key 已用于内容不同的请求；新的请求请使用新的键",
		"this Idempotency-Key was used for a different request; use a new key for a new request"},
	"detail.precondition_failed": {`记录的当前版本为 {etag}，与 If-Match 不符；请重新读取记录，再以新的 ETag 提交`,
		`the record's current version is {etag}, not the one If-Match names; read it again and send its new ETag`},
	"detail.precondition_stale": {"记录在读取后已被修改；请重新读取记录，再以新的 ETag 提交",
		"the record has changed since it was read; read it again and send its new ETag"},
	"detail.precondition_required": {`修改和归档需要 If-Match 请求头：请发送读取记录时得到的 ETag，如 If-Match: "1"`,
		`changes and archiving need an If-Match header: send the ETag the record was read with, such as If-Match: "1"`},
	"detail.header_too_large": {"请求行和请求头不能超过 64 KiB", "the request line and headers must not exceed 64 KiB"},
	"detail.rate_limited":     {"请求过于频繁；请 {seconds} 秒后重试", "too many requests; retry in {seconds} seconds"},
	"detail.internal":         {"内部错误", "internal error"},
	"detail.unavailable":      {"数据库暂不可用；请稍后重试", "the database is unavailable; retry shortly"},
	"detail.not_ready":        {"数据库无法连接或尚未迁移", "database unreachable or not migrated"},

	// Reasons of a 403 (and of a 401 when reads require a key).
	"reason.role_forbids": {"访问密钥的角色（{role}）不允许此操作；请使用具有相应权限的密钥",
		"the API key's role ({role}) does not allow this; use a key whose role does"},
	"reason.not_a_party": {"您的组织不是该记录的参与方；只有参与方的登记员或管理员可以创建、修改或归档该记录",
		"your organization does not take part in this record; only a registrar of a taking-part organization or an admin may create, change or archive it"},
	"reason.cannot_remove_own_organization": {"不能将自己的组织从记录中移除；如确需移除，请由其他参与方或管理员操作",
		"you may not remove your own organization from the record; another taking-part organization or an admin may"},
	"reason.read_requires_key": {"本服务的读取操作需要访问密钥：请发送 Authorization: Bearer <API 密钥>",
		"reads on this service need an API key: send Authorization: Bearer <api key>"},

	// Exports for people (internal/export): sheet names, column headings,
	// the summary of an annual report, cells and file names.
	"export.sheet.summary":                   {"概况", "Summary"},
	"export.sheet.agreements":                {"合作协议", "Agreements"},
	"export.sheet.consultations":             {"联合协商", "Consultations"},
	"export.sheet.joint_actions":             {"联合履职", "Joint actions"},
	"export.col.id":                          {"记录编号", "Record ID"},
	"export.col.ref_no":                      {"协议文号", "Reference number"},
	"export.col.title":                       {"标题", "Title"},
	"export.col.type":                        {"协议类型", "Type"},
	"export.col.status":                      {"状态", "Status"},
	"export.col.signed_on":                   {"签署日期", "Signed on"},
	"export.col.signed_place":                {"签署地点", "Signed at"},
	"export.col.effective_from":              {"生效日期", "Effective from"},
	"export.col.effective_to":                {"截止日期", "Effective until"},
	"export.col.parties":                     {"协议各方", "Parties"},
	"export.col.areas":                       {"合作领域", "Cooperation areas"},
	"export.col.area":                        {"合作领域", "Cooperation area"},
	"export.col.summary":                     {"摘要", "Summary"},
	"export.col.topic":                       {"协商议题", "Topic"},
	"export.col.format":                      {"协商形式", "Format"},
	"export.col.held_on":                     {"举办日期", "Held on"},
	"export.col.location":                    {"地点", "Location"},
	"export.col.participants":                {"参与单位", "Participants"},
	"export.col.outcomes":                    {"成果", "Outcomes"},
	"export.col.theme":                       {"主题", "Theme"},
	"export.col.kind":                        {"履职类型", "Kind"},
	"export.col.started_on":                  {"开始日期", "Started on"},
	"export.col.ended_on":                    {"结束日期", "Ended on"},
	"export.col.agreement_id":                {"所属协议编号", "Agreement ID"},
	"export.col.section":                     {"分类", "Section"},
	"export.col.item":                        {"项目", "Item"},
	"export.col.value":                       {"数值", "Value"},
	"export.summary.report":                  {"报告", "Report"},
	"export.summary.organization":            {"组织", "Organization"},
	"export.summary.year":                    {"年度", "Year"},
	"export.summary.agreements":              {"合作协议", "Agreements"},
	"export.summary.agreements_signed":       {"签署协议", "Agreements signed"},
	"export.summary.agreements_in_force":     {"在效协议", "Agreements in force"},
	"export.summary.consultations":           {"联合协商", "Consultations"},
	"export.summary.consultations_held":      {"举行协商", "Consultations held"},
	"export.summary.consultations_by_format": {"协商形式", "Consultations by format"},
	"export.summary.consultations_by_area":   {"协商领域", "Consultations by area"},
	"export.summary.joint_actions":           {"联合履职", "Joint actions"},
	"export.summary.joint_actions_total":     {"开展联合履职", "Joint actions carried out"},
	"export.summary.joint_actions_by_kind":   {"履职类型", "Joint actions by kind"},
	"export.summary.joint_actions_by_area":   {"履职领域", "Joint actions by area"},
	"export.summary.partner_provinces":       {"合作省份", "Joint actions by partner province"},
	"export.summary.outcomes":                {"成果", "Outcomes"},
	"export.approximately":                   {"{count}余", "more than {count}"},
	"export.outcome":                         {"{kind}{count}项", "{kind}: {count}"},
	"export.file.agreements":                 {"合作协议", "agreements"},
	"export.file.consultations":              {"联合协商", "consultations"},
	"export.file.joint_actions":              {"联合履职", "joint-actions"},
	"export.file.annual_report":              {"{organization}{year}年度报告", "annual-report-{organization}-{year}"},

	// JSON type names, for "must be of type".
	"json.string":  {"字符串", "string"},
	"json.number":  {"数字", "number"},
	"json.boolean": {"布尔值（true 或 false）", "boolean"},
	"json.array":   {"数组", "array"},
	"json.object":  {"对象", "object"},
}

// Text renders the catalogue entry code in lang with its placeholders
// filled from args. An unknown code renders as the generic "invalid", so an
// answer never shows a bare code where a sentence belongs.
func Text(lang Lang, code string, args Args) string {
	t, ok := catalogue[code]
	if !ok {
		t = catalogue["invalid"]
	}
	s := t.en
	if lang == Zh {
		s = t.zh
	}
	if len(args) == 0 || !strings.Contains(s, "{") {
		return s
	}
	return fill(s, args)
}

// fill replaces each {name} of s that args names by its value, once: a
// value is not searched for placeholders. (A strings.Replacer built for
// every call cost more than the rest of a row's export cells.)
func fill(s string, args Args) string {
	var b strings.Builder
	b.Grow(len(s) + 16*len(args))
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:open])
		end := strings.IndexByte(s[open+1:], '}')
		if end >= 0 {
			if v, ok := args[s[open+1:open+1+end]]; ok {
				b.WriteString(v)
				s = s[open+end+2:]
				continue
			}
		}
		b.WriteByte('{')
		s = s[open+1:]
	}
}

// HasText reports whether code is in the catalogue.
func HasText(code string) bool {
	_, ok := catalogue[code]
	return ok
}

// TextCodes returns every code of the catalogue, sorted.
func TextCodes() []string {
	codes := make([]string, 0, len(catalogue))
	for c := range catalogue {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

// List joins items as a list reads in lang: "a, b" in English, "a、b" in
// Chinese.
func List(lang Lang, items []string) string {
	if lang == Zh {
		return strings.Join(items, "、")
	}
	return strings.Join(items, ", ")
}

// FieldText renders the message of a field error in lang. Its parameter
// fills {limit} and {other} as given, {allowed} as a list (the parameter
// of invalid_value is the allowed values separated by spaces), and {min}
// and {max} from a parameter of two words ("1 200" for out_of_range).
func FieldText(lang Lang, f FieldError) string {
	words := strings.Fields(f.Param)
	args := Args{"limit": f.Param, "other": f.Param, "allowed": List(lang, words)}
	if len(words) == 2 {
		args["min"], args["max"] = words[0], words[1]
	}
	return Text(lang, f.Code, args)
}
