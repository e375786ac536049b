"""File identity (issue 15): a source is its path, its bytes (doc_id) are its version.

An edited file's new version replaces the old one's rows in every table; the same bytes at two
paths are two sources, two `documents` rows sharing one set of the other tables' rows, however
the runs that wrote them were cut: by checkpoint size, run order, --force or a kill. Each case
runs the real command and reads the Parquet back, and is compared, row for row, with one clean
run over the same files as they stand at the end.
"""
from __future__ import annotations

import json
import re
import shutil
import signal
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from pipeline.faults import ENV

from conftest import SEEDS, run_cli
from snapshot import canonical_rows

pytestmark = pytest.mark.slow


def _run(out: Path, *paths: Path, options: tuple[str, ...] = (), kill_at: str | None = None):
    done = run_cli("run", *paths, "--out", out, "-q", *options,
                   extra_env={ENV: kill_at} if kill_at else None, timeout=300)
    if kill_at:
        assert done.returncode == -signal.SIGKILL, f"never reached {kill_at}: {done.stderr}"
    else:
        assert done.returncode in (0, 3), done.stderr
    return done


def _count(out: Path, table: str) -> int:
    return ds.dataset(out / table, partitioning="hive").count_rows()


def _documents(out: Path) -> list[dict]:
    return ds.dataset(out / "documents", partitioning="hive").to_table(
        columns=["source_path", "doc_id", "status"]).to_pylist()


def _doc_ids_anywhere(out: Path) -> set[str]:
    """Every doc_id found in any table."""
    found: set[str] = set()
    for table in canonical_rows(out):
        if (out / table).exists():
            found |= set(ds.dataset(out / table, partitioning="hive").to_table(columns=["doc_id"])
                         .column("doc_id").to_pylist())
    return found - {None}


@pytest.fixture
def folder(tmp_path, seeds) -> Path:
    """The five seed reports."""
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    return folder


def _clean(tmp_path: Path, *paths: Path, name: str = "clean") -> dict[str, list[str]]:
    """Every row of one uninterrupted run over the files as they are now."""
    out = tmp_path / name
    _run(out, *paths, options=("--serial",))
    return canonical_rows(out)


# ---- a new version of a file ----------------------------------------------------------------
def test_an_edited_file_replaces_its_rows_in_every_table(tmp_path, folder, seeds):
    out = tmp_path / "out"
    _run(out, folder)
    before = {r["source_path"]: r["doc_id"] for r in _documents(out)}
    edited = folder / seeds[0].name
    edited.write_bytes(edited.read_bytes() + b"\n")  # one byte more: new bytes, same report
    again = _run(out, folder)
    assert "1 documents" in again.stderr and "4 unchanged skipped" in again.stderr
    after = {r["source_path"]: r["doc_id"] for r in _documents(out)}
    assert len(after) == _count(out, "documents") == 5
    old = before[str(edited)]
    assert after[str(edited)] != old and old not in _doc_ids_anywhere(out)
    assert canonical_rows(out) == _clean(tmp_path, folder)


def test_an_edit_that_fails_replaces_the_success(tmp_path, folder, seeds):
    out = tmp_path / "out"
    _run(out, folder)
    broken = folder / seeds[2].name
    old = {r["source_path"]: r["doc_id"] for r in _documents(out)}[str(broken)]
    broken.write_bytes(b"\x00" * 64)  # no longer text at all: the file fails
    assert _run(out, folder).returncode == 3
    rows = [r for r in _documents(out) if r["source_path"] == str(broken)]
    assert [r["status"] for r in rows] == ["failed"]
    assert old not in _doc_ids_anywhere(out)  # its scores, measures... went with the success
    assert canonical_rows(out) == _clean(tmp_path, folder)


# ---- the same bytes at two paths ------------------------------------------------------------
@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> tuple[Path, Path]:
    """Folders a and b, each the five seeds and a sixth file holding a seed's bytes: 12 sources,
    5 distinct byte strings. No test changes them."""
    pair, root = [], tmp_path_factory.mktemp("copies")
    for name in ("a", "b"):
        folder = root / name
        folder.mkdir()
        for seed in SEEDS:
            shutil.copy(seed, folder / seed.name)
        shutil.copy(SEEDS[1], folder / "copy.txt")
        pair.append(folder)
    return pair[0], pair[1]


@pytest.fixture(scope="module")
def reference(tmp_path_factory, copies) -> dict[str, list[str]]:
    rows = _clean(tmp_path_factory.mktemp("reference"), *copies)
    assert len(rows["documents"]) == 12  # one row per path
    assert len({json.loads(r)["doc_id"] for r in rows["documents"]}) == 5
    return rows


SUMMARY = re.compile(r"(\d+) documents .*?, (\d+) pages, (\d+) scores, (\d+) measures, (\d+) owners")


@pytest.mark.parametrize("options", [("--serial",), ("--checkpoint-every", "1"),
                                     ("--workers", "2", "--checkpoint-every", "1")],
                         ids=["serial", "checkpoint_every_1", "two_workers_checkpoint_every_1"])
def test_copies_give_the_same_rows_whatever_the_checkpoints(tmp_path, copies, reference, options):
    out = tmp_path / "out"
    done = _run(out, *copies, options=options)
    assert canonical_rows(out) == reference
    # The summary line counts what the tables hold: 12 documents, the copies' scores once.
    documents, _pages, scores, measures, owners = map(int, SUMMARY.search(done.stderr).groups())
    assert (documents, scores, measures, owners) == tuple(
        _count(out, t) for t in ("documents", "scores", "measures", "owners"))


def test_copies_run_folder_by_folder(tmp_path, copies, reference):
    out = tmp_path / "out"
    _run(out, copies[0], options=("--checkpoint-every", "1"))
    second = _run(out, copies[1], options=("--checkpoint-every", "1"))
    # b's files are sources of their own, not "unchanged": each is extracted and gets its row.
    assert second.stderr.startswith("ita-extract: 6 documents") and "skipped" not in second.stderr
    assert canonical_rows(out) == reference
    third = _run(out, *copies)
    assert "0 documents" in third.stderr and "12 unchanged skipped" in third.stderr
    assert canonical_rows(out) == reference


def test_copies_forced_again_in_one_folder(tmp_path, copies, reference):
    out = tmp_path / "out"
    _run(out, *copies)
    forced = _run(out, copies[1], options=("--force", "--checkpoint-every", "1"))
    assert forced.stderr.startswith("ita-extract: 6 documents")
    assert canonical_rows(out) == reference


@pytest.mark.parametrize("kill_at", ["document_done:8", "checkpoint_done:2", "table_swapped:12"])
def test_copies_killed_and_run_again(tmp_path, copies, reference, kill_at):
    out = tmp_path / "out"
    _run(out, *copies, options=("--serial", "--checkpoint-every", "2"), kill_at=kill_at)
    _run(out, *copies, options=("--serial", "--checkpoint-every", "2"))
    assert canonical_rows(out) == reference
