"""The Thai-digit reader: numbers re-read glyph by glyph, where Tesseract cannot read them.

Tesseract's Thai model reads ๔ ๖ ๗ ๘ ๙ as other digits (`๙๐.๗๙` → `๕๐.๕๑`), so every word in
which it saw a digit is read again here: the word's ink is cut into glyphs (connected pieces,
`parsers.ocr.glyphs`), dots and dashes are told by their size and place, and every other glyph
goes to a small neural classifier (one hidden layer, numpy only) trained on synthetic prints of
๐–๙, 0–9 and `/` in several fonts, with Thai letters and marks as a class of their own so that a
word's letters are told apart from its digits (`scripts/train_digit_reader.py`; weights in
`models/digits.npz`).

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
from parsers.ocr.glyphs import Glyph, cut_columns, glyphs, halves, punctuation, reference, without_specks
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
        split, sure = _surest_split(glyph, top, height, m)
        if split is not None and (whole.char == REJECT or too_wide or sure > whole.sure):
            return split
    return [whole]


def _surest_split(glyph: Glyph, top: int, height: int, m: Model) -> tuple[list[Reading] | None, float]:
    """The surest of a few cuts of a wide piece, with how sure its least sure part is; None when
    no cut gives parts that all read surely as digits (or `/`)."""
    best_split, best_sure = None, _DOUBT
    for cut in cut_columns(glyph):
        pieces = halves(glyph, cut)
        if len(pieces) < 2:
            continue
        split = [r for piece in pieces for r in _read_piece(piece, top, height, m)]
        sure = min(r.sure for r in split)
        if all(r.char in DIGIT_CHARS + "/" for r in split) and sure >= best_sure:
            best_split, best_sure = split, sure
    return best_split, best_sure


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


Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels


def reread_numbers(words: list[OcrWord], binary: np.ndarray, dpi: int) -> list[OcrWord]:
    """`words` with the number in each word Tesseract saw digits in read again by the reader.

    Tesseract cuts numbers badly (`พ.ศ. ๒` + `๕๖๔`), so the reader looks a little beyond the
    word on both sides and takes the whole number the word's digits belong to; a later word
    whose digits were taken that way keeps only its letters.
    """
    out: list[OcrWord] = []
    taken: list[Box] = []  # page-pixel boxes of numbers already read
    for word in words:
        read = _reread_word(word, binary, dpi, taken)
        if read is not None:
            out.append(read)
    return out



def _reread_word(word: OcrWord, binary: np.ndarray, dpi: int, taken: list[Box]) -> OcrWord | None:
    """The word as the reader reads it; None when an earlier word took its number and it has no
    letters left. A number read here is added to `taken`."""
    dots = _leader(word, binary, dpi) if not word.text.strip(".…") == "" else None
    if dots:
        return replace(word, text=dots)
    found = _NUMBER_LIKE.search(word.text) or _LATIN_DECIMAL.match(word.text)
    if _ITEM_CODE.match(word.text):
        return word
    if found is None:
        return _reread_digitless(word, binary, dpi)
    x0, y0, x1, y1 = word.pixels
    centre = ((x0 + x1) / 2, (y0 + y1) / 2)
    if any(a <= centre[0] <= c and b <= centre[1] <= d for a, b, c, d in taken):
        rest = (word.text[:found.start()] + word.text[found.end():]).strip()
        return replace(word, text=rest) if rest else None
    number = _number_around(word, binary)
    if number is None:
        return word
    taken.append(number.box)
    return replace(word, text=_with_number_read(word, found, number))


def _reread_digitless(word: OcrWord, binary: np.ndarray, dpi: int) -> OcrWord:
    """A word Tesseract saw no digit in, read again when it looks like a Thai number or item code
    Tesseract read as Latin letters or symbols."""
    if _THAI_DIGIT_CODE.fullmatch(word.text):
        code = _read_thai_digit_code(word, binary, dpi)
        if code is not None:
            return replace(word, text=code)
    # A check mark read as `“i` or `v` is no number: the reader never learnt ticks.
    symbols = (_SYMBOLS.match(word.text) and not is_misread_tick(word.text)
               and word.text not in PRINTED_LATIN)
    whole = _read_symbols(word, binary, dpi) if symbols else None
    return replace(word, text=whole) if whole else word


@dataclass(frozen=True)
class _NumberAround:
    """The run of digits the reader found around a word: the readings of every glyph in the
    crop, the run's place among them, and the crop's place on the page."""
    reads: list[Reading]
    start: int
    end: int
    left: int
    top: int

    @property
    def text(self) -> str:
        return "".join(r.char for r in self.reads[self.start:self.end])

    @property
    def box(self) -> Box:
        """The run's box in page pixels."""
        parts = [r.glyph for r in self.reads[self.start:self.end]]
        return (self.left + parts[0].x0, self.top + min(p.y0 for p in parts),
                self.left + parts[-1].x1, self.top + max(p.y1 for p in parts))

    @property
    def char_after(self) -> str | None:
        """What the reader read just after the run, if anything."""
        return self.reads[self.end].char if self.end < len(self.reads) else None

    @property
    def half_height(self) -> int:
        """Half the height of the crop's digits."""
        return reference([r.glyph for r in self.reads])[1] // 2


def _number_around(word: OcrWord, binary: np.ndarray) -> _NumberAround | None:
    """The number the word's digits belong to, read in a crop reaching beyond the word on both
    sides: the run overlapping the word's box most; None when no run does."""
    x0, y0, x1, y1 = word.pixels
    reach = int(1.5 * (y1 - y0))
    left, top = max(x0 - reach, 0), max(y0 - 2, 0)
    crop = binary[top:y1 + 2, left:x1 + reach]
    if crop.size == 0:
        return None
    reads = read_glyphs(glyphs(crop))
    parts, chars = [r.glyph for r in reads], [r.char for r in reads]
    # The run the word's own digits are in: the one overlapping the word's box most.
    best, best_overlap = None, 0
    for s, e in runs(chars, parts):
        a, c = left + parts[s].x0, left + parts[e - 1].x1
        overlap = min(c, x1) - max(a, x0)
        if overlap > best_overlap:
            best, best_overlap = (s, e), overlap
    return None if best is None else _NumberAround(reads, best[0], best[1], left, top)


def _with_number_read(word: OcrWord, found: re.Match[str], number: _NumberAround) -> str:
    """The word's text with what Tesseract `found` of the number replaced by the reader's."""
    x0, _, x1, _ = word.pixels
    text = number.text
    prefix, suffix = word.text[:found.start()], word.text[found.end():]
    lead = re.match(r"\.*", found.group()).group()
    if lead and not text.startswith(lead):  # the dot of "พ.ศ.๒๕๖๔" is the abbreviation's
        prefix += lead
    # What Tesseract made of the digits goes with them: all of the word on the side the
    # number reaches the word's edge, and digit junk left between number and letters
    # (`๕๓ญ.๓๕คะแนน` is ๙๗.๗๘ then คะแนน).
    a, _, c, _ = number.box
    edge = number.half_height
    if a <= x0 + edge:
        prefix = ""
    if c >= x1 - edge:
        suffix = ""
    elif _DIGIT.search(suffix):
        suffix = _LETTERS_AT_END.search(suffix).group()
    # A list marker's dot ("๓.") or a memo number's slash ("๐๐๒๓.๑/") ends the number
    # Tesseract saw; the run left it out as the sentence's, but it is the number's: keep it.
    if found.group()[-1] in "./" and number.char_after == found.group()[-1]:
        text += found.group()[-1]
    return prefix + text + suffix
