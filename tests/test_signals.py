"""Stopping a run from outside (issue 15): SIGTERM, what systemd, Docker and Kubernetes send,
keeps the finished work and exits 143, as Ctrl-C does with 130; no worker process outlives the
run, however it ends. Real runs, real signals, processes checked by their PIDs; the document
that keeps the run busy is a scan read by the fake engine that hangs (tests/fake_engines.py)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from pipeline.errors import ExitCode
from pipeline.stopping import StopSignals, Terminated

from conftest import REPO

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc, prctl")]

SCAN = REPO / "samples" / "scan" / "001_abf31e34acd1eb53.pdf"
TEXTS = sorted((REPO / "samples" / "text").glob("*.txt"))[:2]
SCAN_NAME = "zz_" + SCAN.name  # last, so that a serial run reads both texts before it hangs
SAFETY = 60.0  # seconds: only so that a broken run cannot hang the suite


@pytest.fixture
def batch(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SCAN, folder / SCAN_NAME)
    for path in TEXTS:
        shutil.copy(path, folder / path.name)
    return folder


def start(batch: Path, out: Path, engine: str, *options: str) -> subprocess.Popen:
    env = dict(os.environ, ITA_EXTRACT_OCR_ENGINE=f"fake_engines:{engine}",
               PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "tests")]))
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(batch), "--out",
                             str(out), "--checkpoint-every", "1", "-q", *options],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(child) for child in (task / "children").read_text().split())
    return found


def alive(pid: int) -> bool:
    """Running, or stopped; not gone and not a zombie (a container's init may never reap one)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def documents(out: Path) -> dict[str, str]:
    rows = ds.dataset(out / "documents", partitioning="hive").to_table().to_pylist()
    return {row["source_name"]: row["status"] for row in rows}


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + SAFETY
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.1)


def texts_written_and_scan_busy(run: subprocess.Popen, out: Path, workers: int) -> set[int]:
    """Wait until the two texts are written and the scan hangs in a worker; its workers' PIDs."""
    def ready() -> bool:
        assert run.poll() is None, run.communicate()[1]
        try:
            written = documents(out)
        except (OSError, ValueError):  # not written yet, or being swapped in
            return False
        return written == {t.name: "success" for t in TEXTS} and len(children(run.pid)) == workers

    wait_for(ready, "the texts written, the scan being read")
    return children(run.pid)


def cleanup(pids: set[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.mark.parametrize("how, workers", [(["--workers", "2"], 2), (["--serial"], 1)],
                         ids=["workers", "serial"])
def test_sigterm_keeps_the_finished_work_exits_143_and_leaves_no_process(batch, tmp_path, how,
                                                                         workers):
    out = tmp_path / "out"
    run = start(batch, out, "Hang", *how)
    pids = texts_written_and_scan_busy(run, out, workers)
    try:
        run.send_signal(signal.SIGTERM)  # to the run alone, as Docker and Kubernetes send it
        _, stderr = run.communicate(timeout=SAFETY)
        assert run.returncode == ExitCode.TERMINATED == 143, stderr
        assert "terminated" in stderr and "Traceback" not in stderr
        wait_for(lambda: not any(alive(pid) for pid in pids), f"workers {pids} gone")
    finally:
        cleanup(pids)
    assert documents(out) == {t.name: "success" for t in TEXTS}
    # The same command goes on from there: only the scan is read (by an engine that reads it).
    again = start(batch, out, "Blank", *how)
    _, stderr = again.communicate(timeout=SAFETY)
    assert again.returncode == ExitCode.PARTIAL, stderr  # the blank scan is no ITA report
    assert "2 unchanged skipped" in stderr
    assert documents(out) == {**{t.name: "success" for t in TEXTS}, SCAN_NAME: "partial"}


def test_workers_die_with_a_killed_run(batch, tmp_path):
    """SIGKILL (the OOM killer, `kill -9`) gives the run no chance to stop its workers: the
    kernel does (PR_SET_PDEATHSIG). They used to go on for minutes, 250-300 MB each."""
    out = tmp_path / "out"
    run = start(batch, out, "Hang", "--workers", "2")
    pids = texts_written_and_scan_busy(run, out, 2)
    try:
        run.kill()
        run.communicate(timeout=SAFETY)
        wait_for(lambda: not any(alive(pid) for pid in pids), f"workers {pids} gone")
    finally:
        cleanup(pids)


# ---- a stop during a write waits for the write's end, in this process ---------------------------
def test_a_stop_signal_during_a_write_is_raised_when_the_write_ends():
    steps = []
    with StopSignals() as stop_signals:
        with pytest.raises(Terminated):
            with stop_signals.writing():
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(0.05)  # the handler has run by now, and must not have raised
                steps.append("write finished")
        with pytest.raises(KeyboardInterrupt) as stopped:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
        assert not isinstance(stopped.value, Terminated)
    assert steps == ["write finished"]
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
