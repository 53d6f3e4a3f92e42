#!/usr/bin/env bash
# P1: decisions per second per core, in process, with the full trace, for every shipped region
# version (JMH, one thread, 1 fork, 3 × 2 s warm-up, 5 × 2 s measured), deciding only and deciding with
# every label and reason text written; wall clock and per CPU-second of the benchmark thread.
#   bench/decisions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o package -DskipTests -pl bench/decisions -am
java -cp "bench/decisions/target/classes:$(cat bench/decisions/target/classpath.txt)" \
  -Dqc.repo="$PWD" org.qiancheng.bench.DecisionsPerSecond
