#!/usr/bin/env bash
# Set everything up, then extract the sample reports into outputs/ (extra arguments go to
# `ita-extract run`, e.g. --serial). Exits with ita-extract's exit code.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec .venv/bin/ita-extract run samples --out outputs "$@"
