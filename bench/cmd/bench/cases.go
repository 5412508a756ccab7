package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"

	"github.com/chengyu-collab/registry/bench/gen"
	"github.com/chengyu-collab/registry/bench/load"
	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/registry"
)

// benchCase is one endpoint under load, with the pgbench script that runs
// the statements the store runs for it, the way the store runs them.
type benchCase struct {
	name    string
	next    func(rnd *rand.Rand, worker, i int) *http.Request
	want    int    // the status that counts as success
	kind    string // "id", "list", "stats", "post", "page" (judged on p99), "console" (a console page)
	cursor1 bool   // page 1 of the paged pair
	cursorN bool   // page N of the paged pair
	pgScript
	// json is, for a console page (kind "console"), the request of the JSON
	// endpoint the page shows, with the same filter or record: the page
	// is measured against it rather than against pgbench.
	json func(rnd *rand.Rand) *http.Request
	// jsonSet is, for a detail page that shows more than its record, the
	// JSON requests a client makes to show what the page shows, for the
	// record rnd picks; the page is also measured against the rate of
	// whole sets (requests per second ÷ len(set)).
	jsonSet func(rnd *rand.Rand) []*http.Request
}

// caseResult is what a case measured.
type caseResult struct {
	benchCase
	load                load.Result
	tpsBefore, tpsAfter float64
	// pgP50, pgP99: the latency of pgbench's transactions in the run
	// after the load, the ceiling's own tail.
	pgP50, pgP99           time.Duration
	peakRSS                float64
	exportRows             int
	exportIdle, exportPeak float64
	// Of a console page: the JSON endpoint it shows, under the same load,
	// and the bytes of its first load (HTML, CSS and JS, without gzip).
	jsonLoad load.Result
	// setLoad: the JSON requests of jsonSet under the same load, and how
	// many requests a set holds.
	setLoad   load.Result
	setSize   int
	firstLoad int64
	// Of the CSV and Excel exports: COPY of the same rows right before and
	// after, in rows per second, and the rows it wrote.
	copyBefore, copyAfter float64
	copyRows              int
}

// setRatio is a detail page's requests per second over the sets of JSON
// requests per second that show the same (0 without a set).
func (r caseResult) setRatio() float64 {
	if r.setSize == 0 || r.setLoad.RPS() == 0 {
		return 0
	}
	return r.load.RPS() / (r.setLoad.RPS() / float64(r.setSize))
}

// pageRatio is a console page's requests per second over those of the
// JSON endpoint it shows.
func (r caseResult) pageRatio() float64 {
	if r.jsonLoad.RPS() == 0 {
		return 0
	}
	return r.load.RPS() / r.jsonLoad.RPS()
}

// ratio is endpoint requests per second over the mean pgbench tps.
func (r caseResult) ratio() float64 {
	mean := (r.tpsBefore + r.tpsAfter) / 2
	if mean == 0 {
		return 0
	}
	return r.load.RPS() / mean
}

// topOrgs is how many of the most active organisations the filtered
// lists draw from.
const topOrgs = 10

// deepOrgs is how many organisations the deep-page case rotates.
const deepOrgs = 3

