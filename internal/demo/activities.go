package demo

import (
	"context"
	"errors"
	"fmt"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Fixed ids of the demo consultation and joint actions.
var (
	ConsultationForestFire   = ID("consultation/forest-fire-prevention-2023")
	JointActionJiusanJialing = ID("joint-action/jiusan-jialing-2023")
	JointActionPartiesThemes = ID("joint-action/parties-federations-themes-2023")
	JointActionExhibition    = ID("joint-action/calligraphy-painting-exhibition-2023")
)

// year2023 is the only date the source gives for this work: "在过去的一年里"
// in a review of 2023. No month or day is recorded.
func year2023() *string { return ptr("2023") }

// consultations holds the joint consultation the source states:
// "长寿区政协联合渝北、邻水围绕森林防灭火工作开展联合协商，共同筑牢森林防灭火安全防线。"
// Changshou CPPCC is the host: the source makes it the one that brought
// Yubei and Linshui in (联合) for a joint (联合) consultation, so they are
// co-hosts. The source gives no day or month, place, format, agreement or
// outcome figures; none is recorded.
func consultations() []registry.ConsultationInput {
	return []registry.ConsultationInput{{
		ID:       ConsultationForestFire,
		TitleZh:  "长寿区政协联合渝北、邻水开展森林防灭火工作联合协商",
		TitleEn:  ptr("Joint consultation on forest fire prevention with Yubei and Linshui"),
		TopicZh:  ptr("森林防灭火工作"),
		TopicEn:  ptr("Forest fire prevention and fighting"),
		HeldOn:   year2023(),
		AreaCode: ptr("forest-fire-prevention"),
		Status:   registry.StatusHeld,
		Participants: []registry.ConsultationParticipant{
			{OrganizationID: "changshou-cppcc", Role: registry.RoleHost},
			{OrganizationID: "yubei-cppcc", Role: "co_host"},
			{OrganizationID: "linshui-cppcc", Role: "co_host"},
		},
		SummaryZh: ptr("长寿区政协联合渝北、邻水围绕森林防灭火工作开展联合协商，共同筑牢森林防灭火安全防线。" +
			"（来源仅载明年份为2023年，未载明具体日期、地点、协商形式及成果数量。）"),
		SummaryEn: ptr("Changshou CPPCC, together with Yubei and Linshui, held a joint consultation on forest fire " +
			"prevention and fighting, jointly strengthening the line of defence against forest fires. (The source gives " +
			"only the year, 2023: no date, place, format or outcome figures.)"),
	}}
}

// partiesSentence is the source's one sentence on the joint duty of the
// parties and federations.
const partiesSentence = "长寿区政协支持民革、民进、农工党、九三学社、知联会和工商联围绕跨界河流联防联控、" +
	"“川渝九三护嘉陵 同心共建经济圈”、合广长协同发展示范区建设、共建渝广毗邻地区商会联盟等主题开展联合履职，" +
	"共画推动区域高质量发展“同心圆”。"

// jointActions holds the joint duty actions and the exhibition the source
// states. Modelling, where the source is silent:
//
//   - The source names six parties and federations and four themes ("等",
//     not an exhaustive list) without saying which took which theme. Only
//     "川渝九三护嘉陵" names its party (九三学社), so it alone is a record of
//     its own; the other themes form one record whose participants are the
//     six organisations named, and whose summary says the attribution is
//     not given. The parties and federations are the ones the source says
//     carried out (开展) the joint duty, so they are the leads; Changshou
//     CPPCC supported (支持) them and is the supporter. Their partners
//     outside Changshou (the Sichuan side of "川渝九三", Hechuan and Guang'an
//     for "合广长", "渝广") are not named and are not recorded.
//   - The source says only that Changshou CPPCC hosted (主办) the exhibition;
//     it names no partner, so the record has one participant, the lead,
//     and is stored through ImportJointAction, which waives the minimum of
//     two organisations that the API applies.
//   - Kinds are left empty where the source does not say what the work was
//     (inspection, research, ...). Each record is dated 2023 (year only) and
//     completed: the review reports the work as done in 2023.
func jointActions() []registry.JointActionInput {
	return []registry.JointActionInput{
		{
			ID:       JointActionJiusanJialing,
			TitleZh:  "“川渝九三护嘉陵 同心共建经济圈”联合履职",
			TitleEn:  ptr("Joint duty action “Sichuan and Chongqing Jiusan protect the Jialing, building the economic circle together”"),
			ThemeZh:  ptr("川渝九三护嘉陵 同心共建经济圈"),
			ThemeEn:  ptr("Sichuan and Chongqing Jiusan Society protect the Jialing River, building the economic circle together"),
			AreaCode: ptr("joint-duty"),
			Status:   "completed",
			Participants: []registry.JointActionParticipant{
				{OrganizationID: "changshou-jiusan", Role: registry.RoleLead},
				{OrganizationID: "changshou-cppcc", Role: "supporter"},
			},
			StartedOn: year2023(),
			SummaryZh: ptr(partiesSentence + "（该主题以九三学社为名，故单列；来源未载明其他参与单位、具体日期及活动形式。）"),
			SummaryEn: ptr("Changshou CPPCC supported the Jiusan Society, among the parties and federations it names, in joint " +
				"duty on this theme, which names the Jiusan Society. The source names no other participant (the Sichuan side " +
				"of “Sichuan and Chongqing Jiusan” is not named), no date beyond the year 2023 and no form of the work."),
		},
		{
			ID:      JointActionPartiesThemes,
			TitleZh: "民革、民进、农工党、九三学社、知联会和工商联联合履职",
			TitleEn: ptr("Joint duty of the democratic parties, the non-party intellectuals and the federation of industry and commerce"),
			ThemeZh: ptr("跨界河流联防联控；合广长协同发展示范区建设；共建渝广毗邻地区商会联盟"),
			ThemeEn: ptr("Joint prevention and control for cross-boundary rivers; building the Hechuan–Guang'an–Changshou " +
				"coordinated development demonstration zone; building an alliance of chambers of commerce in the adjacent " +
				"areas of Chongqing and Guang'an"),
			AreaCode: ptr("joint-duty"),
			Status:   "completed",
			Participants: []registry.JointActionParticipant{
				{OrganizationID: "changshou-rcck", Role: registry.RoleLead},
				{OrganizationID: "changshou-capd", Role: registry.RoleLead},
				{OrganizationID: "changshou-cpwdp", Role: registry.RoleLead},
				{OrganizationID: "changshou-jiusan", Role: registry.RoleLead},
				{OrganizationID: "changshou-zhilianhui", Role: registry.RoleLead},
				{OrganizationID: "changshou-fic", Role: registry.RoleLead},
				{OrganizationID: "changshou-cppcc", Role: "supporter"},
			},
			StartedOn: year2023(),
			SummaryZh: ptr(partiesSentence + "（来源未载明各主题分别由哪一党派、团体承担，所列主题亦非全部（“等主题”）；" +
				"“川渝九三护嘉陵 同心共建经济圈”另列一条。来源未载明长寿区以外的合作单位、具体日期及活动形式。）"),
			SummaryEn: ptr("Changshou CPPCC supported the RCCK, CAPD, CPWDP, Jiusan Society, non-party intellectuals and " +
				"federation of industry and commerce in joint duty on themes including these (the list is not exhaustive; " +
				"“Sichuan and Chongqing Jiusan protect the Jialing” is a record of its own). The source does not say which " +
				"organisation took which theme, names no partner outside Changshou, and gives no date beyond the year 2023."),
		},
		{
			ID:       JointActionExhibition,
			TitleZh:  "“丹青润川渝 翰墨润寿乡”川渝地区书画联展",
			TitleEn:  ptr("“Painting enriches Sichuan and Chongqing, calligraphy enriches the land of longevity”: Sichuan–Chongqing joint calligraphy and painting exhibition"),
			ThemeZh:  ptr("丹青润川渝 翰墨润寿乡"),
			ThemeEn:  ptr("Painting enriches Sichuan and Chongqing, calligraphy enriches the land of longevity"),
			Kind:     kind(registry.KindExhibition),
			AreaCode: ptr("culture-tourism"),
			Status:   "completed",
			Participants: []registry.JointActionParticipant{
				{OrganizationID: "changshou-cppcc", Role: registry.RoleLead},
			},
			StartedOn: year2023(),
			SummaryZh: ptr("长寿区政协主办“丹青润川渝 翰墨润寿乡”川渝地区书画联展，推动文化合作与艺术交流。" +
				"（来源未载明联展的其他参与单位、具体日期及地点。）"),
			SummaryEn: ptr("Changshou CPPCC hosted the Sichuan–Chongqing joint calligraphy and painting exhibition, " +
				"furthering cultural cooperation and artistic exchange. (The source names no other participant, and gives " +
				"no date beyond the year 2023 and no place.)"),
		},
	}
}

// loadActivities writes the demo consultation and joint actions, skipping
// those that already exist.
func loadActivities(ctx context.Context, svc *registry.Service) error {
	for _, c := range consultations() {
		if err := loadOnce(ctx, c.ID, c.TitleZh, svc.GetConsultation, func(ctx context.Context) error {
			_, err := svc.CreateConsultation(ctx, actor, c)
			return err
		}); err != nil {
			return err
		}
	}
	for _, j := range jointActions() {
		create := svc.CreateJointAction
		if len(j.Participants) < 2 {
			create = svc.ImportJointAction // the exhibition: its partners are not named
		}
		if err := loadOnce(ctx, j.ID, j.TitleZh, svc.GetJointAction, func(ctx context.Context) error {
			_, err := create(ctx, actor, j)
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

func kind(k registry.JointActionKind) *registry.JointActionKind { return &k }

// loadOnce creates the record with the given id unless get finds it.
func loadOnce[T any](ctx context.Context, id, title string, get func(ctx context.Context, id string) (T, error),
	create func(ctx context.Context) error) error {
	if _, err := get(ctx, id); err == nil {
		return nil
	} else if !errors.Is(err, registry.ErrNotFound) {
		return err
	}
	if err := create(ctx); err != nil {
		return fmt.Errorf("%s: %w", title, err)
	}
	return nil
}
