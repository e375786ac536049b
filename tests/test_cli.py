"""The `ita-extract` command, run as a user runs it: exit codes, inputs, output, determinism."""
from __future__ import annotations

import json
import re

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from pipeline import __version__
from pipeline.errors import ExitCode
from pipeline.store.schema import TABLES

OK, USAGE, PARTIAL, ALL_FAILED = ExitCode.OK, ExitCode.USAGE, ExitCode.PARTIAL, ExitCode.ALL_FAILED


def documents(out):
    return ds.dataset(out / "documents", partitioning="hive").to_table().to_pylist()


def test_version(cli):
    done = cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"ita-extract {__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", __version__)


@pytest.mark.parametrize("args", [[], ["run"], ["run", "--bogus", "x"], ["frobnicate"],
                                  ["run", "x", "--workers", "0"], ["run", "x", "--workers", "two"],
                                  ["run", "x", "--serial", "--workers", "2"]])
def test_bad_usage_exits_2(cli, args):
    done = cli(*args)
    assert done.returncode == USAGE, (args, done.stderr)
    assert done.stderr


def test_no_inputs_found_exits_2(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "report.docx").write_bytes(b"PK\x03\x04")  # a folder's Word files are not picked
    for paths in (["nowhere"], [tmp_path / "empty"], [tmp_path / "empty" / "*.txt"]):
        done = cli("run", *paths, "--out", tmp_path / "out")
        assert done.returncode == USAGE, (paths, done.stderr)
        assert "ita-extract: error:" in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_missing_input_stops_the_run_before_it_starts(cli, seeds, tmp_path):
    done = cli("run", seeds[0], tmp_path / "typo.txt", "--out", tmp_path / "out")
    assert done.returncode == USAGE and "typo.txt" in done.stderr
    assert not (tmp_path / "out").exists()


def test_out_must_be_a_folder(cli, seeds, tmp_path):
    (tmp_path / "file").write_text("x")
    assert cli("run", seeds[0], "--out", tmp_path / "file").returncode == USAGE
    done = cli("run", seeds[0], "--out", tmp_path / "file" / "below")
    assert done.returncode == USAGE and "cannot create" in done.stderr


def test_run_writes_every_table_and_a_manifest(cli, seeds, tmp_path):
    out = tmp_path / "out"
    done = cli("run", *seeds, "--out", out)
    assert done.returncode in (OK, PARTIAL), done.stderr
    for name in TABLES:
        assert list((out / name).rglob("*.parquet")), name
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == __version__ and manifest["files"] == 5
    assert manifest["documents"]["total"] == 5 and manifest["exit_code"] == done.returncode
    assert manifest["rows_in_dataset"]["documents"] == 5
    # The closing summary line, on stderr; stdout stays clean for scripts.
    assert re.search(r"5 documents \(0 failed, \d+ partial\), 5 pages, \d+ scores, \d+ measures", done.stderr)
    assert done.stdout == ""
    rows = documents(out)
    assert sorted(r["source_name"] for r in rows) == sorted(p.name for p in seeds)
    assert all(r["source_kind"] == "text" and r["method"] == "markup" for r in rows)
    assert all(r["extractor_version"] == __version__ for r in rows)


def test_good_input_exits_0(cli, seeds, tmp_path):
    done = cli("run", seeds[0], "--out", tmp_path / "out", "--serial")
    assert done.returncode == OK, done.stderr


def test_a_batch_with_a_bad_file_exits_3(cli, seeds, bad_inputs, tmp_path):
    done = cli("run", seeds[0], bad_inputs["empty"], "--out", tmp_path / "out")
    assert done.returncode == PARTIAL, done.stderr
    assert f"{bad_inputs['empty']}: empty_file" in done.stderr  # one line per failed file...
    quiet = cli("run", seeds[0], bad_inputs["empty"], "--out", tmp_path / "out2", "--quiet")
    assert "empty_file" not in quiet.stderr and "1 failed" in quiet.stderr  # ...unless --quiet


