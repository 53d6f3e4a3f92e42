#!/usr/bin/env bash
# Runs the persistence and workflow tests against a real PostgreSQL 在真实 PostgreSQL 上运行持久化与业务流程测试.
#
#   bash scripts/test-postgres.sh [maven options…]     e.g.  bash scripts/test-postgres.sh -o
#
# 1. Finds initdb/pg_ctl (PATH, then /usr/lib/postgresql/*/bin); installs Debian's postgresql
#    package with apt-get (through sudo when not root) if they are missing.
# 2. Creates a throwaway cluster in a temporary folder and starts it on 127.0.0.1 on a free port,
#    as the current user, or as the user "postgres" when run as root (PostgreSQL refuses root).
# 3. Builds the reactor once without tests (mvn package -DskipTests: nothing is installed into ~/.m2),
#    then runs, each on a freshly created database and each a reactor build of its own (-pl … -am): the kernel/persistence tests (WorkflowStoreTest, AccountStoreTest, AuditChainTest, TwoNodesStoreTest, MappedColumnsTest),
#    PlatformIT, the three Workflow*IT, DisbursementIT, WorkflowE2EIT, SettlementKillE2EIT, PolicySwapIT,
#    PolicySwapE2EIT, AuditChainE2EIT, SecurityIT, PermissionMatrixIT, SeparationOfDutiesIT and
#    TwoPersonActivationIT (distribution), and a
#    start of the assembled platform
#    configured through etc/org.qiancheng.persistence.cfg instead of QC_DB_URL, and the two-node test
#    (issue 16): two platform processes on one database under a load driver, an activation on one seen by
#    the other, concurrent activations from both, a settlement taken over after SIGKILL (figures in
#    target/test-postgres/nodes/figures.txt).
# 4. Stops the server and deletes the cluster on exit, whatever happened.
#
# QC_PG_ONLY=nodes runs the build and the two-node test only; QC_NODES_CLASSES × QC_NODES_PER_CLASS
# (default 400 × 50 = 20 000 claims) sizes its settlement. QC_PG_ONLY=settlement runs the build and the
# settlement benchmark only (QC_SETTLE_CLASSES × QC_SETTLE_PER_CLASS, default 2 000 × 50): settlement
# against a plain JDBC insert of the same rows, and the bytes stored per claim. QC_PG_ONLY=persistence runs
# the build and the kernel/persistence tests only.
#
# The tests are pointed at the database with -Dqc.test.db.url/-Dqc.test.db.user/-Dqc.test.db.password;
# without them (mvn verify, .ci/run) everything runs on HSQLDB. Maven logs: target/test-postgres/.
# Environment: QC_PG_BIN (folder of initdb/pg_ctl), QC_PG_USER (server user when root, default postgres),
# QC_PG_SERVER_OPTS (more server settings, e.g. "-c log_min_duration_statement=0 -c logging_collector=on
# -c log_directory=/tmp/pg-log" to see where a settlement's time goes on the server).
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
  local pid
  for pid in "${load_pid:-}" "$platform_pid" "${node_a_pid:-}" "${node_b_pid:-}"; do
    if [ -n "$pid" ]; then
      kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    fi
  done
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
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$cluster/run -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${QC_PG_SERVER_OPTS:-}" \
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
say "building without tests 构建 (mvn package -DskipTests) → $logs/build.log"
build_status=0
mvn -B "${maven_options[@]}" package -DskipTests >"$logs/build.log" 2>&1 || build_status=$?
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

only="${QC_PG_ONLY:-}"
if [ -z "$only" ] || [ "$only" = persistence ]; then
run persistence qc_persistence -pl kernel/persistence -am verify -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='WorkflowStoreTest,AccountStoreTest,AuditChainTest,TwoNodesStoreTest,MappedColumnsTest'
fi
if [ -z "$only" ]; then
for it in PlatformIT WorkflowEnrolmentIT WorkflowClaimsIT WorkflowRecordsIT DisbursementIT WorkflowE2EIT SettlementKillE2EIT PolicySwapIT PolicySwapE2EIT AuditChainE2EIT SecurityIT PermissionMatrixIT SeparationOfDutiesIT TwoPersonActivationIT; do
  run "$it" "qc_$(echo "$it" | tr '[:upper:]' '[:lower:]')" -pl distribution -am verify -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$it"
