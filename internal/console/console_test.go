package console_test

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/alexedwards/scs/postgresstore"

	"github.com/chengyu-collab/registry/internal/console"
	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/postgres/pgtest"
	"github.com/chengyu-collab/registry/internal/registry"
)

// hostileTextsFile holds the injection strings of the API's hostile-input
// tests (internal/httpapi/hostile_helpers_test.go) that the registry
// stores, and markup that would run in a page if it were not escaped. The
// browser test (tools/console/hostile.test.mjs) reads the same file, so the
// two lists cannot drift apart.
const hostileTextsFile = "testdata/hostile-texts.json"

func hostileTexts(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(hostileTextsFile)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	if err := json.Unmarshal(b, &texts); err != nil {
		t.Fatalf("%s: %v", hostileTextsFile, err)
	}
	if len(texts) == 0 {
		t.Fatalf("%s holds no text", hostileTextsFile)
	}
	return texts
}

// env is a console over a fresh database with the demo data and a
// registrar of the Changshou committee.
type env struct {
	t        *testing.T
	srv      *httptest.Server
	svc      *registry.Service
	accounts *registry.Accounts
	password string
	user     registry.User
}

// seeded is a fresh database with the demo data, the Service and
// accounts over it, and a registrar of the Changshou committee
// (cs-liaison) — and, when asked for, an administrator (root).
type seeded struct {
	store         *postgres.Store
	svc           *registry.Service
	accounts      *registry.Accounts
	deps          console.Deps
	registrar     registry.User
	password      string // the registrar's
	adminPassword string // root's, when made
}

func newSeeded(t *testing.T, withAdmin bool) *seeded {
	t.Helper()
	store, _ := pgtest.New(t)
	ctx := context.Background()
	sd := &seeded{store: store, svc: registry.NewService(store, nil), accounts: registry.NewAccounts(store, nil)}
	if err := demo.Load(ctx, sd.svc); err != nil {
		t.Fatal(err)
	}
	var err error
	sd.registrar, sd.password, err = sd.accounts.CreateUser(ctx, registry.Actor{}, registry.UserInput{Login: "cs-liaison",
		DisplayName: "长寿区政协联络员", Role: "registrar", Organization: "changshou-cppcc"})
	if err != nil {
		t.Fatal(err)
	}
	if withAdmin {
		_, sd.adminPassword, err = sd.accounts.CreateUser(ctx, registry.Actor{}, registry.UserInput{Login: "root", DisplayName: "系统管理员", Role: "admin"})
		if err != nil {
			t.Fatal(err)
		}
	}
	sd.deps = console.Deps{Service: sd.svc, Accounts: sd.accounts, Sessions: postgresstore.NewWithCleanupInterval(store.DB(), 0)}
	return sd
}

// serve starts the console of sd.
func (sd *seeded) serve(t *testing.T) *httptest.Server {
	t.Helper()
	h, err := console.New(sd.deps)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func newEnv(t *testing.T) *env {
	t.Helper()
	sd := newSeeded(t, false)
	return &env{t: t, srv: sd.serve(t), svc: sd.svc, accounts: sd.accounts, password: sd.password, user: sd.registrar}
}

// browser is a client with its own cookies that sends what a browser
// sends on a same-origin form post.
func (e *env) browser() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar}
}

