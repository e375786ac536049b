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
  The parts it must change are found through pipeline.part_index, which keeps their keys'
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
  are written into a transaction folder inside `<out>`, with the list of parts to remove; once
  all are synced a COMMITTED marker is made, and only then are the parts moved in by renames.
  The next write (or run) finishes a committed transaction that was interrupted and throws away
  one that was not. `manifest.json` comes last, after the tables.
* Each write leaves a new generation token in `<out>`: a writer whose index is of another
  generation (another run wrote in between) reads the index again before it writes.
* An output folder of an earlier version (year folders, or parts with older columns) is
  converted once, in one transaction, when a run first writes to or reads from it.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipeline.errors import OutputError
from pipeline.faults import kill_point
from pipeline.limits import DEFAULT_LOCK_SECONDS
from pipeline.part_index import PartIndex, key_hashes, part_files, part_name, part_number
from pipeline.result import Extraction
from pipeline.schema import TABLES, YEAR_COLUMN, DocStatus, arrow_schema, check_row

MANIFEST = "manifest.json"
_TRANSACTION_PREFIX = ".ita-extract-write-"
_COMMITTED = "COMMITTED"
_LOCK_FILE = ".ita-extract.lock"
_GENERATION = ".ita-extract-generation"
_ORDER = "__order"
# Tables whose rows belong to a source (a path); the others' rows belong to its bytes (a doc_id).
PER_SOURCE = frozenset({"documents", "errors"})
REPLACED_BY = {name: "source_path" if name in PER_SOURCE else "doc_id" for name in TABLES}
_LOCK_POLL_SECONDS = 0.1
# An earlier version's layout: year folders, or one file at the table's root.
_LEGACY_FILE = "part-0.parquet"
_LEGACY_FOLDER = f"{YEAR_COLUMN}="

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


@dataclass(frozen=True)
class Lock:
    """How a process waits for another's write into the same folder: a write takes seconds, so
    a run that found the folder busy waits rather than dropping what it extracted."""

    timeout: float | None = DEFAULT_LOCK_SECONDS  # None: as long as it takes
    waiting: Callable[[], None] = lambda: None  # called once, when the lock is found held


@dataclass
class WriteReport:
    rows_written: dict[str, int]  # rows of this run, per table
    rows_total: dict[str, int]  # rows in each table after the write (earlier runs' included)
    # Earlier parts read to replace rows in them: none while a run only adds documents.
    parts_read: int = 0
    rows_read: int = 0


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


class DatasetWriter:
    """Writes the checkpoints of one run into `out`, keeping the index of its parts between
    them (pipeline.part_index): reading it again for every checkpoint would cost what
    rewriting the tables did."""

    def __init__(self, out: Path, lock: Lock = Lock()):
        self.out = Path(out)
        self.lock = lock
        self._index: PartIndex | None = None

    def write(self, extractions: Iterable[Extraction]) -> WriteReport:
        """Merge the extractions into the datasets under `out` (all tables, even empty ones)."""
        # Same order whichever executor produced them: the output must not depend on scheduling.
        batch = sorted(extractions, key=lambda e: (e.document.doc_id, e.document.source_path))
        new: dict[str, pa.Table] = {}
        for name, rows in _rows_per_table(batch).items():
            for row in rows:
                check_row(row)
            new[name] = _sorted(name, rows_to_arrow(rows, TABLES[name]))
        sources = sorted({e.document.source_path for e in batch})
        extracted = sorted({e.document.doc_id for e in batch if _has_content(e)})
        self.out.mkdir(parents=True, exist_ok=True)
        with _locked(self.out, self.lock):
            index = self._current_index()
            transaction = _Transaction(self.out)
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
        _recover(self.out)
        generation = _generation(self.out)
        if self._index is None or self._index.generation != generation:
            _convert_earlier_layout(self.out)
            self._index = PartIndex.build(self.out, REPLACED_BY, _generation(self.out))
        return self._index


def write_dataset(out: Path, extractions: Iterable[Extraction], lock: Lock = Lock()) -> WriteReport:
    """One write into `out` (a run keeps one DatasetWriter for all its checkpoints)."""
    return DatasetWriter(out, lock).write(extractions)


def write_manifest(out: Path, manifest: dict[str, Any]) -> Path:
    """`<out>/manifest.json`, replaced atomically."""
    return write_json(Path(out) / MANIFEST, manifest, staged=lambda: kill_point("manifest_staged"))