done
fi

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
[ -n "$only" ] || config_start

# ----- helpers of the parts that run the platform -----
json_field() { python3 -c "import json,sys; d=json.load(sys.stdin, parse_float=str); print(eval('d' + sys.argv[1]))" "$1"; }
# settle BASE: starts the settlement of 510000 2026-10 (as FINANCE) and prints its id
settle() {
  qcurl "$QC_TOKEN_FINANCE" -X POST -H 'Content-Type: application/json' \
    -d '{"regionCode":"510000","month":"2026-10"}' "$1/api/v1/settlements" | json_field '["id"]'
}
# start_node NAME HOME PORT LOG: starts a platform in the background on the caller's database ($url)
start_node() {
  QC_NODE="$1" QC_HOME="$2" QC_PORT="$3" QC_DB_URL="$url" QC_DB_USER="$db_user" QC_DB_PASSWORD="$db_password" \
    QC_ADMIN_PASSWORD="$QC_ADMIN_PASSWORD" bash "$root/qiancheng" start >"$4" 2>&1 &
}
# settled BASE ID: polls the run until it is no longer RUNNING and prints its state
settled() {
  local state
  while true; do
    state="$(qcurl "$QC_TOKEN_FINANCE" "$1/api/v1/settlements/$2")"
    [ "$(echo "$state" | json_field '["status"]')" = RUNNING ] || break
    sleep 0.2
  done
  echo "$state"
}

