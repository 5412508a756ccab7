package console_test

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/console"
	"github.com/chengyu-collab/registry/internal/registry"
)

// unfoldedHeader sends a request of twinConsole to the console whose
// labels are all calls.
const unfoldedHeader = "X-Test-Unfolded"

// twinConsole serves one database's console twice: as New parses its
// pages (constant labels folded into the text) and, for requests with
// unfoldedHeader, with every label a call at run time, as the pages were
// before folding. Both keep their sessions in the same store, so one
// session token signs in to both.
type twinConsole struct {
	t         *testing.T
	srv       *httptest.Server
	svc       *registry.Service
	client    *http.Client
	admin     string // session token of an administrator
	registrar string // session token of a registrar of the Changshou committee
}

func newTwinConsole(t *testing.T) *twinConsole {
	t.Helper()
	sd := newSeeded(t, true)
	svc, d, password, adminPassword := sd.svc, sd.deps, sd.password, sd.adminPassword
	folded, err := console.New(d)
	if err != nil {
		t.Fatal(err)
	}
	unfolded, err := console.NewUnfolded(d)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get(unfoldedHeader) != "" {
			unfolded.ServeHTTP(w, r)
			return
		}
		folded.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	tc := &twinConsole{t: t, srv: srv, svc: svc, client: &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	tc.registrar = tc.signIn("cs-liaison", password)
	tc.admin = tc.signIn("root", adminPassword)
	return tc
}

// answer is what the comparison looks at of a response.
type answer struct {
	status                int
	contentType, location string
	body                  string
}

// do sends one request, with no cookie but the session's, so that the
// language is the one the address asks for.
func (tc *twinConsole) do(method, path string, form url.Values, session string, unfolded bool) (answer, *http.Response) {
	tc.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, tc.srv.URL+path, body)
	if err != nil {
		tc.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	if session != "" {
		req.AddCookie(&http.Cookie{Name: "registry_session", Value: session})
	}
	if unfolded {
		req.Header.Set(unfoldedHeader, "1")
	}
	res, err := tc.client.Do(req)
	if err != nil {
		tc.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		tc.t.Fatal(err)
	}
	return answer{res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Location"), string(b)}, res
}

func (tc *twinConsole) signIn(login, password string) string {
	tc.t.Helper()
	a, res := tc.do(http.MethodPost, "/console/sign-in", url.Values{"login": {login}, "password": {password}, "back": {"/"}}, "", false)
	for _, c := range res.Cookies() {
		if c.Name == "registry_session" && c.Value != "" {
			return c.Value
		}
	}
	tc.t.Fatalf("sign in as %s: %d, no session", login, a.status)
	return ""
}

// secretOnPage is the one-time password or key an administrator is shown
// once, new with every request.
var secretOnPage = regexp.MustCompile(`<code id="secret">[^<]*</code>`)

// normalise blanks what differs from one request to the next: the secret.
func normalise(body string) string {
	return secretOnPage.ReplaceAllString(body, `<code id="secret">…</code>`)
}

// withLang is path asking for lang.
func withLang(path, lang string) string {
	u, err := url.Parse(path)
	if err != nil {
		panic(err)
	}
	q := u.Query()
	q.Set("lang", lang)
	u.RawQuery = q.Encode()
	return u.String()
}

// same sends the request to both consoles in both languages and fails the
// test where the answers differ in anything but a secret. It returns the
// folded console's Chinese answer.
func (tc *twinConsole) same(method, path string, form url.Values, session string) answer {
	tc.t.Helper()
	var zh answer
	for _, lang := range []string{"zh", "en"} {
		p := withLang(path, lang)
		got, _ := tc.do(method, p, form, session, false)
		want, _ := tc.do(method, p, form, session, true)
		got.body, want.body = normalise(got.body), normalise(want.body)
		if i := strings.Index(got.body, "%!"); i >= 0 {
			tc.t.Errorf("%s %s: a value printed with the wrong verb: %q", method, p, got.body[i:min(len(got.body), i+80)])
		}
		if got != want {
			tc.t.Errorf("%s %s: folded and unfolded pages differ: %d %q %q vs %d %q %q\n%s",
				method, p, got.status, got.contentType, got.location, want.status, want.contentType, want.location,
				firstDifference(got.body, want.body))
		}
		if lang == "zh" {
			zh = got
		}
	}
	return zh
}

// firstDifference shows where two bodies part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-120)
	return "folded:   …" + a[from:min(len(a), i+120)] + "…\nunfolded: …" + b[from:min(len(b), i+120)] + "…"
}

var pageLink = regexp.MustCompile(`href="(/[^"]*)"`)

// crawl visits pages from the seeds by their links, up to limit pages,
// comparing each in both consoles and languages; downloads, assets and the
// API are not pages. It returns the statuses of the pages it saw.
func (tc *twinConsole) crawl(session string, limit int, seeds ...string) map[string]int {
	tc.t.Helper()
	seen := map[string]int{}
	queue := append([]string(nil), seeds...)
	queued := map[string]bool{}
	for _, s := range seeds {
		queued[s] = true
	}
	for len(queue) > 0 && len(seen) < limit {
		p := queue[0]
		queue = queue[1:]
		a := tc.same(http.MethodGet, p, nil, session)
		seen[p] = a.status
		if !strings.HasPrefix(a.contentType, "text/html") {
			continue
		}
		for _, m := range pageLink.FindAllStringSubmatch(a.body, -1) {
			u, err := url.Parse(html.UnescapeString(m[1]))
			if err != nil || strings.HasPrefix(u.Path, "/console/assets/") || strings.HasPrefix(u.Path, "/v1/") ||
				strings.HasPrefix(u.Path, "/swagger") || strings.HasSuffix(u.Path, "/download") {
				continue
			}
			q := u.Query()
			q.Del("lang")
			u.RawQuery, u.Fragment = q.Encode(), ""
			if l := u.String(); !queued[l] {
				queued[l] = true
				queue = append(queue, l)
			}
		}
	}
	return seen
}

var adminEditLink = regexp.MustCompile(`href="(/console/admin/(?:organizations|areas)/[^"/]+/edit)"`)

// TestFoldedLabelsChangeNoPage: with the constant labels folded into the
// templates, every page (each list, detail, form, reference and
// administration page, the report, sign-in, errors, and the pages a form
// post answers with) is byte for byte what it is with every label a call,
// in Chinese and in English, signed out, as a registrar and as an
// administrator. Only the one-time secret an administrator is shown is
// blanked before comparing.
func TestFoldedLabelsChangeNoPage(t *testing.T) {
	t.Parallel()
	tc := newTwinConsole(t)
	ctx := context.Background()
	agreements, err := tc.svc.ListAgreements(ctx, registry.AgreementFilter{Parties: []string{"changshou-cppcc"}, Limit: 1})
	if err != nil || len(agreements.Items) == 0 {
		t.Fatalf("an agreement of Changshou: %v", err)
	}
	a := agreements.Items[0]
	consultations, err := tc.svc.ListConsultations(ctx, registry.ActivityFilter{Limit: 1})
	if err != nil || len(consultations.Items) == 0 {
		t.Fatalf("a consultation: %v", err)
	}
	actions, err := tc.svc.ListJointActions(ctx, registry.ActivityFilter{Limit: 1})
	if err != nil || len(actions.Items) == 0 {
		t.Fatalf("a joint action: %v", err)
	}
	records := []string{"/console/agreements/" + a.ID, "/console/consultations/" + consultations.Items[0].ID,
		"/console/joint-actions/" + actions.Items[0].ID}
	seeds := append([]string{"/", "/?year=2023", "/console/agreements", "/console/consultations", "/console/joint-actions",
		"/console/agreements?region=not+a+region&from=2023-13", "/console/joint-actions?party=changshou-cppcc&q=%E8%81%94%E5%90%88",
		"/console/organizations", "/console/organizations/changshou-cppcc", "/console/organizations/no-such-org",
		"/console/regions", "/console/report", "/console/report?organization=changshou-cppcc&year=2023",
		"/console/sign-in", "/console/sign-in?back=/console/report", "/console/no-such-page", "/console/agreements/not-an-id"},
		records...)
	for _, r := range records {
		seeds = append(seeds, r+"/edit")
	}
	for _, k := range []string{"agreements", "consultations", "joint-actions"} {
		seeds = append(seeds, "/console/"+k+"/new")
	}
	admin := []string{"/console/admin/organizations", "/console/admin/organizations/new", "/console/admin/areas",
		"/console/admin/areas/new", "/console/admin/users", "/console/admin/keys"}

	signedOut := tc.crawl("", 60, seeds...)
	registrar := tc.crawl(tc.registrar, 60, append(seeds, admin...)...)
	administrator := tc.crawl(tc.admin, 100, append(admin, seeds...)...)
	for _, p := range admin {
		if administrator[p] != http.StatusOK {
			t.Errorf("the administrator's %s: %d", p, administrator[p])
		}
		if registrar[p] != http.StatusForbidden {
			t.Errorf("the registrar's %s: %d, want the error page", p, registrar[p])
		}
	}
	if signedOut["/console/no-such-page"] != http.StatusNotFound || signedOut["/console/sign-in"] != http.StatusOK {
		t.Errorf("signed out: the error page %d, sign-in %d", signedOut["/console/no-such-page"], signedOut["/console/sign-in"])
	}
	t.Logf("compared %d pages signed out, %d as a registrar, %d as an administrator, each in both languages",
		len(signedOut), len(registrar), len(administrator))

	// The pages a post answers with, none of which changes the records.
	bad := agreementForm("长寿区政协 渝北区政协 协作协议", "2023-02-30")
	more := agreementForm("长寿区政协 渝北区政协 协作协议", "2023-06-01")
	more.Set("add", "areas")
	stale := agreementForm("长寿区政协 渝北区政协 协作协议", "2023-06-01")
	stale.Set("version", "999")
	_, admOrgs, _ := tc.get(tc.admin, "/console/admin/organizations")
	_, admAreas, _ := tc.get(tc.admin, "/console/admin/areas")
	type post struct {
		path    string
		form    url.Values
		session string
		status  int // 0: whatever it is
	}
	posts := []post{
		{"/console/agreements/new", bad, tc.registrar, http.StatusUnprocessableEntity},
		{"/console/agreements/new", more, tc.registrar, http.StatusOK},
		{"/console/agreements/" + a.ID + "/edit", stale, tc.registrar, http.StatusConflict},
		{"/console/consultations/new", url.Values{"title_zh": {""}}, tc.registrar, http.StatusUnprocessableEntity},
		{"/console/joint-actions/new", url.Values{"title_zh": {"x"}, "started_on": {"2023-13"}}, tc.admin, http.StatusUnprocessableEntity},
		{"/console/admin/organizations/new", url.Values{"code": {"Not A Code"}}, tc.admin, http.StatusUnprocessableEntity},
		{"/console/admin/areas/new", url.Values{"code": {"Not A Code"}}, tc.admin, http.StatusUnprocessableEntity},
		{"/console/admin/users/new", url.Values{"login": {""}}, tc.admin, http.StatusUnprocessableEntity},
		{"/console/admin/keys/new", url.Values{"name": {""}}, tc.admin, http.StatusUnprocessableEntity},
		{"/console/admin/users/cs-liaison/reset-password", url.Values{}, tc.admin, http.StatusOK},
		{"/console/sign-in", url.Values{"login": {"nobody"}, "password": {"wrong"}}, "", http.StatusUnauthorized},
		{"/console/agreements/new", bad, "", http.StatusSeeOther},
	}
	// An administrator's edit of an organisation and of an area on a
	// stale version.
	for _, page := range []string{admOrgs, admAreas} {
		m := adminEditLink.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no edit link on an administration page:\n%s", page)
		}
		posts = append(posts, post{m[1], url.Values{"version": {"999"}, "name_zh": {"新名称"}}, tc.admin, 0})
	}
	for _, p := range posts {
		got := tc.same(http.MethodPost, p.path, p.form, p.session)
		if p.status != 0 && got.status != p.status {
			t.Errorf("POST %s: %d, want %d", p.path, got.status, p.status)
		}
	}
}

// get fetches a page from the folded console.
func (tc *twinConsole) get(session, path string) (int, string, http.Header) {
	tc.t.Helper()
	a, res := tc.do(http.MethodGet, path, nil, session, false)
	return a.status, a.body, res.Header
}
