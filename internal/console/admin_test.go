package console_test

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/registry"
)

// adminEnv is a console over a fresh database with the demo data, a
// registrar of the Changshou committee and an administrator.
type adminEnv struct {
	*env
	store         *postgres.Store
	adminPassword string
}

func newAdminEnv(t *testing.T) *adminEnv {
	t.Helper()
	sd := newSeeded(t, true)
	return &adminEnv{env: &env{t: t, srv: sd.serve(t), svc: sd.svc, accounts: sd.accounts, password: sd.password, user: sd.registrar},
		store: sd.store, adminPassword: sd.adminPassword}
}

// signInAs signs a browser in and reports whether it worked.
func (e *adminEnv) signInAs(c *http.Client, login, password string) bool {
	e.t.Helper()
	status, body := e.post(c, "/console/sign-in", url.Values{"login": {login}, "password": {password}, "back": {"/"}})
	return status == http.StatusOK && strings.Contains(body, "console/sign-out")
}

func (e *adminEnv) admin() *http.Client {
	e.t.Helper()
	c := e.browser()
	if !e.signInAs(c, "root", e.adminPassword) {
		e.t.Fatal("the administrator cannot sign in")
	}
	return c
}

var secretPattern = regexp.MustCompile(`<code id="secret">([^<]+)</code>`)

func secretOf(t *testing.T, body string) string {
	t.Helper()
	m := secretPattern.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no secret on the page:\n%s", body)
	}
	return html.UnescapeString(m[1])
}

func TestAdminPagesRefuseOthers(t *testing.T) {
	t.Parallel()
	e := newAdminEnv(t)
	c := e.browser()
	e.signIn(c)
	for _, p := range []string{"/console/admin/organizations", "/console/admin/organizations/new", "/console/admin/areas",
		"/console/admin/areas/new", "/console/admin/users", "/console/admin/keys"} {
		if status, _, _ := e.get(c, p); status != http.StatusForbidden {
			t.Errorf("a registrar GET %s: %d, want 403", p, status)
		}
	}
	for _, p := range []string{"/console/admin/organizations/new", "/console/admin/keys/new", "/console/admin/users/root/disable"} {
		if status, _ := e.post(c, p, url.Values{"code": {"x-y"}, "name": {"x"}, "role": {"admin"}}); status != http.StatusForbidden {
			t.Errorf("a registrar POST %s: %d, want 403", p, status)
		}
	}
	if _, body, _ := e.get(c, "/"); strings.Contains(body, "/console/admin/") {
		t.Error("a registrar is shown the administration link")
	}
	if _, err := e.accounts.ActiveUser(context.Background(), mustUser(t, e, "root").ID); err != nil {
		t.Errorf("the administrator was disabled by a registrar: %v", err)
	}
	// Signed out, the pages lead to the sign-in page.
	if status, body, _ := e.get(e.browser(), "/console/admin/keys"); status != http.StatusOK || !strings.Contains(body, `name="password"`) {
		t.Errorf("signed out: %d, want the sign-in page", status)
	}
}

func mustUser(t *testing.T, e *adminEnv, login string) registry.User {
	t.Helper()
	users, err := e.accounts.ListUsers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Login == login {
			return u
		}
	}
	t.Fatalf("no user %s", login)
	return registry.User{}
}

