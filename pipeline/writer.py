"""Write Extractions as one Parquet dataset per table, hive-partitioned by fiscal year.

Layout: `<out>/<table>/fiscal_year_be=<Y>/part-0.parquet`, rows without a year in
`fiscal_year_be=__HIVE_DEFAULT_PARTITION__`. Three decisions, each tested in tests/test_writer.py:

* The partition column lives in the directory names only, not also inside the files, as Hive
  and Spark do. pyarrow's hive discovery reads it back as int32 (the schema's type), DuckDB as
  BIGINT, pandas as a category; had it also been stored in the files, `pandas.read_parquet` and
  `pyarrow.parquet.read_table` of the folder would refuse the dataset (their discovery types
  the directory value as a dictionary, which does not merge with the file's int32).
* A table in which no row has a year (an empty table, or a batch whose documents all failed) is
  one file at the table's root, `<out>/<table>/part-0.parquet`, holding `fiscal_year_be` (all
  null) as an ordinary column. pyarrow cannot infer a partition type from
  `__HIVE_DEFAULT_PARTITION__` alone and refuses such a dataset, and DuckDB refuses one that mixes
  partitioned and unpartitioned files, so a table is either wholly partitioned or one root file,
  never both. Every write rewrites the whole table, so the layout follows the data.
* A source is its `source_path`; its bytes (`doc_id`, their sha256) are its version. `documents`
  and `errors` hold rows per source: a write replaces every row of the sources it writes, so an
  edited file's old row goes and re-running is idempotent. The other tables hold what the bytes
  say, once per doc_id however many paths hold those bytes: a write replaces the rows of each
  doc_id it extracted (and did not fail), and keeps a doc_id's rows only while some `documents`
  row of that doc_id did not fail. An edited file's old version thus leaves every table, an edit
  that fails takes its success's rows with it, and two copies are two `documents` rows sharing one
  set of rows, whichever checkpoint or run wrote each.
* A write is all tables or none, whenever the process dies (SIGKILL, power loss). A run
  checkpoints several times and the next run skips the documents already in `documents`, so a
  `documents` row without its measures would lose them for good. Every table is written anew
  into a transaction folder inside `<out>`; once all are written and synced a COMMITTED marker is
  made, and only then are the tables swapped in by renames. The next write (or run) finishes a
  committed transaction that was interrupted and throws away one that was not. `manifest.json`
  comes last, after the tables.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipeline.errors import OutputError
from pipeline.faults import kill_point
from pipeline.limits import DEFAULT_LOCK_SECONDS
from pipeline.result import Extraction
from pipeline.schema import PARTITION_COLUMN, TABLES, DocStatus, arrow_schema, check_row

DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__"
PART_FILE = "part-0.parquet"
MANIFEST = "manifest.json"
_TRANSACTION_PREFIX = ".ita-extract-write-"
_COMMITTED = "COMMITTED"
_LOCK_FILE = ".ita-extract.lock"
_ORDER = "__order"
# Tables whose rows belong to a source (a path); the others' rows belong to its bytes (a doc_id).
PER_SOURCE = frozenset({"documents", "errors"})
_LOCK_POLL_SECONDS = 0.1

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


def write_dataset(out: Path, extractions: Iterable[Extraction], lock: Lock = Lock()) -> WriteReport:
    """Merge the extractions into the datasets under `out` (all tables, even empty ones)."""
    out = Path(out)
    # Same order whichever executor produced them: the output must not depend on scheduling.
    batch = sorted(extractions, key=lambda e: (e.document.doc_id, e.document.source_path))
    new_rows = _rows_per_table(batch)
    paths = sorted({e.document.source_path for e in batch})
    extracted = sorted({e.document.doc_id for e in batch if _has_content(e)})
    out.mkdir(parents=True, exist_ok=True)
    written, total = {}, {}
    with _locked(out, lock):
        _recover(out)
        transaction = Path(tempfile.mkdtemp(prefix=_TRANSACTION_PREFIX, dir=out))
        try:
            # TABLES lists documents first: the doc_ids it leaves decide what the others keep.
            live: pa.Array | None = None
            for name, row_type in TABLES.items():
                for row in new_rows[name]:
                    check_row(row)
                new = rows_to_arrow(new_rows[name], row_type)
                existing = _read_existing(out / name, row_type)
                if name in PER_SOURCE:
                    kept = _without(existing, "source_path", paths)
                else:
                    kept = _without(existing, "doc_id", extracted)
                table = _sorted(name, kept, new)
                if name == "documents":
                    live = _content_holders(table)
                elif name not in PER_SOURCE:
                    table = table.filter(pc.is_in(table["doc_id"], value_set=live))
                _write_table(table, transaction / "new" / name)
                written[name], total[name] = new.num_rows, table.num_rows
            _commit(out, transaction)
        except BaseException:
            if not (transaction / _COMMITTED).exists():
                shutil.rmtree(transaction, ignore_errors=True)
            raise
    return WriteReport(rows_written=written, rows_total=total)


def write_manifest(out: Path, manifest: dict[str, Any]) -> Path:
    """`<out>/manifest.json`, replaced atomically."""
    path = Path(out) / MANIFEST
    tmp = path.with_name(f".{MANIFEST}.tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    kill_point("manifest_staged")
    os.replace(tmp, path)
    return path


# ---- internals ----------------------------------------------------------------------------------
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


def _content_holders(documents: pa.Table) -> pa.Array:
    """The doc_ids whose rows the per-bytes tables keep: those of a documents row not failed."""
    held = documents.filter(pc.not_equal(documents["status"], DocStatus.FAILED.value))["doc_id"]
    return pc.unique(held)


@dataclass(frozen=True)
class Stored:
    """What `out` holds of one source: the version of its bytes, who wrote it, how it went."""

    doc_id: str
    extractor_version: str
    status: str


def extracted_before(out: Path, lock: Lock = Lock()) -> dict[str, Stored]:
    """source_path → what `out`'s dataset holds of it. Read under the lock: another run's write
    swapping the tables in must not be read half done."""
    row_type = TABLES["documents"]
    if not (out / "documents").exists():
        return {}
    with _locked(out, lock):
        existing = _read_existing(out / "documents", row_type)
    columns = existing.select(["source_path", "doc_id", "extractor_version", "status"]).to_pylist()
    return {r["source_path"]: Stored(r["doc_id"], r["extractor_version"], r["status"]) for r in columns}


def _read_existing(path: Path, row_type: type) -> pa.Table:
    schema = arrow_schema(row_type)
    if not path.exists():
        return schema.empty_table()
    # Our own layout, so the partition type is known rather than guessed from directory names.
    # Reading with our schema also carries rows of an older version across (new columns null).
    partitioning = ds.partitioning(pa.schema([schema.field(PARTITION_COLUMN)]), flavor="hive")
    try:
        return ds.dataset(path, format="parquet", schema=schema, partitioning=partitioning).to_table()
    except (pa.ArrowException, OSError) as exc:
        raise OutputError(f"{path} is not a dataset this version of ita-extract can merge with "
                             f"({exc}); remove it or choose another --out") from exc


def _without(existing: pa.Table, key: str, values: list[str]) -> pa.Table:
    """`existing` less the rows whose `key` is among `values`: those the write replaces."""
    if existing.num_rows == 0 or not values:
        return existing
    replaced = pc.is_in(existing[key], value_set=pa.array(values, pa.string())).fill_null(False)
    return existing.filter(pc.invert(replaced))


def _sorted(name: str, kept: pa.Table, new: pa.Table) -> pa.Table:
    table = pa.concat_tables([kept.cast(new.schema), new])
    table = table.append_column(_ORDER, pa.array(range(table.num_rows), pa.int64()))
    keys = [(k, "ascending") for k in SORT_KEYS.get(name, ("doc_id",))] + [(_ORDER, "ascending")]
    return table.sort_by(keys).drop_columns([_ORDER])


def _write_table(table: pa.Table, dest: Path) -> None:
    dest.mkdir(parents=True)
    years = table.column(PARTITION_COLUMN)
    if years.null_count == table.num_rows:  # no year at all, or no rows: see the module docstring
        pq.write_table(table, dest / PART_FILE)
        return
    values: list[int | None] = sorted(pc.unique(years.drop_null()).to_pylist())
    if years.null_count:
        values.append(None)
    rest = table.drop_columns([PARTITION_COLUMN])  # the directory names carry it
    for year in values:
        mask = pc.is_null(years) if year is None else pc.equal(years, pa.scalar(year, years.type))
        part = dest / f"{PARTITION_COLUMN}={DEFAULT_PARTITION if year is None else year}"
        part.mkdir()
        pq.write_table(rest.filter(mask), part / PART_FILE)


def _commit(out: Path, transaction: Path) -> None:
    """Swap the transaction's tables in, all or none (see the module docstring)."""
    _sync_tree(transaction / "new")
    kill_point("tables_staged")
    marker = transaction / f".{_COMMITTED}.tmp"
    with open(marker, "wb") as f:
        os.fsync(f.fileno())
    os.replace(marker, transaction / _COMMITTED)
    _sync_dir(transaction)
    kill_point("commit_marked")
    _roll_forward(out, transaction)


