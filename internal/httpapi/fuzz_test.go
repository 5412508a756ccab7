package httpapi

import (
	"encoding/json"
	"errors"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/registry"
)

var hostileSeeds = []string{
	`{"title_zh":"长寿区政协","type":"framework","parties":[{"organization_id":"changshou-cppcc","role":"signatory"},{"organization_id":"pengzhou-cppcc","role":"signatory"}]}`,
	`{"title_zh":"🤝 emoji","type":"framework","parties":[]}`,
	`{"title_zh":"a\u0000b","type":"framework","parties":[]}`,
	`{"title_zh":"\ud800","type":"framework","parties":[]}`,
	"{\"title_zh\":\"\xff\xfe\",\"type\":\"framework\"}",
	`{"areas_declared":1e999}`,
	`{"areas_declared":-99999999999999999999999}`,
	`{"title_zh":"a","title_zh":"b"}`,
	`{"ID":"x"}`,
	`{"Title_Zh":"x"}`,
	`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`,
	`{"parties":[{"organization_id":"'; DROP TABLE agreements; --","role":"signatory"}]}`,
	`{} {}`,
	`null`,
	``,
}

// FuzzDecodeAgreement: decoding and validating an agreement body never
// panics; it either fails with a typed body error or yields a value that
// encodes and decodes back to itself.
func FuzzDecodeAgreement(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkBodyRoundTrip(t, body, normalise) })
}

// checkBodyRoundTrip decodes body into an input T and checks what every
// body fuzzer holds: a decode error is a 4xx body error, a field error has
// a path and a message, and a valid value encodes and decodes back to
// itself (compared after normalise).
func checkBodyRoundTrip[T any](t *testing.T, body []byte, normalise func(T) T) {
	var req T
	if err := decodeStrict(body, &req); err != nil {
		var be *bodyError
		if !errors.As(err, &be) || problemKinds[be.kind].status < 400 || problemKinds[be.kind].status > 499 {
			t.Fatalf("decode error %v is not a 4xx body error", err)
		}
		return
	}
	var verr *registry.ValidationError
	if err := registry.CheckFields(&req); errors.As(err, &verr) {
		for _, f := range verr.Fields {
			if f.Field == "" && f.Code != "invalid" || fieldMessage(false, f) == "" {
				t.Fatalf("field error without path or message: %+v", f)
			}
		}
		return
	} else if err != nil {
		t.Fatalf("field rules: %v", err)
	}
	raw, err := json.Marshal(req)
	if err != nil {
		t.Fatalf("re-encode: %v", err)
	}
	var again T
	if err := decodeStrict(raw, &again); err != nil {
		t.Fatalf("a valid value does not decode again: %v\n%s", err, raw)
	}
	if !reflect.DeepEqual(normalise(req), normalise(again)) {
		t.Fatalf("round trip differs:\n%+v\n%+v", req, again)
	}
}

// normalise treats nil and empty slices alike.
func normalise(r registry.AgreementInput) registry.AgreementInput {
	if len(r.Areas) == 0 {
		r.Areas = nil
	}
	if len(r.Mechanisms) == 0 {
		r.Mechanisms = nil
	}
	if len(r.Documents) == 0 {
		r.Documents = nil
	}
	if len(r.Parties) == 0 {
		r.Parties = nil
	}
	return r
}

// FuzzListQuery: any query string yields either a filter or a 400 naming a
// parameter.
func FuzzListQuery(f *testing.F) {
	for _, s := range []string{"party=changshou-cppcc&signed_from=2023&limit=10", "limit=0", "limit=99999999999999999999",
		"cursor=%00", "region=５００１１５", "q=%27%3B+DROP+TABLE", "signed_to=2023-02-30", "status=in_force&status=draft",
		"include_archived=yes", "q=" + strings.Repeat("长", 300), "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		r := httptest.NewRequest("GET", "/v1/agreements", nil)
		r.URL.RawQuery = raw
		flt, err := agreementFilter(r)
		if err != nil {
			var bp *registry.BadParam
			if !errors.As(err, &bp) || bp.Name == "" {
				t.Fatalf("error %v is not a BadParam", err)
			}
			return
		}
		if flt.Limit < 1 || flt.Limit > 200 {
			t.Fatalf("limit %d accepted", flt.Limit)
		}
		if _, perr := url.ParseQuery(raw); perr == nil && flt.Region != "" && len(flt.Region) != 6 {
			t.Fatalf("region %q accepted", flt.Region)
		}
	})
}

// FuzzIfMatch: a header either names a version that formats back to the
// same tag, names none (-1) or means any (*).
func FuzzIfMatch(f *testing.F) {
	for _, s := range []string{`"1"`, `W/"1"`, `*`, `"abc"`, `"1", "2"`, `""`, `"-5"`, `"99999999999999999999"`, "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		r := httptest.NewRequest("PATCH", "/", nil)
		r.Header["If-Match"] = []string{h}
		v, present := ifMatch(r)
		if strings.TrimSpace(h) == "" {
			if present {
				t.Fatalf("empty If-Match counted as present")
			}
			return
		}
		if v > 0 && !strings.Contains(h, etag(v)) && !strings.Contains(h, `"`+strconv.Itoa(v)) {
			t.Fatalf("If-Match %q gave version %d", h, v)
		}
	})
}

// FuzzIdempotencyKey: accepted keys are 1–255 visible ASCII characters.
func FuzzIdempotencyKey(f *testing.F) {
	for _, s := range []string{"order-1", "", " ", "含中文", strings.Repeat("k", 256), "a\x00b", "\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, k string) {
		if !validIdempotencyKey(k) {
			return
		}
		if len(k) < 1 || len(k) > 255 {
			t.Fatalf("key of length %d accepted", len(k))
		}
		for _, r := range k {
			if r < 0x21 || r > 0x7e {
				t.Fatalf("key %q with %U accepted", k, r)
			}
		}
	})
}

// FuzzAcceptLanguage: the answer is always zh or en, zh exactly when the
// preferred tag is zh*.
func FuzzAcceptLanguage(f *testing.F) {
	for _, s := range []string{"zh-CN,zh;q=0.9,en;q=0.8", "en-US", "en;q=0.1, zh;q=0.9", "*", "zh;q=0", ";;;", "zh;q=abc", "ZH-hant"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Language", h)
		if l := lang(r); l != "zh" && l != "en" {
			t.Fatalf("lang(%q) = %q", h, l)
		}
	})
}
