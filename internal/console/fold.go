package console

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Folding constant labels.
//
// A label action, {{t .L "console.edit"}} or {{t $L "console.edit"}} with a
// literal code, always writes the same text in a given language. Folding
// writes that text, escaped, into the template's source in place of the
// action before the page's set for that language is parsed, so that
// executing the page no longer makes a reflective call and an escaper call
// per label.
//
// Whether that is right depends on where the action stands: escaped text is
// the same as the action's output only where html/template would escape the
// label as HTML text (in an element's text, or in RCDATA such as <title>)
// or as the value of an ordinary quoted attribute (title="", aria-label=""…).
// In a script or a style, in a URL, style= or on*= attribute, or in an
// unquoted attribute value, html/template escapes differently, and the
// action is left a call. Rather than scan the HTML of the source a second
// time, labelsOf asks html/template itself: it parses and escapes an
// unfolded copy of the set and reads, from each label action, the escapers
// html/template gave it. Only an action that got exactly one of the three
// escapers below is folded; anything else (another context, a template
// called inside an attribute, a label no page reaches, a change of
// html/template's names) leaves the action a call, which is slower but
// never wrong.

// labelContext is where a label action stands, as html/template's escaper
// saw it.
type labelContext int

const (
	ctxOther  labelContext = iota // anywhere else: not folded
	ctxText                       // HTML text
	ctxRCDATA                     // the text of <title> or <textarea>
	ctxAttr                       // the value of an ordinary quoted attribute
)

// escaperContexts are the escapers html/template appends to an action in
// the contexts where a label may be folded; an action with any other
// escaper, or with more than one, is left alone.
var escaperContexts = map[string]labelContext{
	"_html_template_htmlescaper":   ctxText,
	"_html_template_rcdataescaper": ctxRCDATA,
	"_html_template_attrescaper":   ctxAttr,
}

// derivedMark is what html/template adds to the name of a template it
// escapes again for a call in another context than HTML text.
const derivedMark = "$htmltemplate_"

// source is one template file's name and text.
type source struct{ name, text string }

// label is a label action of a set: where it stands in which file, its
// code and its context.
type label struct {
	tmpl string // the template it is in
	file string
	pos  int // of the action's "t"
	code string
	ctx  labelContext
}

// parseSources parses files into one set, in order (a later definition of
// a template replaces an earlier one), as ParseFS would.
func parseSources(files []source) (*template.Template, error) {
	set := template.New("").Funcs(funcs())
	for _, f := range files {
		if _, err := set.New(f.name).Parse(f.text); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// foldSources folds, in each file, its labels that may be folded.
func foldSources(files []source, labels []label, lang registry.Lang) []source {
	byFile := map[string][]label{}
	for _, l := range labels {
		byFile[l.file] = append(byFile[l.file], l)
	}
	out := make([]source, len(files))
	for i, f := range files {
		text, _ := foldSource(f.text, byFile[f.name], lang)
		out[i] = source{f.name, text}
	}
	return out
}

// labelsOf parses and escapes an unfolded copy of the set, starting from
// the template root, and returns its label actions, each with the context
// html/template escapes it in (ctxOther where it is not one of the foldable
// ones, or in more than one). It also checks that every literal code given
// to t or tf is in the catalogue, so that a mistyped code fails at start.
func labelsOf(files []source, root string) ([]label, error) {
	set, err := parseSources(files)
	if err != nil {
		return nil, err
	}
	// Executing escapes every template reachable from root; executing
	// without data then fails at the first field, which is of no interest
	// here, but an escaping error is.
	if err := set.ExecuteTemplate(io.Discard, root, nil); err != nil {
		var escErr *template.Error
		if errors.As(err, &escErr) {
			return nil, err
		}
	}
	type key struct {
		file string
		pos  int
	}
	found := map[key]*label{}
	var order []key
	calls := map[string][]string{} // template → the templates it calls
	derived := map[string]bool{}   // templates called in another context than text
	var bad []string
	for _, tm := range set.Templates() {
		if tm.Tree == nil || tm.Tree.Root == nil {
			continue
		}
		name, file := tm.Name(), tm.Tree.ParseName
		walk(tm.Tree.Root, func(n parse.Node) {
			switch n := n.(type) {
			case *parse.TemplateNode:
				callee, _, isDerived := strings.Cut(n.Name, derivedMark)
				calls[name] = append(calls[name], callee)
				if isDerived {
					derived[callee] = true
				}
			case *parse.CommandNode:
				if code, ok := literalCode(n); ok && !registry.HasText(code) {
					bad = append(bad, fmt.Sprintf("%s: unknown catalogue code %q", file, code))
				}
			case *parse.ActionNode:
				code, pos, ctx, ok := labelAction(n)
				if !ok {
					return
				}
				k := key{file, pos}
				if l, seen := found[k]; seen {
					if l.ctx != ctx {
						l.ctx = ctxOther
					}
					return
				}
				found[k] = &label{tmpl: name, file: file, pos: pos, code: code, ctx: ctx}
				order = append(order, k)
			}
		})
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return nil, errors.New(strings.Join(bad, "; "))
	}
	// A template escaped again for another context keeps its own tree as
	// escaped for text, which would tell the wrong context: leave alone its
	// labels and those of every template it calls.
	tainted := map[string]bool{}
	var taint func(string)
	taint = func(name string) {
		if tainted[name] {
			return
		}
		tainted[name] = true
		for _, c := range calls[name] {
			taint(c)
		}
	}
	for name := range derived {
		taint(name)
	}
	labels := make([]label, 0, len(order))
	for _, k := range order {
		l := *found[k]
		if tainted[l.tmpl] {
			l.ctx = ctxOther
		}
		labels = append(labels, l)
	}
	return labels, nil
}

// walk calls visit for n and every node under it.
func walk(n parse.Node, visit func(parse.Node)) {
	if n == nil {
		return
	}
	visit(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, visit)
		}
	case *parse.ActionNode:
		walk(n.Pipe, visit)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walk(c, visit)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walk(a, visit)
		}
	case *parse.ChainNode:
		walk(n.Node, visit)
	case *parse.TemplateNode:
		walk(n.Pipe, visit)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	}
}

