package httpapi

// The general description of the API, read by swag from this file.
//
//	@title						Chengdu–Chongqing collaboration agreement registry API
//	@version					1.0.0
//	@description				成渝地区双城经济圈合作协议登记系统。Records framework agreements between regional bodies of Chongqing and Sichuan, their cooperation areas, the joint consultations and the joint duty actions the parties carry out.
//	@description
//	@description				Errors are RFC 9457 problem details (`application/problem+json`); field messages follow `Accept-Language` (Chinese for `zh*`, English otherwise). Reads are open unless the deployment sets `REGISTRY_READ_REQUIRES_KEY=true`; writes need an API key. Single records carry a strong `ETag`; `PATCH` and `DELETE` need `If-Match`. `POST` accepts `Idempotency-Key`. Lists use keyset pagination (`limit`, `cursor`, `next_cursor`, `Link`). A `GET` of a single record with `If-None-Match` answers 304 while its ETag is current. JSON bodies of 8 KiB or more (lists, not single records) and CSV bodies of 1 KiB or more are gzip-compressed when the request sends `Accept-Encoding: gzip`. Browsers may call from the origins a deployment allows (CORS). Every field of a response is always present; `x-nullable` fields are `null` when empty. The changes of each version are in CHANGELOG.md.
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
