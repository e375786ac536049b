"""Every table read as the users read it, with no options (issue 16, part 1).

The main job's output, plus files that fail (empty, a broken PDF, a PDF saved as text) and a text
with no year written by a second run (a second part in every table), then read by plain `pandas.read_parquet(folder)`,
`polars.scan_parquet(glob)`, DuckDB's `read_parquet(glob)` and pyarrow's dataset: the same rows,
the year present and typed int32 in each (pandas' nullable Int32, not a float or a category).
"""
from __future__ import annotations

import shutil

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pytest

from pipeline.store.schema import TABLES

from conftest import make_bad_inputs, run_cli

YEAR = "fiscal_year_be"


@pytest.fixture(scope="module")
def out(main_job, tmp_path_factory):
    """The README's main job (a copy of its output), then a second run into it of files that
    fail and a text with no year."""
    folder = tmp_path_factory.mktemp("readers")
    out = folder / "out"
    shutil.copytree(main_job.out, out)
    bad = make_bad_inputs(folder / "bad")
    more = run_cli("run", bad["empty"], bad["pdf"], bad["pdf_as_txt"], bad["not_ita"], "--out", out, "-q")
    assert more.returncode == 3, more.stderr  # three failed, the recipe partial
    return out


@pytest.mark.parametrize("table", list(TABLES))
def test_every_reader_reads_every_table_alike(out, table):
    folder, glob = out / table, str(out / table / "*.parquet")
    arrow = ds.dataset(folder).to_table()
    frame = pd.read_parquet(folder)
    polars = pl.scan_parquet(glob).collect()
    duck = duckdb.sql(f"SELECT * FROM read_parquet('{glob}')")
    assert len(list(folder.glob("*.parquet"))) >= 1
    rows = arrow.num_rows
    assert len(frame) == polars.height == duckdb.sql(f"SELECT count(*) FROM read_parquet('{glob}')").fetchall()[0][0] == rows
    assert arrow.schema.field(YEAR).type == pa.int32()
    assert str(frame[YEAR].dtype) == "Int32"
    assert polars.schema[YEAR] == pl.Int32
    assert dict(zip(duck.columns, map(str, duck.types)))[YEAR] == "INTEGER"
    years = sorted(arrow[YEAR].to_pylist(), key=str)
    assert sorted((None if pd.isna(y) else int(y) for y in frame[YEAR]), key=str) == years
    assert sorted(polars[YEAR].to_list(), key=str) == years
    assert sorted((y for (y,) in duckdb.sql(f"SELECT {YEAR} FROM read_parquet('{glob}')").fetchall()),
                  key=str) == years


def test_the_runs_gave_rows_with_and_without_a_year(out):
    years = ds.dataset(out / "documents").to_table()[YEAR].to_pylist()
    assert None in years and any(y is not None for y in years)
    statuses = ds.dataset(out / "documents").to_table()["status"].to_pylist()
    assert "failed" in statuses and len(list((out / "documents").glob("*.parquet"))) >= 2
