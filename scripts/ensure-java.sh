#!/usr/bin/env bash
# Make sure a Java runtime for the Nu Html Checker (vnu.jar, tests/test_conformance.py) exists.
# Prints its path. Uses $JAVA, then `java` on PATH; installs Debian's default-jre-headless with
# apt when running as root. `make test` passes the printed path to pytest as JAVA.
set -euo pipefail
for candidate in "${JAVA:-}" "$(command -v java || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's default-jre-headless for the HTML checker..." >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q default-jre-headless >&2
  command -v java
  exit 0
fi
echo "No Java found for the Nu Html Checker. Install one (Debian/Ubuntu: sudo apt-get install" >&2
echo "default-jre-headless) or point JAVA at a java binary (version 11 or later)." >&2
exit 1
