package httpapi_test

// The contract suite: a representative set of requests — every documented
// route, its successes and the errors the service itself decides — sent
// through Stoplight Prism in proxy mode with --errors, in front of a real
// `registry serve` on a fresh database with the demo data. Prism checks
// each request and each answer against docs/swagger.json: an answer that
// breaks the document (a missing required field, a null where none is
// allowed, a wrong type or enum, an undocumented status or media type)
// comes back as Prism's own 500 with the violations, and a milder one as
// an sl-violations header; both fail the test.
//
// It runs only when PRISM_URL is set; scripts/api-checks starts the
// service, creates the keys and Prism, and sets:
//
//	PRISM_URL                the Prism proxy
//	APICHECK_DIRECT_URL      the service itself (for CSV, see below)
//	APICHECK_ADMIN_KEY       an admin key
//	APICHECK_CHANGSHOU_KEY   a registrar of changshou-cppcc
//	APICHECK_PENGZHOU_KEY    a registrar of pengzhou-cppcc
//	APICHECK_READER_KEY      a reader of changshou-cppcc
//
// What Prism cannot check is checked here directly: Swagger 2.0 gives a
// response one schema for all the media types an operation produces, so
// the CSV form of a list cannot be described apart from its JSON form;
// exports are fetched from the service itself and checked for their
// media type, BOM and header row. Prism answers HEAD itself (405) and
// rejects requests the document forbids (a missing If-Match, a bad
// enum) before they reach the service, so those are covered by the other
// tests of this package.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// prismSuite sends requests through the proxy and checks every answer.
type prismSuite struct {
	url, direct                          string
	admin, changshou, pengzhou, reader   string
	run                                  string // makes codes and ref_no unique per run
	agreement, consultation, jointAction string // ids created along the way
}

// call sends one request through Prism and checks the status, the absence
// of violations and, for errors, the problem details.
func (s *prismSuite) call(t *testing.T, want int, method, path, key string, body any, header ...string) response {
	t.Helper()
	h := map[string]string{}
	for i := 0; i+1 < len(header); i += 2 {
		h[header[i]] = header[i+1]
	}
	api := &testAPI{t: t, URL: s.url}
	r := api.do(req{method: method, path: path, key: key, body: body, header: h})
	if v := r.Header.Get("sl-violations"); v != "" {
		t.Errorf("%s %s: Prism reports violations of the document: %s", method, path, v)
	}
	if r.Status != want {
		t.Fatalf("%s %s: status %d, want %d\n%s", method, path, r.Status, want, r.Body)
	}
	if want >= 400 {
		p := expectProblem(t, r, want)
		if strings.Contains(p["type"].(string), "stoplight.io") {
			t.Fatalf("%s %s: the problem is Prism's, not the service's: %s", method, path, r.Body)
		}
	}
	return r
}

func TestThroughPrism(t *testing.T) {
	base := os.Getenv("PRISM_URL")
	if base == "" {
		t.Skip("PRISM_URL is not set; scripts/api-checks runs this suite through Prism")
	}
	s := &prismSuite{url: strings.TrimRight(base, "/"), direct: strings.TrimRight(os.Getenv("APICHECK_DIRECT_URL"), "/"),
		admin: os.Getenv("APICHECK_ADMIN_KEY"), changshou: os.Getenv("APICHECK_CHANGSHOU_KEY"),
		pengzhou: os.Getenv("APICHECK_PENGZHOU_KEY"), reader: os.Getenv("APICHECK_READER_KEY"),
		run: strconv.FormatInt(time.Now().UnixNano()%1e10, 36)}
	if s.direct == "" || s.admin == "" || s.changshou == "" || s.pengzhou == "" || s.reader == "" {
		t.Fatal("set APICHECK_DIRECT_URL and the APICHECK_*_KEY variables (see scripts/api-checks)")
	}
	for _, step := range []struct {
		name string
		fn   func(*testing.T)
	}{
		{"operations", s.operations},
		{"regions", s.regions},
		{"cooperation areas", s.areas},
		{"organisations", s.organizations},
		{"agreements", s.agreements},
		{"consultations", s.consultations},
		{"joint actions", s.jointActions},
		{"sub-lists", s.subLists},
		{"milestones", s.milestones},
		{"relations and the timeline", s.relationsAndTimeline},
		{"files", s.files},
		{"stats", s.stats},
		{"audit", s.audit},
		{"archiving", s.archiving},
		{"CSV exports", s.csvExports},
	} {
		if !t.Run(step.name, step.fn) {
			return // later steps use what earlier ones created
		}
	}
}

func (s *prismSuite) operations(t *testing.T) {
	s.call(t, 200, "GET", "/healthz", "", nil)
	s.call(t, 200, "GET", "/readyz", "", nil)
}

