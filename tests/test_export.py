"""`ita-extract export` and the data dictionary (issue 16, parts 2 and 6), on the main job's output.

Each export is opened by what a user opens it with: the workbook by openpyxl, the CSV files by
`frictionless validate` (every value against the datapackage.json's types) and pandas, the
database by DuckDB; every table's rows must all be there.
"""
from __future__ import annotations

import json

import duckdb
import frictionless
import openpyxl
import pandas as pd
import pyarrow.dataset as ds
import pytest

from pipeline.store.arrow import arrow_schema
from pipeline.store.dictionary import COLUMN_TH
from pipeline.store.schema import TABLES

from conftest import run_cli


@pytest.fixture(scope="module")
def exported(main_job, tmp_path_factory):
    dest = tmp_path_factory.mktemp("export")
    done = run_cli("export", main_job.out, "--xlsx", dest / "ita.xlsx", "--csv", dest / "csv",
                   "--duckdb", dest / "ita.duckdb")
    assert done.returncode == 0, done.stderr
    rows = {name: ds.dataset(main_job.out / name).count_rows() for name in TABLES}
    assert rows["documents"] >= 60 and rows["measures"] > 100
    return dest, rows


def test_the_output_folder_carries_a_valid_data_dictionary(main_job):
    descriptor = json.loads((main_job.out / "datapackage.json").read_text(encoding="utf-8"))
    assert frictionless.Package.validate_descriptor(descriptor).valid
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert set(resources) == set(TABLES)
    for name, resource in resources.items():
        paths = resource["path"] if isinstance(resource["path"], list) else [resource["path"]]
        assert sorted(paths) == sorted(f"{name}/{p.name}" for p in (main_job.out / name).glob("part-*.parquet"))
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        assert all(f["title"] and f["description"] for f in fields.values()), name
    scores = {f["name"]: f for f in resources["scores"]["schema"]["fields"]}
    assert scores["score"]["unit"] == "points (0–100)" and scores["score"]["type"] == "number"
    assert scores["tool"]["valueLabels"]["OIT"]["th"] == "แบบตรวจการเปิดเผยข้อมูลสาธารณะ"


def test_the_workbook_has_every_row_with_thai_and_english_headers(exported):
    dest, rows = exported
    book = openpyxl.load_workbook(dest / "ita.xlsx", read_only=False)
    for name, count in rows.items():
        sheet = book[name]
        assert sheet.max_row - 2 == count or (count == 0 and sheet.max_row <= 2), name
        names = [c.value for c in sheet[2]]
        assert names == arrow_schema(TABLES[name]).names, name
        assert [c.value for c in sheet[1]] == [COLUMN_TH.get(n, n) for n in names], name
        assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref, name
    measures = book["measures"]
    header = [c.value for c in measures[2]]
    steps = [row[header.index("steps")] for row in measures.iter_rows(min_row=3, values_only=True)]
    assert any(s and "; " in s for s in steps)  # a list, joined readably
    assert "dictionary" in book.sheetnames


