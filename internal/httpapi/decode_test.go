package httpapi

import (
	"errors"
	"github.com/chengyu-collab/registry/internal/registry"
	"reflect"
	"testing"
)

func TestScanKeys(t *testing.T) {
	known := jsonNames(reflect.TypeOf(registry.AgreementInput{}))
	cases := []struct {
		name, body, kind string
	}{
		{"valid nested", `{"title_zh":"  ","type":"pact","parties":[{"organization_id":"a","role":"b"},{"organization_id":"c"}],"areas_declared":6}`, ""},
		{"duplicate top-level key", `{"title_zh":"a","title_zh":"b"}`, "bad-request"},
		{"duplicate nested key", `{"parties":[{"role":"a","role":"b"}]}`, "bad-request"},
		{"same key in two objects", `{"parties":[{"role":"a"},{"role":"b"}]}`, ""},
		{"unknown key", `{"titel":"a"}`, "bad-request"},
		{"other letter case", `{"Title_Zh":"a"}`, "bad-request"},
		{"read-only id", `{"id":"x"}`, "read-only-field"},
		{"read-only in capitals", `{"VERSION":3}`, "read-only-field"},
		{"deep nesting", `{"parties":` + nested(40) + `}`, "bad-request"},
		{"malformed", `{"title_zh":`, "bad-request"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := scanKeys([]byte(c.body), known)
			var be *bodyError
			switch {
			case c.kind == "" && err != nil:
				t.Fatalf("scanKeys(%s) = %v, want nil", c.body, err)
			case c.kind != "" && (!errors.As(err, &be) || be.kind != c.kind):
				t.Fatalf("scanKeys(%s) = %v, want %s", c.body, err, c.kind)
			}
		})
	}
}

func nested(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += "["
	}
	for i := 0; i < n; i++ {
		s += "]"
	}
	return s
}

func TestLoneSurrogates(t *testing.T) {
	cases := map[string]bool{
		`{"a":"\ud800"}`:           true,
		`{"a":"\udc00x"}`:          true,
		`{"a":"\ud83d\ude00"}`:     false, // 😀 as a pair
		`{"a":"\\ud800"}`:          false, // an escaped backslash, then text
		`{"a":"\ud83d"}`:           true,
		`{"a":"\ud83d\u0041"}`:     true,
		`{"a":"长寿区 \u957f\u5bff"}`: false,
		`{"a":"\u12"}`:             false, // malformed: left to the JSON decoder
	}
	for body, want := range cases {
		if got := hasLoneSurrogate([]byte(body)); got != want {
			t.Errorf("hasLoneSurrogate(%s) = %v, want %v", body, got, want)
		}
	}
}
