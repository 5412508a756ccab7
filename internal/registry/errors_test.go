package registry

import (
	"errors"
	"testing"
)

func TestForbiddenAndPreconditionErrorsMatchSentinels(t *testing.T) {
	var err error = Forbidden(ReasonNotAParty)
	if !errors.Is(err, ErrForbidden) || errors.Is(err, ErrPrecondition) {
		t.Errorf("ForbiddenError does not match ErrForbidden alone")
	}
	err = &PreconditionError{Current: 3}
	if !errors.Is(err, ErrPrecondition) || errors.Is(err, ErrForbidden) {
		t.Errorf("PreconditionError does not match ErrPrecondition alone")
	}
}
