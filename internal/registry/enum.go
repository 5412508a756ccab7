package registry

import (
	"reflect"
	"strconv"
	"strings"
)

// Enum is a closed set of values of type T with their labels. The tables
// are generated from the declarations in enums.go.
type Enum[T ~string] struct {
	// Name is the enum's snake_case name, as in error messages.
	Name   string
	Values []EnumValue[T]
}

// EnumValue is one value with its Chinese and English labels.
type EnumValue[T ~string] struct {
	Code T
	Zh   string
	En   string
}

// Codes returns the values as strings, in declaration order.
func (e Enum[T]) Codes() []string {
	out := make([]string, len(e.Values))
	for i, v := range e.Values {
		out[i] = string(v.Code)
	}
	return out
}

// Has reports whether s is one of the values.
func (e Enum[T]) Has(s string) bool {
	for _, v := range e.Values {
		if string(v.Code) == s {
			return true
		}
	}
	return false
}

// Label returns the label of code in the language ("zh" or "en"), or the
// code itself when it is not a value.
func (e Enum[T]) Label(lang string, code T) string {
	for _, v := range e.Values {
		if v.Code == code {
			if strings.HasPrefix(lang, "zh") {
				return v.Zh
			}
			return v.En
		}
	}
	return string(code)
}

// enumInfo is what validation needs of an enum, whatever its type.
type enumInfo struct {
	name  string
	typ   reflect.Type
	codes []string
}

func (e Enum[T]) info() enumInfo {
	var zero T
	return enumInfo{name: e.Name, typ: reflect.TypeOf(zero), codes: e.Codes()}
}

// EnumCodes returns the name and values of every enum, for the test that
// keeps the migrations' CHECK constraints equal to the domain.
func EnumCodes() map[string][]string {
	out := map[string][]string{}
	for _, e := range allEnums() {
		out[e.name] = e.codes
	}
	return out
}

// enumOf returns the enum whose type is t (or *t), if any.
func enumOf(t reflect.Type) (enumInfo, bool) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for _, e := range allEnums() {
		if e.typ == t {
			return e, true
		}
	}
	return enumInfo{}, false
}

// EnumTagMismatches lists every field reachable from typ whose Swagger
// `enums` tag differs from the values of the enum its type declares (the
// optional enum fields spell them out: Swagger 2.0 cannot mark a
// reference to an enum definition nullable).
func EnumTagMismatches(typ reflect.Type) []string {
	var out []string
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if tag, ok := f.Tag.Lookup("enums"); ok {
				e, isEnum := enumOf(f.Type)
				if want := strings.Join(e.codes, ","); !isEnum || tag != want {
					out = append(out, typ.Name()+"."+f.Name+": enums tag "+strconv.Quote(tag)+", the domain declares "+strconv.Quote(want))
				}
			}
			walk(f.Type)
		}
	}
	walk(typ)
	return out
}
