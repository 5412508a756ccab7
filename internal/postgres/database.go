package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/lib/pq"
)

// EnsureDatabase creates the database named by dbURL when the server
// answers that it does not exist, so that a fresh machine needs no manual
// set-up. It connects to the server's "postgres" database to do so.
func EnsureDatabase(ctx context.Context, dbURL string) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return fmt.Errorf("open database: %w", err)
	}
	err = db.PingContext(ctx)
	db.Close()
	var pqErr *pq.Error
	if err == nil || !errors.As(err, &pqErr) || pqErr.Code != "3D000" {
		return err
	}
	u, perr := url.Parse(dbURL)
	if perr != nil || strings.Trim(u.Path, "/") == "" {
		return err
	}
	name := strings.Trim(u.Path, "/")
	u.Path = "/postgres"
	admin, aerr := sql.Open("postgres", u.String())
	if aerr != nil {
		return fmt.Errorf("open maintenance database: %w", aerr)
	}
	defer admin.Close()
	if _, cerr := admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(name)); cerr != nil {
		if errors.As(cerr, &pqErr) && pqErr.Code == "42P04" {
			return nil // created meanwhile by another process
		}
		return fmt.Errorf("create database %s: %w", name, cerr)
	}
	return nil
}
