#!/usr/bin/env bash
# Set everything up, test extras included, then run the test suite (extra arguments go to pytest)
# on every core: the suite's tests that share an expensive fixture stay on one worker
# (tests/conftest.py), and `-n 0` runs it in one process.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh test
exec .venv/bin/python -m pytest -n auto --dist loadgroup "$@"
