"""The Dask distributed executor: the same output as the local process pool, on a LocalCluster
started for the run and on a scheduler reached by address, and a worker that dies costs only
its own file."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import dask
import distributed
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from pipeline.discovery import InputFile
from pipeline.errors import ExitCode
from pipeline.executors import DaskExecutor, WorkerVersionMismatch, _call_checked, worker_died
from pipeline.run import not_processed, process_input
from pipeline.store.schema import TABLES

from conftest import REPO

# Relative, as a user types them in the project folder: `source_path` keeps them as given, and
# LocalCluster workers, started in the same working directory, open them as given.
INPUTS = ["samples/text", "samples/pdf", "samples/images/001_abf31e34acd1eb53_p1.png"]


def rows(out, table):
    return sorted(ds.dataset(out / table, partitioning="hive").to_table().to_pylist(), key=repr)


def assert_same_output(a, b):
    for name in TABLES:
        files = sorted(p.relative_to(a) for p in (a / name).rglob("*.parquet"))
        assert files == sorted(p.relative_to(b) for p in (b / name).rglob("*.parquet")), name
        for f in files:
            assert pq.read_table(a / f).equals(pq.read_table(b / f)), f
        assert rows(a, name) == rows(b, name), name
    # What the run did; not when, how fast, or on what.
    same = ("version", "inputs", "files", "skipped_unchanged", "documents", "rows_written",
            "rows_in_dataset", "exit_code")
    manifests = [json.loads((out / "manifest.json").read_text()) for out in (a, b)]
    assert [{k: m.get(k) for k in same} for m in manifests] == [
        {k: manifests[0].get(k) for k in same}] * 2


def test_a_local_dask_cluster_writes_what_the_process_pool_writes(cli, bad_inputs, tmp_path):
    empty_pdf = tmp_path / "empty.pdf"
    empty_pdf.write_bytes(b"")
    inputs = [*INPUTS, empty_pdf, *bad_inputs.values()]
    pool, cluster = tmp_path / "pool", tmp_path / "dask"
    by_pool = cli("run", *inputs, "--out", pool, "--workers", "2", "--quiet")
    by_dask = cli("run", *inputs, "--out", cluster, "--dask", "local", "--workers", "2", "--quiet")
    assert (by_pool.returncode, by_dask.returncode) == (ExitCode.PARTIAL, ExitCode.PARTIAL), by_dask.stderr
    # Dask's own logging stays out of the CLI's stderr: with --quiet, the summary line is all.
    assert len(by_dask.stderr.splitlines()) == 1, by_dask.stderr
    assert_same_output(pool, cluster)
    statuses = {d["source_path"]: d["status"] for d in rows(cluster, "documents")}
    assert statuses[str(empty_pdf)] == "failed"
    assert statuses["samples/text/000_d7eb5a9932c3bc4c.txt"] == "success"
    assert json.loads((cluster / "manifest.json").read_text())["dask_address"] == "local"


def test_a_scheduler_reached_by_address_writes_the_same(cli, tmp_path):
    texts = sorted(str(p) for p in (REPO / "samples" / "text").glob("*.txt"))
    serial = cli("run", *texts, "--out", tmp_path / "serial", "--serial", "--quiet")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        remote = cli("run", *texts, "--out", tmp_path / "remote", "--dask",
                     cluster.scheduler_address, "--quiet")
    assert serial.returncode == remote.returncode == 0, remote.stderr
    assert_same_output(tmp_path / "serial", tmp_path / "remote")


# ---- a worker that dies -------------------------------------------------------------------------
def die_on_poison(item: InputFile):
    if item.name == "poison.txt":
        os._exit(13)  # what a segfault in a native library looks like from the worker
    return process_input(item)


def test_a_dead_dask_worker_costs_only_its_own_file(seeds, tmp_path):
    poison = tmp_path / "poison.txt"
    poison.write_text("ไม่มีอะไร")
    items = [InputFile(str(p), p.name) for p in [*seeds[:2], poison, *seeds[2:]]]
    # The scheduler gives up on a task at its second dead worker (Dask allows three by default,
    # which takes longer). Not at its first: a file finished on the poisoned worker whose result
    # the client had not fetched yet when the worker died is computed again, which counts as a
    # failure of that file too (seen on a busy machine: 000 charged with `worker_died`).
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        results = list(DaskExecutor("local", workers=2).map(die_on_poison, items,
                                                            on_error=not_processed))
    by_name = {r.document.source_name: r for r in results}
    assert sorted(by_name) == sorted(item.name for item in items) and len(results) == len(items)
    died = by_name.pop("poison.txt")
    assert died.document.status == "failed"
    assert [(e.stage, e.code) for e in died.errors] == [("extract", "worker_died")]
    assert {r.document.status for r in by_name.values()} == {"success"}, [(n, [(e.code, e.message) for e in r.errors]) for n, r in by_name.items() if r.errors]


def test_killed_worker_counts_as_a_dead_worker():
    assert worker_died(distributed.KilledWorker("task", "tcp://127.0.0.1:1", allowed_failures=0))
    assert not worker_died(ValueError("a bug in a parser"))


def test_a_worker_of_another_version_refuses_the_task():
    with pytest.raises(WorkerVersionMismatch):
        _call_checked(str.upper, "0.0.0-not-this-one", "x")
    assert _call_checked(str.upper, __import__("pipeline").__version__, "x") == "X"


# ---- usage --------------------------------------------------------------------------------------
@pytest.mark.parametrize("args", [["--dask", "local", "--serial"], ["--dask", "host:8786"],
                                  ["--dask", "http://host:8786"], ["--dask", ""],
                                  ["--dask", "tcp://host:8786", "--workers", "2"]])
def test_bad_dask_usage_exits_2(cli, seeds, tmp_path, args):
    done = cli("run", seeds[0], "--out", tmp_path / "out", *args)
    assert done.returncode == ExitCode.USAGE, (args, done.stderr)
    assert "dask" in done.stderr.lower() or "--workers" in done.stderr


def test_without_the_extra_dask_says_what_to_install(seeds, tmp_path):
    # A Python that cannot import distributed, as a base install without the extra is.
    code = ("import sys; sys.modules['distributed'] = None; from pipeline.cli import main; "
            f"sys.exit(main(['run', {str(seeds[0])!r}, '--out', {str(tmp_path / 'out')!r}, "
            "'--dask', 'local']))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    assert done.returncode == ExitCode.USAGE, done.stderr
    assert "pip install 'ita-extract[dask]'" in done.stderr