def test_the_csv_files_validate_against_their_data_dictionary(exported):
    dest, rows = exported
    report = frictionless.validate(dest / "csv" / "datapackage.json")
    assert report.valid, [e.message for task in report.tasks for e in task.errors][:5]
    for name, count in rows.items():
        raw = (dest / "csv" / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name  # a BOM: Excel then reads UTF-8
        assert len(pd.read_csv(dest / "csv" / f"{name}.csv", encoding="utf-8-sig")) == count, name


def test_the_duckdb_file_answers_the_views(exported):
    dest, rows = exported
    with duckdb.connect(str(dest / "ita.duckdb"), read_only=True) as db:
        for name, count in rows.items():
            assert db.sql(f"SELECT count(*) FROM {name}").fetchall() == [(count,)], name
        comment = db.sql("SELECT comment FROM duckdb_columns() WHERE table_name = 'scores' "
                         "AND column_name = 'score'").fetchall()[0][0]
        assert comment.startswith("คะแนน:")
        # One row per organisation and round, whatever the number of copies of its report.
        per_round = db.sql("SELECT org_id, assessed_year_be, count(*) n FROM org_rounds "
                           "GROUP BY ALL HAVING n > 1").fetchall()
        assert per_round == []
        # Namesakes in one province (two หนองระเวียง in นครราชสีมา's list) are two bodies: their
        # districts tell them apart.
        namesakes = db.sql("""SELECT org_name, count(DISTINCT org_id) ids, count(DISTINCT district_code) districts
            FROM organisations WHERE province = 'นครราชสีมา' GROUP BY org_name HAVING ids > 1""").fetchall()
        assert namesakes and all(ids == districts for _, ids, districts in namesakes), namesakes
        rae = db.sql("SELECT overall, grade, rank_in_province FROM org_rounds "
                     "WHERE org_name = 'เทศบาลตำบลแร่' AND assessed_year_be = 2564").fetchall()
        assert rae == [(90.79, "A", 1)]
        pivot = db.sql("SELECT i1, i9 FROM indicator_pivot WHERE org_name = 'เทศบาลตำบลแร่' "
                       "AND assessed_year_be = 2564").fetchall()
        assert pivot and pivot[0][0] is not None
        measures = db.sql("SELECT count(*), count(*) FILTER (WHERE len(owners) > 0) "
                          "FROM measures_owners_statuses").fetchall()[0]
        assert 0 < measures[1] <= measures[0] < rows["measures"]  # current copies only


def test_export_of_a_folder_without_output_says_so(tmp_path):
    done = run_cli("export", tmp_path, "--csv", tmp_path / "csv")
    assert done.returncode == 2 and "no ita-extract output" in done.stderr
    done = run_cli("export", tmp_path)
    assert done.returncode == 2 and "--xlsx" in done.stderr


# ---- stable identities (issue 16, part 3) -----------------------------------------------------------
SEED_FOLDERS = ("samples/text/", "samples/pdf/", "samples/scan/", "samples/images/")


def test_the_seed_reports_in_every_format_are_five_reports_of_five_organisations(exported):
    dest, _ = exported
    with duckdb.connect(str(dest / "ita.duckdb"), read_only=True) as db:
        seeds = db.sql("SELECT source_path, report_key, org_id, warnings FROM documents WHERE "
                       + " OR ".join(f"starts_with(source_path, '{f}')" for f in SEED_FOLDERS)).fetchall()
        assert len(seeds) == 18
        assert len({s[1] for s in seeds}) == 5 and None not in {s[1] for s in seeds}
        assert len({s[2] for s in seeds if s[2]}) == 5
        # The image of page 2 alone prints no organisation or year: it joins its report by the
        # measures it repeats, and says so; its organisation is not made up.
        page = next(s for s in seeds if s[0] == "samples/images/000_d7eb5a9932c3bc4c_p2.jpg")
        text = next(s for s in seeds if s[0] == "samples/text/000_d7eb5a9932c3bc4c.txt")
        assert page[1] == text[1] and page[2] is None
        assert any(w.startswith("report_key_by_content:") for w in page[3])
        # Each report counted once: owners by unit of เทศบาลตำบลแร่'s plan, counted by hand on
        # the page (samples/text/001...: สำนักปลัด in all four measures, หน่วยงานตรวจสอบภายใน
        # in the first, กองคลัง in the second).
        owners = dict(db.sql("""SELECT o.unit_key, count(*) FROM owners o JOIN current_documents d
            USING (doc_id) WHERE d.org_name = 'เทศบาลตำบลแร่' GROUP BY ALL""").fetchall())
        assert owners == {"clerk_office": 4, "internal_audit": 1, "finance_division": 1}
        # Its scores belong to the 2564 round (the plan is for fiscal 2565).
        rounds = db.sql("""SELECT DISTINCT s.assessed_year_be, s.fiscal_year_be FROM scores s
            JOIN current_documents d USING (doc_id) WHERE d.org_name = 'เทศบาลตำบลแร่'""").fetchall()
        assert rounds == [(2564, 2565)]
        rae = db.sql("SELECT org_id, province_en, district_en, subdistrict_en, reports FROM organisations "
                     "WHERE org_name = 'เทศบาลตำบลแร่'").fetchall()
        assert rae == [("470503-subdistrict_municipality-" + rae[0][0].rsplit("-", 1)[1],
                        "Sakon Nakhon", "Phang Khon", "Rae", 1)]
