"""Marks standing alone in table cells: the ✓ and - of status tables, which Tesseract drops.

Tesseract's page layout throws away a small isolated mark as noise, so a status table
(`ยังไม่ดำเนินการ | อยู่ระหว่างดำเนินการ | ดำเนินการเรียบร้อยแล้ว`) comes out with every cell
empty. A cell left empty by OCR is looked at directly: one piece of ink in it, long and flat,
is a dash; one about a letter's size, mostly empty inside, is a check mark. Anything else
(a letter Tesseract missed, a stain) is left alone.
"""
from __future__ import annotations

import cv2
import numpy as np

from parsers.layout import Table

TICK = "✓"
DASH = "-"

# Sizes in millimetres on the page: a check mark is about a letter's height; a speck is less.
_MIN_MARK_MM = 0.8
_MAX_MARK_MM = 8.0
_MIN_AREA_MM2 = 0.3


def _mm(pixels: float, dpi: int) -> float:
    return pixels * 25.4 / dpi


def ink_pieces(crop: np.ndarray, dpi: int, min_mm2: float = _MIN_AREA_MM2) -> list[np.ndarray]:
    """The stats (x, y, width, height, area) of each piece of ink (255 on 0) of `min_mm2` or
    more: by default the size of a letter's part, larger than a speck.

    >>> cell = np.zeros((40, 80), np.uint8); cell[10:20, 10:14] = cell[10:20, 30:34] = 255
    >>> len(ink_pieces(cell, 200))
    2
    """
    count, _, stats, _ = cv2.connectedComponentsWithStats(crop, connectivity=8)
    mm2 = (25.4 / dpi) ** 2
    return [s for s in stats[1:count] if s[cv2.CC_STAT_AREA] * mm2 >= min_mm2]


def mark_in(crop: np.ndarray, dpi: int) -> str | None:
    """The mark alone in a cell's ink (255 on 0): TICK, DASH, or None.

    >>> import numpy as np
    >>> cell = np.zeros((60, 120), np.uint8); cell[30:33, 40:70] = 255
    >>> mark_in(cell, 200)
    '-'
    >>> cell = np.zeros((60, 120), np.uint8)
    >>> for i in range(10): cell[30 + i, 40 + i] = cell[30 + i, 41 + i] = 255
    >>> for i in range(20): cell[39 - i, 50 + i] = cell[39 - i, 51 + i] = 255
    >>> mark_in(cell, 200)
    '✓'
    """
    pieces = ink_pieces(crop, dpi)
    if len(pieces) != 1:
        return None
    x, y, w, h, area = (int(v) for v in pieces[0])
    width, height = _mm(w, dpi), _mm(h, dpi)
    if max(width, height) > _MAX_MARK_MM or max(width, height) < _MIN_MARK_MM:
        return None
    if width >= 2.5 * height and height <= 1.0:
        return DASH
    # A check mark is two thin diagonal strokes: its box is mostly paper.
    if 0.5 <= width / max(height, 1e-6) <= 2.5 and area <= 0.45 * w * h:
        return TICK
    return None


def mark_empty_cells(table: Table, binary: np.ndarray, dpi: int) -> None:
    """Fill each cell OCR left empty with the mark drawn in it, if it holds one."""
    to_px = dpi / 72
    inset = max(2, round(0.6 * dpi / 25.4))  # keep off the (erased) borders' fringe
    for row in table.grid:
        for cell in row:
            if cell.merged_into is not None or not cell.is_empty or cell.prov.bbox is None:
                continue
            x0, top, x1, bottom = (round(v * to_px) for v in cell.prov.bbox)
            crop = binary[top + inset:bottom - inset, x0 + inset:x1 - inset]
            if crop.size == 0:
                continue
            mark = mark_in(crop, dpi)
            if mark is not None:
                cell.paragraphs = [mark]
