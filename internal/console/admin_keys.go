package console

import (
	"net/http"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

var keyFields = []string{"name", "role", "org"}

type adminKeysData struct {
	Keys []adminKey
	Form *adminForm
}

// adminKey is a key as listed: its times in China Standard Time.
type adminKey struct {
	registry.APIKey
	Created, LastUsed, Revoked string
}

func cst(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.In(chinaTime).Format("2006-01-02 15:04")
}

// adminKeys lists the API keys with the form of a new one.
func (c *console) adminKeys(w http.ResponseWriter, r *http.Request) {
	c.showKeys(w, r, http.StatusOK, newAdminForm("/console/admin/keys/new", "/console/admin/keys"))
}

func (c *console) showKeys(w http.ResponseWriter, r *http.Request, status int, f *adminForm) {
	ctx := r.Context()
	keys, err := c.accounts.ListKeys(ctx)
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	if f.Orgs, err = c.allOrganizations(ctx); err != nil {
		c.serverError(w, r, err)
		return
	}
	d := adminKeysData{Form: f}
	for _, k := range keys {
		d.Keys = append(d.Keys, adminKey{APIKey: k, Created: cst(&k.CreatedAt), LastUsed: cst(k.LastUsedAt), Revoked: cst(k.RevokedAt)})
	}
	c.render(w, r, status, "admin_keys", "console.admin.keys", "admin", d)
}

// keyCreate makes an API key and shows its secret once.
func (c *console) keyCreate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := r.ParseForm(); err != nil {
		c.fail(w, r, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	f := newAdminForm("/console/admin/keys/new", "/console/admin/keys")
	f.Values = posted(r, keyFields...)
	org, err := c.resolveOrg(ctx, f.Values["org"])
	if err != nil {
		c.serverError(w, r, err)
		return
	}
	secret, k, err := c.accounts.CreateKey(ctx, actor(r), registry.KeyInput{Name: f.Values["name"], Role: f.Values["role"], Organization: org})
	if err != nil {
		if !f.refused(viewerOf(ctx).lang, err) {
			c.writeFailed(w, r, err)
			return
		}
		c.showKeys(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	c.log.Info("console: API key created", "key", k.ID, "role", string(k.Role), "by", actor(r).UserID)
	c.render(w, r, http.StatusOK, "admin_secret", "console.admin.key_created", "admin", secretData{
		Heading: "console.admin.key_created", Explain: "console.admin.key_once", Who: k.Name, Secret: secret,
		Back: "/console/admin/keys"})
}

// keyRevoke revokes an API key; the API refuses it at once.
func (c *console) keyRevoke(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, err := c.accounts.RevokeKey(r.Context(), actor(r), id); err != nil {
		c.writeFailed(w, r, err)
		return
	}
	c.log.Info("console: API key revoked", "key", id, "by", actor(r).UserID)
	http.Redirect(w, r, "/console/admin/keys", http.StatusSeeOther)
}
