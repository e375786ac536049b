"""Bad input never stops a batch: each bad file gets one documents row and its errors rows."""
from __future__ import annotations

import hashlib
import os

import pyarrow.dataset as ds
import pytest

from pipeline.executors import ProcessExecutor, SerialExecutor
from pipeline.process import process_file
from pipeline.store.schema import ERROR_STAGES

from conftest import SEEDS, make_bad_inputs, run_cli

# name → (documents.status, errors.stage, errors.code)
EXPECTED = {
    "empty": ("failed", "read", "empty_file"),
    "binary": ("failed", "extract", "not_text"),
    "pdf_as_txt": ("failed", "triage", "not_text"),
    "not_ita": ("partial", "parse", "not_ita_report"),
    "pdf": ("failed", "extract", "unreadable"),
    "image": ("failed", "extract", "unreadable"),
    "docx": ("failed", "triage", "unsupported_input"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_input_gives_one_document_and_its_errors(bad_inputs, name):
    path = bad_inputs[name]
    status, stage, code = EXPECTED[name]
    result = process_file(str(path))
    doc = result.document
    assert doc.status == status
    assert doc.doc_id == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.source_name == path.name and doc.source_path == str(path)
    assert [(e.stage, e.code) for e in result.errors][:1] == [(stage, code)]
    for error in result.errors:
        assert error.stage in ERROR_STAGES
        assert error.doc_id == doc.doc_id and error.source_path == str(path)
        assert error.message and "Traceback" not in error.message
    if status == "failed":
        assert not (result.scores or result.measures or result.owners or result.statuses)


def test_a_text_that_is_not_a_report_is_read_but_flagged(bad_inputs):
    doc = process_file(str(bad_inputs["not_ita"])).document
    assert doc.doc_type == "other" and doc.source_kind == "text" and doc.page_count == 1


def test_failed_rows_say_what_is_known(bad_inputs):
    pdf = process_file(str(bad_inputs["pdf"])).document
    assert pdf.source_kind is None  # text, scanned or mixed: unknown until the PDF reader looks
    assert pdf.page_count is None and pdf.doc_type is None
    assert process_file(str(bad_inputs["image"])).document.source_kind == "image"
    assert process_file(str(bad_inputs["docx"])).document.source_kind is None
    assert process_file(str(bad_inputs["binary"])).document.source_kind == "text"
    message = process_file(str(bad_inputs["pdf_as_txt"])).errors[0].message
    assert "PDF" in message


def test_a_file_that_cannot_be_read(tmp_path):
    # A folder named like a text file: open() fails, as for a file we may not read.
    folder = tmp_path / "locked.txt"
    folder.mkdir()
    result = process_file(str(folder))
    assert result.document.status == "failed"
    assert result.document.doc_id.startswith("unreadable:")
    assert [(e.stage, e.code, e.doc_id) for e in result.errors] == [("read", "unreadable", None)]
    missing = process_file(str(tmp_path / "gone.txt"))
    assert missing.errors[0].code == "unreadable"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One CLI run over a good seed and every kind of bad input: (exit code, documents, errors)."""

    bad = make_bad_inputs(tmp_path_factory.mktemp("batch") / "bad")
    out = tmp_path_factory.mktemp("out")
    done = run_cli("run", SEEDS[0], *bad.values(), "--out", out, "--quiet")
    docs = {r["source_name"]: r for r in ds.dataset(out / "documents", partitioning="hive").to_table().to_pylist()}
    errors = ds.dataset(out / "errors", partitioning="hive").to_table().to_pylist()
    return done, bad, docs, errors


def test_the_batch_goes_on(batch):
    done, bad, docs, errors = batch
    assert done.returncode == 3, done.stderr
    assert len(docs) == 1 + len(bad)
    codes: dict[str, list[str]] = {}
    for e in errors:
        codes.setdefault(e["source_path"], []).append(e["code"])
    for name, path in bad.items():
        assert docs[path.name]["status"] == EXPECTED[name][0], name
        assert EXPECTED[name][2] in codes[str(path)], name
    seed = docs[SEEDS[0].name]
    assert seed["page_count"] >= 1 and seed["source_kind"] == "text" and seed["status"] != "failed"


def test_the_good_seed_in_a_bad_batch_succeeds(batch):
    _, _, docs, errors = batch
    assert docs[SEEDS[0].name]["status"] == "success"
    assert not [e for e in errors if e["source_path"] == str(SEEDS[0])]


@pytest.mark.parametrize("index", range(5))
def test_every_seed_is_an_ita_report(seeds, index):
    result = process_file(str(seeds[index]))
    assert result.document.doc_type != "other"
    assert result.document.status == "success", [(e.code, e.message) for e in result.errors]


# ---- a file that kills its worker ---------------------------------------------------------------
def die_on_poison(path: str) -> str:
    if path.endswith("poison"):
        os._exit(13)  # what a segfault in a native library looks like from the pool
    return path.upper()


def test_a_dead_worker_costs_only_its_own_file():
    items = [f"file{i}" for i in range(6)] + ["poison"] + [f"file{i}" for i in range(6, 12)]
    executor = ProcessExecutor(workers=2, max_pending=4)
    results = list(executor.map(die_on_poison, items, on_error=lambda item, exc: f"died:{item}"))
    assert sorted(results) == sorted([i.upper() for i in items if i != "poison"] + ["died:poison"])


def test_serial_and_process_executors_agree():
    items = [f"file{i}" for i in range(9)]
    serial = list(SerialExecutor().map(die_on_poison, items))
    assert serial == [i.upper() for i in items]
    assert sorted(ProcessExecutor(workers=2).map(die_on_poison, items)) == sorted(serial)


def test_a_file_whose_worker_died_gets_its_rows(seeds):
    from concurrent.futures.process import BrokenProcessPool

    from pipeline.discovery import InputFile
    from pipeline.run import not_processed

    result = not_processed(InputFile(str(seeds[0]), seeds[0].name), BrokenProcessPool("terminated"))
    assert result.document.status == "failed"
    assert result.document.doc_id == hashlib.sha256(seeds[0].read_bytes()).hexdigest()
    assert [(e.stage, e.code, e.doc_id) for e in result.errors] == [
        ("extract", "worker_died", result.document.doc_id)]
