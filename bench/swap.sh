#!/usr/bin/env bash
# Swap under load: ≥ 500 requests/s (70 % POST /claims/preview of a Sichuan 2026 class, 30 % GET
# /claims) for SECONDS while Sichuan 2025.2.0 is activated (requested by one policy administrator,
# confirmed by another) or rolled back every 5 s and the Jiangsu
# region bundle leaves deploy/ or comes back every 10 s. Reports total and failed requests and
# p50/p99 in steady windows against the 1 s after each swap.
#   bench/swap.sh [SECONDS] [RATE] [noswap]     (default 60 s at 500/s; noswap: the same load, no swaps)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
seconds="${1:-60}"; rate="${2:-500}"; mode="${3:-}"
require_build
work="$(mktemp -d)"; home="$work/home"
trap 'stop_platform; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT
export QC_CLOCK_FIXED=2026-11-25T00:00:00Z
port="$(free_port)"
start_platform "$home" "$port" "$work/platform.log"
# the staff's tokens for the load (bench/lib.sh: QC_TOKEN_CLERK, QC_TOKEN_POLICY, QC_TOKEN_POLICY2, …)
login_staff "http://127.0.0.1:$port" || { tail -30 "$work/platform.log"; exit 1; }
wait_for "http://127.0.0.1:$port/api/v1/policies" '^200 .*2025\.2\.0' || { cat "$work/platform.log"; exit 1; }
wait_for "http://127.0.0.1:$port/api/v1/regions" '^200 .*320000' || { cat "$work/platform.log"; exit 1; }
# bearer tokens by environment, not on the command line (ps shows it): QC_TOKEN_POLICY requests
# activations and rolls back, QC_TOKEN_POLICY2 (a second policy administrator) confirms, the load
# (previews, claim reads) runs as the clerk; login_staff above set them.
: "${QC_TOKEN_POLICY:?the token of a policy administrator, from bench/lib.sh}"
QC_TOKEN="$QC_TOKEN_POLICY" QC_TOKEN_2="${QC_TOKEN_POLICY2:-}" QC_TOKEN_LOAD="${QC_TOKEN_CLERK:-$QC_TOKEN_POLICY}" \
seed_tool swap-load "http://127.0.0.1:$port" \
  "$seconds" "$rate" "$home/deploy" "$home/deploy/$(basename "$(ls "$home"/deploy/region-jiangsu-*.jar)")" $mode
echo "platform RSS after: $(rss_mb "$platform_pid") MB"; grep -E " ERROR |Exception" "$work/platform.log" | head -5 || true
