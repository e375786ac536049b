"""Settings of the scan path, split by concern and validated once when made.

Lengths on the image are in millimetres, so that one setting serves a 200 dpi scan and a 300 dpi
phone photo alike; `px(mm, dpi)` turns them into pixels of the working image.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from parsers.compose.settings import RulingSettings, TextLineSettings

# Debian's tesseract-ocr-tha puts the models here; tesserocr's wheel carries the engine but no
# models, and does not look there by itself.
DEBIAN_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata/"
# The Thai-digit reader's weights (plain arrays; scripts/train_digit_reader.py makes them).
DIGIT_MODEL_PATH = Path(__file__).with_name("models") / "digits.npz"
# Names the OCR engine (`parsers.ocr.engine.ENGINES`, or `module:factory`) for every process of
# a run, workers included: how the fault tests plug in an engine that crashes, hangs or eats
# memory, as OCRmyPDF's test plugins do.
ENGINE_ENV = "ITA_EXTRACT_OCR_ENGINE"


def px(mm: float, dpi: int) -> int:
    """Millimetres to whole pixels at `dpi` (at least 1).

    >>> px(25.4, 200)
    200
    """
    return max(1, round(mm * dpi / 25.4))


# Scanned borders are thicker and broken in places, so the table finder (the page builder's
# chain, shared with the PDF path) snaps and joins more generously than for vector lines.
SCAN_RULING = RulingSettings(snap_tolerance=4.0, join_tolerance=10.0, intersection_tolerance=5.0,
                             min_edge_length=8.0, max_rule_thickness=4.0, min_table_cells=2)


@dataclass(frozen=True)
class RuleDetection:
    """Which runs of ink are ruling lines."""

    # A ruling line is a straight dark run at least this long. Letters along a text line touch
    # in a blurred scan and make horizontal runs of several millimetres, so horizontal rules
    # must be longer (the narrowest table column is about 2 cm); no letter is 6 mm tall.
    min_hrule_mm: float = 15.0
    min_vrule_mm: float = 6.0

    def __post_init__(self) -> None:
        if self.min_hrule_mm <= 0 or self.min_vrule_mm <= 0:
            raise ValueError("RuleDetection: rule lengths must be > 0 mm")


@dataclass(frozen=True)
class OcrLimits:
    """Hostile or runaway files, and pages that send the engine into a spin."""

    # A TIFF of more frames than this is refused before one is read (as PdfLimits.max_pages).
    max_pages: int = 2000
    # A page image is never bigger than this: a larger page (a poster, the 200 × 200 inch page a
    # hostile PDF may declare: 1.6 gigapixels at 200 dpi) is read at a lower resolution, with a
    # warning. An A1 sheet at the working 200 dpi is 31 megapixels; reading a page of 32 takes
    # 7 s and 0.8 GB (64 take 16 s and 1.5 GB, too near a worker's memory limit).
    max_page_pixels: int = 32_000_000
    # Seconds the OCR of one page may take (None: no limit); past it the page is left unread.
    page_timeout_s: float | None = None

    def __post_init__(self) -> None:
        if self.max_pages < 1 or self.max_page_pixels < 1_000_000:
            raise ValueError("OcrLimits: max_pages must be ≥ 1 and max_page_pixels ≥ 1,000,000")
        if self.page_timeout_s is not None and not self.page_timeout_s > 0:
            raise ValueError("OcrLimits.page_timeout_s must be > 0 or None")


@dataclass(frozen=True)
class OcrSettings:
    # Resolution everything is read at. Tesseract's Thai reads as well at 200 dpi as at 300 and
    # in two thirds of the time; a 300 dpi scan is scaled down to it.
    dpi: int = 200
    # A page scanned at less than this is read flattened (`parsers.ocr.reader`): 150 dpi scans
    # of the samples 0.640 → 0.785 overall F1; at 200 dpi flattening costs 0.02.
    flatten_below_dpi: float = 180.0
    # The engine that reads the words: a name in `parsers.ocr.engine.ENGINES` or `module:factory`.
    engine: str = field(default_factory=lambda: os.environ.get(ENGINE_ENV) or "tesseract")
    languages: str = "tha+eng"  # without eng, Latin (ITA, IIT, EIT) comes out garbled
    tessdata: str = field(default_factory=lambda: os.environ.get("TESSDATA_PREFIX") or DEBIAN_TESSDATA)
    # Skew is searched within ± this many degrees (a sheet fed askew; not a page turned over).
    max_skew_deg: float = 4.0
    skew_step_deg: float = 0.1
    rules: RuleDetection = field(default_factory=RuleDetection)
    ruling: RulingSettings = SCAN_RULING
    lines: TextLineSettings = field(default_factory=TextLineSettings)
    # Words the engine is less sure of than this (0–100) are still kept, but the Thai-digit
    # reader re-reads every number whatever the engine's confidence.
    min_word_confidence: float = 0.0
    read_digits: bool = True
    # A page scanned sideways or upside down is turned upright when the engine's orientation
    # detection is at least this sure; 0 turns the check off.
    min_orientation_confidence: float = 2.0
    limits: OcrLimits = field(default_factory=OcrLimits)

    def __post_init__(self) -> None:
        if not 100 <= self.dpi <= 600:
            raise ValueError(f"OcrSettings.dpi must be in 100..600, got {self.dpi}")
        if not 0 <= self.max_skew_deg <= 15 or self.skew_step_deg <= 0:
            raise ValueError("OcrSettings: skew search must be within ±15° in steps > 0")
        if not 0 <= self.min_word_confidence <= 100:
            raise ValueError("OcrSettings.min_word_confidence must be in 0..100")
        if not self.languages:
            raise ValueError("OcrSettings.languages is empty")
        if not self.engine:
            raise ValueError("OcrSettings.engine is empty")


DEFAULT = OcrSettings()
