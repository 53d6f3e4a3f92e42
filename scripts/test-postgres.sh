#!/usr/bin/env bash
# Runs the persistence and workflow tests against a real PostgreSQL 在真实 PostgreSQL 上运行持久化与业务流程测试.
#
#   bash scripts/test-postgres.sh [maven options…]     e.g.  bash scripts/test-postgres.sh -o
#
# 1. Finds initdb/pg_ctl (PATH, then /usr/lib/postgresql/*/bin); installs Debian's postgresql
#    package with apt-get (through sudo when not root) if they are missing.
# 2. Creates a throwaway cluster in a temporary folder and starts it on 127.0.0.1 on a free port,
#    as the current user, or as the user "postgres" when run as root (PostgreSQL refuses root).
# 3. Builds the project once without tests (mvn install -DskipTests), then runs, each on a freshly
#    created database: the kernel/persistence tests (WorkflowStoreTest, AccountStoreTest, AuditChainTest),
#    PlatformIT, the three Workflow*IT, DisbursementIT, WorkflowE2EIT, SettlementKillE2EIT, PolicySwapIT,
#    PolicySwapE2EIT, AuditChainE2EIT, SecurityIT, PermissionMatrixIT, SeparationOfDutiesIT and
#    TwoPersonActivationIT (distribution), and a
#    start of the assembled platform
#    configured through etc/org.qiancheng.persistence.cfg instead of QC_DB_URL.
# 4. Stops the server and deletes the cluster on exit, whatever happened.
#
# The tests are pointed at the database with -Dqc.test.db.url/-Dqc.test.db.user/-Dqc.test.db.password;
# without them (mvn verify, .ci/run) everything runs on HSQLDB. Maven logs: target/test-postgres/.
# Environment: QC_PG_BIN (folder of initdb/pg_ctl), QC_PG_USER (server user when root, default postgres).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
maven_options=("$@")
logs="$root/target/test-postgres"
db_user=qiancheng
db_password="qc-$RANDOM$RANDOM"

say() { printf '== %s\n' "$*"; }
fail() { printf 'test-postgres: %s\n' "$*" >&2; exit 1; }

# ----- 1. the PostgreSQL server programs -----
find_bin() {
  if [ -n "${QC_PG_BIN:-}" ]; then
    echo "$QC_PG_BIN"
    return
  fi
  local initdb
  if initdb="$(command -v initdb 2>/dev/null)" && [ -x "$(dirname "$initdb")/pg_ctl" ]; then
    dirname "$(readlink -f "$initdb")"
    return
  fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
  return 0
}

bin="$(find_bin)"
if [ -z "$bin" ]; then
  say "PostgreSQL not found: installing Debian's postgresql package 未找到 PostgreSQL，正在安装"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "initdb/pg_ctl missing and no sudo to install postgresql; install it and retry"
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends postgresql
  bin="$(find_bin)"
  [ -n "$bin" ] || fail "postgresql installed but initdb/pg_ctl still not found; set QC_PG_BIN"
fi
for tool in initdb pg_ctl psql createdb dropdb; do
  [ -x "$bin/$tool" ] || command -v "$tool" >/dev/null || fail "$tool not found (in $bin or on PATH)"
done
tool() { if [ -x "$bin/$1" ]; then echo "$bin/$1"; else command -v "$1"; fi; }

# PostgreSQL never runs as root: then the server runs as another user, who must own its folder
server_user="$(id -un)"
as_server() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  server_user="${QC_PG_USER:-postgres}"
  id "$server_user" >/dev/null 2>&1 || fail "running as root, and there is no user '$server_user' to run PostgreSQL as; set QC_PG_USER or run as a normal user"
  if command -v runuser >/dev/null; then
    as_server() { runuser -u "$server_user" -- "$@"; }
  else
    as_server() { su -s /bin/sh "$server_user" -c "$(printf '%q ' "$@")"; }
  fi
fi

