"""Rows as Arrow: the Parquet schema of each table (pipeline.store.schema's columns, with their
descriptions and vocabularies as field metadata), the check of a row's values, and the
conversion of a table's rows.

An extraction's rows are checked and converted once, by the worker that extracted them
(pipeline.process), and travel to the writer as Arrow tables, which it writes as they are.
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from pipeline.store.result import Extraction
from pipeline.store.schema import TABLES


def arrow_schema(row_type: type) -> pa.Schema:
    """The Parquet schema of a table, descriptions and vocabularies stored as field metadata."""
    fields = []
    for f in dataclasses.fields(row_type):
        meta = {"description": f.metadata["description"]}
        if f.metadata["allowed"]:
            meta["allowed"] = ",".join(f.metadata["allowed"])
        nullable = not (f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
        fields.append(pa.field(f.name, f.metadata["arrow_type"], nullable=nullable, metadata=meta))
    return pa.schema(fields, metadata={b"pandas": _pandas_dtypes(fields)})


def _pandas_dtypes(fields: list[pa.Field]) -> bytes:
    """pandas' own metadata, naming its nullable dtypes for the integer and boolean columns:
    `pandas.read_parquet` then reads `fiscal_year_be` as Int32, as the other readers do, not as
    a float (2565.0) wherever a value is missing. Other readers ignore it."""
    columns = []
    for f in fields:
        if pa.types.is_integer(f.type):
            columns.append((f.name, str(f.type), f"Int{f.type.bit_width}"))
        elif pa.types.is_boolean(f.type):
            columns.append((f.name, "bool", "boolean"))
    return json.dumps({"index_columns": [], "column_indexes": [], "columns": [
        {"name": name, "field_name": name, "pandas_type": kind, "numpy_type": dtype, "metadata": None}
        for name, kind, dtype in columns]}).encode()


def check_row(row: Any) -> None:
    """Raise ValueError when a value is outside its column's vocabulary (a bug, not bad input)."""
    for f in dataclasses.fields(row):
        allowed = f.metadata["allowed"]
        value = getattr(row, f.name)
        if allowed and value is not None and value not in allowed:
            raise ValueError(f"{type(row).__name__}.{f.name}={value!r} not in {allowed}")


def rows_to_arrow(rows: Sequence[Any], row_type: type) -> pa.Table:
    """Rows of a schema dataclass as an Arrow table of its schema; raises on a wrong type or a
    null in a required column (pyarrow itself lets the latter through)."""
    schema = arrow_schema(row_type)
    table = pa.Table.from_pylist([{name: getattr(row, name) for name in schema.names} for row in rows],
                                 schema=schema)
    for f in schema:
        if not f.nullable and table.column(f.name).null_count:
            raise ValueError(f"{row_type.TABLE}.{f.name} is required but null")
    return table


class RowsRefused(ValueError):
    """Rows a table's schema refuses: a value outside its vocabulary, a null where one is
    required, a value of the wrong type. A bug of the extractor, never the input's."""

    def __init__(self, table: str, exc: BaseException):
        super().__init__(f"{table}: {exc}")
        self.table = table


def arrow_tables(extraction: Extraction) -> dict[str, pa.Table]:
    """The extraction's rows as Arrow tables of their schemas, every value checked: converted the
    first time they are asked for and kept with the extraction (`Extraction.arrow`), so that the
    writer writes the worker's tables as they are. A table whose rows changed since (a person's
    correction, pipeline.corrections) is left out of `arrow`, and converted here again."""
    for name, rows in extraction.tables().items():
        if name in extraction.arrow:
            continue
        try:
            for row in rows:
                check_row(row)
            extraction.arrow[name] = rows_to_arrow(rows, TABLES[name])
        except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
            raise RowsRefused(name, exc) from exc
    return extraction.arrow
