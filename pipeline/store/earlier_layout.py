"""An output folder of an earlier version, brought to this version's layout once, in one
transaction, when a run first writes to or reads from it: year folders (an earlier version
partitioned the tables on the year) and one file at a table's root become a part, and parts
with older columns are rewritten with this version's."""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipeline.errors import OutputError
from pipeline.store.arrow import arrow_schema
from pipeline.store.part_index import part_files, part_number
from pipeline.store.schema import TABLES, YEAR_COLUMN
from pipeline.store.transaction import Transaction

# An earlier version's layout: year folders, or one file at the table's root.
_LEGACY_FILE = "part-0.parquet"
_LEGACY_FOLDER = f"{YEAR_COLUMN}="


def convert_earlier_layout(out: Path) -> None:
    """Bring `out` to this version's layout in one transaction: year folders and root files
    become a part, parts with other columns are rewritten with this version's (new columns
    null). A file this tool did not write stops the run: it is not ours to merge into."""
    transaction: Transaction | None = None
    for name, row_type in TABLES.items():
        folder = out / name
        if not folder.is_dir():
            continue
        legacy = _legacy_entries(folder)
        changes = _rewritten_parts(folder, legacy, arrow_schema(row_type))
        if not changes:
            continue
        transaction = transaction or Transaction(out)
        for number, table in changes:
            transaction.stage(name, number if number is not None else _next_number(out), table)
        for entry in legacy:
            transaction.remove(str(entry.relative_to(out)))
    if transaction is not None:
        try:
            transaction.commit()
        except BaseException:
            transaction.abandon()
            raise


def _legacy_entries(folder: Path) -> list[Path]:
    """The year folders and root file an earlier version left in a table's folder; anything else
    that is not a part of ours stops the run."""
    legacy = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith((".", "_")) or (entry.is_file() and part_number(entry.name) is not None):
            continue
        if entry.name == _LEGACY_FILE or (entry.is_dir() and entry.name.startswith(_LEGACY_FOLDER)):
            legacy.append(entry)
        else:
            raise OutputError(f"{entry} was not written by ita-extract; remove it or choose "
                              "another --out")
    return legacy


def _rewritten_parts(folder: Path, legacy: list[Path], schema: pa.Schema) -> list[tuple[int | None, pa.Table]]:
    """(part number, its rows in this version's columns) of each part to rewrite; the earlier
    layout's rows together under None, for a new part."""
    changes: list[tuple[int | None, pa.Table]] = []
    try:
        for number, path in part_files(folder):
            if not _same_fields(pq.read_schema(path), schema):
                changes.append((number, _conform(pq.read_table(path), schema)))
        if legacy:
            changes.append((None, _read_legacy(folder, legacy, schema)))
    except (pa.ArrowException, OSError) as exc:
        raise OutputError(f"{folder} is not a dataset this version of ita-extract can merge "
                          f"with ({exc}); remove it or choose another --out") from exc
    return changes


def _next_number(out: Path) -> int:
    return 1 + max((n for name in TABLES for n, _ in part_files(out / name)), default=0)


def _same_fields(found: pa.Schema, schema: pa.Schema) -> bool:
    """The same columns, descriptions and pandas dtypes (pipeline.store.arrow.arrow_schema)."""
    if (found.metadata or {}).get(b"pandas") != (schema.metadata or {}).get(b"pandas"):
        return False
    return len(found) == len(schema) and all(
        a.name == b.name and a.type == b.type and a.nullable == b.nullable and a.metadata == b.metadata
        for a, b in zip(found, schema))


def _conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """`table` with `schema`'s columns: those it lacks null, those it has cast."""
    return pa.Table.from_arrays(
        [table[f.name].cast(f.type) if f.name in table.column_names else pa.nulls(table.num_rows, f.type)
         for f in schema], schema=schema)


def _read_legacy(folder: Path, legacy: list[Path], schema: pa.Schema) -> pa.Table:
    files = [str(p) for entry in legacy for p in ([entry] if entry.is_file() else sorted(entry.rglob("*.parquet")))]
    partitioning = ds.partitioning(pa.schema([schema.field(YEAR_COLUMN)]), flavor="hive")
    return ds.dataset(files, format="parquet", schema=schema, partitioning=partitioning,
                      partition_base_dir=str(folder)).to_table()
