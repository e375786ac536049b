"""Tunable thresholds of the PDF text-layer extractor, validated once when made.

Distances are in PDF points (1/72 inch) unless named `*_em`, which are in units of the line's
height, so that the same settings work for 14 pt table text and 20 pt titles.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class PdfSettings:
    # Ruling lines: edges closer than `snap_tolerance` are one line; collinear pieces with gaps up
    # to `join_tolerance` are joined (Word draws a border as one segment per cell).
    snap_tolerance: float = 3.0
    join_tolerance: float = 3.0
    intersection_tolerance: float = 3.0
    min_edge_length: float = 3.0
    # A path thinner than this in one direction is a drawn line, not a shaded area.
    max_rule_thickness: float = 2.0
    # Two characters are on one line when their boxes share this fraction of the lower one.
    line_overlap: float = 0.5
    # A gap between characters this much wider than the line's letter spacing is a word space
    # (producers position words without drawing space characters). A TH Sarabun space is about
    # 0.2 line heights.
    word_gap_em: float = 0.15
    # A table needs this many cells; fewer is a boxed paragraph or a ruled heading.
    min_table_cells: int = 2
    # Repair the Thai text layer (sara am, sara aa, digits, spacing, mark order).
    repair: bool = True
    # A page whose text is less than this share of readable characters needs OCR.
    min_readable_share: float = 0.85
    # Fewer printed characters than this and the page holds no text layer worth trusting.
    min_page_chars: int = 20
    # Hostile or runaway files. ITA reports have fewer than 200 pages; a PDF of more than
    # `max_pages` is refused before any page is read (3,000 blank pages take 10 s and an office's
    # merged archive of reports hours).
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
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool):
                continue
            if not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"PdfSettings.{f.name} must be a number ≥ 0, got {value!r}")
        if not 0 < self.line_overlap <= 1:
            raise ValueError(f"PdfSettings.line_overlap must be in (0, 1], got {self.line_overlap}")
        if self.max_pages < 1 or self.max_image_pixels < 1:
            raise ValueError("PdfSettings.max_pages and max_image_pixels must be at least 1")
        if not 0 <= self.min_readable_share <= 1:
            raise ValueError("PdfSettings.min_readable_share must be in [0, 1]")


DEFAULT = PdfSettings()
