# The two commands of the quick start:
#   make run    build what is missing, start the bundled Neo4j, load the default yearbook, serve
#   make test   every test, including integration tests against a real Neo4j
GO      ?= go
MVN     ?= mvn
NPM     ?= npm
JAR     := launcher/target/neo4j-launcher.jar
GOFILES := $(shell find . -name '*.go' -not -path './bin/*' -not -path './launcher/target/*' -not -path './explorer/node_modules/*' 2>/dev/null)
# The explorer's bundle (explorer/dist), embedded in bin/kg.
BUNDLE  := explorer/dist/index.html
EXPLORER_SRC := $(shell find explorer/src -type f 2>/dev/null) explorer/build.mjs explorer/package.json

.PHONY: all build launcher explorer run test test-short fuzz vet generate check-generated eval bench clean

# Each fuzz target runs this long in `make test`; crashers it finds are
# written under the package's testdata/fuzz/ and become regression cases.
FUZZTIME ?= 5s

all: build launcher

build: bin/kg

bin/kg: $(GOFILES) go.mod go.sum schema.graphqls $(BUNDLE)
	$(GO) build -o bin/kg ./cmd/kg

# The graph explorer page: npm ci when node_modules is missing or the lock
# file changed, then esbuild bundles explorer/src into explorer/dist.
explorer: $(BUNDLE)

explorer/node_modules/.package-lock.json: explorer/package-lock.json
	cd explorer && $(NPM) ci --no-audit --no-fund

$(BUNDLE): explorer/node_modules/.package-lock.json $(EXPLORER_SRC)
	cd explorer && $(NPM) run build

launcher: $(JAR)

$(JAR): launcher/pom.xml $(shell find launcher/src -type f 2>/dev/null)
	$(MVN) -q -B -f launcher/pom.xml -DskipTests package

run: build launcher
	./bin/kg serve

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $(GOFILES))" || { echo "gofmt needed:"; gofmt -l $(GOFILES); exit 1; }

# Packages run one at a time (-p 1): several of them start their own Neo4j,
# and on a 2-core machine two JVMs plus the tests starve each other.
# The explorer's end-to-end tests (explorer/e2e_test.go) drive a headless
# Chromium against the service with the yearbook loaded; they need the bundle.
test: launcher explorer vet check-generated
	$(GO) test -p 1 -count=1 -timeout 45m ./...
	$(MAKE) fuzz

fuzz:
	$(GO) test ./loaders/ -run '^$$' -fuzz '^FuzzNormalise$$' -fuzztime $(FUZZTIME)
	$(GO) test ./loaders/ -run '^$$' -fuzz '^FuzzSegment$$' -fuzztime $(FUZZTIME)
	$(GO) test ./loaders/ -run '^$$' -fuzz '^FuzzExtractors$$' -fuzztime $(FUZZTIME)
	$(GO) test ./loaders/ -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME)
	$(GO) test ./neo4jstore/ -run '^$$' -fuzz '^FuzzLuceneQuery$$' -fuzztime $(FUZZTIME)

test-short:
	$(GO) test -short ./...

generate:
	$(GO) run ./graph/gqlgen

# Generated code is output: regenerate and fail if it differs from what is committed.
check-generated: generate
	@git diff --exit-code --stat -- graph/generated graph/model/models_gen.go || { echo "generated code is stale: run make generate"; exit 1; }

# The tuning set (eval/gold) and the held-out set (eval/heldout, annotated
# after the extractors were written and never tuned on).
eval:
	$(GO) run ./cmd/kg eval eval/gold
	@if [ -d eval/heldout ]; then $(GO) run ./cmd/kg eval eval/heldout; fi

bench: build launcher
	bash bench/run.sh

clean:
	rm -rf bin launcher/target explorer/node_modules explorer/e2e-artifacts
	find explorer/dist -mindepth 1 -not -name .gitkeep -delete
