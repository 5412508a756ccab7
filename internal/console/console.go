// Package console is the registry's web console: HTML pages for liaison
// officers and partner committees, built with html/template and embedded
// assets, that read and write through the registry's Service and accounts
// only (never SQL, never rules of their own). Pages work without
// JavaScript, speak Chinese first with a switch to English (every text
// from the registry's catalogue), and keep sessions in PostgreSQL through
// an scs store handed in by the caller.
package console

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Prefix is where the console's pages live, besides the home page at "/".
const Prefix = "/console/"

// Spreadsheet writes rows as an Excel workbook with a header row
// (ExcelSpreadsheet by default). rows calls yield for each row until it
// returns false.
type Spreadsheet func(w http.ResponseWriter, lang registry.Lang, name string, heads []string,
	rows func(yield func([]string) bool) error) error

// Deps are the console's dependencies.
type Deps struct {
	Service  *registry.Service
	Accounts *registry.Accounts
	// Sessions keeps session data (scs's postgresstore in production).
	Sessions scs.Store
	// CookieSecure marks cookies Secure; false only for plain-HTTP
	// development.
	CookieSecure bool
	// ReadRequiresKey: reads need an account (as the API's reads need a key).
	ReadRequiresKey bool
	// Spreadsheet writes Excel downloads; nil means ExcelSpreadsheet.
	Spreadsheet Spreadsheet
	Logger      *slog.Logger
	Now         func() time.Time
}

type console struct {
	svc             *registry.Service
	accounts        *registry.Accounts
	sessions        *scs.SessionManager
	readRequiresKey bool
	spreadsheet     Spreadsheet
	log             *slog.Logger
	now             func() time.Time
	pages           *pages

	choiceCache choiceCache // the pick-lists of the forms

	regionsMu    sync.Mutex
	regions      []registry.Region // reference data, loaded by migration; read once
	regionByCode map[string]*registry.Region
}

// New returns the console's handler for "/" and everything under Prefix.
func New(d Deps) (http.Handler, error) {
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	return newWithPages(d, p), nil
}

// newWithPages is New with the pages already parsed.
func newWithPages(d Deps, p *pages) http.Handler {
	sm := scs.New()
	sm.Store = d.Sessions
	sm.Lifetime = 12 * time.Hour
	sm.IdleTimeout = 2 * time.Hour
	sm.Cookie.Name = "registry_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.Secure = d.CookieSecure
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Path = "/"
	c := &console{svc: d.Service, accounts: d.Accounts, sessions: sm, readRequiresKey: d.ReadRequiresKey,
		spreadsheet: d.Spreadsheet, log: d.Logger, now: d.Now, pages: p}
	if c.spreadsheet == nil {
		c.spreadsheet = ExcelSpreadsheet
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.now == nil {
		c.now = time.Now
	}
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.fail(w, r, http.StatusForbidden, "console.error.cross_origin")
	}))
	return securityHeaders(cop.Handler(sm.LoadAndSave(c.identify(c.routes()))))
}

// Owns reports whether a path belongs to the console: the home page and
// everything under Prefix.
func Owns(path string) bool { return path == "/" || strings.HasPrefix(path, Prefix) }

func (c *console) routes() http.Handler {
	m := http.NewServeMux()
	read := func(pattern string, fn http.HandlerFunc) { m.Handle(pattern, c.mayRead(fn)) }
	write := func(pattern string, fn http.HandlerFunc) { m.Handle(pattern, c.mayWrite(fn)) }
	m.HandleFunc("GET /console/assets/{file}", c.asset)
	m.HandleFunc("GET /console/sign-in", c.signInForm)
	m.HandleFunc("POST /console/sign-in", c.signIn)
	m.HandleFunc("POST /console/sign-out", c.signOut)
	read("GET /{$}", c.home)
	for _, k := range []*kind{agreementKind, consultationKind, jointActionKind} {
		read("GET /console/"+k.path, c.list(k))
		read("GET /console/"+k.path+"/download", c.download(k))
		read("GET /console/"+k.path+"/{id}", c.detail(k))
		write("GET /console/"+k.path+"/new", c.form(k))
		write("POST /console/"+k.path+"/new", c.submit(k))
		write("GET /console/"+k.path+"/{id}/edit", c.form(k))
		write("POST /console/"+k.path+"/{id}/edit", c.submit(k))
	}
	read("GET /console/organizations", c.organizations)
	read("GET /console/organizations/{code}", c.organization)
	read("GET /console/regions", c.regionBrowser)
	read("GET /console/report", c.report)
	read("GET /console/report/download", c.reportWorkbook)
	c.adminRoutes(m)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		c.fail(w, r, http.StatusNotFound, "console.error.not_found")
	})
	return m
}

