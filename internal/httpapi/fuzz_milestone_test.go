package httpapi

import (
	"encoding/json"
	"errors"
	"reflect"
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
		var req registry.MilestoneInput
		if err := decodeStrict(body, &req); err != nil {
			var be *bodyError
			if !errors.As(err, &be) || problemKinds[be.kind].status < 400 || problemKinds[be.kind].status > 499 {
				t.Fatalf("decode error %v is not a 4xx body error", err)
			}
			return
		}
		var verr *registry.ValidationError
		if err := registry.CheckFields(&req); errors.As(err, &verr) {
			for _, f := range verr.Fields {
				if f.Field == "" && f.Code != "invalid" || fieldMessage(false, f) == "" {
					t.Fatalf("field error without path or message: %+v", f)
				}
			}
			return
		} else if err != nil {
			t.Fatalf("field rules: %v", err)
		}
		raw, err := json.Marshal(req)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		var again registry.MilestoneInput
		if err := decodeStrict(raw, &again); err != nil {
			t.Fatalf("a valid value does not decode again: %v\n%s", err, raw)
		}
		if len(req.Links) == 0 {
			req.Links = nil
		}
		if len(again.Links) == 0 {
			again.Links = nil
		}
		if !reflect.DeepEqual(req, again) {
			t.Fatalf("round trip differs:\n%+v\n%+v", req, again)
		}
	})
}
