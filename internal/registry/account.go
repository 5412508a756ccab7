package registry

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// User is an account of a person who signs in to the web console. A user
// has the permissions of an API key of the same role and organisation.
type User struct {
	ID               string     `json:"id"`
	Login            string     `json:"login"`
	DisplayName      string     `json:"display_name"`
	Role             Role       `json:"role"`
	OrganizationID   *string    `json:"-"`
	OrganizationCode *string    `json:"organization"`
	DisabledAt       *time.Time `json:"disabled_at"`
	CreatedAt        time.Time  `json:"created_at"`
	UpdatedAt        time.Time  `json:"updated_at"`
}

// Actor returns who the user is when writing through the Service.
func (u User) Actor(requestID string) Actor {
	a := Actor{UserID: u.ID, Role: u.Role, RequestID: requestID}
	if u.OrganizationID != nil {
		a.OrganizationID = *u.OrganizationID
	}
	return a
}

// UserInput is what `registry users create` sets on a new account.
type UserInput struct {
	Login        string
	DisplayName  string
	Role         string
	Organization string // a code or UUID; required for every role but admin
}

// UserStore keeps accounts, the sessions that belong to them and failed
// sign-ins; internal/postgres implements it. Every method that changes an
// account's standing (disabling it, replacing its password) also deletes
// its sessions, in the same transaction. It keeps API keys too, which
// administrators make and revoke beside accounts. Calls made with the
// context InTx hands to fn join its transaction, so that every change of
// an account or a key commits together with its audit entry.
type UserStore interface {
	KeyStore
	InTx(ctx context.Context, fn func(ctx context.Context) error) error
	Audit(ctx context.Context, by Actor, action AuditAction, entity AuditEntity, id string, before, after any) error
	ResolveOrganization(ctx context.Context, ref string) (string, error)
	InsertUser(ctx context.Context, u User, passwordHash string) (User, error)
	// UserByLogin returns the account and its password hash.
	UserByLogin(ctx context.Context, login string) (User, string, error)
	GetUser(ctx context.Context, id string) (User, error)
	ListUsers(ctx context.Context) ([]User, error)
	DisableUser(ctx context.Context, login string) (User, error)
	SetPasswordHash(ctx context.Context, login, hash string) (User, error)
	// BindSession records that a session token belongs to a user.
	BindSession(ctx context.Context, token, userID string) error
	RecordSignInFailure(ctx context.Context, login, address string) error
	// SignInFailures counts the failures since a time, of a login and of
	// an address.
	SignInFailures(ctx context.Context, login, address string, since time.Time) (byLogin, byAddress int, err error)
	ClearSignInFailures(ctx context.Context, login string) error
}

// The throttle of sign-ins: after LoginFailureLimit failures of one login,
// or AddressFailureLimit failures from one address, within
// FailureWindow, sign-ins are refused until the window has passed.
const (
	LoginFailureLimit   = 5
	AddressFailureLimit = 20
	FailureWindow       = 15 * time.Minute
)

// ThrottledError refuses a sign-in after repeated failures.
type ThrottledError struct{ RetryAfter time.Duration }

func (e *ThrottledError) Error() string {
	return "too many failed sign-ins; retry after " + e.RetryAfter.String()
}

// Is makes a ThrottledError match ErrUnauthorized.
func (e *ThrottledError) Is(target error) bool { return target == ErrUnauthorized }

// Argon2id parameters of password hashes: 64 MiB of memory, three passes
// and two lanes — the second recommended setting of RFC 9106 with the
// parallelism of a small server — a 16-byte salt and a 32-byte key. A
// hash records its own parameters, so they can be raised later without
// invalidating stored hashes.
const (
	argonMemory  = 64 * 1024 // KiB
	argonTime    = 3
	argonThreads = 2
	argonKeyLen  = 32
	argonSaltLen = 16
)

var loginPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)

