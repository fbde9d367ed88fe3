#!/usr/bin/env bash
# Fetches, starts and stops the local Keycloak that Rapport uses (realm "rapport",
# imported from keycloak/rapport-realm.json). Development use only: dev mode, H2 database,
# demo admin credentials.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/.." && pwd)"

VERSION="${KEYCLOAK_VERSION:-26.5.6}"
PORT="${KEYCLOAK_PORT:-8180}"
TIMEOUT="${KEYCLOAK_TIMEOUT:-180}"
REALM=rapport
REALM_FILE="$SCRIPT_DIR/$REALM-realm.json"
CACHE_DIR="$REPO/.cache/keycloak"
KC_HOME="$CACHE_DIR/keycloak-$VERSION"
RUN_DIR="${RAPPORT_RUN_DIR:-$REPO/.run}"
LOG_FILE="$RUN_DIR/logs/keycloak.log"
PID_FILE="$RUN_DIR/pids/keycloak.pid"
READY_URL="http://localhost:$PORT/realms/$REALM/.well-known/openid-configuration"
# Master-realm admin for the admin console and REST API: a local demo value, never for production.
ADMIN_USER="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

usage() {
  cat <<EOF
Usage: keycloak/keycloak.sh fetch | start | stop | status

  fetch   download Keycloak $VERSION through Maven and unpack it under .cache/keycloak/
  start   start it in dev mode on port $PORT with realm "$REALM" and wait until it is ready
  stop    stop the Keycloak that 'start' started
  status  say whether it runs (exit 0) or not (exit 3)

Environment: KEYCLOAK_VERSION (26.5.6), KEYCLOAK_PORT (8180), KEYCLOAK_TIMEOUT (180 s),
             KEYCLOAK_JAVA_HOME (a JDK 21+; otherwise JAVA_HOME or /usr/lib/jvm/* is searched),
             RAPPORT_RUN_DIR (.run: logs/ and pids/)
EOF
}

die() { echo "keycloak: $*" >&2; exit 1; }

# --- processes and ports ------------------------------------------------------------------

# The pid in the pid file if that process still lives and is our Keycloak, else nothing.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' < "$PID_FILE")"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null \
      && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'kc\.sh\|keycloak'; then
    echo "$pid"
  fi
}

# True while a process (pid) or process group (-pgid) has a member that is not a zombie
# (an exited child stays visible to kill -0 until init reaps it).
alive() {
  if [[ "$1" == -* ]]; then
    ps -e -o pgid=,stat= | awk -v g="${1#-}" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
  else
    kill -0 "$1" 2>/dev/null && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null
  fi
}

port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# "pid N (command)" of the process listening on a port, when it can be seen.
port_owner() {
  command -v ss >/dev/null 2>&1 || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null \
    | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/pid \2 (\1)/p' | head -n 1
}

# Milliseconds since the epoch, and a duration in ms as "12.3".
now_ms() { local t="${EPOCHREALTIME//[.,]/}"; echo $(( t / 1000 )); }
secs() { printf '%d.%d' $(( $1 / 1000 )) $(( $1 % 1000 / 100 )); }

http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" 2>/dev/null || true
}

# --- fetch --------------------------------------------------------------------------------

maven() {
  if [[ -x "$REPO/mvnw" ]]; then "$REPO/mvnw" "$@"; else mvn "$@"; fi
}

fetch() {
  if [[ -x "$KC_HOME/bin/kc.sh" ]]; then
    return 0
  fi
  command -v unzip >/dev/null 2>&1 || die "unzip is needed (apt-get install unzip)"
  mkdir -p "$CACHE_DIR"
  local zip="$CACHE_DIR/keycloak-quarkus-dist-$VERSION.zip"
  if [[ ! -s "$zip" ]]; then
    echo "Downloading Keycloak $VERSION (org.keycloak:keycloak-quarkus-dist, about 160 MB) through Maven..."
    # Run from the cache dir so that Maven does not read the project's pom.xml; its output
    # (only colour resets when all goes well) is shown when it fails.
    local out="$CACHE_DIR/.fetch.log"
    if ! (cd "$CACHE_DIR" && maven -q -B dependency:copy \
            "-Dartifact=org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
            "-DoutputDirectory=$CACHE_DIR") > "$out" 2>&1; then
      cat "$out" >&2
      die "could not download org.keycloak:keycloak-quarkus-dist:$VERSION:zip"
    fi
    rm -f "$out"
  fi
  echo "Unpacking Keycloak $VERSION into ${KC_HOME#"$REPO"/}"
  local tmp="$CACHE_DIR/.unpack.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  unzip -q "$zip" -d "$tmp"
  [[ -x "$tmp/keycloak-$VERSION/bin/kc.sh" ]] || { rm -rf "$tmp"; die "unexpected layout in $zip"; }
  rm -rf "$KC_HOME"
  mv "$tmp/keycloak-$VERSION" "$KC_HOME"
  rm -rf "$tmp"
}

# --- JDK ----------------------------------------------------------------------------------

# Major version of the java in JDK home $1 (8, 17, 21, 25...), or nothing.
java_major() {
  [[ -x "$1/bin/java" ]] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java\.specification\.version/ { v = $2; sub(/^1\./, "", v); print v; exit }'
}

# Prints the home of a JDK 21+ (KEYCLOAK_JAVA_HOME, JAVA_HOME, then /usr/lib/jvm/*).
find_jdk() {
  local v
  if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then
    v="$(java_major "$KEYCLOAK_JAVA_HOME")"
    (( ${v:-0} >= 21 )) || die "KEYCLOAK_JAVA_HOME=$KEYCLOAK_JAVA_HOME is not a JDK 21 or newer (found '${v:-no java}')"
    echo "$KEYCLOAK_JAVA_HOME"
    return
  fi
  if [[ -n "${JAVA_HOME:-}" ]]; then
    v="$(java_major "$JAVA_HOME")"
    if (( ${v:-0} >= 21 )); then echo "$JAVA_HOME"; return; fi
  fi
  # The oldest JDK that is new enough: Keycloak 26 is built and tested against JDK 21.
  local dir best="" best_v=999
  for dir in /usr/lib/jvm/*; do
    [[ -d "$dir" && ! -L "$dir" ]] || continue
    v="$(java_major "$dir")"
    if (( ${v:-0} >= 21 && v < best_v )); then best="$dir"; best_v="$v"; fi
  done
  [[ -n "$best" ]] || die "Keycloak $VERSION needs a JDK 21 or newer and none was found.
  Install one (Temurin or OpenJDK 21/25, e.g. under /usr/lib/jvm; Debian 12's apt only has
  openjdk-17), or point KEYCLOAK_JAVA_HOME at one."
  echo "$best"
}

# --- start / stop / status ----------------------------------------------------------------

start() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    echo "Keycloak is already running (pid $pid, http://localhost:$PORT)."
    [[ "$(http_status "$READY_URL")" == 200 ]] || wait_ready "$pid" "$(now_ms)"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_in_use "$PORT"; then
    if [[ "$(http_status "$READY_URL")" == 200 ]]; then
      echo "Keycloak with realm $REALM already answers on port $PORT (not started by this script); using it."
      return 0
    fi
    local owner
    owner="$(port_owner "$PORT")"
    die "port $PORT (keycloak) is already in use by ${owner:-another process}; stop it or set KEYCLOAK_PORT."
  fi

  command -v curl >/dev/null 2>&1 || die "curl is needed (apt-get install curl)"
  fetch
  local jdk
  jdk="$(find_jdk)"
  [[ -f "$REALM_FILE" ]] || die "realm file $REALM_FILE is missing"

  # Import the realm on first start, and again (on a fresh dev database) whenever the file changed.
  local data="$KC_HOME/data" sha_file="$KC_HOME/data/$REALM-realm.sha256" sha old_sha=""
  mkdir -p "$data/import" "$(dirname "$LOG_FILE")" "$(dirname "$PID_FILE")"
  sha="$(sha256sum "$REALM_FILE" | cut -d' ' -f1)"
  [[ -f "$sha_file" ]] && old_sha="$(cat "$sha_file")"
  if [[ "$sha" != "$old_sha" ]]; then
    if [[ -d "$data/h2" ]]; then
      echo "Realm file changed since the last start: wiping Keycloak's dev database so it is imported again."
    fi
    rm -rf "$data/h2" "$sha_file"
  fi
  cp "$REALM_FILE" "$data/import/$REALM-realm.json"

  echo "Starting Keycloak $VERSION on port $PORT (JDK $(java_major "$jdk") at $jdk), log: ${LOG_FILE#"$REPO"/}"
  local started
  started="$(now_ms)"
  # setsid: Keycloak gets its own process group, so that 'stop' can end kc.sh and its java together.
  # --add-opens: without it JDK 24+ logs an IllegalAccessError from a vert.x thread (seen at shutdown).
  JAVA_HOME="$jdk" JAVA="$jdk/bin/java" \
  JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:+$JAVA_OPTS_APPEND }--add-opens=java.base/java.lang=ALL-UNNAMED" \
  KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    setsid "$KC_HOME/bin/kc.sh" start-dev --http-port="$PORT" --import-realm \
      > "$LOG_FILE" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$PID_FILE"
  wait_ready "$pid" "$started" "$sha_file" "$sha"
}

# Waits until the realm answers; on death or timeout prints the end of the log and exits 1.
# Args: pid, start time (ms), and optionally the file to record the realm file's hash in once ready.
wait_ready() {
  local pid="$1" started="$2" sha_file="${3:-}" sha="${4:-}" last_dot elapsed
  printf 'Waiting for Keycloak '
  last_dot="$(now_ms)"
  while :; do
    elapsed=$(( $(now_ms) - started ))
    if [[ "$(http_status "$READY_URL")" == 200 ]]; then
      [[ -n "$sha_file" ]] && echo "$sha" > "$sha_file"
      printf ' ready in %s s\n' "$(secs "$elapsed")"
      echo "Keycloak: http://localhost:$PORT (realm $REALM; admin console user $ADMIN_USER / $ADMIN_PASSWORD)"
      return 0
    fi
    if ! alive "$pid"; then
      printf ' exited\n'
      echo "Keycloak stopped during start-up. Last lines of ${LOG_FILE#"$REPO"/}:" >&2
      tail -n 30 "$LOG_FILE" >&2
      rm -f "$PID_FILE"
      exit 1
    fi
    if (( elapsed >= TIMEOUT * 1000 )); then
      printf ' not ready after %d s\n' "$TIMEOUT"
      echo "Keycloak is not ready after $TIMEOUT s (KEYCLOAK_TIMEOUT). Last lines of ${LOG_FILE#"$REPO"/}:" >&2
      tail -n 30 "$LOG_FILE" >&2
      stop >/dev/null
      exit 1
    fi
    if (( $(now_ms) - last_dot >= 3000 )); then printf '.'; last_dot="$(now_ms)"; fi
    sleep 0.5
  done
}

stop() {
  local pid
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    rm -f "$PID_FILE"
    echo "Keycloak is not running (no live pid in ${PID_FILE#"$REPO"/})."
    return 0
  fi
  # Started with setsid, so the pid leads its own process group: signal the whole group.
  local target="$pid"
  [[ "$(ps -o pgid= -p "$pid" | tr -d ' ')" == "$pid" ]] && target="-$pid"
  kill -TERM -- "$target" 2>/dev/null || true
  local waited=0
  while alive "$target" && (( waited < 40 )); do   # 20 s in half seconds
    sleep 0.5
    waited=$(( waited + 1 ))
  done
  if alive "$target"; then
    echo "Keycloak did not stop within 20 s: killing it."
    kill -KILL -- "$target" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  echo "Stopped Keycloak (pid $pid)."
}

status() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    if [[ "$(http_status "$READY_URL")" == 200 ]]; then
      echo "Keycloak: running and ready, pid $pid, port $PORT (http://localhost:$PORT/realms/$REALM)"
    else
      echo "Keycloak: running (not ready yet), pid $pid, port $PORT"
    fi
    return 0
  fi
  if port_in_use "$PORT"; then
    local owner
    owner="$(port_owner "$PORT")"
    echo "Keycloak: not started by this script; port $PORT is in use by ${owner:-another process}"
  else
    echo "Keycloak: not running (port $PORT)"
  fi
  return 3
}

case "${1:-}" in
  fetch) fetch; echo "Keycloak $VERSION is at ${KC_HOME#"$REPO"/}" ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
