package main

import (
	"bytes"
	"os"
	"testing"
)

// TestGeneratedTablesAreCurrent fails when enums_gen.go is not what the
// declarations of enums.go generate: run `make generate`.
func TestGeneratedTablesAreCurrent(t *testing.T) {
	enums, err := parse("../enums.go")
	if err != nil {
		t.Fatal(err)
	}
	want, err := render(enums)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../enums_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("internal/registry/enums_gen.go is stale: run make generate")
	}
	for _, e := range enums {
		if len(e.values) == 0 {
			t.Errorf("%s has no values", e.typ)
		}
	}
}