# ----- two nodes on one PostgreSQL (issue 16) -----
# Two platform processes (node-a, node-b) on one database with a load driver spreading previews and claim
# reads over both; an activation on A seen by B's previews; two concurrent confirmations of one activation
# from the two nodes; a settlement of 20 000 claims started on A, A killed with SIGKILL part-way, B taking
# the run over: count and yuan equal the clean run's, one claim per enrolment, no failed request on B.
node_a_pid=""
node_b_pid=""
load_pid=""
nodes_classes="${QC_NODES_CLASSES:-400}"
nodes_per_class="${QC_NODES_PER_CLASS:-50}"
two_nodes() {
  local database=qc_nodes dir="$logs/nodes" url
  fresh_database "$database"
  rm -rf "$dir"
  mkdir -p "$dir"
  url="$(url_of "$database")"
  # shellcheck source=../bench/lib.sh
  source "$root/bench/lib.sh"
  local pg_jar seed_jar
  pg_jar="$(ls "$root"/distribution/target/qiancheng/system/*postgresql*.jar | head -1)"
  seed_jar="$(ls "$root"/testing/seed/target/workflow-seed-*.jar | head -1)"
  local port_a port_b home_a="$cluster/node-a" home_b="$cluster/node-b"
  port_a="$(free_port)"
  port_b="$(free_port)"
  local a="http://127.0.0.1:$port_a" b="http://127.0.0.1:$port_b"
  export QC_CLOCK_FIXED=2026-11-25T00:00:00Z
  nodes_fail() { summary+=("FAIL  $(printf '%-22s' two-nodes) $*"); failed=$((failed + 1)); return 1; }

  say "two nodes: schema (node A alone), seeding ${nodes_classes} × ${nodes_per_class} enrolments → $dir"
  start_node node-a "$home_a" "$port_a" "$dir/node-a-schema.log"
  node_a_pid=$!
  wait_for "$a/api/v1/health" '^200 ' 240 || { tail -30 "$dir/node-a-schema.log" >&2; nodes_fail "node A did not start"; return; }
  kill -TERM "$node_a_pid"; wait "$node_a_pid" || true; node_a_pid=""
  java -cp "$seed_jar:$pg_jar" org.qiancheng.testing.seed.SeedTool seed-db "$url" "$db_user" "$db_password" \
    "$nodes_classes" "$nodes_per_class" >"$dir/seed.log" 2>&1 || { cat "$dir/seed.log" >&2; nodes_fail "seeding failed"; return; }

  # one node first: the clean run, and the settlement throughput of one node on PostgreSQL
  start_node node-a "$home_a" "$port_a" "$dir/node-a.log"
  node_a_pid=$!
  login_staff "$a" || { tail -30 "$dir/node-a.log" >&2; nodes_fail "no staff on node A"; return; }
  wait_for "$a/api/v1/regions" '^200 .*510000' 120 || { nodes_fail "Sichuan not in force on A"; return; }
  local begin run id clean_ms clean_claims clean_amount state status
  begin="$(now_ns)"
  id="$(settle "$a")" || { nodes_fail "the clean settlement did not start"; return; }
  state="$(settled "$a" "$id")"
  status="$(echo "$state" | json_field '["status"]')"
  clean_ms=$(( ($(now_ns) - begin) / 1000000 ))
  [ "$status" = COMPLETED ] || { nodes_fail "the clean run ended $status: $state"; return; }
  clean_claims="$(echo "$state" | json_field '["claimsCreated"]')"
  clean_amount="$(echo "$state" | json_field '["amount"]')"
  say "clean run on one node: $clean_claims claims, $clean_amount yuan in $clean_ms ms"
  # forget it (claims and runs; the audit trail keeps what happened), so that the killed run settles the same enrolments
  "$(tool psql)" -d "$database" -qc 'DELETE FROM qc_claim; DELETE FROM qc_settlement;' >/dev/null

  # the second node: its own home with node A's bundle set and etc/ (the same audit key: one chain in the database)
  mkdir -p "$home_b"
  cp -r "$home_a/etc" "$home_a/deploy" "$home_b/"
  start_node node-b "$home_b" "$port_b" "$dir/node-b.log"
  node_b_pid=$!
  wait_for "$b/api/v1/regions" '^200 .*510000' 240 "$QC_TOKEN_CLERK" || { tail -30 "$dir/node-b.log" >&2; nodes_fail "node B did not start"; return; }
  local listed
  listed="$(qcurl "$QC_TOKEN_CLERK" "$b/api/v1/nodes" | python3 -c 'import json,sys; print(" ".join(sorted(n["id"] for n in json.load(sys.stdin))))')"
  [ "$listed" = "node-a node-b" ] || { nodes_fail "GET /nodes on B lists '$listed'"; return; }

  # the load: previews and claim reads over both nodes, with the tokens node A issued
  local stop_file="$dir/load.stop" preview="$root/distribution/src/test/resources/examples/preview-sichuan-2026.json"
  python3 "$root/scripts/two-nodes-load.py" "$a" "$b" "$QC_TOKEN_CLERK" "$preview" "$stop_file" "$dir/load.json" 16 "${QC_NODES_RATE:-250}" &
  load_pid=$!
  sleep 5

  # an activation on A: two-person, then B decides with the new version within the documented delay
  version_on() { qcurl "$QC_TOKEN_CLERK" -X POST -H 'Content-Type: application/json' --data-binary @"$preview" \
    "$1/api/v1/claims/preview" | json_field '["policy"]["version"]'; }
  [ "$(version_on "$b")" = 2025.1.0 ] || { nodes_fail "B does not decide with 2025.1.0 before the activation"; return; }
  local request confirmed_at seen_ms=""
  request="$(qcurl "$QC_TOKEN_POLICY" -X POST -H 'Content-Type: application/json' -d '{"reason":"two nodes"}' \
    "$a/api/v1/policies/510000/2025.2.0/activate" | json_field '["id"]')"
  qcurl "$QC_TOKEN_POLICY2" -X POST "$a/api/v1/policies/activation-requests/$request/confirm" >"$dir/confirm.json"
  confirmed_at="$(now_ns)"
  for _ in $(seq 1 200); do
    if [ "$(version_on "$b")" = 2025.2.0 ]; then seen_ms=$(( ($(now_ns) - confirmed_at) / 1000000 )); break; fi
    sleep 0.05
  done
  [ -n "$seen_ms" ] && [ "$seen_ms" -le 5000 ] || { nodes_fail "B did not decide with 2025.2.0 within 5 s"; return; }
  say "activation confirmed on A; B decides with 2025.2.0 after $seen_ms ms"
  local rollback_seen_ms="" rolled
  qcurl "$QC_TOKEN_POLICY" -X POST -H 'Content-Type: application/json' -d '{"reason":"back"}' \
    "$b/api/v1/policies/510000/rollback" >/dev/null
  rolled="$(now_ns)"
  for _ in $(seq 1 200); do
    if [ "$(version_on "$a")" = 2025.1.0 ]; then rollback_seen_ms=$(( ($(now_ns) - rolled) / 1000000 )); break; fi
    sleep 0.05
  done
  [ -n "$rollback_seen_ms" ] || { nodes_fail "A did not see B's rollback"; return; }
  say "rollback on B; A decides with 2025.1.0 again after $rollback_seen_ms ms"

  # two concurrent activations of Sichuan from the two nodes: one request, confirmed at once on A and on B
  local round codes wins=0 conflicts=0
  for round in 1 2 3 4 5; do
    request="$(qcurl "$QC_TOKEN_POLICY" -X POST -H 'Content-Type: application/json' -d '{}' \
      "$a/api/v1/policies/510000/2025.2.0/activate" | json_field '["id"]')"
    qcurl "$QC_TOKEN_POLICY2" -o "$dir/race-$round-a.json" -w '%{http_code}\n' -X POST \
      "$a/api/v1/policies/activation-requests/$request/confirm" >"$dir/race-$round-a.code" &
    local race_a=$!
    qcurl "$QC_TOKEN_POLICY3" -o "$dir/race-$round-b.json" -w '%{http_code}\n' -X POST \
      "$b/api/v1/policies/activation-requests/$request/confirm" >"$dir/race-$round-b.code" &
    local race_b=$!
    wait "$race_a" "$race_b" || true
    codes="$(cat "$dir/race-$round-a.code" "$dir/race-$round-b.code" | sort | tr '\n' ' ')"
    [ "$codes" = "200 409 " ] || { nodes_fail "round $round of concurrent activations answered $codes"; return; }
    wins=$((wins + 1)); conflicts=$((conflicts + 1))
    # back to 2025.1.0 for the next round and the settlement
    qcurl "$QC_TOKEN_POLICY" -X POST -H 'Content-Type: application/json' -d '{}' \
      "$b/api/v1/policies/510000/rollback" >/dev/null
  done
  local activations
  activations="$("$(tool psql)" -d "$database" -tAc "SELECT COUNT(*) FROM qc_policy_event WHERE region_code = '510000' AND event_kind = 'ACTIVATED'")"
  [ "$activations" = 6 ] || { nodes_fail "$activations activations stored, expected 6 (1 + one per round)"; return; }
  say "concurrent activations from A and B: 5 rounds, each exactly one 200 and one 409"
  sleep 6 # both nodes back on 2025.1.0 (the documented delay) before the settlement

  # the settlement: started on A, A killed part-way, taken over by B
  begin="$(now_ns)"
  id="$(settle "$a")" || { nodes_fail "the settlement did not start on A"; return; }
  local done_classes=0 total_classes killed_at="" taken_ms="" holder
  for _ in $(seq 1 6000); do
    state="$(qcurl "$QC_TOKEN_FINANCE" "$b/api/v1/settlements/$id")"
    done_classes="$(echo "$state" | json_field '["classesDone"]')"
    total_classes="$(echo "$state" | json_field '["classesTotal"]')"
    [ "$done_classes" -ge $((total_classes / 3)) ] && break
    sleep 0.05
  done
  [ "$(echo "$state" | json_field '["status"]')" = RUNNING ] || { nodes_fail "the run was not RUNNING when A was to be killed: $state"; return; }
  kill -KILL "$node_a_pid"
  killed_at="$(now_ns)"
  wait "$node_a_pid" 2>/dev/null || true
  node_a_pid=""
  say "node A killed (SIGKILL) at $done_classes of $total_classes classes"
  for _ in $(seq 1 1800); do
    holder="$(qcurl "$QC_TOKEN_CLERK" "$b/api/v1/nodes" | python3 -c "import json,sys; print(' '.join(n['id'] for n in json.load(sys.stdin) if 'settlement:$id' in n['leases']))")"
    if [ "$holder" = node-b ]; then taken_ms=$(( ($(now_ns) - killed_at) / 1000000 )); break; fi
    sleep 0.1
  done
  [ -n "$taken_ms" ] || { nodes_fail "B did not take the run over"; return; }
  say "node B took settlement $id over $taken_ms ms after the kill"
  state="$(settled "$b" "$id")"
  status="$(echo "$state" | json_field '["status"]')"
  local killed_ms=$(( ($(now_ns) - begin) / 1000000 ))
  touch "$stop_file"
  wait "$load_pid" || true
  load_pid=""
  local claims amount rows
  claims="$(echo "$state" | json_field '["claimsCreated"]')"
  amount="$(echo "$state" | json_field '["amount"]')"
  rows="$("$(tool psql)" -d "$database" -tAc 'SELECT COUNT(*) || '"' '"' || COUNT(DISTINCT enrolment_id) || '"' '"' || SUM(amount) FROM qc_claim')"
  local b_failed a_failed rate total_requests
  b_failed="$(json_field '["nodes"]["B"]["failed"]' <"$dir/load.json")"
  a_failed="$(json_field '["nodes"]["A"]["failed"]' <"$dir/load.json")"
  rate="$(json_field '["perSecond"]' <"$dir/load.json")"
  total_requests="$(json_field '["requests"]' <"$dir/load.json")"
  cat >"$dir/figures.txt" <<FIGURES
clean run, one node:       $clean_claims claims, $clean_amount yuan in $clean_ms ms = $(( clean_claims * 1000 / (clean_ms > 0 ? clean_ms : 1) )) claims/s
activation on A seen by B: $seen_ms ms; rollback on B seen by A: $rollback_seen_ms ms
concurrent activations:    5 rounds, each one 200 and one 409; 6 activations stored
killed run, two nodes:     $claims claims, $amount yuan in $killed_ms ms from the start on A (killed at $done_classes of $total_classes classes), status $status
takeover after SIGKILL:    $taken_ms ms (lease 30 s, heartbeat 5 s)
stored claims:             rows, distinct enrolments, sum = $rows
load over A and B:         $total_requests requests at $rate req/s; failed on B: $b_failed; on A (killed): $a_failed
FIGURES
  cat "$dir/figures.txt"
  [ "$status" = COMPLETED ] || { nodes_fail "the taken-over run ended $status: $state"; return; }
  [ "$claims" = "$clean_claims" ] && [ "$amount" = "$clean_amount" ] || { nodes_fail "count/yuan $claims/$amount differ from the clean run's $clean_claims/$clean_amount"; return; }
  [ "$rows" = "$clean_claims $clean_claims $clean_amount" ] || { nodes_fail "stored claims '$rows', expected '$clean_claims $clean_claims $clean_amount'"; return; }
  [ "$b_failed" = 0 ] || { nodes_fail "$b_failed failed requests on B ($(json_field '["nodes"]["B"]["errors"][:3]' <"$dir/load.json"))"; return; }
  python3 -c "import sys; sys.exit(0 if float('$rate') >= 200 else 1)" || { nodes_fail "load only $rate req/s"; return; }
  summary+=("ok    $(printf '%-22s' two-nodes) takeover ${taken_ms} ms after SIGKILL, ${claims} claims/${amount} yuan = clean run, 0 of B's requests failed at ${rate} req/s, activation seen on B in ${seen_ms} ms ($dir/figures.txt)")
  kill -TERM "$node_b_pid" 2>/dev/null || true
  wait "$node_b_pid" 2>/dev/null || true
  node_b_pid=""
}