func (e *env) cases(ctx context.Context) ([]benchCase, error) {
	seed := e.o.seed
	get := func(path string) *http.Request {
		r, _ := http.NewRequest("GET", e.base+path, nil)
		return r
	}
	y2023, _ := registry.ParseDate("2023")
	all1, _ := registry.ParseDate(strconv.Itoa(2016))
	all2, _ := registry.ParseDate(strconv.Itoa(2025))
	_, _, orgID := postgres.ReadStatements()
	// The endpoints read records in their read form: the ceiling is
	// pgbench reading the same read-form rows by the same index.
	jaByID, agrByID := postgres.ReadFormStatements()

	byID := func(st postgres.Statement, kind string, n int) pgScript {
		var b scriptBuilder
		b.line(fmt.Sprintf(`\set n random(1, %d)`, n))
		b.run(st, "", gen.IDSQL(seed, kind))
		return b.script()
	}
	// listScript resolves the party (the expression orgCode of :o), as
	// the store does, and runs the page with the resolved id.
	listScript := func(prefix string, f registry.ActivityFilter, pick, orgCode string) (pgScript, error) {
		const party = "00000000-0000-0000-0000-000000000000" // a placeholder for the resolved id
		st, args, err := postgres.JointActionJSONList(f, []string{party})
		if err != nil {
			return pgScript{}, err
		}
		var b scriptBuilder
		b.line(pick)
		b.run(orgID, "party_", orgCode)
		vals := make([]string, len(args))
		for i, a := range args {
			if a == party {
				vals[i] = ":party_id"
				continue
			}
			if vals[i], err = b.constant(fmt.Sprintf("%slist_%d", prefix, i+1), a); err != nil {
				return pgScript{}, err
			}
		}
		b.run(st, "", vals...)
		return b.script(), nil
	}
	topCode := fmt.Sprintf(`\set o random(1, %d)`, topOrgs)
	orgCode := `'bench-org-' || lpad(:o::text, 4, '0')`
	list2023, err := listScript("", registry.ActivityFilter{From: &y2023, To: &y2023, Limit: 50}, topCode, orgCode)
	if err != nil {
		return nil, err
	}
	allYears := registry.ActivityFilter{From: &all1, To: &all2, Limit: 50}
	listAll1, err := listScript("", allYears, fmt.Sprintf(`\set o random(1, %d)`, deepOrgs), orgCode)
	if err != nil {
		return nil, err
	}
	// The deep page: page 1000 of the full data set (10 of the short one),
	// as deep in proportion on a smaller scale, and the same page at every
	// scale of a run, that of its smallest scale, so that the scales
	// compare one case.
	page := 1000
	if e.o.short {
		page = 10
	}
	page = max(2, int(float64(page)*min(1, slices.Min(e.o.scales))))
	// The deep page rotates organisations and cursors: page N of each of
	// the busiest organisations, so that no one cached page is measured.
	var deepPaths []string
	var listAllN pgScript
	for o := 1; o <= deepOrgs; o++ {
		path := "/v1/joint-actions?party=" + gen.OrgCode(o) + "&from=2016&to=2025&limit=50"
		cursor, err := e.cursorOfPage(path, page)
		if err != nil {
			return nil, err
		}
		deepPaths = append(deepPaths, path+"&cursor="+url.QueryEscape(cursor))
		allN := allYears
		allN.Cursor = cursor
		sc, err := listScript(fmt.Sprintf("o%d_", o), allN, fmt.Sprintf(`\set o %d`, o), orgCode)
		if err != nil {
			return nil, err
		}
		listAllN = listAllN.with(sc)
	}

	stats, err := statsScript()
	if err != nil {
		return nil, err
	}
	postScript, err := e.postScript(ctx)
	if err != nil {
		return nil, err
	}
	stamp := time.Now().UnixNano()
	cases := []benchCase{
		{name: "GET /v1/joint-actions/{id}", kind: "id", want: http.StatusOK,
			next: func(rnd *rand.Rand, _, _ int) *http.Request {
				return get("/v1/joint-actions/" + gen.ID(seed, "ja", 1+rnd.IntN(e.sizes.JointActions)))
			},
			pgScript: byID(jaByID, "ja", e.sizes.JointActions)},
		{name: "GET /v1/agreements/{id}", kind: "id", want: http.StatusOK,
			next: func(rnd *rand.Rand, _, _ int) *http.Request {
				return get("/v1/agreements/" + gen.ID(seed, "agr", 1+rnd.IntN(e.sizes.Agreements)))
			},
			pgScript: byID(agrByID, "agr", e.sizes.Agreements)},
		{name: "GET /v1/joint-actions?party=…&from=2023&to=2023&limit=50", kind: "list", want: http.StatusOK,
			next: func(rnd *rand.Rand, _, _ int) *http.Request {
				return get("/v1/joint-actions?party=" + gen.OrgCode(1+rnd.IntN(topOrgs)) + "&from=2023-01-01&to=2023-12-31&limit=50")
			},
			pgScript: list2023},
		{name: "GET /v1/joint-actions?party=…&from=2016&to=2025 page 1", kind: "list", want: http.StatusOK, cursor1: true,
			next: func(rnd *rand.Rand, _, _ int) *http.Request {
				return get("/v1/joint-actions?party=" + gen.OrgCode(1+rnd.IntN(deepOrgs)) + "&from=2016&to=2025&limit=50")
			},
			pgScript: listAll1},
		{name: fmt.Sprintf("… the same, page %d (cursor)", page), kind: "list", want: http.StatusOK, cursorN: true,
			next:     func(rnd *rand.Rand, _, _ int) *http.Request { return get(deepPaths[rnd.IntN(len(deepPaths))]) },
			pgScript: listAllN},
		{name: "GET /v1/stats?year=…", kind: "stats", want: http.StatusOK,
			next: func(rnd *rand.Rand, _, _ int) *http.Request {
				return get("/v1/stats?year=" + strconv.Itoa(2016+rnd.IntN(10)))
			},
			pgScript: stats},
		{name: "POST /v1/joint-actions (Idempotency-Key)", kind: "post", want: http.StatusCreated,
			next: func(rnd *rand.Rand, w, i int) *http.Request {
				body := fmt.Sprintf(postBody, w, i, gen.OrgCode(1+rnd.IntN(topOrgs)), gen.OrgCode(topOrgs+1+rnd.IntN(e.sizes.Organizations-topOrgs)))
				r, _ := http.NewRequest("POST", e.base+"/v1/joint-actions", strings.NewReader(body))
				r.Header.Set("Content-Type", "application/json")
				r.Header.Set("Authorization", "Bearer "+e.key)
				r.Header.Set("Idempotency-Key", fmt.Sprintf("bench-%d-%d-%d", stamp, w, i))
				return r
			},
			pgScript: postScript},
	}
	depth, err := e.depthCases()
	if err != nil {
		return nil, err
	}
	cases = append(cases, depth...)
	return append(cases, e.pageCases()...), nil
}

