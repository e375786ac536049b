"""Write Extractions as one Parquet dataset per table, a part file per checkpoint.

Layout: `<out>/<table>/part-00000001.parquet`, `part-00000002.parquet`, ...: every column in
every file, `fiscal_year_be` included, and no partition folders. Each decision is tested in
tests/test_writer.py:

* No hive partitioning. A year folder per checkpoint would multiply the files, and the folder
  names were a trap for every reader: pandas typed the year as a category that does not merge
  with the null-year folder, Polars and Power BI's folder connector dropped it, and a table
  without a year had to be a different layout. Plain files with the year inside read the same
  in pandas, Polars, DuckDB, pyarrow and any BI tool, with no options; filter on the column.
* A checkpoint adds one part per table and reads nothing it does not replace, so its cost is
  what it adds, not the size of the dataset (a national crawl writes thousands of checkpoints).
  The parts it must change are found through pipeline.store.part_index, which keeps their keys'
  hashes in memory, and rewritten under the same names. Rows are sorted within a part; across
  parts they are in the order written (sort on `doc_id` for a stable order).
* A table always has at least one file (an empty part when it has no rows), so that every
  reader finds every table; parts left empty are removed once the table has rows elsewhere.
* A source is its `source_path`; its bytes (`doc_id`, their sha256) are its version. `documents`
  and `errors` hold rows per source: a write replaces every row of the sources it writes, so an
  edited file's old row goes and re-running is idempotent. The other tables hold what the bytes
  say, once per doc_id however many paths hold those bytes: a write replaces the rows of each
  doc_id it extracted (and did not fail), and keeps a doc_id's rows only while some `documents`
  row of that doc_id did not fail. An edited file's old version thus leaves every table, an edit
  that fails takes its success's rows with it, and two copies are two `documents` rows sharing one
  set of rows, whichever checkpoint or run wrote each.
* A write is all parts or none, whenever the process dies (SIGKILL, power loss). A run
  checkpoints many times and the next run skips the documents already in `documents`, so a
  `documents` row without its measures would lose them for good. The new and rewritten parts
  are written into a transaction folder inside `<out>` (pipeline.store.transaction), with the
  list of parts to remove; once all are synced a COMMITTED marker is made, and only then are
  the parts moved in by renames.
  The next write (or run) finishes a committed transaction that was interrupted and throws away
  one that was not. `manifest.json` comes last, after the tables.
* Each write leaves a new generation token in `<out>`: a writer whose index is of another
  generation (another run wrote in between) reads the index again before it writes.
* An output folder of an earlier version (year folders, or parts with older columns) is
  converted once, in one transaction, when a run first writes to or reads from it
  (pipeline.store.earlier_layout).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipeline.faults import kill_point
from pipeline.store.arrow import arrow_schema, arrow_tables, rows_to_arrow
from pipeline.store.earlier_layout import convert_earlier_layout
from pipeline.store.part_index import PartIndex, key_hashes, part_files, part_name
from pipeline.store.result import Extraction
from pipeline.store.schema import TABLES, DocStatus
from pipeline.store.transaction import Lock, Transaction, generation_of, locked, settle, write_json

MANIFEST = "manifest.json"
_ORDER = "__order"
# Tables whose rows belong to a source (a path); the others' rows belong to its bytes (a doc_id).
PER_SOURCE = frozenset({"documents", "errors"})
REPLACED_BY = {name: "source_path" if name in PER_SOURCE else "doc_id" for name in TABLES}

# Rows are sorted on these, then on their order within their document (as extracted).
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "source_path"),
    "measures": ("doc_id", "ordinal"),
    "owners": ("doc_id", "measure_id"),
    "statuses": ("doc_id", "measure_id"),
    "signatories": ("doc_id", "ordinal"),
    "listed_scores": ("doc_id", "row_no"),
    "errors": ("doc_id", "source_path"),
}


@dataclass
class WriteReport:
    rows_written: dict[str, int]  # rows of this run, per table
    rows_total: dict[str, int]  # rows in each table after the write (earlier runs' included)
    # Earlier parts read to replace rows in them: none while a run only adds documents.
    parts_read: int = 0
    rows_read: int = 0


class DatasetWriter:
    """Writes the checkpoints of one run into `out`, keeping the index of its parts between
    them (pipeline.store.part_index): reading it again for every checkpoint would cost what
    rewriting the tables did."""

    def __init__(self, out: Path, lock: Lock = Lock()):
        self.out = Path(out)
        self.lock = lock
        self._index: PartIndex | None = None

    def write(self, extractions: Iterable[Extraction]) -> WriteReport:
        """Merge the extractions into the datasets under `out` (all tables, even empty ones)."""
        # Same order whichever executor produced them: the output must not depend on scheduling.
        batch = sorted(extractions, key=lambda e: (e.document.doc_id, e.document.source_path))
        new = {name: _sorted(name, table) for name, table in _tables_written(batch).items()}
        sources = sorted({e.document.source_path for e in batch})
        extracted = sorted({e.document.doc_id for e in batch if _has_content(e)})
        self.out.mkdir(parents=True, exist_ok=True)
        with locked(self.out, self.lock):
            index = self._current_index()
            transaction = Transaction(self.out)
            try:
                plan = _plan(self.out, index, new, sources, extracted)
                for (name, number), table in sorted(plan.parts.items()):
                    transaction.stage(name, number, table)
                generation = transaction.commit()
            except BaseException:
                transaction.abandon()
                raise
            for (name, number), table in plan.parts.items():
                index.tables[name].set_part(number, table)
            index.content.forget(key_hashes(sorted(plan.dropped)))
            index.content.add(key_hashes(extracted), plan.number)
            index.generation, index.next_part = generation, plan.number + 1
        return WriteReport(rows_written={name: table.num_rows for name, table in new.items()},
                           rows_total={name: t.total_rows() for name, t in index.tables.items()},
                           parts_read=plan.parts_read, rows_read=plan.rows_read)

    def _current_index(self) -> PartIndex:
        """The index of `out` as it is now: ours, unless another process wrote since."""
        settle(self.out)
        generation = generation_of(self.out)
        if self._index is None or self._index.generation != generation:
            convert_earlier_layout(self.out)
            self._index = PartIndex.build(self.out, REPLACED_BY, generation_of(self.out))
        return self._index


def write_dataset(out: Path, extractions: Iterable[Extraction], lock: Lock = Lock()) -> WriteReport:
    """One write into `out` (a run keeps one DatasetWriter for all its checkpoints)."""
    return DatasetWriter(out, lock).write(extractions)


def write_manifest(out: Path, manifest: dict[str, Any]) -> Path:
    """`<out>/manifest.json`, replaced atomically."""
    return write_json(Path(out) / MANIFEST, manifest, staged=lambda: kill_point("manifest_staged"))



def read_table(out: Path, name: str, columns: list[str] | None = None) -> pa.Table:
    """A table of `out` as written by this version (every part, in the order written)."""
    schema = arrow_schema(TABLES[name])
    files = [str(path) for _, path in part_files(Path(out) / name)]
    if not files:
        return schema.empty_table() if columns is None else schema.empty_table().select(columns)
    return ds.dataset(files, format="parquet", schema=schema).to_table(columns=columns)


def table_files(out: Path) -> dict[str, list[str]]:
    """Each table's part files, as paths relative to `out` (the datapackage.json resources)."""
    return {name: [f"{name}/{path.name}" for _, path in part_files(Path(out) / name)] for name in TABLES}


