"""The versions a run's output depends on, for its manifest: two runs that disagree can be told
apart by these (an OCR engine or a digit model changed, not the reports)."""
from __future__ import annotations

import hashlib
import platform
from functools import lru_cache
from importlib import metadata

from pipeline import __version__

# The distributions whose behaviour reaches the rows.
PACKAGES = ("pypdfium2", "pdfplumber", "tesserocr", "opencv-python-headless", "numpy", "pillow",
            "pythainlp", "pyarrow", "pandas")


@lru_cache(maxsize=1)
def versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {"ita-extract": __version__, "python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    found["tesseract"] = _tesseract()
    found["digit_model_sha256"] = _digit_model()
    return found


def _tesseract() -> str | None:
    try:
        import tesserocr
    except ImportError:
        return None
    return tesserocr.tesseract_version().split()[1]  # "tesseract 5.5.4\n leptonica-..."


def _digit_model() -> str | None:
    from parsers.ocr.settings import DIGIT_MODEL_PATH

    try:
        return hashlib.sha256(DIGIT_MODEL_PATH.read_bytes()).hexdigest()[:16]
    except OSError:
        return None
