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
	// 审计条目序号，按时间递增 / number of the entry, rising with time
	ID int64 `json:"id" binding:"required" example:"1"`
	// 写入时间，RFC 3339 UTC 时间 / when the write happened, RFC 3339 time in UTC
	At time.Time `json:"at" binding:"required" format:"date-time" example:"2024-05-01T08:00:00Z"`
	// 写入所用 API 密钥的 id；通过控制台写入时为 null / id of the API key that wrote; null for writes made otherwise (the console)
	ActorKeyID *string `json:"actor_key_id" binding:"required" extensions:"x-nullable" format:"uuid" example:"01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 通过控制台写入的用户 id；以 API 密钥写入时为 null / id of the console user who wrote; null for writes made with an API key
	ActorUserID *string `json:"actor_user_id" binding:"required" extensions:"x-nullable" format:"uuid" example:"01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f02"`
	// 写入者所属组织的 UUID；无组织的管理员密钥为 null / UUID of the writer's organisation; null for an admin key without one
	ActorOrganizationID *string `json:"actor_organization_id" binding:"required" extensions:"x-nullable" format:"uuid" example:"0193a5c2-8a11-7b20-9c31-2d4e5f607182"`
	// 操作 / what was done
	Action AuditAction `json:"action" binding:"required"`
	// 记录种类 / kind of record
	Entity AuditEntity `json:"entity" binding:"required"`
	// 记录的 UUID（合作领域为其代码） / UUID of the record (the code for a cooperation area)
	EntityID string `json:"entity_id" binding:"required" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 写入请求的 X-Request-ID；不经 HTTP 的写入为 null / X-Request-ID of the writing request; null for writes not made over HTTP
	RequestID *string `json:"request_id" binding:"required" extensions:"x-nullable" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 写入前的记录（JSON）；create 时为 null / the record before the write (JSON); null for create
	Before RawJSON `json:"before" binding:"required" extensions:"x-nullable" swaggertype:"object"`
	// 写入后的记录（JSON）；未给出时为 null / the record after the write (JSON); null when not given
	After RawJSON `json:"after" binding:"required" extensions:"x-nullable" swaggertype:"object"`
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
