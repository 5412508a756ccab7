package httpapi

// The Swagger annotations of the report routes, one stub a route.
// TestEveryRouteIsDocumented keeps these stubs and the route table in
// step.

// docAnnualReport documents annualReport.
//
//	@Summary		Annual report workbook / 年度报告
//	@Description	One Excel workbook for a committee's annual review. The first sheet is a summary: the `/v1/stats` figures of the organisation for the year as labelled numbers (section, item, value; outcomes approximate with 余 / "more than"). Then a sheet each of the agreements (signed in the year or with an effective period overlapping it), consultations and joint actions (held in or overlapping the year) the organisation took part in. Headings, enum values and names are in `lang` (or Accept-Language); dates read as precise as stored. Unknown organisation: 404.
//	@ID				getAnnualReport
//	@Tags			stats
//	@Produce		application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Produce		json
//	@Param			organization	query		string	true	"组织 UUID 或代码 / Organisation UUID or code"	extensions(x-example=changshou-cppcc)
//	@Param			year			query		int		true	"公历年份 / Calendar year"				minimum(1)	maximum(9999)	extensions(x-example=2023)
//	@Param			lang			query		string	false	"工作簿的语言，默认随 Accept-Language / Language of the workbook (default: Accept-Language)"	Enums(zh, en)
//	@Success		200				{file}		file	"The workbook, as an attachment"
//	@Failure		400				{object}	ProblemBadRequest
//	@Failure		401				{object}	ProblemUnauthorized
//	@Failure		404				{object}	ProblemNotFound
//	@Failure		429				{object}	ProblemRateLimited
//	@Failure		503				{object}	ProblemUnavailable
//	@Failure		default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/reports/annual [get]
func docAnnualReport() {}
