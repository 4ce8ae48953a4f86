#!/usr/bin/env bash
# Make sure a Chromium for the browser tests exists. Prints its path.
# Uses $CHROMIUM_PATH, then Debian's chromium; installs it with apt when running as root.
# `make test` passes the printed path to pytest as CHROMIUM_PATH (see tests/browser/chromium.py).
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..." >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2
  echo /usr/bin/chromium
  exit 0
fi
echo "No system Chromium found for the browser tests. Install one (Debian/Ubuntu: sudo apt-get install chromium)," >&2
echo "point CHROMIUM_PATH at a Chrome/Chromium binary, or run: .venv/bin/python -m playwright install chromium" >&2
echo "(the tests use Playwright's own browser when it is installed, and fail otherwise)." >&2
exit 1