func (s *prismSuite) regions(t *testing.T) {
	r := s.call(t, 200, "GET", "/v1/regions?limit=100", s.reader, nil)
	next, _ := r.JSON(t)["next_cursor"].(string)
	if next == "" || r.Header.Get("Link") == "" {
		t.Fatalf("first page of regions has no next_cursor/Link: %.200s", r.Body)
	}
	s.call(t, 200, "GET", "/v1/regions?limit=100&cursor="+url.QueryEscape(next), s.reader, nil)
	s.call(t, 200, "GET", "/v1/regions?level=province", s.reader, nil)
	s.call(t, 200, "GET", "/v1/regions?parent=500000&limit=200", s.reader, nil)
	s.call(t, 200, "GET", "/v1/regions/500115", s.reader, nil, "Accept-Language", "zh-CN")
	s.call(t, 404, "GET", "/v1/regions/999999", s.reader, nil)
	s.call(t, 400, "GET", "/v1/regions?parent=5001", s.reader, nil)
	s.call(t, 400, "GET", "/v1/regions?cursor=not-a-cursor", s.reader, nil)
	s.call(t, 401, "GET", "/v1/regions/500115", "not-a-valid-key", nil)
}

func (s *prismSuite) areas(t *testing.T) {
	s.call(t, 200, "GET", "/v1/cooperation-areas", s.reader, nil)
	r := s.call(t, 200, "GET", "/v1/cooperation-areas/culture-tourism", s.reader, nil)
	s.call(t, 304, "GET", "/v1/cooperation-areas/culture-tourism", s.reader, nil, "If-None-Match", r.Header.Get("ETag"))
	s.call(t, 404, "GET", "/v1/cooperation-areas/no-such-area", s.reader, nil)

	code := "api-check-" + s.run
	body := map[string]any{"code": code, "name_zh": "接口检查领域", "name_en": "API check area", "parent_code": "culture-tourism"}
	created := s.call(t, 201, "POST", "/v1/cooperation-areas", s.admin, body, "Idempotency-Key", "area-"+s.run)
	if created.Header.Get("Location") != "/v1/cooperation-areas/"+code || created.Header.Get("ETag") != `"1"` {
		t.Fatalf("create area: Location %q ETag %q", created.Header.Get("Location"), created.Header.Get("ETag"))
	}
	replay := s.call(t, 201, "POST", "/v1/cooperation-areas", s.admin, body, "Idempotency-Key", "area-"+s.run)
	if replay.Header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("no replay: %v", replay.Header)
	}
	s.call(t, 409, "POST", "/v1/cooperation-areas", s.admin, body)
	s.call(t, 403, "POST", "/v1/cooperation-areas", s.changshou, body)
	s.call(t, 422, "POST", "/v1/cooperation-areas", s.admin, map[string]any{"code": code + "-x", "name_zh": "无上级", "parent_code": "no-such-parent"})
	s.call(t, 200, "PATCH", "/v1/cooperation-areas/"+code, s.admin, map[string]any{"name_en": nil}, "If-Match", `"1"`)
	s.call(t, 412, "PATCH", "/v1/cooperation-areas/"+code, s.admin, map[string]any{"name_en": "Again"}, "If-Match", `"1"`)
	s.call(t, 400, "PATCH", "/v1/cooperation-areas/"+code, s.admin, map[string]any{"code": "renamed"}, "If-Match", `"2"`)
	s.call(t, 404, "PATCH", "/v1/cooperation-areas/no-such-area", s.admin, map[string]any{"name_zh": "无"}, "If-Match", `"1"`)
}

func (s *prismSuite) organizations(t *testing.T) {
	s.call(t, 200, "GET", "/v1/organizations?kind=cppcc_committee", s.reader, nil)
	s.call(t, 200, "GET", "/v1/organizations?region=500000&q="+url.QueryEscape("政协"), s.reader, nil)
	s.call(t, 400, "GET", "/v1/organizations?region=5001", s.reader, nil)
	r := s.call(t, 200, "GET", "/v1/organizations/changshou-cppcc", s.reader, nil)
	s.call(t, 304, "GET", "/v1/organizations/changshou-cppcc", s.reader, nil, "If-None-Match", r.Header.Get("ETag"))
	s.call(t, 404, "GET", "/v1/organizations/no-such-org", s.reader, nil)

	// An organisation pair, as a partner deployment would register it.
	for i, region := range []string{"500112", "510104"} {
		body := map[string]any{"code": "api-check-" + s.run + "-" + strconv.Itoa(i), "kind": "cppcc_committee",
			"name_zh": "接口检查政协" + strconv.Itoa(i), "name_en": "API check committee", "region_code": region}
		s.call(t, 201, "POST", "/v1/organizations", s.admin, body)
		if i == 0 {
			s.call(t, 409, "POST", "/v1/organizations", s.admin, body)
		}
	}
	s.call(t, 403, "POST", "/v1/organizations", s.changshou, map[string]any{"code": "not-allowed", "kind": "other", "name_zh": "无权"})
	s.call(t, 422, "POST", "/v1/organizations", s.admin, map[string]any{"code": "api-check-" + s.run + "-r", "kind": "other", "name_zh": "无效地区", "region_code": "999999"})
	path := "/v1/organizations/api-check-" + s.run + "-0"
	s.call(t, 200, "PATCH", path, s.admin, map[string]any{"short_name_zh": "接口检查", "name_en": nil}, "If-Match", `"1"`)
	s.call(t, 412, "PATCH", path, s.admin, map[string]any{"short_name_zh": "过期"}, "If-Match", `"1"`)
	s.call(t, 403, "PATCH", "/v1/organizations/pengzhou-cppcc", s.changshou, map[string]any{"short_name_en": "No"}, "If-Match", `"1"`)
	s.call(t, 200, "PATCH", "/v1/organizations/changshou-cppcc", s.changshou, map[string]any{"short_name_en": "Changshou CPPCC"},
		"If-Match", r.Header.Get("ETag"), "Content-Type", "application/merge-patch+json")
}

