"""A person's corrections, applied on every run, so that a fix survives re-extraction.

`corrections.csv` (in the output folder, or `--corrections FILE`) has one line per corrected
value: `table,value_id,column,value[,note]`, with `value_id` as `ita-extract review` and the
tables give it. A run sets those values on the rows it extracts (converted to the column's
type, empty meaning null) and lists the column in the row's `corrected`; a document with a
correction is never skipped as unchanged, so that a new correction reaches it on the next run.
A line that names no such table or column, or a value the column cannot hold, stops the run
before anything is extracted (exit 2), with its line number.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipeline.errors import UsageError
from pipeline.store.result import Extraction
from pipeline.store.schema import TABLES

CORRECTABLE = ("scores", "measures", "owners", "statuses")
FILE_NAME = "corrections.csv"
# What identifies a row, or says where it came from: not a person's to change.
_FIXED = frozenset({"doc_id", "value_id", "measure_id", "corrected", "org_id", "page", "bbox",
                    "method", "confidence", "fiscal_year_be", "org_name", "province"})


@dataclass
class Corrections:
    values: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # (table, value_id)
    applied: int = 0

    @property
    def documents(self) -> frozenset[str]:
        """The doc_id prefixes (16 hex digits) that some correction is for."""
        return frozenset(value_id[:16] for _, value_id in self.values)

    def apply(self, extraction: Extraction) -> None:
        """Set the corrected values on the extraction's rows."""
        if not self.values:
            return
        for table in CORRECTABLE:
            for row in getattr(extraction, table):
                changes = self.values.get((table, row.value_id))
                if not changes:
                    continue
                for column, value in changes.items():
                    setattr(row, column, value)
                row.corrected = sorted(set(row.corrected) | set(changes))
                # The worker's Arrow table of these rows is out of date: the writer converts
                # them again (pipeline.store.arrow.arrow_tables).
                extraction.arrow.pop(table, None)
                self.applied += 1


def read_corrections(path: Path | None) -> Corrections:
    """The corrections of `path` (none when it is None or absent)."""
    corrections = Corrections()
    if path is None or not Path(path).exists():
        return corrections
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for line, record in enumerate(csv.DictReader(handle), start=2):
            table, value_id, column = ((record.get(k) or "").strip() for k in ("table", "value_id", "column"))
            where = f"{path}, line {line}"
            if table not in CORRECTABLE:
                raise UsageError(f"{where}: table must be one of {', '.join(CORRECTABLE)}, got {table!r}")
            fields = {f.name: f for f in dataclasses.fields(TABLES[table])}
            if column not in fields or column in _FIXED:
                raise UsageError(f"{where}: {table} has no column {column!r} a correction may set")
            if not value_id:
                raise UsageError(f"{where}: no value_id")
            value = _typed(record.get("value") or "", fields[column], where)
            corrections.values.setdefault((table, value_id), {})[column] = value
    return corrections


def _typed(text: str, f: dataclasses.Field, where: str) -> Any:
    """The CSV text as the column's value: empty is null; lists as JSON arrays or `a; b`."""
    arrow_type = f.metadata["arrow_type"]
    text = text.strip()
    required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    if not text:
        if required:
            raise UsageError(f"{where}: {f.name} may not be empty")
        return [] if f.default_factory is not dataclasses.MISSING else None
    try:
        if pa.types.is_list(arrow_type):
            items = json.loads(text) if text.startswith("[") else [t.strip() for t in text.split(";")]
            value: Any = [_scalar(str(v), arrow_type.value_type) for v in items]
        else:
            value = _scalar(text, arrow_type)
    except ValueError as exc:
        raise UsageError(f"{where}: {text!r} is not a {arrow_type} for {f.name} ({exc})") from None
    allowed = f.metadata["allowed"]
    if allowed and value not in allowed:
        raise UsageError(f"{where}: {f.name} must be one of {', '.join(map(str, allowed))}, got {text!r}")
    return value


def _scalar(text: str, arrow_type: pa.DataType) -> Any:
    if pa.types.is_integer(arrow_type):
        return int(text)
    if pa.types.is_floating(arrow_type):
        return float(text)
    if pa.types.is_boolean(arrow_type):
        if text.lower() not in ("true", "false"):
            raise ValueError("true or false")
        return text.lower() == "true"
    if pa.types.is_date(arrow_type):
        return dt.date.fromisoformat(text)
    return text
