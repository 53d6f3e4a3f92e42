#!/usr/bin/env bash
# The console's dashboard in Debian's chromium, on a fresh platform filled with the demo data set
# (./qiancheng demo's DemoData: 21 classes, 404 trainees, 283 claims). RUNS times, each with a new
# browser profile: the console page cold (login form), the dashboard cold (cache cleared, a session set)
# and warm (reload, every file revalidated): first contentful paint, "dashboard ready" (all four charts
# drawn) and the bytes transferred and decoded. Fails (exit 1) when a run measured nothing.
#   bench/console.sh [RUNS]     (default 5)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs="${1:-5}"
require_build
[ -f "$dist/demo/qiancheng-demo.jar" ] || (cd "$root" && mvn -B -q package -Dmaven.test.skip=true)
"$root/scripts/ensure-chromium.sh"
work="$(mktemp -d)"
trap 'stop_platform; rm -rf "$work"' EXIT
port="$(free_port)"; base="http://127.0.0.1:$port"
start_platform "$work/home" "$port" "$work/platform.log"
java -cp "$dist/demo/*" org.qiancheng.demo.DemoData "$base/api/v1" "$work/home" "$QC_ADMIN_PASSWORD" \
  > "$work/demo.log" 2>&1 || { tail -n 30 "$work/demo.log" "$work/platform.log"; exit 1; }
grep -h "Demo data ready" "$work/demo.log"
classpath="$work/classpath.txt"
(cd "$root" && mvn -B -q -o dependency:build-classpath -pl testing/seed -Dmdep.outputFile="$classpath" >/dev/null)
echo "chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$(ls "$root"/testing/seed/target/workflow-seed-*.jar | head -1):$(cat "$classpath")" \
  org.qiancheng.testing.seed.SeedTool console-paint "$base" reviewer Qiancheng-Demo-2026! "$runs"
