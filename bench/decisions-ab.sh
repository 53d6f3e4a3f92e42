#!/usr/bin/env bash
# P1 on a machine whose speed is not known: decisions per second of one region version in this tree and in
# BASE_TREE (another checkout of the project, e.g. a clone at the commit whose figure docs/benchmarks.md
# gives), alternating, ROUNDS rounds each (JMH `DecisionBenchmark.decide`, one thread, 1 fork, 3 × 2 s warm-up,
# 5 × 2 s measured, as bench/decisions.sh). The same code measured far apart on different machines differs by
# the machine; measured alternately, by the code. Builds the benchmark module in each tree first (offline).
# Fails (exit 1) when a run printed no figure.
#   bench/decisions-ab.sh BASE_TREE [ROUNDS] [REGION]   (default 2 rounds, region-xian.jar:preview-xian)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
base="$(cd "${1:?usage: bench/decisions-ab.sh BASE_TREE [ROUNDS] [REGION]}" && pwd)"
rounds="${2:-2}"; region="${3:-region-xian.jar:preview-xian}"
for tree in "$base" "$here"; do
  (cd "$tree" && mvn -B -q -o package -DskipTests -pl bench/decisions -am)
done
declare -A figures
for round in $(seq 1 "$rounds"); do
  for tree in "$base" "$here"; do
    cd "$tree"
    line="$(java -cp "bench/decisions/target/classes:$(cat bench/decisions/target/classpath.txt)" org.openjdk.jmh.Main \
      'DecisionBenchmark.decide$' -p region="$region" -f 1 -wi 3 -i 5 -w 2s -r 2s -jvmArgsAppend "-Dqc.repo=$tree" 2>&1 \
      | grep -E '^DecisionBenchmark\.decide ' || true)"
    figure="$(echo "$line" | awk '{print $(NF-3)}')"
    [[ "$figure" =~ ^[0-9.]+$ ]] || { echo "round $round, $tree: no figure measured ($line)" >&2; exit 1; }
    echo "round $round $( [ "$tree" = "$base" ] && echo base || echo this ): $(printf '%.0f' "$figure") decisions/s ($line)"
    figures[$tree]+="$figure "
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
b="$(echo "${figures[$base]}" | median)"; t="$(echo "${figures[$here]}" | median)"
printf '%s, median of %s rounds: base (%s) %.0f/s, this tree %.0f/s; this ÷ base %.2f\n' "$region" "$rounds" "$base" "$b" "$t" \
  "$(python3 -c "print($t / $b)")"
