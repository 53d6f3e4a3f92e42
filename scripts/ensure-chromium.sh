#!/usr/bin/env bash
# Makes sure the browser the console's browser tests drive is installed: Debian's chromium, its
# chromedriver (chromium-driver) and a font with Chinese glyphs (fonts-wqy-microhei).
#
#   bash scripts/ensure-chromium.sh
#
# A quick no-op (one dpkg-query) when all three packages are installed. Otherwise installs them
# with apt-get (as root, or through sudo), running apt-get update first only if the plain install
# fails (a fresh machine's package lists are often missing or stale). Nothing is downloaded from
# anywhere but the machine's Debian package sources; Selenium Manager is never used.
# Called by the browser tests (Browser.java) when /usr/bin/chromium or /usr/bin/chromedriver is
# missing; safe to run by hand and to run twice at once (apt's own lock, waited for).
set -euo pipefail

packages=(chromium chromium-driver fonts-wqy-microhei)

installed() {
  local status
  for p in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
    [ "$status" = "install ok installed" ] || return 1
  done
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]
}

if installed; then
  echo "ensure-chromium: chromium, chromium-driver and fonts-wqy-microhei are installed"
  exit 0
fi

command -v apt-get >/dev/null || { echo "ensure-chromium: no apt-get; install chromium, chromium-driver and a CJK font by hand" >&2; exit 1; }
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "ensure-chromium: not root and no sudo; install ${packages[*]} as root" >&2; exit 1; }
  sudo=(sudo -n)
fi

apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600)
install() { "${apt[@]}" install -y --no-install-recommends "${packages[@]}"; }

echo "ensure-chromium: installing ${packages[*]}"
if ! install; then
  echo "ensure-chromium: install failed; apt-get update, then once more"
  "${apt[@]}" update
  install
fi
installed || { echo "ensure-chromium: installed, but /usr/bin/chromium or /usr/bin/chromedriver is still missing" >&2; exit 1; }
echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo chromium), $(/usr/bin/chromedriver --version 2>/dev/null | head -1)"
