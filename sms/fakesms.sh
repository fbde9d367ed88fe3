#!/usr/bin/env bash
# Starts and stops the local fake SMS provider (sms/FakeSmsProvider.java, run as a single source file by the JDK:
# nothing to build or download) that order-tracking-service posts its SMS notifications to when no real provider
# is configured: it accepts every message and keeps it in memory, listed as JSON and as a page. Development use only.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/.." && pwd)"
# shellcheck source=SCRIPTDIR/../lib/processes.sh
source "$REPO/lib/processes.sh"

PORT="${FAKESMS_PORT:-8026}"
# The local demo credentials order-tracking-service sends (its RAPPORT_SMS_USER / RAPPORT_SMS_PASSWORD defaults).
export FAKESMS_USER="${FAKESMS_USER:-rapport}"
export FAKESMS_PASSWORD="${FAKESMS_PASSWORD:-sms-demo-26}"
TIMEOUT="${FAKESMS_TIMEOUT:-60}"
RUN_DIR="${RAPPORT_RUN_DIR:-$REPO/.run}"
LOG_FILE="$RUN_DIR/logs/fakesms.log"
PID_PATTERN='FakeSmsProvider'   # its command line, so that a reused pid is not taken for it
PID_FILE="$RUN_DIR/pids/fakesms.pid"
URL="http://localhost:$PORT"
READY_URL="$URL/health"

usage() {
  cat <<EOF2
Usage: sms/fakesms.sh start | stop | status

  start   start the fake SMS provider on 127.0.0.1:$PORT and wait until it answers
  stop    stop the fake SMS provider that 'start' started
  status  say whether it runs (exit 0) or not (exit 3)

Messages received:  $URL/ (a page)  or  curl $URL/messages  (JSON; ?to=+862155550102 for one number)
Forget them:        curl -X DELETE $URL/messages
An outage:          curl -X POST '$URL/control/fail?count=3'  (the next 3 messages answer 503)

Environment: FAKESMS_PORT (8026), FAKESMS_USER / FAKESMS_PASSWORD (rapport / sms-demo-26: HTTP Basic it requires),
             FAKESMS_TIMEOUT (60 s), RAPPORT_RUN_DIR (.run: logs/ and pids/)
EOF2
}

die() { echo "fakesms: $*" >&2; exit 1; }

running_pid() { pid_from_file "$PID_FILE" "$PID_PATTERN"; }

start() {
  local pid started rc=0
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    echo "Fake SMS provider is already running (pid $pid, $URL)."
    return 0
  fi
  rm -f "$PID_FILE"
  if port_in_use "$PORT"; then
    if [[ "$(http_status "$READY_URL")" == 200 ]]; then
      echo "A fake SMS provider already answers on port $PORT (not started by this script); using it."
      return 0
    fi
    die "port $PORT (fakesms) is already in use by $(port_owner "$PORT"); free it or set FAKESMS_PORT."
  fi
  command -v java >/dev/null 2>&1 || die "no 'java' on PATH: install a JDK 17 or newer"
  mkdir -p "$(dirname "$LOG_FILE")" "$(dirname "$PID_FILE")"
  echo "Starting the fake SMS provider: $URL, log: ${LOG_FILE#"$REPO"/}"
  started="$(now_ms)"
  # setsid: its own process group, so that 'stop' ends exactly it.
  setsid java -Xms8m -Xmx48m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    "$SCRIPT_DIR/FakeSmsProvider.java" "$PORT" > "$LOG_FILE" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$PID_FILE"
  printf 'Waiting for the fake SMS provider '
  await_ready "The fake SMS provider" "$pid" "$READY_URL" "$started" "$TIMEOUT" "$LOG_FILE" FAKESMS_TIMEOUT || rc=$?
  case "$rc" in
    0) echo "Fake SMS provider: messages at $URL/ and $URL/messages" ;;
    1) rm -f "$PID_FILE"; exit 1 ;;
    *) stop >/dev/null; exit 1 ;;
  esac
}

stop() { stop_recorded "$PID_FILE" "$PID_PATTERN" 10 "the fake SMS provider"; }

status() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    if [[ "$(http_status "$READY_URL")" == 200 ]]; then
      echo "Fake SMS provider: running and ready, pid $pid, $URL"
    else
      echo "Fake SMS provider: running (not ready yet), pid $pid, $URL"
    fi
    return 0
  fi
  if port_in_use "$PORT"; then
    echo "Fake SMS provider: not started by this script; port $PORT is in use by $(port_owner "$PORT")"
    return 3
  fi
  echo "Fake SMS provider: not running (port $PORT)"
  return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
