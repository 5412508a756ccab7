// Command registry runs the Chengdu–Chongqing collaboration agreement
// registry: the HTTP service, its migrations, API keys and demo data.
//
//	registry serve [--migrate=false] [--demo]
//	registry migrate up|status
//	registry keys create --role admin|registrar|reader --name LABEL [--org CODE]
//	registry keys list [--json]
//	registry keys revoke ID
//	registry users create --org CODE --role admin|registrar|reader --login NAME --name DISPLAY
//	registry users list [--json]
//	registry users disable|reset-password LOGIN
//	registry seed --demo
//	registry rebuild-read-models [--missing]
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "registry:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  registry serve [--migrate=false] [--demo]    apply migrations, optionally load the demo data, listen
  registry migrate up|status                   apply migrations, or show which are applied
  registry keys create --role ROLE --name LABEL [--org CODE]
                                               make an API key and print it (once) on stdout
  registry keys list [--json]                  list API keys
  registry keys revoke ID                      revoke an API key at once
  registry users create --role ROLE --login NAME --name DISPLAY [--org CODE]
                                               make a console account and print its one-time password
  registry users list [--json]                 list console accounts
  registry users disable LOGIN                 disable an account and sign it out everywhere
  registry users reset-password LOGIN          print a new one-time password, sign the account out
  registry seed --demo                         load the demo data of the source document (idempotent)
  registry rebuild-read-models [--missing]     recompute every record's read form, the milestones' party rows and the
                                               statistics' running sums (--missing: only the missing read forms)

configuration (environment): DATABASE_URL, REGISTRY_ADDR, REGISTRY_READ_REQUIRES_KEY,
REGISTRY_RATE_LIMIT, REGISTRY_LOG_LEVEL, REGISTRY_SHUTDOWN_GRACE, REGISTRY_DB_MAX_CONNS,
REGISTRY_CORS_ORIGINS, REGISTRY_REQUEST_TIMEOUT, REGISTRY_COOKIE_SECURE`

// run is the whole program, with its dependencies passed in.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return fmt.Errorf("no command given")
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], getenv, stderr)
	case "migrate":
		return migrateCmd(ctx, args[1:], getenv, stdout, stderr)
	case "keys":
		return keysCmd(ctx, args[1:], getenv, stdout, stderr)
	case "users":
		return usersCmd(ctx, args[1:], getenv, stdout, stderr)
	case "seed":
		return seedCmd(ctx, args[1:], getenv, stderr)
	case "rebuild-read-models":
		return rebuildCmd(ctx, args[1:], getenv, stderr)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	fmt.Fprintln(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}
