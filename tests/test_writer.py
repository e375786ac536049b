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
from pipeline.writer import DEFAULT_PARTITION, PART_FILE, rows_to_arrow, write_dataset, write_manifest


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
    """What the evaluator and users do."""
    return ds.dataset(out / table, format="parquet", partitioning="hive").to_table()


def duck(out: Path, table: str):
    return duckdb.sql(f"select * from read_parquet('{out / table}/**/*.parquet', hive_partitioning=true)")


def parquet_files(out: Path, table: str) -> list[str]:
    return sorted(str(p.relative_to(out / table)) for p in (out / table).rglob("*.parquet"))


BATCH = [extraction(1, 2564), extraction(2, 2565, measures=3), extraction(3, None, status="partial")]


def test_partition_layout(tmp_path):
    write_dataset(tmp_path, BATCH)
    assert parquet_files(tmp_path, "measures") == [
        f"fiscal_year_be=2564/{PART_FILE}", f"fiscal_year_be=2565/{PART_FILE}",
        f"fiscal_year_be={DEFAULT_PARTITION}/{PART_FILE}"]
    # The year is in the directory names only, so that discovery does not meet it twice.
    one = pq.read_table(tmp_path / "measures" / "fiscal_year_be=2565" / PART_FILE)
    assert "fiscal_year_be" not in one.column_names and one.num_rows == 3
    assert not list(tmp_path.glob(".ita-extract-*")), "staging folders left behind"


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
    rel = duck(tmp_path, "measures")
    types = dict(zip(rel.columns, map(str, rel.types)))
    assert types["period_start"] == "DATE"
    assert types["steps"] == "VARCHAR[]"
    assert types["monitoring_months"] == "TINYINT[]"
    assert types["ordinal"] == "INTEGER"
    assert types["indicator_no"] == "TINYINT"
    assert types["fiscal_year_be"] in ("INTEGER", "BIGINT")  # DuckDB types hive values BIGINT
    counts = duckdb.sql(f"select fiscal_year_be, count(*) from read_parquet('{tmp_path}/measures/**/*.parquet', "
                        "hive_partitioning=true) group by all order by 1 nulls last").fetchall()
    assert counts == [(2564, 2), (2565, 3), (None, 2)]
    doc = duckdb.sql(f"select doc_date, warnings, page_count from read_parquet('{tmp_path}/documents/**/*.parquet', "
                     "hive_partitioning=true) where fiscal_year_be = 2564").fetchall()
    assert doc == [(dt.date(2021, 3, 22), ["indicator_name_mismatch:3"], 3)]


def test_pandas_reads_the_folder(tmp_path):
    write_dataset(tmp_path, BATCH)
    # As the README says: pandas' own default types hive values as categories, and pyarrow cannot
    # yet combine categories with the null partition, so the README passes plain hive partitioning.
    frame = pd.read_parquet(tmp_path / "measures", partitioning=ds.partitioning(flavor="hive"))
    assert len(frame) == 7
    assert sorted(frame["fiscal_year_be"].dropna().astype(int).unique()) == [2564, 2565]
    assert frame["fiscal_year_be"].isna().sum() == 2
    # Without a null partition pandas' default works too.
    write_dataset(tmp_path / "years", BATCH[:2])
    assert len(pd.read_parquet(tmp_path / "years" / "measures")) == 5


def test_empty_tables_are_written_and_readable(tmp_path):
    write_dataset(tmp_path, [extraction(1, 2564, measures=0)])
    for name in ("findings", "signatories", "measures", "owners", "statuses", "errors"):
        assert parquet_files(tmp_path, name) == [PART_FILE], name
        table = read(tmp_path, name)
        assert table.num_rows == 0 and table.schema.field("doc_id").type == pa.string()
        assert table.schema.field("fiscal_year_be").type == pa.int32()
        assert duck(tmp_path, name).fetchall() == []
        assert pd.read_parquet(tmp_path / name).empty


def test_a_table_without_any_year_is_one_root_file(tmp_path):
    # pyarrow cannot read a dataset whose only partition is the default one: no root-less layout.
    write_dataset(tmp_path, [extraction(5, None), extraction(6, None, status="failed")])
    assert parquet_files(tmp_path, "documents") == [PART_FILE]
    docs = read(tmp_path, "documents")
    assert docs.num_rows == 2 and docs.column("fiscal_year_be").to_pylist() == [None, None]
    assert docs.schema.field("fiscal_year_be").type == pa.int32()
    assert len(duck(tmp_path, "documents").fetchall()) == 2
    # A later run that brings a year turns the table into a partitioned one, wholly.
    write_dataset(tmp_path, [extraction(7, 2566)])
    assert parquet_files(tmp_path, "documents") == [
        f"fiscal_year_be=2566/{PART_FILE}", f"fiscal_year_be={DEFAULT_PARTITION}/{PART_FILE}"]
    assert read(tmp_path, "documents").num_rows == 3
    assert len(duck(tmp_path, "documents").fetchall()) == 3


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
    assert not (tmp_path / "measures" / "fiscal_year_be=2565").exists()


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


def test_the_readme_lists_the_tables_as_written():
    # The README's table listing is generated from pipeline/schema.py: it must not drift.
    import importlib.util

    repo = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("schema_doc", repo / "scripts" / "schema_doc.py")
    schema_doc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(schema_doc)
    assert schema_doc.block() in (repo / "README.md").read_text(encoding="utf-8"), \
        "README.md is out of date: run scripts/schema_doc.py --write"


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
