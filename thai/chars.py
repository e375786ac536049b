"""Thai character classes and the rules of sara am, built once at import.

Sets are for testing one character (`ch in MARKS`); the `*_CLASS` strings are the same sets
as regular-expression character-class bodies, for building patterns (`f"[{MARK_CLASS}]"`).

    >>> is_mark("\u0e49"), is_base("ก"), is_thai("a")
    (True, True, False)
    >>> join_sara_am("ประจําปี")  # nikhahit + sara aa, as OCR and some fonts write ำ
    'ประจำปี'
    >>> "๒๕๖๕".translate(TO_ARABIC_DIGITS), "2565".translate(TO_THAI_DIGITS)
    ('2565', '๒๕๖๕')
"""
from __future__ import annotations

import re

# ---- character classes ----------------------------------------------------------------------
CONSONANT_CLASS = "\u0e01-\u0e2e"  # ก–ฮ
# Thai letters, vowels and marks, without digits and the punctuation after them (๏ ๚ ๛).
LETTER_CLASS = "\u0e01-\u0e4e"
# Drawn above or below the character before them, with no advance of their own: mai han-akat,
# the upper and lower vowels, phinthu, mai taikhu, the tone marks, thanthakhat, nikhahit, yamakkan.
MARK_CLASS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
TONE_MARK_CLASS = "\u0e48-\u0e4b"
# Vowels written above the consonant, before which OCR sometimes puts the tone mark.
UPPER_VOWEL_CLASS = "\u0e31\u0e34-\u0e37\u0e47"
LOWER_VOWEL_CLASS = "\u0e38-\u0e3a"  # sara u, sara uu, phinthu: drawn under the consonant

LEADING_VOWEL_CLASS = "เแโใไ"  # written before the consonant they follow in speech
FOLLOWING_VOWEL_CLASS = "ะาำๅ"  # after it, with an advance of their own

THAI_CLASS = "\u0e01-\u0e5b"  # the whole Thai block as assigned


def _members(char_class: str) -> frozenset[str]:
    """The characters of the Thai block a character-class body takes in: one definition serves
    the patterns and the sets."""
    pattern = re.compile(f"[{char_class}]")
    return frozenset(ch for ch in map(chr, range(0x0E00, 0x0E80)) if pattern.match(ch))


CONSONANTS = _members(CONSONANT_CLASS)
THAI_LETTERS = _members(LETTER_CLASS)
MARKS = _members(MARK_CLASS)
LOWER_MARKS = _members(LOWER_VOWEL_CLASS)
THAI = _members(THAI_CLASS)

SARA_AA, SARA_AM, NIKHAHIT = "\u0e32", "\u0e33", "\u0e4d"

# Consonant pairs a scan's OCR takes for each other: the same shape but for a small loop, notch
# or tail (ล read as ส in a letter code). A pair, not a rule: which of the two is right needs
# other evidence.
OCR_LOOKALIKE_PAIRS = frozenset(frozenset(pair) for pair in (
    "ลส", "บป", "ผฝ", "พฟ", "ดต", "ถภ", "ชซ", "ฎฏ", "ขฃ", "คฅ"))

# ---- digits ---------------------------------------------------------------------------------
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
DIGIT_CLASS = "0-9๐-๙"  # either script, as printed numbers mix them
DIGITS = frozenset(THAI_DIGITS + ARABIC_DIGITS)
TO_ARABIC_DIGITS = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
TO_THAI_DIGITS = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)


# ---- the order of a letter's marks ------------------------------------------------------------
# Unicode (and every Thai keyboard) writes a consonant's marks in one order, whatever order a
# font or OCR gives them: the vowel above or below, then the tone mark, then thanthakhat,
# nikhahit and the rest (ต + ่ + ำ: sara am, a letter of its own, comes after them all).
_TONE_MARKS = _members(TONE_MARK_CLASS)
_VOWEL_MARKS = _members(UPPER_VOWEL_CLASS) | LOWER_MARKS


