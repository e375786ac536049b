"""Settings of the PDF text-layer reader, split by concern and validated once when made.

How ruling lines become tables and glyphs become lines is the page builder's
(`parsers.compose.settings`); what is the PDF reader's own is when a text layer is trusted
(`TextLayerChecks`) and how much of a hostile file it reads (`PdfLimits`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from parsers.compose.settings import RulingSettings, TextLineSettings, check_numbers


@dataclass(frozen=True)
class TextLayerChecks:
    """When a page's text layer is trusted, and when it goes to OCR instead."""

    # A page whose text is less than this share of readable characters needs OCR.
    min_readable_share: float = 0.85
    # Fewer printed characters than this and the page holds no text layer worth trusting.
    min_page_chars: int = 20

    def __post_init__(self) -> None:
        check_numbers(self)
        if not 0 <= self.min_readable_share <= 1:
            raise ValueError("TextLayerChecks.min_readable_share must be in [0, 1]")


@dataclass(frozen=True)
class PdfLimits:
    """Hostile or runaway files: what this reader refuses, and the memory it may hold."""

    # ITA reports have fewer than 200 pages; a PDF of more than `max_pages` is refused before
    # any page is read (3,000 blank pages take 10 s and an office's merged archive of reports
    # hours).
    max_pages: int = 2000
    # An image on a page to be OCR'd declaring more pixels than this is a decompression bomb
    # (60,000² grey pixels are 3.6 GB behind 3.5 MB of deflate), not a scan: an A1 sheet at
    # 400 dpi is 120 megapixels. The same limit Pillow puts on image files.
    max_image_pixels: int = 178_956_970
    # Characters of the pages read so far kept in memory while the font profile is made (it
    # needs the whole document); past this the rest are read again page by page, so that a
    # long document costs time, not memory. About 280 bytes each: a million is 280 MB, and a
    # dense 200-page report 600,000 characters.
    max_chars_held: int = 1_000_000

    def __post_init__(self) -> None:
        check_numbers(self)
        if self.max_pages < 1 or self.max_image_pixels < 1:
            raise ValueError("PdfLimits.max_pages and max_image_pixels must be at least 1")


@dataclass(frozen=True)
class PdfSettings:
    ruling: RulingSettings = field(default_factory=RulingSettings)
    lines: TextLineSettings = field(default_factory=TextLineSettings)
    checks: TextLayerChecks = field(default_factory=TextLayerChecks)
    limits: PdfLimits = field(default_factory=PdfLimits)
    # Repair the Thai text layer (sara am, sara aa, digits, spacing, mark order).
    repair: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.repair, bool):
            raise ValueError(f"PdfSettings.repair must be True or False, got {self.repair!r}")


DEFAULT = PdfSettings()
