package httpapi

import "github.com/chengyu-collab/registry/internal/registry"

// fieldMessage renders a field error from the message catalogue in Chinese
// or English.
func fieldMessage(zh bool, f registry.FieldError) string {
	l := registry.En
	if zh {
		l = registry.Zh
	}
	return registry.FieldText(l, f)
}