// pageCases are the console's list and detail pages, each beside the JSON
// endpoint it shows: the same filter (a busy organisation, the page's 25
// rows) or the same record.
func (e *env) pageCases() []benchCase {
	seed := e.o.seed
	get := func(path string) *http.Request {
		r, _ := http.NewRequest("GET", e.base+path, nil)
		return r
	}
	party := func(rnd *rand.Rand) string { return gen.OrgCode(1 + rnd.IntN(topOrgs)) }
	var out []benchCase
	for _, k := range []struct{ path, id string }{
		{"agreements", "agr"}, {"consultations", "con"}, {"joint-actions", "ja"},
	} {
		n := map[string]int{"agr": e.sizes.Agreements, "con": e.sizes.Consultations, "ja": e.sizes.JointActions}[k.id]
		out = append(out,
			benchCase{name: "GET /console/" + k.path + "?party=…", kind: "console", want: http.StatusOK,
				next: func(rnd *rand.Rand, _, _ int) *http.Request {
					return get("/console/" + k.path + "?party=" + party(rnd))
				},
				json: func(rnd *rand.Rand) *http.Request {
					return get("/v1/" + k.path + "?party=" + party(rnd) + "&limit=25")
				}},
			benchCase{name: "GET /console/" + k.path + "/{id}", kind: "console", want: http.StatusOK,
				next: func(rnd *rand.Rand, _, _ int) *http.Request {
					return get("/console/" + k.path + "/" + gen.ID(seed, k.id, 1+rnd.IntN(n)))
				},
				json: func(rnd *rand.Rand) *http.Request {
					return get("/v1/" + k.path + "/" + gen.ID(seed, k.id, 1+rnd.IntN(n)))
				}})
	}
	// An agreement's page shows, besides the agreement, the consultations
	// and joint actions under it, its milestones, files and history: six
	// JSON requests.
	out[1].jsonSet = func(rnd *rand.Rand) []*http.Request {
		id := gen.ID(seed, "agr", 1+rnd.IntN(e.sizes.Agreements))
		return []*http.Request{get("/v1/agreements/" + id), get("/v1/consultations?agreement=" + id + "&limit=50"),
			get("/v1/joint-actions?agreement=" + id + "&limit=50"), get("/v1/agreements/" + id + "/milestones?limit=200"),
			get("/v1/agreements/" + id + "/files?limit=200"), get("/v1/agreements/" + id + "/history?limit=200")}
	}
	// A consultation's or joint action's page shows, besides the record,
	// its history (and its agreement's title, which this set leaves out:
	// the set is the least a client needs): the record and its audit
	// entries, which a client reads from /v1/audit with an admin key.
	for i, k := range map[int]struct{ kind, entity, path string }{
		3: {"con", "consultation", "consultations"}, 5: {"ja", "joint_action", "joint-actions"},
	} {
		n := map[string]int{"con": e.sizes.Consultations, "ja": e.sizes.JointActions}[k.kind]
		out[i].jsonSet = func(rnd *rand.Rand) []*http.Request {
			id := gen.ID(seed, k.kind, 1+rnd.IntN(n))
			audit := get("/v1/audit?entity=" + k.entity + "&entity_id=" + id + "&limit=200")
			audit.Header.Set("Authorization", "Bearer "+e.key)
			return []*http.Request{get("/v1/" + k.path + "/" + id), audit}
		}
	}
	return out
}

