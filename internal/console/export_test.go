package console

import "net/http"

// NewUnfolded is New with the pages parsed as they were before labels
// were folded: every label a call at run time, one set for both
// languages. The tests compare its pages with New's.
func NewUnfolded(d Deps) (http.Handler, error) {
	p, err := parsePagesWith(false)
	if err != nil {
		return nil, err
	}
	return newWithPages(d, p), nil
}
