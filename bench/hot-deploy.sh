#!/usr/bin/env bash
# Hot-deploy latency on one running platform: from the rename of a bundle into deploy/ until its
# resource answers; and the same for an in-place update to a higher version.
# Since accounts are enforced, the probe's resource (in no permission matrix) answers 403 to
# everybody while it is served, so its body no longer tells the version (and GET /api/v1/bundles
# reads the version from the file, before it is installed): a deploy ends when the probe answers 403
# instead of 404; an update ends when the Jakarta-RS whiteboard has logged adding the probe's
# resource once more than before the copy, and the probe answers.
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
login_staff "http://127.0.0.1:$port" || { tail -30 "$work/platform.log"; exit 1; }
# added_probe: how often the whiteboard logged adding the probe's resource
added_probe() { grep -c 'Added content qiancheng.hot-probe ' "$work/platform.log" || true; }

# copy next to the hot folder, then rename into it: FileInstall never sees half a file
put() { cp "$1" "$home/probe.part"; mv "$home/probe.part" "$home/deploy/hot-probe.jar"; }

deploys=(); updates=()
for i in $(seq 1 "$runs"); do
  begin="$(now_ns)"; put "$fixtures/hot-probe-1.0.0.jar"
  wait_for "$url" '^403 .*permission' 30 || { echo "deploy $i timed out"; exit 1; }
  deploy_ms=$(( ($(now_ns) - begin) / 1000000 ))
  added="$(added_probe)"
  begin="$(now_ns)"; put "$fixtures/hot-probe-2-2.0.0.jar"
  for _ in $(seq 1 3000); do [ "$(added_probe)" -gt "$added" ] && break; sleep 0.01; done
  [ "$(added_probe)" -gt "$added" ] || { echo "update $i timed out"; exit 1; }
  wait_for "$url" '^403 .*permission' 30 || { echo "update $i: the probe no longer answers"; exit 1; }
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
