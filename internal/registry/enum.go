package registry

import (
	"reflect"
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
