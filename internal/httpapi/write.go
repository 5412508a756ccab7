package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"reflect"
)

// decodeCreate reads and strictly decodes a create body into dst,
// answering the problem itself when it fails. The rules are the
// Service's.
func (h *handler) decodeCreate(w http.ResponseWriter, r *http.Request, dst any) bool {
	body, err := readBody(w, r, false)
	if err == nil {
		err = decodeStrict(body, dst)
	}
	if err != nil {
		h.writeError(w, r, err)
		return false
	}
	return true
}

// readPatch reads a JSON merge patch and checks its form against the
// request type shape: a JSON object, no duplicate keys, no read-only or
// unknown fields.
func (h *handler) readPatch(w http.ResponseWriter, r *http.Request, shape any) ([]byte, bool) {
	body, err := readBody(w, r, true)
	if err == nil {
		err = scanKeys(body, jsonNames(reflect.TypeOf(shape)))
	}
	if err == nil {
		var obj map[string]json.RawMessage
		if json.Unmarshal(body, &obj) != nil || obj == nil {
			err = badBody("detail.patch_not_object", nil)
		}
	}
	if err != nil {
		h.writeError(w, r, err)
		return nil, false
	}
	return body, true
}

// mergeInto applies patch (RFC 7396) to the JSON form of base, then
// decodes the result strictly into dst; the Service checks it.
func mergeInto(base any, patch []byte, dst any) error {
	baseJSON, err := json.Marshal(base)
	if err != nil {
		return err
	}
	var target, p any
	if err := decodeNumbers(baseJSON, &target); err != nil {
		return err
	}
	if err := decodeNumbers(patch, &p); err != nil {
		return badBody("detail.malformed_json_plain", nil)
	}
	merged, err := json.Marshal(mergePatch(target, p))
	if err != nil {
		return err
	}
	return decodeStrict(merged, dst)
}

func decodeNumbers(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(v)
}

// mergePatch implements RFC 7396: objects merge key by key, null removes a
// key, anything else replaces.
func mergePatch(target, patch any) any {
	pm, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	tm, ok := target.(map[string]any)
	if !ok {
		tm = map[string]any{}
	}
	for k, v := range pm {
		if v == nil {
			delete(tm, k)
		} else {
			tm[k] = mergePatch(tm[k], v)
		}
	}
	return tm
}
