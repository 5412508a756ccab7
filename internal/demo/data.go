package demo

import "github.com/chengyu-collab/registry/internal/registry"

// organizations are the bodies the source document names. The document
// calls the democratic parties and federations by their short names only
// (民革、民进、农工党、九三学社、知联会、工商联) as the ones Changshou's CPPCC
// supported; their records say "Changshou" and no more precise level.
func organizations() []registry.OrganizationInput {
	org := func(code string, kind registry.OrganizationKind, nameZh, nameEn, shortZh, shortEn, region string) registry.OrganizationInput {
		return registry.OrganizationInput{Code: code, Kind: kind, NameZh: nameZh, NameEn: ptr(nameEn),
			ShortNameZh: ptr(shortZh), ShortNameEn: ptr(shortEn), RegionCode: ptr(region)}
	}
	return []registry.OrganizationInput{
		org("changshou-cppcc", registry.KindCPPCC, "中国人民政治协商会议重庆市长寿区委员会",
			"Chongqing Changshou District Committee of the CPPCC", "长寿区政协", "Changshou CPPCC", "500115"),
		org("pengzhou-cppcc", registry.KindCPPCC, "中国人民政治协商会议四川省彭州市委员会",
			"Sichuan Pengzhou City Committee of the CPPCC", "彭州市政协", "Pengzhou CPPCC", "510182"),
		org("yubei-cppcc", registry.KindCPPCC, "中国人民政治协商会议重庆市渝北区委员会",
			"Chongqing Yubei District Committee of the CPPCC", "渝北区政协", "Yubei CPPCC", "500112"),
		org("linshui-cppcc", registry.KindCPPCC, "中国人民政治协商会议四川省邻水县委员会",
			"Sichuan Linshui County Committee of the CPPCC", "邻水县政协", "Linshui CPPCC", "511623"),
		org("changshou-rcck", registry.KindParty, "民革长寿区组织",
			"Revolutionary Committee of the Chinese Kuomintang, Changshou", "民革", "RCCK Changshou", "500115"),
		org("changshou-capd", registry.KindParty, "民进长寿区组织",
			"China Association for Promoting Democracy, Changshou", "民进", "CAPD Changshou", "500115"),
		org("changshou-cpwdp", registry.KindParty, "农工党长寿区组织",
			"Chinese Peasants' and Workers' Democratic Party, Changshou", "农工党", "CPWDP Changshou", "500115"),
		org("changshou-jiusan", registry.KindParty, "九三学社长寿区组织",
			"Jiusan Society, Changshou", "九三学社", "Jiusan Society Changshou", "500115"),
		org("changshou-zhilianhui", registry.KindNonParty, "长寿区知识分子联谊会",
			"Association of Non-Party Intellectuals, Changshou", "知联会", "Non-Party Intellectuals Changshou", "500115"),
		org("changshou-fic", registry.KindFederation, "长寿区工商业联合会",
			"Federation of Industry and Commerce, Changshou", "工商联", "FIC Changshou", "500115"),
	}
}

// AgreementChangshouPengzhou is the fixed id of the 2023-05-18 framework
// agreement between the Changshou and Pengzhou CPPCC committees.
var AgreementChangshouPengzhou = ID("agreement/changshou-pengzhou-2023")

// agreements holds the one agreement the source document states: signed on
// 18 May 2023, covering six areas of which it names three, setting up a
// consultation mechanism and a regional consultation platform. The source
// names no signatories, place, reference number or end date, so none is
// recorded. Its status is in_force: a framework agreement of this kind
// takes effect on signing and the document reports work under it in 2023;
// no effective dates are recorded since the document gives none.
func agreements() []registry.AgreementInput {
	declared := 6
	return []registry.AgreementInput{{
		ID:       AgreementChangshouPengzhou,
		TitleZh:  "重庆市长寿区政协与四川省彭州市政协友好政协交流合作框架协议",
		TitleEn:  ptr("Framework agreement on friendly exchange and cooperation between the CPPCC committees of Changshou District (Chongqing) and Pengzhou City (Sichuan)"),
		Type:     "framework",
		Status:   registry.StatusInForce,
		SignedOn: ptr("2023-05-18"),
		SummaryZh: ptr("围绕民营经济协同发展、文旅交流、联合履职等六个方面，立足两地政协人才、智力和组织优势，建立协商机制，" +
			"搭建区域协商平台，助推经济、社会、文化等领域交流合作，为助推成渝地区双城经济圈高质量发展凝聚共识、贡献智慧、汇聚力量。"),
		SummaryEn: ptr("Covers six areas, among them coordinated development of the private economy, cultural and tourism exchange " +
			"and joint performance of duties; draws on both committees' people, expertise and organisation to set up a consultation " +
			"mechanism and a regional consultation platform, furthering exchange in the economy, society and culture for the " +
			"Chengdu–Chongqing economic circle."),
		AreasDeclared: &declared,
		Parties: []registry.PartyInput{
			{OrganizationID: "changshou-cppcc", Role: "signatory"},
			{OrganizationID: "pengzhou-cppcc", Role: "signatory"},
		},
		Areas: []registry.AreaRefInput{
			{AreaCode: ptr("private-economy"), LabelZh: "民营经济协同发展", LabelEn: ptr("Coordinated development of the private economy")},
			{AreaCode: ptr("culture-tourism"), LabelZh: "文旅交流", LabelEn: ptr("Cultural and tourism exchange")},
			{AreaCode: ptr("joint-duty"), LabelZh: "联合履职", LabelEn: ptr("Joint performance of duties")},
		},
		Mechanisms: []registry.MechanismInput{
			{Kind: "other", Description: ptr("建立协商机制")},
			{Kind: "consultation_platform", Description: ptr("搭建区域协商平台")},
		},
	}}
}
