package console

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/chengyu-collab/registry/internal/registry"
)

// rowsHTML writes the table rows of a list of records: a link to each
// record with its title and kind, its date, links to its parties, its
// status. A list page's rows were most of its rendering time in
// html/template (several reflective calls and escaper calls for each
// cell of each row); written here, every text is escaped with
// template.HTMLEscapeString and every address built from fixed parts and
// path segments escaped with url.PathEscape, then escaped as an attribute.
func rowsHTML(l registry.Lang, path string, rows []row) template.HTML {
	sep := ", "
	if l == registry.Zh {
		sep = "、"
	}
	archived := template.HTMLEscapeString(registry.Text(l, "console.archived", nil))
	records := "/console/" + url.PathEscape(path) + "/" // the same for every row
	var b strings.Builder
	b.Grow(len(rows) * 600)
	for _, r := range rows {
		b.WriteString("<tr>\n<td><a href=\"")
		b.WriteString(template.HTMLEscapeString(records + url.PathEscape(r.ID)))
		b.WriteString("\">")
		b.WriteString(template.HTMLEscapeString(r.Title))
		b.WriteString("</a>")
		if r.Kind != "" {
			b.WriteString(` <span class="tag">`)
			b.WriteString(template.HTMLEscapeString(r.KindLabel))
			b.WriteString("</span>")
		}
		b.WriteString("</td>\n<td class=\"nowrap\">")
		b.WriteString(template.HTMLEscapeString(r.Date))
		b.WriteString("</td>\n<td>")
		for i, code := range r.Parties {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(`<a href="`)
			b.WriteString(template.HTMLEscapeString("/console/organizations/" + url.PathEscape(code)))
			b.WriteString(`">`)
			if i < len(r.PartyNames) {
				b.WriteString(template.HTMLEscapeString(r.PartyNames[i]))
			}
			b.WriteString("</a>")
		}
		b.WriteString("</td>\n<td>")
		b.WriteString(template.HTMLEscapeString(r.StatusLabel))
		if r.Archived {
			b.WriteString(` <span class="tag">`)
			b.WriteString(archived)
			b.WriteString("</span>")
		}
		b.WriteString("</td>\n</tr>")
	}
	return template.HTML(b.String()) //nolint:gosec // every part above is escaped or fixed
}
