package gen

import "github.com/chengyu-collab/registry/internal/registry"

// Vocabulary for realistic bilingual records, in the register of CPPCC
// work reviews.

var kindNames = []struct {
	kind         registry.OrganizationKind
	zh, en, code string
	weight       int
}{
	{registry.KindCPPCC, "政协", "CPPCC Committee", "cppcc", 40},
	{registry.KindParty, "民革支部", "RCCK branch", "rcck", 8},
	{registry.KindParty, "民盟支部", "CDL branch", "cdl", 8},
	{registry.KindParty, "民进支部", "CAPD branch", "capd", 8},
	{registry.KindParty, "农工党支部", "CPWDP branch", "cpwdp", 6},
	{registry.KindParty, "九三学社支社", "Jiusan Society branch", "jiusan", 8},
	{registry.KindFederation, "工商联", "Federation of Industry and Commerce", "fic", 12},
	{registry.KindNonParty, "知联会", "Association of Non-Party Intellectuals", "zlh", 5},
	{registry.KindGovernment, "人民政府", "People's Government", "gov", 5},
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

// The enum values the generator draws from are the domain's own.
var (
	consultationFormats = registry.ConsultationFormats.Codes()
	actionKinds         = registry.JointActionKinds.Codes()
	outcomeKinds        = registry.OutcomeKinds.Codes()
	mechanismKinds      = registry.MechanismKinds.Codes()
)
