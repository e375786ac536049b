"""How much one document may take before it is stopped and recorded as failed, so that one
poisonous file (a scan of thousands of pages, a decompression bomb, a page that sends Tesseract
into a spin) costs its own row, not the batch.

Three guards, each for what the others cannot catch:

* Time, by the wall clock (`parsers.timeouts`): SIGALRM interrupts the document (or the OCR of
  one page) between two Python steps and the stage fails with `timeout`. It needs the main
  thread of its process (pool workers and serial runs have it; Dask runs tasks in threads).
* Time, by the CPU clock: a native call that never returns to Python cannot be interrupted, so a
  worker process also gets an RLIMIT_CPU a little beyond the wall-clock limit; the kernel kills
  it there (SIGXCPU) and the executor records `worker_died` for that document alone.
* Memory: a worker process's address space is capped (RLIMIT_AS), so that a runaway allocation
  fails with MemoryError (`memory_limit`) instead of waking the OOM killer, which might pick
  any process of the machine. Address space counts reservations too: an idle worker with
  Tesseract and OpenCV loaded reserves about 2 GB of it while using 0.3 GB.

The process-wide limits (CPU, memory) are taken only in worker processes, never in the process
that started the run, which must live on to write the results: a serial run under them reads
its documents in one worker process (`Limits.per_process`).
"""
from __future__ import annotations

import math
import multiprocessing
from dataclasses import dataclass

from parsers.timeouts import can_time_limit, time_limit

__all__ = ["Limits", "NO_LIMITS", "guard_worker", "in_worker_process", "time_limit"]

DEFAULT_DOCUMENT_SECONDS = 1800.0  # a 100-page scan takes about 300 s on one core
DEFAULT_PAGE_SECONDS = 300.0  # a scanned page takes 2-4 s; a dense A3 page 20 s
DEFAULT_MEMORY_MB = 4096  # address space: about 2 GB reserved + 0.4 GB used by a scan's worker
# CPU seconds a worker may spend beyond the document's wall-clock limit before the kernel kills
# it: room for Tesseract's own threads, and for the alarm to fire first.
_CPU_GRACE_SECONDS = 10.0
# The largest limits taken. Beyond them a limit means nothing a batch run could want, and the
# system calls refuse them (a timer of 1e300 s, an address space past 2**63 bytes): such a value
# is a typo, refused before the run rather than failing every document.
MAX_SECONDS = 7 * 24 * 3600.0
MAX_MEMORY_MB = 2**24  # 16 TiB


@dataclass(frozen=True)
class Limits:
    document_seconds: float | None = DEFAULT_DOCUMENT_SECONDS
    page_seconds: float | None = DEFAULT_PAGE_SECONDS
    memory_mb: int | None = DEFAULT_MEMORY_MB

    def __post_init__(self) -> None:
        for name, most in (("document_seconds", MAX_SECONDS), ("page_seconds", MAX_SECONDS),
                           ("memory_mb", MAX_MEMORY_MB)):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not 0 < value <= most
                                      or not math.isfinite(value)):
                raise ValueError(f"Limits.{name} must be a number > 0 and at most {most:.0f}, or "
                                 f"None, got {value!r}")

    @property
    def per_process(self) -> bool:
        """Whether a document needs a process of its own to be held to these limits: the memory
        cap and the CPU-time limit (which follows the document's time limit) bind a process."""
        return self.memory_mb is not None or self.document_seconds is not None


NO_LIMITS = Limits(document_seconds=None, page_seconds=None, memory_mb=None)


# ---- process-wide limits, for worker processes --------------------------------------------------
def in_worker_process() -> bool:
    """True in a process started to do documents (a pool worker) on its main thread."""
    return multiprocessing.parent_process() is not None and can_time_limit()


def guard_worker(limits: Limits, cpu_grace_s: float = _CPU_GRACE_SECONDS) -> None:
    """Take the process-wide limits for the next document (a no-op outside worker processes);
    the CPU limit is `cpu_grace_s` beyond twice the document's time limit."""
    if not in_worker_process():
        return
    try:
        import resource
    except ImportError:  # Windows: only the wall-clock limits
        return
    if limits.memory_mb is not None:
        _lower_soft_limit(resource, resource.RLIMIT_AS, limits.memory_mb * 2**20)
    if limits.document_seconds is not None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        used = usage.ru_utime + usage.ru_stime
        _set_soft_limit(resource, resource.RLIMIT_CPU,
                        int(used + 2 * limits.document_seconds + cpu_grace_s))


def _lower_soft_limit(resource, which: int, value: int) -> None:
    soft, hard = resource.getrlimit(which)
    if soft == resource.RLIM_INFINITY or soft > value:
        _set_soft_limit(resource, which, value)


def _set_soft_limit(resource, which: int, value: int) -> None:
    _soft, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(which, (value, hard))
