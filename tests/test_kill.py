"""A run killed with SIGKILL at any moment, and started again, ends with exactly the rows of an
uninterrupted run: none lost, none twice (issue 5).

The kill points (pipeline/faults.py) put the SIGKILL at chosen moments: between documents, inside
a write at every step of its transaction, between checkpoints, before the manifest. Another test
kills at moments nobody chose, from outside, with a pool of worker processes running.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.faults import ENV
from pipeline.store.part_index import part_files
from pipeline.store.schema import TABLES

from conftest import RECIPE, REPO, run_cli

pytestmark = pytest.mark.slow
KILLED = -signal.SIGKILL


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Nine files: the five text seeds, two born-digital PDFs, one empty file (failed) and one
    text that is no report (partial), so that every kind of row is at stake."""
    folder = tmp_path_factory.mktemp("corpus")
    for seed in sorted((REPO / "samples" / "text").glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    for name in ("000_d7eb5a9932c3bc4c.pdf", "004_346206aeb6d58d2d.pdf"):
        shutil.copy(REPO / "samples" / "pdf" / name, folder / name)
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "recipe.txt").write_text(RECIPE, encoding="utf-8")
    return folder


def _run(corpus: Path, out: Path, *options: str, kill_at: str | None = None):
    return run_cli("run", corpus, "--out", out, "--serial", "--checkpoint-every", "2", "-q",
                   *options, extra_env={ENV: kill_at} if kill_at else None, timeout=300)


def dataset_files(out: Path) -> dict[str, list]:
    """Every table's rows, in a canonical order (rows as written, by their text): which part a
    row is in depends on when the checkpoints fell, so the parts of a killed and resumed run
    differ from a clean run's, but not one row may be lost, added or changed."""
    return {name: sorted((row for _, path in part_files(out / name)
                          for row in pq.read_table(path).to_pylist()), key=repr)
            for name in TABLES}


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("clean")
    result = _run(corpus, out)
    assert result.returncode == 3, result.stderr  # one failed, one partial
    files = dataset_files(out)
    assert len(files["documents"]) == 9
    assert len(files["measures"]) > 20
    return result.returncode, files


def _assert_same_as_clean(out: Path, clean, returncode: int) -> None:
    code, files = clean
    assert returncode == code
    assert dataset_files(out) == files
    assert not list(out.glob(".ita-extract-write-*")), "a transaction folder left behind"


# (kill point, what is on disk when the process dies); 9 documents, a write every 2, 8 tables a write.
POINTS = [
    ("document_done:1", "nothing written yet"),
    ("document_done:5", "two checkpoints written, the fifth document finished in memory"),
    ("checkpoint_done:3", "three checkpoints written"),
    ("tables_staged:2", "the second write staged, not committed"),
    ("commit_marked:1", "the first write committed, no table swapped in"),
    ("table_swapped:3", "the first write half swapped in: documents new, others old"),
    ("table_swapped:12", "the second write half swapped in over the first"),
    ("tables_swapped:4", "the fourth write swapped in, its folder not removed"),
    ("manifest_staged:1", "every table written, the manifest not"),
]


@pytest.mark.parametrize("point", [p for p, _ in POINTS], ids=[p for p, _ in POINTS])
def test_a_run_killed_at_a_kill_point_and_run_again_equals_a_clean_run(corpus, clean, tmp_path, point):
    out = tmp_path / "out"
    killed = _run(corpus, out, kill_at=point)
    assert killed.returncode == KILLED, f"never reached {point}: {killed.stderr}"
    again = _run(corpus, out)
    _assert_same_as_clean(out, clean, again.returncode)


def test_killed_twice_then_finished(corpus, clean, tmp_path):
    out = tmp_path / "out"
    assert _run(corpus, out, kill_at="table_swapped:10").returncode == KILLED
    assert _run(corpus, out, kill_at="commit_marked:1").returncode == KILLED
    _assert_same_as_clean(out, clean, _run(corpus, out).returncode)


def test_a_forced_rerun_killed_mid_write_keeps_every_row(corpus, clean, tmp_path):
    out = tmp_path / "out"
    assert _run(corpus, out).returncode == clean[0]
    assert _run(corpus, out, "--force", kill_at="table_swapped:5").returncode == KILLED
    _assert_same_as_clean(out, clean, _run(corpus, out).returncode)


def test_killed_from_outside_at_unchosen_moments_with_worker_processes(corpus, clean, tmp_path):
    """SIGKILL sent by another process after 0.25 s, 0.5 s, 0.75 s, ...: wherever the run was
    (starting the pool, extracting, writing), the next run finishes the job exactly.

    Each run resumes the last, so the delays grow until one run ends on its own; a fixed list of
    delays let a fast machine finish before the second kill (CI, stop 20)."""
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out", str(out),
               "--workers", "2", "--checkpoint-every", "1", "-q"]
    kills = 0
    for attempt in range(1, 41):
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(0.25 * attempt)
        finished = process.poll() is not None
        if not finished:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
        _kill_orphans(process.pid)
        if finished:
            break
    assert kills >= 2, "the run was too quick to be interrupted"
    _assert_same_as_clean(out, clean, _run(corpus, out).returncode)


def _kill_orphans(session: int) -> None:
    """The pool's workers outlive a killed parent for a moment; none may outlive the test."""
    try:
        os.killpg(session, signal.SIGKILL)
    except ProcessLookupError:
        pass
