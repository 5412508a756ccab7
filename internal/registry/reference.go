package registry

import "time"

// Region is an administrative division of Chongqing or Sichuan, identified
// by its six-digit GB/T 2260 code.
type Region struct {
	// 六位 GB/T 2260 行政区划代码 / six-digit GB/T 2260 code
	Code string `json:"code" binding:"required" example:"500115"`
	// 中文名称 / name in Chinese
	NameZh string `json:"name_zh" binding:"required" example:"长寿区"`
	// 英文名称；未给出时为 null / name in English; null when not given
	NameEn *string `json:"name_en" binding:"required" extensions:"x-nullable" example:"Changshou District"`
	// 行政级别 / administrative level
	Level RegionLevel `json:"level" binding:"required"`
	// 上级行政区划代码；省级为 null / code of the region above it; null for a province
	ParentCode *string `json:"parent_code" binding:"required" extensions:"x-nullable" example:"500000"`
} // @name Region

// RegionFilter selects regions.
type RegionFilter struct {
	Level  RegionLevel
	Parent string
	Limit  int
	Cursor string
}

// CooperationArea is one entry of the cooperation-area taxonomy.
type CooperationArea struct {
	// 领域代码，2–64 个小写字母、数字或连字符，创建后不可修改 / area code, 2–64 characters of a–z, 0–9 and -, immutable
	Code string `json:"code" binding:"required" example:"culture-tourism"`
	// 中文名称，1–200 个字符 / name in Chinese, 1–200 characters
	NameZh string `json:"name_zh" binding:"required" example:"文旅交流"`
	// 英文名称，1–200 个字符；未给出时为 null / name in English, 1–200 characters; null when not given
	NameEn *string `json:"name_en" binding:"required" extensions:"x-nullable" example:"Cultural and tourism exchange"`
	// 上级领域代码；未给出时为 null / code of the parent area; null when not given
	ParentCode *string `json:"parent_code" binding:"required" extensions:"x-nullable" example:"industry"`
	// 记录版本号，每次修改加 1；ETag 即其带引号形式 / version of the record, one more with every change; the ETag is it in quotes
	Version int `json:"version" binding:"required" example:"1"`
	// 创建时间，RFC 3339 UTC 时间 / when it was created, RFC 3339 time in UTC
	CreatedAt time.Time `json:"created_at" binding:"required" format:"date-time" example:"2024-05-01T08:00:00Z"`
	// 最后修改时间，RFC 3339 UTC 时间 / when it last changed, RFC 3339 time in UTC
	UpdatedAt time.Time `json:"updated_at" binding:"required" format:"date-time" example:"2024-05-02T09:30:00Z"`
} // @name CooperationArea

// Organization is a body that signs agreements or takes part in joint work.
type Organization struct {
	// 服务器分配的 UUID（只读） / UUID chosen by the server (read-only)
	ID string `json:"id" binding:"required" format:"uuid" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 组织代码，2–64 个小写字母、数字或连字符，唯一 / organisation code, 2–64 characters of a–z, 0–9 and -, unique
	Code string `json:"code" binding:"required" example:"changshou-cppcc"`
	// 组织类别 / kind of organisation
	Kind OrganizationKind `json:"kind" binding:"required"`
	// 中文名称，1–200 个字符 / name in Chinese, 1–200 characters
	NameZh string `json:"name_zh" binding:"required" example:"中国人民政治协商会议重庆市长寿区委员会"`
	// 英文名称，1–200 个字符；未给出时为 null / name in English, 1–200 characters; null when not given
	NameEn *string `json:"name_en" binding:"required" extensions:"x-nullable" example:"Changshou District Committee of the CPPCC"`
	// 中文简称，1–50 个字符；未给出时为 null / short name in Chinese, 1–50 characters; null when not given
	ShortNameZh *string `json:"short_name_zh" binding:"required" extensions:"x-nullable" example:"长寿区政协"`
	// 英文简称，1–50 个字符；未给出时为 null / short name in English, 1–50 characters; null when not given
	ShortNameEn *string `json:"short_name_en" binding:"required" extensions:"x-nullable" example:"Changshou CPPCC"`
	// 所在行政区划的六位 GB/T 2260 代码；未给出时为 null / six-digit GB/T 2260 code of its region; null when not given
	RegionCode *string `json:"region_code" binding:"required" extensions:"x-nullable" example:"500115"`
	// 上级组织的 UUID；未给出时为 null / UUID of the parent organisation; null when not given
	ParentID *string `json:"parent_id" binding:"required" extensions:"x-nullable" format:"uuid" example:"01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 记录版本号，每次修改加 1；ETag 即其带引号形式 / version of the record, one more with every change; the ETag is it in quotes
	Version int `json:"version" binding:"required" example:"1"`
	// 创建时间，RFC 3339 UTC 时间 / when it was created, RFC 3339 time in UTC
	CreatedAt time.Time `json:"created_at" binding:"required" format:"date-time" example:"2024-05-01T08:00:00Z"`
	// 最后修改时间，RFC 3339 UTC 时间 / when it last changed, RFC 3339 time in UTC
	UpdatedAt time.Time `json:"updated_at" binding:"required" format:"date-time" example:"2024-05-02T09:30:00Z"`
} // @name Organization

// OrganizationFilter selects organisations.
type OrganizationFilter struct {
	Kind   OrganizationKind
	Region string
	Q      string
	Limit  int
	Cursor string
}

// Page is one page of a keyset-paginated list. Next is empty on the last
// page.
type Page[T any] struct {
	Items []T
	Next  string
}
