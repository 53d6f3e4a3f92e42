#!/usr/bin/env bash
# Start to first 200: Apache Karaf 4.4.6 with the http and http-whiteboard features, warm, against
# Qiancheng on an existing home (`./qiancheng start`, the default start), in the same run, alternating.
#   bench/karaf-start.sh [ROUNDS]   (default 5)
# Karaf: the distribution (org.apache.karaf:apache-karaf:4.4.6:tar.gz) is downloaded once from Maven
# Central into bench/target/karaf/ (its SHA-1 checked against Central's), unpacked afresh into a work
# folder, given http and http-whiteboard in featuresBoot (a second boot stage) and free ports for HTTP,
# SSH and JMX; then started, given a probe bundle in deploy/ once HTTP answers (bench/karaf/HealthServlet.java,
# compiled here: a whiteboard servlet answering 200 at /health), and stopped, so the features and the probe
# are installed and its cache is warm (as a Karaf in service is). Qiancheng: one start on a new home and a clean stop, so the home exists (framework
# cache kept, database there) and the class-data archive of this build is written.
# Then ROUNDS rounds, each starting Karaf (`bin/karaf server`) and Qiancheng once, in an order that
# alternates from round to round, each from the launch of its script until the first 200 (Karaf: /health,
# Qiancheng: /api/v1/health), then a clean stop (SIGTERM). Prints each run, the medians and their ratio.
# Fails (exit 1) when any start gave no 200 within 120 s, or a median is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rounds="${1:-5}"
version=4.4.6
require_build
work="$(mktemp -d)"
karaf_pid=""; platform_pid=""
stop_karaf() {
  [ -n "$karaf_pid" ] || return 0
  kill -TERM "$karaf_pid" 2>/dev/null || true
  wait "$karaf_pid" 2>/dev/null || true
  karaf_pid=""
}
trap 'stop_karaf; stop_platform; rm -rf "$work"' EXIT

# --- Karaf, downloaded once, checked
store="$root/bench/target/karaf"; tarball="$store/apache-karaf-$version.tar.gz"
central="https://repo1.maven.org/maven2/org/apache/karaf/apache-karaf/$version/apache-karaf-$version.tar.gz"
mkdir -p "$store"
if [ ! -f "$tarball" ]; then
  echo "downloading $central" >&2
  curl -sSf -o "$tarball.part" "$central" && mv "$tarball.part" "$tarball"
fi
expected_sha1="$(curl -sSf "$central.sha1" | cut -c1-40)" || { echo "cannot read $central.sha1" >&2; exit 1; }
[ "$(sha1sum "$tarball" | cut -c1-40)" = "$expected_sha1" ] \
  || { echo "$tarball does not match Central's SHA-1 $expected_sha1: deleted, run again" >&2; rm -f "$tarball"; exit 1; }
tar xzf "$tarball" -C "$work"
karaf="$work/apache-karaf-$version"

# --- the probe bundle: compiled against the javax.servlet API of the distribution's servlet-api bundle
probe="$work/probe"; mkdir -p "$probe/classes"
servlet_api="$(ls "$dist"/system/org.apache.felix.http.servlet-api-*.jar | head -1)"
osgi_core="$(find ~/.m2/repository/org/osgi/osgi.core -name 'osgi.core-*.jar' | sort | tail -1)"
[ -n "$osgi_core" ] || { echo "org.osgi:osgi.core not in ~/.m2 (the build resolves it): build first" >&2; exit 1; }
javac --release 11 -nowarn -d "$probe/classes" -cp "$servlet_api:$osgi_core" "$root/bench/karaf/HealthServlet.java"
cat > "$probe/MANIFEST.MF" <<'MF'
Bundle-ManifestVersion: 2
Bundle-SymbolicName: bench.karaf.health
Bundle-Version: 1.0.0
Bundle-Activator: bench.karaf.HealthServlet
Import-Package: javax.servlet;version="[3.1,5)",javax.servlet.http;version="[3.1,5)",org.osgi.framework;version="[1.8,2)"
MF
jar cfm "$probe/bench-karaf-health.jar" "$probe/MANIFEST.MF" -C "$probe/classes" .