func walkBranch(b *parse.BranchNode, visit func(parse.Node)) {
	walk(b.Pipe, visit)
	if b.List != nil {
		walk(b.List, visit)
	}
	if b.ElseList != nil {
		walk(b.ElseList, visit)
	}
}

// literalCode is the code of a t or tf call with a literal code.
func literalCode(c *parse.CommandNode) (string, bool) {
	if len(c.Args) < 3 {
		return "", false
	}
	f, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok || (f.Ident != "t" && f.Ident != "tf") {
		return "", false
	}
	s, ok := c.Args[2].(*parse.StringNode)
	if !ok {
		return "", false
	}
	return s.Text, true
}

// labelAction reports whether an escaped action is a label, {{t .L "code"}}
// or {{t $L "code"}} and nothing else, with its code, the position of its
// "t" and its context.
func labelAction(a *parse.ActionNode) (code string, pos int, ctx labelContext, ok bool) {
	p := a.Pipe
	if p == nil || len(p.Decl) > 0 || p.IsAssign || len(p.Cmds) == 0 {
		return "", 0, 0, false
	}
	c := p.Cmds[0]
	if len(c.Args) != 3 {
		return "", 0, 0, false
	}
	f, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok || f.Ident != "t" {
		return "", 0, 0, false
	}
	switch l := c.Args[1].(type) {
	case *parse.FieldNode:
		ok = len(l.Ident) == 1 && l.Ident[0] == "L"
	case *parse.VariableNode:
		ok = len(l.Ident) == 1 && l.Ident[0] == "$L"
	default:
		ok = false
	}
	s, isString := c.Args[2].(*parse.StringNode)
	if !ok || !isString {
		return "", 0, 0, false
	}
	ctx = ctxOther
	if len(p.Cmds) == 2 && len(p.Cmds[1].Args) == 1 {
		if e, ok := p.Cmds[1].Args[0].(*parse.IdentifierNode); ok {
			ctx = escaperContexts[e.Ident]
		}
	}
	return s.Text, int(f.Pos), ctx, true
}

