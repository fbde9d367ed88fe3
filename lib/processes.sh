# shellcheck shell=bash
# Shell helpers shared by ./platform, keycloak/keycloak.sh and mail/mailcatcher.sh: the processes they
# start in the background, the ports those hold, and time. Sourced, never run; the sourcing script sets
# REPO (the repository root) and may set HTTP_STATUS_TIMEOUT (seconds, 3 by default).

# Milliseconds since the epoch, and a duration in ms as "12.3".
now_ms() { local t="${EPOCHREALTIME//[.,]/}"; echo $(( t / 1000 )); }
secs() { printf '%d.%d' $(( $1 / 1000 )) $(( $1 % 1000 / 100 )); }

# The pid in pid file $1 if that process still lives and its command line matches grep pattern $2, else
# nothing: a pid reused by an unrelated process after a reboot is not taken for ours.
pid_from_file() {
  [[ -f "$1" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' < "$1")"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null \
      && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$2"; then
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

# Ends process $1 and, when it leads one (setsid), its whole process group: TERM, then KILL after $2
# seconds, saying so with name $3.
stop_process() {
  local pid="$1" seconds="$2" name="$3" target="$1" waited=0
  [[ "$(ps -o pgid= -p "$pid" | tr -d ' ')" == "$pid" ]] && target="-$pid"
  kill -TERM -- "$target" 2>/dev/null || true
  while alive "$target" && (( waited < seconds * 2 )); do
    sleep 0.5
    waited=$(( waited + 1 ))
  done
  if alive "$target"; then
    echo "$name did not stop within $seconds s: killing it."
    kill -KILL -- "$target" 2>/dev/null || true
  fi
}

# Stops the process pid file $1 records if it is still ours (command line matching $2): TERM, KILL after $3
# seconds. $4 names it in what it prints.
stop_recorded() {
  local pid
  pid="$(pid_from_file "$1" "$2")"
  if [[ -z "$pid" ]]; then
    rm -f "$1"
    echo "${4^} is not running (no live pid in ${1#"$REPO"/})."
    return 0
  fi
  # Started with setsid, so the pid leads its own process group: the whole group is signalled.
  stop_process "$pid" "$3" "${4^}"
  rm -f "$1"
  echo "Stopped $4 (pid $pid)."
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

http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time "${HTTP_STATUS_TIMEOUT:-3}" "$1" 2>/dev/null || true
}

# The project's Maven (./mvnw), else the one on the PATH.
maven() {
  if [[ -x "$REPO/mvnw" ]]; then "$REPO/mvnw" "$@"; else mvn "$@"; fi
}

# Waits until URL $3 answers 200, for process $2 (named $1) started at $4 (ms), at most $5 seconds (the
# setting $7), printing a dot every 3 s. Returns 0 when ready, 1 when the process died, 2 on the timeout;
# on either failure it prints the end of log $6 first.
await_ready() {
  local name="$1" pid="$2" url="$3" started="$4" timeout="$5" log="$6" setting="$7" elapsed last_dot
  last_dot="$(now_ms)"
  while :; do
    elapsed=$(( $(now_ms) - started ))
    if [[ "$(http_status "$url")" == 200 ]]; then
      printf ' ready in %s s\n' "$(secs "$elapsed")"
      return 0
    fi
    if ! alive "$pid"; then
      printf ' exited\n'
      echo "$name stopped during start-up. Last lines of ${log#"$REPO"/}:" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    if (( elapsed >= timeout * 1000 )); then
      printf ' not ready after %d s\n' "$timeout"
      echo "$name is not ready after $timeout s ($setting). Last lines of ${log#"$REPO"/}:" >&2
      tail -n 30 "$log" >&2
      return 2
    fi
    if (( $(now_ms) - last_dot >= 3000 )); then printf '.'; last_dot="$(now_ms)"; fi
    sleep 0.5
  done
}
