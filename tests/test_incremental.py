"""Incremental runs (issue 5): a file whose bytes this extractor version already extracted into
--out is skipped; --force, changed bytes, a new version or an earlier failure extract it again."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.dataset as ds

import pipeline.run as run_module
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
