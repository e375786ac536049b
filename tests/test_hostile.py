"""Hostile input through the real command: every file gets one documents row with the status and
error codes it deserves, no traceback, nothing run, fetched or written outside --out.

The corpus (tests/hostile.py) is made at test time; one CLI run reads all of it (about 20 s
on two cores, most of it the OCR of a page 200 inches wide read at 28 dpi).
"""
from __future__ import annotations

import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from pipeline.errors import ExitCode

from conftest import REPO, SEEDS, run_cli
from hostile import ORIGINAL, HostileCase, make_hostile_corpus, undecodable_name, with_active_content

LINUX = sys.platform.startswith("linux")


class Canary:
    """A TCP port on this machine that nothing may connect to: the hostile PDFs' links,
    JavaScript and form submissions point at it. A connection made while it listens waits in
    its queue until `connections()` takes it, even one the client has closed since."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.setblocking(False)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}/ita-canary"

    def connections(self) -> int:
        count = 0
        while True:
            try:
                connection, _ = self.server.accept()
            except BlockingIOError:
                return count
            connection.close()
            count += 1

    def close(self) -> None:
        self.server.close()


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every entry under `folder` (links not followed): kind and size, by relative path."""
    entries = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            info = os.lstat(path)
            kind = "link" if os.path.islink(path) else "dir" if os.path.isdir(path) else "file"
            entries[os.path.relpath(path, folder)] = (kind, 0 if kind == "dir" else info.st_size)
    return entries


def child_processes() -> set[int]:
    """Processes whose parent is this one, zombies included (a spawned viewer or shell that was
    never waited for stays listed)."""
    children: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        children.update(int(pid) for pid in (task / "children").read_text().split())
    return children


@dataclass
class HostileRun:
    cases: dict[str, HostileCase]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    documents: dict[str, dict]  # by source_path
    errors: dict[str, list[dict]]  # by source_path
    scores: dict[str, list[tuple]]  # by doc_id
    before: dict[str, tuple[str, int]]  # the test's folder before the run
    after: dict[str, tuple[str, int]]
    canary_connections: int
    marker: Path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> HostileRun:
    root = tmp_path_factory.mktemp("hostile")
    marker = root / "executed"  # exists only if a Launch action or an attached script ran
    workdir = root / "cwd"  # the command's working folder, empty: it must stay so
    workdir.mkdir()
    canary = Canary()
    try:
        cases = make_hostile_corpus(root / "in", canary=canary.url, marker=marker)
        before = snapshot(root)
        started = time.monotonic()
        # The folder, not the files: a folder is how a user gives thousands of files, and it keeps
        # `-rf.pdf` from being taken for an option.
        done = run_cli("run", root / "in", "--out", root / "out", "--quiet", cwd=workdir, timeout=300)
        seconds = time.monotonic() - started
        connections = canary.connections()
    finally:
        canary.close()
    after = snapshot(root)
    out = root / "out"
    documents = {r["source_path"]: r for r in _rows(out, "documents")}
    errors: dict[str, list[dict]] = {}
    for row in _rows(out, "errors"):
        errors.setdefault(row["source_path"], []).append(row)
    scores: dict[str, list[tuple]] = {}
    for row in _rows(out, "scores"):
        scores.setdefault(row["doc_id"], []).append(
            (row["scope"], row["tool"], row["indicator_no"], row["item_code"], row["score"]))
    return HostileRun(cases, done.returncode, done.stdout, done.stderr, seconds, documents, errors,
                      {k: sorted(v, key=repr) for k, v in scores.items()}, before, after,
                      connections, marker)


def _rows(out: Path, table: str) -> list[dict]:
    if not (out / table).exists():
        return []
    return ds.dataset(out / table, format="parquet", partitioning="hive").to_table().to_pylist()


def test_the_corpus_is_big_enough(hostile):
    assert len(hostile.cases) >= 30
    assert {c.status for c in hostile.cases.values()} == {"failed", "partial", "success"}


def test_the_run_finishes_with_partial_failure_and_no_traceback(hostile):
    assert hostile.returncode == ExitCode.PARTIAL, hostile.stderr[-3000:]
    assert "Traceback" not in hostile.stderr and "Traceback" not in hostile.stdout
    assert hostile.stdout == ""
    assert hostile.seconds < 120, f"the hostile run took {hostile.seconds:.0f} s"


def test_one_documents_row_per_file(hostile):
    paths = {str(case.path) for case in hostile.cases.values()}
    assert sorted(hostile.documents) == sorted(paths)


def test_every_file_gets_its_status_and_error_codes(hostile):
    wrong = []
    for name, case in sorted(hostile.cases.items()):
        doc = hostile.documents[str(case.path)]
        codes = {e["code"] for e in hostile.errors.get(str(case.path), [])}
        if (doc["status"], codes) != (case.status, set(case.codes)):
            messages = [e["message"][:160] for e in hostile.errors.get(str(case.path), [])]
            wrong.append(f"{name}: expected {case.status} {sorted(case.codes)}, "
                         f"got {doc['status']} {sorted(codes)} {messages}")
    assert not wrong, "\n".join(wrong)


def test_failed_files_say_why(hostile):
    for case in hostile.cases.values():
        rows = hostile.errors.get(str(case.path), [])
        if hostile.documents[str(case.path)]["status"] == "failed":
            assert rows, case.path.name
        for row in rows:
            assert row["message"].strip() and "Traceback" not in row["message"], case.path.name