# ----- 2. a throwaway cluster -----
cluster="$(mktemp -d "${TMPDIR:-/tmp}/qiancheng-pg.XXXXXX")"
started=""
platform_pid=""
cleanup() {
  local status=$?
  if [ -n "$platform_pid" ]; then
    kill -TERM "$platform_pid" 2>/dev/null && wait "$platform_pid" 2>/dev/null || true
  fi
  if [ -n "$started" ]; then
    as_server "$(tool pg_ctl)" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$cluster"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

chmod 700 "$cluster"
mkdir -p "$cluster/run"
printf '%s\n' "$db_password" > "$cluster/password"
[ "$server_user" = "$(id -un)" ] || chown -R "$server_user" "$cluster"

say "PostgreSQL $("$(tool pg_ctl)" --version | awk '{print $3}') from $bin, cluster in $cluster (server user $server_user)"
as_server "$(tool initdb)" -D "$cluster/data" -U "$db_user" --pwfile="$cluster/password" --auth=scram-sha-256 \
  -E UTF8 --no-locale >"$cluster/initdb.log" 2>&1 || { cat "$cluster/initdb.log" >&2; fail "initdb failed"; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  fail "no free port found"
}

for attempt in 1 2 3; do
  port="$(free_port)"
  # a throwaway cluster: durability is not wanted, speed is
  if as_server "$(tool pg_ctl)" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$cluster/run -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
    started=yes
    break
  fi
  [ "$attempt" -lt 3 ] || { cat "$cluster/server.log" >&2; fail "PostgreSQL did not start"; }
done
say "PostgreSQL listening on 127.0.0.1:$port"

export PGHOST=127.0.0.1 PGPORT="$port" PGUSER="$db_user" PGPASSWORD="$db_password" \
  PGOPTIONS='-c client_min_messages=warning'
# PG* serve psql, createdb and dropdb here; the tests get the database through -Dqc.test.db.*
fresh_database() {
  "$(tool dropdb)" --if-exists "$1"
  "$(tool createdb)" -E UTF8 -T template0 "$1"
}
url_of() { echo "jdbc:postgresql://127.0.0.1:$port/$1"; }

# ----- 3. the tests -----
# Maven (Java) exits 130 on Ctrl-C and 143 on SIGTERM, and then bash does not run its own trap: stop here
stop_if_interrupted() { if [ "$1" -eq 130 ] || [ "$1" -eq 143 ]; then exit "$1"; fi; }
mkdir -p "$logs"
cd "$root"
say "building without tests 构建 (mvn install -DskipTests) → $logs/build.log"
build_status=0
mvn -B "${maven_options[@]}" install -DskipTests >"$logs/build.log" 2>&1 || build_status=$?
if [ "$build_status" -ne 0 ]; then
  stop_if_interrupted "$build_status"
  tail -n 40 "$logs/build.log" >&2
  fail "build failed, see $logs/build.log"
fi

summary=()
failed=0
# run <name> <database> <maven arguments…>: one Maven run on a database of its own
run() {
  local name="$1" database="$2"
  shift 2
  fresh_database "$database"
  say "$name on database $database → $logs/$name.log"
  local started_at=$SECONDS status=0
  mvn -B "${maven_options[@]}" "$@" -Dqc.test.db.url="$(url_of "$database")" -Dqc.test.db.user="$db_user" \
    -Dqc.test.db.password="$db_password" >"$logs/$name.log" 2>&1 || status=$?
  stop_if_interrupted "$status"
  local counts
  counts="$(grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures' "$logs/$name.log" | grep -v ' -- in ' | tail -n 1 \
    | sed -E 's/^\[[A-Z]+\] //')"
  [ -n "$counts" ] || counts="no tests ran"
  if [ "$status" -ne 0 ]; then
    failed=$((failed + 1))
    summary+=("FAIL  $(printf '%-22s' "$name") $counts ($((SECONDS - started_at)) s)")
    grep -E '^\[ERROR\]' "$logs/$name.log" | head -n 20 >&2 || true
  else
    summary+=("ok    $(printf '%-22s' "$name") $counts ($((SECONDS - started_at)) s)")
  fi
}

run persistence qc_persistence -pl kernel/persistence surefire:test
for it in PlatformIT WorkflowEnrolmentIT WorkflowClaimsIT WorkflowRecordsIT DisbursementIT WorkflowE2EIT SettlementKillE2EIT PolicySwapIT PolicySwapE2EIT AuditChainE2EIT SecurityIT PermissionMatrixIT SeparationOfDutiesIT TwoPersonActivationIT; do
  run "$it" "qc_$(echo "$it" | tr '[:upper:]' '[:lower:]')" -pl distribution failsafe:integration-test failsafe:verify \
    -Dit.test="$it"
done

# the other way to configure it: etc/org.qiancheng.persistence.cfg in a fresh home, no QC_DB_URL
config_start() {
  local database=qc_etc home log status=1 health=""
  fresh_database "$database"
  home="$cluster/home"
  log="$logs/etc-config.log"
  # a home as the first start leaves it (defaults copied), then the operator's file
  mkdir -p "$home/etc"
  cp -r "$root/distribution/target/qiancheng/defaults/etc/"* "$home/etc/"
  printf 'url=%s\nuser=%s\npassword=%s\n' "$(url_of "$database")" "$db_user" "$db_password" \
    >"$home/etc/org.qiancheng.persistence.cfg"
  local http_port
  http_port="$(free_port)"
  say "platform start configured by etc/org.qiancheng.persistence.cfg → $log"
  env -u QC_DB_URL -u QC_DB_USER -u QC_DB_PASSWORD QC_HOME="$home" QC_PORT="$http_port" \
    bash "$root/qiancheng" start >"$log" 2>&1 &
  platform_pid=$!
  for _ in $(seq 1 240); do
    # the anonymous health check says only UP; that PostgreSQL was used shows in qc_boot below
    health="$(curl -s "http://127.0.0.1:$http_port/api/v1/health" || true)"
    if [[ "$health" == *'"status":"UP"'* ]]; then
      status=0
      break
    fi
    kill -0 "$platform_pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -TERM "$platform_pid" 2>/dev/null || true
  wait "$platform_pid" || true
  platform_pid=""
  local boots
  boots="$("$(tool psql)" -d "$database" -tAc 'SELECT COUNT(*) FROM qc_boot' 2>/dev/null || echo 0)"
  if [ "$status" -eq 0 ] && grep -q "$db_password" "$log"; then
    status=1
    echo "the password appears in $log" >&2
  fi
  if [ "$status" -eq 0 ] && compgen -G "$home/data/qiancheng.*" >/dev/null; then
    status=1
    echo "an HSQLDB file was opened in $home/data although etc/ names PostgreSQL" >&2
  fi
  if [ "$status" -eq 0 ] && [ "${boots:-0}" -ge 1 ]; then
    summary+=("ok    $(printf '%-22s' etc-config) health UP, $boots start(s) recorded in PostgreSQL's qc_boot, no HSQLDB file, no password in the log")
  else
    failed=$((failed + 1))
    summary+=("FAIL  $(printf '%-22s' etc-config) health: ${health:-no answer}")
  fi
}
config_start

# ----- summary -----
printf '\nPostgreSQL %s on 127.0.0.1:%s — summary 汇总\n' "$("$(tool psql)" -d postgres -tAc 'SHOW server_version')" "$port"
printf '  %s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
  printf '%d of %d failed 失败; logs in %s\n' "$failed" "${#summary[@]}" "$logs"
  exit 1
fi
printf 'all %d green 全部通过; logs in %s\n' "${#summary[@]}" "$logs"
