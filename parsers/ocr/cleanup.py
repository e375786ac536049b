"""Repairs for what Tesseract's Thai model gets wrong every time, on one word or line of OCR text.

Only confusions that are never right in Thai are repaired here: a sara am written as its two
halves, a doubled sara e for sara ae, table borders read as bars. What a dictionary would be
needed to decide is left as read.

    >>> clean_text("ประจําปี")
    'ประจำปี'
    >>> clean_text("โป่งน้้าร้อน")
    'โป่งน้ำร้อน'
    >>> clean_text("เเละ")
    'และ'
    >>> clean_text("| ตัวชี้วัด |")
    'ตัวชี้วัด'
"""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from parsers.ocr.engine import OcrEngine, OcrWord
from thai.chars import CONSONANT_CLASS, SARA_AA, SARA_AM, TONE_MARK_CLASS, canonical_marks, join_sara_am

_DOUBLE_SARA_E = re.compile("\u0e40\u0e40")
# Tesseract's tha model writes ำ as nikhahit + sara aa (`thai.chars.join_sara_am` puts it
# right), or as a second tone mark + sara aa (น้ำ read as น้้า): no Thai word doubles a tone mark.
_TONE_FOR_NIKHAHIT = re.compile(f"([{TONE_MARK_CLASS}])\\1{SARA_AA}")
# Bars and brackets left from erased borders at the ends of a line, and the stray marks a
# border's speckle is read as.
_EDGE_JUNK = re.compile(r"^[\s|!\[\]{}_~'`]+|[\s|!\[\]{}_~'`]+$")
_SPACES = re.compile(r"\s+")


# Latin that ITA reports print among Thai: grades and tool names. Any other Latin word of one to
# three letters in a Thai line is a Thai word the `eng` model won (ละ read as `AY`).
PRINTED_LATIN = frozenset({"A", "AA", "B", "C", "D", "E", "F", "IIT", "EIT", "OIT", "ITA", "PDF", "CD"})
_SHORT_LATIN = re.compile(r"^[A-Za-z]{1,3}$")
_THAI_LETTER = re.compile(f"[{CONSONANT_CLASS}]")


def reread_in_thai(words: list[OcrWord], pixels: np.ndarray, engine: OcrEngine) -> list[OcrWord]:
    """`words` with each short Latin word that stands next to Thai read again by the Thai model
    alone, kept where that reading is Thai and the engine is at least as sure of it."""
    out = list(words)
    for i, word in enumerate(words):
        if not _SHORT_LATIN.match(word.text) or word.text.upper() in PRINTED_LATIN:
            continue
        neighbours = [w.text for w in words[max(i - 5, 0):i + 6] if w is not word]
        if not any(_THAI_LETTER.search(t) for t in neighbours):
            continue
        # A wider margin than 4 pixels takes in the neighbours' marks and lowers the confidence.
        out[i] = read_again_in_thai(word, pixels, engine, pad=4)
    return out


def read_again_in_thai(word: OcrWord, pixels: np.ndarray, engine: OcrEngine, pad: int,
                       one_word: bool = True) -> OcrWord:
    """`word` read again by the Thai model alone from `pixels` (`pad` pixels around its box), where
    that reading is Thai (one word, unless `one_word` is off) and the engine is at least as sure of
    it; else `word` as it was."""
    x0, y0, x1, y1 = word.pixels
    crop = pixels[max(y0 - pad, 0):y1 + pad, max(x0 - pad, 0):x1 + pad]
    text, confidence = engine.read_word(np.ascontiguousarray(crop))
    if _THAI_LETTER.search(text) and (" " not in text or not one_word) and confidence >= word.confidence:
        return replace(word, text=text, confidence=confidence)
    return word


# A questionnaire item's code (`i18`, `e5`, `o3`) as tha+eng reads it: the letter taken for a
# digit or a Thai letter (`118`, `65`, `๑8`, `อ1`, `@6`, `03`), then Arabic digits (a number in
# Thai digits, `๑๑`, is no code: codes print their digits in one script).
_CODE_LIKE = re.compile(r"[1iIl|6eอ@๑๒๙0o๐][0-9]{1,2}|6?๑[0-9]{1,2}")
_ITEM_CODE = re.compile(r"[ieo][0-9]{1,2}")
# The English model's own slips in a code's digits: `el` for e1, `oll` for o11.
_ONE_FOR_L = str.maketrans("lI|", "111")
_SURE_CODE = 40.0


def reread_item_codes(words: list[OcrWord], pixels: np.ndarray, engine: OcrEngine) -> list[OcrWord]:
    """`words` with each short word of digits that may be an item code read again by the
    English model alone, kept where that reading is a code (`i18`) it is sure of. A number
    stays a number: the English model reads `118` as printed."""
    out = list(words)
    for i, word in enumerate(words):
        if not _CODE_LIKE.fullmatch(word.text):
            continue
        x0, y0, x1, y1 = word.pixels
        pad = 3
        text, confidence = engine.read_word(pixels[max(y0 - pad, 0):y1 + pad, max(x0 - pad, 0):x1 + pad], "eng")
        text = text[:1] + text[1:].translate(_ONE_FOR_L)
        if _ITEM_CODE.fullmatch(text) and confidence >= _SURE_CODE:
            out[i] = replace(word, text=text, confidence=confidence)
    return out


