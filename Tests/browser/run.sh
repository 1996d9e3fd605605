#!/usr/bin/env bash
# Browser tests of the built site, opened from file:// in headless Chromium.
# Usage: Tests/browser/run.sh [SITE_FOLDER]   (default: Public, which CI has just proved fresh)
# Installs Debian's chromium, chromium-driver and python3-selenium when missing, and takes
# axe-core's script from the PyPI package axe-selenium-python (nothing of it is committed).
# Ends with `N passed, M failed`, and exits non-zero when a test fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
site=${1:-Public}
sudo=$([ "$(id -u)" = 0 ] || echo sudo)
# Debian's python3, where python3-selenium installs: the PATH's python3 may be another one.
python=/usr/bin/python3

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
"$python" -c 'import selenium' 2>/dev/null || missing+=(python3-selenium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# axe-core 4.10 ships inside axe-selenium-python 3.0.0 (MPL-2.0); only axe.min.js is used.
axe=.build-browser/axe.min.js
if [ ! -f "$axe" ]; then
  wheels=$(mktemp -d)
  mkdir -p "$(dirname "$axe")"
  if python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.12 \
       -d "$wheels" 'axe-selenium-python==3.0.0' 2>/dev/null; then
    python3 - "$wheels"/*.whl "$axe" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    data = wheel.read("axe_selenium_python/node_modules/axe-core/axe.min.js")
open(sys.argv[2], "wb").write(data)
PY
  fi
  rm -rf "$wheels"
fi
axe_args=()
if [ -f "$axe" ]; then axe_args=(--axe "$axe"); else echo "axe-core not available: accessibility scan skipped"; fi

exec "$python" Tests/browser/test_site.py "$site" "${axe_args[@]}"
