package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/chengyu-collab/registry/bench/gen"
	"github.com/chengyu-collab/registry/bench/load"
	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/registry"
)

// benchCase is one endpoint under load, with the pgbench script that runs
// the same SQL with the same parameter distribution.
type benchCase struct {
	name    string
	next    func(rnd *rand.Rand, worker, i int) *http.Request
	want    int
	script  string
	kind    string // "id", "list", "stats", "post"
	cursor1 bool   // page 1 of the paged pair
	cursorN bool   // page N of the paged pair
}

// caseResult is what a case measured.
type caseResult struct {
	benchCase
	load                   load.Result
	tpsBefore, tpsAfter    float64
	peakRSS                float64
	exportRows             int
	exportIdle, exportPeak float64
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

func (e *env) cases(ctx context.Context) ([]benchCase, error) {
	seed := e.o.seed
	get := func(path string) *http.Request {
		r, _ := http.NewRequest("GET", e.base+path, nil)
		return r
	}
	orgCodeSQL := `'bench-org-' || lpad(:o::text, 4, '0')`
	y2023, _ := registry.ParseDate("2023")
	all1, _ := registry.ParseDate(strconv.Itoa(2016))
	all2, _ := registry.ParseDate(strconv.Itoa(2025))

	listScript := func(f registry.ActivityFilter, pick string) (string, error) {
		q, args, err := postgres.JointActionListSQL(f, "PARTY")
		if err != nil {
			return "", err
		}
		vals := make([]string, len(args))
		for i, a := range args {
			vals[i] = literal(a)
			if a == "PARTY" {
				vals[i] = ":party" // the id the first statement resolved, a parameter as in the store
			}
		}
		return pick + "\n" + bind(postgres.OrganizationIDSQL, orgCodeSQL) + " \\gset party_\n" +
			strings.ReplaceAll(bind(q, vals...), ":party", ":party_id") + ";\n", nil
	}
	list2023, err := listScript(registry.ActivityFilter{From: &y2023, To: &y2023, Limit: 50}, fmt.Sprintf(`\set o random(1, %d)`, topOrgs))
	if err != nil {
		return nil, err
	}
	allYears := registry.ActivityFilter{From: &all1, To: &all2, Limit: 50}
	listAll1, err := listScript(allYears, `\set o 1`)
	if err != nil {
		return nil, err
	}
	page := 1000
	if e.o.short {
		page = 10
	}
	allPath := "/v1/joint-actions?party=" + gen.OrgCode(1) + "&from=2016&to=2025&limit=50"
	cursor, err := e.cursorOfPage(allPath, page)
	if err != nil {
		return nil, err
	}
	allN := allYears
	allN.Cursor = cursor
	listAllN, err := listScript(allN, `\set o 1`)
	if err != nil {
		return nil, err
	}

	agreementStats, rollupStats := postgres.StatsSQL()
	statsScript := "\\set y random(2016, 2025)\nBEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n" +
		bind(agreementStats, "make_date(:y, 1, 1)", "make_date(:y, 12, 31)", "NULL", "NULL", "NULL") + ";\n" +
		bind(rollupStats, ":y", "'all'") + ";\nCOMMIT;\n"

	postScript, err := e.postScript(ctx)
	if err != nil {
		return nil, err
	}
	stamp := time.Now().UnixNano()
	return []benchCase{
		{name: "GET /v1/joint-actions/{id}", kind: "id", want: 200,
			next: func(rnd *rand.Rand, _, _ int) *http.Request {
				return get("/v1/joint-actions/" + gen.ID(seed, "ja", 1+rnd.IntN(e.sizes.JointActions)))
			},
			script: fmt.Sprintf("\\set n random(1, %d)\n%s;\n", e.sizes.JointActions, bind(postgres.JointActionByIDSQL(), gen.IDSQL(seed, "ja")))},
		{name: "GET /v1/agreements/{id}", kind: "id", want: 200,
			next: func(rnd *rand.Rand, _, _ int) *http.Request {
				return get("/v1/agreements/" + gen.ID(seed, "agr", 1+rnd.IntN(e.sizes.Agreements)))
			},
			script: fmt.Sprintf("\\set n random(1, %d)\n%s;\n", e.sizes.Agreements, bind(postgres.AgreementByIDSQL(), gen.IDSQL(seed, "agr")))},
		{name: "GET /v1/joint-actions?party=…&from=2023&to=2023&limit=50", kind: "list", want: 200,
			next: func(rnd *rand.Rand, _, _ int) *http.Request {
				return get("/v1/joint-actions?party=" + gen.OrgCode(1+rnd.IntN(topOrgs)) + "&from=2023-01-01&to=2023-12-31&limit=50")
			},
			script: list2023},
		{name: "GET /v1/joint-actions?party=…&from=2016&to=2025 page 1", kind: "list", want: 200, cursor1: true,
			next:   func(*rand.Rand, int, int) *http.Request { return get(allPath) },
			script: listAll1},
		{name: fmt.Sprintf("… the same, page %d (cursor)", page), kind: "list", want: 200, cursorN: true,
			next:   func(*rand.Rand, int, int) *http.Request { return get(allPath + "&cursor=" + url.QueryEscape(cursor)) },
			script: listAllN},
		{name: "GET /v1/stats?year=…", kind: "stats", want: 200,
			next: func(rnd *rand.Rand, _, _ int) *http.Request {
				return get("/v1/stats?year=" + strconv.Itoa(2016+rnd.IntN(10)))
			},
			script: statsScript},
		{name: "POST /v1/joint-actions (Idempotency-Key)", kind: "post", want: 201,
			next: func(rnd *rand.Rand, w, i int) *http.Request {
				body := fmt.Sprintf(postBody, w, i, gen.OrgCode(1+rnd.IntN(topOrgs)), gen.OrgCode(topOrgs+1+rnd.IntN(e.sizes.Organizations-topOrgs)))
				r, _ := http.NewRequest("POST", e.base+"/v1/joint-actions", strings.NewReader(body))
				r.Header.Set("Content-Type", "application/json")
				r.Header.Set("Authorization", "Bearer "+e.key)
				r.Header.Set("Idempotency-Key", fmt.Sprintf("bench-%d-%d-%d", stamp, w, i))
				return r
			},
			script: postScript},
	}, nil
}

// postBody is a realistic joint action (worker, request, lead, partner).
const postBody = `{"title_zh":"川渝毗邻地区森林防灭火联合调研 %d-%d","title_en":"Joint research on forest fire prevention",
"theme_zh":"森林防灭火","kind":"research","started_on":"2024-05-06","ended_on":"2024-05","status":"completed",
"area_code":"forest-fire-prevention","location":"重庆市长寿区",
"participants":[{"organization_id":"%s","role":"lead"},{"organization_id":"%s","role":"partner"}],
"outcomes":[{"kind":"opinion","count":12,"approximate":true,"description_zh":"形成协商意见十余条"}],
"summary_zh":"双方立足两地政协人才、智力和组织优势，围绕成渝地区双城经济圈建设重大部署，组织委员实地察看项目现场，召开专题协商会议，形成协商意见并报送党委政府，共同筑牢森林防灭火安全防线。"}`

// postScript is a pgbench transaction doing what a joint-action create
// does: authenticate, take the idempotency lock and look for a stored
// answer, resolve the participants and the area, insert the record, its
// participants and outcome, read it back, append the audit entry and store
// the answer.
func (e *env) postScript(ctx context.Context) (string, error) {
	sum := sha256.Sum256([]byte(e.key))
	hash := `'\x` + hex.EncodeToString(sum[:]) + `'::bytea`
	db, err := sql.Open("postgres", e.dbURL)
	if err != nil {
		return "", err
	}
	defer db.Close()
	if err := db.QueryRowContext(ctx, `SELECT id FROM api_keys WHERE secret_hash = decode($1, 'hex')`, hex.EncodeToString(sum[:])).Scan(&e.keyID); err != nil {
		return "", fmt.Errorf("find the bench key: %w", err)
	}
	seed := e.o.seed
	key := `'pgb-' || :client_id || '-' || :a`
	id := `md5('pgb-' || :client_id || '-' || :a)::uuid`
	lead := fmt.Sprintf(`md5('%d-org-' || :o)::uuid`, seed)
	partner := fmt.Sprintf(`md5('%d-org-' || :p)::uuid`, seed)
	record, participant, outcome, stats, audit := postgres.JointActionWriteSQL()
	summary := "'双方立足两地政协人才、智力和组织优势，围绕成渝地区双城经济圈建设重大部署，组织委员实地察看项目现场，召开专题协商会议，形成协商意见并报送党委政府，共同筑牢森林防灭火安全防线。'"
	// pgbench would read ":name" inside the literal as a variable: keep a
	// space after every colon.
	after := `'` + strings.ReplaceAll(strings.ReplaceAll(postAfterJSON, "'", "''"), `":`, `": `) + `'`
	lines := []string{
		`\set a random(1, 2000000000)`,
		fmt.Sprintf(`\set o random(1, %d)`, topOrgs),
		fmt.Sprintf(`\set p random(%d, %d)`, topOrgs+1, e.sizes.Organizations),
		bind(postgres.AuthenticateSQL, hash) + ";",
		"BEGIN;",
		fmt.Sprintf(`SELECT pg_try_advisory_xact_lock(hashtext('%s'), hashtext(%s));`, e.keyID, key),
		fmt.Sprintf(`SELECT request_hash, status, location, etag, body FROM idempotency_keys WHERE holder = '%s' AND key = %s AND created_at > now() - 172800 * interval '1 second';`, e.keyID, key),
		bind(postgres.OrganizationIDSQL, `'bench-org-' || lpad(:o::text, 4, '0')`) + ";",
		bind(postgres.OrganizationIDSQL, `'bench-org-' || lpad(:p::text, 4, '0')`) + ";",
		`SELECT 1 FROM cooperation_areas WHERE code = 'forest-fire-prevention';`,
		bind(record, id, "'川渝毗邻地区森林防灭火联合调研'", "'Joint research on forest fire prevention'", "'森林防灭火'", "NULL",
			"'research'", "'2024-05-06'", "'2024-05-06'", "3", "'2024-05-01'", "'2024-05-31'", "2", "'重庆市长寿区'", "NULL",
			"'forest-fire-prevention'", "'completed'", summary, "NULL") + ";",
		bind(participant, id, "0", lead, "'lead'") + ";",
		bind(participant, id, "1", partner, "'partner'") + ";",
		bind(outcome, id, "0", "'opinion'", "12", "true", "'形成协商意见十余条'", "NULL") + ";",
		bind(stats, "'joint_action'", id, "1") + ";",
		bind(postgres.JointActionByIDSQL(), id) + ";",
		bind(audit, "'"+e.keyID+"'", "NULL", "'create'", "'joint_action'", id+"::text", "'bench'", "NULL", after) + ";",
		fmt.Sprintf(`INSERT INTO idempotency_keys (holder, key, request_hash, status, location, etag, body) VALUES ('%s', %s, %s, 201, '/v1/joint-actions/x', '"1"', convert_to(%s, 'UTF8'));`, e.keyID, key, hash, after),
		"COMMIT;",
	}
	return strings.Join(lines, "\n") + "\n", nil
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

// bind replaces $1, $2, … in a statement by the given SQL expressions.
func bind(q string, vals ...string) string {
	for i := len(vals); i >= 1; i-- {
		q = strings.ReplaceAll(q, "$"+strconv.Itoa(i), vals[i-1])
	}
	return q
}

// literal renders a statement argument as SQL.
func literal(v any) string {
	switch a := v.(type) {
	case string:
		return "'" + strings.ReplaceAll(a, "'", "''") + "'"
	case int:
		return strconv.Itoa(a)
	case sql.NullTime:
		if !a.Valid {
			return "NULL"
		}
		return "'" + a.Time.Format(time.DateOnly) + "'"
	case time.Time:
		return "'" + a.Format(time.DateOnly) + "'"
	}
	return fmt.Sprintf("'%v'", v)
}

var tpsPattern = regexp.MustCompile(`tps = ([0-9.]+) \(without initial connection time\)`)

// pgbench runs a script at the case's concurrency and returns its tps.
func (e *env) pgbench(ctx context.Context, name, script string) (float64, error) {
	file := filepath.Join(e.workdir, strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, strings.ToLower(name))+".sql")
	if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
		return 0, err
	}
	u, _ := url.Parse(e.dbURL)
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	args := []string{"-n", "-M", "prepared", "-c", strconv.Itoa(e.o.conns), "-j", "2",
		"-T", strconv.Itoa(int(e.o.pgbench.Seconds())), "-f", file,
		"-h", u.Hostname(), "-p", port, "-U", u.User.Username(), strings.TrimPrefix(u.Path, "/")}
	out, err := exec.CommandContext(ctx, "pgbench", args...).CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("pgbench %s: %v\n%s", name, err, out)
	}
	m := tpsPattern.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("pgbench %s: no tps in output:\n%s", name, out)
	}
	if strings.Contains(string(out), "number of failed transactions: ") && !strings.Contains(string(out), "number of failed transactions: 0 ") {
		return 0, fmt.Errorf("pgbench %s: failed transactions:\n%s", name, out)
	}
	return strconv.ParseFloat(string(m[1]), 64)
}
