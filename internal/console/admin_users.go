package console

import (
	"errors"
	"net/http"

	"github.com/chengyu-collab/registry/internal/registry"
)

var userFields = []string{"login", "name", "role", "org"}

type adminUsersData struct {
	Users []registry.User
	Form  *adminForm
	Me    string // the administrator's own login, which may not be disabled here
}

// secretData is the page that shows a one-time password or an API key's
// secret: once, on the answer to the post that made it, never stored.
type secretData struct {
	Heading string // a catalogue code
	Explain string // a catalogue code
	Who     string
	Secret  string
	Back    string
}

// adminUsers lists the accounts with the form of a new one.
func (c *console) adminUsers(w http.ResponseWriter, r *http.Request) {
	c.showUsers(w, r, http.StatusOK, newAdminForm("/console/admin/users/new", "/console/admin/users"))
}

func (c *console) showUsers(w http.ResponseWriter, r *http.Request, status int, f *adminForm) {
	ctx := r.Context()
	users, err := c.accounts.ListUsers(ctx)
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	if f.Orgs, err = c.allOrganizations(ctx); err != nil {
		c.serverError(w, r, err)
		return
	}
	d := adminUsersData{Users: users, Form: f}
	if u := viewerOf(ctx).user; u != nil {
		d.Me = u.Login
	}
	c.render(w, r, status, "admin_users", "console.users", "admin", d)
}

// userCreate makes an account and shows its one-time password once.
func (c *console) userCreate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := r.ParseForm(); err != nil {
		c.fail(w, r, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	f := newAdminForm("/console/admin/users/new", "/console/admin/users")
	f.Values = posted(r, userFields...)
	org, err := c.resolveOrg(ctx, f.Values["org"])
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	u, password, err := c.accounts.CreateUser(ctx, actor(r), registry.UserInput{Login: f.Values["login"], DisplayName: f.Values["name"],
		Role: f.Values["role"], Organization: org})
	if err != nil {
		if !f.refused(viewerOf(ctx).lang, err) {
			c.writeFailed(w, r, err)
			return
		}
		c.showUsers(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	c.log.Info("console: account created", "login", u.Login, "role", string(u.Role), "by", actor(r).UserID)
	c.render(w, r, http.StatusOK, "admin_secret", "console.admin.user_created", "admin", secretData{
		Heading: "console.admin.user_created", Explain: "console.admin.password_once", Who: u.Login, Secret: password,
		Back: "/console/admin/users"})
}

// userReset gives an account a new one-time password (ending its
// sessions) and shows it once.
func (c *console) userReset(w http.ResponseWriter, r *http.Request) {
	login := r.PathValue("login")
	password, err := c.accounts.ResetPassword(r.Context(), actor(r), login)
	if err != nil {
		c.writeFailed(w, r, err)
		return
	}
	c.log.Info("console: password reset", "login", login, "by", actor(r).UserID)
	c.render(w, r, http.StatusOK, "admin_secret", "console.admin.password_reset", "admin", secretData{
		Heading: "console.admin.password_reset", Explain: "console.admin.password_once", Who: login, Secret: password,
		Back: "/console/admin/users"})
}

// userDisable disables an account, which signs it out everywhere at once.
// An administrator cannot disable the account it is signed in with, so
// that the last one is never locked out from here.
func (c *console) userDisable(w http.ResponseWriter, r *http.Request) {
	login := r.PathValue("login")
	if u := viewerOf(r.Context()).user; u != nil && u.Login == login {
		c.fail(w, r, http.StatusConflict, "console.admin.not_yourself")
		return
	}
	if _, err := c.accounts.DisableUser(r.Context(), actor(r), login); err != nil {
		if errors.Is(err, registry.ErrBadRequest) {
			err = registry.ErrNotFound
		}
		c.writeFailed(w, r, err)
		return
	}
	c.log.Info("console: account disabled", "login", login, "by", actor(r).UserID)
	http.Redirect(w, r, "/console/admin/users", http.StatusSeeOther)
}
