"""Shaded table cells read on their own: header rows printed on grey.

On a whole page Tesseract often finds nothing, or junk, on a grey cell of a scan (`ตัวชี้วัด`
lost, `ผู้รับผิดชอบ` read as `ดชอบ`, `4๙ 6` for a heading), and a continued table whose
repeated header is lost no longer joins the page before it, so its owner column goes unnamed.
Cut out and whitened (divided by its own grey), the same cell reads cleanly as one line; that
line then replaces what the page's reading put there. A cell of several lines keeps the page's
reading (read alone, its lines come out no better).
"""
from __future__ import annotations

import cv2
import numpy as np

from parsers.compose.ruling import TableCells
from parsers.ocr.cleanup import drop_mark_junk
from parsers.ocr.engine import OcrEngine, OcrWord

# A cell is shaded when its paper is this many grey levels darker than the page's.
_SHADE_LEVELS = 15
# Pixels of each cell side left out (its rule and the rule's blur), and of white put around it.
_INSET = 2
PAD = 12
# A one-line reading is kept when the engine is at least this sure of it (0-100).
_SURE_LINE = 80.0


def cell_boxes(tables: list[TableCells], dpi: int, inset: int) -> list[tuple[int, int, int, int]]:
    """The pixel boxes (x0, y0, x1, y1) of the tables' cells, `inset` pixels of each side (the
    rule and its blur) left out; a cell too small for that is left out."""
    scale = dpi / 72
    boxes = [(int(x0 * scale) + inset, int(top * scale) + inset, int(x1 * scale) - inset, int(bottom * scale) - inset)
             for table in tables for x0, top, x1, bottom in table.cells]
    return [b for b in boxes if b[2] > b[0] and b[3] > b[1]]


def shaded_cells(grey: np.ndarray, tables: list[TableCells], dpi: int) -> list[tuple[int, int, int, int]]:
    """The pixel boxes (x0, y0, x1, y1, rules left out) of the cells printed on grey."""
    paper = float(np.median(grey))
    out = []
    for box in cell_boxes(tables, dpi, _INSET):
        cell = grey[box[1]:box[3], box[0]:box[2]]
        if cell.size and _paper_of(cell) < paper - _SHADE_LEVELS:
            out.append(box)
    return out


def _paper_of(cell: np.ndarray) -> float:
    # Print covers well under a quarter of a cell: its lighter quarter is the paper.
    return float(np.percentile(cell, 75))


def whitened(cell: np.ndarray) -> np.ndarray:
    """The cell's grey divided by its paper, so the paper is white, with white around it.

    >>> int(whitened(np.full((4, 4), 200, np.uint8))[PAD:-PAD, PAD:-PAD].min())
    255
    """
    white = np.clip(cell.astype(np.float32) * (255.0 / max(_paper_of(cell), 1.0)), 0, 255)
    return cv2.copyMakeBorder(white.astype(np.uint8), PAD, PAD, PAD, PAD, cv2.BORDER_CONSTANT,
                              value=255)


# Words the engine is less sure of than this are specks on the grey, not lines of print.
_SPECK = 50.0


def _one_line(words: list[OcrWord]) -> bool:
    """Whether `words` stand on one line: each overlaps the tallest by half its own height."""
    if not words:
        return True
    tallest = max(words, key=lambda w: w.pixels[3] - w.pixels[1])
    return all(min(w.pixels[3], tallest.pixels[3]) - max(w.pixels[1], tallest.pixels[1])
               >= 0.5 * (w.pixels[3] - w.pixels[1]) for w in words)


def read_cell(cell: np.ndarray, origin: tuple[int, int], engine: OcrEngine,
              dpi: int) -> OcrWord | None:
    """The one line of print of a shaded cell (grey pixels `cell` at page pixel `origin`), as one
    word in page pixels and points; None when the cell holds more than one line, or the engine
    is not sure of it (the page's reading of it is kept then)."""
    image = whitened(cell)
    left, top = origin[0] - PAD, origin[1] - PAD
    # The cell read as a small page says where its print is and whether it is one line.
    printed = [w for w in drop_mark_junk(engine.read_words(image, dpi)) if w.confidence >= _SPECK]
    if not _one_line(printed):
        return None
    text, confidence = engine.read_line(image, dpi)
    if not text or confidence < _SURE_LINE:
        return None
    if printed:
        box = (min(w.pixels[0] for w in printed) + left, min(w.pixels[1] for w in printed) + top,
               max(w.pixels[2] for w in printed) + left, max(w.pixels[3] for w in printed) + top)
    else:
        box = (origin[0], origin[1], origin[0] + cell.shape[1], origin[1] + cell.shape[0])
    return OcrWord.at_pixels(text, box, round(confidence, 2), dpi)


def reread_shaded_cells(words: list[OcrWord], grey: np.ndarray,
                        cells: list[tuple[int, int, int, int]], engine: OcrEngine,
                        dpi: int) -> list[OcrWord]:
    """`words` with the words of each shaded cell (those centred in it) replaced by the cell's
    own reading."""
    if not cells:
        return words

    read = {box: read_cell(grey[box[1]:box[3], box[0]:box[2]], box[:2], engine, dpi) for box in cells}
    lines = {box: word for box, word in read.items() if word is not None}
    out: list[OcrWord] = []
    placed: set[tuple[int, int, int, int]] = set()
    for w in words:
        box = next((b for b in lines if w.centre_in(b)), None)
        if box is None:
            out.append(w)
        elif box not in placed:  # the cell's line stands where the page's reading had its first word
            out.append(lines[box])
            placed.add(box)
    out.extend(word for box, word in lines.items() if box not in placed)
    return out
