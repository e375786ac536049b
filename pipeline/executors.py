"""How documents are spread over CPUs. The output never depends on which executor ran: results
come back in whatever order, and the writer sorts them before writing.

An executor only schedules. A function it runs is expected to turn its own failures into results
(`process_file` does); what an executor can still meet is a worker that dies (a crash in a native
library, the kernel's OOM killer), and `on_error` turns that into a result for the item too, so
that one poisonous file does not lose a run of thousands.
"""
from __future__ import annotations

import logging
import os
import re
import signal
import sys
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from itertools import islice
from typing import Any, TypeVar

from pipeline import __version__
from pipeline.errors import UsageError
from pipeline.stopping import reset_in_worker

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
    """One file after the other: for debugging, profiling and tiny batches.

    With `isolated`, in one worker process: the memory and CPU-time limits (pipeline.limits) are
    taken by a whole process, and taken by this one they would end the run, results and all,
    with the first document over them. Without, in this process, for a debugger."""

    name = "serial"

    def __init__(self, isolated: bool = False):
        self.isolated = isolated

    def map(self, fn, items, on_error=None):
        if self.isolated:
            yield from ProcessExecutor(workers=1, max_pending=1).map(fn, items, on_error)
            return
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
        finished = False
        while True:
            pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_worker_started,
                                       initargs=(os.getpid(),))
            try:
                alive = True
                while suspects and alive:
                    item = suspects.pop(0)
                    try:
                        result = pool.submit(fn, item).result()
                    except BrokenProcessPool as exc:
                        result, alive = _failed(on_error, item, exc), False
                    except Exception as exc:
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
                        except BrokenProcessPool as exc:
                            suspects.append(item)
                            broken, death = True, exc
                            continue
                        except Exception as exc:
                            result = _failed(on_error, item, exc)
                        yield result
                    if not broken:
                        for item in islice(items, len(done)):
                            pending[pool.submit(fn, item)] = item
                if not broken:
                    finished = True
                    return
                suspects.extend(pending.values())
                if len(suspects) == 1:
                    # Alone in the pool when it died: the culprit, with no second run to prove
                    # it (a second run of a spinning document costs its CPU limit again).
                    yield _failed(on_error, suspects.pop(), death)
            finally:
                if not finished:
                    # Ctrl-C, SIGTERM, or the consumer stopped: a worker busy with a scan would
                    # finish it first (minutes) and hold the run's exit until then.
                    _stop_workers(pool)
                # Not waiting: after Ctrl-C or a dead worker, waiting on the pool can hang.
                pool.shutdown(wait=False, cancel_futures=True)


def _worker_started(run_pid: int) -> None:
    """First thing in every pool worker: it dies with the run that started it. Orphaned workers
    of a killed run went on with their documents for minutes, 250-300 MB each, writing nothing."""
    reset_in_worker()
    if sys.platform.startswith("linux"):
        import ctypes

        # prctl(PR_SET_PDEATHSIG, SIGKILL): the kernel kills this process when its parent dies,
        # however the parent dies (SIGKILL, the OOM killer, a crash).
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != run_pid:  # the run died before the line above could matter
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    # Python 3.14 has pool.kill_workers(); before it, the processes are reachable only here.
    kill_workers = getattr(pool, "kill_workers", None)
    if kill_workers is not None:
        kill_workers()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, ValueError):  # already gone, or already closed
            pass


