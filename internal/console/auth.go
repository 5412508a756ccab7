package console

import (
	"errors"
	"net/http"
	"strings"

	"github.com/chengyu-collab/registry/internal/registry"
)

type signInData struct {
	Login, Back, Error string
}

// safeBack keeps a "come back to" address on this site.
func safeBack(s string) string {
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "/\\") {
		return "/"
	}
	return s
}

func (c *console) signInForm(w http.ResponseWriter, r *http.Request) {
	c.render(w, r, http.StatusOK, "sign-in", "console.sign_in", "sign-in", signInData{Back: safeBack(r.URL.Query().Get("back"))})
}

// signIn checks the login and password, then issues a fresh session token
// (never the one the visitor came with) bound to the account.
func (c *console) signIn(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d := signInData{Login: r.PostFormValue("login"), Back: safeBack(r.PostFormValue("back"))}
	u, err := c.accounts.SignIn(ctx, d.Login, r.PostFormValue("password"), clientAddress(r))
	var throttled *registry.ThrottledError
	switch {
	case errors.As(err, &throttled):
		d.Error = "console.sign_in.throttled"
		w.Header().Set("Retry-After", "900")
		c.render(w, r, http.StatusTooManyRequests, "sign-in", "console.sign_in", "sign-in", d)
		return
	case errors.Is(err, registry.ErrUnauthorized):
		d.Error = "console.sign_in.failed"
		c.render(w, r, http.StatusUnauthorized, "sign-in", "console.sign_in", "sign-in", d)
		return
	case err != nil:
		c.serverError(w, r, err)
		return
	}
	if err := c.sessions.RenewToken(ctx); err != nil {
		c.serverError(w, r, err)
		return
	}
	c.sessions.Put(ctx, sessionUser, u.ID)
	if err := c.accounts.BindSession(ctx, c.sessions.Token(ctx), u.ID); err != nil {
		c.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, d.Back, http.StatusSeeOther)
}

// signOut ends the session everywhere (it lives in PostgreSQL).
func (c *console) signOut(w http.ResponseWriter, r *http.Request) {
	if err := c.sessions.Destroy(r.Context()); err != nil {
		c.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