def write_json(path: Path, data: Any, staged: Callable[[], None] = lambda: None) -> Path:
    """`path` replaced atomically by `data` as JSON: readers see the old file or the new one."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    staged()
    os.replace(tmp, path)
    return path


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
    with _locked(Path(out), lock):
        _recover(Path(out))
        _convert_earlier_layout(Path(out))
        existing = read_table(out, "documents", ["source_path", "doc_id", "extractor_version", "status"])
    return {r["source_path"]: Stored(r["doc_id"], r["extractor_version"], r["status"])
            for r in existing.to_pylist()}


def recover(out: Path, lock: Lock = Lock()) -> None:
    """Finish the committed writes a dead process left in `out` and throw away the others, so
    that what is read from `out` next is what the last write meant it to be. A no-op when
    nothing was interrupted (or `out` does not exist yet)."""
    if Path(out).is_dir():
        with _locked(Path(out), lock):
            _recover(Path(out))


# ---- what a write changes -----------------------------------------------------------------------
def _rows_per_table(batch: list[Extraction]) -> dict[str, list]:
    """Every source gets its own documents and errors rows; the other tables' rows depend only
    on the bytes, so two copies of one file (same doc_id) give them once: from the first copy
    (in the batch's order) that did not fail."""
    rows: dict[str, list] = {name: [] for name in TABLES}
    given: set[str] = set()
    for extraction in batch:
        first = _has_content(extraction) and extraction.document.doc_id not in given
        if first:
            given.add(extraction.document.doc_id)
        for name, table_rows in extraction.tables().items():
            if first or name in PER_SOURCE:
                rows[name].extend(table_rows)
    return rows


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
class _Transaction:
    """A write's parts staged inside `out`, then moved in all or none (see the module docstring)."""

    def __init__(self, out: Path):
        self.out = out
        self.folder = Path(tempfile.mkdtemp(prefix=_TRANSACTION_PREFIX, dir=out))
        self.removed: list[str] = []  # paths under `out`

    def stage(self, name: str, number: int, table: pa.Table | None) -> None:
        if table is None:
            self.remove(f"{name}/{part_name(number)}")
            return
        folder = self.folder / "staged" / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / part_name(number))

    def remove(self, relative: str) -> None:
        self.removed.append(relative)

    def commit(self) -> str:
        """Mark the transaction committed and move its parts in; the new generation token."""
        generation = uuid.uuid4().hex
        (self.folder / "removed.json").write_text(json.dumps(self.removed), encoding="utf-8")
        (self.folder / "generation").write_text(generation, encoding="utf-8")
        _sync_tree(self.folder)
        kill_point("tables_staged")
        marker = self.folder / f".{_COMMITTED}.tmp"
        with open(marker, "wb") as f:
            os.fsync(f.fileno())
        os.replace(marker, self.folder / _COMMITTED)
        _sync_dir(self.folder)
        kill_point("commit_marked")
        _roll_forward(self.out, self.folder)
        return generation

    def abandon(self) -> None:
        if not (self.folder / _COMMITTED).exists():
            shutil.rmtree(self.folder, ignore_errors=True)


def _roll_forward(out: Path, transaction: Path) -> None:
    """Finish a committed transaction, from wherever it stopped: each staged part is moved in by
    one rename (a part still staged is not in yet), then the removed parts go, then the
    generation token; every step can be done again."""
    staged = transaction / "staged"
    folders = sorted(staged.iterdir()) if staged.is_dir() else []
    for folder in folders:
        (out / folder.name).mkdir(exist_ok=True)
        for part in sorted(folder.iterdir()):
            os.replace(part, out / folder.name / part.name)
            kill_point("table_swapped")
    removed = transaction / "removed.json"
    for relative in json.loads(removed.read_text(encoding="utf-8")) if removed.exists() else []:
        path = out / relative
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    if (transaction / "generation").exists():
        os.replace(transaction / "generation", out / _GENERATION)
    for name in TABLES:
        if (out / name).is_dir():
            _sync_dir(out / name)
    _sync_dir(out)
    kill_point("tables_swapped")
    shutil.rmtree(transaction, ignore_errors=True)


def _recover(out: Path) -> None:
    for transaction in sorted(Path(out).glob(_TRANSACTION_PREFIX + "*")):
        if (transaction / _COMMITTED).exists():
            _roll_forward(Path(out), transaction)
        else:
            shutil.rmtree(transaction, ignore_errors=True)


def _generation(out: Path) -> str | None:
    try:
        return (out / _GENERATION).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


# ---- an earlier version's output ----------------------------------------------------------------
def _convert_earlier_layout(out: Path) -> None:
    """Bring `out` to this version's layout in one transaction: year folders and root files
    become a part, parts with other columns are rewritten with this version's (new columns
    null). A file this tool did not write stops the run: it is not ours to merge into."""
    transaction: _Transaction | None = None
    for name, row_type in TABLES.items():
        folder = out / name
        if not folder.is_dir():
            continue
        schema = arrow_schema(row_type)
        legacy = []
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith((".", "_")) or (entry.is_file() and part_number(entry.name) is not None):
                continue
            if entry.name == _LEGACY_FILE or (entry.is_dir() and entry.name.startswith(_LEGACY_FOLDER)):
                legacy.append(entry)
            else:
                raise OutputError(f"{entry} was not written by ita-extract; remove it or choose "
                                  "another --out")
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
        if not changes:
            continue
        transaction = transaction or _Transaction(out)
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


def _next_number(out: Path) -> int:
    return 1 + max((n for name in TABLES for n, _ in part_files(out / name)), default=0)


def _same_fields(found: pa.Schema, schema: pa.Schema) -> bool:
    """The same columns, descriptions and pandas dtypes (schema.arrow_schema)."""
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


def _sync_tree(folder: Path) -> None:
    """fsync every file and folder under `folder`: the COMMITTED marker must not reach the disk
    before the tables it vouches for (a kill alone loses nothing; a power cut could)."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb") as f:
                os.fsync(f.fileno())
        _sync_dir(Path(root))


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its renames are durable enough there
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _locked(out: Path, lock: Lock) -> Iterator[None]:
    """One writer at a time per output folder (the lock dies with its process: no stale locks).
    A write is seconds long, so another run waits for it, up to `lock.timeout`."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; concurrent runs into one folder are on the user
        yield
        return
    with open(out / _LOCK_FILE, "w") as handle:
        deadline = None if lock.timeout is None else time.monotonic() + lock.timeout
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                if deadline is not None and time.monotonic() >= deadline:
                    raise OutputError(f"another ita-extract run has been writing to {out} for "
                                      f"{lock.timeout:g} s (--lock-timeout); wait for it or choose "
                                      "another --out") from exc
                if not told:
                    lock.waiting()
                    told = True
                # flock has no timeout of its own; a write is seconds long, so polling costs little.
                time.sleep(_LOCK_POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
