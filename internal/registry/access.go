package registry

import "time"

// APIKey is a stored API key; the secret itself is never kept, only its
// hash.
type APIKey struct {
	ID               string     `json:"id"`
	Name             string     `json:"name"`
	Role             Role       `json:"role"`
	OrganizationID   *string    `json:"-"`
	OrganizationCode *string    `json:"organization"`
	CreatedAt        time.Time  `json:"created_at"`
	LastUsedAt       *time.Time `json:"last_used_at"`
	RevokedAt        *time.Time `json:"revoked_at"`
}

// Actor is who performs a write: the API key, its organisation and the
// request it came with, or the console user. A zero KeyID and UserID mean
// the command line (demo loader).
type Actor struct {
	KeyID          string
	UserID         string
	Role           Role
	OrganizationID string
	RequestID      string
}

// IsAdmin reports whether the actor holds the admin role.
func (a Actor) IsAdmin() bool { return a.Role == RoleAdmin }

// AuditEntry is one append-only record of a successful write.
type AuditEntry struct {
	ID                  int64       `json:"id" binding:"required" example:"1"`
	At                  time.Time   `json:"at" binding:"required" format:"date-time"`
	ActorKeyID          *string     `json:"actor_key_id" binding:"required" extensions:"x-nullable" format:"uuid"`
	ActorUserID         *string     `json:"actor_user_id" binding:"required" extensions:"x-nullable" format:"uuid"`
	ActorOrganizationID *string     `json:"actor_organization_id" binding:"required" extensions:"x-nullable" format:"uuid"`
	Action              AuditAction `json:"action" binding:"required"`
	Entity              AuditEntity `json:"entity" binding:"required"`
	EntityID            string      `json:"entity_id" binding:"required"`
	RequestID           *string     `json:"request_id" binding:"required" extensions:"x-nullable"`
	Before              RawJSON     `json:"before" binding:"required" extensions:"x-nullable" swaggertype:"object"`
	After               RawJSON     `json:"after" binding:"required" extensions:"x-nullable" swaggertype:"object"`
} // @name AuditEntry

// RawJSON is a JSON document kept as bytes; nil encodes as null.
type RawJSON []byte

// MarshalJSON implements json.Marshaler.
func (r RawJSON) MarshalJSON() ([]byte, error) {
	if len(r) == 0 {
		return []byte("null"), nil
	}
	return r, nil
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	Entity            AuditEntity
	EntityID          string
	Actor             string
	ActorOrganization string
	From, To          *time.Time // inclusive bounds
	Limit             int
	Cursor            string
}

// StoredResponse is a response kept for idempotent replay.
type StoredResponse struct {
	Status   int
	Location string
	ETag     string
	Body     []byte
}