def test_a_batch_where_everything_fails_exits_4(cli, bad_inputs, tmp_path):
    out = tmp_path / "out"
    done = cli("run", bad_inputs["empty"], bad_inputs["binary"], bad_inputs["pdf"], "--out", out)
    assert done.returncode == ALL_FAILED, done.stderr
    assert sorted(r["status"] for r in documents(out)) == ["failed"] * 3


def test_folders_take_supported_files_and_named_files_are_always_taken(cli, seeds, bad_inputs, tmp_path):
    folder = bad_inputs["docx"].parent  # holds report.docx beside the .txt, .pdf and .png files
    out = tmp_path / "out"
    cli("run", folder, "--out", out, "--quiet")
    names = sorted(r["source_name"] for r in documents(out))
    assert "report.docx" not in names and "scan.png" in names and len(names) == len(bad_inputs) - 1
    out2 = tmp_path / "out2"
    cli("run", bad_inputs["docx"], "--out", out2, "--quiet")
    assert [(r["source_name"], r["status"]) for r in documents(out2)] == [("report.docx", "failed")]


def test_globs_are_expanded_and_inputs_deduplicated(cli, seeds, tmp_path):
    out = tmp_path / "out"
    folder = seeds[0].parent
    # The same files three ways: a quoted glob, a folder, and one by a path that differs in form.
    done = cli("run", str(folder / "*.txt"), folder, str(folder / "." / seeds[0].name), "--out", out, "--quiet")
    assert done.returncode in (OK, PARTIAL), done.stderr
    assert len(documents(out)) == 5


def test_rerunning_does_not_duplicate_rows(cli, seeds, bad_inputs, tmp_path):
    out = tmp_path / "out"
    inputs = [*seeds, bad_inputs["empty"], bad_inputs["not_ita"]]
    cli("run", *inputs, "--out", out, "--quiet")
    first = {name: ds.dataset(out / name, partitioning="hive").to_table() for name in TABLES}
    cli("run", *inputs, "--out", out, "--quiet")
    for name in TABLES:
        again = ds.dataset(out / name, partitioning="hive").to_table()
        assert again.num_rows == first[name].num_rows, name
    assert len(documents(out)) == 7


def test_the_executor_does_not_change_the_output(cli, seeds, bad_inputs, tmp_path):
    inputs = [*seeds, *bad_inputs.values()]
    serial, pool = tmp_path / "serial", tmp_path / "pool"
    assert cli("run", *inputs, "--out", serial, "--serial", "--quiet").returncode == PARTIAL
    assert cli("run", *inputs, "--out", pool, "--workers", "2", "--quiet").returncode == PARTIAL
    for name in TABLES:
        files = sorted(p.relative_to(serial) for p in (serial / name).rglob("*.parquet"))
        assert files == sorted(p.relative_to(pool) for p in (pool / name).rglob("*.parquet")), name
        for f in files:
            assert pq.read_table(serial / f).equals(pq.read_table(pool / f)), f


def test_the_readme_main_job_on_samples_succeeds_for_exactly_the_reports(main_job):
    """`ita-extract run samples` is the README's main job: every input it picks up under samples/
    must be a report (a stray .md or .txt there would turn the exit code into 'partial')."""
    import pyarrow.dataset as ds

    done = main_job.done
    assert done.returncode == 0, done.stderr
    documents = ds.dataset(main_job.out / "documents", partitioning="hive").to_table().to_pylist()
    # the family samples of issue 14 (samples/families/{text,pdf,scan}) come on top of the seeds
    family = [d for d in documents if d["source_path"].startswith("samples/families/")]
    kinds = sorted(d["source_kind"] for d in documents if d not in family)
    # each seed as OCR text, as a born-digital PDF and scanned; three scanned pages as images
    # (and issue 14's family samples under samples/families, each as text, PDF and scan)
    assert kinds == ["image"] * 3 + ["pdf_scanned"] * 5 + ["pdf_text"] * 5 + ["text"] * 5
    folder_kind = {"text": "text", "pdf": "pdf_text", "scan": "pdf_scanned"}
    assert all(folder_kind[d["source_path"].split("/")[2]] == d["source_kind"] for d in family)
    assert {d["status"] for d in documents} == {"success"}
