// Command goclient is an example API consumer written with the Go standard
// library only: it registers an organisation pair, an agreement between
// them and a joint action, puts the agreement in force with If-Match,
// revalidates the joint action with If-None-Match, and reads the year's
// statistics, printing what it did.
//
//	go run ./examples/goclient -url http://localhost:8080 -key "$ADMIN"
//
// The URL and the admin key may also come from REGISTRY_URL and
// REGISTRY_ADMIN_KEY. Every answer that is not the expected one stops it
// with the problem details the registry sent.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "goclient:", err)
		os.Exit(1)
	}
}

// Organization, Agreement, JointAction and Stats hold the fields of the
// registry's answers that this example reads (see /swagger/doc.json for
// all of them).
type Organization struct {
	ID         string  `json:"id"`
	Code       string  `json:"code"`
	NameZh     string  `json:"name_zh"`
	NameEn     *string `json:"name_en"`
	RegionCode *string `json:"region_code"`
	Version    int     `json:"version"`
}

// Agreement is a collaboration agreement.
type Agreement struct {
	ID      string `json:"id"`
	TitleZh string `json:"title_zh"`
	Status  string `json:"status"`
	Version int    `json:"version"`
}

// JointAction is a joint duty action.
type JointAction struct {
	ID           string `json:"id"`
	TitleZh      string `json:"title_zh"`
	Version      int    `json:"version"`
	Participants []struct {
		OrganizationCode string `json:"organization_code"`
		Role             string `json:"role"`
	} `json:"participants"`
}

// Stats are the figures of one year.
type Stats struct {
	Year       int `json:"year"`
	Agreements struct {
		Signed  int `json:"signed"`
		InForce int `json:"in_force"`
	} `json:"agreements"`
	JointActions struct {
		Total             int            `json:"total"`
		ByKind            map[string]int `json:"by_kind"`
		ByPartnerProvince map[string]int `json:"by_partner_province"`
	} `json:"joint_actions"`
	Outcomes map[string]struct {
		Count       int64 `json:"count"`
		Approximate bool  `json:"approximate"`
	} `json:"outcomes"`
}

