package console

import (
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/registry"
)

// TestRowsHTMLEscapesEveryPart: what a record carries — title, kind and
// status labels, date, party codes and names — is written as text or as an
// escaped path segment, never as markup, in both languages.
func TestRowsHTMLEscapesEveryPart(t *testing.T) {
	hostile := `<script>alert(1)</script>"'&><img src=x onerror=alert(1)>`
	r := row{ID: "x\"/../<b>", Title: hostile, Kind: "k", KindLabel: hostile, Status: "s", StatusLabel: hostile, Date: hostile,
		Parties: []string{`a"b/c?d#e`, "pengzhou-cppcc"}, PartyNames: []string{hostile, "彭州市政协"}, Archived: true}
	for _, l := range []registry.Lang{registry.Zh, registry.En} {
		got := string(rowsHTML(l, "joint-actions", []row{r, r}))
		for _, bad := range []string{"<script", "<img", "<b>", `"'`, `x"/`, `a"b`, "?d#e"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s: %q is written unescaped:\n%s", l, bad, got)
			}
		}
		for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp;&gt;&lt;img",
			`href="/console/joint-actions/x%22%2F..%2F%3Cb%3E"`, `href="/console/organizations/a%22b%2Fc%3Fd%23e"`,
			`<a href="/console/organizations/pengzhou-cppcc">彭州市政协</a>`, `<span class="tag">` + registry.Text(l, "console.archived", nil)} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: %q missing:\n%s", l, want, got)
			}
		}
		if n := strings.Count(got, "<tr>"); n != 2 {
			t.Errorf("%s: %d rows, want 2", l, n)
		}
	}
}