// statsScript is GET /v1/stats?year=… without a selection: one script per
// year, which pgbench picks at random (it cannot make a date from a
// number), each with the store's statement, on its own as the store runs
// it.
func statsScript() (pgScript, error) {
	rollup := postgres.StatsStatement()
	today := registry.TodayCST(time.Now()).Format(time.DateOnly)
	var out pgScript
	for y := 2016; y <= 2025; y++ {
		var b scriptBuilder
		year, _ := b.constant(fmt.Sprintf("year_%d", y), y)
		all, _ := b.constant("scope", "all")
		day, _ := b.constant("today", today)
		b.run(rollup, "", year, all, day)
		out = out.with(b.script())
	}
	return out, nil
}

// postBody is a realistic joint action (worker, request, lead, partner).
const postBody = `{"title_zh":"川渝毗邻地区森林防灭火联合调研 %d-%d","title_en":"Joint research on forest fire prevention",
"theme_zh":"森林防灭火","kind":"research","started_on":"2024-05-06","ended_on":"2024-05","status":"completed",
"area_code":"forest-fire-prevention","location":"重庆市长寿区",
"participants":[{"organization_id":"%s","role":"lead"},{"organization_id":"%s","role":"partner"}],
"outcomes":[{"kind":"opinion","count":12,"approximate":true,"description_zh":"形成协商意见十余条"}],
"summary_zh":"双方立足两地政协人才、智力和组织优势，围绕成渝地区双城经济圈建设重大部署，组织委员实地察看项目现场，召开专题协商会议，形成协商意见并报送党委政府，共同筑牢森林防灭火安全防线。"}`

// postScript is a pgbench transaction running the statements of a
// joint-action create with an Idempotency-Key, in the store's order and
// the store's way (postgres.JointActionCreateStatements): authenticate,
// then in one transaction take the idempotency lock and look for a stored
// answer, resolve the participants and the area, insert the record, its
// participants and outcome, update the statistics, read the record back,
// append the audit entry and store the answer.
func (e *env) postScript(ctx context.Context) (pgScript, error) {
	sum := sha256.Sum256([]byte(e.key))
	db, err := sql.Open("postgres", e.dbURL)
	if err != nil {
		return pgScript{}, err
	}
	defer db.Close()
	if err := db.QueryRowContext(ctx, `SELECT id FROM api_keys WHERE secret_hash = decode($1, 'hex')`, hex.EncodeToString(sum[:])).Scan(&e.keyID); err != nil {
		return pgScript{}, fmt.Errorf("find the bench key: %w", err)
	}
	st := postgres.JointActionCreateStatements()
	var b scriptBuilder
	c := func(name string, v any) string {
		s, err := b.constant(name, v)
		if err != nil {
			panic(err) // a variable set twice: a mistake in this function
		}
		return s
	}
	hash, holder := c("key_hash", sum[:]), c("holder", e.keyID)
	started, _ := registry.ParseDate("2024-05-06")
	ended, _ := registry.ParseDate("2024-05")
	b.line(`\set a random(1, 2000000000)`)
	b.line(fmt.Sprintf(`\set o random(1, %d)`, topOrgs))
	b.line(fmt.Sprintf(`\set p random(%d, %d)`, topOrgs+1, e.sizes.Organizations))
	b.run(st.Authenticate, "", hash)
	b.line("BEGIN;")
	b.run(st.Lock, "", holder, ":a") // the idempotency key: the number :a
	b.run(st.Lookup, "", holder, ":a", c("retention", postgres.IdempotencyRetention.Seconds()))
	b.run(st.Organization, "lead_", `'bench-org-' || lpad(:o::text, 4, '0')`)
	b.run(st.Organization, "partner_", `'bench-org-' || lpad(:p::text, 4, '0')`)
	b.run(st.Area, "", c("area", "forest-fire-prevention"))
	// The store makes a time-ordered id (UUID version 7) in the process;
	// pgbench has to ask the server for one.
	b.line(`SELECT (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || ` +
		`substr(md5(random()::text), 1, 20))::uuid AS rec_id \gset`)
	b.run(st.Record, "", ":rec_id", c("title_zh", "川渝毗邻地区森林防灭火联合调研"), c("title_en", "Joint research on forest fire prevention"),
		c("theme_zh", "森林防灭火"), "NULL", c("kind", "research"),
		c("started_first", started.First()), c("started_last", started.Last()), c("started_precision", int(started.Precision)),
		c("ended_first", ended.First()), c("ended_last", ended.Last()), c("ended_precision", int(ended.Precision)),
		c("location", "重庆市长寿区"), "NULL", ":area", c("status", "completed"), c("summary_zh", postSummary), "NULL")
	b.run(st.Participant, "", ":rec_id", c("pos_0", 0), ":lead_id", c("lead", "lead"))
	b.run(st.Participant, "", ":rec_id", c("pos_1", 1), ":partner_id", c("partner", "partner"))
	b.run(st.Outcome, "", ":rec_id", ":pos_0", c("outcome_kind", "opinion"), c("outcome_count", 12), c("approximate", true),
		c("outcome_zh", "形成协商意见十余条"), "NULL")
	b.run(st.Stats, "", c("entity", string(registry.EntityJointAction)), ":rec_id", c("plus", 1))
	b.run(st.LockOrgs, "", ":rec_id")
	b.run(st.LockArea, "", ":rec_id")
	b.run(st.ReadBack, "", ":rec_id")
	csvLine, zh, en, err := postAfterExport()
	if err != nil {
		return pgScript{}, err
	}
	b.run(st.ReadForm, "", ":rec_id", c("read_form", postAfterJSON), c("export_csv", csvLine), c("export_zh", zh), c("export_en", en))
	b.run(st.Audit, "", holder, "NULL", c("action", string(registry.ActionCreate)), ":entity", ":rec_id", c("request_id", "bench"),
		"NULL", c("after", postAfterJSON), "NULL") // no user: the request is made with a key
	b.run(st.Store, "", holder, ":a", hash, c("created", http.StatusCreated), c("answer_location", "/v1/joint-actions/x"),
		c("etag", `"1"`), c("body", []byte(postAfterJSON)))
	b.line("COMMIT;")
	return b.script(), nil
}

