#!/usr/bin/env bash
# Login latency and throughput: POST /api/v1/session (PBKDF2-HMAC-SHA256, 600 000 iterations per
# password check) on a fresh platform, as the clerk of the bench staff (bench/lib.sh login_staff).
# After 3 logins to warm up: LOGINS sequential logins (median, p95), then for each CLIENTS count,
# that many clients logging in back to back for SECONDS (logins/s, median, p95). Fails (exit 1)
# when a login did not answer 201, or none did.
#   bench/login.sh [LOGINS] [SECONDS] [CLIENTS…]     (default 50 logins, 20 s, 2 and 4 clients)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
logins="${1:-50}"; seconds="${2:-20}"; shift $(( $# < 2 ? $# : 2 ))
clients=("$@"); [ ${#clients[@]} -gt 0 ] || clients=(2 4)
require_build
work="$(mktemp -d)"
trap 'stop_platform; rm -rf "$work"' EXIT
port="$(free_port)"; base="http://127.0.0.1:$port"
start_platform "$work/home" "$port" "$work/platform.log"
login_staff "$base" || { tail -30 "$work/platform.log"; exit 1; }
iterations="$(grep -hE '^ *passwordIterations *=' "$work/home/etc/org.qiancheng.security.config" 2>/dev/null | cut -d= -f2 | tr -d ' "' || true)"
echo "PBKDF2 iterations: ${iterations:-600000 (default)}; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
seed_tool login-bench "$base" clerk "$QC_STAFF_PASSWORD" "$logins" 0 0
for c in "${clients[@]}"; do
  seed_tool login-bench "$base" clerk "$QC_STAFF_PASSWORD" 0 "$c" "$seconds"
done
