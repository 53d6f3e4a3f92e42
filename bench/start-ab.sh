#!/usr/bin/env bash
# Start to first 200 of two builds in the same run, alternating: BASE_TREE (a work tree of an older commit,
# built with `mvn -B -q -o package -Dmaven.test.skip=true`) against this work tree, each on a home of its own,
# each started once untimed and stopped cleanly first (so its home exists and, where the build has one,
# its class-data archive is written). Then ROUNDS rounds of one existing-home start of each, in an order
# that alternates from round to round; each start is timed from the launch of `./qiancheng start` to the
# first 200 from /api/v1/health, with the JVM's CPU time (user + system, all threads) at that moment,
# steadier than wall-clock time on a shared machine. Prints every run and the medians.
# Fails (exit 1) when a start gave no 200 within 120 s.
#   bench/start-ab.sh BASE_TREE [ROUNDS]   (default 5)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
base_tree="$(built_tree "${1:?usage: bench/start-ab.sh BASE_TREE [ROUNDS]}")"
rounds="${2:-5}"
require_build
work="$(mktemp -d)"
platform_pid=""
trap 'stop_platform; rm -rf "$work"' EXIT

echo "base: $(git -C "$base_tree" log -1 --format='%h %s' | cut -c1-80)"
echo "this: $(git -C "$root" log -1 --format='%h %s' | cut -c1-80)"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before; QC_JAVA_OPTS='${QC_JAVA_OPTS:-}'"
for tree in base this; do
  dir="$root"; [ "$tree" = base ] && dir="$base_tree"
  start_tree "$dir" "$work/$tree-home" "$work/$tree-first.log"
  wait_for "http://127.0.0.1:$port/api/v1/health" '^200 ' || { tail -30 "$work/$tree-first.log"; exit 1; }
  stop_platform
done
run() {
  local tree="$1" n="$2" dir="$root" begin ms cpu
  [ "$tree" = base ] && dir="$base_tree"
  begin="$(now_ns)"
  start_tree "$dir" "$work/$tree-home" "$work/$tree-$n.log"
  wait_for "http://127.0.0.1:$port/api/v1/health" '^200 ' 120 \
    || { tail -30 "$work/$tree-$n.log" >&2; echo "round $n: $tree gave no 200" >&2; exit 1; }
  ms=$(( ($(now_ns) - begin) / 1000000 ))
  cpu=$(( $(cpu_ticks "$platform_pid") * 1000 / $(getconf CLK_TCK) ))
  stop_platform
  echo "round $n $tree: first 200 after $ms ms, JVM CPU $cpu ms (load average $(cut -d' ' -f1 /proc/loadavg))"
  echo "$tree $ms $cpu" >> "$work/times"
}
alternate "$rounds" base this
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after"
for tree in base this; do
  ms="$(median_of "$work/times" "$tree" 2)"
  cpu="$(median_of "$work/times" "$tree" 3)"
  [ -n "$ms" ] || { echo "$tree: nothing measured" >&2; exit 1; }
  echo "$tree: median first 200 on an existing home $ms ms, JVM CPU $cpu ms over $rounds runs"
done
