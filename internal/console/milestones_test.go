package console_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/registry"
)

// An overdue milestone of the committee's agreement shows on the signed-in
// home page and, marked overdue, on its agreement's page, in both
// languages.
func TestOverdueMilestonesOnHomeAndAgreement(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	admin := registry.Actor{Role: registry.RoleAdmin, RequestID: "test"}
	page, err := e.svc.ListAgreements(ctx, registry.AgreementFilter{Parties: []string{"changshou-cppcc"}, Limit: 1})
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("an agreement of Changshou: %v", err)
	}
	a := page.Items[0]
	due, en := "2020-03", "Set up the joint liaison office"
	if _, err := e.svc.CreateMilestone(ctx, admin, registry.MilestoneInput{AgreementID: a.ID, TitleZh: "设立联合联络办公室",
		TitleEn: &en, DueOn: &due}); err != nil {
		t.Fatal(err)
	}
	c := e.browser()
	e.signIn(c)
	_, home, _ := e.get(c, "/")
	for _, want := range []string{"逾期未完成的跟进事项", "设立联合联络办公室", "应于 2020-03 完成", "已逾期", "/console/agreements/" + a.ID} {
		if !strings.Contains(home, want) {
			t.Fatalf("home lacks %q:\n%s", want, home)
		}
	}
	_, homeEn, _ := e.get(c, "/?lang=en")
	for _, want := range []string{"Overdue milestones", en, "due 2020-03", "Overdue"} {
		if !strings.Contains(homeEn, want) {
			t.Fatalf("English home lacks %q:\n%s", want, homeEn)
		}
	}
	status, detail, _ := e.get(http.DefaultClient, "/console/agreements/"+a.ID)
	for _, want := range []string{"跟进事项", "设立联合联络办公室", "已逾期", "相关协议", "附件"} {
		if status != 200 || !strings.Contains(detail, want) {
			t.Fatalf("agreement page (%d) lacks %q:\n%s", status, want, detail)
		}
	}
}

// A relation shows on both agreements' pages, each naming and linking the
// other.
func TestRelatedAgreements(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	admin := registry.Actor{Role: registry.RoleAdmin, RequestID: "test"}
	page, err := e.svc.ListAgreements(ctx, registry.AgreementFilter{Limit: 1})
	if err != nil || len(page.Items) < 1 {
		t.Fatalf("an agreement: %v", err)
	}
	to := page.Items[0]
	in := to.Input()
	in.TitleZh, in.TitleEn, in.RefNo = "补充协议：联合调研", nil, nil
	in.Relations = append(in.Relations, registry.RelationInput{AgreementID: to.ID, Kind: registry.RelationSupplements})
	from, err := e.svc.CreateAgreement(ctx, admin, in)
	if err != nil {
		t.Fatal(err)
	}
	_, a, _ := e.get(http.DefaultClient, "/console/agreements/"+from.ID)
	if !strings.Contains(a, `href="/console/agreements/`+to.ID+`"`) || !strings.Contains(a, "本协议补充该协议") {
		t.Fatalf("the linking agreement's page:\n%s", a)
	}
	_, b, _ := e.get(http.DefaultClient, "/console/agreements/"+to.ID+"?lang=en")
	if !strings.Contains(b, `href="/console/agreements/`+from.ID+`"`) || !strings.Contains(b, "It supplements this agreement") {
		t.Fatalf("the linked agreement's page:\n%s", b)
	}
}
