"""What a run tells while it runs and after (issue 5): the progress bar, `--log-json`, the manifest."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from pipeline.process import STAGES
from pipeline.run import RunSettings, run
from pipeline.store.versions import PACKAGES

from conftest import REPO, run_cli

TEXTS = sorted((REPO / "samples" / "text").glob("*.txt"))
PDF = REPO / "samples" / "pdf" / "001_abf31e34acd1eb53.pdf"


@pytest.fixture
def batch(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in [*TEXTS[:3], PDF]:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_log_json_is_one_event_a_line_from_start_to_finish(batch, tmp_path):
    result = run_cli("run", batch, "--out", tmp_path / "out", "--log-json", "--checkpoint-every", "2")
    assert result.returncode == 3
    events = [json.loads(line) for line in result.stderr.splitlines()]
    kinds = [e["event"] for e in events]
    assert kinds[0] == "run_started" and kinds[-1] == "run_finished"
    assert kinds.count("document") == 5 and kinds.count("checkpoint") == 3  # after 2, 4 and at the end
    started, finished = events[0], events[-1]
    assert (started["files"], started["skipped_unchanged"]) == (5, 0)
    documents = [e for e in events if e["event"] == "document"]
    assert sorted(e["done"] for e in documents) == [1, 2, 3, 4, 5]
    assert {e["total"] for e in documents} == {5}
    empty = next(e for e in documents if e["source_path"].endswith("empty.txt"))
    assert (empty["status"], empty["errors"]) == ("failed", ["empty_file"])
    pdf = next(e for e in documents if e["source_path"].endswith(PDF.name))
    assert (pdf["status"], pdf["pages"], pdf["source_kind"]) == ("success", 3, "pdf_text")
    assert finished["exit_code"] == 3 and finished["documents"]["failed"] == 1
    assert all(e["time"].endswith("+00:00") for e in events)


def test_log_json_reports_a_usage_error_as_an_event(tmp_path):
    result = run_cli("run", tmp_path / "missing.pdf", "--log-json")
    assert result.returncode == 2
    [event] = [json.loads(line) for line in result.stderr.splitlines()]
    assert event["event"] == "run_failed" and "missing.pdf" in event["message"]


def test_the_manifest_has_stage_timings_and_versions(batch, tmp_path):
    out = tmp_path / "out"
    summary = run(RunSettings(inputs=[str(batch)], out=out, executor="serial", quiet=True))
    manifest = json.loads((out / "manifest.json").read_text())
    stages = manifest["stage_seconds"]
    assert set(stages) == {name for name, _ in STAGES}
    assert stages["extract"] > 0 and all(seconds >= 0 for seconds in stages.values())
    assert manifest["pages"] == summary.pages == 3 + 3  # three one-page texts, a three-page PDF
    assert manifest["pages_per_second"] > 0 and manifest["checkpoints"] == 1
    versions = manifest["versions"]
    assert versions["ita-extract"] == manifest["version"]
    assert set(PACKAGES) <= set(versions) and all(versions[p] for p in PACKAGES)
    assert versions["tesseract"].startswith("5.") and len(versions["digit_model_sha256"]) == 16
    assert manifest["inputs"] == [str(batch)] and manifest["files"] == 5


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as stderr is for a person at one."""

    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_pages_per_second_and_time_left(batch, tmp_path):
    screen = Terminal()
    run(RunSettings(inputs=[str(batch)], out=tmp_path / "out", executor="serial"), log=screen)
    shown = screen.getvalue()
    assert "5/5" in shown and "pages/s" in shown and "6 pages" in shown
    assert "<" in shown  # tqdm's elapsed<remaining
    assert "empty.txt: empty_file" in shown  # a failed file has its line above the bar


def test_quiet_shows_nothing_while_running(batch, tmp_path):
    screen = Terminal()
    run(RunSettings(inputs=[str(batch)], out=tmp_path / "out", executor="serial", quiet=True),
        log=screen)
    assert screen.getvalue() == ""
