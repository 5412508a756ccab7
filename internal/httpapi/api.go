package httpapi

// The general description of the API, read by swag from this file.
//
//	@title						Chengdu–Chongqing collaboration agreement registry API
//	@version					1.1.0
//	@description				成渝地区双城经济圈合作协议登记系统。Records framework agreements between regional bodies of Chongqing and Sichuan, their cooperation areas, the joint consultations and the joint duty actions the parties carry out.
//	@description
//	@description				Errors are RFC 9457 problem details (`application/problem+json`); field messages follow `Accept-Language` (Chinese for `zh*`, English otherwise). Reads are open unless the deployment sets `REGISTRY_READ_REQUIRES_KEY=true`; writes need an API key. Single records carry a strong `ETag`; `PATCH` and `DELETE` need `If-Match`. `POST` accepts `Idempotency-Key`. Lists use keyset pagination (`limit`, `cursor`, `next_cursor`, `Link`). A `GET` of a single record with `If-None-Match` answers 304 while its ETag is current. JSON bodies of 8 KiB or more (lists, not single records) and CSV bodies of 1 KiB or more are gzip-compressed when the request sends `Accept-Encoding: gzip`. Browsers may call from the origins a deployment allows (CORS). Every field of a response is always present; `x-nullable` fields are `null` when empty. The changes of each version are in CHANGELOG.md.
//	@description
//	@description				**`errors[].code`** — 字段与查询参数的错误代码 / error codes of fields and query parameters (`errors[].message` says it in the caller's language):
//	@description
//	@description				| code | HTTP | 含义 | Meaning |
//	@description				| --- | --- | --- | --- |
//	@description				| `required` | 422 | 必填字段缺失 | a required field is missing |
//	@description				| `blank` | 422 | 字段为空或只含空白；要留空请省略或传 null | the field is empty or only white space; omit it or send null instead |
//	@description				| `empty_parameter` | 400 | 查询参数的值为空 | a query parameter has an empty value |
//	@description				| `too_long` | 422 | 文本超过最大长度（字符数） | the text is longer than allowed (in characters) |
//	@description				| `too_short` | 422 | 文本短于最小长度 | the text is shorter than allowed |
//	@description				| `too_many` | 422 | 列表项数超过上限 | the list has more items than allowed |
//	@description				| `too_few` | 422 | 列表项数少于下限 | the list has fewer items than required |
//	@description				| `too_small` | 422 | 数值小于下限 | the number is below the minimum |
//	@description				| `too_large` | 422 | 数值大于上限 | the number is above the maximum |
//	@description				| `out_of_range` | 400 | 整数参数（limit、year）超出范围或不是整数 | an integer parameter (limit, year) is out of range or not a whole number |
//	@description				| `invalid_value` | 400, 422 | 不是允许的枚举值之一 | not one of the allowed values |
//	@description				| `invalid_date` | 400, 422 | 不是 YYYY、YYYY-MM 或 YYYY-MM-DD 格式的有效日期 | not a valid date YYYY, YYYY-MM or YYYY-MM-DD |
//	@description				| `invalid_timestamp` | 400 | 不是 RFC 3339 时间或 YYYY-MM-DD 日期 | not an RFC 3339 time or a date YYYY-MM-DD |
//	@description				| `invalid_code` | 400, 422 | 代码不是 2–64 个小写字母、数字或连字符 | a code that is not 2–64 characters of a–z, 0–9 and - |
//	@description				| `invalid_reference` | 400, 422 | 既不是 UUID 也不是组织代码 | neither a UUID nor an organisation code |
//	@description				| `invalid_uuid` | 400, 422 | 不是 UUID | not a UUID |
//	@description				| `invalid_region` | 400, 422 | 不是六位行政区划代码 | not a six-digit region code |
//	@description				| `invalid_url` | 422 | 不是 http 或 https 网址 | not an http or https URL |
//	@description				| `invalid_language` | 422 | 不是 BCP 47 语言标签 | not a BCP 47 language tag |
//	@description				| `invalid_characters` | 400, 422 | 不是有效的 UTF-8 文本或含 NUL 字符 | not valid UTF-8 text, or holds a NUL character |
//	@description				| `invalid_boolean` | 400 | 不是 true 或 false | not true or false |
//	@description				| `invalid_cursor` | 400 | 不是本列表给出的游标 | not a cursor this list gave out |
//	@description				| `invalid_if_match` | 400 | If-Match 不是带引号的实体标签或 * | If-Match is not a quoted entity tag or * |
//	@description				| `repeated_parameter` | 400 | 只能出现一次的查询参数出现了多次 | a query parameter that may be given once was repeated |
//	@description				| `unknown_parameter` | 400 | 不是此接口的查询参数；detail 列出此接口的参数 | not a query parameter of this route; the detail lists the route's parameters |
//	@description				| `no_parameters` | 400 | 此接口不接受查询参数 | this route takes no query parameters |
//	@description				| `too_many_values` | 400 | 可重复的参数（如 party）给出的值超过上限 | a repeatable parameter (such as party) was given more times than allowed |
//	@description				| `malformed_query` | 400 | 查询字符串含错误的 % 转义或分号 | the query string holds a bad %-escape or a ';' |
//	@description				| `exclusive_parameters` | 400 | 两个不能同时使用的参数一起出现（如 organization 与 region） | two parameters that exclude each other were both given (such as organization and region) |
//	@description				| `invalid` | 422 | 值无效（无更具体的代码时） | the value is invalid (where no more specific code applies) |
//	@description				| `unknown_organization` | 422 | 引用的组织不存在 | the organisation referred to does not exist |
//	@description				| `unknown_region` | 422 | 引用的行政区划不存在 | the region referred to does not exist |
//	@description				| `unknown_area` | 422 | 引用的合作领域不存在 | the cooperation area referred to does not exist |
//	@description				| `unknown_agreement` | 422 | 引用的协议不存在 | the agreement referred to does not exist |
//	@description				| `unknown_reference` | 422 | 引用的记录不存在 | the record referred to does not exist |
//	@description				| `duplicate_party` | 422 | 同一组织在 parties 或 participants 中出现两次 | an organisation appears twice in parties or participants |
//	@description				| `min_signatories` | 422 | 不同的签署方组织少于两个 | fewer than two distinct signatory organisations |
//	@description				| `min_participants` | 422 | 不同的参与组织少于两个 | fewer than two distinct organisations take part |
//	@description				| `one_host` | 422 | 联合协商的主办方（host）不是恰好一个 | a consultation does not have exactly one host |
//	@description				| `lead_required` | 422 | 联合履职没有牵头方（lead） | a joint action has no lead |
//	@description				| `date_order` | 422 | 日期早于应在其前的日期（错误指向较晚的字段） | a date is earlier than one that must come before it (the error names the later field) |
//	@description				| `future_date` | 422 | 日期晚于今天（北京时间） | a date is after today (China Standard Time) |
//	@description				| `duplicate` | 409, 422 | 唯一值（组织代码、协议编号、领域代码）已被使用（409）；或同一关系、同一关联在列表中出现两次（422） | a unique value (organisation code, ref_no, area code) is already used (409); or the same relation or link appears twice in a list (422) |
//	@description				| `self_reference` | 422 | 记录引用了自身（如上级为自己，或协议关联自身） | the record refers to itself (such as being its own parent, or an agreement linked to itself) |
//	@description				| `relation_cycle` | 422 | 修订、续签、取代关系形成循环（所指协议已直接或间接指向本协议） | amends, renews and supersedes links would form a cycle (the target already leads back to this agreement) |
//	@description				| `not_a_party_of_agreement` | 422 | 后续事项的负责组织不是协议的参与方 | the responsible organisation of a milestone is not a party of the agreement |
//	@description				| `required_when_done` | 422 | 后续事项状态为已完成（done）而没有完成日期（done_on） | a milestone is done but has no done_on |
//	@description				| `media_type_mismatch` | 422 | 上传文件的内容与 Content-Type 声明的类型不符 | the bytes of an uploaded file are not what its Content-Type says |
//	@description				| `invalid_login` | — | 登录名不是 2–64 个小写字母、数字、点、下划线或连字符；仅见于命令 `registry users create`，API 不返回 | a login that is not 2–64 characters of a–z, 0–9, ., _ and -; only from the command `registry users create`, never from the API |
//	@description
//	@description				**403 `reason`** — 拒绝原因 / why a 403 refuses (its sentence is the `detail`):
//	@description
//	@description				| reason | 含义 | Meaning |
//	@description				| --- | --- | --- |
//	@description				| `role_forbids` | 密钥的角色不允许此操作 | the key's role does not allow the operation |
//	@description				| `not_a_party` | 调用者的组织不是该记录的参与方 | the caller's organisation does not take part in the record |
//	@description				| `cannot_remove_own_organization` | 修改会把调用者自己的组织从记录中移除 | the change would remove the caller's own organisation from the record |
//	@description				| `read_requires_key` | 本部署的读取操作需要密钥（401） | reads on this deployment need a key (401) |
//	@description
//	@description				日期可为部分日期 `YYYY`、`YYYY-MM` 或 `YYYY-MM-DD`，各日期字段和参数的说明给出其模式 / Dates may be partial, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the description of each date field and parameter gives its pattern.
//	@BasePath					/
//	@schemes					http https
//	@accept						json
//	@produce					json
//	@tag.name					agreements
//	@tag.description			Collaboration agreements / 合作协议
//	@tag.name					consultations
//	@tag.description			Joint consultations / 联合协商
//	@tag.name					joint-actions
//	@tag.description			Joint duty actions / 联合履职活动
//	@tag.name					milestones
//	@tag.description			Follow-up commitments under agreements / 协议后续事项
//	@tag.name					files
//	@tag.description			Files on agreements, consultations and joint actions / 文件
//	@tag.name					stats
//	@tag.description			Figures for annual work reviews / 年度统计
//	@tag.name					organizations
//	@tag.description			Committees, parties and federations / 组织
//	@tag.name					regions
//	@tag.description			GB/T 2260 divisions of Chongqing and Sichuan / 行政区划
//	@tag.name					cooperation-areas
//	@tag.description			Cooperation-area taxonomy / 合作领域
//	@tag.name					audit
//	@tag.description			Append-only audit log / 审计日志
//	@tag.name					operations
//	@tag.description			Health and readiness probes / 运行状态
//
// swag reads every line after @securityDefinitions as part of it, so it
// comes last.
//
//	@securityDefinitions.apikey	BearerAuth
//	@in							header
//	@name						Authorization
//	@description				API key as `Bearer <key>` (type the word Bearer, a space and the key); keys are made with `registry keys create`.