// securityHeaders sets the content security policy and its companions on
// every console answer: nothing but the service's own origin, no inline
// script or style, no framing.
func securityHeaders(next http.Handler) http.Handler {
	const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// viewer is who looks at a page and in which language.
type viewer struct {
	lang registry.Lang
	user *registry.User
}

type viewerKey struct{}

func viewerOf(ctx context.Context) viewer {
	v, _ := ctx.Value(viewerKey{}).(viewer)
	if v.lang == "" {
		v.lang = registry.Zh
	}
	return v
}

const (
	sessionUser = "user_id"
	langCookie  = "registry_lang"
)

// identify finds the page's language (?lang=, then the cookie; Chinese by
// default) and the signed-in user, asking the accounts on every request so
// that a disabled account is signed out at once.
func (c *console) identify(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := viewer{lang: registry.Zh}
		if ck, err := r.Cookie(langCookie); err == nil && ck.Value == "en" {
			v.lang = registry.En
		}
		if l := r.URL.Query().Get("lang"); l == "zh" || l == "en" {
			v.lang = registry.Lang(l)
			http.SetCookie(w, &http.Cookie{Name: langCookie, Value: l, Path: "/", MaxAge: 365 * 24 * 3600,
				HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: c.sessions.Cookie.Secure})
		}
		if id := c.sessions.GetString(r.Context(), sessionUser); id != "" {
			u, err := c.accounts.ActiveUser(r.Context(), id)
			switch {
			case err == nil:
				v.user = &u
			case errors.Is(err, registry.ErrUnauthorized):
				_ = c.sessions.Destroy(r.Context())
			default:
				c.serverError(w, r, err)
				return
			}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), viewerKey{}, v)))
	})
}

func (c *console) mayRead(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c.readRequiresKey && viewerOf(r.Context()).user == nil {
			c.toSignIn(w, r)
			return
		}
		next(w, r)
	})
}

func (c *console) mayWrite(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := viewerOf(r.Context()).user
		if u == nil {
			c.toSignIn(w, r)
			return
		}
		if registry.MayWrite(u.Actor("")) != nil {
			c.fail(w, r, http.StatusForbidden, "reason."+registry.ReasonRoleForbids)
			return
		}
		next(w, r)
	})
}

func (c *console) mayAdminister(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := viewerOf(r.Context()).user
		if u == nil {
			c.toSignIn(w, r)
			return
		}
		if registry.MayAdminister(u.Actor("")) != nil {
			c.fail(w, r, http.StatusForbidden, "reason."+registry.ReasonRoleForbids)
			return
		}
		next(w, r)
	})
}

// toSignIn sends the visitor to the sign-in page, to come back afterwards.
func (c *console) toSignIn(w http.ResponseWriter, r *http.Request) {
	back := r.URL.Path
	if r.Method == http.MethodGet && r.URL.RawQuery != "" {
		back += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, "/console/sign-in?back="+urlQueryEscape(back), http.StatusSeeOther)
}

// clientAddress is the address sign-in failures are counted against: the
// peer address (a proxy in front should be trusted explicitly, which this
// service does not do).
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// actor is the signed-in user as the Service's writer.
func actor(r *http.Request) registry.Actor {
	v := viewerOf(r.Context())
	if v.user == nil {
		return registry.Actor{}
	}
	return v.user.Actor(r.Header.Get("X-Request-ID"))
}

// chinaTime is China Standard Time, in which the console shows times.
var chinaTime = time.FixedZone("CST", 8*3600)
