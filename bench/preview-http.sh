#!/usr/bin/env bash
# P3: POST /api/v1/claims/preview over HTTP against GET /api/v1/health, with wrk (Debian's: apt-get
# install -y wrk), CONNECTIONS connections on 2 wrk threads. A fresh platform (bench/lib.sh) is
# started, the staff set up and the clerk's bearer token sent with every preview of
# docs/examples/preview-sichuan.json. WARMUP s of each endpoint first (not counted), then ROUNDS
# rounds of SECONDS s of each, previews and health alternating (P H, then H P, …) so that drift on a
# shared machine falls on both alike; medians of requests/s and p99 per endpoint, the ratio
# preview ÷ health per round and its median, and the platform's CPU time per request (steadier than
# wall-clock figures when other builds share the cores). wrk runs on the same cores as the platform.
# Fails (exit 1) when a run answered anything but 2xx, had socket errors or measured no request.
#   bench/preview-http.sh [ROUNDS] [SECONDS] [CONNECTIONS] [WARMUP]   (default 3 rounds, 15 s, 16, 15 s)
# QC_JAVA_OPTS is passed to the platform (e.g. -XX:StartFlightRecording=filename=/tmp/p.jfr,settings=profile).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rounds="${1:-3}"; seconds="${2:-15}"; connections="${3:-16}"; warmup="${4:-15}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
require_build
work="$(mktemp -d)"
trap 'stop_platform; rm -rf "$work"' EXIT
body="$root/docs/examples/preview-sichuan.json"
port="$(free_port)"
start_platform "$work/home" "$port" "$work/platform.log"
url="http://127.0.0.1:$port"
login_staff "$url" || { tail -30 "$work/platform.log"; exit 1; }
wait_for "$url/api/v1/regions" '^200 .*510000' || { tail -30 "$work/platform.log"; exit 1; }
check="$(curl -s -o "$work/answer.json" -w '%{http_code}' -H "Authorization: Bearer $QC_TOKEN_CLERK" \
  -H 'Content-Type: application/json' --data-binary "@$body" "$url/api/v1/claims/preview")"
[ "$check" = 200 ] && grep -q '"eligible":true' "$work/answer.json" \
  || { echo "the preview answered $check: $(head -c 400 "$work/answer.json")" >&2; exit 1; }

# the preview's request for wrk: the body and the token are read once, not per request
cat > "$work/preview.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $QC_TOKEN_CLERK"
local f = assert(io.open("$body", "rb"))
wrk.body = f:read("*a")
f:close()
EOF

echo "tree: $(git -C "$root" log -1 --format='%h %s' | cut -c1-90)"
echo "$(nproc) cores, load average before $(cut -d' ' -f1-3 /proc/loadavg); $connections connections, 2 wrk threads,"\
  "${warmup} s warm-up, $rounds rounds of $seconds s"

# run NAME SECONDS: one wrk run; prints "requests/s p50-ms p99-ms requests cpu-ms-per-request"; exits on a failed run
run() {
  local name="$1" duration="$2" out before after requests rate p50 p99 target script=()
  case "$name" in
    preview) target="$url/api/v1/claims/preview"; script=(-s "$work/preview.lua") ;;
    health) target="$url/api/v1/health" ;;
  esac
  before="$(cpu_ticks "$platform_pid")"
  out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency "${script[@]}" "$target" 2>&1)" \
    || { echo "$name: wrk failed: $out" >&2; exit 1; }
  after="$(cpu_ticks "$platform_pid")"
  echo "$out" > "$work/wrk-$name.txt"
  if echo "$out" | grep -Eq 'Non-2xx or 3xx responses|Socket errors'; then
    echo "$name: failed requests:" >&2; echo "$out" >&2; exit 1
  fi
  requests="$(echo "$out" | awk '/requests in/ { print $1 }')"
  rate="$(echo "$out" | awk '/^Requests\/sec/ { print $2 }')"
  [ -n "$requests" ] && [ "$requests" -gt 0 ] || { echo "$name: no request measured" >&2; echo "$out" >&2; exit 1; }
  p50="$(echo "$out" | awk '$1 == "50%" { print $2 }')"
  p99="$(echo "$out" | awk '$1 == "99%" { print $2 }')"
  echo "$rate $(ms "$p50") $(ms "$p99") $requests $(python3 -c "print(f'{($after - $before) * 1000 / $(getconf CLK_TCK) / $requests:.3f}')")"
}

# ms LATENCY: wrk's "812.00us" / "1.20ms" / "1.02s" in milliseconds
ms() { python3 -c "import re,sys; v,u=re.match(r'([0-9.]+)(us|ms|s)','$1').groups(); print(round(float(v)*{'us':0.001,'ms':1,'s':1000}[u],3))"; }

run preview "$warmup" > /dev/null
run health "$warmup" > /dev/null
for r in $(seq 1 "$rounds"); do
  if [ $(( r % 2 )) -eq 1 ]; then order=(preview health); else order=(health preview); fi
  for name in "${order[@]}"; do
    line="$(run "$name" "$seconds")"
    echo "round $r $name: $(echo "$line" | awk '{ printf "%s requests/s, p50 %s ms, p99 %s ms, %s requests, platform CPU %s ms a request", $1, $2, $3, $4, $5 }')"
    echo "$r $name $line" >> "$work/runs"
  done
done
echo "load average after $(cut -d' ' -f1-3 /proc/loadavg)"
for name in preview health; do
  printf '%-8s median %9s requests/s, p99 %s ms, platform CPU %s ms a request\n' "$name" \
    "$(awk -v n="$name" '$2 == n { print $3 }' "$work/runs" | median)" \
    "$(awk -v n="$name" '$2 == n { print $5 }' "$work/runs" | median)" \
    "$(awk -v n="$name" '$2 == n { print $7 }' "$work/runs" | median)"
done
ratios="$(awk '$2 == "preview" { p[$1] = $3 } $2 == "health" { h[$1] = $3 } END { for (r in p) printf "%.3f\n", p[r] / h[r] }' "$work/runs")"
echo "preview ÷ health per round: $(echo "$ratios" | sort -n | tr '\n' ' ')-> median $(echo "$ratios" | median)"
