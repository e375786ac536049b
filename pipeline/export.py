"""`ita-extract export OUT`: the tables of OUT as an Excel workbook, CSV files, a DuckDB database.

Each export carries the data dictionary (pipeline.store.dictionary): Thai and English headers in
Excel, a `datapackage.json` beside the CSV files (which `frictionless validate` checks, values
included), table and column comments in DuckDB. The DuckDB file also holds the views a
provincial office asks for (see VIEWS), so that a comparison is a query, not a dedupe script.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from normalizers import gazetteer, thai_text
from pipeline.errors import UsageError
from pipeline.store.arrow import rows_to_arrow
from pipeline.store.dictionary import (
    ALL_TABLES,
    COLUMN_TH,
    TABLE_ROWS,
    field_descriptor,
    vocabularies,
    write_datapackage,
)
from pipeline.store.schema import TABLES, OrganisationRow, ReviewRow, VocabularyRow
from pipeline.store.writer import read_table, recover
from thai.chars import without_marks

EXCEL_MAX_ROWS = 1_048_576
_HEADER_ROWS = 2  # Thai labels, then column names
LIST_SEPARATOR = "; "  # how a list reads in one spreadsheet cell


@dataclass
class ExportReport:
    rows: dict[str, int]
    files: list[Path]


def tables(out: Path) -> dict[str, pa.Table]:
    """Every table of `out`, as written by `ita-extract run`, and those derived from them."""
    out = Path(out)
    if not (out / "documents").is_dir():
        raise UsageError(f"{out} holds no ita-extract output (no documents table); run "
                         "`ita-extract run ... --out` first")
    recover(out)
    data = {name: read_table(out, name) for name in TABLES}
    data["documents"] = link_fragments(data["documents"], data["measures"])
    data["organisations"] = organisations(data["documents"], data["listed_scores"])
    data["vocabularies"] = rows_to_arrow([VocabularyRow(**row) for row in vocabularies()], VocabularyRow)
    data["review"] = review(data)
    return data


# Below this mean OCR confidence a value is listed for review.
LOW_CONFIDENCE = 70.0
_VALUE_COLUMNS = {"scores": "score", "measures": "title", "owners": "owner_raw", "statuses": "status"}


def review(data: dict[str, pa.Table]) -> pa.Table:
    """What a person should look at: values read by OCR with low confidence, owners that are no
    known unit, every warning of a document, every error; with the page and box to look at."""
    import duckdb

    values = " UNION ALL ".join(f"""
        SELECT 'low_ocr_confidence' AS reason, printf('%.1f', confidence) AS detail, doc_id,
               org_name, page, bbox, '{table}' AS table_name, value_id, '{column}' AS column_name,
               CAST({column} AS VARCHAR) AS value
        FROM data_{table} WHERE confidence < {LOW_CONFIDENCE}""" for table, column in _VALUE_COLUMNS.items())
    db = duckdb.connect()
    for name, table in data.items():
        db.register(f"data_{name}", table)
    rows = db.sql(f"""
        WITH v AS ({values}
          UNION ALL
          SELECT 'unknown_owner', NULL, doc_id, org_name, page, bbox, 'owners', value_id, 'unit_key',
                 owner_raw FROM data_owners WHERE unit_key = 'other'
          UNION ALL
          SELECT split_part(w, ':', 1), w, doc_id, org_name, NULL, NULL, NULL, NULL, NULL, NULL
          FROM (SELECT doc_id, org_name, unnest(warnings) AS w FROM data_documents)
          UNION ALL
          SELECT code, message, doc_id, org_name, page, NULL, NULL, NULL, NULL, NULL FROM data_errors)
        SELECT v.*, d.source_path FROM v LEFT JOIN (
            SELECT doc_id, min(source_path) AS source_path FROM data_documents GROUP BY doc_id) d
        USING (doc_id) ORDER BY source_path, page NULLS FIRST, reason""").fetchall()
    columns = ("reason", "detail", "doc_id", "org_name", "page", "bbox", "table_name", "value_id",
               "column_name", "value", "source_path")
    return rows_to_arrow([ReviewRow(**dict(zip(columns, r))) for r in rows], ReviewRow)


# A document that prints no organisation (a page photographed alone) belongs to the report
# whose measures it repeats: at least this many of its measure titles, and this share of them,
# found in that report's copies (and in no other report's).
FRAGMENT_MIN_MEASURES = 3
FRAGMENT_SHARE = 0.8


def link_fragments(documents: pa.Table, measures: pa.Table) -> pa.Table:
    """`documents` with a report_key for each keyless document whose measure titles (compared
    without marks or punctuation, as OCR varies them) are those of one report, and the warning
    `report_key_by_content:<found>/<titles>` on it. Only exports do this: it needs the other
    documents, which a run's incremental write does not read."""
    titles: dict[str, set[str]] = {}
    for doc_id, title in zip(measures["doc_id"].to_pylist(), measures["title"].to_pylist()):
        if title:
            titles.setdefault(doc_id, set()).add(without_marks(thai_text.fold(title)))
    rows = documents.to_pylist()
    by_report: dict[str, set[str]] = {}
    for row in rows:
        if row["report_key"] and row["status"] != "failed":
            by_report.setdefault(row["report_key"], set()).update(titles.get(row["doc_id"], ()))
    linked = False
    for row in rows:
        mine = titles.get(row["doc_id"], set())
        if row["report_key"] or len(mine) < FRAGMENT_MIN_MEASURES:
            continue
        found = {key: len(mine & theirs) for key, theirs in by_report.items()
                 if len(mine & theirs) >= FRAGMENT_SHARE * len(mine)}
        if len(found) == 1:
            (key, shared), = found.items()
            row["report_key"] = key
            row["warnings"] = sorted([*row["warnings"], f"report_key_by_content:{shared}/{len(mine)}"])
            linked = True
    return pa.Table.from_pylist(rows, schema=documents.schema) if linked else documents