# --- Karaf configured: the two features at boot, free ports (HTTP, SSH, JMX registry and server)
karaf_port="$(free_port)"
# as a second boot stage (installed in the same stage as the defaults, pax-web's bundles fail to resolve),
# without a version (in 4.4.6 both are pax-web 8.0.27 transition features; a boot feature of an unknown
# version is skipped silently)
python3 - "$karaf/etc/org.apache.karaf.features.cfg" <<'PY'
import re, sys
path = sys.argv[1]; text = open(path).read()
boot = re.search(r'^featuresBoot = \\\n((?:    .*\\\n)*    [^\n]*)\n', text, re.M)
if not boot: sys.exit("featuresBoot not found in " + path)
lines = boot.group(1)
text = text.replace(boot.group(0), 'featuresBoot = ( \\\n' + lines + ' ), \\\n    ( http, http-whiteboard )\n', 1)
open(path, 'w').write(text)
PY
grep -q '( http, http-whiteboard )' "$karaf/etc/org.apache.karaf.features.cfg" || { echo "featuresBoot not edited" >&2; exit 1; }
echo "org.osgi.service.http.port = $karaf_port" > "$karaf/etc/org.ops4j.pax.web.cfg"
sed -i -E "s/^sshPort = .*/sshPort = $(free_port)/" "$karaf/etc/org.apache.karaf.shell.cfg"
sed -i -E "s/^rmiRegistryPort = .*/rmiRegistryPort = $(free_port)/; s/^rmiServerPort = .*/rmiServerPort = $(free_port)/" \
  "$karaf/etc/org.apache.karaf.management.cfg"

# start_karaf LOG: bin/karaf server (exec: its pid is the JVM's, so SIGTERM stops Karaf cleanly)
start_karaf() {
  JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}" KARAF_EXEC=exec \
    "$karaf/bin/karaf" server > "$1" 2>&1 &
  karaf_pid=$!
}

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before; Java: $(java -version 2>&1 | head -1)"
echo "warming Karaf $version (installs http and http-whiteboard at its first boot, then the probe) …"
# The probe goes into deploy/ only once HTTP answers (404): in the deploy folder from the first moment, it
# raced the features' installation, which then at times failed to resolve pax-web's bundles. A boot whose
# provisioning failed anyway is stopped and booted again (Karaf provisions what is missing at a boot), up to 3.
warm=""
for boot in 1 2 3; do
  start_karaf "$work/karaf-warm-$boot.log"
  if wait_for "http://127.0.0.1:$karaf_port/" '^[0-9]{3} ' 180; then
    cp "$probe/bench-karaf-health.jar" "$karaf/deploy/"
    if wait_for "http://127.0.0.1:$karaf_port/health" '^200 ' 120; then warm=yes; stop_karaf; break; fi
  fi
  echo "Karaf boot $boot: no 200 from /health; booting again" >&2
  stop_karaf
done
[ -n "$warm" ] || { tail -30 "$karaf/data/log/karaf.log" >&2; echo "Karaf: no 200 from /health after 3 boots" >&2; exit 1; }
echo "warming Qiancheng (a new home, started and stopped cleanly) …"
home="$work/qiancheng-home"; port="$(free_port)"
start_platform "$home" "$port" "$work/qiancheng-warm.log"
wait_for "http://127.0.0.1:$port/api/v1/health" '^200 ' || { tail -30 "$work/qiancheng-warm.log"; exit 1; }
stop_platform

# run WHO N: one timed start of karaf or qiancheng; appends "WHO MS" to $work/times
run() {
  local who="$1" n="$2" begin ms
  begin="$(now_ns)"
  if [ "$who" = karaf ]; then
    start_karaf "$work/karaf-$n.log"
    wait_for "http://127.0.0.1:$karaf_port/health" '^200 ' 120 \
      || { tail -30 "$karaf/data/log/karaf.log" >&2; echo "round $n: Karaf gave no 200" >&2; exit 1; }
    ms=$(( ($(now_ns) - begin) / 1000000 ))
    stop_karaf
  else
    start_platform "$home" "$port" "$work/qiancheng-$n.log"
    wait_for "http://127.0.0.1:$port/api/v1/health" '^200 ' 120 \
      || { tail -30 "$work/qiancheng-$n.log" >&2; echo "round $n: Qiancheng gave no 200" >&2; exit 1; }
    ms=$(( ($(now_ns) - begin) / 1000000 ))
    grep -q 'cache kept' "$work/qiancheng-$n.log" || { echo "round $n: Qiancheng did not keep its framework cache" >&2; exit 1; }
    stop_platform
  fi
  echo "round $n $who: first 200 after $ms ms (load average $(cut -d' ' -f1 /proc/loadavg))"
  echo "$who $ms" >> "$work/times"
}
alternate "$rounds" karaf qiancheng
k="$(median_of "$work/times" karaf 2)"
q="$(median_of "$work/times" qiancheng 2)"
[ -n "$k" ] && [ -n "$q" ] && [ "$k" != 0 ] || { echo "a median is missing: nothing measured" >&2; exit 1; }
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "median first 200 over $rounds rounds: Karaf $version (http, http-whiteboard, warm) $k ms; Qiancheng (existing home) $q ms;" \
  "Qiancheng ÷ Karaf $(python3 -c "print(round($q / $k, 2))")"
