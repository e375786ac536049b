"""Stopping a run from outside: Ctrl-C (SIGINT) and SIGTERM, which systemd, Docker and
Kubernetes send (then SIGKILL, after a grace period of 10 to 90 s) to stop a service.

Both stop the run the same way: the documents finished so far are written, and the same command
goes on from there. Without a handler SIGTERM ended the process on the spot, losing every
document since the last checkpoint (up to 200, or 5 minutes of work). A signal that arrives
while a checkpoint is being written waits for the end of that write: the write is safe to cut
(pipeline.store.transaction's all or none), but finishing it keeps its documents.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Terminated(KeyboardInterrupt):
    """SIGTERM. A KeyboardInterrupt, so that every place that keeps the finished work on Ctrl-C
    keeps it on SIGTERM too; the command exits 143 instead of 130 (`ExitCode.TERMINATED`)."""


_STOPS: dict[signal.Signals, type[KeyboardInterrupt]] = {
    signal.SIGINT: KeyboardInterrupt,
    signal.SIGTERM: Terminated,
}


class StopSignals:
    """While entered, SIGINT raises KeyboardInterrupt and SIGTERM raises Terminated in the main
    thread, except inside `writing()`, after which they are raised. Outside the main thread (a
    run started by a program's worker thread) no handler can be set, and signals keep theirs."""

    def __init__(self) -> None:
        self._writes = 0
        self._pending: type[KeyboardInterrupt] | None = None
        self._previous: dict[signal.Signals, object] = {}

    def __enter__(self) -> StopSignals:
        if threading.current_thread() is threading.main_thread():
            for signum in _STOPS:
                self._previous[signum] = signal.signal(signum, self._stop)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        self._previous.clear()

    def _stop(self, signum: int, _frame: FrameType | None) -> None:
        stop = _STOPS[signal.Signals(signum)]
        if self._writes:
            self._pending = self._pending or stop
            return
        raise stop()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """A block that a stop signal does not cut: the stop is raised when it ends."""
        self._writes += 1
        try:
            yield
        finally:
            self._writes -= 1
        if not self._writes and self._pending is not None:
            stop, self._pending = self._pending, None
            raise stop()


def reset_in_worker() -> None:
    """In a worker process forked from a run: the run's handlers are the run's. A worker ends on
    SIGTERM at once, as any process does, and on SIGINT as Python's default has it."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
