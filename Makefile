# The registry's everyday commands. The README's two commands are
# `make run` and `make test`.

SWAG_VERSION := v1.16.6
GOBIN        := $(shell go env GOPATH)/bin
SWAG         := $(GOBIN)/swag

.PHONY: run test docs docs-check lint build bench bench-short faults tools fuzz-short

## run: start the service on :8080 against the local PostgreSQL (created
## and migrated if needed) with the demo data loaded.
run:
	./scripts/ensure-postgres
	REGISTRY_COOKIE_SECURE=false go run ./cmd/registry serve --demo

## test: the whole test suite against the real PostgreSQL, with the race detector.
test:
	./scripts/ensure-postgres
	go test -race -count=1 ./...

build:
	CGO_ENABLED=0 go build -trimpath -o bin/registry ./cmd/registry

$(SWAG):
	go install github.com/swaggo/swag/cmd/swag@$(SWAG_VERSION)

tools: $(SWAG)

## generate: the enum tables of internal/registry from its declarations
## (enums.go); a test fails when they are stale.
.PHONY: generate
generate:
	go generate ./internal/registry

## docs: regenerate docs/ from the Swagger annotations.
docs: $(SWAG)
	$(SWAG) init --quiet -g api.go -d internal/httpapi,internal/registry -o docs --outputTypes go,json,yaml --parseInternal
	gofmt -w docs/docs.go

## docs-check: fail when docs/ differs from what the annotations generate.
docs-check: docs
	git diff --exit-code -- docs/ || (echo "docs/ is stale: run make docs and commit" >&2; exit 1)

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); echo "gofmt needed" >&2; exit 1)
	go vet ./...

# Fuzz targets: every parser that sees outside input. The budget is a
# count of executions, not a duration: a duration races Go 1.26's fuzzing
# coordinator, which then reports a spurious "context deadline exceeded"
# (golang/go#75804, fixed in Go 1.27).
FUZZTIME ?= 30000x
FUZZ_TARGETS := internal/registry:FuzzParseDate internal/httpapi:FuzzDecodeAgreement internal/httpapi:FuzzListQuery \
	internal/httpapi:FuzzIfMatch internal/httpapi:FuzzIdempotencyKey internal/httpapi:FuzzAcceptLanguage \
	internal/httpapi:FuzzDecodeMilestone internal/postgres:FuzzCursor

## fuzz-short: run each fuzz target for FUZZTIME executions (CI uses the default).
fuzz-short:
	@for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; fn=$${t#*:}; echo "fuzz $$fn ($(FUZZTIME))"; \
		go test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) ./$$pkg || exit 1; done

## export-checks: install LibreOffice (Debian's libreoffice-calc-nogui) when
## soffice is missing, then open the annual report with it: every sheet
## converted to CSV must keep its Chinese text, rows and figures.
.PHONY: export-checks
export-checks:
	./scripts/ensure-postgres
	command -v soffice >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui; }
	go test -count=1 -v -run '^TestAnnualReportInLibreOffice$$' ./internal/httpapi

## bench: the load benchmark at scales 0.1, 1 and 3 of the full data set
## (each loaded once into its own database, then reused), the GET cases
## driven by wrk (Debian's package, installed when missing).
bench: wrk
	./scripts/ensure-postgres
	go run ./bench/cmd/bench -scales 0.1,1,3

## bench-short: the same harness on a small data set at one scale with
## short runs; CI checks that it runs, not how fast.
bench-short: wrk
	./scripts/ensure-postgres
	go run ./bench/cmd/bench -short

## bench-compare: the registry before the read forms against the current
## tree, on the same data set: bench/results/compare.md.
.PHONY: bench-compare wrk
bench-compare: wrk
	./scripts/ensure-postgres
	./scripts/bench-compare

wrk:
	command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk; }

## api-checks: the API as its consumers meet it, with pinned third-party
## tools (tools/api): Redocly and swagger-cli on docs/swagger.json, the
## contract suite through a Prism proxy, Swagger UI in headless Chromium,
## a generated TypeScript client and the Go example against a live service.
.PHONY: console-checks
## console-checks: the web console in headless Chromium (tools/console):
## officer and partner scenarios, axe-core, screenshots in artifacts/console/.
console-checks:
	./scripts/console-checks

.PHONY: api-checks
api-checks:
	./scripts/api-checks

# Fault tests (faults/, build tag "faults"): the real binary against
# throwaway PostgreSQL clusters of their own (initdb in a temporary
# directory, a free loopback port; run as the postgres user when make runs
# as root), never the local server on 5432.
FAULTS_SHORT := TestDatabaseOutageUnderLoad|TestDatabaseStall|TestGracefulShutdown|TestPoolExhaustion|TestTwoReplicas|TestDurabilityWarnings

.PHONY: faults-short

## faults: database outage under load, a database that stops answering
## (SIGSTOP, 30 s, at two request timeouts), graceful shutdown, slow and
## greedy clients, two replicas, durability warnings; prints the FAULTS
## figures.
faults:
	go test -tags faults -count=1 -timeout 10m -v ./faults/

## faults-short: what CI runs: all but the 1,000-connection slowloris test
## (about 2.5 minutes, a minute of it the two 30 s database stalls).
faults-short:
	go test -tags faults -count=1 -timeout 5m -v -run '^($(FAULTS_SHORT))$$' ./faults/
