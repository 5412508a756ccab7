package postgres

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/lib/pq"

	"github.com/chengyu-collab/registry/internal/registry"
)

// constraintFields names the request field behind each constraint, so that
// a violation decided by PostgreSQL still names the field at fault.
var constraintFields = map[string]string{
	"organizations_code_key":                 "code",
	"organizations_region_code_fkey":         "region_code",
	"organizations_parent_id_fkey":           "parent_id",
	"cooperation_areas_pkey":                 "code",
	"cooperation_areas_parent_code_fkey":     "parent_code",
	"agreements_ref_no_key":                  "ref_no",
	"users_login_key":                        "login",
	"agreement_parties_organization_id_fkey": "parties",
	"agreement_areas_area_code_fkey":         "areas",
	"consultations_agreement_id_fkey":        "agreement_id",
	"consultations_area_code_fkey":           "area_code",
	"joint_actions_agreement_id_fkey":        "agreement_id",
	"joint_actions_area_code_fkey":           "area_code",

	// participants of consultations and joint actions
	"consultation_participants_organization_id_fkey": "participants",
	"consultation_participants_organization_key":     "participants",
	"joint_action_participants_organization_id_fkey": "participants",
	"joint_action_participants_organization_key":     "participants",
}

// mapError turns a database error into a registry error where one applies:
// unique violations become conflicts, foreign-key violations invalid
// references naming the field, lost connections ErrUnavailable. Other
// errors are returned wrapped, for the log only.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		field := constraintFields[pqErr.Constraint]
		if field == "" {
			field = pqErr.Column
		}
		switch pqErr.Code {
		case "23505":
			return fmt.Errorf("%w", &registry.ConflictError{Field: field, Reason: "already exists"})
		case "23503":
			return fmt.Errorf("%w", registry.Invalid(field, "unknown_reference", ""))
		case "22001":
			return fmt.Errorf("%w", registry.Invalid(field, "too_long", ""))
		}
		if pqErr.Code == "40001" || pqErr.Code == "40P01" {
			return fmt.Errorf("%w: %s", registry.ErrTransient, pqErr.Code.Name())
		}
		switch pqErr.Code.Class() {
		case "08", "57", "53":
			return fmt.Errorf("%w: %s", registry.ErrUnavailable, pqErr.Code.Name())
		}
		return fmt.Errorf("database: %w", err)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if isConnectionError(err) {
		return fmt.Errorf("%w: %v", registry.ErrUnavailable, err)
	}
	return err
}

func isConnectionError(err error) bool {
	var netErr net.Error
	var opErr *net.OpError
	switch {
	case errors.Is(err, driver.ErrBadConn), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.As(err, &netErr), errors.As(err, &opErr):
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "bad connection") ||
		strings.Contains(msg, "the database system is")
}

// mergeValidation joins the field errors of a and of err (a
// *registry.ValidationError or nil), so that one answer lists them all.
func mergeValidation(a *registry.ValidationError, err error) error {
	out := &registry.ValidationError{}
	if a != nil {
		out.Fields = append(out.Fields, a.Fields...)
	}
	var b *registry.ValidationError
	if errors.As(err, &b) {
		out.Fields = append(out.Fields, b.Fields...)
	} else if err != nil {
		return err
	}
	return out.Err()
}
