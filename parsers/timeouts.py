"""Time limits on a block of code, by SIGALRM: the OCR of one page, the whole of one document.

The alarm interrupts the block between two Python steps, so a native call (a Tesseract page)
finishes first; what never returns to Python needs a harder stop (pipeline.limits, RLIMIT_CPU).
It needs the main thread of its process; elsewhere (Dask runs tasks in threads) there is no limit.
"""
from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(eq=False)
class _Limit:
    deadline: float  # time.monotonic()
    make: Callable[[], BaseException]
    # Raised once: its alarm is never set again, or a second one could go off while the first
    # is still unwinding (an inner limit's exit re-arms the timer) and escape as a bare
    # `_Expired` that no `time_limit` turns into `make()`.
    fired: bool = False


class _Expired(BaseException):
    """Raised by the alarm inside the limited code. A BaseException, so that an `except
    Exception` in a library cannot swallow it; `time_limit` turns it into `make()` at its edge."""

    def __init__(self, limit: _Limit):
        super().__init__()
        self.limit = limit


_active: list[_Limit] = []  # nested limits, outermost first


def can_time_limit() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, make: Callable[[], BaseException]) -> Iterator[None]:
    """Raise `make()` from the block once `seconds` have passed. Limits nest (a page's inside
    its document's); when several have run out the outermost wins, so a document that is out of
    time stops instead of moving on to its next page. Without a main thread, no limit.

    >>> with time_limit(0.05, lambda: TimeoutError("slow")):
    ...     time.sleep(1)
    Traceback (most recent call last):
    TimeoutError: slow
    """
    if seconds is None or not can_time_limit():
        yield
        return
    limit = _Limit(time.monotonic() + seconds, make)
    if not _active:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
    _active.append(limit)
    try:
        _arm()
        yield
    except _Expired as expired:
        if expired.limit is not limit:
            raise  # an outer limit's: it goes on out to that limit
        raise limit.make() from None
    finally:
        _active.remove(limit)
        _arm()
        if not _active:
            signal.signal(signal.SIGALRM, previous)


def _arm() -> None:
    waiting = [limit.deadline for limit in _active if not limit.fired]
    if not waiting:
        signal.setitimer(signal.ITIMER_REAL, 0)
        return
    signal.setitimer(signal.ITIMER_REAL, max(min(waiting) - time.monotonic(), 0.001))


def _on_alarm(_signum, _frame) -> None:
    now = time.monotonic()
    expired = [limit for limit in _active if limit.deadline <= now and not limit.fired]
    if not expired:  # the timer of a limit that has since ended: set the next one
        _arm()
        return
    expired[0].fired = True
    raise _Expired(expired[0])