// Problem is the body of every error answer (RFC 9457).
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Errors []struct {
		Field   string `json:"field"`
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"errors"`
}

func (p *Problem) Error() string {
	msg := fmt.Sprintf("%d %s", p.Status, p.Title)
	if p.Detail != "" {
		msg += ": " + p.Detail
	}
	for _, f := range p.Errors {
		msg += fmt.Sprintf("; %s %s (%s)", f.Field, f.Code, f.Message)
	}
	return msg
}

// client calls the registry with an API key.
type client struct {
	base string
	key  string
	http *http.Client
}

// do sends a request and decodes a JSON answer of the wanted status into
// out. A different status is returned as an error: the problem details
// when the registry sent them.
func (c *client) do(ctx context.Context, method, path string, body any, header map[string]string, want int, out any) (http.Header, error) {
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.key)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Accept-Language", "zh-CN")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req) // the transport asks for gzip and inflates it
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != want {
		p := &Problem{}
		if json.Unmarshal(raw, p) == nil && p.Status != 0 {
			return resp.Header, fmt.Errorf("%s %s: %w", method, path, p)
		}
		return resp.Header, fmt.Errorf("%s %s: HTTP %d: %.200s", method, path, resp.StatusCode, raw)
	}
	if out != nil && len(raw) > 0 {
		if err := json.Unmarshal(raw, out); err != nil {
			return resp.Header, fmt.Errorf("%s %s: %w", method, path, err)
		}
	}
	return resp.Header, nil
}

func etag(version int) string { return `"` + strconv.Itoa(version) + `"` }

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("goclient", flag.ContinueOnError)
	base := fs.String("url", getenv("REGISTRY_URL"), "registry base URL (REGISTRY_URL)")
	key := fs.String("key", getenv("REGISTRY_ADMIN_KEY"), "admin API key (REGISTRY_ADMIN_KEY)")
	year := fs.Int("year", 2024, "year of the example records and statistics")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *base == "" || *key == "" {
		return errors.New("give -url and -key (or REGISTRY_URL and REGISTRY_ADMIN_KEY)")
	}
	c := &client{base: strings.TrimRight(*base, "/"), key: *key, http: &http.Client{Timeout: 30 * time.Second}}
	suffix := strconv.FormatInt(time.Now().UnixNano()%1e10, 36)
	say := func(format string, a ...any) { fmt.Fprintf(stdout, format+"\n", a...) }

	// An organisation pair: a Chongqing committee and a Sichuan one.
	var cq, sc Organization
	if _, err := c.do(ctx, "POST", "/v1/organizations", map[string]any{"code": "go-client-cq-" + suffix, "kind": "cppcc_committee",
		"name_zh": "示例委员会（渝北）", "region_code": "500112"}, nil, http.StatusCreated, &cq); err != nil {
		return err
	}
	if _, err := c.do(ctx, "POST", "/v1/organizations", map[string]any{"code": "go-client-sc-" + suffix, "kind": "cppcc_committee",
		"name_zh": "示例委员会（锦江）", "name_en": "Example committee (Jinjiang)", "region_code": "510104"}, nil, http.StatusCreated, &sc); err != nil {
		return err
	}
	say("registered organisations %s (%s) and %s (%s)", cq.Code, cq.ID, sc.Code, sc.ID)

	// An agreement between them; the Idempotency-Key makes a retry safe.
	var ag Agreement
	h, err := c.do(ctx, "POST", "/v1/agreements", map[string]any{
		"title_zh": "渝北—锦江 示例合作协议 " + suffix, "type": "cooperation", "status": "signed",
		"signed_on": fmt.Sprintf("%d-05", *year),
		"parties":   []map[string]any{{"organization_id": cq.Code, "role": "signatory"}, {"organization_id": sc.Code, "role": "signatory"}},
		"areas":     []map[string]any{{"area_code": "culture-tourism", "label_zh": "文旅交流"}},
	}, map[string]string{"Idempotency-Key": "go-client-" + suffix}, http.StatusCreated, &ag)
	if err != nil {
		return err
	}
	say("registered agreement %s at %s, ETag %s", ag.ID, h.Get("Location"), h.Get("ETag"))

	// It comes into force: a merge patch naming the version it changes.
	if _, err := c.do(ctx, "PATCH", "/v1/agreements/"+ag.ID, map[string]any{"status": "in_force"},
		map[string]string{"If-Match": etag(ag.Version), "Content-Type": "application/merge-patch+json"}, http.StatusOK, &ag); err != nil {
		return err
	}
	say("agreement is %s, version %d", ag.Status, ag.Version)

	// A joint action under the agreement.
	var ja JointAction
	if _, err := c.do(ctx, "POST", "/v1/joint-actions", map[string]any{
		"title_zh": "渝北—锦江 示例联合调研 " + suffix, "kind": "research", "status": "completed",
		"started_on": fmt.Sprintf("%d-06", *year), "ended_on": fmt.Sprintf("%d-07-15", *year),
		"agreement_id": ag.ID, "area_code": "culture-tourism",
		"participants": []map[string]any{{"organization_id": cq.Code, "role": "lead"}, {"organization_id": sc.Code, "role": "partner"}},
		"outcomes":     []map[string]any{{"kind": "proposal", "count": 2}},
	}, nil, http.StatusCreated, &ja); err != nil {
		return err
	}
	say("registered joint action %s with %d participants", ja.ID, len(ja.Participants))

	// Revalidating a record that has not changed costs no body: 304.
	if _, err := c.do(ctx, "GET", "/v1/joint-actions/"+ja.ID, nil, map[string]string{"If-None-Match": etag(ja.Version)},
		http.StatusNotModified, nil); err != nil {
		return err
	}
	say("joint action unchanged (304 Not Modified)")

	// The year's figures for the Chongqing organisation.
	var st Stats
	q := fmt.Sprintf("/v1/stats?year=%d&organization=%s", *year, cq.Code)
	if _, err := c.do(ctx, "GET", q, nil, nil, http.StatusOK, &st); err != nil {
		return err
	}
	say("%d statistics for %s: agreements signed %d, in force %d; joint actions %d (research %d, with Sichuan %d); proposals %d",
		st.Year, cq.Code, st.Agreements.Signed, st.Agreements.InForce, st.JointActions.Total, st.JointActions.ByKind["research"],
		st.JointActions.ByPartnerProvince["510000"], st.Outcomes["proposal"].Count)
	if st.Agreements.Signed != 1 || st.Agreements.InForce != 1 || st.JointActions.Total != 1 ||
		st.JointActions.ByPartnerProvince["510000"] != 1 || st.Outcomes["proposal"].Count != 2 {
		return fmt.Errorf("unexpected statistics: %+v", st)
	}
	return nil
}