if [ -z "$only" ] || [ "$only" = nodes ]; then
  two_nodes || true
fi

# ----- settlement on PostgreSQL against plain JDBC (issue 15 P2, P2b); QC_PG_ONLY=settlement -----
# One node, a fresh database: the schema, QC_SETTLE_CLASSES × QC_SETTLE_PER_CLASS enrolments seeded
# (default 2 000 × 50 = 100 000), a settlement of 510000 2026-10 timed from the POST to COMPLETED, then
# the stored rows copied with plain JDBC batches (SeedTool jdbc-baseline-db) and the bytes the settlement
# added to the tables and indexes (pg_total_relation_size before and after, per claim).
settle_classes="${QC_SETTLE_CLASSES:-2000}"
settle_per_class="${QC_SETTLE_PER_CLASS:-50}"
settlement_bench() {
  local database=qc_settle dir="$logs/settlement" url home="$cluster/settle-home"
  fresh_database "$database"
  rm -rf "$dir"
  mkdir -p "$dir"
  url="$(url_of "$database")"
  # shellcheck source=../bench/lib.sh
  source "$root/bench/lib.sh"
  local pg_jar seed_jar http_port base
  pg_jar="$(ls "$root"/distribution/target/qiancheng/system/*postgresql*.jar | head -1)"
  seed_jar="$(ls "$root"/testing/seed/target/workflow-seed-*.jar | head -1)"
  http_port="$(free_port)"
  base="http://127.0.0.1:$http_port"
  export QC_CLOCK_FIXED=2026-11-25T00:00:00Z
  settle_fail() { summary+=("FAIL  $(printf '%-22s' settlement) $*"); failed=$((failed + 1)); return 1; }
  start_one() { start_node settlement "$home" "$http_port" "$1"; platform_pid=$!; } # LOG
  stop_one() { kill -TERM "$platform_pid" 2>/dev/null || true; wait "$platform_pid" 2>/dev/null || true; platform_pid=""; }
  bytes() { "$(tool psql)" -d "$database" -tAc "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = current_schema()
    AND c.relname IN ('qc_claim', 'qc_audit', 'qc_decision_dict', 'qc_id')"; }
  # sequential and index scans per table so far: a settlement that scans a growing table whole has a quadratic cost
  scans() { "$(tool psql)" -d "$database" -tAc "SELECT string_agg(relname || ' ' || seq_scan || ' ' || COALESCE(idx_scan, 0),
    ',' ORDER BY relname) FROM pg_stat_user_tables WHERE relname IN ('qc_claim', 'qc_enrolment', 'qc_trainee', 'qc_audit')"; }

  say "settlement on PostgreSQL: schema, seeding ${settle_classes} × ${settle_per_class} enrolments → $dir"
  start_one "$dir/schema.log"
  wait_for "$base/api/v1/health" '^200 ' 240 || { tail -30 "$dir/schema.log" >&2; settle_fail "the platform did not start"; return; }
  stop_one
  java -cp "$seed_jar:$pg_jar" org.qiancheng.testing.seed.SeedTool seed-db "$url" "$db_user" "$db_password" \
    "$settle_classes" "$settle_per_class" >"$dir/seed.log" 2>&1 || { cat "$dir/seed.log" >&2; settle_fail "seeding failed"; return; }
  "$(tool psql)" -d "$database" -qc 'VACUUM ANALYZE' >/dev/null
  local before after
  before="$(bytes)"
  start_one "$dir/settle.log"
  login_staff "$base" || { tail -30 "$dir/settle.log" >&2; settle_fail "no staff"; return; }
  wait_for "$base/api/v1/regions" '^200 .*510000' 120 || { settle_fail "Sichuan not in force"; return; }
  local begin id state status ms claims amount rss scans_before scans_after cpu_platform cpu_server
  # CPU of the platform's JVM and of the server's processes over the settlement: which side the time is spent on
  server_ticks() { local p; for p in $(pgrep -u "$server_user" postgres); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null; done \
    | awk '{ s += $1 } END { print s + 0 }'; }
  scans_before="$(scans)"
  cpu_platform="$(cpu_ticks "$platform_pid")"; cpu_server="$(server_ticks)"
  begin="$(now_ns)"
  id="$(settle "$base")" || { settle_fail "the settlement did not start"; return; }
  state="$(settled "$base" "$id")"
  status="$(echo "$state" | json_field '["status"]')"
  ms=$(( ($(now_ns) - begin) / 1000000 ))
  cpu_platform=$(( ($(cpu_ticks "$platform_pid") - cpu_platform) * 1000 / $(getconf CLK_TCK) ))
  cpu_server=$(( ($(server_ticks) - cpu_server) * 1000 / $(getconf CLK_TCK) ))
  rss="$(rss_mb "$platform_pid")"
  stop_one
  [ "$status" = COMPLETED ] || { settle_fail "the run ended $status: $state"; return; }
  scans_after="$(scans)"
  claims="$(echo "$state" | json_field '["claimsCreated"]')"
  amount="$(echo "$state" | json_field '["amount"]')"
  [ "$claims" -gt 0 ] || { settle_fail "0 claims settled: nothing measured"; return; }
  "$(tool psql)" -d "$database" -qc 'VACUUM ANALYZE' >/dev/null
  after="$(bytes)"
  local storage baseline jdbc_ms
  storage="$(java -cp "$seed_jar:$pg_jar" org.qiancheng.testing.seed.SeedTool storage-db "$url" "$db_user" "$db_password" -)"
  baseline="$(java -cp "$seed_jar:$pg_jar" org.qiancheng.testing.seed.SeedTool jdbc-baseline-db "$url" "$db_user" "$db_password" -)"
  jdbc_ms="$(echo "$baseline" | sed -E 's/.* in ([0-9]+) ms.*/\1/')"
  cat >"$dir/figures.txt" <<FIGURES
settlement:   $claims claims ($amount yuan) in $ms ms = $(( claims * 1000 / (ms > 0 ? ms : 1) )) claims/s; platform RSS $rss MB
CPU meanwhile: platform JVM $cpu_platform ms, PostgreSQL server processes $cpu_server ms (2 cores: $(( 2 * ms )) ms in all)
stored:       $(( (after - before) / claims )) bytes per claim in qc_claim, qc_audit, qc_decision_dict, qc_id with their indexes and TOAST ($(( before / 1048576 )) MB before, $(( after / 1048576 )) MB after)
$storage
$baseline
scans during the settlement (table: sequential, by index): $(python3 -c "
b = {t.split()[0]: t.split()[1:] for t in '$scans_before'.split(',')}
a = {t.split()[0]: t.split()[1:] for t in '$scans_after'.split(',')}
print('; '.join('%s %d, %d' % (t, int(a[t][0]) - int(b.get(t, [0, 0])[0]), int(a[t][1]) - int(b.get(t, [0, 0])[1])) for t in sorted(a)))")
ratio settlement / plain JDBC insert: $(python3 -c "print(round($ms / max($jdbc_ms, 1), 1))")×
FIGURES
  cat "$dir/figures.txt"
  summary+=("ok    $(printf '%-22s' settlement) $claims claims in $ms ms; $(tail -1 "$dir/figures.txt") ($dir/figures.txt)")
}

if [ "$only" = settlement ]; then
  settlement_bench || true
fi

# ----- summary -----
printf '\nPostgreSQL %s on 127.0.0.1:%s — summary 汇总\n' "$("$(tool psql)" -d postgres -tAc 'SHOW server_version')" "$port"
printf '  %s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
  printf '%d of %d failed 失败; logs in %s\n' "$failed" "${#summary[@]}" "$logs"
  exit 1
fi
printf 'all %d green 全部通过; logs in %s\n' "${#summary[@]}" "$logs"
