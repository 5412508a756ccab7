package registry

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// TestImportDirection keeps the layers' imports running one way: the
// domain imports nothing of the project, the API never the database, the
// store never HTTP (ARCHITECTURE.md).
func TestImportDirection(t *testing.T) {
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports", "github.com/chengyu-collab/registry/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const module = "github.com/chengyu-collab/registry/"
	forbidden := map[string][]string{
		module + "internal/registry": {module},
		module + "internal/httpapi":  {"database/sql", "github.com/lib/pq", module + "internal/postgres", module + "cmd/"},
		module + "internal/postgres": {"net/http", module + "internal/httpapi", module + "cmd/"},
		module + "internal/demo":     {module + "internal/postgres", module + "internal/httpapi"},
		module + "internal/console":  {"database/sql", "github.com/lib/pq", module + "internal/postgres", module + "internal/httpapi", module + "cmd/"},
		module + "internal/config":   {module},
		module + "internal/export":   {"net/http", "database/sql", module + "internal/httpapi", module + "internal/postgres", module + "cmd/"},
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		for _, imp := range p.Imports {
			for _, bad := range forbidden[p.ImportPath] {
				if imp == bad || strings.HasPrefix(imp, bad) && (strings.HasSuffix(bad, "/") || imp[len(bad)] == '/') {
					t.Errorf("%s imports %s, against the layers' direction", p.ImportPath, imp)
				}
			}
		}
	}
}