// postSummary is the summary of postBody.
const postSummary = "双方立足两地政协人才、智力和组织优势，围绕成渝地区双城经济圈建设重大部署，组织委员实地察看项目现场，召开专题协商会议，形成协商意见并报送党委政府，共同筑牢森林防灭火安全防线。"

// postAfterExport returns the export rows the store keeps for the joint
// action of postAfterJSON: its CSV line and its Excel cells in Chinese and
// English, as text[] literals.
func postAfterExport() (csvLine, zh, en string, err error) {
	var j registry.JointAction
	if err := json.Unmarshal([]byte(strings.ReplaceAll(postAfterJSON, "10.00.00Z", "10:00:00Z")), &j); err != nil {
		return "", "", "", fmt.Errorf("the created joint action: %w", err)
	}
	lit := func(cells []string) string {
		v, _ := pq.StringArray(cells).Value()
		s, _ := v.(string)
		return s
	}
	areas := registry.AreaNames{"forest-fire-prevention": {Code: "forest-fire-prevention", NameZh: "森林防灭火"}}
	return string(registry.CSVLine(registry.JointActionCSV(j))), lit(registry.ExportCells(registry.JointActionColumns, registry.Zh, areas, j)),
		lit(registry.ExportCells(registry.JointActionColumns, registry.En, areas, j)), nil
}

// postAfterJSON is the size and shape of a created joint action.
const postAfterJSON = `{"id":"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f","title_zh":"川渝毗邻地区森林防灭火联合调研","title_en":"Joint research on forest fire prevention","theme_zh":"森林防灭火","theme_en":null,"kind":"research","started_on":"2024-05-06","ended_on":"2024-05","location":"重庆市长寿区","agreement_id":null,"area_code":"forest-fire-prevention","status":"completed","participants":[{"organization_id":"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e51","organization_code":"bench-org-0001","role":"lead"},{"organization_id":"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e52","organization_code":"bench-org-0042","role":"partner"}],"outcomes":[{"kind":"opinion","count":12,"approximate":true,"description_zh":"形成协商意见十余条","description_en":null}],"summary_zh":"双方立足两地政协人才、智力和组织优势，围绕成渝地区双城经济圈建设重大部署，组织委员实地察看项目现场，召开专题协商会议，形成协商意见并报送党委政府，共同筑牢森林防灭火安全防线。","summary_en":null,"version":1,"created_at":"2026-11-26T10.00.00Z","updated_at":"2026-11-26T10.00.00Z","archived_at":null}`

