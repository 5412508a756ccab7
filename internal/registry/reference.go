package registry

import "time"

// Region is an administrative division of Chongqing or Sichuan, identified
// by its six-digit GB/T 2260 code.
type Region struct {
	Code       string      `json:"code" binding:"required" example:"500115"`
	NameZh     string      `json:"name_zh" binding:"required" example:"长寿区"`
	NameEn     *string     `json:"name_en" binding:"required" extensions:"x-nullable" example:"Changshou District"`
	Level      RegionLevel `json:"level" binding:"required"`
	ParentCode *string     `json:"parent_code" binding:"required" extensions:"x-nullable" example:"500000"`
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
	Code       string    `json:"code" binding:"required" example:"culture-tourism"`
	NameZh     string    `json:"name_zh" binding:"required" example:"文旅交流"`
	NameEn     *string   `json:"name_en" binding:"required" extensions:"x-nullable" example:"Cultural and tourism exchange"`
	ParentCode *string   `json:"parent_code" binding:"required" extensions:"x-nullable"`
	Version    int       `json:"version" binding:"required" example:"1"`
	CreatedAt  time.Time `json:"created_at" binding:"required" format:"date-time"`
	UpdatedAt  time.Time `json:"updated_at" binding:"required" format:"date-time"`
} // @name CooperationArea

// Organization is a body that signs agreements or takes part in joint work.
type Organization struct {
	ID          string           `json:"id" binding:"required" format:"uuid"`
	Code        string           `json:"code" binding:"required" example:"changshou-cppcc"`
	Kind        OrganizationKind `json:"kind" binding:"required"`
	NameZh      string           `json:"name_zh" binding:"required" example:"中国人民政治协商会议重庆市长寿区委员会"`
	NameEn      *string          `json:"name_en" binding:"required" extensions:"x-nullable" example:"Changshou District Committee of the CPPCC"`
	ShortNameZh *string          `json:"short_name_zh" binding:"required" extensions:"x-nullable" example:"长寿区政协"`
	ShortNameEn *string          `json:"short_name_en" binding:"required" extensions:"x-nullable" example:"Changshou CPPCC"`
	RegionCode  *string          `json:"region_code" binding:"required" extensions:"x-nullable" example:"500115"`
	ParentID    *string          `json:"parent_id" binding:"required" extensions:"x-nullable" format:"uuid"`
	Version     int              `json:"version" binding:"required" example:"1"`
	CreatedAt   time.Time        `json:"created_at" binding:"required" format:"date-time"`
	UpdatedAt   time.Time        `json:"updated_at" binding:"required" format:"date-time"`
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
