#!/usr/bin/env bash
# The performance suite (`make bench`): from a clone where `make build
# launcher` (or `make run`) has built bin/kg and the Neo4j launcher jar, it
#
#   1. benchmarks and profiles the extractor (go test -bench, -count $COUNT);
#   2. starts `kg serve` with the bundled Neo4j on free loopback ports and a
#      throwaway data folder, which loads the default yearbook;
#   3. runs the representative queries through GraphQL and through their
#      floor (hand-written Cypher over Bolt) at 1, 8 and 32 clients: once as
#      deployed (statistics as the load leaves them), then $ROUNDS rounds
#      after resampling them by hand,
#      sampling the service's memory; then once more in-process, profiled;
#   4. soaks the service ($SOAK, 32 clients, mixed queries);
#   5. checks the query plans (neo4jstore TestPlans), then reruns the
#      queries once right after wiping and reloading the database;
#   6. times loading the yearbook into an empty database, by stage and
#      batch size;
#   7. loads 1, 5 and 20 synthetic yearbooks and reruns the queries after
#      each (3 rounds), once the database has settled (loadtime settle:
#      resample the statistics, wait until Neo4j's JVM is idle), so that
#      N=1 and N=20 compare the queries rather than what the load leaves
#      running in the background; then profiles the floor queries at the
#      largest N (loadgen -plans);
#   8. reruns the query suite, then writes the tables into docs/benchmarks.md
#      (between its generated-section markers) and keeps the raw results
#      under bench/results/<run>/ (git-ignored).
#
# Environment: ROUNDS (3), COUNT (5), REPS (3: repetitions of each load),
# SCALE ("1 5 20"), SCALE_REPS (3), SOAK (30s; e.g. SOAK=10m for a real soak, 0 to skip),
# BATCHES ("250,500,1000,2000,5000,10000"), KEEP=1 keeps the work folder.
# Everything listens on and talks to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
COUNT=${COUNT:-5}
REPS=${REPS:-3}
SCALE=${SCALE:-"1 5 20"}
SCALE_REPS=${SCALE_REPS:-3}
SOAK=${SOAK:-30s}
BATCHES=${BATCHES:-250,500,1000,2000,5000,10000}

for f in bin/kg launcher/target/neo4j-launcher.jar; do
  [[ -e $f ]] || { echo "bench: $f is missing: run make build launcher first" >&2; exit 1; }
done

