package httpapi_test

import (
	"reflect"
	"testing"
)

// actStats is the decoded answer of /v1/stats.
type actStats struct {
	Year         int     `json:"year"`
	Organization *string `json:"organization"`
	Region       *string `json:"region"`
	Agreements   struct {
		Signed  int `json:"signed"`
		InForce int `json:"in_force"`
	} `json:"agreements"`
	Consultations struct {
		Held     int            `json:"held"`
		ByFormat map[string]int `json:"by_format"`
		ByArea   map[string]int `json:"by_area"`
	} `json:"consultations"`
	JointActions struct {
		Total             int            `json:"total"`
		ByKind            map[string]int `json:"by_kind"`
		ByArea            map[string]int `json:"by_area"`
		ByPartnerProvince map[string]int `json:"by_partner_province"`
	} `json:"joint_actions"`
	Outcomes map[string]actOutcome `json:"outcomes"`
}

type actOutcome struct {
	Count       int64 `json:"count"`
	Approximate bool  `json:"approximate"`
}

func (a *testAPI) actStats(query string) actStats {
	a.t.Helper()
	r := a.get("/v1/stats" + query)
	expect(a.t, r, 200)
	var st actStats
	r.Decode(a.t, &st)
	for name, m := range map[string]map[string]int{"by_format": st.Consultations.ByFormat, "by_kind": st.JointActions.ByKind,
		"by_area": st.JointActions.ByArea, "by_partner_province": st.JointActions.ByPartnerProvince} {
		if m == nil {
			a.t.Fatalf("%s is null or missing: %s", name, r.Body)
		}
	}
	if st.Outcomes == nil {
		a.t.Fatalf("outcomes is null or missing: %s", r.Body)
	}
	return st
}

