"""Isolation (issue 5): a document that takes too long or too much memory fails alone, with a
row that says so, and the batch goes on. Real documents, real worker processes, real limits; the
OCR engine that misbehaves is a fake one (tests/fake_engines.py) that does so at once, where a
real page would take seconds to."""
from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from parsers.ocr.settings import ENGINE_ENV as FAKE_ENGINE_ENV
from parsers.timeouts import time_limit
from pipeline.errors import ExitCode
from pipeline.executors import ProcessExecutor
from pipeline.limits import Limits, guard_worker

from conftest import REPO, run_cli

SCAN = REPO / "samples" / "scan" / "001_abf31e34acd1eb53.pdf"  # 3 scanned pages
TEXTS = sorted((REPO / "samples" / "text").glob("*.txt"))[:2]


class Slow(Exception):
    pass


def _spin(seconds: float) -> None:
    """Python steps that swallow every Exception, as careless library code does."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            sum(range(1000))
        except Exception:
            pass


# ---- the alarm ----------------------------------------------------------------------------------
def test_a_time_limit_stops_code_that_swallows_exceptions():
    started = time.monotonic()
    with pytest.raises(Slow):
        with time_limit(0.2, Slow):
            _spin(5)
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("outer, inner, expected", [
    (0.2, 5.0, "outer"),  # the document runs out while a page is being read: the document stops
    (5.0, 0.2, "inner"),  # a page runs out: the page stops, the document goes on
])
def test_nested_limits_the_first_to_run_out_wins(outer, inner, expected):
    with pytest.raises(Slow, match=expected):
        with time_limit(outer, lambda: Slow("outer")):
            with time_limit(inner, lambda: Slow("inner")):
                _spin(3)


def test_a_page_out_of_time_leaves_its_document_going():
    pages_stopped = 0
    with time_limit(5, lambda: Slow("document")):
        for _ in range(3):
            try:
                with time_limit(0.1, lambda: Slow("page")):
                    _spin(2)
            except Slow:
                pages_stopped += 1
    assert pages_stopped == 3


def test_a_limit_fires_once_however_slowly_its_inner_limits_unwind():
    """Regression (found with the hanging fake engine on a busy machine): the document's limit
    fired inside a page's, the page's exit set the timer again, and the second alarm went off
    while the first was being turned into the document's error, escaping as a bare `_Expired`
    that could not even be pickled back from the worker."""

    def slow_to_make() -> Slow:
        time.sleep(0.02)  # a busy machine: the alarm set again goes off in here
        return Slow("outer")

    for _ in range(20):
        with pytest.raises(Slow, match="outer"):
            with time_limit(0.01, slow_to_make):
                with time_limit(5, lambda: Slow("inner")):
                    time.sleep(1)


def test_no_alarm_is_left_behind():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with time_limit(10, Slow):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


@pytest.mark.parametrize("field, value", [("document_seconds", 0), ("page_seconds", -1),
                                          ("memory_mb", 0)])
def test_limits_refuse_nonsense(field, value):
    with pytest.raises(ValueError, match=field):
        Limits(**{field: value})


# ---- a native call that never returns to Python -------------------------------------------------
def hang_in_native_code(item: str) -> str:
    # A second of CPU beyond the document's limit, not the ten a real run allows: the same kill,
    # sooner.
    guard_worker(Limits(document_seconds=0.5, memory_mb=None), cpu_grace_s=1.0)
    if item == "hang":
        # Catastrophic backtracking runs inside the regex engine's C loop: no alarm can stop it,
        # as none could stop a Tesseract or pdfium that spins.
        re.match(r"(a+)+$", "a" * 40 + "b")
    return item


def test_a_worker_spinning_in_native_code_is_killed_and_charged_alone():
    items = ["a", "b", "hang", "c", "d"]
    started = time.monotonic()
    results = list(ProcessExecutor(workers=2).map(hang_in_native_code, items,
                                                  on_error=lambda item, exc: f"killed:{item}"))
    assert sorted(results) == ["a", "b", "c", "d", "killed:hang"]
    assert time.monotonic() - started < 60  # the CPU limit (2 s) fired, twice at most


# ---- the command, with an OCR engine that misbehaves on purpose (tests/fake_engines.py) ---------
@pytest.fixture
def batch(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in [SCAN, *TEXTS]:
        shutil.copy(path, folder / path.name)
    return folder


def with_engine(name: str) -> dict[str, str]:
    """The environment that makes every process of a run use the fake engine `name`."""
    return {FAKE_ENGINE_ENV: f"fake_engines:{name}", "PYTHONPATH": str(REPO / "tests")}


def _errors(out: Path) -> list[dict]:
    return ds.dataset(out / "errors", partitioning="hive").to_table().to_pylist()


def _statuses(out: Path) -> dict[str, str]:
    rows = ds.dataset(out / "documents", partitioning="hive").to_table().to_pylist()
    return {r["source_name"]: r["status"] for r in rows}


def _only_the_scan_failed(result, out: Path) -> None:
    assert result.returncode == ExitCode.PARTIAL, result.stderr
    assert "Traceback" not in result.stderr
    assert _statuses(out) == {SCAN.name: "failed", **{t.name: "success" for t in TEXTS}}


@pytest.mark.parametrize("how", [["--serial"], ["--workers", "2"]], ids=["serial", "workers"])
def test_a_document_over_its_time_fails_alone(batch, tmp_path, how):
    out = tmp_path / "out"
    result = run_cli("run", batch, "--out", out, "--document-timeout", "2", "-q", *how,
                     extra_env=with_engine("Hang"))
    _only_the_scan_failed(result, out)
    [error] = _errors(out)
    assert (error["source_path"].endswith(SCAN.name), error["code"], error["stage"]) == (
        True, "timeout", "extract")
    assert "--document-timeout" in error["message"]


def test_pages_over_their_time_are_left_unread_with_a_row_each(batch, tmp_path):
    out = tmp_path / "out"
    result = run_cli("run", batch, "--out", out, "--page-timeout", "0.5", "--serial", "-q",
                     extra_env=with_engine("Hang"))
    assert result.returncode == ExitCode.PARTIAL, result.stderr
    errors = _errors(out)
    assert {e["code"] for e in errors} == {"timeout"}
    # No page left to read: the document fails, on its first page's row (docs/running.md: a document
    # with only some pages unread is partial, with a row for each).
    assert [e["page"] for e in errors] == [1] and "--page-timeout" in errors[0]["message"]
    assert _statuses(out)[SCAN.name] == "failed"


def test_a_document_over_its_memory_fails_alone(batch, tmp_path):
    # The engine asks for 16 GB; a worker may have 3.
    out = tmp_path / "out"
    result = run_cli("run", batch, "--out", out, "--max-memory-mb", "3000", "--workers", "2", "-q",
                     extra_env=with_engine("Hog"))
    _only_the_scan_failed(result, out)
    assert [e["code"] for e in _errors(out)] == ["memory_limit"]


def test_an_engine_that_crashes_its_worker_costs_only_its_file(batch, tmp_path):
    out = tmp_path / "out"
    result = run_cli("run", batch, "--out", out, "--workers", "2", "-q", extra_env=with_engine("Crash"))
    _only_the_scan_failed(result, out)
    assert [(e["code"], e["stage"]) for e in _errors(out)] == [("worker_died", "extract")]


def test_an_engine_error_fails_its_file_with_where_it_was_raised(batch, tmp_path):
    out = tmp_path / "out"
    result = run_cli("run", batch, "--out", out, "--serial", "-q", extra_env=with_engine("Broken"))
    _only_the_scan_failed(result, out)
    [error] = _errors(out)
    assert (error["code"], error["stage"]) == ("unexpected_error", "extract")
    assert "the engine cannot read this page" in error["message"] and "fake_engines.py" in error["message"]


def test_a_missing_engine_stops_the_run_before_any_file(batch, tmp_path):
    # An engine plugged in without a `check` is made at start to see that it can be.
    out = tmp_path / "out"
    result = run_cli("run", batch, "--out", out, "--serial", "-q", extra_env=with_engine("Missing"))
    assert result.returncode == ExitCode.MISSING_DEPENDENCY, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("ita-extract: error: ") and line.endswith(
        ".pdf needs OCR (and maybe more of the inputs), which cannot run here: "
        "no models for the fake engine (it is missing on purpose)")
    assert not (out / "documents").exists()


def test_a_process_without_ocr_leaves_the_scan_marked_for_ocr(monkeypatch):
    # What a worker the run's check did not see (a Dask worker on another machine) does.
    from pipeline.process import process_file

    for name, value in with_engine("Missing").items():
        monkeypatch.setenv(name, value)
    result = process_file(str(SCAN))
    assert result.document.status == "failed"
    assert [(e.code, e.page) for e in result.errors] == [("needs_ocr", 1)]


def test_the_limits_are_in_the_manifest_and_zero_means_none(tmp_path):
    import json

    out = tmp_path / "out"
    result = run_cli("run", TEXTS[0], "--out", out, "--document-timeout", "0",
                     "--max-memory-mb", "3000", "-q")
    assert result.returncode == 0, result.stderr
    limits = json.loads((out / "manifest.json").read_text())["limits"]
    assert limits == {"document_seconds": None, "page_seconds": 300.0, "memory_mb": 3000}
    assert re.search(r"must be 0 \(no limit\) or more",
                     run_cli("run", TEXTS[0], "--page-timeout", "-1").stderr)


# ---- issue 15: the limits hold however the run is started; nonsense values are refused -------
@pytest.mark.slow
@pytest.mark.parametrize("how", ["serial", "one file"])
def test_the_memory_limit_holds_in_a_serial_run_and_for_a_single_file(batch, tmp_path, how):
    """A serial run, and a run of one file or one worker (which is serial), read in this process
    with no memory limit: a runaway allocation had all the machine's memory."""
    out = tmp_path / "out"
    inputs = [batch, "--serial"] if how == "serial" else [batch / SCAN.name]
    result = run_cli("run", *inputs, "--out", out, "--max-memory-mb", "3000", "-q",
                     extra_env=with_engine("Hog"))
    assert "Traceback" not in result.stderr
    if how == "serial":
        _only_the_scan_failed(result, out)
    else:
        assert result.returncode == ExitCode.ALL_FAILED, result.stderr
        assert _statuses(out) == {SCAN.name: "failed"}
    assert [(e["code"], e["stage"]) for e in _errors(out)] == [("memory_limit", "extract")]


