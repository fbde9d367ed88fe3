#!/usr/bin/env bash
# Fetches, starts and stops the local Keycloak that Rapport uses (realm "rapport",
# imported from keycloak/rapport-realm.json). Development use only: dev mode, H2 database,
# demo admin credentials.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/.." && pwd)"
# shellcheck source=SCRIPTDIR/../lib/processes.sh
source "$REPO/lib/processes.sh"

VERSION="${KEYCLOAK_VERSION:-26.5.6}"
PORT="${KEYCLOAK_PORT:-8180}"
TIMEOUT="${KEYCLOAK_TIMEOUT:-180}"
REALM=rapport
REALM_FILE="$SCRIPT_DIR/$REALM-realm.json"
CACHE_DIR="$REPO/.cache/keycloak"
KC_HOME="$CACHE_DIR/keycloak-$VERSION"
RUN_DIR="${RAPPORT_RUN_DIR:-$REPO/.run}"
LOG_FILE="$RUN_DIR/logs/keycloak.log"
PID_PATTERN='kc\.sh\|keycloak'   # its command line, so that a reused pid is not taken for it
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
             RAPPORT_RUN_DIR (.run: logs/ and pids/),
             RAPPORT_SMTP_HOST (localhost), RAPPORT_SMTP_PORT (3025), RAPPORT_SMTP_FROM (no-reply@rapport.local),
             RAPPORT_SMTP_FROM_DISPLAY_NAME (Rapport), RAPPORT_SMTP_AUTH (false), RAPPORT_SMTP_USER,
             RAPPORT_SMTP_PASSWORD, RAPPORT_SMTP_STARTTLS (false), RAPPORT_SMTP_SSL (false): the realm's
             mail server, read when the realm is imported; RAPPORT_PUBLIC_URL (http://localhost:8080): the
             gateway's address in client rapport-gateway's redirect URIs, likewise
EOF
}

die() { echo "keycloak: $*" >&2; exit 1; }

# --- processes ----------------------------------------------------------------------------

# The pid of the Keycloak that 'start' started, if it still runs.
running_pid() { pid_from_file "$PID_FILE" "$PID_PATTERN"; }

# --- fetch --------------------------------------------------------------------------------

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
  # The mail settings and the gateway's public address enter the realm through ${RAPPORT_SMTP_*} and
  # ${RAPPORT_PUBLIC_URL} placeholders that Keycloak resolves at import, so they are part of the hash: changing
  # them imports the realm again too.
  local data="$KC_HOME/data" sha_file="$KC_HOME/data/$REALM-realm.sha256" sha old_sha=""
  mkdir -p "$data/import" "$(dirname "$LOG_FILE")" "$(dirname "$PID_FILE")"
  sha="$( { cat "$REALM_FILE"; env | grep '^RAPPORT_SMTP_\|^RAPPORT_PUBLIC_URL=' | LC_ALL=C sort || true; } | sha256sum | cut -d' ' -f1)"
  [[ -f "$sha_file" ]] && old_sha="$(cat "$sha_file")"
  if [[ "$sha" != "$old_sha" ]]; then
    if [[ -d "$data/h2" ]]; then
      echo "Realm file or RAPPORT_SMTP_* settings changed since the last start: wiping Keycloak's dev database"
      echo "so that the realm is imported again (users made since, such as invited contacts, are gone)."
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
  local pid="$1" started="$2" sha_file="${3:-}" sha="${4:-}" rc=0
  printf 'Waiting for Keycloak '
  await_ready Keycloak "$pid" "$READY_URL" "$started" "$TIMEOUT" "$LOG_FILE" KEYCLOAK_TIMEOUT || rc=$?
  case "$rc" in
    0) [[ -n "$sha_file" ]] && echo "$sha" > "$sha_file"
       echo "Keycloak: http://localhost:$PORT (realm $REALM; admin console user $ADMIN_USER / $ADMIN_PASSWORD)" ;;
    1) rm -f "$PID_FILE"; exit 1 ;;
    *) stop >/dev/null; exit 1 ;;
  esac
}

stop() { stop_recorded "$PID_FILE" "$PID_PATTERN" 20 Keycloak; }

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
