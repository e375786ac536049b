"""The scan path: page images (image files, PDF pages without a usable text layer) through the
OCR engine and the Thai-digit reader into `parsers.layout`.

Its names are imported on first use: OpenCV and the engine load only in a run that has a page to
OCR, not for a folder of text files or for the manifest's look at the digit model.
"""
from __future__ import annotations

import importlib

_WHERE = {
    "OcrSettings": "parsers.ocr.settings",
    "OcrUnavailable": "parsers.ocr.engine",
    "OcrWord": "parsers.ocr.engine",
    "check_installed": "parsers.ocr.installed",
    "pdf_page_reader": "parsers.ocr.reader",
    "read_image": "parsers.ocr.reader",
    "read_page_image": "parsers.ocr.reader",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
