"""Thai and Arabic numerals: digits, numbers, scores and item numbering.

    >>> thai_to_arabic("ข้อ ๑๒")
    'ข้อ 12'
    >>> parse_number("๙๙.๗๘ คะแนน")
    99.78
    >>> canonical_number("๓.๒.")
    '3.2'
    >>> split_numbering("๑. การสร้าง")
    ('๑.', 'การสร้าง')
"""
from __future__ import annotations

import re

__all__ = ["thai_to_arabic", "parse_number", "parse_score", "canonical_number",
           "split_numbering"]

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# A comma only groups thousands when exactly three digits follow it, so "1,234.5" is one
# number while "88,5" is 88 followed by something else.
_NUMBER = re.compile(r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")

# Item numbers have one or two digits per level ("๑", "๑.๒", "12.3.1"); a longer run
# ("๒๕๖๕") is a year or an amount, not a list item.
_LEVELS = r"[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*"
_NUMBERING = re.compile(
    rf"""^\s*
    (?P<num>\(\s*{_LEVELS}\s*\)      # (๒)
      |{_LEVELS}\.?\)               # 1)  1.)
      |{_LEVELS}\.(?![0-9๐-๙])      # ๑.  ๑.๑.
      |{_LEVELS}(?=\s)              # ๑.๑ text
    )
    \s*(?P<rest>\S.*)$""", re.VERBOSE | re.DOTALL)
_BULLET = re.compile(r"^\s*[-–—•●○◦▪▫·∙*➢➤►▶‣⁃➔→✓✔§]+\s*(?=\S)")
_LETTER_ITEM = re.compile(r"^\(?\s*([ก-ฮA-Za-z])\s*[.)]$")


def thai_to_arabic(text: str) -> str:
    """Thai digits ๐–๙ as 0–9; everything else unchanged.

    >>> thai_to_arabic("๒๕๖๕-66")
    '2565-66'
    """
    return text.translate(_THAI_DIGITS)


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


def split_numbering(text: str) -> tuple[str | None, str]:
    """Split a leading item number (or drop a bullet) from the text that follows it.

    >>> split_numbering("๑.๑ มีเก้าอี้")
    ('๑.๑', 'มีเก้าอี้')
    >>> split_numbering("- abc")
    (None, 'abc')
    >>> split_numbering("๒๕๖๕ ปี")
    (None, '๒๕๖๕ ปี')
    """
    match = _NUMBERING.match(text)
    if match is not None:
        return re.sub(r"\s+", "", match.group("num")), match.group("rest").strip()
    bullet = _BULLET.match(text)
    if bullet is not None:
        return None, text[bullet.end():].strip()
    return None, text.strip()
