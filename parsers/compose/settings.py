"""Settings of the page builder, split by concern as pdfplumber splits its table settings, and
validated once when made.

Distances are in page points (1/72 inch) unless named `*_em`, which are in units of the line's
height, so that the same settings work for 14 pt table text and 20 pt titles.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any


def check_numbers(settings: Any) -> None:
    """Every number of a settings dataclass is ≥ 0 (booleans and nested settings aside)."""
    for f in fields(settings):
        value = getattr(settings, f.name)
        if isinstance(value, bool) or is_dataclass(value):
            continue
        if not isinstance(value, (int, float)) or value < 0:
            raise ValueError(f"{type(settings).__name__}.{f.name} must be a number ≥ 0, got {value!r}")


@dataclass(frozen=True)
class RulingSettings:
    """How ruling lines become tables (pdfplumber's edges → intersections → cells → tables)."""

    # Edges closer than `snap_tolerance` are one line; collinear pieces with gaps up to
    # `join_tolerance` are joined (Word draws a border as one segment per cell).
    snap_tolerance: float = 3.0
    join_tolerance: float = 3.0
    intersection_tolerance: float = 3.0
    min_edge_length: float = 3.0
    # A path thinner than this in one direction is a drawn line, not a shaded area.
    max_rule_thickness: float = 2.0
    # A table needs this many cells; fewer is a boxed paragraph or a ruled heading.
    min_table_cells: int = 2

    def __post_init__(self) -> None:
        check_numbers(self)


@dataclass(frozen=True)
class TextLineSettings:
    """How glyphs become lines, and gaps become spaces."""

    # Two glyphs are on one line when their boxes share this fraction of the lower one.
    line_overlap: float = 0.5
    # A gap between characters this much wider than the line's letter spacing is a word space
    # (producers position words without drawing space characters). A TH Sarabun space is about
    # 0.2 line heights.
    word_gap_em: float = 0.15

    def __post_init__(self) -> None:
        check_numbers(self)
        if not 0 < self.line_overlap <= 1:
            raise ValueError(f"TextLineSettings.line_overlap must be in (0, 1], got {self.line_overlap}")
