"""Lines of print the page's reading dropped beside a picture.

Tesseract's page layout can take a short line of print standing beside a picture for part of
the picture and read none of it: a letter's `ที่ พล ๐๐๒๓.๑/ว` under the Garuda, its handwritten
running number reaching towards the bird, is not in the page's words at all (while the same
page rendered a pixel narrower, or read by the `tesseract` command, gives it). The page's own
lines say where print starts: a row of letter-sized ink that no word covers and that begins at
the page's left margin (where lines the page did read begin) is read on its own, from its own
ink only (the picture's pieces beside it left out), as a small page. Its words join the page's
words only when the engine is sure of them, so a stamp or a scribble at the margin adds nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import cv2
import numpy as np

from parsers.ocr.cleanup import PRINTED_LATIN, drop_mark_junk, read_again_in_thai
from parsers.ocr.engine import OcrEngine, OcrWord

# Sizes in millimetres on the page.
_SPECK_MM2 = 0.15  # less ink than a tone mark's: dust
_MAX_LETTER_MM = 8.0  # taller or wider: a picture, a signature's flourish, a rule
_COVER_PAD_MM = 1.0  # ink this near a read word is that word's (its marks, its blur)
_ROW_GAP_MM = 0.3  # blank rows a line's ink may have (between a letter and the mark above it)
_WORD_GAP_MM = 8.0  # farther apart along a row: another line (a stamp at the same height)
_MARGIN_MM = 2.5  # a line starts at the margin when it starts this near where read lines do
_MIN_PIECES = 3  # a word of print is more than two pieces of ink (`ที่` alone is three)
_MIN_WIDTH_MM = 6.0
_PAD = 20  # white pixels put around the line's ink
_CHUNK = 256  # words compared with all the others at once
# A dropped line is kept when the engine is this sure of one of its words; its words this sure
# of or more are kept.
_SURE_LINE = 80.0
_SURE_WORD = 50.0

Box = tuple[int, int, int, int]


def _px(mm: float, dpi: int) -> float:
    return mm * dpi / 25.4


@dataclass(frozen=True)
class _Piece:
    label: int
    box: Box

    @property
    def centre(self) -> tuple[float, float]:
        return (self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2


def _covered(words: list[OcrWord], shape: tuple[int, ...], dpi: int) -> np.ndarray:
    pad = round(_px(_COVER_PAD_MM, dpi))
    covered = np.zeros(shape[:2], bool)
    for w in words:
        x0, y0, x1, y1 = w.pixels
        covered[max(0, y0 - pad):y1 + pad, max(0, x0 - pad):x1 + pad] = True
    return covered


def _uncovered_pieces(words: list[OcrWord], labels: np.ndarray, stats: np.ndarray,
                      dpi: int) -> list[_Piece]:
    covered = _covered(words, labels.shape, dpi)
    mm2 = (25.4 / dpi) ** 2
    most = _px(_MAX_LETTER_MM, dpi)
    out = []
    for label in range(1, len(stats)):
        x, y, width, height, area = (int(v) for v in stats[label])
        if area * mm2 < _SPECK_MM2 or height > most or width > most:
            continue
        piece = _Piece(label, (x, y, x + width, y + height))
        cx, cy = piece.centre
        if not covered[int(cy), int(cx)]:
            out.append(piece)
    return out


def _rows(pieces: list[_Piece], height: int, dpi: int) -> list[list[_Piece]]:
    """The pieces in bands of ink rows (a band: rows with ink, gaps of less than `_ROW_GAP_MM`),
    each band cut where its pieces stand more than `_WORD_GAP_MM` apart."""
    inked = np.zeros(height + 1, bool)
    for p in pieces:
        inked[p.box[1]:p.box[3]] = True
    band_of = np.full(height + 1, -1)
    gap, band, last = round(_px(_ROW_GAP_MM, dpi)), -1, 0
    for y in np.flatnonzero(inked):
        if band < 0 or y - last > gap + 1:
            band = int(y)
        band_of[y], last = band, int(y)
    bands: dict[int, list[_Piece]] = {}
    for p in pieces:
        bands.setdefault(int(band_of[int(p.centre[1])]), []).append(p)
    apart = _px(_WORD_GAP_MM, dpi)
    out = []
    for members in bands.values():
        members.sort(key=lambda p: p.box[0])
        row, right = [members[0]], members[0].box[2]
        for p in members[1:]:
            if p.box[0] - right > apart:
                out.append(row)
                row = []
            row.append(p)
            right = max(right, p.box[2])
        out.append(row)
    return out


def _line_starts(words: list[OcrWord]) -> list[int]:
    """The left pixel edge of each word that begins a line (no word to its left at its height).

    >>> word = lambda x0, x1, y0=100: OcrWord.at_pixels("ก", (x0, y0, x1, y0 + 40), 90, 200)
    >>> _line_starts([word(240, 300), word(320, 400), word(241, 330, 160)])
    [240, 241]
    """
    if not words:
        return []
    x0, y0, x1, y1 = np.array([w.pixels for w in words], dtype=np.int32).T
    starts: list[int] = []
    for at in range(0, len(words), _CHUNK):  # a results list's page has thousands of words
        i = slice(at, at + _CHUNK)
        overlap = np.minimum(y1[i, None], y1[None, :]) - np.maximum(y0[i, None], y0[None, :])
        height = np.minimum((y1 - y0)[i, None], (y1 - y0)[None, :])
        # [i, j]: word j stands left of word i, at its height (a word is not left of itself)
        left_of = (x1[None, :] <= x0[i, None] + 1) & (2 * overlap > height)
        starts += [int(x) for x in x0[i][~left_of.any(axis=1)]]
    return starts


def _at_margin(row: list[_Piece], starts: list[int], dpi: int) -> bool:
    left = min(p.box[0] for p in row)
    near = _px(_MARGIN_MM, dpi)
    return sum(abs(left - s) <= near for s in starts) >= 2


_LATIN_WORD = re.compile(r"[A-Za-z]{1,4}")
_WORD_PAD = 8


def _in_thai(word: OcrWord, image: np.ndarray, engine: OcrEngine) -> OcrWord:
    """A short Latin word of a dropped row read again by the Thai model alone: a line read on its
    own has no Thai neighbours to sway the engine, and its first words come out Latin (`NWA` for
    `ที่ พล`). The Thai reading is kept where the engine is at least as sure of it; it may hold a
    space (two Thai words the Latin reading ran together)."""
    if not _LATIN_WORD.fullmatch(word.text) or word.text.upper() in PRINTED_LATIN:
        return word
    return read_again_in_thai(word, image, engine, pad=_WORD_PAD, one_word=False)


def _read_row(row: list[_Piece], grey: np.ndarray, labels: np.ndarray, engine: OcrEngine,
              dpi: int) -> list[OcrWord]:
    x0, y0 = min(p.box[0] for p in row), min(p.box[1] for p in row)
    x1, y1 = max(p.box[2] for p in row), max(p.box[3] for p in row)
    # The row's own ink with its blur (a pixel around it), on white: no piece of the picture
    # beside it, which is what made the page's reading drop it.
    own = cv2.dilate(np.isin(labels[y0:y1, x0:x1], [p.label for p in row]).astype(np.uint8),
                     np.ones((3, 3), np.uint8)).astype(bool)
    image = np.full((y1 - y0 + 2 * _PAD, x1 - x0 + 2 * _PAD), 255, np.uint8)
    image[_PAD:_PAD + y1 - y0, _PAD:_PAD + x1 - x0][own] = grey[y0:y1, x0:x1][own]
    words = [_in_thai(w, image, engine) for w in drop_mark_junk(engine.read_words(image, dpi))]
    # One word read surely makes the row print; a stroke or a stain reads as none.
    if not any(w.confidence >= _SURE_LINE for w in words):
        return []
    left, top = x0 - _PAD, y0 - _PAD
    return [OcrWord.at_pixels(w.text, (w.pixels[0] + left, w.pixels[1] + top,
                                       w.pixels[2] + left, w.pixels[3] + top), w.confidence, dpi)
            for w in words if w.confidence >= _SURE_WORD]


def read_dropped_lines(words: list[OcrWord], grey: np.ndarray, ink: np.ndarray, engine: OcrEngine,
                       dpi: int) -> list[OcrWord]:
    """`words` and the sure words of each line of print at the margin that no word covers
    (`grey`: the page as read; `ink`: its ink, 255 on 0, the tables' rules erased)."""
    starts = _line_starts([w for w in words if w.confidence >= _SURE_WORD])
    if len(starts) < 2:
        return words
    _count, labels, stats, _centres = cv2.connectedComponentsWithStats(ink, connectivity=8)
    found: list[OcrWord] = []
    for row in _rows(_uncovered_pieces(words, labels, stats, dpi), ink.shape[0], dpi):
        width = max(p.box[2] for p in row) - min(p.box[0] for p in row)
        if len(row) >= _MIN_PIECES and width >= _px(_MIN_WIDTH_MM, dpi) and _at_margin(row, starts, dpi):
            found += _read_row(row, grey, labels, engine, dpi)
    return words + found
