// Package faults holds the registry's fault tests: database outages under
// load, graceful shutdown, slow and greedy clients, two replicas on one
// database, and durability settings. They build the real registry binary
// and run it against throwaway PostgreSQL clusters of their own (initdb
// into a temporary directory, a free loopback port), never against the
// server the other tests use.
//
// The tests carry the build tag "faults", so `go test ./...` skips them:
//
//	make faults         # all of them
//	make faults-short   # the fast subset CI runs
package faults
