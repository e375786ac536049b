"""Thai and Arabic numerals: digits, numbers, scores and item numbers in Arabic digits.

Where an item number stands in a line is the list grammar's (`thai.numbering`); this turns
what it found into the canonical form.

    >>> thai_to_arabic("ข้อ ๑๒")
    'ข้อ 12'
    >>> parse_number("๙๙.๗๘ คะแนน")
    99.78
    >>> canonical_number("๓.๒.")
    '3.2'
"""
from __future__ import annotations

import re

from thai.chars import CONSONANT_CLASS, TO_ARABIC_DIGITS

__all__ = ["thai_to_arabic", "parse_number", "parse_score", "canonical_number", "phone_number",
           "has_lost_digit", "decimals", "is_missing_mark", "parse_score_cell"]

# A comma only groups thousands when exactly three digits follow it, so "1,234.5" is one
# number while "88,5" is 88 followed by something else.
_NUMBER = re.compile(r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")

_LETTER_ITEM = re.compile(rf"^\(?\s*([{CONSONANT_CLASS}A-Za-z])\s*[.)]$")


def thai_to_arabic(text: str) -> str:
    """Thai digits ๐–๙ as 0–9; everything else unchanged.

    >>> thai_to_arabic("๒๕๖๕-66")
    '2565-66'
    """
    return text.translate(TO_ARABIC_DIGITS)


def parse_number(text: str | None) -> float | None:
    """The first number in the text (Thai or Arabic digits, comma thousands separators).

    >>> parse_number("๙๐.๗๙")
    90.79
    >>> parse_number("1,234.5 บาท")
    1234.5
    >>> parse_number("ไม่มี") is None
    True
    """
    if not text:
        return None
    match = _NUMBER.search(thai_to_arabic(text))
    if match is None:
        return None
    return float(match.group(0).replace(",", ""))


def parse_score(text: str | None) -> float | None:
    """parse_number restricted to the 0–100 range of ITA scores.

    >>> parse_score("๑๐๐")
    100.0
    >>> parse_score("2565") is None
    True
    """
    value = parse_number(text)
    if value is None or not 0 <= value <= 100:
        return None
    return value


# A dash, as printed or as OCR reads one (`=`, `~`).
_MISSING = re.compile(r"^\s*[-–—−_.=~]*\s*$")


def is_missing_mark(text: str | None) -> bool:
    """Whether a table cell says "no value": empty, or a dash.

    >>> is_missing_mark("-"), is_missing_mark(" = "), is_missing_mark(None), is_missing_mark("๙๐.๗๙")
    (True, True, True, False)
    """
    return text is None or bool(_MISSING.match(text))


# A score cell holds one number; OCR may add a scrap of a letter on either side of it (the
# rule's fringe read as `ฆ`). A point with no digits after it is a decimal part unread.
_SCORE_CELL = re.compile(r"^\D{0,3}?(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)(?![\d.,])\D{0,3}$")


def parse_score_cell(text: str | None) -> float | None:
    """A score in a cell of its own, where a comma can only be a decimal comma (`๙๐,๗๙`);
    None for a dash, and for a cell that is not one whole number.

    >>> parse_score_cell("๙๐,๗๙"), parse_score_cell("90.79"), parse_score_cell("ฆ๙๘.๐๘"), parse_score_cell("-")
    (90.79, 90.79, 98.08, None)
    >>> parse_score_cell("๗๓. cx"), parse_score_cell("ฆสญ.๙๗.๐๐"), parse_score_cell("๘๔๙๔")
    (None, None, None)
    """
    if text is None:
        return None
    cell = _SCORE_CELL.match(thai_to_arabic(text.strip()))
    return parse_score(cell.group(1).replace(",", ".")) if cell else None


def decimals(text: str | None) -> int | None:
    """How many decimals a score cell's number is printed with; None where it holds none.

    >>> decimals("๙๘.๐๑"), decimals("98.0"), decimals("100"), decimals("-")
    (2, 1, 0, None)
    """
    cell = _SCORE_CELL.match(thai_to_arabic(text.strip())) if text else None
    if cell is None:
        return None
    whole, _, fraction = cell.group(1).replace(",", ".").partition(".")
    return len(fraction)


def has_lost_digit(text: str | None) -> bool:
    """Whether a score reads with a zero before its other whole digits (`00.00`, `05.30`), which
    no score is printed with: OCR lost the digit before it (100.00, 95.30).

    >>> has_lost_digit("๐๐.๐๐"), has_lost_digit("05.30"), has_lost_digit("0.00"), has_lost_digit("100.00")
    (True, True, False, False)
    """
    cell = _SCORE_CELL.match(thai_to_arabic(text.strip())) if text else None
    whole = cell.group(1).replace(",", ".").partition(".")[0] if cell else ""
    return len(whole) > 1 and whole.startswith("0")


def canonical_number(printed: str | None) -> str | None:
    """Item numbering as printed -> Arabic digits, no trailing dot or parentheses.

    Thai-letter items (ก. ข.) keep their letter.

    >>> canonical_number("(๒)")
    '2'
    >>> canonical_number("ข้อ ๓")
    '3'
    >>> canonical_number("") is None
    True
    """
    if not printed or not printed.strip():
        return None
    digits = re.search(r"\d+(?:\.\d+)*", thai_to_arabic(printed))
    if digits is not None:
        return digits.group(0)
    letter = _LETTER_ITEM.match(printed.strip())
    return letter.group(1) if letter else None


def phone_number(printed: str | None) -> str | None:
    """A telephone number as printed, in Arabic digits without spaces (dashes, and the commas
    or slashes between two numbers, kept).

    >>> phone_number("๐-๕๕๘๓-๒๑๐๐"), phone_number("๐๓๘๒๑ ๙๒๓๒"), phone_number(None)
    ('0-5583-2100', '038219232', None)
    """
    if not printed:
        return None
    return re.sub(r"\s+", "", thai_to_arabic(printed)) or None
