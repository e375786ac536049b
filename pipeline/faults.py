"""Kill points: named places where a test can have this process killed, to prove that a run
killed at that moment and started again ends with exactly the rows of an uninterrupted run.

A test sets `ITA_EXTRACT_KILL_AT=<point>` (or `<point>:<n>`, the n-th time the point is passed,
1 by default) in the environment of an `ita-extract` it starts; when the run passes that point
the process sends itself SIGKILL, the one signal nothing can catch or clean up after, as the OOM
killer or a pulled plug would. Unset, a kill point is one dictionary lookup.

The points, in the order a run passes them:

    document_done      a document's result came back to the main process (not yet written)
    tables_staged      a write has every table in its staging folder, not yet marked committed
    commit_marked      the write is marked committed, no table swapped in yet
    table_swapped      one table of the write swapped in (`:n` for the n-th)
    tables_swapped     all tables swapped in, the staging folder not yet removed
    checkpoint_done    a checkpoint write finished, the run goes on with more documents
    manifest_staged    the manifest's temporary file written, not yet renamed into place
"""
from __future__ import annotations

import os
import signal

ENV = "ITA_EXTRACT_KILL_AT"

POINTS = ("document_done", "tables_staged", "commit_marked", "table_swapped", "tables_swapped",
          "checkpoint_done", "manifest_staged")

_passed: dict[str, int] = {}


def _target() -> tuple[str, int] | None:
    spec = os.environ.get(ENV)
    if not spec:
        return None
    name, _, nth = spec.partition(":")
    if name not in POINTS:
        raise ValueError(f"{ENV}={spec!r}: no kill point {name!r}; the points are {', '.join(POINTS)}")
    return name, int(nth or 1)


def kill_point(name: str) -> None:
    """Die here, uncleanly, if the environment asks for it (see the module docstring)."""
    target = _target()
    if target is None or target[0] != name:
        return
    _passed[name] = _passed.get(name, 0) + 1
    if _passed[name] == target[1]:
        os.kill(os.getpid(), signal.SIGKILL)