func actSame(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// TestStatsFigures builds a year (2022) of records apart from the demo
// data (2023) and checks every figure for everyone, an organisation and
// regions.
func TestStatsFigures(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	agreement := func(kv ...any) map[string]any {
		body := actWith(map[string]any{"title_zh": "统计测试协议", "type": "cooperation", "status": "in_force",
			"parties": actParticipants("changshou-cppcc:signatory", "pengzhou-cppcc:signatory")}, kv...)
		return api.actCreate("/v1/agreements", api.Admin, body)
	}
	agreement("signed_on", "2022-03-01")
	agreement("signed_on", "2021-06", "effective_to", "2022-06") // in force in 2022, signed before
	agreement("signed_on", "2021", "effective_to", "2021-12-31") // expired before 2022
	agreement("signed_on", "2022-08", "status", "signed")        // signed, not in force
	gone := agreement("signed_on", "2022-05-05")                 // archived below
	api.do(req{method: "DELETE", path: "/v1/agreements/" + gone["id"].(string), key: api.Admin, header: actIfMatch(1)})

	consultation := func(kv ...any) map[string]any {
		return api.actCreate("/v1/consultations", api.Admin, actWith(actConsultation("统计测试协商"), kv...))
	}
	consultation("held_on", "2022-04-01", "format", "meeting", "outcomes", []any{map[string]any{"kind": "opinion", "count": 10}})
	consultation("held_on", "2022", "format", "seminar", "participants", actParticipants("changshou-cppcc:host", "linshui-cppcc:participant"),
		"outcomes", []any{map[string]any{"kind": "opinion", "count": 5, "approximate": true}, map[string]any{"kind": "problem_solved", "count": 3}})
	consultation("held_on", "2022-09", "status", "planned")
	consultation("held_on", "2021-12-31")
	consultation("held_on", "2022-10", "format", nil, "participants", actParticipants("yubei-cppcc:host", "pengzhou-cppcc:participant"))
	away := consultation("held_on", "2022-02")
	api.do(req{method: "DELETE", path: "/v1/consultations/" + away["id"].(string), key: api.Admin, header: actIfMatch(1)})

	action := func(kv ...any) map[string]any {
		return api.actCreate("/v1/joint-actions", api.Admin, actWith(actJointAction("统计测试履职"), kv...))
	}
	action("started_on", "2021-11", "ended_on", "2022-02", "kind", "research", "area_code", "ecology",
		"participants", actParticipants("changshou-cppcc:lead", "linshui-cppcc:partner"),
		"outcomes", []any{map[string]any{"kind": "proposal", "count": 2}, map[string]any{"kind": "opinion", "count": 7}})
	action("started_on", "2022", "ended_on", nil, "kind", "exhibition", "area_code", "culture-tourism",
		"participants", actParticipants("changshou-cppcc:lead", "yubei-cppcc:supporter"), "outcomes", []any{})
	action("started_on", "2022-12", "ended_on", "2023-01", "kind", "inspection", "area_code", nil,
		"participants", actParticipants("yubei-cppcc:lead", "pengzhou-cppcc:partner"), "outcomes", []any{})
	action("started_on", "2023-01", "ended_on", "2023-03") // not in 2022

	// Changshou: A and B among the joint actions; A has a partner in
	// Sichuan, B only in Chongqing (its own province).
	cs := api.actStats("?year=2022&organization=changshou-cppcc")
	if cs.Year != 2022 || cs.Organization == nil || *cs.Organization != "changshou-cppcc" || cs.Region != nil {
		t.Errorf("selection echoed as %v %v %v", cs.Year, cs.Organization, cs.Region)
	}
	actSame(t, "agreements", [2]int{cs.Agreements.Signed, cs.Agreements.InForce}, [2]int{2, 2})
	actSame(t, "consultations.held", cs.Consultations.Held, 2)
	actSame(t, "consultations.by_format", cs.Consultations.ByFormat, map[string]int{"meeting": 1, "seminar": 1})
	actSame(t, "joint_actions.total", cs.JointActions.Total, 2)
	actSame(t, "by_kind", cs.JointActions.ByKind, map[string]int{"research": 1, "exhibition": 1})
	actSame(t, "by_area", cs.JointActions.ByArea, map[string]int{"ecology": 1, "culture-tourism": 1})
	actSame(t, "by_partner_province", cs.JointActions.ByPartnerProvince, map[string]int{"510000": 1})
	actSame(t, "outcomes", cs.Outcomes, map[string]actOutcome{
		"opinion":        {Count: 22, Approximate: true}, // 10 + 5余 + 7
		"problem_solved": {Count: 3},
		"proposal":       {Count: 2},
	})

	// The same organisation by UUID gives the same figures.
	id := api.get("/v1/organizations/changshou-cppcc").JSON(t)["id"].(string)
	byID := api.actStats("?year=2022&organization=" + id)
	actSame(t, "stats by UUID", byID.Outcomes, cs.Outcomes)
	actSame(t, "stats by UUID total", byID.JointActions.Total, 2)

	// Everyone: no partner provinces; a held consultation without a format
	// counts as held but under no format.
	all := api.actStats("?year=2022")
	actSame(t, "all: agreements", [2]int{all.Agreements.Signed, all.Agreements.InForce}, [2]int{2, 2})
	actSame(t, "all: consultations.held", all.Consultations.Held, 3)
	actSame(t, "all: by_format", all.Consultations.ByFormat, map[string]int{"meeting": 1, "seminar": 1})
	actSame(t, "all: joint_actions.total", all.JointActions.Total, 3)
	actSame(t, "all: by_kind", all.JointActions.ByKind, map[string]int{"research": 1, "exhibition": 1, "inspection": 1})
	actSame(t, "all: by_partner_province", all.JointActions.ByPartnerProvince, map[string]int{})

	// Sichuan: records with a participant there; partners from Chongqing.
	sc := api.actStats("?year=2022&region=510000")
	actSame(t, "sichuan: consultations.held", sc.Consultations.Held, 3)
	actSame(t, "sichuan: joint_actions.total", sc.JointActions.Total, 2)
	actSame(t, "sichuan: by_partner_province", sc.JointActions.ByPartnerProvince, map[string]int{"500000": 2})
	// Yubei district: its province is Chongqing, the one above it.
	yb := api.actStats("?year=2022&region=500112")
	actSame(t, "yubei: joint_actions.total", yb.JointActions.Total, 2)
	actSame(t, "yubei: by_partner_province", yb.JointActions.ByPartnerProvince, map[string]int{"510000": 1})
	actSame(t, "yubei: agreements", [2]int{yb.Agreements.Signed, yb.Agreements.InForce}, [2]int{0, 0})
	// Guang'an prefecture includes Linshui county below it.
	ga := api.actStats("?year=2022&region=511600")
	actSame(t, "guang'an: consultations.held", ga.Consultations.Held, 1)
	actSame(t, "guang'an: joint_actions.total", ga.JointActions.Total, 1)

	// A joint action counts in every year its period overlaps.
	y2021 := api.actStats("?year=2021&organization=changshou-cppcc")
	actSame(t, "2021: joint_actions.total", y2021.JointActions.Total, 1)
	actSame(t, "2021: consultations.held", y2021.Consultations.Held, 1)
	actSame(t, "2021: agreements", [2]int{y2021.Agreements.Signed, y2021.Agreements.InForce}, [2]int{2, 2})

	// Unknown selections give zeros.
	for _, q := range []string{"?year=2022&organization=nobody-here", "?year=2022&organization=00000000-0000-7000-8000-000000000000",
		"?year=2022&region=999999", "?year=1"} {
		z := api.actStats(q)
		if z.Agreements.Signed+z.Agreements.InForce+z.Consultations.Held+z.JointActions.Total != 0 || len(z.Outcomes) != 0 ||
			len(z.JointActions.ByKind)+len(z.JointActions.ByPartnerProvince)+len(z.Consultations.ByFormat) != 0 {
			t.Errorf("%s: not zeros: %+v", q, z)
		}
	}
	for _, q := range []string{"", "?organization=changshou-cppcc", "?year=", "?year=0", "?year=10000", "?year=abc", "?year=2022.5",
		"?year=2022&organization=changshou-cppcc&region=500115", "?year=2022&region=5001", "?year=2022&organization=Not%20Code",
		"?year=2022&year=2023"} {
		expectProblem(t, api.get("/v1/stats"+q), 400)
	}
}

// TestStatsOfDemoData checks that the demo data tells the story of the
// source document's cross-regional work in 2023.
func TestStatsOfDemoData(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	cs := api.actStats("?year=2023&organization=changshou-cppcc")
	actSame(t, "agreements", [2]int{cs.Agreements.Signed, cs.Agreements.InForce}, [2]int{1, 1})
	actSame(t, "consultations.held", cs.Consultations.Held, 1)
	actSame(t, "consultations.by_format", cs.Consultations.ByFormat, map[string]int{}) // the source gives no format
	actSame(t, "joint_actions.total", cs.JointActions.Total, 3)
	actSame(t, "by_kind", cs.JointActions.ByKind, map[string]int{"exhibition": 1})
	actSame(t, "by_area", cs.JointActions.ByArea, map[string]int{"joint-duty": 2, "culture-tourism": 1})
	actSame(t, "by_partner_province", cs.JointActions.ByPartnerProvince, map[string]int{})
	actSame(t, "outcomes", cs.Outcomes, map[string]actOutcome{})

	pz := api.actStats("?year=2023&organization=pengzhou-cppcc")
	actSame(t, "pengzhou: agreements", [2]int{pz.Agreements.Signed, pz.Agreements.InForce}, [2]int{1, 1})
	actSame(t, "pengzhou: joint_actions.total", pz.JointActions.Total, 0)
	ls := api.actStats("?year=2023&region=511623")
	actSame(t, "linshui: consultations.held", ls.Consultations.Held, 1)
	jiusan := api.actStats("?year=2023&organization=changshou-jiusan")
	actSame(t, "jiusan: joint_actions.total", jiusan.JointActions.Total, 2)
	none := api.actStats("?year=2022&organization=changshou-cppcc")
	actSame(t, "2022: joint_actions.total", none.JointActions.Total, 0)

	// "What did Changshou do jointly with Sichuan parties in 2023, by
	// area?" — one request: the Pengzhou agreement and the consultation
	// with Linshui; the joint duty actions had no Sichuan partner.
	sc := api.actStats("?year=2023&organization=changshou-cppcc&partner_region=510000")
	actSame(t, "with Sichuan: agreements", [2]int{sc.Agreements.Signed, sc.Agreements.InForce}, [2]int{1, 1})
	actSame(t, "with Sichuan: consultations.held", sc.Consultations.Held, 1)
	actSame(t, "with Sichuan: consultations.by_area", sc.Consultations.ByArea, map[string]int{"forest-fire-prevention": 1})
	actSame(t, "with Sichuan: joint_actions.total", sc.JointActions.Total, 0)
	// Chongqing partners: Yubei in the consultation, none in the agreement.
	cq := api.actStats("?year=2023&organization=changshou-cppcc&partner_region=500112")
	actSame(t, "with Yubei: agreements.signed", cq.Agreements.Signed, 0)
	actSame(t, "with Yubei: consultations.held", cq.Consultations.Held, 1)
	expectProblem(t, api.get("/v1/stats?year=2023&partner_region=51"), 400)
	unknown := api.actStats("?year=2023&partner_region=999999")
	actSame(t, "unknown partner region: consultations.held", unknown.Consultations.Held, 0)
}