func (s *prismSuite) agreements(t *testing.T) {
	body := agreementBody("接口检查合作协议 " + s.run)
	body["ref_no"] = "API-" + s.run
	r := s.call(t, 201, "POST", "/v1/agreements", s.changshou, body, "Idempotency-Key", "ag-"+s.run, "Accept-Language", "zh-CN")
	s.agreement = r.JSON(t)["id"].(string)
	path := "/v1/agreements/" + s.agreement
	replay := s.call(t, 201, "POST", "/v1/agreements", s.changshou, body, "Idempotency-Key", "ag-"+s.run)
	if replay.Header.Get("Idempotent-Replayed") != "true" || !bytes.Equal(replay.Body, r.Body) {
		t.Fatalf("replay differs: %v", replay.Header)
	}
	other := agreementBody("不同的协议")
	s.call(t, 422, "POST", "/v1/agreements", s.changshou, other, "Idempotency-Key", "ag-"+s.run)
	s.call(t, 409, "POST", "/v1/agreements", s.changshou, body) // duplicate ref_no

	lone := agreementBody("只有一个签署方")
	lone["parties"] = []any{map[string]any{"organization_id": "changshou-cppcc", "role": "signatory"}}
	p := s.call(t, 422, "POST", "/v1/agreements", s.changshou, lone, "Accept-Language", "zh-CN")
	if !problemNames(p.JSON(t), "parties") {
		t.Fatalf("422 does not name parties: %s", p.Body)
	}
	late := agreementBody("日期颠倒")
	late["effective_to"] = "2022"
	s.call(t, 422, "POST", "/v1/agreements", s.changshou, late)
	unknown := agreementBody("未知组织")
	unknown["parties"] = []any{map[string]any{"organization_id": "changshou-cppcc", "role": "signatory"},
		map[string]any{"organization_id": "no-such-org", "role": "signatory"}}
	s.call(t, 422, "POST", "/v1/agreements", s.changshou, unknown)
	notParty := agreementBody("长寿与渝北")
	notParty["parties"] = []any{map[string]any{"organization_id": "changshou-cppcc", "role": "signatory"},
		map[string]any{"organization_id": "yubei-cppcc", "role": "signatory"}}
	s.call(t, 403, "POST", "/v1/agreements", s.pengzhou, notParty)
	s.call(t, 403, "POST", "/v1/agreements", s.reader, body)
	s.call(t, 401, "POST", "/v1/agreements", "not-a-valid-key", body)

	s.call(t, 200, "GET", "/v1/agreements?party=changshou-cppcc&status=signed&type=cooperation&area=culture-tourism", s.reader, nil)
	s.call(t, 200, "GET", "/v1/agreements?region=510000&signed_from=2023&signed_to=2023-12&q="+url.QueryEscape("接口检查"), s.reader, nil)
	page := s.call(t, 200, "GET", "/v1/agreements?limit=1&include_archived=true", s.reader, nil)
	if next, _ := page.JSON(t)["next_cursor"].(string); next != "" {
		s.call(t, 200, "GET", "/v1/agreements?limit=1&include_archived=true&cursor="+url.QueryEscape(next), s.reader, nil)
	}
	s.call(t, 400, "GET", "/v1/agreements?signed_from=2023-13", s.reader, nil)
	s.call(t, 400, "GET", "/v1/agreements?party=Not+A+Code", s.reader, nil)

	got := s.call(t, 200, "GET", path, s.reader, nil)
	s.call(t, 304, "GET", path, s.reader, nil, "If-None-Match", got.Header.Get("ETag"))
	s.call(t, 404, "GET", "/v1/agreements/0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", s.reader, nil)

	s.call(t, 200, "PATCH", path, s.pengzhou, map[string]any{"status": "in_force", "summary_en": "Checked through Prism", "title_en": nil},
		"If-Match", `"1"`, "Content-Type", "application/merge-patch+json")
	moved := s.call(t, 409, "PATCH", path, s.changshou, map[string]any{"status": "draft"}, "If-Match", `"2"`)
	if _, ok := moved.JSON(t)["allowed"]; !ok {
		t.Fatalf("409 lacks allowed: %s", moved.Body)
	}
	s.call(t, 412, "PATCH", path, s.changshou, map[string]any{"summary_en": "stale"}, "If-Match", `"1"`)
	s.call(t, 422, "PATCH", path, s.changshou, map[string]any{"effective_from": "2020"}, "If-Match", `"2"`)
	s.call(t, 403, "PATCH", path, s.changshou, map[string]any{"parties": []any{
		map[string]any{"organization_id": "pengzhou-cppcc", "role": "signatory"},
		map[string]any{"organization_id": "yubei-cppcc", "role": "signatory"}}}, "If-Match", `"2"`)
	s.call(t, 403, "PATCH", path, s.reader, map[string]any{"summary_en": "no"}, "If-Match", `"2"`)
	s.call(t, 404, "PATCH", "/v1/agreements/0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", s.admin, map[string]any{"summary_en": "x"}, "If-Match", `"1"`)
	s.call(t, 200, "GET", path+"/history", s.reader, nil)
	s.call(t, 404, "GET", "/v1/agreements/0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f/history", s.reader, nil)
}

