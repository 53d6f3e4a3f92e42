#!/usr/bin/env bash
# Cold start: a new JVM on a fresh QC_HOME (fresh framework cache and database) until the first
# 200 from /api/v1/health, then until /api/v1/regions lists every shipped region; then the
# resident set size of the running JVM.
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
  # every shipped jar installed: count the versions listed across regions
  until [ "$(curl -s "http://127.0.0.1:$port/api/v1/regions" | grep -o '"[0-9]*\.[0-9]*\.[0-9]*"' | wc -l)" -ge "$shipped" ]; do sleep 0.01; done
  all=$(( ($(now_ns) - begin) / 1000000 ))
  mb="$(rss_mb "$platform_pid")"
  echo "run $i: first 200 after ${ms} ms, all $shipped shipped policy versions listed after ${all} ms, RSS ${mb} MB"
  starts+=("$ms"); regions+=("$all"); rss+=("$mb")
  stop_platform
done
echo "median cold start to first 200: $(printf '%s\n' "${starts[@]}" | median) ms over $runs runs"
echo "median start to all shipped regions listed: $(printf '%s\n' "${regions[@]}" | median) ms"
echo "median RSS after start: $(printf '%s\n' "${rss[@]}" | median) MB"
