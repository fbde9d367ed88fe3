#!/usr/bin/env bash
# Fetches, starts and stops the local mail catcher (GreenMail standalone) that Keycloak sends Rapport's
# mails to when no real SMTP server is configured: it accepts every message for any address and keeps
# it in memory, readable over its REST API. Development use only: no authentication, nothing kept.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/.." && pwd)"
# shellcheck source=SCRIPTDIR/../lib/processes.sh
source "$REPO/lib/processes.sh"

VERSION="${MAILCATCHER_VERSION:-2.1.8}"
SMTP_PORT="${MAILCATCHER_SMTP_PORT:-3025}"
API_PORT="${MAILCATCHER_API_PORT:-8025}"
IMAP_PORT="${MAILCATCHER_IMAP_PORT:-3143}"
# ticket-service's support mailbox: its IMAP login (the address) and a local demo password (application.yml's
# default RAPPORT_SUPPORT_IMAP_PASSWORD); mails to the address land in it.
SUPPORT_USER="support:support-demo-26@rapport.example"
TIMEOUT="${MAILCATCHER_TIMEOUT:-60}"
CACHE_DIR="$REPO/.cache/greenmail"
JAR="$CACHE_DIR/greenmail-standalone-$VERSION.jar"
RUN_DIR="${RAPPORT_RUN_DIR:-$REPO/.run}"
LOG_FILE="$RUN_DIR/logs/mailcatcher.log"
PID_PATTERN='greenmail'   # its command line, so that a reused pid is not taken for it
PID_FILE="$RUN_DIR/pids/mailcatcher.pid"
API_URL="http://localhost:$API_PORT"
READY_URL="$API_URL/api/service/readiness"

usage() {
  cat <<EOF
Usage: mail/mailcatcher.sh fetch | start | stop | status

  fetch   download GreenMail standalone $VERSION through Maven into .cache/greenmail/
  start   start it (SMTP on port $SMTP_PORT, IMAP on $IMAP_PORT, REST API on $API_PORT, all on 127.0.0.1) and
          wait until ready; the IMAP user support@rapport.example (password support-demo-26) is ticket-service's
          support mailbox
  stop    stop the mail catcher that 'start' started
  status  say whether it runs (exit 0) or not (exit 3)

Read a recipient's mails:  curl $API_URL/api/user/<email address>/messages
Drop all mails:            curl -X POST $API_URL/api/mail/purge

Environment: MAILCATCHER_SMTP_PORT (3025), MAILCATCHER_API_PORT (8025), MAILCATCHER_IMAP_PORT (3143),
             MAILCATCHER_VERSION (2.1.8),
             MAILCATCHER_TIMEOUT (60 s), RAPPORT_RUN_DIR (.run: logs/ and pids/)
EOF
}

die() { echo "mailcatcher: $*" >&2; exit 1; }

# The pid of the mail catcher that 'start' started, if it still runs.
running_pid() { pid_from_file "$PID_FILE" "$PID_PATTERN"; }

# --- fetch --------------------------------------------------------------------------------

fetch() {
  [[ -s "$JAR" ]] && return 0
  mkdir -p "$CACHE_DIR"
  echo "Downloading GreenMail standalone $VERSION (com.icegreen:greenmail-standalone, about 10 MB) through Maven..."
  # From the cache dir so that Maven does not read the project's pom.xml; its output is shown on failure.
  local out="$CACHE_DIR/.fetch.log"
  if ! (cd "$CACHE_DIR" && maven -q -B dependency:copy \
          "-Dartifact=com.icegreen:greenmail-standalone:$VERSION:jar" \
          "-DoutputDirectory=$CACHE_DIR") > "$out" 2>&1; then
    cat "$out" >&2
    die "could not download com.icegreen:greenmail-standalone:$VERSION"
  fi
  rm -f "$out"
  [[ -s "$JAR" ]] || die "the download did not produce $JAR"
}

# --- start / stop / status ----------------------------------------------------------------

start() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    echo "Mail catcher is already running (pid $pid, SMTP $SMTP_PORT, API $API_URL)."
    [[ "$(http_status "$READY_URL")" == 200 ]] || wait_ready "$pid" "$(now_ms)"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_in_use "$SMTP_PORT" || port_in_use "$API_PORT" || port_in_use "$IMAP_PORT"; then
    # A GreenMail someone else started on the same ports does the same job.
    if port_in_use "$SMTP_PORT" && [[ "$(http_status "$READY_URL")" == 200 ]]; then
      echo "A mail catcher already answers on ports $SMTP_PORT and $API_PORT (not started by this script); using it."
      return 0
    fi
    local port owner
    for port in "$SMTP_PORT" "$API_PORT" "$IMAP_PORT"; do
      if port_in_use "$port"; then
        owner="$(port_owner "$port")"
        echo "port $port (mailcatcher) is already in use by ${owner:-another process}" >&2
      fi
    done
    die "free the port(s) above or set MAILCATCHER_SMTP_PORT / MAILCATCHER_API_PORT / MAILCATCHER_IMAP_PORT."
  fi

  command -v java >/dev/null 2>&1 || die "no 'java' on PATH: install a JDK 17 or newer"
  command -v curl >/dev/null 2>&1 || die "curl is needed (apt-get install curl)"
  fetch
  mkdir -p "$(dirname "$LOG_FILE")" "$(dirname "$PID_FILE")"

  echo "Starting the mail catcher (GreenMail $VERSION): SMTP port $SMTP_PORT, IMAP port $IMAP_PORT, API $API_URL, log: ${LOG_FILE#"$REPO"/}"
  local started
  started="$(now_ms)"
  # setsid: its own process group, so that 'stop' ends exactly it. auth.disabled: any sender and
  # recipient is accepted and a mailbox is made for each recipient on arrival. The support user logs in to IMAP
  # with its address (users.login=email).
  setsid java -Xms16m -Xmx128m -XX:+UseSerialGC \
    -Dgreenmail.smtp.hostname=127.0.0.1 "-Dgreenmail.smtp.port=$SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 "-Dgreenmail.imap.port=$IMAP_PORT" \
    "-Dgreenmail.users=$SUPPORT_USER" -Dgreenmail.users.login=email \
    -Dgreenmail.api.hostname=127.0.0.1 "-Dgreenmail.api.port=$API_PORT" \
    -Dgreenmail.auth.disabled -Dgreenmail.startup.timeout=10000 \
    -jar "$JAR" > "$LOG_FILE" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$PID_FILE"
  wait_ready "$pid" "$started"
}

# Waits until the API answers ready; on death or timeout prints the end of the log and exits 1.
wait_ready() {
  local pid="$1" started="$2" rc=0
  printf 'Waiting for the mail catcher '
  await_ready "The mail catcher" "$pid" "$READY_URL" "$started" "$TIMEOUT" "$LOG_FILE" MAILCATCHER_TIMEOUT || rc=$?
  case "$rc" in
    0) echo "Mail catcher: SMTP port $SMTP_PORT, IMAP port $IMAP_PORT; read mails at $API_URL/api/user/<email>/messages" ;;
    1) rm -f "$PID_FILE"; exit 1 ;;
    *) stop >/dev/null; exit 1 ;;
  esac
}

stop() { stop_recorded "$PID_FILE" "$PID_PATTERN" 10 "the mail catcher"; }

status() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    if [[ "$(http_status "$READY_URL")" == 200 ]]; then
      echo "Mail catcher: running and ready, pid $pid, SMTP $SMTP_PORT, API $API_URL"
    else
      echo "Mail catcher: running (not ready yet), pid $pid, SMTP $SMTP_PORT, API $API_PORT"
    fi
    return 0
  fi
  local port owner
  for port in "$SMTP_PORT" "$API_PORT" "$IMAP_PORT"; do
    if port_in_use "$port"; then
      owner="$(port_owner "$port")"
      echo "Mail catcher: not started by this script; port $port is in use by ${owner:-another process}"
      return 3
    fi
  done
  echo "Mail catcher: not running (ports $SMTP_PORT, $API_PORT)"
  return 3
}

case "${1:-}" in
  fetch) fetch; echo "GreenMail standalone $VERSION is at ${JAR#"$REPO"/}" ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