// Accounts holds the rules of user accounts: who may be created, how
// passwords are made, kept and checked, and when sign-ins are throttled.
type Accounts struct {
	store UserStore
	now   func() time.Time
}

// NewAccounts returns the account rules over store; nil now means
// time.Now.
func NewAccounts(store UserStore, now func() time.Time) *Accounts {
	if now == nil {
		now = time.Now
	}
	return &Accounts{store: store, now: now}
}

// CreateUser checks and stores a new account and returns it with its
// one-time password, which is shown once and kept only as a hash. The
// account and its audit entry (by whom, the account without any password)
// are written in one transaction.
func (a *Accounts) CreateUser(ctx context.Context, by Actor, in UserInput) (User, string, error) {
	in.Login = strings.ToLower(strings.TrimSpace(in.Login))
	in.DisplayName = strings.TrimSpace(in.DisplayName)
	var v ValidationError
	switch {
	case in.Login == "":
		v.Add("login", "required", "")
	case !loginPattern.MatchString(in.Login):
		v.Add("login", "invalid_login", "")
	}
	switch n := utf8.RuneCountInString(in.DisplayName); {
	case n == 0:
		v.Add("name", "required", "")
	case n > 200:
		v.Add("name", "too_long", "200")
	}
	if !Roles.Has(in.Role) {
		v.Add("role", "invalid_value", strings.Join(Roles.Codes(), " "))
	}
	u := User{Login: in.Login, DisplayName: in.DisplayName, Role: Role(in.Role)}
	if in.Organization != "" {
		id, err := a.store.ResolveOrganization(ctx, in.Organization)
		if err != nil {
			v.Add("org", "unknown_organization", "")
		} else {
			code := in.Organization
			u.OrganizationID, u.OrganizationCode = &id, &code
		}
	} else if u.Role != RoleAdmin && Roles.Has(in.Role) {
		v.Add("org", "required", "")
	}
	if err := v.Err(); err != nil {
		return User{}, "", err
	}
	password, hash, err := newPassword()
	if err != nil {
		return User{}, "", err
	}
	err = a.store.InTx(ctx, func(ctx context.Context) error {
		var err error
		if u, err = a.store.InsertUser(ctx, u, hash); err != nil {
			return err
		}
		return a.store.Audit(ctx, by, ActionCreate, EntityUser, u.ID, nil, u)
	})
	if err != nil {
		return User{}, "", err
	}
	return u, password, nil
}

// ListUsers lists every account, oldest first.
func (a *Accounts) ListUsers(ctx context.Context) ([]User, error) { return a.store.ListUsers(ctx) }

// DisableUser disables an account and deletes its sessions, so that it is
// signed out everywhere at once; the change and its audit entry are one
// transaction.
func (a *Accounts) DisableUser(ctx context.Context, by Actor, login string) (User, error) {
	return a.changeUser(ctx, by, ActionDisable, login, func(ctx context.Context, login string) (User, error) {
		return a.store.DisableUser(ctx, login)
	})
}

// ResetPassword gives an account a new one-time password, deletes its
// sessions and returns the password. The audit entry says that the
// password was replaced, never what it is or its hash.
func (a *Accounts) ResetPassword(ctx context.Context, by Actor, login string) (string, error) {
	password, hash, err := newPassword()
	if err != nil {
		return "", err
	}
	_, err = a.changeUser(ctx, by, ActionResetPassword, login, func(ctx context.Context, login string) (User, error) {
		return a.store.SetPasswordHash(ctx, login, hash)
	})
	if err != nil {
		return "", err
	}
	return password, nil
}