func (s *prismSuite) consultations(t *testing.T) {
	body := map[string]any{
		"title_zh": "接口检查联合协商 " + s.run, "topic_zh": "森林防灭火", "format": "meeting", "held_on": "2023-09",
		"location": "重庆市长寿区", "agreement_id": s.agreement, "area_code": "culture-tourism", "status": "held",
		"participants": []any{map[string]any{"organization_id": "changshou-cppcc", "role": "host"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "participant"}},
		"outcomes": []any{map[string]any{"kind": "opinion", "count": 12, "approximate": true, "description_zh": "形成意见12余条"}},
	}
	r := s.call(t, 201, "POST", "/v1/consultations", s.changshou, body, "Idempotency-Key", "cs-"+s.run)
	s.consultation = r.JSON(t)["id"].(string)
	path := "/v1/consultations/" + s.consultation
	twoHosts := map[string]any{"title_zh": "两个主办方", "participants": []any{
		map[string]any{"organization_id": "changshou-cppcc", "role": "host"}, map[string]any{"organization_id": "yubei-cppcc", "role": "host"}}}
	s.call(t, 422, "POST", "/v1/consultations", s.changshou, twoHosts)
	s.call(t, 403, "POST", "/v1/consultations", s.pengzhou, map[string]any{"title_zh": "他人协商", "participants": []any{
		map[string]any{"organization_id": "changshou-cppcc", "role": "host"}, map[string]any{"organization_id": "yubei-cppcc", "role": "participant"}}})

	s.call(t, 200, "GET", "/v1/consultations?party=changshou-cppcc&format=meeting&status=held&from=2023&to=2023", s.reader, nil)
	s.call(t, 200, "GET", "/v1/consultations?region=510000&agreement="+s.agreement+"&area=culture-tourism&q="+url.QueryEscape("接口"), s.reader, nil)
	s.call(t, 400, "GET", "/v1/consultations?from=yesterday", s.reader, nil)
	got := s.call(t, 200, "GET", path, s.reader, nil)
	s.call(t, 304, "GET", path, s.reader, nil, "If-None-Match", got.Header.Get("ETag"))
	s.call(t, 404, "GET", "/v1/consultations/0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", s.reader, nil)
	s.call(t, 200, "PATCH", path, s.pengzhou, map[string]any{"topic_en": "Forest fire prevention", "outcomes": nil}, "If-Match", `"1"`)
	s.call(t, 412, "PATCH", path, s.changshou, map[string]any{"topic_en": "stale"}, "If-Match", `"1"`)
	s.call(t, 422, "PATCH", path, s.changshou, map[string]any{"held_on": "2023-02-30"}, "If-Match", `"2"`)
}

