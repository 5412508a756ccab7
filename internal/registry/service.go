package registry

import (
	"context"
	"time"
)

// Service holds every rule of the registry: field rules and defaults,
// cross-field rules, the status lifecycle, permissions and references.
// Every way in — the JSON API, the console, the demo loader — writes
// through it; the Store only keeps what the Service has accepted.
type Service struct {
	store Store
	now   func() time.Time
	// blobs keeps the bytes of files (nil: files cannot be added or
	// read); maxFileBytes is their size limit.
	blobs        Blobs
	maxFileBytes int64
	// sweepAfter is how long an upload's reservation may go untouched
	// before the sweeper deletes its bytes (DefaultUploadSweepAfter when 0).
	sweepAfter time.Duration
}

// NewService returns a Service over store. now is the clock of the
// "not in the future" rules; nil means time.Now.
func NewService(store Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, now: now}
}

// recordKind tells the one write sequence of the Service how to handle a
// kind of record: T is the stored record, In its writable input.
type recordKind[T, In any] struct {
	entity AuditEntity
	// admin: only admins write this kind.
	admin bool
	// key returns the record's audit id, version and whether it is
	// archived.
	key func(rec T) (id string, version int, archived bool)
	// takesPart reports whether an organisation may write the record as a
	// registrar (a party, a participant, the organisation itself).
	takesPart func(rec T, orgID string) bool
	// refusal is the reason a registrar that does not take part is
	// refused (ReasonNotAParty when empty).
	refusal string
	// prepare applies the defaults, references and cross-field rules to
	// in, whose field rules have passed; cur is the record being changed
	// (nil on create).
	prepare func(ctx context.Context, s *Service, in *In, cur *T) (T, error)
	// move checks the status lifecycle of a change (nil: any).
	move func(cur, next T) error

	lock    func(ctx context.Context, id string) (T, error)
	insert  func(ctx context.Context, rec T) (T, error)
	replace func(ctx context.Context, cur, next T) (T, error)
	archive func(ctx context.Context, id string) (T, error)
}

// mayWriteKind checks the actor's role against the kind.
func (k *recordKind[T, In]) mayWriteKind(by Actor) error {
	if by.Role == RoleAdmin || (!k.admin && by.Role == RoleRegistrar) {
		return nil
	}
	return Forbidden(ReasonRoleForbids)
}

// mayChange checks that the actor may change the current record at the
// given version (0: any): the role, taking part, the version, not archived.
func (k *recordKind[T, In]) mayChange(by Actor, cur T, version int) error {
	if err := k.mayWriteKind(by); err != nil {
		return err
	}
	_, v, archived := k.key(cur)
	switch {
	case by.Role != RoleAdmin && !k.takesPart(cur, by.OrganizationID):
		return Forbidden(k.refusalReason())
	case version != 0 && v != version:
		return &PreconditionError{Current: v}
	case archived:
		return ErrArchived
	}
	return nil
}

func (k *recordKind[T, In]) refusalReason() string {
	if k.refusal != "" {
		return k.refusal
	}
	return ReasonNotAParty
}

// create checks and stores a new record with its audit entry, in one
// transaction.
func create[T, In any](ctx context.Context, s *Service, k *recordKind[T, In], by Actor, in In) (T, error) {
	var out T
	if err := k.mayWriteKind(by); err != nil {
		return out, err
	}
	if err := CheckFields(&in); err != nil { // before the transaction: no lock waits on it
		return out, err
	}
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		rec, err := k.prepare(ctx, s, &in, nil)
		if err != nil {
			return err
		}
		if by.Role != RoleAdmin && !k.takesPart(rec, by.OrganizationID) {
			return Forbidden(k.refusalReason())
		}
		if out, err = k.insert(ctx, rec); err != nil {
			return err
		}
		id, _, _ := k.key(out)
		return s.store.Audit(ctx, by, ActionCreate, k.entity, id, nil, out)
	})
	return out, err
}

// update is the one locked-update sequence of every kind: lock, authorise,
// check the version, check the input, keep the registrar a party, check
// the lifecycle, store, audit — in one transaction.
func update[T, In any](ctx context.Context, s *Service, k *recordKind[T, In], by Actor, id string, version int, in In) (T, error) {
	var out T
	if err := k.mayWriteKind(by); err != nil {
		return out, err
	}
	if err := CheckFields(&in); err != nil { // before the row lock: no writer waits on it
		return out, err
	}
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		cur, err := k.lock(ctx, id)
		if err != nil {
			return err
		}
		if err := k.mayChange(by, cur, version); err != nil {
			return err
		}
		next, err := k.prepare(ctx, s, &in, &cur)
		if err != nil {
			return err
		}
		if by.Role != RoleAdmin && !k.takesPart(next, by.OrganizationID) {
			return Forbidden(ReasonCannotRemoveOwnOrganization)
		}
		if k.move != nil {
			if err := k.move(cur, next); err != nil {
				return err
			}
		}
		if out, err = k.replace(ctx, cur, next); err != nil {
			return err
		}
		key, _, _ := k.key(out)
		return s.store.Audit(ctx, by, ActionUpdate, k.entity, key, cur, out)
	})
	return out, err
}

// archive sets a record aside (nothing is ever deleted), with its audit
// entry.
func archive[T, In any](ctx context.Context, s *Service, k *recordKind[T, In], by Actor, id string, version int) (T, error) {
	var out T
	if err := k.mayWriteKind(by); err != nil {
		return out, err
	}
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		cur, err := k.lock(ctx, id)
		if err != nil {
			return err
		}
		if err := k.mayChange(by, cur, version); err != nil {
			return err
		}
		key, _, _ := k.key(cur)
		if out, err = k.archive(ctx, key); err != nil {
			return err
		}
		return s.store.Audit(ctx, by, ActionArchive, k.entity, key, cur, out)
	})
	return out, err
}

// checkable reports, without writing, whether the actor may change the
// record at the given version — what a caller that prepares a change
// outside the lock (a merge patch, a form) asks first, so that a stale or
// forbidden change fails before its input is read.
func checkable[T, In any](ctx context.Context, k *recordKind[T, In], by Actor, get func(ctx context.Context, id string) (T, error),
	id string, version int) (T, error) {
	cur, err := get(ctx, id)
	if err != nil {
		return cur, err
	}
	return cur, k.mayChange(by, cur, version)
}

// MayWrite reports whether the actor's role may write records of the
// registry at all (registrars and admins); the API answers a reader's
// write with it before reading the body.
func MayWrite(by Actor) error {
	if by.Role == RoleAdmin || by.Role == RoleRegistrar {
		return nil
	}
	return Forbidden(ReasonRoleForbids)
}

// MayAdminister reports whether the actor is an admin.
func MayAdminister(by Actor) error {
	if by.Role == RoleAdmin {
		return nil
	}
	return Forbidden(ReasonRoleForbids)
}
