#!/usr/bin/env bash
# Hot-deploy latency on one running platform: from the rename of a bundle into deploy/ until its
# resource answers; and the same for an in-place update to a higher version.
#   bench/hot-deploy.sh [RUNS]   (default 5)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs="${1:-5}"
require_build
work="$(mktemp -d)"
trap 'stop_platform; rm -rf "$work"' EXIT
port="$(free_port)"; home="$work/home"; url="http://127.0.0.1:$port/api/v1/hot-probe"
start_platform "$home" "$port" "$work/platform.log"
wait_for "http://127.0.0.1:$port/api/v1/health" '^200 ' || { cat "$work/platform.log"; exit 1; }

# copy next to the hot folder, then rename into it: FileInstall never sees half a file
put() { cp "$1" "$home/probe.part"; mv "$home/probe.part" "$home/deploy/hot-probe.jar"; }

deploys=(); updates=()
for i in $(seq 1 "$runs"); do
  begin="$(now_ns)"; put "$fixtures/hot-probe-1.0.0.jar"
  wait_for "$url" '^200 hot-probe 1\.0\.0' 30 || { echo "deploy $i timed out"; exit 1; }
  deploy_ms=$(( ($(now_ns) - begin) / 1000000 ))
  begin="$(now_ns)"; put "$fixtures/hot-probe-2-2.0.0.jar"
  wait_for "$url" '^200 hot-probe 2\.0\.0' 30 || { echo "update $i timed out"; exit 1; }
  update_ms=$(( ($(now_ns) - begin) / 1000000 ))
  echo "run $i: deploy ${deploy_ms} ms, update 1.0.0 -> 2.0.0 ${update_ms} ms"
  deploys+=("$deploy_ms"); updates+=("$update_ms")
  rm "$home/deploy/hot-probe.jar"
  wait_for "$url" '^404 ' 30 || { echo "removal $i timed out"; exit 1; }
done
poll="$(grep -E '^felix.fileinstall.poll=' "$dist/conf/framework.properties" | cut -d= -f2)"
echo "FileInstall poll interval: ${poll} ms"
echo "median hot deploy (copy into deploy/ -> resource answers): $(printf '%s\n' "${deploys[@]}" | median) ms over $runs runs"
echo "median hot update (higher version over the same file -> new answer): $(printf '%s\n' "${updates[@]}" | median) ms"
