package registry

import (
	"reflect"
	"strings"
	"testing"
)

// Every validator tag of the inputs maps to a catalogue code, so
// that no message comes from the validator's own translations.
func TestValidatorTagsHaveCodes(t *testing.T) {
	skip := map[string]bool{"dive": true, "omitempty": true, "omitnil": true}
	for _, v := range []any{AgreementInput{}, ConsultationInput{}, JointActionInput{}, OrganizationInput{}, AreaInput{}} {
		walkTags(reflect.TypeOf(v), map[reflect.Type]bool{}, func(tag string) {
			name, _, _ := strings.Cut(tag, "=")
			if skip[name] {
				return
			}
			code, ok := tagCodes[name]
			if !ok && (name == "max" || name == "min" || name == "lte" || name == "gte") {
				code, ok = "too_long", true // limitCode names these by kind
			}
			if !ok || !HasText(code) {
				t.Errorf("%T: validator tag %q has no catalogue code", v, name)
			}
		})
	}
	for _, code := range []string{"too_long", "too_short", "too_many", "too_few", "too_small", "too_large", "invalid"} {
		if !HasText(code) {
			t.Errorf("limit code %s is not in the catalogue", code)
		}
	}
}

func walkTags(t reflect.Type, seen map[reflect.Type]bool, fn func(string)) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return
	}
	seen[t] = true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if tags := f.Tag.Get("validate"); tags != "" {
			for _, tag := range strings.Split(tags, ",") {
				fn(tag)
			}
		}
		walkTags(f.Type, seen, fn)
	}
}
