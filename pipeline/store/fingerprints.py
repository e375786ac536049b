"""What a run saw of each source's file, so that the next run tells an unchanged file by `stat`
alone instead of reading all its bytes again to hash them.

For each source path: the file's fingerprint (size, modification and change times, inode and
device) as it was while a worker read its bytes, and the doc_id (sha256) of those bytes. A file
with the same fingerprint holds the same bytes: writing to a file moves its change time, which
no program sets back. It is a hint and no more: a file whose fingerprint differs, a path it does
not know, or one whose `documents` row now holds other bytes (another run wrote since) is read
and hashed as before. `<out>/.ita-extract-sources.json` is written at the end of a run; a run
that dies before leaves the previous one, and its documents are hashed once more next time.
"""
from __future__ import annotations

import json
import os
import stat
from dataclasses import astuple, dataclass
from pathlib import Path

from pipeline.store.transaction import Lock, locked, write_json

FILE_NAME = ".ita-extract-sources.json"
# A file changed this recently when it was read may change again within the same tick of a
# coarse file-system clock (FAT counts 2 s) without its times moving: its fingerprint vouches for
# nothing, and is not kept (git's "racily clean" files).
RACY_SECONDS = 2.0


@dataclass(frozen=True)
class Fingerprint:
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, st: os.stat_result) -> Fingerprint:
        return cls(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def fingerprint_of(path: str) -> Fingerprint | None:
    """The fingerprint of the regular file at `path` now; None for what is not one, or is gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return Fingerprint.of(st) if stat.S_ISREG(st.st_mode) else None


def held_still(before: os.stat_result, after: os.stat_result, now: float) -> Fingerprint | None:
    """The fingerprint of bytes read between two stats of their file, if it held still meanwhile
    and had not changed just before (RACY_SECONDS); else None.

    >>> times = (100, 100, 100, 100.0, 100.0, 100.0, 10**11, 10**11, 10**11)  # changed at t=100 s
    >>> st = os.stat_result((0o100644, 7, 1, 1, 0, 0, 120, *times))
    >>> held_still(st, st, now=200.0).size, held_still(st, st, now=101.0)
    (120, None)
    """
    found = Fingerprint.of(after)
    if Fingerprint.of(before) != found or now - max(after.st_mtime, after.st_ctime) < RACY_SECONDS:
        return None
    return found


@dataclass(frozen=True)
class Seen:
    fingerprint: Fingerprint
    doc_id: str


class SeenSources:
    """The fingerprints of `out`'s sources: those the last run left, updated with what this run
    reads. The bytes' hash is taken from the read a worker does (pipeline.process)."""

    def __init__(self, out: Path):
        self.out = Path(out)
        self.by_path = _read(self.out / FILE_NAME)

    def holds(self, path: str, source_path: str, doc_id: str) -> bool:
        """Whether the file at `path` is as it was when the bytes `doc_id` were read from it, by
        its fingerprint alone."""
        last = self.by_path.get(source_path)
        return last is not None and last.doc_id == doc_id and fingerprint_of(path) == last.fingerprint

    def saw(self, source_path: str, doc_id: str | None, fingerprint: Fingerprint | None) -> None:
        """The bytes `doc_id` were read from the source, its file then as `fingerprint` (None:
        nothing to vouch for, or no bytes read)."""
        if doc_id is None or fingerprint is None:
            self.by_path.pop(source_path, None)
        else:
            self.by_path[source_path] = Seen(fingerprint, doc_id)

    def write(self, lock: Lock = Lock()) -> Path:
        """`<out>/.ita-extract-sources.json`, replaced whole (under the lock: another run may be
        writing its own)."""
        data = {path: [*astuple(seen.fingerprint), seen.doc_id] for path, seen in sorted(self.by_path.items())}
        with locked(self.out, lock):
            return write_json(self.out / FILE_NAME, data)


def _read(path: Path) -> dict[str, Seen]:
    """The fingerprints kept at `path`; none when it is missing or unreadable (a hint is lost,
    nothing else: those files are hashed)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {source: Seen(Fingerprint(*entry[:5]), entry[5]) for source, entry in data.items()}
    except (OSError, ValueError, TypeError, AttributeError, IndexError):
        return {}