def mark_rank(ch: str) -> int:
    """Where mark `ch` goes among the marks of one letter: 0 vowels, 1 tone marks, 2 the rest.

    >>> [mark_rank(m) for m in "\u0e34\u0e39\u0e49\u0e4c"]
    [0, 0, 1, 2]
    """
    return 0 if ch in _VOWEL_MARKS else 1 if ch in _TONE_MARKS else 2


_MARK_RUN = re.compile(f"[{MARK_CLASS}]{{2,}}")


def canonical_marks(text: str) -> str:
    """`text` with every run of marks on one letter in Unicode's order, a mark given twice
    once (no Thai letter carries the same mark twice).

    >>> canonical_marks("ที\u0e48\u0e35") == "ที่"  # tone mark before its vowel: ที่
    True
    >>> canonical_marks("ครั\u0e49\u0e49งนี\u0e49") == "ครั้งนี้"
    True
    """
    def order(m: re.Match[str]) -> str:
        marks = sorted(dict.fromkeys(m.group(0)), key=mark_rank)
        return "".join(marks)

    return _MARK_RUN.sub(order, text)


def is_mark(ch: str) -> bool:
    return ch in MARKS


def is_base(ch: str) -> bool:
    """A character with an advance of its own (everything but the marks and spaces)."""
    return ch not in MARKS and not ch.isspace()


def is_thai(ch: str) -> bool:
    return ch in THAI


_MARK = re.compile(f"[{MARK_CLASS}]")


def without_marks(text: str) -> str:
    """The text with its marks above and below the line taken out: a key that the marks OCR
    drops first (`ตัวชีวัด` for ตัวชี้วัด, `เรอง` for เรื่อง) do not change.

    >>> without_marks("ตัวชี้วัด") == without_marks("ตัวชีวัด")
    True
    """
    return _MARK.sub("", text)


def mark_tolerant(word: str) -> str:
    """A pattern for `word` as OCR prints it: each of its marks may be missing, and a stray
    mark may stand after any letter (`ค่ะแนน` for คะแนน, `รอยละ` for ร้อยละ).

    >>> pattern = re.compile(mark_tolerant("ร้อยละ"))
    >>> [bool(pattern.fullmatch(w)) for w in ("ร้อยละ", "รอยละ", "ร้อย่ละ", "ร้อยล")]
    [True, True, True, False]
    """
    out = []
    for ch in word:
        out.append(f"{re.escape(ch)}?" if ch in MARKS else f"{re.escape(ch)}[{MARK_CLASS}]*")
    return "".join(out)


# ---- sara am ----------------------------------------------------------------------------------
# ำ is one character, but OCR and some producers write its two halves, nikhahit + sara aa; a
# tone mark between them (ต่ำ written ต + ่ + ํ + า) still belongs to the same ำ.
_SARA_AM_SPLIT = re.compile(f"{NIKHAHIT}([{TONE_MARK_CLASS}]?){SARA_AA}")


def join_sara_am(text: str) -> str:
    """`text` with every ำ written in two halves made one character, its tone mark before it.

    >>> join_sara_am("ต\u0e48\u0e4d\u0e32") == "ต\u0e48\u0e33"
    True
    """
    return _SARA_AM_SPLIT.sub(lambda m: m.group(1) + SARA_AM, text)


_BROKEN_DECIMAL = re.compile(f"[{DIGIT_CLASS}][.]$")


def wrap_glue(before: str, after: str) -> str:
    """What joins two pieces of text that a line wrap broke apart: nothing between two Thai
    letters (Thai wraps between words with no space) or inside a number broken after its
    decimal point, a space otherwise.

    >>> wrap_glue("การประเมิน", "คุณธรรม"), wrap_glue("ITA", "๒๕๖๕"), wrap_glue("คะแนน ๙๙.", "๗๘")
    ('', ' ', '')
    """
    if not before or not after:
        return " "
    if is_thai(before[-1]) and is_thai(after[0]):
        return ""
    return "" if after[0] in DIGITS and _BROKEN_DECIMAL.search(before) else " "
