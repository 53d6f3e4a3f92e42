#!/usr/bin/env bash
# Settlement time of two builds in the same run, alternating, on copies of one seeded database: BASE_TREE (a
# work tree of an older commit, built with `mvn -B -q -o package -Dmaven.test.skip=true`) against this work tree.
# Seeds CLASSES × TRAINEES_PER_CLASS enrolments once (this tree's schema and seed tool, as bench/settlement.sh
# does), then for ROUNDS rounds, in an order that alternates from round to round, each tree: a fresh home of its
# own (its schema made by its first start), the seeded database copied in, a start, the staff's logins, and the
# settlement of 510000 for 2026-10 from the POST to COMPLETED. Prints each run's time, the JVM's CPU (all
# threads) and the settlement thread's CPU over the settlement, and the medians. Nothing else runs: no what-if
# comparison, no JDBC copy (bench/settlement.sh gives the ratio). The two trees must share the schema.
# Fails (exit 1) when a run did not complete or settled no claim.
#   bench/settlement-ab.sh BASE_TREE [ROUNDS] [CLASSES] [TRAINEES_PER_CLASS]   (default 2, 20000 × 50)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
base_tree="$(built_tree "${1:?usage: bench/settlement-ab.sh BASE_TREE [ROUNDS] [CLASSES] [TRAINEES_PER_CLASS]}")"
rounds="${2:-2}"; classes="${3:-20000}"; per_class="${4:-50}"
require_build
work="$(mktemp -d)"
platform_pid=""
trap 'stop_platform; rm -rf "$work"' EXIT
trap 'echo "settlement-ab: failed at line $LINENO" >&2' ERR
export QC_CLOCK_FIXED=2026-11-25T00:00:00Z

# settlement_thread_ticks PID: the CPU ticks of the platform's settlement worker (empty when it has none)
settlement_thread_ticks() {
  local t
  for t in /proc/"$1"/task/*; do
    if [ "$(cat "$t/comm")" = qc-settlement ]; then awk '{ print $14 + $15 }' "$t/stat"; fi
  done
}
# schema TREE HOME: a fresh home with TREE's schema, stopped
schema() {
  start_tree "$1" "$2" "$2.schema.log"
  wait_for "http://127.0.0.1:$port/api/v1/health" '^200 ' || { tail -30 "$2.schema.log"; exit 1; }
  stop_platform
}
echo "base: $(git -C "$base_tree" log -1 --format='%h %s' | cut -c1-80)"
echo "this: $(git -C "$root" log -1 --format='%h %s' | cut -c1-80)$( [ -z "$(git -C "$root" status --porcelain \
  --untracked-files=no)" ] || echo ' (with uncommitted changes)')"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before; QC_JAVA_OPTS='${QC_JAVA_OPTS:-}'"
schema "$root" "$work/seeded-home"
seed_tool seed "$work/seeded-home" "$classes" "$per_class"
expected=$(( classes * per_class ))

run() {
  local tree="$1" n="$2" dir="$root" home="$work/$1-$2" begin ms cpu thread_ms thread_after claims
  [ "$tree" = base ] && dir="$base_tree"
  schema "$dir" "$home"
  rm -rf "$home/data"; cp -r "$work/seeded-home/data" "$home/data"
  start_tree "$dir" "$home" "$home.log"
  login_staff "http://127.0.0.1:$port" >/dev/null || { tail -30 "$home.log" >&2; exit 1; }
  wait_for "http://127.0.0.1:$port/api/v1/regions" '^200 .*510000' || { tail -30 "$home.log" >&2; exit 1; }
  begin="$(now_ns)"; cpu="$(cpu_ticks "$platform_pid")"
  settle_sichuan "http://127.0.0.1:$port" || { echo "round $n $tree: not started" >&2; exit 1; }
  ms=$(( ($(now_ns) - begin) / 1000000 ))
  cpu=$(( ($(cpu_ticks "$platform_pid") - cpu) * 1000 / $(getconf CLK_TCK) ))
  # the worker thread is created for the run: its CPU is the settlement's
  thread_after="$(settlement_thread_ticks "$platform_pid")"
  stop_platform
  claims="$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["claimsCreated"])')"
  [ "$status" = COMPLETED ] && [ "$claims" -gt 0 ] \
    || { echo "round $n $tree: the run ended $status with $claims of $expected claims: nothing measured" >&2; exit 1; }
  thread_ms=$(( ${thread_after:-0} * 1000 / $(getconf CLK_TCK) ))
  echo "round $n $tree: $claims claims in $ms ms; JVM CPU $cpu ms, settlement thread $thread_ms ms"
  echo "$tree $ms $cpu $thread_ms" >> "$work/times"
  rm -rf "$home"
}
alternate "$rounds" base this
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after"
for tree in base this; do
  ms="$(median_of "$work/times" "$tree" 2)"
  cpu="$(median_of "$work/times" "$tree" 3)"
  thread="$(median_of "$work/times" "$tree" 4)"
  [ -n "$ms" ] || { echo "$tree: nothing measured" >&2; exit 1; }
  echo "$tree: median settlement $ms ms, JVM CPU $cpu ms, settlement thread $thread ms over $rounds runs"
done
