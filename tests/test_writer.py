"""The Parquet writer: layout, types through pyarrow, DuckDB and pandas, idempotency, safety."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from pipeline.errors import OutputError
from pipeline.part_index import part_name
from pipeline.result import Extraction
from pipeline.schema import (
    TABLES,
    DocumentRow,
    ErrorRow,
    MeasureRow,
    OwnerRow,
    ScoreRow,
    StatusRow,
    arrow_schema,
)
from pipeline.writer import DatasetWriter, rows_to_arrow, write_dataset, write_manifest


def doc_id(n: int) -> str:
    return f"{n:064x}"


def extraction(n: int, year: int | None, measures: int = 2, status: str = "success",
               path: str | None = None) -> Extraction:
    """A document as assemble would give it: a few measures with owners and statuses, scores."""
    did = doc_id(n)
    common = dict(doc_id=did, org_name=f"เทศบาลตำบล{n}", province="สกลนคร", fiscal_year_be=year)
    path = path or f"reports/{n}.txt"
    document = DocumentRow(doc_id=did, source_name=Path(path).name, source_path=path, source_kind="text",
                           page_count=3, form="memo", doc_type="measures_plan", status=status,
                           org_name=common["org_name"], province="สกลนคร", fiscal_year_be=year,
                           fiscal_year=None if year is None else year - 543, doc_date=dt.date(2021, 3, 22),
                           warnings=["indicator_name_mismatch:3"], extractor_version="test")
    result = Extraction(document=document)
    result.scores = [ScoreRow(**common, scope="indicator", tool="EIT", indicator_no=8, score=83.99, page=1)]
    for ordinal in range(1, measures + 1):
        mid = f"{did[:16]}-{ordinal:03d}"
        result.measures.append(MeasureRow(
            **common, measure_id=mid, ordinal=ordinal, number=str(ordinal), kind="plan",
            indicator_no=9, title=f"มาตรการที่ {ordinal}", steps=["ขั้นที่ ๑", "ขั้นที่ ๒"],
            period_start=dt.date(2021, 10, 1), period_end=dt.date(2022, 9, 30),
            monitoring_months=[6, 12], page=2))
        result.owners.append(OwnerRow(**common, measure_id=mid, owner_raw="สำนักปลัด",
                                      unit_key="clerk_office", unit_th="สำนักปลัด"))
        result.statuses.append(StatusRow(**common, measure_id=mid, status="planned"))
    if status != "success":
        result.errors = [ErrorRow(**common, source_path=path, stage="parse", code="x", message="y")]
    return result


def read(out: Path, table: str) -> pa.Table:
    """What the evaluator does."""
    return ds.dataset(out / table, format="parquet", partitioning="hive").to_table()


def duck(out: Path, table: str):
    return duckdb.sql(f"select * from read_parquet('{out / table}/*.parquet')")


def parquet_files(out: Path, table: str) -> list[str]:
    return sorted(str(p.relative_to(out / table)) for p in (out / table).rglob("*.parquet"))


BATCH = [extraction(1, 2564), extraction(2, 2565, measures=3), extraction(3, None, status="partial")]


def test_layout_is_one_part_per_write_with_the_year_inside(tmp_path):
    write_dataset(tmp_path, BATCH)
    assert parquet_files(tmp_path, "measures") == [part_name(1)]
    # No year folders: the year is a column of every file, read alike by every reader.
    one = pq.read_table(tmp_path / "measures" / part_name(1))
    assert sorted(one["fiscal_year_be"].to_pylist(), key=str) == [2564, 2564, 2565, 2565, 2565, None, None]
    write_dataset(tmp_path, [extraction(4, 2566)])
    assert parquet_files(tmp_path, "measures") == [part_name(1), part_name(2)]
    assert not list(tmp_path.glob(".ita-extract-write-*")), "staging folders left behind"


def test_round_trip_through_pyarrow_with_schema_types(tmp_path):
    write_dataset(tmp_path, BATCH)
    for name, row_type in TABLES.items():
        table = read(tmp_path, name)
        schema = arrow_schema(row_type)
        for field in schema:
            assert table.schema.field(field.name).type == field.type, (name, field.name)
        # The descriptions travel with the files (for the columns stored in them).
        if table.num_rows and name != "errors":
            assert table.schema.field("doc_id").metadata[b"description"].startswith(b"sha256")
    measures = read(tmp_path, "measures").sort_by("measure_id")
    assert measures.schema.field("fiscal_year_be").type == pa.int32()
    assert measures.schema.field("period_start").type == pa.date32()
    assert measures.schema.field("steps").type == pa.list_(pa.string())
    assert measures.schema.field("monitoring_months").type == pa.list_(pa.int8())
    assert measures.num_rows == 2 + 3 + 2
    rows = measures.to_pylist()
    assert rows[0]["steps"] == ["ขั้นที่ ๑", "ขั้นที่ ๒"]
    assert rows[0]["period_start"] == dt.date(2021, 10, 1)
    assert rows[0]["monitoring_months"] == [6, 12]
    years = sorted(read(tmp_path, "documents").column("fiscal_year_be").to_pylist(), key=str)
    assert years == [2564, 2565, None]


def test_round_trip_through_duckdb(tmp_path):
    write_dataset(tmp_path, BATCH)
    write_dataset(tmp_path, [extraction(4, None)])  # a second part, with no year
    rel = duck(tmp_path, "measures")
    types = dict(zip(rel.columns, map(str, rel.types)))
    assert types["period_start"] == "DATE"
    assert types["steps"] == "VARCHAR[]"
    assert types["monitoring_months"] == "TINYINT[]"
    assert types["ordinal"] == "INTEGER"
    assert types["indicator_no"] == "TINYINT"
    assert types["fiscal_year_be"] == "INTEGER"
    counts = duckdb.sql(f"select fiscal_year_be, count(*) from read_parquet('{tmp_path}/measures/*.parquet') "
                        "group by all order by 1 nulls last").fetchall()
    assert counts == [(2564, 2), (2565, 3), (None, 4)]
    doc = duckdb.sql(f"select doc_date, warnings, page_count from read_parquet('{tmp_path}/documents/*.parquet') "
                     "where fiscal_year_be = 2564").fetchall()
    assert doc == [(dt.date(2021, 3, 22), ["indicator_name_mismatch:3"], 3)]


def test_pandas_and_polars_read_the_folder_with_no_options(tmp_path):
    import polars as pl

    write_dataset(tmp_path, BATCH)
    write_dataset(tmp_path, [extraction(4, None, status="failed")])  # a part whose year is all null
    for name in TABLES:
        frame = pd.read_parquet(tmp_path / name)
        assert len(frame) == read(tmp_path, name).num_rows, name
        assert str(frame["fiscal_year_be"].dtype) in ("Int32", "float64", "int32"), name
        lazy = pl.scan_parquet(str(tmp_path / name / "*.parquet")).collect()
        assert lazy.height == len(frame) and lazy.schema["fiscal_year_be"] == pl.Int32, name
    frame = pd.read_parquet(tmp_path / "measures")
    assert sorted(frame["fiscal_year_be"].dropna().astype(int).unique()) == [2564, 2565]
    assert frame["fiscal_year_be"].isna().sum() == 2


def test_empty_tables_are_written_and_readable(tmp_path):
    write_dataset(tmp_path, [extraction(1, 2564, measures=0)])
    for name in ("findings", "signatories", "measures", "owners", "statuses", "errors"):
        assert parquet_files(tmp_path, name) == [part_name(1)], name
        table = read(tmp_path, name)
        assert table.num_rows == 0 and table.schema.field("doc_id").type == pa.string()
        assert table.schema.field("fiscal_year_be").type == pa.int32()
        assert duck(tmp_path, name).fetchall() == []
        assert pd.read_parquet(tmp_path / name).empty


def test_writing_twice_is_idempotent(tmp_path):
    write_dataset(tmp_path, BATCH)
    first = {name: read(tmp_path, name) for name in TABLES}
    report = write_dataset(tmp_path, BATCH)
    for name in TABLES:
        again = read(tmp_path, name)
        assert again.num_rows == first[name].num_rows, name
        assert again.equals(first[name]), name
    assert report.rows_total["measures"] == 7 and report.rows_written["measures"] == 7


def test_rewriting_a_document_replaces_its_rows_and_keeps_the_others(tmp_path):
    write_dataset(tmp_path, BATCH)
    # Document 2 again, now with one measure and another year: its three old measures must go.
    report = write_dataset(tmp_path, [extraction(2, 2566, measures=1)])
    measures = read(tmp_path, "measures")
    assert measures.num_rows == 2 + 1 + 2
    assert sorted(measures.filter(pa.compute.equal(measures["doc_id"], doc_id(2)))["measure_id"].to_pylist()) == [
        f"{doc_id(2)[:16]}-001"]
    assert report.rows_total["documents"] == 3


def test_errors_without_doc_id_are_replaced_by_source_path(tmp_path):
    def unreadable(path: str) -> Extraction:
        document = DocumentRow(doc_id="unreadable:" + path, source_name=path, source_path=path,
                               status="failed", extractor_version="test")
        return Extraction(document=document, errors=[
            ErrorRow(source_path=path, stage="read", code="unreadable", message="gone")])

    write_dataset(tmp_path, [unreadable("a.txt"), unreadable("b.txt")])
    write_dataset(tmp_path, [unreadable("a.txt")])
    errors = read(tmp_path, "errors")
    assert sorted(errors["source_path"].to_pylist()) == ["a.txt", "b.txt"]


def test_output_does_not_depend_on_the_order_of_results(tmp_path):
    write_dataset(tmp_path / "a", BATCH)
    write_dataset(tmp_path / "b", list(reversed(BATCH)))
    for name in TABLES:
        for part in parquet_files(tmp_path / "a", name):
            a = pq.read_table(tmp_path / "a" / name / part)
            b = pq.read_table(tmp_path / "b" / name / part)
            assert a.equals(b), (name, part)


def test_two_copies_of_one_file_give_one_set_of_measures(tmp_path):
    copy = extraction(1, 2564, path="elsewhere/copy.txt")
    write_dataset(tmp_path, [extraction(1, 2564), copy])
    assert read(tmp_path, "documents").num_rows == 2  # one row per source file
    assert read(tmp_path, "measures").num_rows == 2  # but the same bytes' measures once


def test_rows_outside_the_vocabulary_are_refused(tmp_path):
    bad = extraction(1, 2564)
    bad.measures[0].kind = "wish"
    with pytest.raises(ValueError, match="kind"):
        write_dataset(tmp_path, [bad])
    assert not (tmp_path / "measures").exists()


def test_required_columns_may_not_be_null():
    row = ErrorRow(source_path="x.txt", stage="read", code="c", message=None)
    with pytest.raises(ValueError, match="message"):
        rows_to_arrow([row], ErrorRow)


def test_a_foreign_folder_is_not_merged_into(tmp_path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "notes.parquet").write_text("not parquet")
    with pytest.raises(OutputError):
        write_dataset(tmp_path, BATCH)
    assert (tmp_path / "documents" / "notes.parquet").read_text() == "not parquet"


def test_manifest(tmp_path):
    write_dataset(tmp_path, BATCH)
    path = write_manifest(tmp_path, {"version": "0.1.0", "documents": 3})
    assert json.loads(path.read_text(encoding="utf-8")) == {"version": "0.1.0", "documents": 3}
    assert not list(tmp_path.glob(".manifest*"))


def test_the_docs_list_the_tables_as_written():
    # docs/schema.md's table listing is generated from pipeline/schema.py: it must not drift.
    import importlib.util

    repo = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("schema_doc", repo / "scripts" / "schema_doc.py")
    schema_doc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(schema_doc)
    assert schema_doc.block() in (repo / "docs" / "schema.md").read_text(encoding="utf-8"), \
        "docs/schema.md is out of date: run scripts/schema_doc.py --write"


def test_a_new_version_of_a_source_replaces_the_old_in_every_table(tmp_path):
    write_dataset(tmp_path, BATCH)
    # reports/2.txt edited: new bytes (doc_id 9), same path. Its old rows go from every table.
    report = write_dataset(tmp_path, [extraction(9, 2565, measures=1, path="reports/2.txt")])
    for name in TABLES:
        assert doc_id(2) not in read(tmp_path, name)["doc_id"].to_pylist(), name
    assert report.rows_total["documents"] == 3 and report.rows_total["measures"] == 2 + 1 + 2


def test_a_failed_copy_leaves_the_other_copy_its_rows(tmp_path):
    copy = "elsewhere/copy.txt"
    write_dataset(tmp_path, [extraction(1, 2564), extraction(1, 2564, path=copy)])
    # The copy fails (a timeout, say) on its own: the original's rows stay.
    write_dataset(tmp_path, [extraction(1, 2564, measures=0, status="failed", path=copy)])
    assert read(tmp_path, "measures").num_rows == 2
    assert sorted(read(tmp_path, "documents")["status"].to_pylist()) == ["failed", "success"]
    # Then the original fails too: no row that did not fail holds those bytes, so their rows go.
    write_dataset(tmp_path, [extraction(1, 2564, measures=0, status="failed")])
    assert read(tmp_path, "measures").num_rows == 0 and read(tmp_path, "scores").num_rows == 0
    assert read(tmp_path, "errors").num_rows == 2  # one per failed source


# ---- incremental writes (issue 15, part 7) ------------------------------------------------------
def test_a_run_that_only_adds_documents_never_reads_an_earlier_part(tmp_path):
    writer = DatasetWriter(tmp_path)
    for n in range(1, 6):
        report = writer.write([extraction(10 * n + k, 2564 + k % 2) for k in range(3)])
        assert report.parts_read == 0 and report.rows_read == 0, n
        assert report.rows_total["documents"] == 3 * n and report.rows_total["measures"] == 6 * n
    assert parquet_files(tmp_path, "measures") == [part_name(n) for n in range(1, 6)]
    # Tables that never had a row keep one empty part, not one per write.
    assert parquet_files(tmp_path, "findings") == [part_name(1)]


def test_a_replacement_rewrites_only_the_parts_that_hold_the_old_rows(tmp_path):
    writer = DatasetWriter(tmp_path)
    for n in range(1, 4):
        writer.write([extraction(10 * n + k, 2564) for k in range(3)])
    before = {p: p.read_bytes() for p in tmp_path.rglob("part-*.parquet")}
    # reports/21.txt edited (new bytes 99, same path): its old rows are in part 2 of each table.
    report = writer.write([extraction(99, 2565, measures=1, path="reports/21.txt")])
    changed = sorted(str(p.relative_to(tmp_path)) for p, data in before.items()
                     if not p.exists() or p.read_bytes() != data)
    assert changed == sorted(f"{name}/{part_name(2)}" for name in
                             ("documents", "scores", "measures", "owners", "statuses")), changed
    assert report.parts_read == 5 and report.rows_read == 3 + 3 + 6 + 6 + 6
    assert doc_id(21) not in read(tmp_path, "measures")["doc_id"].to_pylist()
    assert report.rows_total["documents"] == 9 and read(tmp_path, "documents").num_rows == 9


def test_a_part_left_empty_is_removed(tmp_path):
    writer = DatasetWriter(tmp_path)
    writer.write([extraction(1, 2564)])
    writer.write([extraction(2, 2564)])
    writer.write([extraction(1, 2564)])  # again (--force): part 1 has nothing left
    assert parquet_files(tmp_path, "documents") == [part_name(2), part_name(3)]
    assert read(tmp_path, "documents").num_rows == 2


def test_a_writer_sees_what_another_process_wrote_between_its_checkpoints(tmp_path):
    a, b = DatasetWriter(tmp_path), DatasetWriter(tmp_path)
    a.write([extraction(1, 2564, path="r.txt")])
    b.write([extraction(9, 2564, path="r.txt")])  # r.txt edited, written by another run
    a.write([extraction(1, 2564, path="r.txt")])  # and back: a's index of part 1 is stale
    documents = read(tmp_path, "documents")
    assert documents["doc_id"].to_pylist() == [doc_id(1)]
    assert set(read(tmp_path, "measures")["doc_id"].to_pylist()) == {doc_id(1)}


def test_an_earlier_versions_year_folders_are_converted_once(tmp_path):
    # The layout before issue 15 part 7: hive year folders without the year in the files, and a
    # table with no year as one root file.
    write_dataset(tmp_path / "now", BATCH)
    for name in TABLES:
        table = read(tmp_path / "now", name)
        folder = tmp_path / "old" / name
        years = table["fiscal_year_be"]
        if years.null_count == table.num_rows:
            folder.mkdir(parents=True)
            pq.write_table(table, folder / "part-0.parquet")
            continue
        for year in sorted(set(years.to_pylist()), key=str):
            mask = pa.compute.is_null(years) if year is None else pa.compute.equal(years, year)
            part = folder / f"fiscal_year_be={'__HIVE_DEFAULT_PARTITION__' if year is None else year}"
            part.mkdir(parents=True)
            pq.write_table(table.filter(mask).drop_columns(["fiscal_year_be"]), part / "part-0.parquet")
    write_dataset(tmp_path / "old", [extraction(4, 2566)])
    for name in TABLES:
        assert all(p.name.startswith("part-000") for p in (tmp_path / "old" / name).iterdir()), name
        expected = read(tmp_path / "now", name).num_rows + (name in ("documents", "scores")) + \
            2 * (name in ("measures", "owners", "statuses"))
        assert read(tmp_path / "old", name).num_rows == expected, name
    years = sorted(read(tmp_path / "old", "documents")["fiscal_year_be"].to_pylist(), key=str)
    assert years == [2564, 2565, 2566, None]


def test_parts_with_an_earlier_versions_columns_are_rewritten_with_this_versions(tmp_path):
    write_dataset(tmp_path, BATCH)
    path = tmp_path / "documents" / part_name(1)
    pq.write_table(pq.read_table(path).drop_columns(["warnings"]), path)  # as a version before the column
    write_dataset(tmp_path, [extraction(4, 2566)])
    assert pq.read_schema(path).names == arrow_schema(DocumentRow).names
    documents = read(tmp_path, "documents").sort_by("doc_id")
    assert documents["warnings"].to_pylist() == [None, None, None, ["indicator_name_mismatch:3"]]