@pytest.mark.slow
def test_the_cpu_limit_holds_in_a_serial_run(batch, tmp_path):
    """An engine spinning in native code, where no alarm reaches: the CPU-time limit (twice the
    document's 3 s, plus 10 s) ends the worker, not the serial run."""
    out = tmp_path / "out"
    result = run_cli("run", batch, "--serial", "--out", out, "--document-timeout", "3", "-q",
                     extra_env=with_engine("NativeSpin"))
    _only_the_scan_failed(result, out)
    assert [(e["code"], e["stage"]) for e in _errors(out)] == [("worker_died", "extract")]


@pytest.mark.parametrize("option, value, says", [
    ("--document-timeout", "nan", "must be a finite number"),
    ("--document-timeout", "inf", "must be a finite number"),
    ("--page-timeout", "-inf", "must be a finite number"),
    ("--max-memory-mb", "-5", "must be 0 (no limit) or more"),
    ("--document-timeout", "1e300", "must be at most 604800"),
    ("--max-memory-mb", "1e12", "must be at most 16777216"),
    ("--workers", "-3", "must be at least 1"),
    ("--checkpoint-every", "0", "must be at least 1"),
])
def test_nonsense_limits_are_refused_before_the_run(tmp_path, option, value, says):
    out = tmp_path / "out"
    result = run_cli("run", TEXTS[0], "--out", out, f"{option}={value}")
    assert result.returncode == ExitCode.USAGE, result.stderr
    assert f"argument {option}: {says}" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("field, value", [("document_seconds", float("nan")),
                                          ("page_seconds", float("inf")), ("memory_mb", 2**40)])
def test_limits_refuse_what_no_system_call_takes(field, value):
    with pytest.raises(ValueError, match=field):
        Limits(**{field: value})


def test_workers_are_capped_at_the_files_and_the_cpus(tmp_path):
    import json

    from pipeline.executors import usable_cpus

    out = tmp_path / "out"
    result = run_cli("run", *TEXTS, "--out", out, "--workers", "3000", "--log-json")
    assert result.returncode == ExitCode.OK, result.stderr
    events = [json.loads(line) for line in result.stderr.splitlines()]
    expected = min(len(TEXTS), usable_cpus())
    [started] = [e for e in events if e["event"] == "run_started"]
    assert started["workers"] == expected
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["workers"], manifest["workers_asked"]) == (expected, 3000)
    assert len(manifest["worker_peak_rss_mb"]) <= expected
