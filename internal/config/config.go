// Package config loads the registry's settings from the environment.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// DefaultDatabaseURL is used when DATABASE_URL is not set: the local
// PostgreSQL over TCP with trust authentication, database "registry".
const DefaultDatabaseURL = "postgres://postgres@127.0.0.1:5432/registry?sslmode=disable"

// Config holds every setting of the service.
type Config struct {
	DatabaseURL     string        // DATABASE_URL
	Addr            string        // REGISTRY_ADDR
	ReadRequiresKey bool          // REGISTRY_READ_REQUIRES_KEY
	RateLimit       int           // REGISTRY_RATE_LIMIT, requests per minute; 0 = off
	LogLevel        slog.Level    // REGISTRY_LOG_LEVEL
	ShutdownGrace   time.Duration // REGISTRY_SHUTDOWN_GRACE
	MaxDBConns      int           // REGISTRY_DB_MAX_CONNS
	CORSOrigins     []string      // REGISTRY_CORS_ORIGINS, comma-separated
	RequestTimeout  time.Duration // REGISTRY_REQUEST_TIMEOUT: a request's wait for the database
	CookieSecure    bool          // REGISTRY_COOKIE_SECURE: console cookies only over HTTPS (false only for plain-HTTP development)
	BlobURL         string        // REGISTRY_BLOB_URL: where file bytes live ("": the folder data/blobs)
	MaxFileBytes    int64         // REGISTRY_MAX_FILE_BYTES
	// UploadSweepAfter is REGISTRY_UPLOAD_SWEEP_AFTER: how long an upload
	// may go without a sign of life before its bytes are taken for a dead
	// process's and deleted (default 1h).
	UploadSweepAfter time.Duration
}

// Load reads the configuration through getenv, applying defaults and
// checking every value.
func Load(getenv func(string) string) (Config, error) {
	c := Config{
		DatabaseURL:      DefaultDatabaseURL,
		Addr:             ":8080",
		RateLimit:        600,
		LogLevel:         slog.LevelInfo,
		ShutdownGrace:    20 * time.Second,
		MaxDBConns:       20,
		RequestTimeout:   10 * time.Second,
		CookieSecure:     true,
		MaxFileBytes:     25 << 20,
		UploadSweepAfter: time.Hour,
	}
	c.BlobURL = getenv("REGISTRY_BLOB_URL")
	if v := getenv("DATABASE_URL"); v != "" {
		c.DatabaseURL = v
	}
	if v := getenv("REGISTRY_ADDR"); v != "" {
		c.Addr = v
	}
	var err error
	if v := getenv("REGISTRY_READ_REQUIRES_KEY"); v != "" {
		if c.ReadRequiresKey, err = strconv.ParseBool(v); err != nil {
			return c, fmt.Errorf("REGISTRY_READ_REQUIRES_KEY=%q: want true or false", v)
		}
	}
	if v := getenv("REGISTRY_COOKIE_SECURE"); v != "" {
		if c.CookieSecure, err = strconv.ParseBool(v); err != nil {
			return c, fmt.Errorf("REGISTRY_COOKIE_SECURE=%q: want true or false", v)
		}
	}
	if v := getenv("REGISTRY_RATE_LIMIT"); v != "" {
		if c.RateLimit, err = strconv.Atoi(v); err != nil || c.RateLimit < 0 {
			return c, fmt.Errorf("REGISTRY_RATE_LIMIT=%q: want a whole number of requests per minute, 0 to turn it off", v)
		}
	}
	if v := getenv("REGISTRY_LOG_LEVEL"); v != "" {
		if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
			return c, fmt.Errorf("REGISTRY_LOG_LEVEL=%q: want debug, info, warn or error", v)
		}
	}
	if v := getenv("REGISTRY_SHUTDOWN_GRACE"); v != "" {
		if c.ShutdownGrace, err = time.ParseDuration(v); err != nil || c.ShutdownGrace <= 0 {
			return c, fmt.Errorf("REGISTRY_SHUTDOWN_GRACE=%q: want a positive duration such as 20s", v)
		}
	}
	if v := getenv("REGISTRY_DB_MAX_CONNS"); v != "" {
		if c.MaxDBConns, err = strconv.Atoi(v); err != nil || c.MaxDBConns < 1 {
			return c, fmt.Errorf("REGISTRY_DB_MAX_CONNS=%q: want a positive whole number", v)
		}
	}
	if v := getenv("REGISTRY_REQUEST_TIMEOUT"); v != "" {
		if c.RequestTimeout, err = time.ParseDuration(v); err != nil || c.RequestTimeout <= 0 {
			return c, fmt.Errorf("REGISTRY_REQUEST_TIMEOUT=%q: want a positive duration such as 10s", v)
		}
	}
	if v := getenv("REGISTRY_MAX_FILE_BYTES"); v != "" {
		if c.MaxFileBytes, err = strconv.ParseInt(v, 10, 64); err != nil || c.MaxFileBytes < 1 {
			return c, fmt.Errorf("REGISTRY_MAX_FILE_BYTES=%q: want a positive number of bytes", v)
		}
	}
	if v := getenv("REGISTRY_UPLOAD_SWEEP_AFTER"); v != "" {
		if c.UploadSweepAfter, err = time.ParseDuration(v); err != nil || c.UploadSweepAfter <= 0 {
			return c, fmt.Errorf("REGISTRY_UPLOAD_SWEEP_AFTER=%q: want a positive duration such as 1h", v)
		}
	}
	if v := getenv("REGISTRY_CORS_ORIGINS"); v != "" {
		for _, o := range strings.Split(v, ",") {
			if o = strings.TrimSpace(o); o != "" {
				c.CORSOrigins = append(c.CORSOrigins, o)
			}
		}
	}
	if _, err := url.Parse(c.DatabaseURL); err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err // url.Error quotes the whole URL, password included
		}
		return c, fmt.Errorf("DATABASE_URL is not a URL: %v", err)
	}
	return c, nil
}

// dsnPassword matches the password of a key=value connection string
// (host=… password=…), which lib/pq accepts as well as URLs.
var dsnPassword = regexp.MustCompile(`(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)

// MaskedDatabaseURL returns the database URL with any password (in the user
// information, a password query parameter or a key=value string) replaced
// by "xxxxx", for messages and logs.
func MaskedDatabaseURL(raw string) string {
	u, err := url.Parse(raw)
	switch {
	case err != nil && strings.Contains(raw, "://"):
		return "(a DATABASE_URL that does not parse)"
	case err != nil || u.Scheme == "":
		return dsnPassword.ReplaceAllString(raw, "${1}xxxxx")
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}