func (s *prismSuite) jointActions(t *testing.T) {
	body := map[string]any{
		"title_zh": "接口检查联合视察 " + s.run, "theme_zh": "川渝联合履职", "kind": "inspection",
		"started_on": "2023-03", "ended_on": "2023-04-15", "agreement_id": s.agreement, "area_code": "joint-duty", "status": "completed",
		"participants": []any{map[string]any{"organization_id": "changshou-cppcc", "role": "lead"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "partner"}},
		"outcomes": []any{map[string]any{"kind": "proposal", "count": 3}},
	}
	r := s.call(t, 201, "POST", "/v1/joint-actions", s.pengzhou, body)
	s.jointAction = r.JSON(t)["id"].(string)
	path := "/v1/joint-actions/" + s.jointAction
	noLead := map[string]any{"title_zh": "没有牵头方", "participants": []any{
		map[string]any{"organization_id": "changshou-cppcc", "role": "partner"}, map[string]any{"organization_id": "pengzhou-cppcc", "role": "partner"}}}
	s.call(t, 422, "POST", "/v1/joint-actions", s.changshou, noLead)
	backwards := map[string]any{"title_zh": "结束早于开始", "started_on": "2023-05", "ended_on": "2023-04", "participants": []any{
		map[string]any{"organization_id": "changshou-cppcc", "role": "lead"}, map[string]any{"organization_id": "pengzhou-cppcc", "role": "partner"}}}
	p := s.call(t, 422, "POST", "/v1/joint-actions", s.changshou, backwards)
	if !problemNames(p.JSON(t), "ended_on") {
		t.Fatalf("422 does not name ended_on: %s", p.Body)
	}

	s.call(t, 200, "GET", "/v1/joint-actions?party=pengzhou-cppcc&kind=inspection&status=completed&from=2023-04&to=2023-04", s.reader, nil)
	s.call(t, 200, "GET", "/v1/joint-actions?region=500000&agreement="+s.agreement+"&area=joint-duty&include_archived=true", s.reader, nil)
	s.call(t, 400, "GET", "/v1/joint-actions?region=51", s.reader, nil)
	got := s.call(t, 200, "GET", path, s.reader, nil)
	s.call(t, 304, "GET", path, s.reader, nil, "If-None-Match", `"0", `+got.Header.Get("ETag"))
	s.call(t, 404, "GET", "/v1/joint-actions/0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", s.reader, nil)
	s.call(t, 200, "PATCH", path, s.changshou, map[string]any{"theme_en": "Joint duty", "location": "四川省彭州市"}, "If-Match", `"1"`)
	s.call(t, 412, "PATCH", path, s.changshou, map[string]any{"theme_en": "stale"}, "If-Match", `"1"`)
	s.call(t, 403, "PATCH", path, s.changshou, map[string]any{"participants": []any{
		map[string]any{"organization_id": "pengzhou-cppcc", "role": "lead"}, map[string]any{"organization_id": "yubei-cppcc", "role": "partner"}}}, "If-Match", `"2"`)
}

func (s *prismSuite) subLists(t *testing.T) {
	for _, path := range []string{
		"/v1/agreements/" + s.agreement + "/consultations", "/v1/agreements/" + s.agreement + "/joint-actions?status=completed",
		"/v1/organizations/changshou-cppcc/consultations?from=2023", "/v1/organizations/pengzhou-cppcc/joint-actions?kind=inspection",
	} {
		r := s.call(t, 200, "GET", path, s.reader, nil)
		if items, _ := r.JSON(t)["items"].([]any); len(items) == 0 {
			t.Errorf("%s is empty", path)
		}
	}
	s.call(t, 404, "GET", "/v1/agreements/0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f/joint-actions", s.reader, nil)
	s.call(t, 404, "GET", "/v1/organizations/no-such-org/consultations", s.reader, nil)
}

const unknownID = "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"

