package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os/user"
	"strings"
	"time"

	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/registry"
)

// migrateCmd runs `migrate up` or `migrate status`.
func migrateCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) != 1 || (args[0] != "up" && args[0] != "status") {
		return fmt.Errorf("usage: registry migrate up|status")
	}
	_, store, err := openStore(ctx, getenv)
	if err != nil {
		return err
	}
	defer store.Close()
	if args[0] == "up" {
		if err := store.Migrate(); err != nil {
			return err
		}
	}
	st, err := store.MigrationStatus(ctx)
	if err != nil {
		return err
	}
	for _, v := range st.All {
		state := "pending"
		switch {
		case v < st.Current || (v == st.Current && !st.Dirty):
			state = "applied"
		case v == st.Current && st.Dirty:
			state = "dirty (failed half-way; fix and force the version)"
		}
		fmt.Fprintf(stdout, "%04d\t%s\n", v, state)
	}
	if st.UpToDate() {
		fmt.Fprintf(stderr, "schema is up to date at version %d\n", st.Current)
	} else {
		fmt.Fprintf(stderr, "schema at version %d, binary ships %d\n", st.Current, st.Latest)
	}
	return nil
}

// keysCmd runs `keys create|list|revoke`. create prints the key, and
// nothing else, on stdout.
func keysCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: registry keys create|list|revoke")
	}
	fs := flag.NewFlagSet("keys "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	org := fs.String("org", "", "organisation code (required for registrar and reader keys)")
	role := fs.String("role", "", "admin, registrar or reader")
	name := fs.String("name", "", "a label for the key")
	asJSON := fs.Bool("json", false, "print a JSON array (list)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	_, store, err := openStore(ctx, getenv)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Migrate(); err != nil {
		return err
	}
	accounts := registry.NewAccounts(store, nil)
	switch args[0] {
	case "create":
		secret, k, err := accounts.CreateKey(ctx, commandLineActor(), registry.KeyInput{Name: *name, Role: *role, Organization: *org})
		if err != nil {
			return keyError(err)
		}
		fmt.Fprintln(stdout, secret)
		fmt.Fprintf(stderr, "created key %s (%s) for %s; it is shown only once\n", k.ID, k.Role, orDash(k.OrganizationCode))
		return nil
	case "list":
		keys, err := store.ListKeys(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(keys)
		}
		for _, k := range keys {
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.ID, k.Name, k.Role, orDash(k.OrganizationCode),
				k.CreatedAt.Format(time.RFC3339), timeOrDash(k.LastUsedAt), timeOrDash(k.RevokedAt))
		}
		return nil
	case "revoke":
		if fs.NArg() != 1 {
			return fmt.Errorf("usage: registry keys revoke ID")
		}
		at, err := accounts.RevokeKey(ctx, commandLineActor(), fs.Arg(0))
		if err != nil {
			return fmt.Errorf("revoke %s: %w", fs.Arg(0), err)
		}
		fmt.Fprintf(stderr, "key %s revoked at %s\n", fs.Arg(0), at.Format(time.RFC3339))
		return nil
	}
	return fmt.Errorf("unknown keys command %q (create, list, revoke)", args[0])
}

// commandLineActor is who changes accounts and keys from the command line:
// neither a key nor an account, but the operating-system user, named in
// the audit entry's request id ("cli:root"), so that every entry says
// who made it.
func commandLineActor() registry.Actor {
	name := "unknown"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	return registry.Actor{RequestID: "cli:" + name}
}

func keyError(err error) error {
	var v *registry.ValidationError
	if errors.As(err, &v) && len(v.Fields) > 0 {
		f := v.Fields[0]
		switch f.Code {
		case "required":
			return fmt.Errorf("--%s is required", f.Field)
		case "unknown_organization":
			return fmt.Errorf("--org: no organisation with that code (load it first, e.g. registry seed --demo)")
		case "too_long":
			return fmt.Errorf("--%s: at most %s characters", f.Field, f.Param)
		default:
			return fmt.Errorf("--%s: must be one of admin, registrar, reader", f.Field)
		}
	}
	return err
}

