#!/usr/bin/env bash
# Set up this checkout on Debian: the packages of packages.txt (as root), a virtualenv
# in .venv and the Python requirements. Safe to run again; it only adds what is missing.
#   bash scripts/setup.sh         for running the app
#   bash scripts/setup.sh --dev   also what the tests need
set -euo pipefail
cd "$(dirname "$0")/.."

requirements=requirements.txt
[ "${1:-}" = "--dev" ] && requirements=requirements-dev.txt

missing=()
while read -r line; do
  pkg=${line%%#*}; pkg=${pkg//[[:space:]]/}
  [ -n "$pkg" ] || continue
  # "# tests" marks a package only the test suite needs.
  if [ "${1:-}" != "--dev" ] && [[ "$line" == *"# tests"* ]]; then continue; fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < packages.txt
python3 -c "import venv, ensurepip" 2>/dev/null || missing+=(python3-venv)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing Debian packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements"
echo "setup: ready"