@dataclass(frozen=True)
class Stored:
    """What `out` holds of one source: the version of its bytes, who wrote it, how it went."""

    doc_id: str
    extractor_version: str
    status: str


def extracted_before(out: Path, lock: Lock = Lock()) -> dict[str, Stored]:
    """source_path → what `out`'s dataset holds of it. Read under the lock: another run's write
    moving its parts in must not be read half done."""
    if not (Path(out) / "documents").exists():
        return {}
    with locked(Path(out), lock):
        settle(Path(out))
        convert_earlier_layout(Path(out))
        existing = read_table(out, "documents", ["source_path", "doc_id", "extractor_version", "status"])
    return {r["source_path"]: Stored(r["doc_id"], r["extractor_version"], r["status"])
            for r in existing.to_pylist()}


def recover(out: Path, lock: Lock = Lock()) -> None:
    """Finish the committed writes a dead process left in `out` and throw away the others, so
    that what is read from `out` next is what the last write meant it to be. A no-op when
    nothing was interrupted (or `out` does not exist yet)."""
    if Path(out).is_dir():
        with locked(Path(out), lock):
            settle(Path(out))


# ---- what a write changes -----------------------------------------------------------------------
def _tables_written(batch: list[Extraction]) -> dict[str, pa.Table]:
    """Every source gets its own documents and errors rows; the other tables' rows depend only
    on the bytes, so two copies of one file (same doc_id) give them once: from the first copy
    (in the batch's order) that did not fail. The rows are the Arrow tables the workers made
    (pipeline.store.arrow), put together in the batch's order."""
    parts: dict[str, list[pa.Table]] = {name: [] for name in TABLES}
    given: set[str] = set()
    for extraction in batch:
        first = _has_content(extraction) and extraction.document.doc_id not in given
        if first:
            given.add(extraction.document.doc_id)
        for name, table in arrow_tables(extraction).items():
            if first or name in PER_SOURCE:
                parts[name].append(table)
    return {name: pa.concat_tables(tables) if tables else rows_to_arrow([], TABLES[name])
            for name, tables in parts.items()}


