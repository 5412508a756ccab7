// Command benchgen loads the benchmark data set into a migrated database:
//
//	go run ./bench/cmd/benchgen -db postgres://…/registry_bench -seed 1 [-short]
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"time"

	_ "github.com/lib/pq"

	"github.com/chengyu-collab/registry/bench/gen"
)

func main() {
	dbURL := flag.String("db", "", "URL of a migrated database holding no records")
	seed := flag.Int64("seed", 1, "seed of the data set")
	short := flag.Bool("short", false, "the small data set CI uses")
	scale := flag.Float64("scale", 1, "records as a multiple of the data set (0.1, 1, 3)")
	flag.Parse()
	sizes := gen.Full
	if *short {
		sizes = gen.Short
	}
	sizes = sizes.Scaled(*scale)
	if err := run(*dbURL, *seed, sizes); err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
}

func run(dbURL string, seed int64, sizes gen.Sizes) error {
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	err = gen.Load(context.Background(), db, seed, sizes, func(msg string) { fmt.Fprintln(os.Stderr, msg) })
	fmt.Fprintf(os.Stderr, "total %s\n", time.Since(start).Round(time.Millisecond))
	return err
}