func (e *env) get(c *http.Client, path string) (int, string, http.Header) {
	e.t.Helper()
	res, err := c.Get(e.srv.URL + path)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

func (e *env) post(c *http.Client, path string, form url.Values) (int, string) {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func (e *env) signIn(c *http.Client) {
	e.t.Helper()
	if status, body := e.post(c, "/console/sign-in", url.Values{"login": {"cs-liaison"}, "password": {e.password}, "back": {"/"}}); status != 200 || !strings.Contains(body, "长寿区政协联络员") {
		e.t.Fatalf("sign in: %d\n%s", status, body)
	}
}

func sessionCookie(c *http.Client, base string) string {
	u, _ := url.Parse(base)
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == "registry_session" {
			return ck.Value
		}
	}
	return ""
}

func TestHomeAndHeaders(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	status, body, h := e.get(http.DefaultClient, "/?year=2023")
	if status != 200 || !strings.Contains(body, `<html lang="zh-CN">`) || !strings.Contains(body, "<svg") {
		t.Fatalf("home: %d\n%s", status, body)
	}
	want := "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
	if got := h.Get("Content-Security-Policy"); got != want {
		t.Fatalf("CSP = %q", got)
	}
	if strings.Contains(body, "style=") || strings.Contains(body, "<script>") || strings.Contains(body, "http://") || strings.Contains(body, "https://") {
		t.Fatalf("home holds inline style or script, or an address elsewhere:\n%s", body)
	}
	_, en, _ := e.get(http.DefaultClient, "/?year=2023&lang=en")
	if !strings.Contains(en, `<html lang="en">`) || !strings.Contains(en, "Agreements") {
		t.Fatalf("English home:\n%s", en)
	}
}

func TestSignInRenewsTokenThrottlesAndSignsOutDisabled(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.browser()
	u, _ := url.Parse(e.srv.URL)
	c.Jar.SetCookies(u, []*http.Cookie{{Name: "registry_session", Value: "planted-by-an-attacker", Path: "/"}})
	e.signIn(c)
	if tok := sessionCookie(c, e.srv.URL); tok == "" || tok == "planted-by-an-attacker" {
		t.Fatalf("session token after sign-in = %q", tok)
	}
	// A disabled account is signed out at its next request.
	if _, err := e.accounts.DisableUser(context.Background(), registry.Actor{}, "cs-liaison"); err != nil {
		t.Fatal(err)
	}
	if _, body, _ := e.get(c, "/"); strings.Contains(body, "长寿区政协联络员") || !strings.Contains(body, "/console/sign-in") {
		t.Fatalf("disabled user still signed in:\n%s", body)
	}
	// Repeated failures are throttled, with the Chinese message.
	other := e.browser()
	for i := 0; i < registry.LoginFailureLimit; i++ {
		if status, body := e.post(other, "/console/sign-in", url.Values{"login": {"someone"}, "password": {"x"}}); status != 401 || !strings.Contains(body, "用户名或密码不正确") {
			t.Fatalf("failure %d: %d", i, status)
		}
	}
	if status, body := e.post(other, "/console/sign-in", url.Values{"login": {"someone"}, "password": {"x"}}); status != 429 || !strings.Contains(body, "15 分钟后再试") {
		t.Fatalf("after %d failures: %d\n%s", registry.LoginFailureLimit, status, body)
	}
}

func TestCrossOriginPostIsRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.browser()
	e.signIn(c)
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/console/agreements/new", strings.NewReader("title_zh=x"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-origin POST: %d", res.StatusCode)
	}
	if status, _, _ := e.get(http.DefaultClient, "/console/agreements/new"); status != 200 {
		// anonymous visitors are sent to the sign-in page (a redirect, followed)
		t.Fatalf("anonymous new form: %d", status)
	}
}

func agreementForm(title, signedOn string) url.Values {
	return url.Values{"title_zh": {title}, "type": {"cooperation"}, "status": {"signed"}, "signed_on": {signedOn},
		"parties[0].organization_id": {"changshou-cppcc"}, "parties[0].role": {"signatory"},
		"parties[1].organization_id": {"中国人民政治协商会议重庆市渝北区委员会"}, "parties[1].role": {"signatory"},
		"areas[0].label_zh": {"联合履职"}, "areas[0].area_code": {"joint-duty"},
		"areas[1].label_zh": {"文旅交流"}, "areas[1].area_code": {"culture-tourism"}}
}

