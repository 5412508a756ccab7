package httpapi

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Every problem kind has its title and usual detail in the catalogue.
func TestProblemKindsHaveTexts(t *testing.T) {
	for kind, k := range problemKinds {
		if !registry.HasText("title." + kind) {
			t.Errorf("problem %s has no title in the catalogue", kind)
		}
		if !registry.HasText(k.detail) {
			t.Errorf("problem %s: detail %s is not in the catalogue", kind, k.detail)
		}
	}
}

// Every catalogue code the API and the store name in their source exists:
// detail, title and reason codes in string literals, the codes of query
// parameter errors (Code: fields and q.bad calls) and of body errors.
func TestSourceCodesAreInTheCatalogue(t *testing.T) {
	var files []string
	for _, dir := range []string{".", "../postgres", "../registry"} {
		m, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		check := func(e ast.Expr) {
			lit, ok := e.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return
			}
			s, _ := strconv.Unquote(lit.Value)
			if s != "" && !registry.HasText(s) {
				t.Errorf("%s: code %q is not in the catalogue", fset.Position(lit.Pos()), s)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				s, _ := strconv.Unquote(n.Value)
				for _, prefix := range []string{"detail.", "title.", "reason."} {
					if strings.HasPrefix(s, prefix) && !strings.HasSuffix(s, ".") {
						check(n)
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Code" {
					check(n.Value)
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "bad" && len(n.Args) > 1 {
					check(n.Args[1])
				}
			}
			return true
		})
	}
}
