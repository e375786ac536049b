"""The Thai-digit reader: numbers re-read glyph by glyph, where Tesseract cannot read them.

Tesseract's Thai model reads ๔ ๖ ๗ ๘ ๙ as other digits (`๙๐.๗๙` → `๕๐.๕๑`), so every word in
which it saw a digit is read again here: the word's ink is cut into glyphs (connected pieces),
dots and dashes are told by their size and place, and every other glyph goes to a small neural
classifier (one hidden layer, numpy only) trained on synthetic prints of ๐–๙, 0–9 and `/` in
several fonts, with Thai letters and marks as a class of their own so that a word's letters are
told apart from its digits (`scripts/train_digit_reader.py`; weights in `models/digits.npz`).

    >>> from parsers.ocr.synthetic import Print, render
    >>> from parsers.ocr.preprocess import ink
    >>> style = Print("/usr/share/fonts/truetype/tlwg/Laksaman.ttf", 16, 300)
    >>> read_number(ink(render("๙๐.๗๙", style)))
    '๙๐.๗๙'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

import cv2
import numpy as np

from parsers.ocr.cleanup import PRINTED_LATIN, is_misread_tick
from parsers.ocr.digit_model import Model, model
from parsers.ocr.engine import OcrWord
from parsers.ocr.marks import DASH, mark_in
from parsers.ocr.settings import DIGIT_MODEL_PATH
from thai.chars import ARABIC_DIGITS, THAI_DIGITS

MODEL_PATH = DIGIT_MODEL_PATH  # where scripts/train_digit_reader.py writes the weights
GLYPH_SIZE = 20  # a glyph is scaled into a square of this many pixels
REJECT = "?"  # the class of everything that is not a digit: Thai letters and marks
DIGIT_CHARS = THAI_DIGITS + ARABIC_DIGITS
CLASSES = DIGIT_CHARS + "/" + REJECT
# Characters Tesseract writes for Thai digits it misreads (ฒ ณ for ๗ ๘, « for ๙ ...): a word
# holding digits and these is a number the reader must look at.
_NUMBER_LIKE = re.compile(r"[๐-๙0-9][๐-๙0-9.,/\-«»ฒณฌ]*|[.«»ฒณฌ][๐-๙0-9][๐-๙0-9.,/\-«»ฒณฌ]*")


@dataclass(frozen=True)
class Glyph:
    x0: int
    y0: int
    x1: int
    y1: int
    pixels: np.ndarray  # its own ink, 255 on 0, cut to its box
    # Cut by the crop's left or right side: part of a neighbour, never read as a digit.
    partial: bool = False

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    @property
    def width(self) -> int:
        return self.x1 - self.x0


def glyphs(binary: np.ndarray) -> list[Glyph]:
    """The connected pieces of ink, left to right; pieces close one above the other (a glyph
    broken by a light scan, a letter and its marks) are one glyph."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    boxes = [[int(x), int(y), int(x + w), int(y + h), [i]] for i, (x, y, w, h, area) in
             enumerate(stats) if i > 0 and area >= 2]
    boxes.sort(key=lambda b: b[0])
    merged: list[list] = []
    for box in boxes:
        if merged:
            last = merged[-1]
            overlap = min(last[2], box[2]) - max(last[0], box[0])
            narrower = min(last[2] - last[0], box[2] - box[0])
            # Close above or below: a mark of the line above or below is further away.
            gap = max(box[1] - last[3], last[1] - box[3])
            if overlap > 0.6 * narrower and gap <= 0.3 * max(last[3] - last[1], box[3] - box[1]):
                last[0], last[1] = min(last[0], box[0]), min(last[1], box[1])
                last[2], last[3] = max(last[2], box[2]), max(last[3], box[3])
                last[4].extend(box[4])
                continue
        merged.append(box)
    out = []
    for x0, y0, x1, y1, ids in merged:
        cut = np.isin(labels[y0:y1, x0:x1], ids).astype(np.uint8) * 255
        out.append(Glyph(x0, y0, x1, y1, cut, partial=x0 == 0 or x1 == binary.shape[1]))
    top, height = reference(out)
    edge = binary.shape[0]
    # A small piece cut by the crop's top or bottom, or one wholly above or below the line's
    # band, is a mark of the line above or below (a line's own marks are merged into letters).
    out = [g for g in out if not ((g.y0 == 0 or g.y1 == edge) and g.height < 0.5 * height)
           and g.y0 < top + height + 2 and g.y1 > top - 2]
    return [_trim_to_line(g, top, height, edge) for g in out]


