package httpapi

// The Swagger annotations of the statistics routes, one stub a route,
// so that stats.go reads top to bottom. TestEveryRouteIsDocumented keeps
// these stubs and the route table in step.

// docGetStats documents getStats.
//
//	@Summary		Yearly statistics / 年度统计
//	@Description	The figures a committee puts in its annual work review, for everyone, one organisation or one region (with the regions below it). Agreements signed in the year and in force during it, and those signed in the year by cooperation area and, for a selected organisation or region, by partner province; consultations held in the year, by format and by area; joint actions whose period overlaps the year, by kind, by cooperation area and, for a selected organisation or region, by partner province (province-level regions other than the selection's own; `{}` without a selection); outcomes summed by kind, approximate when any part is. Archived records are left out; an unknown organisation or region gives zeros; zero counts may be left out of the maps.
//	@ID				getStats
//	@Tags			stats
//	@Produce		json
//	@Param			year			query		int		true	"统计年份 / Calendar year"																												minimum(1)	maximum(9999)	extensions(x-example=2023)
//	@Param			organization	query		string	false	"组织 UUID 或代码（不能与 region 同时使用） / Organisation UUID or code (not together with region)"																		extensions(x-example=changshou-cppcc)
//	@Param			region			query		string	false	"六位行政区划代码，含其下级（不能与 organization 同时使用） / Six-digit region code, with the regions below it (not together with organization)"											extensions(x-example=500115)
//	@Param			partner_region	query		string	false	"只统计有该行政区划（含下级）参与方的记录：所选范围与那里的合作方共同完成的工作 / Only records with a participant (or party) in this region or below: what the selection did jointly with partners there"	extensions(x-example=510000)
//	@Param	lang	query	string	false	"导出中数字标签的语言，默认随 Accept-Language / Language of the figures' labels in an export (Accept-Language otherwise)"	Enums(zh, en)
//	@Success		200				{object}	registry.Stats
//	@Failure		400				{object}	ProblemBadRequest
//	@Failure		401				{object}	ProblemUnauthorized
//	@Failure		429				{object}	ProblemRateLimited
//	@Failure		503				{object}	ProblemUnavailable
//	@Failure		default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/stats [get]
func docGetStats() {}