func (s *prismSuite) milestones(t *testing.T) {
	path := "/v1/agreements/" + s.agreement + "/milestones"
	body := map[string]any{"title_zh": "建立联席会议机制 " + s.run, "title_en": "Set up joint meetings",
		"description": "两地政协每年轮流召开一次联席会议", "responsible_organization_id": "pengzhou-cppcc", "due_on": "2023-12",
		"links": []any{map[string]any{"record_type": "consultation", "record_id": s.consultation}}}
	r := s.call(t, 201, "POST", path, s.changshou, body, "Idempotency-Key", "ms-"+s.run)
	m := r.JSON(t)
	id, _ := m["id"].(string)
	if r.Header.Get("Location") != "/v1/milestones/"+id || r.Header.Get("ETag") != `"1"` || m["overdue"] != true {
		t.Fatalf("create milestone: Location %q ETag %q: %s", r.Header.Get("Location"), r.Header.Get("ETag"), r.Body)
	}
	if replay := s.call(t, 201, "POST", path, s.changshou, body, "Idempotency-Key", "ms-"+s.run); replay.Header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("no replay: %v", replay.Header)
	}
	p := s.call(t, 422, "POST", path, s.changshou, map[string]any{"title_zh": "非参与方负责", "responsible_organization_id": "yubei-cppcc"})
	if !problemNames(p.JSON(t), "responsible_organization_id") {
		t.Fatalf("422 does not name responsible_organization_id: %s", p.Body)
	}
	s.call(t, 422, "POST", path, s.changshou, map[string]any{"title_zh": "完成而无日期", "status": "done"})
	s.call(t, 403, "POST", path, s.reader, body)
	s.call(t, 404, "POST", "/v1/agreements/"+unknownID+"/milestones", s.admin, body)

	item := "/v1/milestones/" + id
	got := s.call(t, 200, "GET", item, s.reader, nil)
	s.call(t, 304, "GET", item, s.reader, nil, "If-None-Match", got.Header.Get("ETag"))
	s.call(t, 404, "GET", "/v1/milestones/"+unknownID, s.reader, nil)
	for _, list := range []string{path, "/v1/milestones?party=changshou-cppcc&overdue=true",
		"/v1/milestones?responsible=pengzhou-cppcc&agreement=" + s.agreement + "&status=open&due_from=2023&due_to=2023-12&limit=5"} {
		if !strings.Contains(string(s.call(t, 200, "GET", list, s.reader, nil).Body), id) {
			t.Errorf("%s does not list the milestone", list)
		}
	}
	s.call(t, 200, "GET", "/v1/milestones?party=yubei-cppcc&overdue=true", s.reader, nil)
	s.call(t, 400, "GET", "/v1/milestones?due_from=2023-13", s.reader, nil)
	s.call(t, 404, "GET", "/v1/agreements/"+unknownID+"/milestones", s.reader, nil)

	done := s.call(t, 200, "PATCH", item, s.pengzhou, map[string]any{"status": "done", "done_on": "2024-01-15", "title_en": nil},
		"If-Match", `"1"`, "Content-Type", "application/merge-patch+json")
	if done.JSON(t)["overdue"] != false || done.Header.Get("ETag") != `"2"` {
		t.Fatalf("a done milestone: %v %s", done.Header, done.Body)
	}
	s.call(t, 412, "PATCH", item, s.changshou, map[string]any{"description": "过期"}, "If-Match", `"1"`)
	s.call(t, 422, "PATCH", item, s.changshou, map[string]any{"done_on": nil}, "If-Match", `"2"`)
	s.call(t, 403, "PATCH", item, s.reader, map[string]any{"description": "无权"}, "If-Match", `"2"`)
	s.call(t, 404, "PATCH", "/v1/milestones/"+unknownID, s.admin, map[string]any{"description": "无"}, "If-Match", `"1"`)

	// A second milestone is archived; the first stays for the timeline.
	other := s.call(t, 201, "POST", path, s.changshou, map[string]any{"title_zh": "撤销的事项 " + s.run}).JSON(t)["id"].(string)
	s.call(t, 412, "DELETE", "/v1/milestones/"+other, s.changshou, nil, "If-Match", `"2"`)
	if r := s.call(t, 200, "DELETE", "/v1/milestones/"+other, s.changshou, nil, "If-Match", `"1"`); r.JSON(t)["archived_at"] == nil {
		t.Fatalf("archived_at is null after DELETE: %s", r.Body)
	}
	s.call(t, 409, "DELETE", "/v1/milestones/"+other, s.changshou, nil, "If-Match", "*")
	s.call(t, 200, "GET", path+"?include_archived=true", s.reader, nil)
}

func (s *prismSuite) relationsAndTimeline(t *testing.T) {
	body := agreementBody("接口检查补充协议 " + s.run)
	body["relations"] = []any{map[string]any{"agreement_id": s.agreement, "kind": "supplements"}}
	supplement := s.call(t, 201, "POST", "/v1/agreements", s.pengzhou, body).JSON(t)["id"].(string)
	from, _ := s.call(t, 200, "GET", "/v1/agreements/"+s.agreement, s.reader, nil).JSON(t)["related_from"].([]any)
	if len(from) != 1 || from[0].(map[string]any)["agreement_id"] != supplement {
		t.Fatalf("related_from of the agreement: %v", from)
	}
	for _, id := range []string{s.agreement, supplement} {
		r := s.call(t, 200, "GET", "/v1/agreements?include_archived=true&related_to="+id, s.reader, nil)
		if items, _ := r.JSON(t)["items"].([]any); len(items) != 1 {
			t.Errorf("related_to=%s lists %d agreements, want 1", id, len(items))
		}
	}
	unknown := agreementBody("关联未知协议")
	unknown["relations"] = []any{map[string]any{"agreement_id": unknownID, "kind": "amends"}}
	if p := s.call(t, 422, "POST", "/v1/agreements", s.changshou, unknown); !strings.Contains(string(p.Body), "unknown_agreement") {
		t.Fatalf("a relation to an unknown agreement: %s", p.Body)
	}
	self := s.call(t, 200, "GET", "/v1/agreements/"+supplement, s.reader, nil)
	s.call(t, 422, "PATCH", "/v1/agreements/"+supplement, s.pengzhou, map[string]any{"relations": []any{
		map[string]any{"agreement_id": supplement, "kind": "amends"}}}, "If-Match", self.Header.Get("ETag"))

	path := "/v1/agreements/" + s.agreement + "/timeline"
	all := s.call(t, 200, "GET", path, s.reader, nil)
	kinds := map[string]bool{}
	items, _ := all.JSON(t)["items"].([]any)
	for _, it := range items {
		kinds[it.(map[string]any)["kind"].(string)] = true
	}
	for _, k := range []string{"signed", "consultation", "joint_action", "milestone_due", "milestone_done", "related"} {
		if !kinds[k] {
			t.Errorf("the timeline has no %s item: %s", k, all.Body)
		}
	}
	page := s.call(t, 200, "GET", path+"?limit=2", s.reader, nil)
	next, _ := page.JSON(t)["next_cursor"].(string)
	if next == "" {
		t.Fatalf("a page of 2 of %d items has no next_cursor", len(items))
	}
	s.call(t, 200, "GET", path+"?limit=2&cursor="+url.QueryEscape(next), s.reader, nil)
	s.call(t, 400, "GET", path+"?cursor=not-a-cursor", s.reader, nil)
	s.call(t, 404, "GET", "/v1/agreements/"+unknownID+"/timeline", s.reader, nil)
}

