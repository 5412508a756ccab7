// Package schema embeds the SQL migrations of the registry database.
package schema

import "embed"

// Migrations holds the files of sql/migrations, named NNNN_name.up.sql and
// NNNN_name.down.sql. Migrations are append-only once shipped.
//
//go:embed migrations/*.sql
var Migrations embed.FS
