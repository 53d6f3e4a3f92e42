#!/usr/bin/env bash
# Start time, two ways, with the default start (`./qiancheng start`, its JVM defaults and class-data archive):
#   fresh home     a new JVM on a new QC_HOME (defaults copied, empty framework cache, new database)
#   existing home  the same home started again after a clean stop (framework cache kept, database there)
# Each until the first 200 from /api/v1/health, then until every shipped policy version is installed with
# its cases passing (the platform logs the last shipped version's "installed; its cases pass"; at least
# the first 200), then the resident set size of the JVM. The fresh runs then set up the staff (bench/lib.sh
# login_staff, several PBKDF2 hashes, not timed) and /api/v1/regions must list every shipped version.
# One untimed start first, so that the class-data archive of this build exists (the exit of the first
# start of a build writes it) and every timed run starts as any later start of this build does.
# Fails (exit 1) when a run measured nothing: no 200, a shipped version missing, or an existing-home start
# that did not keep its framework cache.
#   bench/startup.sh [RUNS]   (default 5; each run is one fresh and one existing-home start)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs="${1:-5}"
require_build
work="$(mktemp -d)"
trap 'stop_platform; rm -rf "$work"' EXIT
shipped="$(ls "$dist/defaults/deploy"/*.jar | wc -l)"
[ "$shipped" -gt 0 ] || { echo "no shipped policy versions in $dist/defaults/deploy: nothing to measure" >&2; exit 1; }
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before; QC_JAVA_OPTS='${QC_JAVA_OPTS:-}'"

# timed_start HOME LOG: starts, waits for the first 200 and every shipped version; sets ms, all, mb
timed_start() {
  local home="$1" log="$2" port last_ms
  port="$(free_port)"
  begin="$(now_ns)"
  start_platform "$home" "$port" "$log"
  wait_for "http://127.0.0.1:$port/api/v1/health" '^200 ' || { tail -40 "$log"; echo "no 200 from $home" >&2; exit 1; }
  ms=$(( ($(now_ns) - begin) / 1000000 ))
  local deadline=$(( $(date +%s) + 120 ))
  until [ "$(grep -c ' installed; its cases pass' "$log")" -ge "$shipped" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { tail -40 "$log"; echo "not every shipped version installed" >&2; exit 1; }
    sleep 0.01
  done
  last_ms="$(grep ' installed; its cases pass' "$log" | tail -1 | cut -d' ' -f1 \
    | python3 -c 'import sys, datetime; print(int(datetime.datetime.fromisoformat(sys.stdin.read().strip().replace("Z", "+00:00")).timestamp() * 1000))')"
  all=$(( last_ms - begin / 1000000 )); [ "$all" -ge "$ms" ] || all="$ms"
  mb="$(rss_mb "$platform_pid")"
  url="http://127.0.0.1:$port"
  cds="none"; tr '\0' ' ' < "/proc/$platform_pid/cmdline" | grep -q 'SharedArchiveFile=' && cds="mapped"
}

warm_port="$(free_port)"
start_platform "$work/warm-up" "$warm_port" "$work/warm-up.log"
wait_for "http://127.0.0.1:$warm_port/api/v1/health" '^200 ' || { tail -40 "$work/warm-up.log"; echo "warm-up start: no 200" >&2; exit 1; }
stop_platform

fresh=(); fresh_all=(); fresh_rss=(); kept=(); kept_all=(); kept_rss=()
for i in $(seq 1 "$runs"); do
  home="$work/home-$i"
  timed_start "$home" "$work/fresh-$i.log"
  unset QC_TOKEN_CLERK
  login_staff "$url" || { tail -30 "$work/fresh-$i.log"; exit 1; }
  listed="$(qcurl "$QC_TOKEN_CLERK" "$url/api/v1/regions" | grep -o '"[0-9]*\.[0-9]*\.[0-9]*"' | wc -l)"
  [ "$listed" -ge "$shipped" ] || { echo "run $i: /api/v1/regions lists $listed versions, $shipped shipped" >&2; exit 1; }
  echo "run $i fresh home:    first 200 after ${ms} ms, all $shipped shipped versions after ${all} ms, RSS ${mb} MB (class-data archive: $cds)"
  fresh+=("$ms"); fresh_all+=("$all"); fresh_rss+=("$mb")
  stop_platform

  timed_start "$home" "$work/existing-$i.log"
  grep -q 'cache kept' "$work/existing-$i.log" \
    || { grep -i 'framework' "$work/existing-$i.log" >&2; echo "run $i: the existing home did not keep its framework cache" >&2; exit 1; }
  echo "run $i existing home: first 200 after ${ms} ms, all $shipped shipped versions after ${all} ms, RSS ${mb} MB (class-data archive: $cds)"
  kept+=("$ms"); kept_all+=("$all"); kept_rss+=("$mb")
  stop_platform
done
span() { sort -n | awk '{ v[NR] = $1 } END { printf "%s–%s", v[1], v[NR] }'; }
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "existing home: median first 200 $(printf '%s\n' "${kept[@]}" | median) ms ($(printf '%s\n' "${kept[@]}" | span)), all shipped versions $(printf '%s\n' "${kept_all[@]}" | median) ms, RSS $(printf '%s\n' "${kept_rss[@]}" | median) MB over $runs runs"
echo "fresh home:    median first 200 $(printf '%s\n' "${fresh[@]}" | median) ms ($(printf '%s\n' "${fresh[@]}" | span)), all shipped versions $(printf '%s\n' "${fresh_all[@]}" | median) ms, RSS $(printf '%s\n' "${fresh_rss[@]}" | median) MB over $runs runs"
