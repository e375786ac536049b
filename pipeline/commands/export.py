"""`ita-extract export OUT`: the tables of OUT as an Excel workbook, CSV files, a DuckDB database.

Each export carries the data dictionary (pipeline.store.dictionary): Thai and English headers in
Excel, a `datapackage.json` beside the CSV files (which `frictionless validate` checks, values
included), table and column comments in DuckDB. The DuckDB file also holds the views a
provincial office asks for (pipeline.commands.views), so that a comparison is a query, not a
dedupe script.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from pipeline.commands.csv_files import write_csv
from pipeline.commands.outputs import tables
from pipeline.commands.views import VIEWS
from pipeline.errors import UsageError
from pipeline.store.dictionary import ALL_TABLES, COLUMN_TH, TABLE_ROWS, field_descriptor

EXCEL_MAX_ROWS = 1_048_576
_HEADER_ROWS = 2  # Thai labels, then column names
LIST_SEPARATOR = "; "  # how a list reads in one spreadsheet cell


@dataclass
class ExportReport:
    rows: dict[str, int]
    files: list[Path]


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
