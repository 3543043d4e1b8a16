#!/usr/bin/env bash
# Browser tests drive Debian's Chromium; test tools' own browser downloads cannot work here.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium is missing: install it with 'sudo apt-get install -y chromium' and run the tests again." >&2
  exit 1
fi
echo "Installing Chromium from Debian's packages (first run only)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