def organisations(documents: pa.Table, listed_scores: pa.Table) -> pa.Table:
    """One row per org_id: the name, type and place most of its rows give, the gazetteer's
    names of that place, and how many documents, reports and announcements it is in."""
    import duckdb

    found = duckdb.sql("""
        WITH seen AS (
          SELECT org_id, org_name, org_type, province, province_code, district_code,
                 subdistrict_code, doc_id, report_key, false AS listed
          FROM documents WHERE org_id IS NOT NULL AND status <> 'failed'
          UNION ALL
          SELECT listed_org_id, listed_org_name, listed_org_type, listed_province,
                 listed_province_code, listed_district_code, listed_subdistrict_code, doc_id,
                 NULL, true
          FROM listed_scores WHERE listed_org_id IS NOT NULL)
        SELECT org_id, mode(org_name) AS org_name, mode(org_type) AS org_type,
               mode(province) AS province, mode(province_code) AS province_code,
               mode(district_code) AS district_code, mode(subdistrict_code) AS subdistrict_code,
               count(DISTINCT doc_id) FILTER (WHERE NOT listed)::INTEGER AS documents,
               count(DISTINCT report_key) FILTER (WHERE NOT listed)::INTEGER AS reports,
               count(DISTINCT doc_id) FILTER (WHERE listed)::INTEGER AS listed_in
        FROM seen GROUP BY org_id ORDER BY org_id""").fetchall()
    columns = ("org_id", "org_name", "org_type", "province", "province_code", "district_code",
               "subdistrict_code", "documents", "reports", "listed_in")
    rows = []
    for values in found:
        row = dict(zip(columns, values))
        row.update(gazetteer.names(row["district_code"], row["subdistrict_code"], row["province_code"]))
        rows.append(OrganisationRow(**row))
    return rows_to_arrow(rows, OrganisationRow)


def export(out: Path, xlsx: Path | None = None, csv: Path | None = None,
           duckdb_file: Path | None = None) -> ExportReport:
    if not (xlsx or csv or duckdb_file):
        raise UsageError("say what to export: --xlsx FILE, --csv DIR and/or --duckdb FILE")
    data = tables(out)
    files = []
    if xlsx:
        files.append(write_xlsx(data, Path(xlsx)))
    if csv:
        files.extend(write_csv(data, Path(csv)))
    if duckdb_file:
        files.append(write_duckdb(data, Path(duckdb_file)))
    return ExportReport(rows={name: t.num_rows for name, t in data.items()}, files=files)


def write_review(out: Path, path: Path) -> int:
    """`ita-extract review`: the review table as one CSV file; its row count."""
    table = tables(out)["review"]
    write_csv_file(table, path)
    return table.num_rows


