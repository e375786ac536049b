#!/usr/bin/env bash
# Set everything up, test extras included, then run the test suite (extra arguments go to pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
