package httpapi

import "github.com/gorilla/mux"

// Routes lists the method and path template of every /v1 route, for the
// tests of package httpapi_test that try each one.
func Routes() [][2]string {
	h := &handler{metrics: newMetrics(), limiter: newLimiter(0)}
	var out [][2]string
	_ = h.routes().(*mux.Router).Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		path, err := route.GetPathTemplate()
		if err != nil || len(path) < 4 || path[:4] != "/v1/" {
			return nil
		}
		methods, _ := route.GetMethods()
		for _, m := range methods {
			if m != "HEAD" {
				out = append(out, [2]string{m, path})
			}
		}
		return nil
	})
	return out
}
