#!/usr/bin/env bash
# The cost of the session gate: throughput of POST /api/v1/claims/preview (the Sichuan 2026 example of
# the distribution tests) and of GET /api/v1/regions at saturation, CLIENTS closed-loop clients for
# SECONDS each (after 5 s of the same load, not counted), on two platforms running side by side:
#   base    a build from before sessions were enforced (BASE_TREE: a work tree of e.g. commit ba5e41a,
#           built with `mvn -B -q -o package -DskipTests`), asked without a session;
#   branch  this work tree's build, asked with the clerk's bearer token (bench/lib.sh login_staff).
# On the base build the same requests are also sent with a bearer token of its own clerk: that build
# authenticates a token when one is sent (one transaction: the session by token hash, then its user),
# so base+token against base alone is the session lookup by itself, within one build.
# ROUNDS rounds, each running every case once, in an order that alternates from round to round
# (A B C, then C B A, …), so that drift on a shared machine falls on every case alike; the medians
# per case are printed last. Fails (exit 1) when a run had any answer but 200, or none.
#   bench/session-gate.sh BASE_TREE [ROUNDS] [SECONDS] [CLIENTS]   (default 3 rounds, 20 s, 4 clients)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
base_tree="$(built_tree "${1:?usage: bench/session-gate.sh BASE_TREE [ROUNDS] [SECONDS] [CLIENTS]}")"
rounds="${2:-3}"; seconds="${3:-20}"; clients="${4:-4}"
require_build
work="$(mktemp -d)"
base_pid=""
trap 'stop_platform; [ -z "$base_pid" ] || { kill -TERM "$base_pid" 2>/dev/null; wait "$base_pid" 2>/dev/null; }; rm -rf "$work"' EXIT
body="$root/distribution/src/test/resources/examples/preview-sichuan-2026.json"

base_port="$(free_port)"
QC_HOME="$work/base-home" QC_PORT="$base_port" QC_ADMIN_PASSWORD="$QC_ADMIN_PASSWORD" \
  "$base_tree/qiancheng" start > "$work/base.log" 2>&1 &
base_pid=$!
port="$(free_port)"
start_platform "$work/home" "$port" "$work/platform.log"
base_url="http://127.0.0.1:$base_port"; url="http://127.0.0.1:$port"

login_staff "$base_url" || { tail -30 "$work/base.log"; exit 1; }
base_token="$QC_TOKEN_CLERK"
unset QC_TOKEN_CLERK
login_staff "$url" || { tail -30 "$work/platform.log"; exit 1; }
wait_for "$url/api/v1/regions" '^200 .*510000' || { tail -30 "$work/platform.log"; exit 1; }
wait_for "$base_url/api/v1/regions" '^200 .*510000' 120 "" || { tail -30 "$work/base.log"; exit 1; }
echo "base: $(git -C "$base_tree" log -1 --format='%h %s' | cut -c1-80)"
echo "branch: $(git -C "$root" log -1 --format='%h %s' | cut -c1-80)"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $clients clients, $seconds s a run, $rounds rounds"

# run CASE: one measured run; appends "CASE RATE" to $work/rates
run() {
  local case="$1" target token method path file line
  case "$case" in
    preview-*) method=POST; path=/claims/preview; file="$body" ;;
    regions-*) method=GET; path=/regions; file=- ;;
  esac
  case "$case" in
    *-base) target="$base_url"; token="" ;;
    *-base+token) target="$base_url"; token="$base_token" ;;
    *-branch) target="$url"; token="$QC_TOKEN_CLERK" ;;
  esac
  line="$(QC_BENCH_TOKEN="$token" seed_tool load "$target" "$method" "$path" "$file" "$clients" "$seconds" 5)" \
    || { echo "$case: $line" >&2; exit 1; }
  echo "$case: $line"
  echo "$case $(echo "$line" | sed -E 's/.* ([0-9.]+)\/s,.*/\1/') $(echo "$line" | sed -E 's/.*median ([0-9.]+) ms.*/\1/')" >> "$work/rates"
}

cases=(preview-base preview-branch preview-base+token regions-base regions-branch regions-base+token)
for r in $(seq 1 "$rounds"); do
  echo "round $r"
  if [ $(( r % 2 )) -eq 1 ]; then order=("${cases[@]}"); else order=(); for (( k=${#cases[@]}-1; k>=0; k-- )); do order+=("${cases[k]}"); done; fi
  for c in "${order[@]}"; do run "$c"; done
done
echo "medians over $rounds rounds (requests/s; median latency ms):"
for c in "${cases[@]}"; do
  printf '  %-20s %8s/s  %6s ms\n' "$c" "$(median_of "$work/rates" "$c" 2)" "$(median_of "$work/rates" "$c" 3)"
done
for what in preview regions; do
  b="$(median_of "$work/rates" "$what-base" 2)"
  s="$(median_of "$work/rates" "$what-branch" 2)"
  t="$(median_of "$work/rates" "$what-base+token" 2)"
  echo "$what: branch with session vs base without: $(python3 -c "print(f'{($b - $s) / $b * 100:+.1f} % fewer requests/s')");" \
    "base with vs without a token: $(python3 -c "print(f'{($b - $t) / $b * 100:+.1f} %')")"
done
