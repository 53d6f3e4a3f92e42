# Shared helpers for the bench/ harnesses (sourced, not run).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$root/distribution/target/qiancheng"
fixtures="$root/distribution/target/fixtures"

require_build() {
  if [ ! -f "$dist/lib/qiancheng-launcher.jar" ] || [ ! -f "$fixtures/hot-probe-1.0.0.jar" ]; then
    echo "building (mvn -B -q install -DskipTests) …" >&2
    (cd "$root" && mvn -B -q install -DskipTests)
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1]); s.close()'; }

now_ns() { date +%s%N; }

# start_platform HOME PORT LOG: starts ./qiancheng in the background; sets $platform_pid
start_platform() {
  QC_HOME="$1" QC_PORT="$2" "$root/qiancheng" start > "$3" 2>&1 &
  platform_pid=$!
}

# wait_for URL CONDITION [TIMEOUT_S]: polls every 10 ms until CONDITION (a grep -E pattern over
# "<status> <body>") matches; returns 1 on timeout
wait_for() {
  local url="$1" pattern="$2" deadline=$(( $(date +%s) + ${3:-120} ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    local answer
    answer="$(curl -s -m 2 -w ' %{http_code}' "$url" 2>/dev/null || true)"
    answer="${answer##* } ${answer% *}"
    if echo "$answer" | grep -Eq "$pattern"; then return 0; fi
    sleep 0.01
  done
  return 1
}

stop_platform() {
  kill -TERM "$platform_pid" 2>/dev/null || true
  wait "$platform_pid" 2>/dev/null || true
}

# cpu_ticks PID: user + system CPU time of a process so far, in clock ticks (getconf CLK_TCK per second);
# on a shared machine CPU time varies much less with the load of others than wall-clock time does
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# seed_tool ARGS…: runs the bench/test toolbox (testing/seed) with the HSQLDB driver of the distribution
seed_tool() {
  local seed_jar hsqldb_jar
  seed_jar="$(ls "$root"/testing/seed/target/workflow-seed-*.jar | head -1)"
  hsqldb_jar="$(ls "$dist"/system/*hsqldb*.jar | head -1)"
  java -cp "$seed_jar:$hsqldb_jar" org.qiancheng.testing.seed.SeedTool "$@"
}
