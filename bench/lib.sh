# Shared helpers for the bench/ harnesses (sourced, not run).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$root/distribution/target/qiancheng"
fixtures="$root/distribution/target/fixtures"

# The first administrator's password at a fresh home's first start (the platform reads it only then);
# login_staff changes it at the first login, as it must be.
export QC_ADMIN_PASSWORD="${QC_ADMIN_PASSWORD:-Bench-First-Start-2026!}"

# require_build: builds the reactor into the work tree's target/ folders when the distribution, the
# fixtures or the seed tool are missing. `package`, not `install`: nothing is written into ~/.m2 but
# the third-party artifacts a fresh clone downloads; test sources are not compiled (no bench needs them).
require_build() {
  if [ ! -f "$dist/lib/qiancheng-launcher.jar" ] || [ ! -f "$fixtures/hot-probe-1.0.0.jar" ] \
      || ! ls "$root"/testing/seed/target/workflow-seed-*.jar >/dev/null 2>&1; then
    echo "building (mvn -B -q package -Dmaven.test.skip=true) …" >&2
    (cd "$root" && mvn -B -q package -Dmaven.test.skip=true)
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1]); s.close()'; }

now_ns() { date +%s%N; }

# start_platform HOME PORT LOG: starts ./qiancheng in the background (with $QC_ADMIN_PASSWORD for
# the first administrator of a fresh HOME); sets $platform_pid
start_platform() {
  QC_HOME="$1" QC_PORT="$2" QC_ADMIN_PASSWORD="$QC_ADMIN_PASSWORD" "$root/qiancheng" start > "$3" 2>&1 &
  platform_pid=$!
}

# start_tree TREE HOME LOG: as start_platform, with the ./qiancheng of the work tree TREE on a free port;
# sets $platform_pid and $port (the A/B harnesses, which start two builds)
start_tree() {
  port="$(free_port)"
  QC_HOME="$2" QC_PORT="$port" QC_ADMIN_PASSWORD="$QC_ADMIN_PASSWORD" "$1/qiancheng" start > "$3" 2>&1 &
  platform_pid=$!
}

# settle_sichuan BASE_URL: as FINANCE (login_staff), starts the settlement of 510000 for 2026-10 and polls it
# every second until it is no longer RUNNING; sets $state (its last JSON) and $status. Returns 1 (saying why)
# when it did not start.
settle_sichuan() {
  local run id
  run="$(qcurl "$QC_TOKEN_FINANCE" -X POST -H 'Content-Type: application/json' \
    -d '{"regionCode":"510000","month":"2026-10"}' "$1/api/v1/settlements")"
  id="$(echo "$run" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' 2>/dev/null)" \
    || { echo "settlement not started: $run" >&2; return 1; }
  while true; do
    state="$(qcurl "$QC_TOKEN_FINANCE" "$1/api/v1/settlements/$id")"
    status="$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')"
    [ "$status" = RUNNING ] || break
    sleep 1
  done
}

# login_staff BASE_URL: waits for /api/v1/health, then sets up the staff as an operator does (the
# seed tool's `staff`: admin's first login and password change, one user per business role with all
# regions, each logging in and changing the initial password) and exports one bearer token per user:
# QC_TOKEN_CLERK, QC_TOKEN_REVIEWER, QC_TOKEN_FINANCE, QC_TOKEN_POLICY, QC_TOKEN_POLICY2 (a second
# POLICY_ADMIN, for two-person activation), QC_TOKEN_AUDITOR. Usernames: clerk, reviewer, finance,
# policy-admin, policy-admin-2, auditor; their password is exported as QC_STAFF_PASSWORD. Works again
# after a restart on the same home. Returns 1 (saying why) when any step fails.
login_staff() {
  local exports
  exports="$(seed_tool staff "$1" "$QC_ADMIN_PASSWORD")" || { echo "login_staff: setting up the staff failed" >&2; return 1; }
  eval "$exports"
  [ -n "${QC_TOKEN_CLERK:-}" ] && [ -n "${QC_TOKEN_POLICY2:-}" ] \
    || { echo "login_staff: no tokens in the seed tool's answer" >&2; return 1; }
}

