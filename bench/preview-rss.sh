#!/usr/bin/env bash
# Resident set size of the platform under previews, with the default start (`./qiancheng start`, its JVM
# defaults; QC_JAVA_OPTS adds to them as for the platform): a fresh home, the staff logged in (bench/lib.sh
# login_staff), then POST /api/v1/claims/preview (the Sichuan 2026 example of the distribution tests) by
# CLIENTS closed-loop clients at full speed for SECONDS (after 5 s of the same load, not counted), with the
# clerk's token. Prints the RSS after start, the throughput, and the RSS (and the JVM's heap and metaspace)
# after the load. Fails (exit 1) when no preview answered 200 or any answered otherwise.
#   bench/preview-rss.sh [SECONDS] [CLIENTS]   (default 60 s, 4 clients)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
seconds="${1:-60}"; clients="${2:-4}"
require_build
work="$(mktemp -d)"
trap 'stop_platform; rm -rf "$work"' EXIT
body="$root/distribution/src/test/resources/examples/preview-sichuan-2026.json"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before; QC_JAVA_OPTS='${QC_JAVA_OPTS:-}'"
port="$(free_port)"; url="http://127.0.0.1:$port"
start_platform "$work/home" "$port" "$work/platform.log"
wait_for "$url/api/v1/health" '^200 ' || { tail -30 "$work/platform.log"; exit 1; }
login_staff "$url" || { tail -30 "$work/platform.log"; exit 1; }
wait_for "$url/api/v1/regions" '^200 .*510000' || { tail -30 "$work/platform.log"; exit 1; }
echo "RSS after start and the staff's logins: $(rss_mb "$platform_pid") MB"
line="$(QC_BENCH_TOKEN="$QC_TOKEN_CLERK" seed_tool load "$url" POST /claims/preview "$body" "$clients" "$seconds" 5)" \
  || { echo "previews: $line" >&2; exit 1; }
echo "$line" | grep -q ' 0 failed' && ! echo "$line" | grep -q ': 0 ok' \
  || { echo "previews measured nothing or failed: $line" >&2; exit 1; }
echo "previews, $clients clients, $seconds s: $line"
echo "RSS after $seconds s of previews: $(rss_mb "$platform_pid") MB"
jcmd "$platform_pid" GC.heap_info 2>/dev/null | grep -E 'total|Metaspace' | sed 's/^ */  /' || true
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after"