def _trim_to_line(glyph: Glyph, top: int, height: int, crop_height: int) -> Glyph:
    """A glyph that runs out of the crop, far taller than the line, is touching a letter of the
    line above or below (a light scan's bleed): only its part in the line's band is kept."""
    if glyph.height <= 1.5 * height or (glyph.y0 > 0 and glyph.y1 < crop_height):
        return glyph
    a = max(top - height // 4 - glyph.y0, 0)
    b = min(top + height + height // 4 - glyph.y0, glyph.height)
    trimmed = _ink_of(glyph.x0, glyph.y0 + a, glyph.pixels[a:b])
    return replace(trimmed, partial=glyph.partial) if trimmed else glyph


def _ink_of(x0: int, y0: int, pixels: np.ndarray) -> Glyph | None:
    """The glyph of the ink in `pixels` (placed at x0, y0), cut to its box; None if blank."""
    rows = np.flatnonzero(pixels.any(axis=1))
    cols = np.flatnonzero(pixels.any(axis=0))
    if rows.size == 0:
        return None
    return Glyph(x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1,
                 pixels[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1])


def halves(glyph: Glyph, cut: int | None = None) -> list[Glyph]:
    """The piece cut in two at column `cut` (default: where least ink crosses its middle);
    [glyph] when nothing is left on one side.

    Only the bridge in that column is cut: each side keeps its whole connected ink, so a
    slash leaning under the digit beside it goes with the slash, not with the digit."""
    if cut is None:
        cuts = cut_columns(glyph)
        if not cuts:
            return [glyph]
        cut = cuts[0]
    bridged = glyph.pixels.copy()
    bridged[:, cut] = 0
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(bridged, connectivity=8)
    left = np.zeros_like(bridged)
    right = np.zeros_like(bridged)
    for i in range(1, count):
        side = left if centroids[i][0] < cut else right
        side[labels == i] = 255
    pieces = [p for p in (_ink_of(glyph.x0, glyph.y0, left), _ink_of(glyph.x0, glyph.y0, right))
              if p is not None]
    return pieces if len(pieces) == 2 else [glyph]


def cut_columns(glyph: Glyph, count: int = 3) -> list[int]:
    """Up to `count` columns in the middle of the piece where least ink crosses it, least
    first, at least two pixels apart."""
    columns = (glyph.pixels > 0).sum(axis=0)
    lo, hi = int(0.25 * glyph.width), int(0.75 * glyph.width)
    chosen: list[int] = []
    for c in sorted(range(lo, hi), key=lambda c: (columns[c], abs(c - glyph.width / 2))):
        if all(abs(c - o) >= 2 for o in chosen):
            chosen.append(c)
        if len(chosen) == count:
            break
    return chosen


def features(glyph: Glyph, ref_top: int, ref_height: int) -> np.ndarray:
    """The glyph scaled into a square (aspect kept), with its shape and place on the line."""
    h, w = glyph.pixels.shape
    side = max(h, w)
    square = np.zeros((side, side), dtype=np.uint8)
    square[(side - h) // 2:(side - h) // 2 + h, (side - w) // 2:(side - w) // 2 + w] = glyph.pixels
    small = cv2.resize(square, (GLYPH_SIZE, GLYPH_SIZE), interpolation=cv2.INTER_AREA)
    ref = max(ref_height, 1)
    shape = [np.log(max(w, 1) / max(h, 1)), h / ref, ((glyph.y0 + glyph.y1) / 2 - ref_top) / ref - 0.5]
    return np.concatenate([small.astype(np.float32).ravel() / 255.0, np.asarray(shape, np.float32)])


def reference(parts: list[Glyph]) -> tuple[int, int]:
    """Top and height of the line's digits: the tall pieces' band (marks and dots are lower).

    Tall is measured against the 80th percentile, not the tallest: a crop can catch a letter
    joined to the line below, or the stroke of a signature, twice the digits' height."""
    if not parts:
        return 0, 1
    tallest = float(np.percentile([g.height for g in parts], 80))
    tall = [g for g in parts if g.height >= 0.6 * tallest]
    top = int(np.median([g.y0 for g in tall]))
    bottom = int(np.median([g.y1 for g in tall]))
    return top, max(bottom - top, 1)


def punctuation(glyph: Glyph, ref_top: int, ref_height: int) -> str | None:
    """A dot, comma or dash, told by size and place; None for anything else."""
    h, w = glyph.height, glyph.width
    if h > 0.45 * ref_height or w > 1.2 * ref_height:
        return None
    mid = (glyph.y0 + glyph.y1) / 2 - ref_top
    if w >= 1.6 * h and w >= 0.25 * ref_height and 0.25 * ref_height <= mid <= 0.8 * ref_height:
        return "-"
    if w <= 0.45 * ref_height and glyph.y0 >= ref_top + 0.55 * ref_height:
        return "," if glyph.y1 > ref_top + ref_height + 0.2 * ref_height else "."
    return None


@dataclass(frozen=True)
class Reading:
    glyph: Glyph
    char: str  # a digit, `/`, `.`, `,`, `-`, or REJECT
    sure: float  # the classifier's probability; 1.0 for dots and dashes told by their shape


# A piece this much wider than the digits' height, that the classifier is not sure of, is tried
# as two glyphs touching.
_WIDE = 1.1
_DOUBT = 0.9


def read_glyphs(parts: list[Glyph]) -> list[Reading]:
    """One reading per glyph, left to right; a wide piece read in doubt is split in two when
    both halves read surely as digits."""
    top, height = reference(parts)
    return [r for g in parts for r in _read_piece(g, top, height, model())]


# A piece of ink this small beside a glyph's own (a share of its area) is a speck of the scan,
# not a mark: the smallest Thai tone mark is some 7% of its letter.
_SPECK_SHARE = 0.03


def without_specks(glyph: Glyph) -> Glyph | None:
    """The glyph's largest piece alone, when every other piece merged into it is a speck;
    None when it has no specks to lose."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(glyph.pixels, connectivity=8)
    if count <= 2:
        return None
    areas = stats[1:, cv2.CC_STAT_AREA]
    main = int(areas.argmax())
    if any(a > _SPECK_SHARE * areas[main] for i, a in enumerate(areas) if i != main):
        return None
    pixels = np.where(labels == main + 1, 255, 0).astype(np.uint8)
    found = _ink_of(glyph.x0, glyph.y0, pixels)
    return replace(found, partial=glyph.partial) if found else None


def _read_piece(glyph: Glyph, top: int, height: int, m: Model) -> list[Reading]:
    if glyph.partial:
        return [Reading(glyph, REJECT, 1.0)]
    rule = punctuation(glyph, top, height)
    if rule is not None:
        return [Reading(glyph, rule, 1.0)]
    p = m.probabilities(features(glyph, top, height)[None])[0]
    best = int(p.argmax())
    whole = Reading(glyph, m.classes[best], float(p.max()))
    if whole.char == REJECT or whole.sure < _DOUBT:
        # A speck under a ๔ gives it a tail no digit has: read without it.
        clean = without_specks(glyph)
        if clean is not None:
            return _read_piece(clean, top, height, m)
    too_wide = glyph.width > m.max_aspect[best] * max(glyph.height, 1)
    if (glyph.width > _WIDE * height or too_wide) and glyph.height >= 0.5 * height:
        # The surest of a few cuts. Kept when every part reads surely as a digit, and more
        # surely than the whole unless the whole is wider than its digit ever is: a wide ๓
        # or ๐ cut in two gives shapes no digit has.
        best_split, best_sure = None, _DOUBT
        for cut in cut_columns(glyph):
            pieces = halves(glyph, cut)
            if len(pieces) < 2:
                continue
            split = [r for piece in pieces for r in _read_piece(piece, top, height, m)]
            sure = min(r.sure for r in split)
            if all(r.char in DIGIT_CHARS + "/" for r in split) and sure >= best_sure:
                best_split, best_sure = split, sure
        if best_split is not None and (whole.char == REJECT or too_wide or best_sure > whole.sure):
            return best_split
    return [whole]


# Glyphs further apart than the print's own letter spacing by this share of the digits' height
# are two words (a space). Monospaced digits stand far apart, so the spacing is measured.
_SPACE_EM = 0.35


def runs(chars: list[str], parts: list[Glyph]) -> list[tuple[int, int]]:
    """Each stretch of digits and number punctuation that holds a digit, as (start, end), split
    at rejected glyphs and at spaces."""
    _, height = reference(parts)
    gaps = sorted(b.x0 - a.x1 for a, b in zip(parts, parts[1:]))
    letter_gap = max(gaps[len(gaps) // 4], 0) if gaps else 0
    space = letter_gap + _SPACE_EM * height
    out, start = [], None
    for i in range(len(chars) + 1):
        # A dot sits alone in a monospaced digit's cell: no space is judged next to one.
        ends = i == len(chars) or chars[i] == REJECT or (
            start is not None and parts[i].x0 - parts[i - 1].x1 > space
            and chars[i] not in ".,/-" and chars[i - 1] not in ".,/-")
        if ends and start is not None:
            s, e = start, i
            # A dot or dash at either end is the sentence's, not the number's.
            while s < e and chars[s] in ".,-/":
                s += 1
            while e > s and chars[e - 1] in ",-/":
                e -= 1
            if any(c in DIGIT_CHARS for c in chars[s:e]):
                out.append((s, e))
            start = None
        if i < len(chars) and chars[i] != REJECT and start is None:
            start = i
    return out


def number_run(chars: list[str], parts: list[Glyph]) -> tuple[int, int]:
    """The longest run (see `runs`), or (0, 0)."""
    return max(runs(chars, parts), key=lambda r: r[1] - r[0], default=(0, 0))


def read_number(binary: np.ndarray) -> str | None:
    """The number printed in a binary crop (ink 255), or None when it holds no digits."""
    reads = read_glyphs(glyphs(binary))
    parts, chars = [r.glyph for r in reads], [r.char for r in reads]
    s, e = number_run(chars, parts)
    return "".join(chars[s:e]) or None


_DIGIT = re.compile(r"[๐-๙0-9]")
_LETTERS_AT_END = re.compile(r"[\u0e01-\u0e4f]*$")
# A short word of Latin letters and symbols only: how Tesseract reads a list number such as
# `๓.` or `๙.` when it sees no digit in it at all (`a.`, `«.`, `ov,`).
# Also a longer one of Latin letters around a dot or slash: how it reads a number of Thai digits
# alone (a memo's `๐๐๓๓.๓๐๑/` comes out `COMM.MOO/`).
_SYMBOLS = re.compile(r"^(?=.*[^.,\-/])[^\u0e01-\u0e4f\s]{1,4}$|^[A-Za-z]{2,6}[./][A-Za-z]{1,6}/?$")
# A decimal number of Thai digits Tesseract read as Latin letters, its point kept (`๘๘.๘๐`
# read `aa.ceo`): read again as a number like any word Tesseract saw digits in.
_LATIN_DECIMAL = re.compile(r"^[^\u0e01-\u0e4f\s\d]{1,4}[.,][^\u0e01-\u0e4f\s\d.,/]{1,5}$")
_MIN_DIGIT_MM = 1.2  # an 8-point digit is 1.6 mm tall
# A questionnaire item's code as Tesseract reads it (`e4`, `i17`): its Latin letter is no digit
# the reader knows (it reads e as ๒), and Arabic digits after a Latin letter are the eng model's
# to read, which reads them right.
_ITEM_CODE = re.compile(r"[ieoIEO][0-9]{1,2}(?![0-9.,])")
_SURE = 0.9


def _read_symbols(word: OcrWord, binary: np.ndarray, dpi: int) -> str | None:
    """The Thai number a digitless word really is, when the reader is sure of every glyph."""
    x0, y0, x1, y1 = word.pixels
    # Tesseract's box for such a word can hold only part of the glyph (the loop of a ๓), so the
    # crop reaches a little above and below and keeps the glyphs that cross the box.
    pad = dpi // 10
    top = max(y0 - pad, 0)
    left = max(x0 - 2, 0)
    crop = binary[top:y1 + pad, left:x1 + 2]
    if mark_in(crop, dpi) == DASH:  # a dash read as `~`: no digit the reader should make of it
        return None
    parts = [g for g in glyphs(crop) if g.y0 + top < y1 and g.y1 + top > y0]
    if reference(parts)[1] < _MIN_DIGIT_MM * dpi / 25.4:
        return None
    reads = read_glyphs(parts)
    text = "".join(r.char for r in reads)
    if not reads or any(r.char == REJECT or r.sure < _SURE for r in reads):
        return None
    return text if re.search("[๐-๙]", text) else None


# A form's dotted leader line: Tesseract reads a row of dots as `777`, `๑๑๑` or `วนนนนรรรรร`.
_DOT_MM = 0.7  # a full stop of a 16-point Thai font is about 0.4 mm wide
_MIN_DOTS = 3


def _leader(word: OcrWord, binary: np.ndarray, dpi: int) -> str | None:
    """Dots for a word whose ink is nothing but a row of dots (a dotted leader line)."""
    x0, y0, x1, y1 = word.pixels
    parts = glyphs(binary[max(y0, 0):y1, max(x0, 0):x1])
    most = _DOT_MM * dpi / 25.4
    if len(parts) < _MIN_DOTS or any(g.height > most or g.width > most for g in parts):
        return None
    return "." * len(parts)


# An item code printed in Thai digits (`i๑`, `i๓`) as Tesseract reads it: the code's Latin letter,
# then Latin letters where the digits stand (`io`, `im`, `id`).
_THAI_DIGIT_CODE = re.compile(r"[ieo][a-z]{1,2}")


def _read_thai_digit_code(word: OcrWord, binary: np.ndarray, dpi: int) -> str | None:
    """The code a word like `io` is (`i๑`): its first glyph is the letter Tesseract read, and
    every glyph after it a Thai digit the reader is sure of."""
    x0, y0, x1, y1 = word.pixels
    pad = dpi // 20
    parts = glyphs(binary[max(y0 - pad, 0):y1 + pad, max(x0 - 2, 0):x1 + 2])
    if len(parts) < 2:
        return None
    reads = read_glyphs(parts[1:])
    if not reads or any(r.char not in THAI_DIGITS or r.sure < _SURE for r in reads):
        return None
    return word.text[0] + "".join(r.char for r in reads)


def reread_numbers(words: list[OcrWord], binary: np.ndarray, dpi: int) -> list[OcrWord]:
    """`words` with the number in each word Tesseract saw digits in read again by the reader.

    Tesseract cuts numbers badly (`พ.ศ. ๒` + `๕๖๔`), so the reader looks a little beyond the
    word on both sides and takes the whole number the word's digits belong to; a later word
    whose digits were taken that way keeps only its letters.
    """
    out: list[OcrWord] = []
    taken: list[tuple[int, int, int, int]] = []  # page-pixel boxes of numbers already read
    for word in words:
        dots = _leader(word, binary, dpi) if not word.text.strip(".…") == "" else None
        if dots:
            out.append(replace(word, text=dots))
            continue
        found = _NUMBER_LIKE.search(word.text) or _LATIN_DECIMAL.match(word.text)
        if _ITEM_CODE.match(word.text):
            out.append(word)
            continue
        if found is None and _THAI_DIGIT_CODE.fullmatch(word.text):
            code = _read_thai_digit_code(word, binary, dpi)
            if code is not None:
                out.append(replace(word, text=code))
                continue
        if found is None:
            # A check mark read as `“i` or `v` is no number: the reader never learnt ticks.
            symbols = (_SYMBOLS.match(word.text) and not is_misread_tick(word.text)
                       and word.text not in PRINTED_LATIN)
            whole = _read_symbols(word, binary, dpi) if symbols else None
            out.append(replace(word, text=whole) if whole else word)
            continue
        x0, y0, x1, y1 = word.pixels
        centre = ((x0 + x1) / 2, (y0 + y1) / 2)
        if any(a <= centre[0] <= c and b <= centre[1] <= d for a, b, c, d in taken):
            rest = (word.text[:found.start()] + word.text[found.end():]).strip()
            if rest:
                out.append(replace(word, text=rest))
            continue
        reach = int(1.5 * (y1 - y0))
        left, top = max(x0 - reach, 0), max(y0 - 2, 0)
        crop = binary[top:y1 + 2, left:x1 + reach]
        if crop.size == 0:
            out.append(word)
            continue
        reads = read_glyphs(glyphs(crop))
        parts, chars = [r.glyph for r in reads], [r.char for r in reads]
        # The run the word's own digits are in: the one overlapping the word's box most.
        best, best_overlap = None, 0
        for s, e in runs(chars, parts):
            a, c = left + parts[s].x0, left + parts[e - 1].x1
            overlap = min(c, x1) - max(a, x0)
            if overlap > best_overlap:
                best, best_overlap = (s, e), overlap
        if best is None:
            out.append(word)
            continue
        s, e = best
        number = "".join(chars[s:e])
        a, c = left + parts[s].x0, left + parts[e - 1].x1
        taken.append((a, top + min(p.y0 for p in parts[s:e]), c, top + max(p.y1 for p in parts[s:e])))
        prefix, suffix = word.text[:found.start()], word.text[found.end():]
        lead = re.match(r"\.*", found.group()).group()
        if lead and not number.startswith(lead):  # the dot of "พ.ศ.๒๕๖๔" is the abbreviation's
            prefix += lead
        # What Tesseract made of the digits goes with them: all of the word on the side the
        # number reaches the word's edge, and digit junk left between number and letters
        # (`๕๓ญ.๓๕คะแนน` is ๙๗.๗๘ then คะแนน).
        edge = reference(parts)[1] // 2
        if a <= x0 + edge:
            prefix = ""
        if c >= x1 - edge:
            suffix = ""
        elif _DIGIT.search(suffix):
            suffix = _LETTERS_AT_END.search(suffix).group()
        # A list marker's dot ("๓.") or a memo number's slash ("๐๐๒๓.๑/") ends the number
        # Tesseract saw; the run left it out as the sentence's, but it is the number's: keep it.
        if found.group()[-1] in "./" and e < len(chars) and chars[e] == found.group()[-1]:
            number += chars[e]
        out.append(replace(word, text=prefix + number + suffix))
    return out