def _has_content(extraction: Extraction) -> bool:
    """A failed extraction says nothing about its bytes: it neither gives nor replaces their rows
    (another path's copy may have been read), and no failed row keeps them."""
    return extraction.document.status != DocStatus.FAILED


@dataclass
class _Plan:
    """The parts a write stages: (table, part number) → its rows, None for a part removed."""

    number: int  # the part this write adds
    parts: dict[tuple[str, int], pa.Table | None] = field(default_factory=dict)
    dropped: set[str] = field(default_factory=set)  # doc_ids whose rows of the bytes' tables go
    parts_read: int = 0
    rows_read: int = 0


def _plan(out: Path, index: PartIndex, new: dict[str, pa.Table], sources: list[str],
          extracted: list[str]) -> _Plan:
    plan = _Plan(number=index.next_part)

    def replace(name: str, hashes, values: list[str]) -> pa.Table:
        """Take the rows whose key is among `values` out of the parts that hold them; those rows."""
        taken = []
        for number in index.holding(name, hashes):
            if not index.tables[name].rows.get(number):
                continue  # the document has no rows in this table (or no part here)
            rows = pq.read_table(out / name / part_name(number))
            plan.parts_read, plan.rows_read = plan.parts_read + 1, plan.rows_read + rows.num_rows
            hit = pc.is_in(rows[REPLACED_BY[name]], value_set=pa.array(values, pa.string())).fill_null(False)
            if pc.any(hit).as_py():  # else the hashes of two keys met: nothing to replace there
                plan.parts[(name, number)] = rows.filter(pc.invert(hit))
                taken.append(rows.filter(hit))
        return pa.concat_tables(taken) if taken else arrow_schema(TABLES[name]).empty_table()

    leaving = key_hashes(sources)
    previous: set[str] = set()  # the doc_ids the sources written held before
    for name in PER_SOURCE:
        gone = replace(name, leaving, sources)
        if name == "documents":
            previous.update(gone["doc_id"].to_pylist())
    dropped = set(extracted)
    if previous - dropped:
        # Bytes a source held before stay only while some other row holds them, not failed.
        still_held = set(index.tables["documents"].held_doc_ids(leaving).tolist())
        still_held.update(key_hashes(extracted).tolist())
        for doc_id, hashed in zip(sorted(previous - dropped), key_hashes(sorted(previous - dropped))):
            if int(hashed) not in still_held:
                dropped.add(doc_id)
    plan.dropped = dropped
    if dropped:
        values = sorted(dropped)
        hashes = key_hashes(values)
        for name in TABLES:
            if name not in PER_SOURCE:
                replace(name, hashes, values)
    for name, table in new.items():
        _add_part(plan, name, index, table)
    return plan


def _add_part(plan: _Plan, name: str, index: PartIndex, table: pa.Table) -> None:
    """Stage the new rows of `name` as part `plan.number`, and remove the parts left empty;
    a table with no rows at all keeps one empty part, so that every reader finds it."""
    rows = dict(index.tables[name].rows)
    for (table_name, number), changed in plan.parts.items():
        if table_name == name:
            rows[number] = changed.num_rows
    if table.num_rows or not rows:
        plan.parts[(name, plan.number)] = table
        rows[plan.number] = table.num_rows
    empty = sorted(n for n, count in rows.items() if count == 0)
    if len(empty) == len(rows):
        empty = empty[1:]  # all empty: one stays
    for number in empty:
        plan.parts[(name, number)] = None


def _sorted(name: str, table: pa.Table) -> pa.Table:
    table = table.append_column(_ORDER, pa.array(range(table.num_rows), pa.int64()))
    keys = [(k, "ascending") for k in SORT_KEYS.get(name, ("doc_id",))] + [(_ORDER, "ascending")]
    return table.sort_by(keys).drop_columns([_ORDER])


# ---- transactions -------------------------------------------------------------------------------
