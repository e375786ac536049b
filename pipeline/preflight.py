"""What a run checks before it reads a file: that what its inputs need is installed.

A machine's fault found file by file (Tesseract or its Thai model missing, a wheel built without
the digit reader's weights) would fail every scan of a batch of thousands, each charged to its
input as `needs_ocr`; found here, it stops the run before it starts, with how to install what is
missing (`ExitCode.MISSING_DEPENDENCY`). A run of text files needs no OCR and checks nothing;
one given a PDF checks, since only reading a PDF tells whether a page lacks a text layer.
"""
from __future__ import annotations

from collections.abc import Iterable

from pipeline.errors import MissingDependency
from pipeline.triage import may_need_ocr


def check_dependencies(paths: Iterable[str]) -> None:
    """`MissingDependency` when some of `paths` may need OCR and it cannot run here."""
    needing = sum(1 for path in paths if may_need_ocr(path))
    if not needing:
        return
    # Imported only now: a run of text files loads nothing of the scan path.
    from parsers.ocr import OcrSettings, OcrUnavailable, check_installed

    try:
        # The settings the workers read pages with (engine and models from the environment).
        check_installed(OcrSettings(), load_engine=False)
    except OcrUnavailable as exc:
        files = "1 input file (a PDF or image) may" if needing == 1 else \
            f"{needing} input files (PDFs or images) may"
        raise MissingDependency(f"{files} need OCR, which cannot run here: {exc}") from exc
