#!/usr/bin/env bash
# Class-loader leak check: CYCLES times, the Sichuan 2025.2.0 bundle leaves deploy/, comes back
# (installed anew: a new bundle revision and class loader, validated with its cases), is activated
# over 2025.1.0 through the REST API and rolled back, and leaves again. Afterwards, with a full GC, how many copies
# of the region's policy class are loaded (one per installed revision: 3 expected, for 2021.1.0,
# 2025.1.0 and 2025.2.0), how many bundle class loaders live, and how metaspace grew.
#   bench/leak.sh [CYCLES]     (default 100)
# Activating takes two policy administrators (request, then confirm by the other): the script reads
# their bearer tokens from QC_TOKEN_POLICY and QC_TOKEN_POLICY2, which bench/lib.sh's login_staff
# provides once the platform runs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cycles="${1:-100}"
require_build
work="$(mktemp -d)"; home="$work/home"
trap 'stop_platform; rm -rf "$work"' EXIT
export QC_CLOCK_FIXED=2026-11-25T00:00:00Z
port="$(free_port)"; api="http://127.0.0.1:$port/api/v1"
start_platform "$home" "$port" "$work/platform.log"
fail() { echo "leak.sh FAILED: $*" >&2; tail -30 "$work/platform.log" >&2; exit 1; }
# the status of Sichuan 2025.2.0 in /policies: VALIDATING while its cases run, then STANDBY (or
# ACTIVE); "absent" when not installed. /policies lists a version from the moment it arrives, so
# waiting for it to be listed is not enough: activating a VALIDATING version is refused (409).
status() {
  qcurl "$QC_TOKEN_POLICY" -m 5 "$api/policies" | python3 -c '
import json, sys
try:
    versions = json.load(sys.stdin)
except ValueError:
    print("unreadable"); sys.exit()
print(next((v["status"] for v in versions if v["descriptor"]["regionCode"] == "510000"
            and v["descriptor"]["version"] == "2025.2.0"), "absent"))'
}
# await_status PATTERN WHAT: polls until the status matches (grep -E), at most 60 s, or fails loudly
await_status() {
  local s=""
  for _ in $(seq 1 1200); do
    s="$(status)"; if echo "$s" | grep -Eq "^($1)$"; then return 0; fi; sleep 0.05
  done
  fail "$2: 2025.2.0 still '$s' after 60 s"
}
wait_for "$api/health" '^200 ' || fail "the platform never answered"
# the staff's tokens (bench/lib.sh): QC_TOKEN_POLICY requests and rolls back, QC_TOKEN_POLICY2 confirms
login_staff "http://127.0.0.1:$port" || fail "logging the staff in failed"
await_status 'STANDBY|ACTIVE' "start"
jar="$(ls "$home"/deploy/region-sichuan-2025-2-*.jar)"; parked="$work/$(basename "$jar")"
pid="$(pgrep -P "$platform_pid" java || echo "$platform_pid")"

copies() { jcmd "$pid" VM.class_hierarchy 2>/dev/null | grep -c 'org.qiancheng.region.sichuan.SichuanPolicy/' || true; }
loaders() { jcmd "$pid" VM.classloader_stats | grep -c 'BundleClassLoader' || true; }
metaspace_mb() { jcmd "$pid" VM.metaspace | sed -nE 's/^ *Both:.* ([0-9.]+) MB \( *[<>0-9]+%\) used.*/\1/p' | head -1; }
full_gc() { jcmd "$pid" GC.run >/dev/null; sleep 1; jcmd "$pid" GC.run >/dev/null; }

[ "$cycles" -ge 1 ] 2>/dev/null || fail "CYCLES must be a number of at least 1, was '$cycles'"
[ -n "${QC_TOKEN_POLICY:-}" ] && [ -n "${QC_TOKEN_POLICY2:-}" ] \
  || fail "QC_TOKEN_POLICY and QC_TOKEN_POLICY2 (two policy administrators' tokens, from bench/lib.sh) are not set"
full_gc
before_copies="$(copies)"; before_loaders="$(loaders)"; before_meta="$(metaspace_mb)"
begin="$(now_ns)"
for i in $(seq 1 "$cycles"); do
  mv "$jar" "$parked"
  await_status absent "cycle $i: removal"
  mv "$parked" "$jar"
  await_status 'STANDBY|ACTIVE' "cycle $i: validation"
  # two-person activation: one policy administrator requests, the second confirms
  answer="$(curl -s -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $QC_TOKEN_POLICY" -d '{"reason":"leak check"}' \
    "$api/policies/510000/2025.2.0/activate")"
  [ "${answer##*$'\n'}" = 202 ] || fail "cycle $i: activation request answered ${answer##*$'\n'}"
  request_id="$(echo "${answer%$'\n'*}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')"
  code="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $QC_TOKEN_POLICY2" \
    "$api/policies/activation-requests/$request_id/confirm")"
  [ "$code" = 200 ] || fail "cycle $i: confirmation answered $code"
  # back to 2025.1.0, or the stored activation would keep 2025.2.0 active through its next install;
  # a rollback is one person's decision
  code="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $QC_TOKEN_POLICY" -d '{"reason":"leak check"}' "$api/policies/510000/rollback")"
  [ "$code" = 200 ] || fail "cycle $i: rollback answered $code"
done
mv "$jar" "$parked"; await_status absent "last removal"
mv "$parked" "$jar"; await_status 'STANDBY|ACTIVE' "last validation"
ms=$(( ($(now_ns) - begin) / 1000000 ))
full_gc
after_copies="$(copies)"; after_loaders="$(loaders)"; after_meta="$(metaspace_mb)"
# a harness that measured nothing must not print figures that look like a result
for figure in before_copies after_copies before_loaders after_loaders; do
  [ "${!figure:-0}" -gt 0 ] 2>/dev/null || fail "measured nothing: $figure is '${!figure}' (jcmd on pid $pid?)"
done
[ -n "$before_meta" ] && [ -n "$after_meta" ] || fail "measured nothing: metaspace '$before_meta' → '$after_meta'"
echo "$cycles cycles (remove, install, activate, roll back) in $ms ms"
echo "copies of SichuanPolicy loaded: before $before_copies, after $after_copies (one per installed revision)"
echo "bundle class loaders alive: before $before_loaders, after $after_loaders"
echo "metaspace used: before $before_meta MB, after $after_meta MB"