func (s *prismSuite) files(t *testing.T) {
	pdf := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("接口检查 签署文本\n"), 2000)...)
	path := "/v1/agreements/" + s.agreement + "/files?kind=full_text&title_zh=" + url.QueryEscape("协议签署文本")
	up := []string{"Content-Type", "application/pdf", "Content-Disposition", "attachment; filename*=UTF-8''" + url.PathEscape("协议全文.pdf"),
		"Idempotency-Key", "file-" + s.run}
	r := s.call(t, 201, "POST", path, s.changshou, pdf, up...)
	f := r.JSON(t)
	id, _ := f["id"].(string)
	sum := sha256.Sum256(pdf)
	if r.Header.Get("Location") != "/v1/files/"+id || f["sha256"] != hex.EncodeToString(sum[:]) || f["filename"] != "协议全文.pdf" {
		t.Fatalf("upload: Location %q: %s", r.Header.Get("Location"), r.Body)
	}
	if replay := s.call(t, 201, "POST", path, s.changshou, pdf, up...); replay.Header.Get("Idempotent-Replayed") != "true" ||
		!bytes.Equal(replay.Body, r.Body) {
		t.Fatalf("no replay: %v", replay.Header)
	}
	s.call(t, 422, "POST", path, s.changshou, append([]byte("%PDF-1.7\n"), "另一份文件"...), up...)
	p := s.call(t, 422, "POST", "/v1/agreements/"+s.agreement+"/files", s.changshou, []byte("MZ\x90\x00 not a PDF"), "Content-Type", "application/pdf")
	if !strings.Contains(string(p.Body), "media_type_mismatch") {
		t.Fatalf("an executable sent as a PDF: %s", p.Body)
	}
	s.call(t, 403, "POST", "/v1/agreements/"+s.agreement+"/files", s.reader, pdf, "Content-Type", "application/pdf")
	s.call(t, 404, "POST", "/v1/agreements/"+unknownID+"/files", s.admin, pdf, "Content-Type", "application/pdf")
	// Prism's proxy passes a body on as text: bytes that are not UTF-8
	// (a PNG's signature) arrive changed, so the zip-based type is sent.
	docx := append([]byte("PK\x03\x04\x14\x00"), make([]byte, 600)...)
	s.call(t, 201, "POST", "/v1/consultations/"+s.consultation+"/files?kind=minutes", s.pengzhou, docx,
		"Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	s.call(t, 201, "POST", "/v1/joint-actions/"+s.jointAction+"/files?kind=report", s.changshou, pdf, "Content-Type", "application/pdf")

	for _, list := range []string{"/v1/agreements/" + s.agreement + "/files", "/v1/consultations/" + s.consultation + "/files?limit=5",
		"/v1/joint-actions/" + s.jointAction + "/files?include_archived=true"} {
		if items, _ := s.call(t, 200, "GET", list, s.reader, nil).JSON(t)["items"].([]any); len(items) != 1 {
			t.Errorf("%s lists %d files, want 1", list, len(items))
		}
	}
	s.call(t, 404, "GET", "/v1/agreements/"+unknownID+"/files", s.reader, nil)
	meta := s.call(t, 200, "GET", "/v1/files/"+id, s.reader, nil)
	if meta.Header.Get("ETag") != `"`+hex.EncodeToString(sum[:])+`"` {
		t.Fatalf("the metadata's ETag %q is not the sha256", meta.Header.Get("ETag"))
	}
	s.call(t, 404, "GET", "/v1/files/"+unknownID, s.reader, nil)
	content := s.call(t, 200, "GET", "/v1/files/"+id+"/content", s.reader, nil)
	if !bytes.Equal(content.Body, pdf) || content.Header.Get("Accept-Ranges") != "bytes" {
		t.Fatalf("content: %d bytes, Accept-Ranges %q", len(content.Body), content.Header.Get("Accept-Ranges"))
	}
	part := s.call(t, 206, "GET", "/v1/files/"+id+"/content", s.reader, nil, "Range", "bytes=0-4")
	if string(part.Body) != "%PDF-" || part.Header.Get("Content-Range") != "bytes 0-4/"+strconv.Itoa(len(pdf)) {
		t.Fatalf("range: %q %q", part.Body, part.Header.Get("Content-Range"))
	}
	s.call(t, 304, "GET", "/v1/files/"+id+"/content", s.reader, nil, "If-None-Match", content.Header.Get("ETag"))
	s.call(t, 404, "GET", "/v1/files/"+unknownID+"/content", s.reader, nil)

	s.call(t, 403, "DELETE", "/v1/files/"+id, s.reader, nil)
	if d := s.call(t, 200, "DELETE", "/v1/files/"+id, s.pengzhou, nil); d.JSON(t)["archived_at"] == nil {
		t.Fatalf("archived_at is null after DELETE: %s", d.Body)
	}
	s.call(t, 409, "DELETE", "/v1/files/"+id, s.pengzhou, nil)
	s.call(t, 404, "DELETE", "/v1/files/"+unknownID, s.admin, nil)
	s.call(t, 200, "GET", "/v1/agreements/"+s.agreement+"/files?include_archived=true", s.reader, nil)
}