def _roll_forward(out: Path, transaction: Path) -> None:
    """Finish a committed transaction, from wherever it stopped. Each table moves in two renames,
    `<out>/<t>` → `old/<t>`, then `new/<t>` → `<out>/<t>`; a table still in `new/` is not in yet,
    and whatever is at `<out>/<t>` then is the previous table."""
    (transaction / "old").mkdir(exist_ok=True)
    for name in TABLES:
        staged = transaction / "new" / name
        if not staged.exists():
            continue  # swapped in before the interruption
        if (out / name).exists():
            os.rename(out / name, transaction / "old" / name)
        os.rename(staged, out / name)
        kill_point("table_swapped")
    _sync_dir(out)
    kill_point("tables_swapped")
    shutil.rmtree(transaction, ignore_errors=True)


def recover(out: Path, lock: Lock = Lock()) -> None:
    """Finish the committed writes a dead process left in `out` and throw away the others, so
    that what is read from `out` next is what the last write meant it to be. A no-op when
    nothing was interrupted (or `out` does not exist yet)."""
    if Path(out).is_dir():
        with _locked(Path(out), lock):
            _recover(Path(out))


def _recover(out: Path) -> None:
    for transaction in sorted(Path(out).glob(_TRANSACTION_PREFIX + "*")):
        if (transaction / _COMMITTED).exists():
            _roll_forward(Path(out), transaction)
        else:
            shutil.rmtree(transaction, ignore_errors=True)


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
