package httpapi

import (
	"testing"

	"github.com/chengyu-collab/registry/internal/registry"
)

var milestoneSeeds = []string{
	`{"title_zh":"建立协商机制","title_en":"Set up a mechanism","description":"每年召开一次","responsible_organization_id":"changshou-cppcc","due_on":"2024-06","status":"open"}`,
	`{"title_zh":"完成","status":"done","done_on":"2024-05-20","links":[{"record_type":"consultation","record_id":"0193a5c2-9b2c-7d30-8e41-3f5a6b7c8d90"}]}`,
	`{"title_zh":"a\u0000b","due_on":"0000"}`,
	`{"title_zh":"\ud800","done_on":"9999-99-99"}`,
	"{\"title_zh\":\"\xff\xfe\"}",
	`{"title_zh":"x","links":[{"record_type":"agreement","record_id":"'; DROP TABLE milestones; --"}]}`,
	`{"title_zh":"x","links":null,"title_en":null,"status":""}`,
	`{"title_zh":"a","title_zh":"b"}`,
	`{"Title_Zh":"x","agreement_id":"x","overdue":true}`,
	`{"links":[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]}`,
	`{} {}`,
	`null`,
	``,
}

// FuzzDecodeMilestone: decoding and validating a milestone body never
// panics; it either fails with a typed body error or a field error with a
// path and a message, or yields a value that encodes and decodes back to
// itself.
func FuzzDecodeMilestone(f *testing.F) {
	for _, s := range append(milestoneSeeds, hostileSeeds...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkBodyRoundTrip(t, body, func(m registry.MilestoneInput) registry.MilestoneInput {
			if len(m.Links) == 0 {
				m.Links = nil
			}
			return m
		})
	})
}
