#!/usr/bin/env bash
# Does HSQLDB run a settlement's reads on a second session while a first one writes? (issue 15 P2: a
# settlement split into a reading and a writing thread is faster only if the database overlaps them.)
# Seeds a database as bench/settlement.sh does (the platform started once for the schema, then the seed
# tool), then ROUNDS rounds of three runs on fresh copies of it, in an order that turns from round to
# round: W (a session writing BATCHES commits of 1 000 claims and their audit entries), R (a session reading
# the enrolments, trainees and earlier claims of BATCHES batches of 20 classes) and WR (both at once, on
# two threads and connections). bench/HsqldbSessions.java says what each does.
# Prints every run, the medians and the overlap: (W + R − WR) ÷ R, 1 when the reads cost the pair no time,
# 0 when the pair takes as long as the two one after the other, below 0 when longer.
# Fails (exit 1) when a run wrote or read nothing.
#   bench/hsqldb-sessions.sh [BATCHES] [ROUNDS] [CLASSES] [TRAINEES_PER_CLASS]   (default 150 3 20000 50)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
batches="${1:-150}"; rounds="${2:-3}"; classes="${3:-20000}"; per_class="${4:-50}"
require_build
work="$(mktemp -d)"; home="$work/home"
trap 'stop_platform; rm -rf "$work"' EXIT
hsqldb_jar="$(ls "$dist"/system/*hsqldb*.jar | head -1)"
port="$(free_port)"
start_platform "$home" "$port" "$work/schema.log"
wait_for "http://127.0.0.1:$port/api/v1/health" '^200 ' || { cat "$work/schema.log"; exit 1; }
stop_platform
seed_tool seed "$home" "$classes" "$per_class" >/dev/null
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $classes classes × $per_class seeded; $batches batches a run"
modes=(W R WR)
for round in $(seq 1 "$rounds"); do
  for k in 0 1 2; do
    mode="${modes[$(( (k + round - 1) % 3 ))]}"
    rm -rf "$work/copy"; cp -r "$home/data" "$work/copy"
    line="$(java -Xmx384m -XX:+UseParallelGC -cp "$hsqldb_jar" "$root/bench/HsqldbSessions.java" "$work/copy" "$mode" "$batches")"
    echo "round $round: $line"
    echo "$mode $(echo "$line" | cut -d' ' -f2)" >> "$work/runs"
  done
done
w="$(median_of "$work/runs" W 2)"
r="$(median_of "$work/runs" R 2)"
wr="$(median_of "$work/runs" WR 2)"
echo "medians: W $w ms, R $r ms, WR $wr ms; W + R $(( ${w%.*} + ${r%.*} )) ms"
python3 -c "print('overlap (W + R - WR) / R: %.2f' % (($w + $r - $wr) / $r))"
