#!/usr/bin/env bash
# Set up everything ita-extract needs, on a fresh machine with only Python 3.11+ (idempotent:
# a second run with nothing changed takes a second).
#
#   scripts/setup.sh         the project and its dependencies, in .venv
#   scripts/setup.sh test    the same plus the test extras (pytest, duckdb, pikepdf, dask)
set -euo pipefail
cd "$(dirname "$0")/.."

extras="${1:-}"
case "$extras" in "" | test) ;; *) echo "usage: $0 [test]" >&2; exit 2 ;; esac

say() { echo "setup: $*" >&2; }

# ---- system packages ------------------------------------------------------------------------
# Tesseract's Thai and English models (tesserocr's wheel carries the engine but reads Debian's
# tessdata), the tesseract command the scan benchmark compares against, and the TLWG Thai fonts
# the digit reader's tests render numbers in (fonts it was not trained on).
SYSTEM_PACKAGES=(tesseract-ocr tesseract-ocr-tha fonts-thai-tlwg)
# The tests also lay the seed reports out anew in a dozen Thai fonts (tests/test_font_matrix.py):
# LibreOffice converts them, Noto Sans and Serif Thai come from Debian. The HTML report is
# opened in Debian's chromium, driven by Playwright (tests/test_report.py).
if [ "$extras" = test ]; then SYSTEM_PACKAGES+=(libreoffice-writer-nogui fonts-noto-core chromium); fi

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing system packages: $*"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    say "missing system packages: $* (install them, e.g. sudo apt-get install $*, and run again)"
    exit 1
  fi
}

missing=()
for pkg in ${SYSTEM_PACKAGES[@]+"${SYSTEM_PACKAGES[@]}"}; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

# ---- Python ---------------------------------------------------------------------------------
new_enough() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; }

find_python() {
  local c
  for c in ${PYTHON:-} python3 python3.13 python3.12 python3.11 python; do
    if command -v "$c" >/dev/null 2>&1 && new_enough "$c"; then echo "$c"; return 0; fi
  done
  return 1
}

if [ -x .venv/bin/python ] && ! new_enough .venv/bin/python; then
  say ".venv is broken or older than Python 3.11: making it again"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  python=$(find_python) || { say "Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
  say "creating .venv with $python ($("$python" -V 2>&1))"
  if ! "$python" -m venv .venv 2>/dev/null; then
    # Debian and Ubuntu ship venv apart from Python.
    rm -rf .venv
    version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_install "python${version}-venv"
    "$python" -m venv .venv
  fi
fi

# ---- the project ----------------------------------------------------------------------------
# Reinstalled only when what it is installed from changed (pyproject.toml, the extras, Python);
# an install with the test extras serves a plain setup too.
stamp_for() {
  { cat pyproject.toml; echo "$1"; .venv/bin/python -V; } | .venv/bin/python -c \
    'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())'
}
target=".${extras:+[$extras]}"
installed=$(cat .venv/.ita-extract-setup 2>/dev/null || true)
if [ ! -x .venv/bin/ita-extract ] || { [ "$installed" != "$(stamp_for "$target")" ] &&
                                        [ "$installed" != "$(stamp_for ".[test]")" ]; }; then
  say "installing the project ($target) into .venv"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$target"
  stamp_for "$target" > .venv/.ita-extract-setup
fi
