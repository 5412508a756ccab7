package main

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/httpapi"
	"github.com/chengyu-collab/registry/internal/postgres/pgtest"
	"github.com/chengyu-collab/registry/internal/registry"
)

// TestExampleAgainstTheRegistry runs the example against the real handler
// on a fresh database with the demo data; scripts/api-checks also runs it
// against a `registry serve`.
func TestExampleAgainstTheRegistry(t *testing.T) {
	t.Parallel()
	store, _ := pgtest.New(t)
	ctx := context.Background()
	if err := demo.Load(ctx, registry.NewService(store, nil)); err != nil {
		t.Fatal(err)
	}
	key, _, err := store.CreateKey(ctx, "example", "admin", "")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.NewHandler(httpapi.Deps{Store: store}))
	defer srv.Close()

	var out bytes.Buffer
	env := map[string]string{"REGISTRY_URL": srv.URL, "REGISTRY_ADMIN_KEY": key}
	if err := run(ctx, nil, func(k string) string { return env[k] }, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"registered organisations go-client-cq-", "agreement is in_force, version 2", "304 Not Modified",
		"joint actions 1 (research 1, with Sichuan 1); proposals 2"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	if err := run(ctx, []string{"-url", srv.URL, "-key", "not-a-key"}, func(string) string { return "" }, &out); err == nil ||
		!strings.Contains(err.Error(), "401") {
		t.Fatalf("a bad key: %v", err)
	}
	if err := run(ctx, nil, func(string) string { return "" }, &out); err == nil {
		t.Fatal("no URL or key: no error")
	}
}
