"""Incremental runs (issue 5): a file whose bytes this extractor version already extracted into
--out is skipped; --force, changed bytes, a new version or an earlier failure extract it again;
and the bytes a document's doc_id is the hash of are the bytes its rows were read from."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pyarrow.dataset as ds
import pytest

import pipeline.run as run_module
from pipeline.process import DocContext, classify, extract, read
from pipeline.run import RunSettings, run
from pipeline.store.schema import TABLES

from conftest import REPO

SEEDS = sorted((REPO / "samples" / "text").glob("*.txt"))


def _tables(out: Path) -> dict[str, list[dict]]:
    tables = {}
    for name in TABLES:
        if (out / name).exists():
            rows = ds.dataset(out / name, partitioning="hive").to_table().to_pylist()
            tables[name] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return tables


def _run(inputs: Path, out: Path, **kw):
    return run(RunSettings(inputs=[str(inputs)], out=out, executor="serial", quiet=True, **kw))


def test_a_second_run_skips_what_is_unchanged_and_leaves_every_row(tmp_path):
    out = tmp_path / "out"
    first = _run(REPO / "samples" / "text", out)
    before = _tables(out)
    second = _run(REPO / "samples" / "text", out)
    assert (first.documents, first.skipped) == (5, 0)
    assert (second.documents, second.skipped, second.exit_code) == (0, 5, 0)
    assert _tables(out) == before
    assert json.loads((out / "manifest.json").read_text())["skipped_unchanged"] == 5


def test_force_changed_bytes_and_a_new_version_extract_again(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, inputs / seed.name)
    out = tmp_path / "out"
    _run(inputs, out)
    assert _run(inputs, out, force=True).documents == 5
    edited = inputs / SEEDS[0].name
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = _run(inputs, out)
    assert (again.documents, again.skipped) == (1, 4)
    monkeypatch.setattr(run_module, "__version__", "99.0.0")
    assert _run(inputs, out).documents == 5


def test_a_file_that_failed_is_tried_again(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    shutil.copy(SEEDS[1], inputs / SEEDS[1].name)
    out = tmp_path / "out"
    first = _run(inputs, out)
    second = _run(inputs, out)
    assert (first.documents, first.failures) == (2, 1)
    assert (second.documents, second.failures, second.skipped) == (1, 1, 1)
    assert second.exit_code == first.exit_code  # the skipped file's stored status counts


@pytest.mark.parametrize("folder", ["text", "pdf", "images"])
def test_the_bytes_hashed_are_the_bytes_parsed(tmp_path, folder):
    """A file replaced while it is read (an upload in progress, a sync client) must not give one
    version's doc_id to the other version's rows: the reader parses the bytes the worker read and
    hashed, and never opens the path again. The file is replaced between the read stage and the
    extract stage; what is extracted is the first version, as a run of it alone reads it."""
    first, second = sorted((REPO / "samples" / folder).iterdir())[:2]
    path = tmp_path / f"report{first.suffix}"
    shutil.copyfile(first, path)
    ctx = DocContext(source_path=str(path), source_name=path.name, path=str(path))
    read(ctx)
    shutil.copyfile(second, path)  # the same name, other bytes
    classify(ctx)
    extract(ctx)
    assert ctx.doc_id == hashlib.sha256(first.read_bytes()).hexdigest()
    shutil.copyfile(first, path)
    alone = DocContext(source_path=str(path), source_name=path.name, path=str(path))
    for stage in (read, classify, extract):
        stage(alone)
    read_first = [line.text for line in ctx.layout.lines()]
    assert read_first and read_first == [line.text for line in alone.layout.lines()]
    assert ctx.data == b""  # the bytes let go once read
