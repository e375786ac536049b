"""Flat memory and incremental writes (issue 15, part 7), in the small form CI runs.

benchmarks/national.py runs 100,000 documents and reports the figures (docs/benchmarks.md); this runs the
same measurement on 400 documents with a checkpoint every 25, so that the run writes 16 parts:
the parent's memory must not grow with the documents written, no checkpoint may read back what
earlier ones wrote, and the rows must be those of the documents, each once. No wall-clock
assertion: times are the benchmark's to report.
"""
from __future__ import annotations

import importlib.util
import json
import sys

import duckdb
import pandas as pd

from conftest import REPO

DOCS, EVERY = 400, 25


def _benchmark():
    sys.path.insert(0, str(REPO / "benchmarks"))
    spec = importlib.util.spec_from_file_location("national", REPO / "benchmarks" / "national.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_bulk_run_keeps_flat_memory_and_never_rereads_its_parts(tmp_path):
    national = _benchmark()
    corpus = tmp_path / "corpus"
    national.scale_corpus(REPO / "samples" / "text", DOCS, corpus)
    out = tmp_path / "out"
    figures = national.run_once(corpus, out, DOCS, workers=2, checkpoint_every=EVERY)
    assert figures["exit_code"] == 0 and figures["documents"] == DOCS
    assert figures["part_files_per_table"] == DOCS // EVERY
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["rows_reread_by_writes"] == 0
    assert manifest["checkpoints"] == DOCS // EVERY + 1  # the last, with nothing left to add
    # Parent memory: the second half's peak within a few MB of the first half's (it held
    # every row before: 50 KB a document).
    first, second = figures["parent_peak_rss_mb_first_half"], figures["parent_peak_rss_mb_second_half"]
    assert 0 < first < 500 and second <= first + 8, figures
    # Each document once, with the rows its seed gives when run alone: none lost, none twice.
    documents = pd.read_parquet(out / "documents")
    assert len(documents) == DOCS and documents["doc_id"].is_unique
    alone = tmp_path / "alone"
    assert national.run_once(REPO / "samples" / "text", alone, 5, workers=1,
                             checkpoint_every=EVERY)["exit_code"] == 0
    for table in ("scores", "measures", "owners"):
        assert _rows_per_seed(out, table) == {seed: n * DOCS // 5 for seed, n in
                                              _rows_per_seed(alone, table).items()}, table


def _rows_per_seed(out, table: str) -> dict[str, int]:
    """Rows of `table` per seed report (a copy's file name ends with its seed's)."""
    rows = duckdb.sql(f"""SELECT regexp_extract(d.source_name, '[0-9]{{3}}_[0-9a-f]+\\.txt$') seed,
                                 count(*) n
        FROM read_parquet('{out}/{table}/*.parquet') t JOIN read_parquet('{out}/documents/*.parquet') d
        USING (doc_id) GROUP BY seed""").fetchall()
    return dict(rows)