RUN=$(date -u +%Y%m%dT%H%M%SZ)
OUT=bench/results/$RUN
mkdir -p "$OUT"
ln -sfn "$RUN" bench/results/latest
WORK=$(mktemp -d -t kg-bench-XXXXXX)
KG_PID=
log() { printf '\n== %s: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# step records a command in commands.txt (with the work folder shown as
# $WORK) and runs it.
step() {
  printf '%s\n' "$*" | sed "s#$WORK#\$WORK#g" >>"$OUT/commands.txt"
  "$@"
}

cleanup() {
  if [[ -n $KG_PID ]] && kill -0 "$KG_PID" 2>/dev/null; then
    log "stopping kg serve (pid $KG_PID) and its Neo4j"
    kill -TERM "$KG_PID"
    for _ in $(seq 1 90); do kill -0 "$KG_PID" 2>/dev/null || break; sleep 1; done
  fi
  if [[ ${KEEP:-} == 1 ]]; then
    echo "bench: work folder kept: $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

log "building the benchmark tools"
mkdir -p "$WORK/bin"
for t in loadgen loadtime synth report; do go build -o "$WORK/bin/$t" "./bench/$t"; done
B=$WORK/bin

{
  echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit:   $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($(git status --porcelain 2>/dev/null | wc -l) files changed in the working tree)"
  echo "cpus:     $(nproc) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'))"
  echo "memory:   $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel:   $(uname -sr)"
  echo "go:       $(go version | cut -d' ' -f3-)"
  echo "java:     $(java -version 2>&1 | head -1)"
  echo "neo4j:    $(basename launcher/target/lib/neo4j-5*.jar .jar | sed 's/^neo4j-//') (bundled, launcher defaults: heap $(grep -o '"-Xmx[^"]*"' launcher/launcher.go | tr -d '"'), page cache 256m)"
  echo "load avg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# cpu_ticks prints the machine's steal and total CPU ticks (/proc/stat,
# user through steal: guest time is already inside user and nice). On a
# shared VM the hypervisor's steal moves wall-clock figures by itself, so
# machine.txt records its share during the extractor benchmarks and over
# the whole run.
cpu_ticks() { awk '/^cpu /{t=0; for (i=2; i<=9; i++) t+=$i; print $9, t}' /proc/stat; }
steal_since() { # steal_since "STEAL TOTAL": the steal share since then, as "N.N %"
  cpu_ticks | awk -v a="$1" 'BEGIN{split(a, s0, " ")} {d=$2-s0[2]; printf "%.1f %%", (d > 0 ? 100*($1-s0[1])/d : 0)}'
}
RUN_TICKS=$(cpu_ticks)

log "extractor benchmarks (-count $COUNT) and profiles"
EXTRACT_TICKS=$(cpu_ticks)
# -cpu 1: the extraction target is per core, and with GOMAXPROCS=1 the
# garbage collector's work lands on that core too instead of on the idle
# second one, so wall time is the CPU time.
if step go test -run '^$' -bench '^(BenchmarkExtract|BenchmarkStages)$' -cpu 1 -benchmem -count "$COUNT" ./loaders/ >"$OUT/gobench.txt"; then
  go run golang.org/x/perf/cmd/benchstat@latest "$OUT/gobench.txt" >"$OUT/benchstat.txt" 2>/dev/null || rm -f "$OUT/benchstat.txt"
  # The whole extraction again with the collector settings every kg command
  # applies (cmd/kg/gc.go), for the figure of extraction as kg runs it.
  step env GOGC=400 GOMEMLIMIT=100MiB go test -run '^$' -bench '^BenchmarkExtract$' -cpu 1 -benchmem -count "$COUNT" ./loaders/ >"$OUT/gobench-kg.txt" ||
    echo "bench: the extractor benchmark with kg's GC settings failed (see $OUT/gobench-kg.txt); going on" >&2
  step go test -run '^$' -bench '^BenchmarkExtract$' -cpu 1 -benchtime 20x -o "$WORK/loaders.test" \
    -cpuprofile "$WORK/extract-cpu.prof" -memprofile "$WORK/extract-mem.prof" ./loaders/ >/dev/null
  step go tool pprof -top -nodecount 30 "$WORK/loaders.test" "$WORK/extract-cpu.prof" >"$OUT/profile-extract-cpu.txt" 2>/dev/null
  step go tool pprof -sample_index=alloc_space -top -nodecount 30 "$WORK/loaders.test" "$WORK/extract-mem.prof" >"$OUT/profile-extract-alloc.txt" 2>/dev/null
else
  echo "bench: the extractor benchmarks failed (see $OUT/gobench.txt); going on" >&2
fi

echo "hypervisor steal during the extractor benchmarks: $(steal_since "$EXTRACT_TICKS") of CPU time" >>"$OUT/machine.txt"

log "starting kg serve with the bundled Neo4j"
printf '%s\n' "env -u NEO4J_URI bin/kg serve -host 127.0.0.1 -port 0 -bolt-port 0 -data-dir \$WORK/neo4j" >>"$OUT/commands.txt"
env -u NEO4J_URI bin/kg serve -host 127.0.0.1 -port 0 -bolt-port 0 -data-dir "$WORK/neo4j" >"$WORK/serve.log" 2>&1 &
KG_PID=$!
BOLT= URL=
for _ in $(seq 1 300); do
  BOLT=$(grep -o 'Neo4j ready at bolt://[0-9.:]*' "$WORK/serve.log" | head -1 | sed 's/Neo4j ready at //') || true
  URL=$(grep -o 'graphql=http://[0-9.:]*/graphql' "$WORK/serve.log" | head -1 | sed 's/graphql=//') || true
  [[ -n $BOLT && -n $URL ]] && break
  kill -0 "$KG_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
  sleep 1
done
[[ -n $BOLT && -n $URL ]] || { echo "bench: kg serve did not start" >&2; cat "$WORK/serve.log" >&2; exit 1; }
for _ in $(seq 1 300); do
  curl -fsS "${URL%/graphql}/readyz" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "${URL%/graphql}/readyz" >/dev/null || { echo "bench: the yearbook did not load" >&2; cat "$WORK/serve.log" >&2; exit 1; }
JVM_PID=$(pgrep -P "$KG_PID" java | head -1 || true)
echo "bench: GraphQL at $URL, Neo4j at $BOLT, kg pid $KG_PID, JVM pid ${JVM_PID:-?}" >&2
grep -E '^(extract|load wuwei-2024: committed)' "$WORK/serve.log" >&2 || true
LG=(-url "$URL" -neo4j-uri "$BOLT" -pid "$KG_PID")
[[ -n $JVM_PID ]] && LG+=(-jvm-pid "$JVM_PID")

log "queries as deployed (statistics as the load leaves them)"
step "$B/loadgen" "${LG[@]}" -modes graphql,floor -warmup 0 -rounds 1 -clients 1 -requests 1=20 -out "$OUT/loadgen-cold.json" >/dev/null

log "resampling index statistics, then the query suite ($ROUNDS rounds)"
step "$B/loadtime" fresh -neo4j-uri "$BOLT"
sleep 5
step "$B/loadgen" "${LG[@]}" -rounds "$ROUNDS" -out "$OUT/loadgen.json" >"$OUT/loadgen.md"

# The in-process server runs with kg serve's GC defaults (cmd/kg gc.go).
log "in-process server under 32 clients, profiled"
step env GOGC=400 GOMEMLIMIT=100MiB "$B/loadgen" -inproc -neo4j-uri "$BOLT" -modes graphql -clients 32 -requests 32=800 -rounds 1 \
  -cpuprofile "$WORK/server-cpu.prof" -memprofile "$WORK/server-alloc.prof" -out "$OUT/loadgen-inproc.json" >/dev/null
SERVER='net/http\.\(\*conn\)\.serve|graph/dataloader\.'
step go tool pprof -top -nodecount 35 -focus "$SERVER" "$B/loadgen" "$WORK/server-cpu.prof" >"$OUT/profile-server-cpu.txt" 2>/dev/null
step go tool pprof -top -cum -nodecount 50 -focus "$SERVER" "$B/loadgen" "$WORK/server-cpu.prof" >"$OUT/profile-server-cpu-cum.txt" 2>/dev/null
step go tool pprof -sample_index=alloc_space -top -nodecount 30 -focus "$SERVER" "$B/loadgen" "$WORK/server-alloc.prof" >"$OUT/profile-server-alloc.txt" 2>/dev/null

if [[ $SOAK != 0 ]]; then
  every=5s
  [[ $SOAK == *m || $SOAK == *h ]] && every=30s
  log "soak: 32 clients for $SOAK"
  step "$B/loadgen" "${LG[@]}" -soak "$SOAK" -soak-every "$every" -out "$OUT/soak.json"
fi

log "query plans"
if step env NEO4J_URI="$BOLT" go test -count=1 -run '^TestPlans$' -v ./neo4jstore/ >"$WORK/plans.log" 2>&1; then
  echo "PASS: every lookup starts from an index" >"$OUT/plans.txt"
else
  echo "FAIL: some lookups scan (see below)" >"$OUT/plans.txt"
fi
grep -E 'plan_test.go:[0-9]+: |--- FAIL' "$WORK/plans.log" | sed -E 's/^ +//; s/plan_test.go:[0-9]+: //' >>"$OUT/plans.txt" || true

max=1
for n in $SCALE; do (( n > max )) && max=$n; done
step "$B/synth" -yearbook data/wuwei-2024.txt -n "$max" -out "$WORK/synth" >"$OUT/synth.txt"

log "queries right after wiping the database and loading the yearbook again (no resampling beyond the load's own)"
step "$B/loadtime" scale -neo4j-uri "$BOLT" -dir "$WORK/synth" -n 1 -reps 1 -fresh=false >/dev/null
step "$B/loadgen" "${LG[@]}" -modes graphql,floor -warmup 0 -rounds 1 -clients 1 -requests 1=20 -out "$OUT/loadgen-reload.json" >/dev/null

log "loading into an empty database: stages and batch sizes"
step "$B/loadtime" stages -neo4j-uri "$BOLT" -batches "$BATCHES" -reps "$REPS" -out "$OUT/loads.json" >/dev/null

# Before each N is measured the database settles: settle resamples the
# statistics, checkpoints where the edition allows it (not Community) and
# waits (up to 2 minutes) until the JVM uses under 5% of a core for 5 s, so
# that background work left by the load cannot be mistaken for the
# queries' growth. (In the experiment behind docs/benchmarks.md's Scale
# section the JVM was idle within 5 s of every load, so this costs little.)
# Three rounds per N, because one round's ratio between N=20 and N=1 ranged
# from 0.2x to 3x on the 2-core shared machine.
SETTLE=("$B/loadtime" settle -neo4j-uri "$BOLT")
[[ -n $JVM_PID ]] && SETTLE+=(-jvm-pid "$JVM_PID")
log "scale: synthetic yearbooks ($SCALE)"
for n in $SCALE; do
  step "$B/loadtime" scale -neo4j-uri "$BOLT" -dir "$WORK/synth" -n "$n" -reps "$SCALE_REPS" -out "$OUT/scale-$n.json" >/dev/null
  step "${SETTLE[@]}" 2>>"$OUT/settle.txt"
  step "$B/loadgen" "${LG[@]}" -modes graphql,floor -rounds 3 -clients 1,8 -requests 1=60,8=200 -label "N=$n" -out "$OUT/flat-$n.json" >/dev/null
done
# Where the floor's plans start against the largest database (no scans).
step "$B/loadgen" -plans -url "$URL" -neo4j-uri "$BOLT" >"$OUT/plans-scale.md" || echo "bench: a floor query scans at the largest N (see $OUT/plans-scale.md)" >&2

log "rerunning the query suite on the default yearbook alone"
step "$B/loadtime" scale -neo4j-uri "$BOLT" -dir "$WORK/synth" -n 1 -reps 1 >/dev/null
step "${SETTLE[@]}" 2>>"$OUT/settle.txt"
step "$B/loadgen" "${LG[@]}" -rounds 1 -out "$OUT/loadgen-rerun.json" >/dev/null

echo "load avg at end:   $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"
echo "hypervisor steal over the whole run: $(steal_since "$RUN_TICKS") of CPU time" >>"$OUT/machine.txt"
log "writing docs/benchmarks.md"
"$B/report" -results "$OUT" -doc docs/benchmarks.md
echo "bench: results in $OUT, tables in docs/benchmarks.md" >&2
