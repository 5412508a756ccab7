package httpapi_test

import (
	"strings"
	"testing"
)

func TestRegionLookupAndSwagger(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	r := api.get("/v1/regions/500115")
	expect(t, r, 200)
	if m := r.JSON(t); m["name_zh"] != "长寿区" || m["name_en"] != "Changshou District" || m["parent_code"] != "500000" {
		t.Fatalf("region 500115 = %s", r.Body)
	}
	expect(t, api.get("/healthz"), 200)
	expect(t, api.get("/readyz"), 200)
	ui := api.get("/swagger/index.html")
	expect(t, ui, 200)
	if !strings.Contains(string(ui.Body), "swagger") {
		t.Fatalf("swagger UI page lacks swagger: %.200s", ui.Body)
	}
	doc := api.get("/swagger/doc.json")
	expect(t, doc, 200)
	spec := doc.JSON(t)
	paths, _ := spec["paths"].(map[string]any)
	for _, p := range []string{"/v1/regions/{code}", "/v1/agreements", "/v1/agreements/{id}", "/v1/organizations", "/v1/audit"} {
		if paths[p] == nil {
			t.Errorf("spec lacks path %s", p)
		}
	}
	if sd, _ := spec["securityDefinitions"].(map[string]any); sd["BearerAuth"] == nil {
		t.Error("spec lacks the BearerAuth security scheme")
	}
	metrics := api.get("/metrics")
	expect(t, metrics, 200)
	for _, want := range []string{`registry_http_requests_total{method="GET",route="/v1/regions/{code}",status="200"} 1`, "registry_http_request_duration_seconds_bucket"} {
		if !strings.Contains(string(metrics.Body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestMethodNotAllowedAndOptions(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	r := api.do(req{method: "PUT", path: "/v1/agreements"})
	expectProblem(t, r, 405)
	if got := r.Header.Get("Allow"); got != "GET, HEAD, POST, OPTIONS" {
		t.Fatalf("Allow = %q", got)
	}
	r = api.do(req{method: "OPTIONS", path: "/v1/agreements/0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"})
	expect(t, r, 204)
	if got := r.Header.Get("Allow"); got != "GET, HEAD, PATCH, DELETE, OPTIONS" {
		t.Fatalf("Allow = %q", got)
	}
	head := api.do(req{method: "HEAD", path: "/v1/regions/500115"})
	if head.Status != 200 || len(head.Body) != 0 || head.Header.Get("Content-Type") == "" {
		t.Fatalf("HEAD = %d %q", head.Status, head.Body)
	}
}
