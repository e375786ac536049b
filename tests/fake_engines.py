"""OCR engines that misbehave on purpose, for the fault tests (as OCRmyPDF's test plugins).

A real scan takes seconds a page to go wrong; these go wrong at once, the way a real engine can:
a crash in native code, a hang, a spin no alarm can interrupt, a runaway allocation, an error.
A run uses one with `ITA_EXTRACT_OCR_ENGINE=fake_engines:<Name>` (this folder on PYTHONPATH),
which reaches every worker process. Pages still go through the real rendering, straightening and
table finding; only the engine is replaced.
"""
from __future__ import annotations

import os
import re
import signal
import time

import numpy as np

from parsers.ocr.engine import OcrUnavailable, OcrWord, Orientation
from parsers.ocr.settings import OcrSettings

ENV = "ITA_EXTRACT_OCR_ENGINE"


class Blank:
    """Reads nothing, quickly: a page with no words. The base of the misbehaving ones."""

    name = "blank"

    def __init__(self, settings: OcrSettings):
        self.settings = settings

    def read_words(self, pixels: np.ndarray, dpi: int) -> list[OcrWord]:
        return []

    def read_word(self, pixels: np.ndarray, languages: str = "tha") -> tuple[str, float]:
        return "", 0.0

    def read_line(self, pixels: np.ndarray, dpi: int) -> tuple[str, float]:
        return "", 0.0

    def read_latin_letter(self, pixels: np.ndarray) -> tuple[str, float]:
        return "", 0.0

    def orientation(self, pixels: np.ndarray, dpi: int) -> Orientation | None:
        return None


class Crash(Blank):
    """Dies in native code: the process gets SIGSEGV, as from a bug in a C library."""

    def read_words(self, pixels, dpi):
        os.kill(os.getpid(), signal.SIGSEGV)
        return []


class Hang(Blank):
    """Never comes back, but waits in Python: the time limits' alarm can stop it."""

    def read_words(self, pixels, dpi):
        time.sleep(3600)
        return []


class Spin(Blank):
    """Spins inside a C loop (the regex engine's catastrophic backtracking): no alarm can stop
    it, only the worker's CPU-time limit."""

    def read_words(self, pixels, dpi):
        re.match(r"(a+)+$", "a" * 60 + "b")
        return []


class NativeSpin(Blank):
    """Spins deaf to the alarm, as a native loop that never returns to Python is (Python's own
    regex engine looks for signals as it backtracks, so `Spin` meets the document's alarm):
    only the worker's CPU-time limit ends it."""

    def read_words(self, pixels, dpi):
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        re.match(r"(a+)+$", "a" * 60 + "b")
        return []


class Hog(Blank):
    """Asks for far more memory than a worker may have (16 GB, touched), as a runaway buffer."""

    def read_words(self, pixels, dpi):
        hoard = np.ones(16 * 2**30, dtype=np.uint8)
        return [] if hoard[-1] else []


class Broken(Blank):
    """Raises an error of its own, as an engine meeting a page it cannot handle."""

    def read_words(self, pixels, dpi):
        raise RuntimeError("the engine cannot read this page")


class Missing(Blank):
    """Is not installed: its models are nowhere to be found."""

    def __init__(self, settings: OcrSettings):
        raise OcrUnavailable("no models for the fake engine (it is missing on purpose)")