def test_messages_name_the_problem(hostile):
    def message(name: str) -> str:
        return " ".join(e["message"] for e in hostile.errors[str(hostile.cases[name].path)])

    assert "password" in message("encrypted_user_password")
    assert "password" in message("encrypted_user_password_rc4")
    assert "cut short" in message("truncated_pdf_50")
    assert "3,000 pages" in message("thousands_of_pages") and "max_pages" in message("thousands_of_pages")
    assert "max_image_pixels" in message("decompression_bomb_pdf")
    assert "PNG image" in message("png_named_pdf") and "web page" in message("html_named_pdf")
    assert "TIS-620" in message("tis620") and "TIS-620" not in message("utf16_no_bom")
    bomb = hostile.errors[str(hostile.cases["decompression_bomb_pdf"].path)][0]
    assert bomb["page"] == 1


def test_readable_copies_give_the_scores_of_their_original(hostile):
    """An owner-only password, JavaScript, other encodings: the same report, the same scores."""
    compared = 0
    for name, case in hostile.cases.items():
        if case.same_as is None:
            continue
        doc = hostile.documents[str(case.path)]
        original = hostile.documents[str(case.same_as)]
        assert hostile.scores.get(doc["doc_id"]) == hostile.scores.get(original["doc_id"]), name
        assert doc["page_count"] == original["page_count"], name
        compared += 1
    assert compared >= 5
    assert len(hostile.scores[hostile.documents[str(hostile.cases["original"].path)]["doc_id"]]) == 11


def test_a_giant_page_is_read_smaller_and_says_so(hostile):
    doc = hostile.documents[str(hostile.cases["giant_scanned_page"].path)]
    assert doc["source_kind"] == "pdf_scanned" and doc["method"] == "ocr"
    assert "page_scaled_down:1" in doc["warnings"]


def test_nothing_written_outside_out(hostile):
    new = {path for path in hostile.after if path not in hostile.before}
    assert all(path == "out" or path.startswith("out" + os.sep) for path in new), sorted(new)
    changed = {p for p, entry in hostile.before.items() if hostile.after.get(p) != entry}
    assert not changed, sorted(changed)
    assert not os.listdir(hostile.marker.parent / "cwd")  # e.g. no `x` from the name `$(touch x)`


def test_nothing_in_a_document_was_run_or_fetched(hostile):
    assert not hostile.marker.exists()
    assert hostile.canary_connections == 0


@pytest.mark.skipif(not LINUX, reason="child processes are listed from /proc")
def test_active_content_starts_no_process_and_writes_no_file(tmp_path):
    """In this process, so that a process a PDF started would be our child."""
    from pipeline.process import process_file

    marker = tmp_path / "executed"
    canary = Canary()
    try:
        path = tmp_path / "javascript.pdf"
        path.write_bytes(with_active_content(ORIGINAL, canary.url, marker))
        before, files = child_processes(), snapshot(tmp_path)
        result = process_file(str(path))
        time.sleep(0.2)  # what a Launch action started would have started by now
        assert child_processes() <= before
        assert snapshot(tmp_path) == files and not marker.exists()
        assert canary.connections() == 0
    finally:
        canary.close()
    assert result.document.status == "success" and len(result.scores) == 11


def test_a_file_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "in"
    name = undecodable_name(folder, SEEDS[1].read_bytes())
    done = run_cli("run", folder, "--out", tmp_path / "out", "--quiet", cwd=tmp_path)
    assert "Traceback" not in done.stderr and done.returncode in (0, 3), done.stderr[-2000:]
    rows = _rows(tmp_path / "out", "documents")
    assert len(rows) == 1 and rows[0]["status"] != "failed", name


@pytest.mark.skipif(not LINUX, reason="a named pipe")
def test_a_named_pipe_does_not_hang_the_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    done = run_cli("run", folder, "--out", tmp_path / "out", "--quiet", cwd=tmp_path, timeout=60)
    assert done.returncode == 4
    rows = _rows(tmp_path / "out", "documents")
    assert [r["status"] for r in rows] == ["failed"]


# ---- the PDF reader's limits, directly ----------------------------------------------------------
@pytest.mark.parametrize("held", [0, 2000])
def test_a_long_pdf_read_in_bounded_memory_reads_the_same(held):
    """Past `max_chars_held` pages are read a second time instead of kept: same document."""
    from parsers.pdf import PdfSettings, extract_pdf
    from parsers.pdf.settings import PdfLimits

    sample = sorted((REPO / "samples" / "pdf").glob("*.pdf"))[3]  # ten pages, 17,000 characters
    kept = extract_pdf(sample)
    bounded = extract_pdf(sample, PdfSettings(limits=PdfLimits(max_chars_held=held)))
    assert bounded.document == kept.document
    assert bounded.repairs.counts == kept.repairs.counts


def test_page_limit_is_a_setting():
    from parsers.pdf import PdfSettings, extract_pdf
    from parsers.pdf.reader import PdfTooLarge
    from parsers.pdf.settings import PdfLimits

    with pytest.raises(PdfTooLarge, match="3 pages, more than the 2"):
        extract_pdf(ORIGINAL, PdfSettings(limits=PdfLimits(max_pages=2)))
    assert extract_pdf(ORIGINAL, PdfSettings(limits=PdfLimits(max_pages=3))).document.page_count == 3


@pytest.mark.parametrize("name", ["parsers.pdf.reader", "parsers.ocr.image", "pipeline.triage",
                                  "parsers.markup", "hostile"])
def test_docstring_examples(name):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