func (s *prismSuite) stats(t *testing.T) {
	s.call(t, 200, "GET", "/v1/stats?year=2023", s.reader, nil)
	r := s.call(t, 200, "GET", "/v1/stats?year=2023&organization=changshou-cppcc&partner_region=510000", s.reader, nil)
	if m := r.JSON(t); m["partner_region"] != "510000" || m["organization"] != "changshou-cppcc" {
		t.Fatalf("stats: %s", r.Body)
	}
	s.call(t, 200, "GET", "/v1/stats?year=2023&region=500000", s.reader, nil)
	s.call(t, 200, "GET", "/v1/stats?year=1999&organization=no-such-org", s.reader, nil)
	s.call(t, 400, "GET", "/v1/stats?year=2023&organization=changshou-cppcc&region=500000", s.reader, nil)
}

func (s *prismSuite) audit(t *testing.T) {
	r := s.call(t, 200, "GET", "/v1/audit?entity=agreement&entity_id="+s.agreement, s.admin, nil)
	if items, _ := r.JSON(t)["items"].([]any); len(items) < 2 {
		t.Fatalf("audit of the agreement: %s", r.Body)
	}
	s.call(t, 200, "GET", "/v1/audit?actor_organization=changshou-cppcc&from=2020-01-01&to="+time.Now().UTC().Format(time.RFC3339)+"&limit=5", s.admin, nil)
	s.call(t, 400, "GET", "/v1/audit?from=last-week", s.admin, nil)
	s.call(t, 403, "GET", "/v1/audit", s.changshou, nil)
	s.call(t, 403, "GET", "/v1/audit", s.reader, nil)
}

func (s *prismSuite) archiving(t *testing.T) {
	for _, x := range []struct{ path, version string }{
		{"/v1/joint-actions/" + s.jointAction, `"2"`}, {"/v1/consultations/" + s.consultation, `"2"`}, {"/v1/agreements/" + s.agreement, `"3"`},
	} {
		// The agreement is at version 3: its own change, then the link to
		// it made in relations_and_the_timeline, which shows in its
		// related_from.
		s.call(t, 412, "DELETE", x.path, s.changshou, nil, "If-Match", `"1"`)
		r := s.call(t, 200, "DELETE", x.path, s.changshou, nil, "If-Match", x.version)
		if r.JSON(t)["archived_at"] == nil {
			t.Fatalf("%s: archived_at is null after DELETE", x.path)
		}
		s.call(t, 409, "DELETE", x.path, s.changshou, nil, "If-Match", "*")
		s.call(t, 409, "PATCH", x.path, s.changshou, map[string]any{"title_en": "x"}, "If-Match", "*")
		s.call(t, 200, "GET", x.path, s.reader, nil)
	}
	s.call(t, 403, "DELETE", "/v1/agreements/b3f33b0a-1866-53a2-b236-dfab5906f741", s.reader, nil, "If-Match", "*")
	s.call(t, 404, "DELETE", "/v1/agreements/0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", s.admin, nil, "If-Match", "*")
}

// csvExports checks the CSV form of the lists on the service itself; see
// the comment at the top of the file for why not through Prism.
func (s *prismSuite) csvExports(t *testing.T) {
	direct := &testAPI{t: t, URL: s.direct}
	for _, x := range []struct{ path, accept, first string }{
		{"/v1/agreements?format=csv&include_archived=true", "", "id,ref_no,title_zh"},
		{"/v1/consultations?party=changshou-cppcc", "text/csv", "id,title_zh,title_en"},
		{"/v1/joint-actions?format=csv&from=2023", "", "id,title_zh,title_en"},
		{"/v1/organizations/changshou-cppcc/joint-actions?format=csv", "", "id,title_zh"},
		{"/v1/agreements/" + s.agreement + "/consultations?include_archived=true", "text/csv", "id,title_zh"},
	} {
		h := map[string]string{"Authorization": "Bearer " + s.reader}
		if x.accept != "" {
			h["Accept"] = x.accept
		}
		r := direct.do(req{method: "GET", path: x.path, header: h})
		expect(t, r, 200)
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			t.Fatalf("%s: Content-Type %q", x.path, ct)
		}
		if !bytes.HasPrefix(r.Body, []byte("\uFEFF"+x.first)) || bytes.Count(r.Body, []byte("\n")) < 2 {
			t.Fatalf("%s: not a CSV export with a BOM, header and rows: %.120q", x.path, r.Body)
		}
	}
}
