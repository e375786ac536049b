"""The OCR engine interface: a page image in, words with boxes and confidences out.

The scan path asks an engine four things (`OcrEngine`): the words of a page, one word read
again by the Thai model alone, one line (a shaded table cell) read as a line, and which way
up the page is. Tesseract is the engine shipped
(`parsers.ocr.tesseract`); another is named by `OcrSettings.engine` (or `ITA_EXTRACT_OCR_ENGINE`
for every process of a run), either from `ENGINES` or as `module:factory`, a callable taking the
`OcrSettings` and returning an engine. The fault tests plug in engines that crash, hang or eat
memory this way (`tests/fake_engines.py`), as OCRmyPDF's test plugins do, instead of waiting
for a real page to misbehave.

An engine is made once per process and settings, with its models loaded, and reused for every
page; a missing engine or model raises `OcrUnavailable` when it is made. `check_engine` asks the
same without making it: an engine class may say how, cheaply, in a `check(settings)` method.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np

from parsers.ocr.settings import OcrSettings


class OcrUnavailable(RuntimeError):
    """The OCR engine, its Thai model or the digit reader's weights are not installed; the
    message says how to install them, on one line."""


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One word as the engine read it; the box in page points, `pixels` in the working image."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float  # 0–100
    pixels: tuple[int, int, int, int]  # x0, y0, x1, y1

    @classmethod
    def at_pixels(cls, text: str, pixels: tuple[int, int, int, int], confidence: float, dpi: int) -> OcrWord:
        """A word whose box is known in working-image pixels read at `dpi`."""
        to_pt = 72 / dpi
        x0, y0, x1, y1 = pixels
        return cls(text, x0 * to_pt, y0 * to_pt, x1 * to_pt, y1 * to_pt, confidence, pixels)

    def centre_in(self, box: tuple[int, int, int, int]) -> bool:
        """Whether the word's centre lies in a pixel box (x0, y0, x1, y1)."""
        x, y = (self.pixels[0] + self.pixels[2]) / 2, (self.pixels[1] + self.pixels[3]) / 2
        return box[0] <= x < box[2] and box[1] <= y < box[3]

    @property
    def x_mid(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Orientation:
    """Which way up a page is: the degrees (0, 90, 180, 270) it must turn counter-clockwise to
    stand upright, and how sure the engine is of it."""

    degrees: int
    confidence: float


class OcrEngine(Protocol):
    name: str

    def read_words(self, pixels: np.ndarray, dpi: int) -> list[OcrWord]:
        """The space-delimited words of a grey page image (uint8, white paper), in reading order."""

    def read_word(self, pixels: np.ndarray, languages: str = "tha") -> tuple[str, float]:
        """One word's image read by one model alone (the Thai model unless `languages` names
        another, e.g. "eng"): its text and confidence (0–100)."""

    def read_line(self, pixels: np.ndarray, dpi: int) -> tuple[str, float]:
        """The image of one line of print (a table cell) read as one line: its text and
        confidence (0–100)."""

    def read_latin_letter(self, pixels: np.ndarray) -> tuple[str, float]:
        """One glyph's image read as a single Latin character by the English model alone (the
        Thai model reads a grade's lone `C` as ๐ or เซ): its text and confidence (0–100)."""

    def orientation(self, pixels: np.ndarray, dpi: int) -> Orientation | None:
        """Which way up the page is, or None when the engine cannot tell."""


# Engines by name, as "module:factory", imported only when a page needs one.
ENGINES: dict[str, str] = {"tesseract": "parsers.ocr.tesseract:TesseractEngine"}


def _factory(name: str) -> Callable[[OcrSettings], OcrEngine]:
    target = ENGINES.get(name, name)
    module, _, attr = target.partition(":")
    if not attr:
        raise OcrUnavailable(f"no OCR engine named {name!r}: known are {', '.join(ENGINES)}, "
                             "or give one as module:factory")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise OcrUnavailable(f"cannot load the OCR engine {name!r}: {exc}") from exc


@lru_cache(maxsize=4)
def engine_for(settings: OcrSettings) -> OcrEngine:
    """The engine `settings` name, made once per process; `OcrUnavailable` when it cannot be."""
    return _factory(settings.engine)(settings)


def check_engine(settings: OcrSettings) -> None:
    """`OcrUnavailable` where `engine_for(settings)` would raise it. An engine with a `check`
    says so without loading its models, which a process that forks workers should not hold
    (each would inherit them); one without is made, and kept as engine_for keeps it."""
    factory = _factory(settings.engine)
    check = getattr(factory, "check", None)
    if check is not None:
        check(settings)
    else:
        engine_for(settings)