// changeUser runs a change of one account and appends its audit entry,
// with the account before and after, in one transaction.
func (a *Accounts) changeUser(ctx context.Context, by Actor, action AuditAction, login string,
	change func(ctx context.Context, login string) (User, error)) (User, error) {
	login = strings.ToLower(strings.TrimSpace(login))
	var after User
	err := a.store.InTx(ctx, func(ctx context.Context) error {
		before, _, err := a.store.UserByLogin(ctx, login)
		if err != nil {
			return err
		}
		if after, err = change(ctx, login); err != nil {
			return err
		}
		return a.store.Audit(ctx, by, action, EntityUser, after.ID, before, after)
	})
	if err != nil {
		return User{}, err
	}
	return after, nil
}

// SignIn checks a login and password from an address. It refuses with a
// *ThrottledError after repeated failures, and with ErrUnauthorized for a
// wrong password, an unknown login or a disabled account alike.
func (a *Accounts) SignIn(ctx context.Context, login, password, address string) (User, error) {
	login = strings.ToLower(strings.TrimSpace(login))
	now := a.now()
	byLogin, byAddress, err := a.store.SignInFailures(ctx, login, address, now.Add(-FailureWindow))
	if err != nil {
		return User{}, err
	}
	if byLogin >= LoginFailureLimit || byAddress >= AddressFailureLimit {
		return User{}, &ThrottledError{RetryAfter: FailureWindow}
	}
	u, hash, err := a.store.UserByLogin(ctx, login)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return User{}, err
	}
	if err != nil {
		hash = unknownUserHash // the same work as a real check: no timing tells logins apart
	}
	ok := checkPassword(hash, password)
	if err != nil || !ok || u.DisabledAt != nil {
		if ferr := a.store.RecordSignInFailure(ctx, login, address); ferr != nil {
			return User{}, ferr
		}
		return User{}, ErrUnauthorized
	}
	if err := a.store.ClearSignInFailures(ctx, login); err != nil {
		return User{}, err
	}
	return u, nil
}

// BindSession records that a (freshly issued) session token belongs to
// the user, so that disabling the account deletes it.
func (a *Accounts) BindSession(ctx context.Context, token, userID string) error {
	return a.store.BindSession(ctx, token, userID)
}

// ActiveUser returns the account behind a session, or ErrUnauthorized
// when it is gone or disabled: every request of a session asks again, so
// a disabled account is signed out on every replica at once.
func (a *Accounts) ActiveUser(ctx context.Context, id string) (User, error) {
	u, err := a.store.GetUser(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return User{}, ErrUnauthorized
	}
	if err != nil {
		return User{}, err
	}
	if u.DisabledAt != nil {
		return User{}, ErrUnauthorized
	}
	return u, nil
}

// passwordAlphabet leaves out letters and digits that are easily confused
// (0/O, 1/l/I).
const passwordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// newPassword returns a random one-time password of 16 characters (about
// 93 bits) and its hash.
func newPassword() (string, string, error) {
	raw := make([]byte, 16)
	if _, err := rand.Read(raw); err != nil {
		return "", "", fmt.Errorf("random password: %w", err)
	}
	var b strings.Builder
	for _, c := range raw {
		b.WriteByte(passwordAlphabet[int(c)%len(passwordAlphabet)])
	}
	hash, err := HashPassword(b.String())
	return b.String(), hash, err
}

// HashPassword returns the Argon2id hash of a password in the PHC string
// form: $argon2id$v=19$m=65536,t=3,p=2$<salt>$<key>.
func HashPassword(password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("random salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// unknownUserHash is checked against when the login does not exist.
const unknownUserHash = "$argon2id$v=19$m=65536,t=3,p=2$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

// checkPassword reports whether password matches an Argon2id hash made by
// HashPassword, with the parameters the hash records.
func checkPassword(hash, password string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	var memory, passes uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &passes, &threads); err != nil ||
		memory == 0 || memory > 1<<21 || passes == 0 || passes > 10 || threads == 0 {
		return false
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, passes, memory, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// User returns an account by id, disabled or not (for the names of a
// record's history).
func (a *Accounts) User(ctx context.Context, id string) (User, error) {
	return a.store.GetUser(ctx, id)
}
