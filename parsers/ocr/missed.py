"""Table cells the page's reading left empty though print stands in them.

Tesseract's page layout can drop a whole run of short words that stand alone in their cells:
down a results list's grade column, `ผ่านดี` read in one row and in none of the nine below it.
A ruled cell with no word of the page's reading in it, but with ink enough for a word, is read
on its own, as a small page; its words join the page's words in page pixels, so the digit
reader and the cleanup treat them as any other. A dash alone is left to `marks.py` (read, it
can come out a digit); a tick too, but by its reading only (a `C` alone has a tick's shape
there, so a cell of one glyph, no mark and no digit is read as a Latin grade letter first:
Tesseract's Thai reads a lone C as ๐, เซ or ย).
"""
from __future__ import annotations

import numpy as np

from parsers.compose.ruling import TableCells
from parsers.ocr import digits
from parsers.ocr.cleanup import drop_mark_junk, is_misread_tick
from parsers.ocr.engine import OcrEngine, OcrWord
from parsers.ocr.marks import DASH, ink_pieces, mark_in
from parsers.ocr.shading import PAD, cell_boxes, read_cell, whitened
from thai.chars import THAI_DIGITS

# Pixels of each cell side left out: its (erased) rule's fringe.
_INSET = 3
_MARK_MM2 = 0.06  # a tone mark's ink is a tenth of a letter's
# Words the engine is less sure of than this are specks, not print.
_SURE_WORD = 50.0

Box = tuple[int, int, int, int]


def missed_cells(words: list[OcrWord], ink: np.ndarray, tables: list[TableCells], dpi: int) -> list[Box]:
    """Pixel boxes of the ruled cells holding ink enough for a word but no word of `words`."""
    out = []
    for box in cell_boxes(tables, dpi, _INSET):
        if any(w.centre_in(box) for w in words):
            continue
        crop = ink[box[1]:box[3], box[0]:box[2]]
        if ink_pieces(crop, dpi) and mark_in(crop, dpi) != DASH:
            out.append(box)
    return out


# The letters of the ITA grade scale: a cell holding one glyph that the English model reads
# surely as one of them holds that letter (a results list's grade column).
_GRADE_LETTERS = frozenset("ABCDEF")
_SURE_LETTER = 80.0
_SURE_EITHER_CASE = 35.0
_LETTER_PADS = (2, 4, 8)
_GIVE_UP_AFTER = 4
_EITHER_CASE = frozenset("C")


def _grade_letter(cell: np.ndarray, cell_ink: np.ndarray, box: Box, engine: OcrEngine,
                  dpi: int) -> OcrWord | None:
    # One glyph and nothing else: no mark over or under it (ที่ is one piece and its marks), and
    # no Thai digit but ๐ to the Thai-digit reader (a row number ๔ is no grade A; it reads a C
    # as an Arabic 2 or 6, and a round letter as a zero, which numbers no row).
    if len(ink_pieces(cell_ink, dpi)) != 1 or len(ink_pieces(cell_ink, dpi, _MARK_MM2)) != 1:
        return None
    number = digits.read_number(cell_ink) or ""
    if any(c in THAI_DIGITS and c != "๐" for c in number):
        return None
    ys, xs = np.nonzero(cell_ink)
    # The engine's reading of a lone glyph shifts with the white around it and the paper's grey:
    # the first sure reading of a few is taken; a glyph in which the first four readings see no
    # grade letter (a tick, a digit) is not read further.
    attempts = [(pad, whiten) for pad in _LETTER_PADS for whiten in (True, False)]
    seen_letter = False
    for n, (pad, whiten) in enumerate(attempts):
        if n == _GIVE_UP_AFTER and not seen_letter:
            return None
        y0, y1 = max(int(ys.min()) - pad, 0), int(ys.max()) + pad + 1
        x0, x1 = max(int(xs.min()) - pad, 0), int(xs.max()) + pad + 1
        crop = cell[y0:y1, x0:x1]
        text, confidence = engine.read_latin_letter(whitened(crop) if whiten else np.ascontiguousarray(crop))
        letters = set(text.upper())
        if len(letters) != 1 or not letters <= _GRADE_LETTERS:
            continue
        seen_letter = True
        letter = letters.pop()
        # C looks the same in both cases: the engine gives `Cc`, `c` or `C` at half its confidence.
        if confidence < (_SURE_EITHER_CASE if letter in _EITHER_CASE else _SURE_LETTER):
            continue
        return OcrWord.at_pixels(letter, (box[0] + x0, box[1] + y0, box[0] + x1, box[1] + y1), confidence, dpi)
    return None


def read_missed_cells(words: list[OcrWord], grey: np.ndarray, ink: np.ndarray,
                      tables: list[TableCells], engine: OcrEngine, dpi: int) -> list[OcrWord]:
    """`words` and the words of each missed cell, read alone: as one line where it is one
    (read as a small page, a lone short word is often not found at all), else word by word."""
    found: list[OcrWord] = []
    for box in missed_cells(words, ink, tables, dpi):
        cell = grey[box[1]:box[3], box[0]:box[2]]
        letter = _grade_letter(cell, ink[box[1]:box[3], box[0]:box[2]], box, engine, dpi)
        if letter is not None:
            found.append(letter)
            continue
        line = read_cell(cell, box[:2], engine, dpi)
        if line is not None:
            # A tick read as `/` or `v` is left to marks.py, which tells it by its shape.
            if not is_misread_tick(line.text):
                found.append(line)
            continue
        left, top = box[0] - PAD, box[1] - PAD
        for w in drop_mark_junk(engine.read_words(whitened(cell), dpi)):
            if w.confidence < _SURE_WORD:
                continue
            px = (w.pixels[0] + left, w.pixels[1] + top, w.pixels[2] + left, w.pixels[3] + top)
            found.append(OcrWord.at_pixels(w.text, px, w.confidence, dpi))
    return words + found