func TestFormMessagesDuplicatesAndConflict(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.browser()
	e.signIn(c)
	// A mistake: the message is beside its field, in Chinese, from the catalogue.
	status, body := e.post(c, "/console/agreements/new", agreementForm("长寿区政协 渝北区政协 协作协议", "2023-02-30"))
	want := registry.FieldText(registry.Zh, registry.FieldError{Code: "invalid_date"})
	if status != 422 || !strings.Contains(body, `<p class="field-error" id="e-signed_on">`+html.EscapeString(want)+`</p>`) {
		t.Fatalf("bad date: %d\n%s", status, body)
	}
	// Fixed: created, the party typed by its Chinese name resolved.
	status, body = e.post(c, "/console/agreements/new", agreementForm("长寿区政协 渝北区政协 协作协议", "2023-06-01"))
	if status != 200 || !strings.Contains(body, "渝北区政协") || !strings.Contains(body, "文旅交流") || !strings.Contains(body, "长寿区政协联络员 于") {
		t.Fatalf("create: %d\n%s", status, body)
	}
	// The same again: the possible duplicate is shown before creating.
	status, body = e.post(c, "/console/agreements/new", agreementForm("长寿区政协 渝北区政协 协作协议", "2023-06-01"))
	if status != 200 || !strings.Contains(body, "以下记录可能与此次登记相同") {
		t.Fatalf("duplicate warning: %d\n%s", status, body)
	}
	page, err := e.svc.ListAgreements(context.Background(), registry.AgreementFilter{Q: "渝北区政协 协作协议", Limit: 5})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("agreements: %v %d", err, len(page.Items))
	}
	a := page.Items[0]
	// Two officers edit version 1; the second meets the conflict page.
	first := agreementForm("长寿区政协 渝北区政协 协作协议（修订）", "2023-06-01")
	first.Set("version", "1")
	if status, _ := e.post(c, "/console/agreements/"+a.ID+"/edit", first); status != 200 {
		t.Fatalf("first edit: %d", status)
	}
	second := agreementForm("长寿区政协 渝北区政协 合作协议", "2023-06-01")
	second.Set("version", "1")
	status, body = e.post(c, "/console/agreements/"+a.ID+"/edit", second)
	if status != 409 || !strings.Contains(body, "记录已被他人修改") || !strings.Contains(body, "（修订）") || !strings.Contains(body, `name="version" value="2"`) {
		t.Fatalf("conflict: %d\n%s", status, body)
	}
	second.Set("version", "2") // re-apply onto the current version
	if status, body := e.post(c, "/console/agreements/"+a.ID+"/edit", second); status != 200 || !strings.Contains(body, "长寿区政协 渝北区政协 合作协议") {
		t.Fatalf("re-apply: %d\n%s", status, body)
	}
}

func TestHostileTextIsShownVerbatimAndInert(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	by := e.user.Actor("hostile")
	texts := hostileTexts(t)
	var ids []string
	for _, s := range texts {
		a, err := e.svc.CreateAgreement(ctx, by, registry.AgreementInput{TitleZh: "协议 " + s, Type: registry.TypeCooperation,
			SignedPlace: &s, SummaryZh: &s, RefNo: nil,
			Parties: []registry.PartyInput{{OrganizationID: "changshou-cppcc", Role: registry.PartySignatory, SignatoryName: &s},
				{OrganizationID: "yubei-cppcc", Role: registry.PartySignatory}},
			Areas: []registry.AreaRefInput{{LabelZh: s, Description: &s}}})
		if err != nil {
			t.Fatalf("store %q: %v", s, err)
		}
		ids = append(ids, a.ID)
	}
	check := func(path, body string, texts ...string) {
		t.Helper()
		for _, s := range texts {
			if !strings.Contains(body, html.EscapeString(s)) && !strings.Contains(body, templateEscaped(s)) {
				t.Errorf("%s does not show %q verbatim", path, s)
			}
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>x</b>"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s holds live markup %q", path, bad)
			}
		}
	}
	for i, id := range ids {
		_, body, _ := e.get(http.DefaultClient, "/console/agreements/"+id)
		check("detail", body, texts[i])
		c := e.browser()
		if i == 0 {
			e.signIn(c)
			_, form, _ := e.get(c, "/console/agreements/"+id+"/edit")
			check("edit form", form, texts[i])
		}
	}
	_, body, _ := e.get(http.DefaultClient, "/console/agreements?party=changshou-cppcc")
	check("list", body)
}

// templateEscaped is how html/template writes text: it escapes a few more
// characters than html.EscapeString (+ and NUL among them).
func templateEscaped(s string) string {
	return strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "+", "&#43;").Replace(s)
}

var firstSubmit = regexp.MustCompile(`<form method="post"[^>]*>[\s\S]*?(<button type="submit"[^>]*>)`)

// TestFormKeyboard: Enter in a field submits with the form's first submit
// button, which must save rather than remove a row; a row added with the
// keyboard takes the focus.
func TestFormKeyboard(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.browser()
	e.signIn(c)
	_, body, _ := e.get(c, "/console/agreements/new")
	if m := firstSubmit.FindStringSubmatch(body); m == nil || strings.Contains(m[1], "name=") {
		t.Fatalf("the form's first submit button is %q, want one that only saves", m)
	}
	form := agreementForm("长寿区政协 渝北区政协 协作协议", "2023-06-01")
	form.Set("add", "areas")
	status, body := e.post(c, "/console/agreements/new", form)
	if status != 200 || !strings.Contains(body, `id="f-areas[2].area_code" name="areas[2].area_code" autofocus`) ||
		strings.Count(body, "autofocus") != 1 {
		t.Fatalf("added row: %d\n%s", status, body)
	}
}