func orDash(p *string) string {
	if p == nil || *p == "" {
		return "-"
	}
	return *p
}

func timeOrDash(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.UTC().Format(time.RFC3339)
}

// seedCmd runs `seed --demo`.
func seedCmd(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.SetOutput(stderr)
	withDemo := fs.Bool("demo", false, "load the demo data of the source document")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if !*withDemo {
		return fmt.Errorf("usage: registry seed --demo")
	}
	_, store, err := openStore(ctx, getenv)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Migrate(); err != nil {
		return err
	}
	if err := demo.Load(ctx, registry.NewService(store, nil)); err != nil {
		return err
	}
	fmt.Fprintln(stderr, "demo data loaded")
	return nil
}

// usersCmd runs `users create|list|disable|reset-password`: accounts of
// people who sign in to the web console. create and reset-password print
// the one-time password, and nothing else, on stdout.
func usersCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: registry users create|list|disable|reset-password")
	}
	fs := flag.NewFlagSet("users "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	org := fs.String("org", "", "organisation code (required for registrar and reader accounts)")
	role := fs.String("role", "", "admin, registrar or reader")
	login := fs.String("login", "", "the name the person signs in with")
	name := fs.String("name", "", "the name shown to others")
	asJSON := fs.Bool("json", false, "print a JSON array (list)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	_, store, err := openStore(ctx, getenv)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Migrate(); err != nil {
		return err
	}
	accounts := registry.NewAccounts(store, nil)
	switch args[0] {
	case "create":
		u, password, err := accounts.CreateUser(ctx, commandLineActor(), registry.UserInput{Login: *login, DisplayName: *name, Role: *role, Organization: *org})
		if err != nil {
			return userError(err)
		}
		fmt.Fprintln(stdout, password)
		fmt.Fprintf(stderr, "created user %s (%s) for %s; the password is shown only once (users reset-password makes a new one)\n",
			u.Login, u.Role, orDash(u.OrganizationCode))
		return nil
	case "list":
		users, err := accounts.ListUsers(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(users)
		}
		for _, u := range users {
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Login, u.DisplayName, u.Role, orDash(u.OrganizationCode),
				u.CreatedAt.Format(time.RFC3339), timeOrDash(u.DisabledAt))
		}
		return nil
	case "disable", "reset-password":
		if fs.NArg() != 1 {
			return fmt.Errorf("usage: registry users %s LOGIN", args[0])
		}
		if args[0] == "disable" {
			u, err := accounts.DisableUser(ctx, commandLineActor(), fs.Arg(0))
			if err != nil {
				return fmt.Errorf("disable %s: %w", fs.Arg(0), err)
			}
			fmt.Fprintf(stderr, "user %s disabled at %s; every session of it is signed out\n", u.Login, timeOrDash(u.DisabledAt))
			return nil
		}
		password, err := accounts.ResetPassword(ctx, commandLineActor(), fs.Arg(0))
		if err != nil {
			return fmt.Errorf("reset-password %s: %w", fs.Arg(0), err)
		}
		fmt.Fprintln(stdout, password)
		fmt.Fprintf(stderr, "new one-time password for %s; every session of it is signed out\n", fs.Arg(0))
		return nil
	}
	return fmt.Errorf("unknown users command %q (create, list, disable, reset-password)", args[0])
}

func userError(err error) error {
	var v *registry.ValidationError
	if errors.As(err, &v) && len(v.Fields) > 0 {
		var msgs []string
		for _, f := range v.Fields {
			msgs = append(msgs, "--"+f.Field+" "+registry.FieldText(registry.En, f))
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	var c *registry.ConflictError
	if errors.As(err, &c) {
		return fmt.Errorf("--login: a user with that login already exists")
	}
	return err
}