// foldSource writes, in text, the label actions of labels that may be
// folded as their escaped catalogue text in lang, and returns the new text
// and how many it folded.
func foldSource(text string, labels []label, lang registry.Lang) (string, int) {
	sort.Slice(labels, func(i, j int) bool { return labels[i].pos < labels[j].pos })
	var b strings.Builder
	last, folded := 0, 0
	for _, l := range labels {
		if l.ctx == ctxOther {
			continue
		}
		start, end, trimLeft, trimRight, ok := labelSpan(text, l.pos, l.code)
		if !ok || start < last {
			continue
		}
		s, ok := foldedText(registry.Text(lang, l.code, nil), l.ctx)
		if !ok {
			continue
		}
		before := text[last:start]
		if trimLeft {
			before = strings.TrimRight(before, spaceChars)
		}
		b.WriteString(before)
		b.WriteString(s)
		last = end
		if trimRight {
			for last < len(text) && strings.IndexByte(spaceChars, text[last]) >= 0 {
				last++
			}
		}
		folded++
	}
	b.WriteString(text[last:])
	return b.String(), folded
}

// spaceChars are the white space of text/template's trim markers.
const spaceChars = " \t\r\n"

// labelSpan finds, around the "t" at pos, the whole action {{t .L "code"}}
// (or with $L, with any spaces, with trim markers), and reports whether it
// is exactly that. Anything else is left alone.
func labelSpan(text string, pos int, code string) (start, end int, trimLeft, trimRight, ok bool) {
	isSpace := func(c byte) bool { return strings.IndexByte(spaceChars, c) >= 0 }
	// Back to the left delimiter.
	i := pos
	for i > 0 && isSpace(text[i-1]) {
		i--
	}
	spaced := i < pos
	if i > 0 && text[i-1] == '-' && spaced {
		trimLeft = true
		i--
	}
	if i < 2 || text[i-2:i] != "{{" {
		return 0, 0, false, false, false
	}
	start = i - 2
	// Forward over t, the language, the code and the right delimiter.
	j := pos
	if !strings.HasPrefix(text[j:], "t") {
		return 0, 0, false, false, false
	}
	j++
	skip := func() bool {
		k := j
		for j < len(text) && isSpace(text[j]) {
			j++
		}
		return j > k
	}
	if !skip() {
		return 0, 0, false, false, false
	}
	if !strings.HasPrefix(text[j:], ".L") && !strings.HasPrefix(text[j:], "$L") {
		return 0, 0, false, false, false
	}
	j += 2
	if !skip() {
		return 0, 0, false, false, false
	}
	q, err := strconv.QuotedPrefix(text[j:])
	if err != nil || q[0] != '"' {
		return 0, 0, false, false, false
	}
	if c, err := strconv.Unquote(q); err != nil || c != code {
		return 0, 0, false, false, false
	}
	j += len(q)
	spaced = skip()
	if spaced && strings.HasPrefix(text[j:], "-}}") {
		trimRight = true
		j++
	}
	if !strings.HasPrefix(text[j:], "}}") {
		return 0, 0, false, false, false
	}
	return start, j + 2, trimLeft, trimRight, true
}

// contextTemplates write a string in each foldable context, between a
// prefix and a suffix, as html/template does at run time.
var contextTemplates = map[labelContext]struct {
	t              *template.Template
	prefix, suffix string
}{
	ctxText:   {template.Must(template.New("").Parse(`{{.}}`)), "", ""},
	ctxRCDATA: {template.Must(template.New("").Parse(`<title>{{.}}</title>`)), "<title>", "</title>"},
	ctxAttr:   {template.Must(template.New("").Parse(`<p title="{{.}}">`)), `<p title="`, `">`},
}

// foldedText is s escaped for the context as html/template escapes it
// there (which is not quite template.HTMLEscapeString: it also escapes
// "+"), or false where it may not be folded: text that could read as a
// template action once in the source ("{{", or a "{" at either end that
// could meet another), and text that is empty or starts or ends with white
// space, which a neighbouring trim marker would cut where it did not cut
// the call's output.
func foldedText(s string, ctx labelContext) (string, bool) {
	ct, ok := contextTemplates[ctx]
	if !ok || s == "" || strings.Contains(s, "{{") ||
		strings.HasPrefix(s, "{") || strings.HasSuffix(s, "{") ||
		strings.IndexByte(spaceChars, s[0]) >= 0 || strings.IndexByte(spaceChars, s[len(s)-1]) >= 0 {
		return "", false
	}
	var b bytes.Buffer
	if err := ct.t.Execute(&b, s); err != nil {
		return "", false
	}
	out, ok := strings.CutPrefix(b.String(), ct.prefix)
	if !ok {
		return "", false
	}
	return strings.CutSuffix(out, ct.suffix)
}
