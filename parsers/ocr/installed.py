"""Whether OCR can run here: the engine with its models, and the Thai-digit reader's weights.

A page asks before it is read (`parsers.ocr.reader`); a run asks before it starts, in the process
its workers fork from, so this module loads neither OpenCV nor the engine's models.
"""
from __future__ import annotations

from parsers.ocr.digit_model import model
from parsers.ocr.engine import check_engine, engine_for
from parsers.ocr.settings import DEFAULT, OcrSettings


def check_installed(settings: OcrSettings = DEFAULT, *, load_engine: bool = True) -> None:
    """`OcrUnavailable`, saying what to install, where OCR cannot run as `settings` ask.
    `load_engine` makes the engine (kept for the pages to come); without it, the engine is only
    checked, where it says how (`check_engine`)."""
    if load_engine:
        engine_for(settings)
    else:
        check_engine(settings)
    if settings.read_digits:
        model()
