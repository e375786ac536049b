"""What a run checks before it reads a file: that what its inputs need is installed.

A machine's fault found file by file (Tesseract or its Thai model missing, a wheel built without
the digit reader's weights) would fail every scan of a batch of thousands, each charged to its
input as `needs_ocr`; found here, it stops the run before it starts, with how to install what is
missing (`ExitCode.MISSING_DEPENDENCY`). A run of text files needs no OCR and checks nothing.
Where OCR is missing, the run stops only if an input needs it: an image, or a PDF with a page
its text layer does not read (only reading the PDF tells); born-digital PDFs are read without.
"""
from __future__ import annotations

from collections.abc import Iterable

from pipeline.errors import MissingDependency
from pipeline.triage import format_of, may_need_ocr


def check_dependencies(paths: Iterable[str]) -> None:
    """`MissingDependency` when some of `paths` need OCR and it cannot run here."""
    maybe = [path for path in paths if may_need_ocr(path)]
    if not maybe:
        return
    # Imported only now: a run of text files loads nothing of the scan path.
    from parsers.ocr import OcrSettings, OcrUnavailable, check_installed

    try:
        # The settings the workers read pages with (engine and models from the environment).
        check_installed(OcrSettings(), load_engine=False)
    except OcrUnavailable as exc:
        needing = next((path for path in maybe if _needs_ocr(path)), None)
        if needing is not None:
            raise MissingDependency(f"{needing} needs OCR (and maybe more of the inputs), which cannot "
                                    f"run here: {exc}") from exc


def _needs_ocr(path: str) -> bool:
    """Whether the file has a page only OCR reads: an image, or a PDF page whose text layer the
    health check does not trust. A PDF that cannot be opened is its own failure, not OCR's."""
    fmt = format_of(path)
    if fmt is None or fmt.name != "pdf":
        return True
    from parsers.pdf import extract_pdf

    try:
        return any(page.needs_ocr is not None for page in extract_pdf(path).document.pages)
    except Exception:  # whatever a bad PDF raises, its worker reports it as its own failure
        return False
