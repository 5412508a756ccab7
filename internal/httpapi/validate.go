package httpapi

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"github.com/chengyu-collab/registry/internal/registry"
)

var (
	codePattern   = regexp.MustCompile(`^[a-z0-9-]{2,64}$`)
	regionPattern = regexp.MustCompile(`^[0-9]{6}$`)
	langPattern   = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)
)

// checker validates request types with validator/v10: JSON field paths,
// custom tags for the registry's formats, and messages in Chinese or
// English from the message catalogue.
type checker struct {
	v *validator.Validate
}

func newChecker() *checker {
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
			_, err := registry.ParseDate(fl.Field().String())
			return err == nil
		},
		"code":    func(fl validator.FieldLevel) bool { return codePattern.MatchString(fl.Field().String()) },
		"orgref":  func(fl validator.FieldLevel) bool { return isOrgRef(fl.Field().String()) },
		"region":  func(fl validator.FieldLevel) bool { return regionPattern.MatchString(fl.Field().String()) },
		"weburl":  func(fl validator.FieldLevel) bool { return isWebURL(fl.Field().String()) },
		"langtag": func(fl validator.FieldLevel) bool { return langPattern.MatchString(fl.Field().String()) },
		"nonul":   func(fl validator.FieldLevel) bool { return !strings.ContainsRune(fl.Field().String(), 0) },
	}
	for tag, fn := range custom {
		if err := v.RegisterValidation(tag, fn); err != nil {
			panic(err) // programming error: a bad tag name
		}
	}
	return &checker{v: v}
}

// tagCodes maps validator tags to the registry's field error codes (size
// and range tags are named by limitCode; any other tag is "invalid").
var tagCodes = map[string]string{
	"required": "required", "notblank": "blank", "partialdate": "invalid_date", "code": "invalid_code",
	"orgref": "invalid_reference", "region": "invalid_region", "weburl": "invalid_url", "langtag": "invalid_language",
	"nonul": "invalid_characters", "oneof": "invalid_value", "uuid": "invalid_reference",
}

// check trims every string of req (surrounding white space is not kept),
// rejects NUL characters, and validates req. It returns the invalid fields
// with messages in the request's language, or nil.
func (c *checker) check(zh bool, req any) []ProblemField {
	var out []ProblemField
	walkStrings(reflect.ValueOf(req), "", func(path string, s string) string {
		if strings.ContainsRune(s, 0) || !utf8.ValidString(s) {
			f := registry.FieldError{Field: path, Code: "invalid_characters"}
			out = append(out, ProblemField{Field: path, Code: f.Code, Message: fieldMessage(zh, f)})
		}
		return strings.TrimSpace(s)
	})
	if out != nil {
		return out
	}
	err := c.v.Struct(req)
	if err == nil {
		return nil
	}
	verrs, ok := err.(validator.ValidationErrors)
	if !ok {
		return []ProblemField{{Field: "", Code: "invalid", Message: fieldMessage(zh, registry.FieldError{Code: "invalid"})}}
	}
	for _, fe := range verrs {
		out = append(out, c.field(zh, fe))
	}
	return out
}

// field converts one validator error: the path without the type name, a
// stable code, and the message.
func (c *checker) field(zh bool, fe validator.FieldError) ProblemField {
	path := fe.Namespace()
	if _, rest, ok := strings.Cut(path, "."); ok {
		path = rest
	}
	code, ok := tagCodes[fe.Tag()]
	param := fe.Param()
	if !ok {
		code, param = limitCode(fe)
	}
	if code == "" {
		code, param = "invalid", ""
	}
	return ProblemField{Field: path, Code: code, Message: fieldMessage(zh, registry.FieldError{Field: path, Code: code, Param: param})}
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
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
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

// isOrgRef reports whether s is a UUID or an organisation code.
func isOrgRef(s string) bool {
	return isUUID(s) || codePattern.MatchString(s)
}

// isUUID reports whether s is a UUID in canonical 8-4-4-4-12 form.
func isUUID(s string) bool {
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

func isWebURL(s string) bool {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok || (!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https")) || rest == "" {
		return false
	}
	return !strings.ContainsAny(s, " \t\r\n") && !strings.HasPrefix(rest, "/")
}
