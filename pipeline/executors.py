"""How documents are spread over CPUs. The output never depends on which executor ran: results
come back in whatever order, and the writer sorts them before writing.

An executor only schedules. A function it runs is expected to turn its own failures into results
(`process_file` does); what an executor can still meet is a worker that dies (a crash in a native
library, the kernel's OOM killer), and `on_error` turns that into a result for the item too, so
that one poisonous file does not lose a run of thousands.
"""
from __future__ import annotations

import os
from abc import ABC, abstractmethod
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")
OnError = Callable[[T, BaseException], R]


class Executor(ABC):
    name: str

    @abstractmethod
    def map(self, fn: Callable[[T], R], items: Iterable[T],
            on_error: OnError | None = None) -> Iterator[R]:
        """fn(item) for every item, yielded as each finishes (input order is not promised)."""


class SerialExecutor(Executor):
    """In this process, one file after the other: for debugging, profiling and tiny batches."""

    name = "serial"

    def map(self, fn, items, on_error=None):
        # No on_error here: fn turns its own failures into results, and a crash in this process
        # ends the run whatever we do.
        for item in items:
            yield fn(item)


class ProcessExecutor(Executor):
    """A pool of worker processes; results in completion order, so the progress bar moves."""

    name = "processes"

    def __init__(self, workers: int | None = None, max_pending: int | None = None):
        self.workers = workers or os.cpu_count() or 1
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")
        # Submitting a few per worker ahead keeps them busy without queueing thousands of futures.
        self.max_pending = max_pending or 4 * self.workers

    def map(self, fn, items, on_error=None):
        items = iter(items)
        # When a worker dies the whole pool is broken and every file in flight fails with it,
        # though only one of them killed it. Those are retried in a fresh pool one at a time, so
        # that only the culprit is charged with the crash.
        suspects: list = []
        while True:
            pool = ProcessPoolExecutor(max_workers=self.workers)
            try:
                alive = True
                while suspects and alive:
                    item = suspects.pop(0)
                    try:
                        result = pool.submit(fn, item).result()
                    except BrokenProcessPool as exc:
                        result, alive = _failed(on_error, item, exc), False
                    except Exception as exc:  # noqa: BLE001
                        result = _failed(on_error, item, exc)
                    yield result
                if not alive:
                    continue  # that pool died with the culprit: another one for the rest
                pending: dict[Future, object] = {}
                for item in islice(items, self.max_pending):
                    pending[pool.submit(fn, item)] = item
                broken = False
                while pending and not broken:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        item = pending.pop(future)
                        try:
                            result = future.result()
                        except BrokenProcessPool:
                            suspects.append(item)
                            broken = True
                            continue
                        except Exception as exc:  # noqa: BLE001 - e.g. a result that does not pickle
                            result = _failed(on_error, item, exc)
                        yield result
                    if not broken:
                        for item in islice(items, len(done)):
                            pending[pool.submit(fn, item)] = item
                if not broken:
                    return
                suspects.extend(pending.values())
            finally:
                # Not waiting: after Ctrl-C or a dead worker, waiting on the pool can hang.
                pool.shutdown(wait=False, cancel_futures=True)


def _failed(on_error, item, exc: BaseException):
    if on_error is None:
        raise exc
    return on_error(item, exc)


EXECUTORS: tuple[str, ...] = (SerialExecutor.name, ProcessExecutor.name)


def make_executor(name: str, workers: int | None = None) -> Executor:
    if name == SerialExecutor.name:
        return SerialExecutor()
    if name == ProcessExecutor.name:
        return ProcessExecutor(workers)
    raise ValueError(f"unknown executor {name!r}; expected 'serial' or 'processes'")
