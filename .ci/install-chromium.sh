#!/usr/bin/env bash
# Debian's Chromium for the browser test (playwright-core drives it; no browser download).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium > /dev/null
echo "installed $(/usr/bin/chromium --version)"
