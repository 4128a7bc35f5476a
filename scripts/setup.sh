#!/usr/bin/env bash
# Everything `npm test` needs on a fresh Debian machine, then the project's packages: the README's test
# command is `bash scripts/setup.sh && npm test`, and .ci/run runs exactly that line. Go (with its module
# proxy) builds the page-text helper that npm test runs.
# Debian's prometheus (promtool, prometheus), prometheus-alertmanager (amtool) and chromium are the real
# engines the tests run (src/cli/engines/pins.ts lists them, a test checks this list against it); each is
# installed only when missing, with sudo when not root. Nothing is downloaded as a prebuilt binary.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(prometheus prometheus-alertmanager chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: npm ci"
npm ci --no-audit --no-fund
# The page-text helper (tools/page-text: Prometheus' template engine, from the Go module proxy) that npm test runs.
npm run --silent engines -- --only page-text