# ---- CSV ------------------------------------------------------------------------------------------
def write_csv(data: dict[str, pa.Table], folder: Path) -> list[Path]:
    """One UTF-8 file per table with a byte-order mark (so that Excel reads the Thai), lists as
    JSON arrays (the Table Schema `array` type), and the datapackage.json describing them."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in data.items():
        written.append(write_csv_file(table, folder / f"{name}.csv"))
    written.append(write_datapackage(folder, {name: [f"{name}.csv"] for name in data}, fmt="csv"))
    return written


def write_csv_file(table: pa.Table, path: Path) -> Path:
    frame = table.to_pandas()
    for f in table.schema:
        if pa.types.is_list(f.type):
            frame[f.name] = [None if v is None else json.dumps(v, ensure_ascii=False)
                             for v in table[f.name].to_pylist()]
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    return path


# ---- Excel ----------------------------------------------------------------------------------------
def write_xlsx(data: dict[str, pa.Table], path: Path) -> Path:
    """One sheet per table (a table longer than Excel's sheet continues on `<table> 2`, ...),
    Thai labels above the column names, both frozen, filters on the names; lists joined by
    '; '; dates as Excel dates. A `dictionary` sheet says what each column is."""
    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_urls": False,
                                           "strings_to_formulas": False, "strings_to_numbers": False})
    try:
        thai = book.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True, "valign": "top"})
        head = book.add_format({"bold": True, "bg_color": "#F2F2F2"})
        date = book.add_format({"num_format": "yyyy-mm-dd"})
        for name, table in data.items():
            for sheet_name, rows in _sheets(name, table):
                sheet = book.add_worksheet(sheet_name)
                columns = table.column_names
                # constant_memory: a row is written out once the next begins, so row by row.
                for c, column in enumerate(columns):
                    sheet.set_column(c, c, 14 if column not in ("title", "subject", "message") else 40)
                    sheet.write_string(0, c, COLUMN_TH.get(column, column), thai)
                for c, column in enumerate(columns):
                    sheet.write_string(1, c, column, head)
                sheet.freeze_panes(_HEADER_ROWS, 0)
                sheet.autofilter(1, 0, 1 + len(rows), max(0, len(columns) - 1))
                for r, row in enumerate(rows, start=_HEADER_ROWS):
                    for c, column in enumerate(columns):
                        _write_cell(sheet, r, c, row[column], date)
        _dictionary_sheet(book, thai, head)
    finally:
        book.close()
    return path


def _sheets(name: str, table: pa.Table) -> Iterator[tuple[str, list[dict]]]:
    per_sheet = EXCEL_MAX_ROWS - _HEADER_ROWS
    if table.num_rows <= per_sheet:
        yield name, table.to_pylist()
        return
    for n, start in enumerate(range(0, table.num_rows, per_sheet), start=1):
        yield (name if n == 1 else f"{name} {n}"), table.slice(start, per_sheet).to_pylist()


def _write_cell(sheet, r: int, c: int, value, date_format) -> None:
    if value is None:
        return
    if isinstance(value, list):
        sheet.write_string(r, c, LIST_SEPARATOR.join(str(v) for v in value))
    elif isinstance(value, bool):
        sheet.write_boolean(r, c, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(r, c, value)
    elif isinstance(value, dt.date):
        sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_format)
    else:
        sheet.write_string(r, c, str(value))


def _dictionary_sheet(book, thai, head) -> None:
    sheet = book.add_worksheet("dictionary")
    header = ("table", "ตาราง", "column", "คอลัมน์", "type", "unit", "allowed values", "description")
    for c, text in enumerate(header):
        sheet.write_string(0, c, text, head if c % 2 == 0 else thai)
    sheet.freeze_panes(1, 0)
    r = 1
    for name, row_type in ALL_TABLES.items():
        for f in dataclasses.fields(row_type):
            d = field_descriptor(f)
            allowed = ", ".join(f"{v} ({label['th']})" if label["th"] != v else v
                                for v, label in d.get("valueLabels", {}).items()) \
                or ", ".join(d.get("constraints", {}).get("enum", []))
            for c, text in enumerate((name, TABLE_ROWS[name][1], f.name, d["title"], d["type"],
                                      d.get("unit", ""), allowed, d["description"])):
                sheet.write_string(r, c, text)
            r += 1
    sheet.autofilter(0, 0, r - 1, len(header) - 1)


# ---- DuckDB ---------------------------------------------------------------------------------------
# One current copy per report: the same report as text, PDF, scan and image is four documents;
# the views count it once, from the copy read best (a text layer or text before OCR, then the
# fewest warnings), so that counts need no dedupe rules of the user's own.
_CURRENT = """
CREATE VIEW current_documents AS
SELECT * EXCLUDE (copy_rank) FROM (
  SELECT *, row_number() OVER (
      PARTITION BY report_key
      ORDER BY status = 'failed', CASE source_kind WHEN 'text' THEN 0 WHEN 'pdf_text' THEN 0
               WHEN 'pdf_mixed' THEN 1 ELSE 2 END, len(coalesce(warnings, [])), doc_id) AS copy_rank
  FROM documents WHERE status <> 'failed' AND report_key IS NOT NULL)
WHERE copy_rank = 1
"""
VIEWS = {
    "current_documents": _CURRENT,
    # Every score of a body and round: from the current copy of its own reports, and from
    # the results announcements that list it (priority 2: its own report says it first).
    "round_scores": """
CREATE VIEW round_scores AS
SELECT s.org_id, s.org_name, s.province, s.assessed_year_be, s.scope, s.tool, s.indicator_no,
       s.score, s.grade, 'report' AS source, 1 AS priority
FROM scores s JOIN current_documents d USING (doc_id)
WHERE s.org_id IS NOT NULL AND s.assessed_year_be IS NOT NULL
UNION ALL
SELECT l.listed_org_id, l.listed_org_name, l.listed_province, l.assessed_year_be, l.scope, l.tool,
       NULL, l.score, l.grade, 'announcement', 2
FROM listed_scores l JOIN current_documents d USING (doc_id)
WHERE l.listed_org_id IS NOT NULL AND l.assessed_year_be IS NOT NULL
""",
    # One row per organisation per round: overall, the tools, the ten indicators, grade, and
    # rank within its province in that round.
    "org_rounds": """
CREATE VIEW org_rounds AS
WITH best AS (SELECT org_id, assessed_year_be, min(priority) AS priority FROM round_scores GROUP BY ALL),
s AS (SELECT r.* FROM round_scores r JOIN best USING (org_id, assessed_year_be, priority)),
r AS (
  SELECT org_id, any_value(org_name) AS org_name, any_value(province) AS province, assessed_year_be,
         any_value(source) AS source,
         max(score) FILTER (WHERE scope = 'overall') AS overall,
         max(grade) FILTER (WHERE scope = 'overall') AS grade,
         max(score) FILTER (WHERE scope = 'tool' AND tool = 'IIT') AS iit,
         max(score) FILTER (WHERE scope = 'tool' AND tool = 'EIT') AS eit,
         max(score) FILTER (WHERE scope = 'tool' AND tool = 'OIT') AS oit,
         """ + ",\n         ".join(
        f"max(score) FILTER (WHERE scope = 'indicator' AND indicator_no = {n}) AS i{n}"
        for n in range(1, 11)) + """
  FROM s GROUP BY org_id, assessed_year_be)
SELECT *, CASE WHEN overall IS NOT NULL THEN rank() OVER (
    PARTITION BY province, assessed_year_be ORDER BY overall DESC NULLS LAST) END AS rank_in_province
FROM r
""",
    # Measures with their owners and statuses, one row per measure.
    "measures_owners_statuses": """
CREATE VIEW measures_owners_statuses AS
SELECT m.org_id, m.org_name, m.province, m.fiscal_year_be, m.measure_id, m.number, m.title, m.indicator_no,
       m.period_start, m.period_end,
       (SELECT list(DISTINCT o.unit_th ORDER BY o.unit_th) FROM owners o
         WHERE o.measure_id = m.measure_id AND o.doc_id = m.doc_id) AS owners,
       (SELECT list(DISTINCT st.status ORDER BY st.status) FROM statuses st
         WHERE st.measure_id = m.measure_id AND st.doc_id = m.doc_id) AS statuses,
       m.doc_id, m.page
FROM measures m JOIN current_documents d USING (doc_id)
""",
    # Indicator scores of each organisation and round, one column per indicator.
    "indicator_pivot": """
CREATE VIEW indicator_pivot AS
SELECT org_id, org_name, province, assessed_year_be, """ + ", ".join(f"i{n}" for n in range(1, 11)) + """
FROM org_rounds
""",
}


def write_duckdb(data: dict[str, pa.Table], path: Path) -> Path:
    """The tables (copied in: the file stands alone), the dictionary as comments, and VIEWS."""
    import duckdb

    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    with duckdb.connect(str(path)) as db:
        for name, table in data.items():
            db.register("incoming", table)
            db.execute(f"CREATE TABLE {name} AS SELECT * FROM incoming")
            db.unregister("incoming")
            db.execute(f"COMMENT ON TABLE {name} IS {_sql_text(' / '.join(TABLE_ROWS[name]))}")
            for f in dataclasses.fields(ALL_TABLES[name]):
                d = field_descriptor(f)
                db.execute(f"COMMENT ON COLUMN {name}.{f.name} IS "
                           f"{_sql_text(d['title'] + ': ' + d['description'])}")
        for sql in VIEWS.values():
            db.execute(sql)
    return path


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
