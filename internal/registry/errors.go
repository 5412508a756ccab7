package registry

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors shared by the storage and HTTP layers. The HTTP layer maps
// each one to a status code in a single place.
var (
	// ErrNotFound means the record does not exist (or may not be seen).
	ErrNotFound = errors.New("not found")
	// ErrConflict means the write collides with existing state: a duplicate
	// code or reference number, an illegal status move, an archived record.
	ErrConflict = errors.New("conflict")
	// ErrArchived means a write on an archived record; it matches
	// ErrConflict.
	ErrArchived = fmt.Errorf("%w: record is archived", ErrConflict)
	// ErrPrecondition means the caller's If-Match version is stale.
	ErrPrecondition = errors.New("precondition failed")
	// ErrInvalid means the input is well-formed but breaks a rule; the
	// concrete error is a *ValidationError listing the fields.
	ErrInvalid = errors.New("invalid input")
	// ErrBadRequest means a query parameter or cursor does not parse.
	ErrBadRequest = errors.New("bad request")
	// ErrForbidden means the caller is known but not allowed to do this.
	ErrForbidden = errors.New("forbidden")
	// ErrUnauthorized means no valid credentials were presented.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrUnavailable means the database cannot be reached right now.
	ErrUnavailable = errors.New("database unavailable")
	// ErrTransient means PostgreSQL aborted the transaction for a
	// serialization failure or a deadlock; the store runs it again.
	ErrTransient = errors.New("transient transaction conflict")
	// ErrInFlight means a request with the same idempotency key is running.
	ErrInFlight = errors.New("idempotent request in flight")
	// ErrIdempotencyMismatch means an idempotency key was reused with a
	// different request body.
	ErrIdempotencyMismatch = errors.New("idempotency key reused with a different request")
)

// FieldError describes one invalid field by its JSON path (for example
// "parties[1].organization_id"), a stable machine-readable code and the
// parameter of the rule that failed (a limit, the allowed values, ...).
type FieldError struct {
	Field string
	Code  string
	Param string
}

// ValidationError lists the fields that break the rules. It matches
// ErrInvalid with errors.Is.
type ValidationError struct {
	Fields []FieldError
}

// Error implements error.
func (e *ValidationError) Error() string {
	parts := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		parts = append(parts, f.Field+": "+f.Code)
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Is reports whether target is ErrInvalid.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Add appends a field error.
func (e *ValidationError) Add(field, code, param string) {
	e.Fields = append(e.Fields, FieldError{Field: field, Code: code, Param: param})
}

// Err returns e when it holds at least one field error, nil otherwise.
func (e *ValidationError) Err() error {
	if e == nil || len(e.Fields) == 0 {
		return nil
	}
	return e
}

// Invalid returns a validation error about a single field.
func Invalid(field, code, param string) error {
	return &ValidationError{Fields: []FieldError{{Field: field, Code: code, Param: param}}}
}

// TransitionError is an illegal status move. It matches ErrConflict and
// carries the moves that would have been allowed.
type TransitionError struct {
	From, To string
	Allowed  []string
}

// Error implements error.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("status cannot change from %s to %s", e.From, e.To)
}

// Is reports whether target is ErrConflict.
func (e *TransitionError) Is(target error) bool { return target == ErrConflict }

// ConflictError is a conflict naming the field at fault (for example a
// duplicate code). It matches ErrConflict.
type ConflictError struct {
	Field  string
	Reason string
}

// Error implements error.
func (e *ConflictError) Error() string { return e.Field + ": " + e.Reason }

// Is reports whether target is ErrConflict.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// BadParam is a query parameter that does not parse. It matches
// ErrBadRequest. Code is a catalogue code saying what is wrong (as a field
// error code: "invalid_value", "out_of_range", ...), Param fills the
// code's placeholders as a FieldError's does, and Value is the value sent,
// quoted back to the client ("" when the fault is not in one value, as for
// a missing or repeated parameter).
type BadParam struct {
	Name  string
	Code  string
	Param string
	Value string
}

// Error implements error.
func (e *BadParam) Error() string { return "query parameter " + e.Name + ": " + e.Code }

// Is reports whether target is ErrBadRequest.
func (e *BadParam) Is(target error) bool { return target == ErrBadRequest }

// ForbiddenError is a refusal of a known caller, with its reason (one of
// the Reason constants). It matches ErrForbidden.
type ForbiddenError struct {
	Reason string
}

// Error implements error.
func (e *ForbiddenError) Error() string { return "forbidden: " + e.Reason }

// Is reports whether target is ErrForbidden.
func (e *ForbiddenError) Is(target error) bool { return target == ErrForbidden }

// Forbidden returns the refusal for reason.
func Forbidden(reason string) error { return &ForbiddenError{Reason: reason} }

// PreconditionError is a stale If-Match: Current is the record's current
// version, so that the answer can name it. It matches ErrPrecondition.
type PreconditionError struct {
	Current int
}

// Error implements error.
func (e *PreconditionError) Error() string {
	return fmt.Sprintf("precondition failed: current version is %d", e.Current)
}

// Is reports whether target is ErrPrecondition.
func (e *PreconditionError) Is(target error) bool { return target == ErrPrecondition }

// ImmutableError is a change to a field that never changes (an area's
// code). It matches ErrBadRequest.
type ImmutableError struct{ Field string }

// Error implements error.
func (e *ImmutableError) Error() string { return e.Field + " is immutable" }

// Is reports whether target is ErrBadRequest.
func (e *ImmutableError) Is(target error) bool { return target == ErrBadRequest }
