"""How the output folder changes: all or none, one process at a time.

A write's parts are staged in a transaction folder inside `<out>`, with the list of parts to
remove; once all are synced a COMMITTED marker is made, and only then are the parts moved in
by renames (pipeline.store.writer says why). The next write (or run) finishes a committed
transaction that was interrupted and throws away one that was not. A lock on the folder keeps
other processes' writes out meanwhile, and a JSON file beside the tables is replaced whole.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.errors import OutputError
from pipeline.faults import kill_point
from pipeline.store.part_index import part_name
from pipeline.store.schema import TABLES

# How long a write waits for another run's write into the same --out (`Lock`). A write takes
# seconds; a run that waited longer than this for one is facing a stuck process, not a busy folder.
DEFAULT_LOCK_SECONDS = 600.0
_TRANSACTION_PREFIX = ".ita-extract-write-"
_COMMITTED = "COMMITTED"
_LOCK_FILE = ".ita-extract.lock"
_GENERATION = ".ita-extract-generation"
_LOCK_POLL_SECONDS = 0.1


@dataclass(frozen=True)
class Lock:
    """How a process waits for another's write into the same folder: a write takes seconds, so
    a run that found the folder busy waits rather than dropping what it extracted."""

    timeout: float | None = DEFAULT_LOCK_SECONDS  # None: as long as it takes
    waiting: Callable[[], None] = lambda: None  # called once, when the lock is found held


def write_json(path: Path, data: Any, staged: Callable[[], None] = lambda: None) -> Path:
    """`path` replaced atomically by `data` as JSON: readers see the old file or the new one."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    staged()
    os.replace(tmp, path)
    return path


class Transaction:
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
        roll_forward(self.out, self.folder)
        return generation

    def abandon(self) -> None:
        if not (self.folder / _COMMITTED).exists():
            shutil.rmtree(self.folder, ignore_errors=True)


def roll_forward(out: Path, transaction: Path) -> None:
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


def settle(out: Path) -> None:
    """Finish the committed transactions a dead process left in `out`, throw away the others."""
    for transaction in sorted(Path(out).glob(_TRANSACTION_PREFIX + "*")):
        if (transaction / _COMMITTED).exists():
            roll_forward(Path(out), transaction)
        else:
            shutil.rmtree(transaction, ignore_errors=True)


def generation_of(out: Path) -> str | None:
    """The token of the last write into `out` (None before the first)."""
    try:
        return (out / _GENERATION).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


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
def locked(out: Path, lock: Lock) -> Iterator[None]:
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
