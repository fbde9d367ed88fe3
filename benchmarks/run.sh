#!/usr/bin/env bash
# Builds the benchmark harness (when its jar is missing or older than its sources) and runs one scenario against
# the platform at http://localhost:8080, or with --up against a platform it brings up for the run and takes down
# afterwards. Everything after the scenario's name goes to the harness (benchmarks/README.md lists it).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH_DIR")"
JAR="$BENCH_DIR/target/benchmarks.jar"
# The harness shares the machine with the platform it measures: a small heap, few GC threads.
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}"
# Gateway request budgets while the benchmark runs: it sends far more than a person or partner may.
BENCH_RATE_LIMIT=100000000

usage() {
  cat <<EOF
Usage: benchmarks/run.sh <scenario> [--up [--fresh]] [options]
       benchmarks/run.sh --help          the scenarios and all their options

  --up     start the platform for this run (./platform up) and stop it afterwards (./platform down); its data
           goes to RAPPORT_DATA_DIR (default benchmarks/target/bench-data), kept between runs so that a seeded
           store is reused; the gateway's request budgets are raised to $BENCH_RATE_LIMIT
           (RATE_LIMIT_PARTNER_REQUESTS, RATE_LIMIT_USER_REQUESTS); refused while something answers on port 8080
  --fresh  with --up: empty that data directory first

Environment: BENCH_JAVA_OPTS ("$BENCH_JAVA_OPTS"), MAVEN_ARGS (for example -o to build offline), and with --up
             everything ./platform reads (MONGODB_URI for a real MongoDB, RAPPORT_JAVA_OPTS, ...).
Exit code: 0 done, 1 the run broke, 2 wrong command line, 3 a --budget-p95-ms exceeded.
EOF
}

die() { echo "run.sh: $*" >&2; exit 1; }

build() {
  local newer
  if [[ -f "$JAR" ]]; then
    newer="$(find "$BENCH_DIR/src/main" "$BENCH_DIR/pom.xml" "$REPO/pom.xml" "$REPO/platform-mongo/src/main" \
      "$REPO/platform-mongo/pom.xml" -type f -newer "$JAR" -print -quit)"
    [[ -z "$newer" ]] && return 0
  fi
  # -am: the orders scenario uses platform-mongo's embedded store, built from this tree (never installed)
  echo "Building the harness: ./mvnw -q -B -pl benchmarks -am -DskipTests package"
  (cd "$REPO" && ./mvnw -q -B -pl benchmarks -am -DskipTests package) || die "the build failed"
}

commit() {
  local head
  head="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null)" || return 0
  if [[ -n "$(git -C "$REPO" status --porcelain 2>/dev/null)" ]]; then head="$head-dirty"; fi
  echo "$head"
}

[[ $# -ge 1 ]] || { usage >&2; exit 2; }
case "$1" in
  -h|--help|help) usage; echo; build; exec java -jar "$JAR" --help ;;
esac

up="" fresh=""
args=()
for arg in "$@"; do
  case "$arg" in
    --up) up=1 ;;
    --fresh) fresh=1 ;;
    *) args+=("$arg") ;;
  esac
done
(( ${#args[@]} > 0 )) || { usage >&2; exit 2; }
[[ -z "$fresh" || -n "$up" ]] || die "--fresh empties the data directory of a platform started with --up; add --up"

build

# The result files go to benchmarks/results unless --results-dir says otherwise (the last one given wins).
args=("${args[0]}" --results-dir "$BENCH_DIR/results" "${args[@]:1}")

if [[ -n "$up" ]]; then
  if curl -s -o /dev/null --max-time 2 http://localhost:8080/actuator/health/readiness; then
    die "something answers on port 8080 already: stop it (./platform down), or leave out --up to measure it"
  fi
  export RAPPORT_DATA_DIR="${RAPPORT_DATA_DIR:-$BENCH_DIR/target/bench-data}"
  if [[ -n "$fresh" ]]; then
    echo "Emptying $RAPPORT_DATA_DIR"
    rm -rf "$RAPPORT_DATA_DIR"
  fi
  export RATE_LIMIT_PARTNER_REQUESTS="$BENCH_RATE_LIMIT" RATE_LIMIT_USER_REQUESTS="$BENCH_RATE_LIMIT"
  # Whatever ends this script (the run, a failure, Ctrl-C) takes the platform down again.
  trap '"$REPO/platform" down' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  "$REPO/platform" up
  args+=(--data-dir "$RAPPORT_DATA_DIR")
fi

read -r -a java_opts <<< "$BENCH_JAVA_OPTS"
rc=0
java "${java_opts[@]}" "-Dbench.commit=$(commit)" "-Dbench.repo=$REPO" -jar "$JAR" "${args[@]}" || rc=$?
exit "$rc"