# qcurl TOKEN CURL_ARGS…: curl -s with Authorization: Bearer TOKEN
qcurl() {
  local token="$1"; shift
  curl -s -H "Authorization: Bearer $token" "$@"
}

# wait_for URL CONDITION [TIMEOUT_S] [TOKEN]: polls every 10 ms until CONDITION (a grep -E pattern
# over "<status> <body>") matches; returns 1 on timeout. Every URL but /api/v1/health is asked with
# Authorization: Bearer TOKEN (when TOKEN is not given: $QC_TOKEN_CLERK, when set; "" sends none).
wait_for() {
  local url="$1" pattern="$2" deadline=$(( $(date +%s) + ${3:-120} )) token="${4-${QC_TOKEN_CLERK:-}}"
  local auth=()
  case "$url" in
    */api/v1/health) ;;
    *) [ -z "$token" ] || auth=(-H "Authorization: Bearer $token") ;;
  esac
  while [ "$(date +%s)" -lt "$deadline" ]; do
    local answer
    answer="$(curl -s -m 2 "${auth[@]}" -w ' %{http_code}' "$url" 2>/dev/null || true)"
    answer="${answer##* } ${answer% *}"
    if echo "$answer" | grep -Eq "$pattern"; then return 0; fi
    sleep 0.01
  done
  return 1
}

stop_platform() {
  [ -n "${platform_pid:-}" ] || return 0
  kill -TERM "$platform_pid" 2>/dev/null || true
  wait "$platform_pid" 2>/dev/null || true
}

# cpu_ticks PID: user + system CPU time of a process so far, in clock ticks (getconf CLK_TCK per second);
# on a shared machine CPU time varies much less with the load of others than wall-clock time does
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# rss_parts PID: "anonymous A MB, files F MB" — a mapped database file's pages count in RSS as files
rss_parts() { awk '/RssAnon/ { a = $2 } /RssFile/ { f = $2 } /RssShmem/ { s = $2 } END { printf "anonymous %.0f MB, files %.0f MB, shared %.0f MB", a / 1024, f / 1024, s / 1024 }' "/proc/$1/status"; }

# median: the median of the numbers on standard input, one a line; nothing when there are none (so that a
# harness's check for a missing figure sees one, not a 0)
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# median_of FILE KEY COLUMN: the median of field COLUMN over the lines of FILE whose first field is KEY
# (empty when there are none)
median_of() { awk -v k="$2" -v c="$3" '$1 == k { print $c }' "$1" | median; }

# alternate ROUNDS A B: calls `run A R` and `run B R` for each round R, A first in odd rounds and B first in
# even ones, so that a machine's drift falls on both alike (the harness defines run)
alternate() {
  local r
  for r in $(seq 1 "$1"); do
    if [ $(( r % 2 )) -eq 1 ]; then run "$2" "$r"; run "$3" "$r"; else run "$3" "$r"; run "$2" "$r"; fi
  done
}

# built_tree DIR: DIR as an absolute path when it holds a built distribution (the base of an A/B harness);
# fails, saying how to build it, when not
built_tree() {
  local dir
  dir="$(cd "$1" && pwd)" || return 1
  [ -f "$dir/distribution/target/qiancheng/lib/qiancheng-launcher.jar" ] \
    || { echo "build $dir first: (cd $dir && mvn -B -q -o package -Dmaven.test.skip=true)" >&2; return 1; }
  echo "$dir"
}

# seed_tool ARGS…: runs the bench/test toolbox (testing/seed) with the HSQLDB driver of the distribution
seed_tool() {
  local seed_jar hsqldb_jar
  seed_jar="$(ls "$root"/testing/seed/target/workflow-seed-*.jar | head -1)"
  hsqldb_jar="$(ls "$dist"/system/*hsqldb*.jar | head -1)"
  java -cp "$seed_jar:$hsqldb_jar" org.qiancheng.testing.seed.SeedTool "$@"
}
