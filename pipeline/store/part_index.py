"""Which part file of each table holds the rows of which source or document.

Each checkpoint appends one part file to each table (pipeline.store.writer). When it brings a new
version of a source, or bytes already extracted, the rows it replaces sit in earlier parts, and
only those parts are read and rewritten. Finding them must not mean reading the dataset, so this
index answers from 64-bit hashes of the keys: 12 bytes per key and table in memory, 21 for a
documents row (a national crawl of 100,000 documents: about 10 MB). A hash only names the parts
to look in; the writer filters their rows on the exact key, so a collision costs a part read,
never a wrong row.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.store.schema import DocStatus

PART_NAME = re.compile(r"part-(\d{8})\.parquet")
_EMPTY_KEYS = np.empty(0, np.uint64)
_EMPTY_PARTS = np.empty(0, np.uint32)


def part_name(number: int) -> str:
    """The file name of part `number`: zero-padded, so that names sort in the order written.

    >>> part_name(42)
    'part-00000042.parquet'
    """
    return f"part-{number:08d}.parquet"


def part_number(name: str) -> int | None:
    """
    >>> part_number('part-00000042.parquet'), part_number('part-0.parquet')
    (42, None)
    """
    match = PART_NAME.fullmatch(name)
    return int(match.group(1)) if match else None


def key_hashes(keys: Iterable[str | None]) -> np.ndarray:
    """64-bit hashes of text keys (stable across processes, unlike Python's `hash`); a missing
    key hashes as the empty text.

    >>> key_hashes(['a', 'a', 'b']).tolist()[0] == key_hashes(['a']).tolist()[0]
    True
    """
    return np.array([int.from_bytes(blake2b((k or "").encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                                    "little") for k in keys], dtype=np.uint64)


@dataclass
class TableIndex:
    """One table's parts: which key hashes each holds and how many rows.

    `key` is the column a write replaces rows by: `source_path` for the tables of sources,
    `doc_id` for those of the bytes. For `documents` each row is kept (not each key), with its
    doc_id's hash and whether it failed, since those decide which bytes' rows stay."""

    key: str | None  # None: rows counted only (the bytes' tables share PartIndex.content)
    with_documents: bool = False
    keys: np.ndarray = field(default_factory=lambda: _EMPTY_KEYS)
    parts: np.ndarray = field(default_factory=lambda: _EMPTY_PARTS)
    doc_ids: np.ndarray = field(default_factory=lambda: _EMPTY_KEYS)  # documents only
    held: np.ndarray = field(default_factory=lambda: np.empty(0, bool))  # documents: row did not fail
    rows: dict[int, int] = field(default_factory=dict)  # part number → rows

    @property
    def columns(self) -> list[str]:
        if self.key is None:
            return []
        return [self.key, "doc_id", "status"] if self.with_documents else [self.key]

    # `keys` is kept sorted (with `parts` and the documents' arrays in step), so that a lookup
    # of a checkpoint's few hundred keys is a binary search, not a pass over the whole index.
    def _at(self, hashes: np.ndarray) -> np.ndarray:
        """The positions in `keys` of these key hashes."""
        hashes = np.unique(hashes)
        left = np.searchsorted(self.keys, hashes, "left")
        right = np.searchsorted(self.keys, hashes, "right")
        spans = [np.arange(a, b) for a, b in zip(left.tolist(), right.tolist()) if b > a]
        return np.concatenate(spans) if spans else np.empty(0, np.int64)

    def holding(self, hashes: np.ndarray) -> list[int]:
        """The parts that may hold rows of these key hashes."""
        if not len(hashes) or not len(self.keys):
            return []
        return sorted(set(self.parts[self._at(hashes)].tolist()))

    def _insert(self, keys: np.ndarray, number: int, **aligned: np.ndarray) -> None:
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        at = np.searchsorted(self.keys, keys, "right")
        self.keys = np.insert(self.keys, at, keys)
        self.parts = np.insert(self.parts, at, np.full(len(keys), number, np.uint32))
        for name, values in aligned.items():
            setattr(self, name, np.insert(getattr(self, name), at, values[order]))

    def set_part(self, number: int, table: pa.Table | None) -> None:
        """Part `number` now holds `table` (its index columns at least); None: it is gone."""
        keep = self.parts != number
        self.keys, self.parts = self.keys[keep], self.parts[keep]
        if self.with_documents:
            self.doc_ids, self.held = self.doc_ids[keep], self.held[keep]
        self.rows.pop(number, None)
        if table is None:
            return
        self.rows[number] = table.num_rows
        if self.key is None:
            return
        keys = key_hashes(table[self.key].to_pylist())
        if self.with_documents:
            failed = pc.equal(table["status"], DocStatus.FAILED.value).to_numpy(zero_copy_only=False)
            self._insert(keys, number, doc_ids=key_hashes(table["doc_id"].to_pylist()),
                         held=~np.asarray(failed, bool))
        else:
            self._insert(np.unique(keys), number)  # a key's place is enough here

    def forget(self, hashes: np.ndarray) -> None:
        """No part holds these keys any more."""
        at = self._at(hashes)
        self.keys, self.parts = np.delete(self.keys, at), np.delete(self.parts, at)

    def add(self, hashes: np.ndarray, number: int) -> None:
        self._insert(np.unique(hashes), number)

    def held_doc_ids(self, leaving: np.ndarray) -> np.ndarray:
        """documents: the hashes of the doc_ids some row holds without having failed, the rows
        of the sources `leaving` (their hashes) left out."""
        return self.doc_ids[self.held & ~np.isin(self.keys, leaving)]

    def total_rows(self) -> int:
        return sum(self.rows.values())


@dataclass
class PartIndex:
    """The index of every table of one output folder, as of the write `generation` names."""

    tables: dict[str, TableIndex]
    generation: str | None
    # The parts of the bytes' tables (scores, measures, ...) holding rows of each doc_id. One for
    # them all: a write gives all of a document's rows one part number and replaces them all
    # together, so a doc_id's part is the same in every one of those tables.
    content: TableIndex = field(default_factory=lambda: TableIndex("doc_id"))
    next_part: int = 1

    @classmethod
    def build(cls, out: Path, keys: dict[str, str], generation: str | None) -> PartIndex:
        """Read the index columns of every part (their footers say the row counts)."""
        index = cls(tables={name: TableIndex(key if key != "doc_id" else None,
                                             with_documents=name == "documents")
                            for name, key in keys.items()}, generation=generation)
        for name, table_index in index.tables.items():
            for number, path in part_files(out / name):
                if table_index.key is None:
                    doc_ids = pq.read_table(path, columns=["doc_id"])
                    table_index.set_part(number, doc_ids)
                    index.content.add(key_hashes(doc_ids["doc_id"].to_pylist()), number)
                else:
                    table_index.set_part(number, pq.read_table(path, columns=table_index.columns))
                index.next_part = max(index.next_part, number + 1)
        return index

    def holding(self, name: str, hashes: np.ndarray) -> list[int]:
        """The parts of table `name` that may hold rows of these key hashes."""
        table = self.tables[name]
        return (table if table.key is not None else self.content).holding(hashes)


class SeenHashes:
    """A set of 64-bit hashes at 8 bytes each (a Python set of ints takes about 70): the
    documents a run of 100,000 has counted."""

    _BATCH = 4096

    def __init__(self) -> None:
        self._sorted = _EMPTY_KEYS
        self._recent: set[int] = set()

    def add(self, value: int) -> bool:
        """Add `value`; False when it was there already."""
        if value in self._recent:
            return False
        at = int(np.searchsorted(self._sorted, np.uint64(value)))
        if at < len(self._sorted) and int(self._sorted[at]) == value:
            return False
        self._recent.add(value)
        if len(self._recent) >= self._BATCH:
            self._sorted = np.union1d(self._sorted, np.fromiter(self._recent, np.uint64))
            self._recent.clear()
        return True


def part_files(folder: Path) -> list[tuple[int, Path]]:
    """The part files of a table folder, in the order written."""
    if not folder.is_dir():
        return []
    found = [(part_number(p.name), p) for p in folder.iterdir()]
    return sorted((n, p) for n, p in found if n is not None)