func TestAdminOrganizations(t *testing.T) {
	t.Parallel()
	e := newAdminEnv(t)
	ctx := context.Background()
	c := e.admin()
	if _, body, _ := e.get(c, "/"); !strings.Contains(body, `href="/console/admin/organizations"`) {
		t.Error("the administrator is not shown the administration link")
	}
	status, body, _ := e.get(c, "/console/admin/organizations/new")
	if status != 200 || !strings.Contains(body, "政协委员会") || !strings.Contains(body, "长寿区") {
		t.Fatalf("new organisation form: %d\n%s", status, body)
	}

	form := url.Values{"code": {"Bad Code"}, "kind": {"cppcc_committee"}, "name_zh": {"测试市政协"},
		"region_code": {"500115"}, "parent_id": {"长寿区政协"}}
	status, body = e.post(c, "/console/admin/organizations/new", form)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("bad code: %d, want 422", status)
	}
	msg := registry.Text(registry.Zh, "invalid_code", nil)
	if !regexp.MustCompile(`(?s)id="f-code".*?<p class="field-error" id="e-code">` + regexp.QuoteMeta(html.EscapeString(msg))).MatchString(body) {
		t.Fatalf("the Chinese message of the code is not beside its field:\n%s", body)
	}
	if !strings.Contains(body, `value="测试市政协"`) {
		t.Error("the form lost what was typed")
	}

	form.Set("code", "test-cppcc")
	status, body = e.post(c, "/console/admin/organizations/new", form)
	if status != 200 || !strings.Contains(body, "测试市政协") {
		t.Fatalf("create: %d\n%s", status, body)
	}
	o, err := e.svc.GetOrganization(ctx, "test-cppcc")
	if err != nil {
		t.Fatal(err)
	}
	parent, _ := e.svc.GetOrganization(ctx, "changshou-cppcc")
	if o.ParentID == nil || *o.ParentID != parent.ID || o.RegionCode == nil || *o.RegionCode != "500115" || o.NameEn != nil {
		t.Errorf("stored: %+v", o)
	}
	audit, err := e.svc.ListAudit(ctx, mustUser(t, e, "root").Actor(""), registry.AuditFilter{EntityID: o.ID, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if admin := mustUser(t, e, "root"); len(audit.Items) != 1 || audit.Items[0].ActorUserID == nil || *audit.Items[0].ActorUserID != admin.ID {
		t.Errorf("audit of the creation: %+v", audit.Items)
	}

	edit := "/console/admin/organizations/" + o.ID + "/edit"
	status, body, _ = e.get(c, edit)
	if status != 200 || !strings.Contains(body, `name="version" value="1"`) || !strings.Contains(body, `value="中国人民政治协商会议重庆市长寿区委员会"`) {
		t.Fatalf("edit form: %d\n%s", status, body)
	}
	form.Set("version", "1")
	form.Set("name_en", "Test City CPPCC")
	if status, _ = e.post(c, edit, form); status != 200 {
		t.Fatalf("edit: %d", status)
	}
	if o, _ = e.svc.GetOrganization(ctx, "test-cppcc"); o.Version != 2 || o.NameEn == nil || *o.NameEn != "Test City CPPCC" {
		t.Fatalf("after the edit: %+v", o)
	}

	// A second edit of version 1 meets the conflict page, which offers to
	// apply it to version 2.
	form.Set("name_zh", "测试市政协（改）")
	status, body = e.post(c, edit, form)
	if status != http.StatusConflict || !strings.Contains(body, "记录已被他人修改") || !strings.Contains(body, `name="version" value="2"`) ||
		!strings.Contains(body, "测试市政协（改）") {
		t.Fatalf("stale edit: %d\n%s", status, body)
	}
	form.Set("version", "2")
	if status, _ = e.post(c, edit, form); status != 200 {
		t.Fatalf("reapplied: %d", status)
	}
	if o, _ = e.svc.GetOrganization(ctx, "test-cppcc"); o.NameZh != "测试市政协（改）" {
		t.Errorf("after reapplying: %+v", o)
	}
	if status, body, _ = e.get(c, "/console/admin/organizations?lang=en"); status != 200 || !strings.Contains(body, "New organisation") {
		t.Errorf("the list in English: %d", status)
	}
}

func TestAdminAreas(t *testing.T) {
	t.Parallel()
	e := newAdminEnv(t)
	ctx := context.Background()
	c := e.admin()
	status, body := e.post(c, "/console/admin/areas/new", url.Values{"code": {"test-area"}, "name_zh": {""}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, `id="e-name_zh"`) {
		t.Fatalf("blank name: %d\n%s", status, body)
	}
	status, body = e.post(c, "/console/admin/areas/new", url.Values{"code": {"test-area"}, "name_zh": {"测试领域"}, "name_en": {"Testing"}})
	if status != 200 || !strings.Contains(body, "test-area") || !strings.Contains(body, "测试领域") {
		t.Fatalf("create: %d\n%s", status, body)
	}
	status, body, _ = e.get(c, "/console/admin/areas/test-area/edit")
	if status != 200 || strings.Contains(body, `name="code"`) || !strings.Contains(body, `name="version" value="1"`) {
		t.Fatalf("edit form (the code must not be an input): %d\n%s", status, body)
	}
	// A posted code is ignored: the code never changes.
	status, _ = e.post(c, "/console/admin/areas/test-area/edit", url.Values{"version": {"1"}, "code": {"other"},
		"name_zh": {"测试领域二"}})
	if status != 200 {
		t.Fatalf("edit: %d", status)
	}
	a, err := e.svc.GetArea(ctx, "test-area")
	if err != nil || a.NameZh != "测试领域二" || a.NameEn != nil || a.Version != 2 {
		t.Fatalf("after the edit: %+v %v", a, err)
	}
	status, body = e.post(c, "/console/admin/areas/test-area/edit", url.Values{"version": {"1"}, "name_zh": {"旧版本"}})
	if status != http.StatusConflict || !strings.Contains(body, "旧版本") {
		t.Fatalf("stale edit: %d\n%s", status, body)
	}
}

func TestAdminUsers(t *testing.T) {
	t.Parallel()
	e := newAdminEnv(t)
	c := e.admin()
	status, body := e.post(c, "/console/admin/users/new", url.Values{"login": {"新用户"}, "name": {"张三"}, "role": {"registrar"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, `id="e-login"`) || !strings.Contains(body, `id="e-org"`) {
		t.Fatalf("bad user: %d\n%s", status, body)
	}
	status, body = e.post(c, "/console/admin/users/new", url.Values{"login": {"ys-liaison"}, "name": {"渝北区政协联络员"},
		"role": {"registrar"}, "org": {"长寿区政协"}})
	if status != 200 {
		t.Fatalf("create: %d\n%s", status, body)
	}
	password := secretOf(t, body)
	if u := mustUser(t, e, "ys-liaison"); u.OrganizationCode == nil || *u.OrganizationCode != "changshou-cppcc" {
		t.Errorf("created: %+v", u)
	}
	if _, list, _ := e.get(c, "/console/admin/users"); strings.Contains(list, password) {
		t.Error("the password is shown again")
	}

	officer := e.browser()
	if !e.signInAs(officer, "ys-liaison", password) {
		t.Fatal("the new user cannot sign in")
	}
	status, body = e.post(c, "/console/admin/users/ys-liaison/reset-password", nil)
	if status != 200 {
		t.Fatalf("reset: %d", status)
	}
	fresh := secretOf(t, body)
	if fresh == password {
		t.Fatal("the password did not change")
	}
	if _, page, _ := e.get(officer, "/"); strings.Contains(page, "渝北区政协联络员") {
		t.Error("the session outlived the reset")
	}
	if e.signInAs(e.browser(), "ys-liaison", password) {
		t.Error("the old password still works")
	}
	if !e.signInAs(officer, "ys-liaison", fresh) {
		t.Fatal("the new password does not work")
	}

	if status, _ = e.post(c, "/console/admin/users/ys-liaison/disable", nil); status != 200 {
		t.Fatalf("disable: %d", status)
	}
	if _, page, _ := e.get(officer, "/"); strings.Contains(page, "渝北区政协联络员") || !strings.Contains(page, "/console/sign-in") {
		t.Error("the disabled user's session is still signed in")
	}
	if e.signInAs(e.browser(), "ys-liaison", fresh) {
		t.Error("a disabled user signs in")
	}
	if _, list, _ := e.get(c, "/console/admin/users"); !strings.Contains(list, "已停用") {
		t.Error("the list does not show the account disabled")
	}
	if status, _ = e.post(c, "/console/admin/users/root/disable", nil); status != http.StatusConflict {
		t.Errorf("disabling oneself: %d, want 409", status)
	}
	if status, _ = e.post(c, "/console/admin/users/nobody/disable", nil); status != http.StatusNotFound {
		t.Errorf("disabling an unknown login: %d, want 404", status)
	}
	// Each change is audited with the administrator as actor, and no entry
	// holds a password.
	u := mustUser(t, e, "ys-liaison")
	e.audited(registry.EntityUser, u.ID, []registry.AuditAction{registry.ActionCreate, registry.ActionResetPassword,
		registry.ActionDisable}, password, fresh)
}

// audited fails unless the entity's audit entries are the actions, in
// order, each made by the signed-in administrator, and none of them holds
// any of the secrets.
func (e *adminEnv) audited(entity registry.AuditEntity, id string, actions []registry.AuditAction, secrets ...string) {
	e.t.Helper()
	root := mustUser(e.t, e, "root")
	page, err := e.store.ListAudit(context.Background(), registry.AuditFilter{Entity: entity, EntityID: id, Limit: 50})
	if err != nil {
		e.t.Fatal(err)
	}
	var got []registry.AuditAction
	for _, a := range page.Items {
		got = append(got, a.Action)
		if a.ActorUserID == nil || *a.ActorUserID != root.ID {
			e.t.Errorf("%s %s entry made by %v, want the administrator %s", entity, a.Action, a.ActorUserID, root.ID)
		}
		for _, s := range secrets {
			if strings.Contains(string(a.Before)+string(a.After), s) {
				e.t.Errorf("the %s %s entry holds a secret: %s %s", entity, a.Action, a.Before, a.After)
			}
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(actions) {
		e.t.Errorf("%s audit entries %v, want %v", entity, got, actions)
	}
}

var revokeAction = regexp.MustCompile(`action="/console/admin/keys/([0-9a-f-]{36})/revoke"`)

func TestAdminKeys(t *testing.T) {
	t.Parallel()
	e := newAdminEnv(t)
	ctx := context.Background()
	c := e.admin()
	status, body := e.post(c, "/console/admin/keys/new", url.Values{"name": {""}, "role": {"registrar"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, `id="e-name"`) || !strings.Contains(body, `id="e-org"`) {
		t.Fatalf("bad key: %d\n%s", status, body)
	}
	status, body = e.post(c, "/console/admin/keys/new", url.Values{"name": {"长寿区数据报送"}, "role": {"registrar"},
		"org": {"changshou-cppcc"}})
	if status != 200 {
		t.Fatalf("create: %d\n%s", status, body)
	}
	secret := secretOf(t, body)
	if a, err := e.store.Authenticate(ctx, secret); err != nil || a.Role != registry.RoleRegistrar {
		t.Fatalf("the new key does not authenticate: %+v %v", a, err)
	}
	_, list, _ := e.get(c, "/console/admin/keys")
	m := revokeAction.FindStringSubmatch(list)
	if m == nil || !strings.Contains(list, "长寿区数据报送") || strings.Contains(list, secret) {
		t.Fatalf("key list:\n%s", list)
	}
	if status, _ = e.post(c, "/console/admin/keys/"+m[1]+"/revoke", nil); status != 200 {
		t.Fatalf("revoke: %d", status)
	}
	if _, err := e.store.Authenticate(ctx, secret); !errors.Is(err, registry.ErrUnauthorized) {
		t.Errorf("a revoked key authenticates: %v", err)
	}
	if _, list, _ = e.get(c, "/console/admin/keys"); revokeAction.MatchString(list) || !strings.Contains(list, "长寿区数据报送") {
		t.Errorf("the list does not show the key revoked:\n%s", list)
	}
	if status, _ = e.post(c, "/console/admin/keys/not-a-key/revoke", nil); status != http.StatusNotFound {
		t.Errorf("revoking an unknown key: %d, want 404", status)
	}
	e.audited(registry.EntityAPIKey, m[1], []registry.AuditAction{registry.ActionCreate, registry.ActionRevoke}, secret)
}
