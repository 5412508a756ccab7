package registry

import (
	"reflect"
	"testing"
)

// TestEnumTagsMatchTheDomain: Swagger 2.0 cannot describe a nullable
// reference to an enum definition (x-nullable does not reach into allOf),
// so the optional enum fields spell their values in an `enums` tag. This
// keeps every such tag equal to the enum its field's type declares.
func TestEnumTagsMatchTheDomain(t *testing.T) {
	for _, v := range []any{Agreement{}, Consultation{}, JointAction{}, AgreementInput{}, ConsultationInput{}, JointActionInput{}} {
		for _, m := range EnumTagMismatches(reflect.TypeOf(v)) {
			t.Error(m)
		}
	}
}