# Tesseract has no tick: a ✓ alone in a cell comes out as a quote, a v, a slash or an i.
_TICK = re.compile(r"^[\s“”\"'`^/\\vVyYJji√✓✔ㆍ・]{1,4}$")


def is_misread_tick(text: str) -> bool:
    """Whether a table cell's whole OCR text is a check mark as Tesseract reads one (what a
    printed tick is, read as printed, is `normalizers.statuses.is_tick`'s question).

    >>> [is_misread_tick(t) for t in ("“i", "v", "✓", "-", "ดำเนินการ", "")]
    [True, True, True, False, False, False]
    """
    return bool(text.strip()) and bool(_TICK.match(text.strip()))


def clean_text(text: str) -> str:
    text = join_sara_am(text)
    text = _TONE_FOR_NIKHAHIT.sub(lambda m: m.group(1) + SARA_AM, text)
    text = _DOUBLE_SARA_E.sub("\u0e41", text)
    # A tone mark Tesseract puts before its vowel above (ก่ิ for กิ่) is the same text reordered.
    text = canonical_marks(text)
    text = _EDGE_JUNK.sub("", text)
    return _SPACES.sub(" ", text).strip()


# What Tesseract makes of a line's upper marks (ื่ ้ ั) when they stand apart from their
# letters, just under an erased table rule: `y va =`.
_MARK_JUNK = re.compile(r"^[A-Za-z=~^_'\"`|]{1,3}$")


# Scraps Tesseract itself doubts, drawn into the top of a Thai word's box: a stamp's or a
# signature's strokes over a line of print (`es`, `2`, `<` over a memo's subject).
_DOUBTFUL_SCRAP = re.compile(r"^[A-Za-z0-9=~^_'\"`|<>«»]{1,3}$")
_DOUBTFUL = 50.0


def _sits_on(scrap: OcrWord, word: OcrWord) -> bool:
    """Whether `scrap` lies on top of `word`, where the word's own marks would be: small and
    just above it, or doubtful and inside the top of its box."""
    sx0, sy0, sx1, sy1 = scrap.pixels
    wx0, wy0, wx1, wy1 = word.pixels
    height = wy1 - wy0
    if min(sx1, wx1) - max(sx0, wx0) < 0.5 * (sx1 - sx0) or sy1 > (wy0 + wy1) / 2:
        return False
    if _MARK_JUNK.match(scrap.text) and sy1 - sy0 <= 0.5 * height and sy1 >= wy0 - 0.15 * height:
        return True
    return scrap.confidence < _DOUBTFUL and bool(_DOUBTFUL_SCRAP.match(scrap.text)) and sy1 > wy0


# A word's upper marks read a second time as a word of their own, inside the top of the word's
# box (`ตัวชีวัดที` with `บ 50 4` over it): a scrap of at most this many characters, this share
# of the word's height, the word itself of at least `_CARRIER_LETTERS` Thai letters.
_RIDER_CHARS = 3
_RIDER_HEIGHT = 0.65
_CARRIER_LETTERS = 3


def _rides_on(scrap: OcrWord, word: OcrWord) -> bool:
    """Whether `scrap` is a second reading of `word`'s upper marks: short, within the word's
    columns, and wholly in the top of its box, where no word of another line can be."""
    sx0, sy0, sx1, sy1 = scrap.pixels
    wx0, wy0, wx1, wy1 = word.pixels
    height = wy1 - wy0
    return (scrap is not word and len(scrap.text) <= _RIDER_CHARS
            and scrap.confidence <= word.confidence
            and len(_THAI_LETTER.findall(word.text)) >= _CARRIER_LETTERS
            and min(sx1, wx1) - max(sx0, wx0) >= 0.5 * (sx1 - sx0)
            and sy1 - sy0 <= _RIDER_HEIGHT * height
            and sy0 >= wy0 - 0.3 * height and sy1 <= wy0 + 0.6 * height)


def drop_mark_junk(words: list[OcrWord]) -> list[OcrWord]:
    """`words` without the scraps that are stray Thai marks: a word of one to three Latin-looking
    letters that sits on top of a Thai word, or is not two fifths as tall as the page's words (a
    Latin misreading of an unmarked Thai word such as ละ is taller); and any short word riding
    in the top of a Thai word's box (its marks read twice)."""
    if not words:
        return words
    usual = float(np.median([w.pixels[3] - w.pixels[1] for w in words]))
    thai = [w for w in words if _THAI_LETTER.search(w.text)]
    words = [w for w in words if not any(_rides_on(w, t) for t in thai)]

    def in_a_line(w: OcrWord) -> bool:
        # A real word stands on the same baseline as its neighbours (ละ read `AY` beside
        # ๘๓.๙๙); a scrap of marks has only other scraps beside it.
        return any(o is not w and not _MARK_JUNK.match(o.text)
                   and abs(o.pixels[3] - w.pixels[3]) <= 0.15 * usual
                   and min(abs(o.pixels[0] - w.pixels[2]), abs(w.pixels[0] - o.pixels[2])) <= 2 * usual
                   for o in words)

    def junk(w: OcrWord) -> bool:
        if w.text in PRINTED_LATIN or not (_MARK_JUNK.match(w.text) or _DOUBTFUL_SCRAP.match(w.text)):
            return False  # grades are capitals
        small = bool(_MARK_JUNK.match(w.text)) and w.pixels[3] - w.pixels[1] < 0.38 * usual
        return (small or any(_sits_on(w, t) for t in thai)) and not in_a_line(w)

    return [w for w in words if not junk(w)]
