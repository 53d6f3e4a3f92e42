#!/usr/bin/env bash
# Class-loader leak check: CYCLES times, the Sichuan 2025.2.0 bundle leaves deploy/, comes back
# (installed anew: a new bundle revision and class loader, validated with its cases), is activated
# over 2025.1.0 through the REST API and rolled back, and leaves again. Afterwards, with a full GC, how many copies
# of the region's policy class are loaded (one per installed revision: 3 expected, for 2021.1.0,
# 2025.1.0 and 2025.2.0), how many bundle class loaders live, and how metaspace grew.
#   bench/leak.sh [CYCLES]     (default 100)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cycles="${1:-100}"
require_build
work="$(mktemp -d)"; home="$work/home"
trap 'stop_platform; rm -rf "$work"' EXIT
export QC_CLOCK_FIXED=2026-11-25T00:00:00Z
port="$(free_port)"; api="http://127.0.0.1:$port/api/v1"
start_platform "$home" "$port" "$work/platform.log"
wait_for "$api/policies" '^200 .*2025\.2\.0' || { cat "$work/platform.log"; exit 1; }
jar="$(ls "$home"/deploy/region-sichuan-2025-2-*.jar)"; parked="$work/$(basename "$jar")"
pid="$(pgrep -P "$platform_pid" java || echo "$platform_pid")"

copies() { jcmd "$pid" VM.class_hierarchy 2>/dev/null | grep -c 'org.qiancheng.region.sichuan.SichuanPolicy/' || true; }
loaders() { jcmd "$pid" VM.classloader_stats | grep -c 'BundleClassLoader' || true; }
metaspace_mb() { jcmd "$pid" VM.metaspace | sed -nE 's/^ *Both:.* ([0-9.]+) MB \( *[<>0-9]+%\) used.*/\1/p' | head -1; }
full_gc() { jcmd "$pid" GC.run >/dev/null; sleep 1; jcmd "$pid" GC.run >/dev/null; }
listed() { curl -s "$api/policies" | grep -q '"version":"2025.2.0"'; }

full_gc
before_copies="$(copies)"; before_loaders="$(loaders)"; before_meta="$(metaspace_mb)"
begin="$(now_ns)"
for i in $(seq 1 "$cycles"); do
  mv "$jar" "$parked"
  for _ in $(seq 1 600); do listed || break; sleep 0.05; done
  mv "$parked" "$jar"
  for _ in $(seq 1 600); do listed && break; sleep 0.05; done
  status="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    -H 'X-Operator: leak-bench' -d '{"reason":"leak check"}' "$api/policies/510000/2025.2.0/activate")"
  [ "$status" = 200 ] || { echo "cycle $i: activation answered $status" >&2; exit 1; }
  # back to 2025.1.0, or the stored activation would keep 2025.2.0 active through its next install
  status="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    -H 'X-Operator: leak-bench' -d '{"reason":"leak check"}' "$api/policies/510000/rollback")"
  [ "$status" = 200 ] || { echo "cycle $i: rollback answered $status" >&2; exit 1; }
done
mv "$jar" "$parked"; for _ in $(seq 1 600); do listed || break; sleep 0.05; done
mv "$parked" "$jar"; for _ in $(seq 1 600); do listed && break; sleep 0.05; done
ms=$(( ($(now_ns) - begin) / 1000000 ))
full_gc
after_copies="$(copies)"; after_loaders="$(loaders)"; after_meta="$(metaspace_mb)"
echo "$cycles cycles (remove, install, activate, roll back) in $ms ms"
echo "copies of SichuanPolicy loaded: before $before_copies, after $after_copies (one per installed revision)"
echo "bundle class loaders alive: before $before_loaders, after $after_loaders"
echo "metaspace used: before $before_meta MB, after $after_meta MB"