// cursorOfPage follows next_cursor from page 1 to the given page.
func (e *env) cursorOfPage(path string, page int) (string, error) {
	cursor := ""
	for p := 1; p < page; p++ {
		var body struct {
			NextCursor string `json:"next_cursor"`
		}
		q := path
		if cursor != "" {
			q += "&cursor=" + url.QueryEscape(cursor)
		}
		if err := e.getJSON(q, &body); err != nil {
			return "", err
		}
		if body.NextCursor == "" {
			return "", fmt.Errorf("%s has fewer than %d pages", path, page)
		}
		cursor = body.NextCursor
	}
	return cursor, nil
}

var tpsPattern = regexp.MustCompile(`tps = ([0-9.]+) \(without initial connection time\)`)

// pgbench runs a case's script at the case's concurrency, in its mode,
// and returns its tps.
// pgRun is what a pgbench run measured: transactions per second and the
// median and 99th percentile of their latency (from its transaction log).
type pgRun struct {
	tps      float64
	p50, p99 time.Duration
}

func (e *env) pgbench(ctx context.Context, name string, script pgScript) (pgRun, error) {
	base := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, strings.ToLower(name))
	u, _ := url.Parse(e.ceilingDB())
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	// As many clients as the registry's pool holds connections: the
	// service never runs more statements at once than that. Every
	// transaction's latency goes to a log (-l), read for p50 and p99.
	logPrefix := filepath.Join(e.workdir, base+"_log")
	args := []string{"-n", "-M", script.mode, "-c", strconv.Itoa(e.o.pool), "-j", "2",
		"-T", strconv.Itoa(int(e.o.pgbench.Seconds())), "-l", "--log-prefix", logPrefix}
	for i, text := range script.files {
		file := filepath.Join(e.workdir, fmt.Sprintf("%s_%d.sql", base, i+1))
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			return pgRun{}, err
		}
		args = append(args, "-f", file)
	}
	for _, k := range slices.Sorted(maps.Keys(script.vars)) {
		args = append(args, "-D", k+"="+script.vars[k])
	}
	args = append(args, "-h", u.Hostname(), "-p", port, "-U", u.User.Username(), strings.TrimPrefix(u.Path, "/"))
	out, err := exec.CommandContext(ctx, "pgbench", args...).CombinedOutput()
	if err != nil {
		return pgRun{}, fmt.Errorf("pgbench %s: %w\n%s", name, err, out)
	}
	m := tpsPattern.FindSubmatch(out)
	if m == nil {
		return pgRun{}, fmt.Errorf("pgbench %s: no tps in output:\n%s", name, out)
	}
	if strings.Contains(string(out), "number of failed transactions: ") && !strings.Contains(string(out), "number of failed transactions: 0 ") {
		return pgRun{}, fmt.Errorf("pgbench %s: failed transactions:\n%s", name, out)
	}
	run := pgRun{}
	if run.tps, err = strconv.ParseFloat(string(m[1]), 64); err != nil {
		return run, err
	}
	run.p50, run.p99, err = pgbenchLatencies(logPrefix)
	return run, err
}

// pgbenchLatencies reads the transaction logs pgbench -l wrote with prefix
// (one per thread: prefix.PID, prefix.PID.N), removes them and returns the
// median and 99th percentile of the latencies (the third field, in µs).
func pgbenchLatencies(prefix string) (p50, p99 time.Duration, err error) {
	files, err := filepath.Glob(prefix + ".*")
	if err != nil || len(files) == 0 {
		return 0, 0, fmt.Errorf("pgbench wrote no transaction log %s.*: %v", prefix, err)
	}
	var lat []int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		os.Remove(f)
		if err != nil {
			return 0, 0, err
		}
		for _, line := range strings.Split(string(data), "\n") {
			fields := strings.Fields(line)
			if len(fields) < 3 {
				continue
			}
			us, err := strconv.ParseInt(fields[2], 10, 64)
			if err != nil {
				return 0, 0, fmt.Errorf("pgbench log %s: %q: %w", f, line, err)
			}
			lat = append(lat, us)
		}
	}
	if len(lat) == 0 {
		return 0, 0, fmt.Errorf("pgbench logs %s.* hold no transaction", prefix)
	}
	slices.Sort(lat)
	at := func(q float64) time.Duration {
		return time.Duration(lat[min(len(lat)-1, int(q*float64(len(lat))))]) * time.Microsecond
	}
	return at(0.50), at(0.99), nil
}