def usable_cpus() -> int:
    """The CPUs this process may run on (a container's share, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _failed(on_error, item, exc: BaseException):
    if on_error is None:
        raise exc
    return on_error(item, exc)


def worker_died(exc: BaseException) -> bool:
    """Whether `exc` says that the process running an item died, rather than the item failing."""
    if isinstance(exc, BrokenProcessPool):
        return True
    # Only a Dask run can raise KilledWorker, and it has imported distributed by then.
    killed = getattr(sys.modules.get("distributed"), "KilledWorker", None)
    return killed is not None and isinstance(exc, killed)


# ---- Dask ---------------------------------------------------------------------------------------
LOCAL = "local"
_DASK_ADDRESS = re.compile(r"(tcp|tls)://(\[[0-9A-Fa-f:.]+\]|[^\s/:\[\]]+)(:\d{1,5})?/?")
_INSTALL_DASK = "pip install 'ita-extract[dask]'"


def check_dask_address(address: str) -> str:
    """`address` if it is one `--dask` takes ('local', tcp://host:port, tls://host:port)."""
    if address == LOCAL or _DASK_ADDRESS.fullmatch(address):
        return address
    raise UsageError(f"--dask takes 'local' or a scheduler address such as tcp://host:8786, "
                     f"got {address!r}")


class WorkerVersionMismatch(UsageError):
    """A Dask worker runs another version of ita-extract than the one that started the run."""


class DaskExecutor(Executor):
    """Tasks on a Dask distributed cluster: a LocalCluster started for the run (`local`), or the
    scheduler at `address` with workers started elsewhere.

    Each worker opens the input paths exactly as the user gave them (so that `source_path` is
    the same whichever executor ran), so a remote cluster's workers must see the same files at
    the same paths: a shared filesystem, mounted where the client has it, and absolute paths or
    workers started in the same working directory. They must also run the same ita-extract
    version, or the rows would be labelled with an extractor version that did not write them;
    that is checked before the run and again by every task (a worker may join late).

    A worker that dies under a task is restarted by its nanny and the task tried again; after
    `distributed.scheduler.allowed-failures` deaths (3 by default) the scheduler gives up with
    KilledWorker, which `on_error` turns into the item's result like any other task failure.
    """

    name = "dask"

    def __init__(self, address: str, workers: int | None = None, max_pending: int | None = None,
                 connect_timeout: float = 30):
        self.address = check_dask_address(address)
        self.workers = workers or os.cpu_count() or 1  # the LocalCluster's size; a remote one has its own
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")
        self.max_pending = max_pending
        self.connect_timeout = connect_timeout

    def map(self, fn, items, on_error=None):
        distributed = _import_distributed()
        with ExitStack() as stack:
            client = self._connect(distributed, stack)
            _check_worker_versions(client, self.connect_timeout)
            yield from self._run(distributed, client, fn, items, on_error)

    def _connect(self, distributed: Any, stack: ExitStack) -> Any:
        if self.address == LOCAL:
            cluster = stack.enter_context(_local_cluster(distributed, self.workers))
            return stack.enter_context(distributed.Client(cluster, set_as_default=False))
        try:
            client = distributed.Client(self.address, timeout=self.connect_timeout,
                                        set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from exc
        return stack.enter_context(client)

    def _run(self, distributed: Any, client: Any, fn: Callable, items: Iterable,
             on_error: OnError | None) -> Iterator:
        items = iter(items)
        # Explicit keys, unique to this run and item: Dask would otherwise take two equal
        # submissions for one task, and two runs sharing a scheduler must not share results.
        run_id = uuid.uuid4().hex
        counter = iter(range(sys.maxsize))
        pending: dict[Any, object] = {}
        name = getattr(getattr(fn, "func", fn), "__name__", "task")  # a partial's function's name

        def submit(item: object) -> Any:
            key = f"{name}-{next(counter)}-{run_id}"
            future = client.submit(_call_checked, fn, __version__, item, key=key, pure=False)
            pending[future] = item
            return future

        # A few per worker thread ahead keep them busy without queueing thousands of futures.
        limit = self.max_pending or 4 * max(1, sum(client.nthreads().values()))
        finished = distributed.as_completed([submit(item) for item in islice(items, limit)],
                                            loop=client.loop)  # not the default client's
        try:
            for future in finished:
                item = pending.pop(future)
                for more in islice(items, 1):  # before yielding: the cluster works meanwhile
                    finished.add(submit(more))
                try:
                    result = future.result()
                except WorkerVersionMismatch:
                    raise
                except Exception as exc:
                    result = _failed(on_error, item, exc)
                finally:
                    future.release()  # the cluster may forget the result now
                yield result
        finally:
            # Ctrl-C or an error in the consumer: nothing more is wanted from the cluster.
            if pending:
                client.cancel(list(pending))


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise UsageError(f"--dask needs Dask distributed, which is not installed: "
                         f"{_INSTALL_DASK}") from exc
    return distributed


def _local_cluster(distributed: Any, workers: int) -> Any:
    import dask

    # One task per worker at a time (worker-saturation 1.0; Dask's default queues a second one
    # on it): a worker that dies then charges only the file that killed it, not one waiting
    # behind it. No dashboard and only Dask's errors on stderr, which is the CLI's.
    # Dask's workers get MALLOC_TRIM_THRESHOLD_=65536, which also turns off glibc's adaptive
    # mmap threshold: OCR's large image buffers are then mapped and unmapped every time, and a
    # scanned page took 10-20 % longer than in the process pool. The thread limits stay.
    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    with dask.config.set({"distributed.scheduler.worker-saturation": 1.0,
                          "distributed.nanny.pre-spawn-environ": environ}):
        # The dashboard on a free port: with 8787 taken (another run, or the test suite's other
        # worker) the scheduler warned on stderr (CI, stop 22).
        return distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=":0", silence_logs=logging.ERROR)


def _check_worker_versions(client: Any, timeout: float) -> None:
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError as exc:
        raise UsageError(f"no Dask worker joined the scheduler within {timeout:g} s") from exc
    try:
        versions = client.run(_worker_version)
    except Exception as exc:
        raise UsageError(f"the Dask workers cannot run ita-extract ({type(exc).__name__}: {exc}); "
                         f"install it on them: {_INSTALL_DASK}") from exc
    wrong = {worker: v for worker, v in versions.items() if v != __version__}
    if wrong:
        raise WorkerVersionMismatch(
            f"this is ita-extract {__version__}, but Dask workers run another version: "
            + ", ".join(f"{worker} has {v}" for worker, v in sorted(wrong.items())))


def _worker_version() -> str:
    """Run on each Dask worker: the ita-extract version it imports."""
    return __version__


def _call_checked(fn: Callable[[T], R], version: str, item: T) -> R:
    """fn(item) on a Dask worker, once that worker is known to run the client's version (one
    that joined after the check at the start is checked here)."""
    if version != __version__:
        raise WorkerVersionMismatch(f"this is ita-extract {version}, but a Dask worker runs "
                                    f"{__version__}")
    return fn(item)


EXECUTORS: tuple[str, ...] = (SerialExecutor.name, ProcessExecutor.name, DaskExecutor.name)


def make_executor(name: str, workers: int | None = None, address: str | None = None,
                  isolated: bool = False) -> Executor:
    """`address` is the Dask scheduler's (or 'local'), for the 'dask' executor only; `isolated`
    runs the serial executor's documents in a worker process (see SerialExecutor)."""
    if name == SerialExecutor.name:
        return SerialExecutor(isolated)
    if name == ProcessExecutor.name:
        return ProcessExecutor(workers)
    if name == DaskExecutor.name:
        if not address:
            raise UsageError("the dask executor needs an address: 'local' or tcp://host:8786")
        return DaskExecutor(address, workers)
    raise ValueError(f"unknown executor {name!r}; expected one of {', '.join(EXECUTORS)}")
