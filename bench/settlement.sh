#!/usr/bin/env bash
# Settlement throughput on HSQLDB against a plain JDBC batch insert of the same rows.
#   bench/settlement.sh [CLASSES] [TRAINEES_PER_CLASS]     (default 20000 × 50 = 1 000 000 claims)
# Starts the platform once on a fresh home (schema), seeds the enrolments over JDBC while it is
# stopped, starts it again, POSTs a settlement of 510000 for 2026-10 and polls it to COMPLETED
# (claims/s = claims ÷ time from the POST to COMPLETED; also the platform JVM's CPU time over the same span,
# steadier than wall-clock time on a machine shared with other work), then times POST /policies/510000/compare of the
# stored claims against Sichuan 2025.2.0; stops it; reports the bytes the settlement added to the database
# files per claim and what its rows hold (SeedTool storage), then copies the rows it stored (every claim and
# the audit entry of each) into tables of the same columns, primary key and indexes with plain JDBC batches
# in the same database (SeedTool jdbc-baseline), failing when the copy is not of those rows.
# The staff logs in after the second start (bench/lib.sh login_staff): FINANCE starts and polls the
# settlement, POLICY_ADMIN compares.
# Environment: QC_JAVA_OPTS for the platform's JVM (e.g. -Xmx4g); BENCH_KEEP=1 keeps the home.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
classes="${1:-20000}"; per_class="${2:-50}"
require_build
work="$(mktemp -d)"; home="$work/home"
trap 'stop_platform; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT
export QC_CLOCK_FIXED=2026-11-25T00:00:00Z
port="$(free_port)"
start_platform "$home" "$port" "$work/schema.log"
wait_for "http://127.0.0.1:$port/api/v1/health" '^200 ' || { cat "$work/schema.log"; exit 1; }
stop_platform
seed_tool seed "$home" "$classes" "$per_class"
seeded_bytes="$(du -sb "$home/data" | cut -f1)"
start_platform "$home" "$port" "$work/settle.log"
login_staff "http://127.0.0.1:$port" || { tail -30 "$work/settle.log"; exit 1; }
wait_for "http://127.0.0.1:$port/api/v1/regions" '^200 .*510000' || { cat "$work/settle.log"; exit 1; }
begin="$(now_ns)"
cpu_before="$(cpu_ticks "$platform_pid")"
settle_sichuan "http://127.0.0.1:$port" || exit 1
ms=$(( ($(now_ns) - begin) / 1000000 ))
cpu_ms=$(( ($(cpu_ticks "$platform_pid") - cpu_before) * 1000 / $(getconf CLK_TCK) ))
claims="$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["claimsCreated"])')"
amount="$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin, parse_float=str)["amount"])')"
rss="$(rss_mb "$platform_pid") MB ($(rss_parts "$platform_pid"))"
# what-if over the same stored claims: Sichuan 2025.2.0 (shipped on STANDBY) decides them again
begin="$(now_ns)"
comparison="$(qcurl "$QC_TOKEN_POLICY" -m 3600 -X POST -H 'Content-Type: application/json' \
  -d '{"candidate":"2025.2.0","from":"2026-01-01","to":"2026-12-31","top":10}' \
  "http://127.0.0.1:$port/api/v1/policies/510000/compare")"
compare_ms=$(( ($(now_ns) - begin) / 1000000 ))
stop_platform
settled_bytes="$(du -sb "$home/data" | cut -f1)"
[ "$status" = COMPLETED ] || { echo "settlement ended $status: $state" >&2; exit 1; }
# a run that settled nothing measured nothing: no figure rather than a ratio of nothing
expected=$(( classes * per_class ))
[ "$claims" -gt 0 ] || { echo "settlement created 0 claims of the ${expected} seeded: nothing measured ($state)" >&2; exit 1; }
echo "settlement: $claims claims ($amount yuan) in $ms ms = $(( claims * 1000 / ms )) claims/s; platform RSS ${rss}"
echo "settlement CPU (platform JVM, user + system, all threads): $cpu_ms ms = $(( claims * 1000 / (cpu_ms > 0 ? cpu_ms : 1) )) claims per CPU-second"
echo "$comparison" | python3 -c 'import json,sys; c=json.load(sys.stdin, parse_float=str); print("compare with 2025.2.0: %s claims, %s changed, delta %s yuan" % (c["claims"], c["changed"], c["delta"]))' \
  || { echo "compare failed: $comparison" >&2; exit 1; }
echo "compare: ${compare_ms} ms = $(( claims * 1000 / (compare_ms > 0 ? compare_ms : 1) )) claims/s"
# what the settlement added to the database files (claims, their audit entries, indexes, free space) per claim
echo "stored: $(( (settled_bytes - seeded_bytes) / claims )) bytes per claim in the database files ($(( seeded_bytes / 1048576 )) MB seeded, $(( settled_bytes / 1048576 )) MB settled)"
seed_tool storage "$home"
baseline="$(seed_tool jdbc-baseline "$home")"
echo "$baseline"
# the copy must be of what the settlement stored: every claim and an audit entry for each
copied="$(echo "$baseline" | sed -E 's/.*\(([0-9]+) claims, ([0-9]+) audit entries\).*/\1 \2/')"
[ "${copied% *}" -ge "$claims" ] && [ "${copied#* }" -ge "$claims" ] \
  || { echo "the JDBC baseline copied '$copied' (claims, audit entries) for $claims claims: not the same rows" >&2; exit 1; }
jdbc_ms="$(echo "$baseline" | sed -E 's/.* in ([0-9]+) ms.*/\1/')"
echo "ratio settlement / plain JDBC insert: $(python3 -c "print(round($ms / max($jdbc_ms, 1), 1))")×"
echo "database: $(du -sh "$home/data" | cut -f1)"
