"""Two runs into one --out (issue 15): the second waits for the first's write instead of dying
with everything it extracted; every document of both ends up in the tables once.

The test holds the output folder's lock itself while both real processes start, so that both
must wait (the lock failed at once before); then it lets go, and the two runs, writing after
every document, contend with each other for the rest.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pipeline.errors import ExitCode

from conftest import REPO, SEEDS, run_cli
from snapshot import canonical_rows

pytestmark = pytest.mark.slow
LOCK_FILE = ".ita-extract.lock"  # pipeline.store.transaction's; a run writing into --out holds it
WAITING = "another run is writing to"


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, Path]:
    """a, b and c: the five seeds each (15 sources), and a copy of one in b."""
    root = tmp_path_factory.mktemp("concurrent")
    made = {}
    for name in "abc":
        folder = made[name] = root / name
        folder.mkdir()
        for seed in SEEDS:
            shutil.copy(seed, folder / seed.name)
    shutil.copy(SEEDS[0], made["b"] / "copy.txt")
    return made


@contextmanager
def holding_the_lock(out: Path) -> Iterator[None]:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK_FILE, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def start(out: Path, log: Path, *paths: Path, options: tuple[str, ...] = ()) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "pipeline.cli", "run", *map(str, paths), "--out", str(out),
               "--serial", "--checkpoint-every", "1", "-q", *options]
    with open(log, "w") as stderr:  # the child has its own copy of the descriptor
        return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=stderr)


def wait_for(log: Path, text: str, process: subprocess.Popen) -> None:
    """Until the run says `text` (a bound on the wait, so that a hung test ends; not a timing)."""
    for _ in range(1200):
        if text in log.read_text() or process.poll() is not None:
            break
        time.sleep(0.1)
    assert text in log.read_text(), log.read_text()


@pytest.mark.parametrize("split", [("ab", "bc"), ("a", "c")], ids=["overlapping", "disjoint"])
def test_two_concurrent_runs_keep_every_document_of_both(tmp_path, folders, split):
    out = tmp_path / "out"
    runs = [[folders[name] for name in names] for names in split]
    logs = [tmp_path / f"run{i}.log" for i in range(2)]
    with holding_the_lock(out):
        processes = [start(out, log, *paths) for log, paths in zip(logs, runs)]
        for log, process in zip(logs, processes):
            wait_for(log, WAITING, process)
    for process in processes:
        process.wait(timeout=300)
    for log, process in zip(logs, processes):
        assert process.returncode == 0, log.read_text()
    everything = sorted({folder for paths in runs for folder in paths})
    clean = tmp_path / "clean"
    run_cli("run", *everything, "--out", clean, "--serial", "-q")
    assert canonical_rows(out) == canonical_rows(clean)


def test_a_run_that_waited_too_long_says_so(tmp_path, folders):
    out = tmp_path / "out"
    with holding_the_lock(out):
        done = run_cli("run", folders["a"], "--out", out, "--serial", "-q", "--lock-timeout", "0.5")
        as_json = run_cli("run", folders["a"], "--out", out, "--serial", "--log-json",
                          "--lock-timeout", "0.5")
    assert done.returncode == as_json.returncode == ExitCode.USAGE
    assert WAITING in done.stderr and "--lock-timeout" in done.stderr.splitlines()[-1]
    events = [json.loads(line) for line in as_json.stderr.splitlines()]
    assert [e["event"] for e in events] == ["waiting_for_lock", "run_failed"]
    assert events[0]["timeout_seconds"] == 0.5
    assert not (out / "documents").exists()
