package gen

// Vocabulary for realistic bilingual records, in the register of CPPCC
// work reviews.

var kindNames = []struct {
	kind, zh, en, code string
	weight             int
}{
	{"cppcc_committee", "政协", "CPPCC Committee", "cppcc", 40},
	{"democratic_party", "民革支部", "RCCK branch", "rcck", 8},
	{"democratic_party", "民盟支部", "CDL branch", "cdl", 8},
	{"democratic_party", "民进支部", "CAPD branch", "capd", 8},
	{"democratic_party", "农工党支部", "CPWDP branch", "cpwdp", 6},
	{"democratic_party", "九三学社支社", "Jiusan Society branch", "jiusan", 8},
	{"federation_of_industry_commerce", "工商联", "Federation of Industry and Commerce", "fic", 12},
	{"non_party_intellectuals", "知联会", "Association of Non-Party Intellectuals", "zlh", 5},
	{"government", "人民政府", "People's Government", "gov", 5},
}

var areaCodes = []string{"private-economy", "culture-tourism", "joint-duty", "ecology", "emergency-management",
	"industry", "transport", "public-services", "forest-fire-prevention", "river-protection", "chambers-of-commerce"}

var areaLabels = map[string]string{
	"private-economy": "民营经济协同发展", "culture-tourism": "文旅交流", "joint-duty": "联合履职",
	"ecology": "生态环境保护", "emergency-management": "应急管理", "industry": "产业协作", "transport": "交通互联",
	"public-services": "公共服务共建共享", "forest-fire-prevention": "森林防灭火", "river-protection": "跨界河流联防联控",
	"chambers-of-commerce": "商会合作",
}

var topics = []string{"森林防灭火", "跨界河流联防联控", "嘉陵江生态保护", "毗邻地区商会联盟", "乡村振兴", "文旅融合发展",
	"民营企业纾困", "产业链协同", "交通基础设施互联互通", "医疗资源共享", "职业教育合作", "营商环境优化", "川渝统一产业目录",
	"新材料产业发展", "氢能产业布局", "公共服务一体化", "非遗保护传承", "长江水源保护", "应急物资联储", "基层社会治理"}

var topicsEn = []string{"forest fire prevention", "joint protection of cross-boundary rivers", "Jialing River ecology",
	"alliance of chambers of commerce", "rural revitalisation", "culture and tourism", "relief for private firms",
	"industrial chain cooperation", "transport links", "shared medical resources", "vocational education",
	"business environment", "a unified Sichuan–Chongqing industry catalogue", "new materials", "hydrogen industry",
	"integrated public services", "intangible heritage", "Yangtze water sources", "joint emergency reserves", "grassroots governance"}

var phrases = []string{
	"双方立足两地政协人才、智力和组织优势，", "围绕成渝地区双城经济圈建设重大部署，", "深入开展调查研究，",
	"组织委员实地察看项目现场，", "召开专题协商会议，", "形成协商意见并报送党委政府，", "推动问题研判和整改落实，",
	"建立常态化联络机制，", "搭建区域协商平台，", "共同筑牢安全防线，", "助推经济、社会、文化等领域交流合作，",
	"凝聚共识、贡献智慧、汇聚力量，", "推动解决群众急难愁盼问题，", "持续擦亮民主监督品牌，", "提出务实管用的意见建议，",
}

var consultationFormats = []string{"meeting", "seminar", "field_visit", "online", "grassroots"}
var actionKinds = []string{"inspection", "research", "proposal", "supervision", "exhibition", "publicity", "other"}
var outcomeKinds = []string{"opinion", "proposal", "public_opinion_report", "problem_solved", "other"}
var mechanismKinds = []string{"joint_meeting", "liaison", "consultation_platform", "information_exchange", "joint_research", "joint_proposal", "other"}
