package registry

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
)

// Formats of identifiers the field rules and query parameters check.
var (
	codePattern   = regexp.MustCompile(`^[a-z0-9-]{2,64}$`)
	regionPattern = regexp.MustCompile(`^[0-9]{6}$`)
	langPattern   = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)
)

// IsCode reports whether s is a code: 2–64 characters of a–z, 0–9 and -.
func IsCode(s string) bool { return codePattern.MatchString(s) }

// IsRegionCode reports whether s has the form of a six-digit region code.
func IsRegionCode(s string) bool { return regionPattern.MatchString(s) }

// IsUUID reports whether s is a UUID in canonical 8-4-4-4-12 form.
func IsUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, r := range s {
		switch i {
		case 8, 13, 18, 23:
			if r != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return false
			}
		}
	}
	return true
}

// IsOrgRef reports whether s may name an organisation: a UUID or a code.
func IsOrgRef(s string) bool { return IsUUID(s) || IsCode(s) }

func isWebURL(s string) bool {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok || (!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https")) || rest == "" {
		return false
	}
	return !strings.ContainsAny(s, " \t\r\n") && !strings.HasPrefix(rest, "/")
}

// fieldRulesOnce builds the validator once: building it is costly, and
// it holds no state but the rules.
var fieldRulesOnce = sync.OnceValue(newFieldRules)

// CheckFields applies the field rules of an input (a pointer to one of the
// inputs of input.go): it trims every string, then returns a
// *ValidationError naming each field that breaks a rule, or nil. The
// Service calls it on every write; loaders of generated data call it too.
func CheckFields(in any) error { return fieldRulesOnce().check(in) }

// fieldRules checks inputs against their validator tags, reporting JSON
// field paths and the registry's error codes.
type fieldRules struct{ v *validator.Validate }

func newFieldRules() *fieldRules {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	custom := map[string]validator.Func{
		"notblank": func(fl validator.FieldLevel) bool { return strings.TrimSpace(fl.Field().String()) != "" },
		"partialdate": func(fl validator.FieldLevel) bool {
			_, err := ParseDate(fl.Field().String())
			return err == nil
		},
		"code":    func(fl validator.FieldLevel) bool { return IsCode(fl.Field().String()) },
		"orgref":  func(fl validator.FieldLevel) bool { return IsOrgRef(fl.Field().String()) },
		"uuidstr": func(fl validator.FieldLevel) bool { return IsUUID(fl.Field().String()) },
		"region":  func(fl validator.FieldLevel) bool { return IsRegionCode(fl.Field().String()) },
		"weburl":  func(fl validator.FieldLevel) bool { return isWebURL(fl.Field().String()) },
		"langtag": func(fl validator.FieldLevel) bool { return langPattern.MatchString(fl.Field().String()) },
		"enum": func(fl validator.FieldLevel) bool {
			e, ok := enumOf(fl.Field().Type())
			return ok && contains(e.codes, fl.Field().String())
		},
	}
	for tag, fn := range custom {
		if err := v.RegisterValidation(tag, fn); err != nil {
			panic(err) // a programming error: a bad tag name
		}
	}
	return &fieldRules{v: v}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tagCodes maps validator tags to the registry's field error codes.
var tagCodes = map[string]string{
	"required": "required", "notblank": "blank", "partialdate": "invalid_date", "code": "invalid_code",
	"orgref": "invalid_reference", "region": "invalid_region", "weburl": "invalid_url", "langtag": "invalid_language",
	"enum": "invalid_value", "uuid": "invalid_reference", "uuidstr": "invalid_uuid",
}

// check trims every string of in (surrounding white space is not kept),
// rejects NUL characters and invalid UTF-8, and applies the field rules.
// in must be a pointer to an input.
func (c *fieldRules) check(in any) error {
	var v ValidationError
	walkStrings(reflect.ValueOf(in), "", func(path string, s string) string {
		if strings.ContainsRune(s, 0) || !utf8.ValidString(s) {
			v.Add(path, "invalid_characters", "")
		}
		return strings.TrimSpace(s)
	})
	if len(v.Fields) > 0 {
		return &v
	}
	err := c.v.Struct(in)
	if err == nil {
		return nil
	}
	verrs, ok := err.(validator.ValidationErrors)
	if !ok {
		return Invalid("", "invalid", "")
	}
	for _, fe := range verrs {
		v.Fields = append(v.Fields, fieldError(fe))
	}
	return &v
}

// fieldError converts one validator error: the JSON path without the type
// name, a stable code and the rule's parameter.
func fieldError(fe validator.FieldError) FieldError {
	path := fe.Namespace()
	if _, rest, ok := strings.Cut(path, "."); ok {
		path = rest
	}
	code, ok := tagCodes[fe.Tag()]
	param := fe.Param()
	if fe.Tag() == "enum" {
		e, _ := enumOf(fe.Type())
		param = strings.Join(e.codes, " ")
	}
	if !ok {
		code, param = limitCode(fe)
	}
	if code == "" {
		code, param = "invalid", ""
	}
	return FieldError{Field: path, Code: code, Param: param}
}

// limitCode names a size or range limit by what it limits.
func limitCode(fe validator.FieldError) (string, string) {
	kind := fe.Kind()
	if kind == reflect.Pointer {
		kind = fe.Type().Elem().Kind()
	}
	list := kind == reflect.Slice || kind == reflect.Array || kind == reflect.Map
	text := kind == reflect.String
	switch fe.Tag() {
	case "max", "lte":
		switch {
		case list:
			return "too_many", fe.Param()
		case text:
			return "too_long", fe.Param()
		}
		return "too_large", fe.Param()
	case "min", "gte":
		switch {
		case list:
			return "too_few", fe.Param()
		case text:
			return "too_short", fe.Param()
		}
		return "too_small", fe.Param()
	}
	return "", ""
}

// walkStrings calls fn on every string reachable from v (through pointers,
// structs and slices) with its JSON path, and stores what fn returns.
func walkStrings(v reflect.Value, path string, fn func(path, s string) string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			walkStrings(v.Field(i), p, fn)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkStrings(v.Index(i), path+"["+strconv.Itoa(i)+"]", fn)
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(fn(path, v.String()))
		}
	}
}
