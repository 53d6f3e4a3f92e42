#!/usr/bin/env bash
# Cold start: a new JVM on a fresh QC_HOME (fresh framework cache and database) until the first
# 200 from /api/v1/health, then until every shipped policy version is installed with its cases
# passing; then the resident set size of the running JVM.
# Since accounts are enforced, /api/v1/regions needs a session, and setting up the staff (several
# PBKDF2 hashes) would be timed with the start: the second figure is when the platform logged the
# last shipped version's "installed; its cases pass" (at least the first 200). Then the staff logs in
# and /api/v1/regions must list every shipped version, or the run fails.
#   bench/startup.sh [RUNS]   (default 5)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs="${1:-5}"
require_build
work="$(mktemp -d)"
trap 'stop_platform; rm -rf "$work"' EXIT
starts=(); regions=(); rss=()
shipped="$(ls "$dist/defaults/deploy"/*.jar | wc -l)"
for i in $(seq 1 "$runs"); do
  port="$(free_port)"
  begin="$(now_ns)"
  start_platform "$work/home-$i" "$port" "$work/run-$i.log"
  wait_for "http://127.0.0.1:$port/api/v1/health" '^200 ' || { cat "$work/run-$i.log"; exit 1; }
  ms=$(( ($(now_ns) - begin) / 1000000 ))
  # every shipped jar installed: the log line of each, with its time (UTC, ms)
  until [ "$(grep -c ' installed; its cases pass' "$work/run-$i.log")" -ge "$shipped" ]; do sleep 0.01; done
  last_ms="$(grep ' installed; its cases pass' "$work/run-$i.log" | tail -1 | cut -d' ' -f1 \
    | python3 -c 'import sys, datetime; print(int(datetime.datetime.fromisoformat(sys.stdin.read().strip().replace("Z", "+00:00")).timestamp() * 1000))')"
  all=$(( last_ms - begin / 1000000 )); [ "$all" -ge "$ms" ] || all="$ms"
  mb="$(rss_mb "$platform_pid")"
  unset QC_TOKEN_CLERK
  login_staff "http://127.0.0.1:$port" || { tail -30 "$work/run-$i.log"; exit 1; }
  listed="$(qcurl "$QC_TOKEN_CLERK" "http://127.0.0.1:$port/api/v1/regions" | grep -o '"[0-9]*\.[0-9]*\.[0-9]*"' | wc -l)"
  [ "$listed" -ge "$shipped" ] || { echo "run $i: /api/v1/regions lists $listed versions, $shipped shipped" >&2; exit 1; }
  echo "run $i: first 200 after ${ms} ms, all $shipped shipped policy versions listed after ${all} ms, RSS ${mb} MB"
  starts+=("$ms"); regions+=("$all"); rss+=("$mb")
  stop_platform
done
echo "median cold start to first 200: $(printf '%s\n' "${starts[@]}" | median) ms over $runs runs"
echo "median start to all shipped regions listed: $(printf '%s\n' "${regions[@]}" | median) ms"
echo "median RSS after start: $(printf '%s\n' "${rss[@]}" | median) MB"
