"""Item numbering and bullets: the one list grammar every reader and normaliser uses.

Two questions are asked of a line's start, with different care:

- `list_marker`: does this line open a list item? Asked by the readers to start a new
  paragraph, so it must not fire on the numbers that start ordinary lines: a sub-number such
  as `๑.๑` (a measure's number in its own cell), a score `85.00`, a year.
- `split_numbering`: which item number does this title carry? Asked of text already known to
  be an item, so it takes every level (`๑.๒.๓`) and drops any bullet.

    >>> list_marker("๑. การสร้างความรู้"), list_marker("๑.๑ ย่อย"), list_marker("85.00")
    ('๑.', None, None)
    >>> split_numbering("๑.๑ มีเก้าอี้")
    ('๑.๑', 'มีเก้าอี้')
"""
from __future__ import annotations

import re

from thai.chars import CONSONANT_CLASS, DIGIT_CLASS, LEADING_VOWEL_CLASS

_LIST_MARKER = re.compile(
    r"[-–*+](?=\s|$)"  # ASCII bullets need a space, or "-5" / "**" would count
    r"|[•●▪◦○➢]"
    rf"|\(?[{DIGIT_CLASS}]{{1,3}}[.)](?![{DIGIT_CLASS}.])"  # "๑." "1)" "(1)" but not "๑.๑" or "85.00"
    rf"|\([{DIGIT_CLASS}]{{1,3}}\)"
)

# Item numbers have one or two digits per level ("๑", "๑.๒", "12.3.1"); a longer run
# ("๒๕๖๕") is a year or an amount, not a list item.
_LEVELS = rf"[{DIGIT_CLASS}]{{1,2}}(?:\.[{DIGIT_CLASS}]{{1,2}})*"
# A number of two levels or more run into its text by OCR (`๔.๑สร้างฐานความคิด`): its last
# level one digit (a score's two decimals, `๘๕.๕๐คะแนน`, are none), the text a consonant or a
# leading vowel after it.
_SUB_LEVELS = rf"[{DIGIT_CLASS}]{{1,2}}(?:\.[{DIGIT_CLASS}]{{1,2}})*\.[{DIGIT_CLASS}]"
_NUMBERING = re.compile(
    rf"""^\s*
    (?P<num>\(\s*{_LEVELS}\s*\)      # (๒)
      |{_LEVELS}\.?\)               # 1)  1.)
      |{_LEVELS}\.(?![{DIGIT_CLASS}])      # ๑.  ๑.๑.
      |{_LEVELS}(?=\s)              # ๑.๑ text
      |{_SUB_LEVELS}(?=[{CONSONANT_CLASS}{LEADING_VOWEL_CLASS}])  # ๔.๑สร้าง
    )
    \s*(?P<rest>\S.*)$""", re.VERBOSE | re.DOTALL)
_BULLET = re.compile(r"^\s*[-–—•●○◦▪▫·∙*➢➤►▶‣⁃➔→✓✔§]+\s*(?=\S)")
# A number of two levels at the start of a cell: the measure "๓.๒" of a plan table.
_SUB_NUMBER = re.compile(rf"[{DIGIT_CLASS}]+[.][{DIGIT_CLASS}]+")


def list_marker(text: str) -> str | None:
    """The marker that makes `text` a list item ("-", "•", "๑.", "1)", "(๒)"), or None.

    >>> list_marker("- ข้อความ"), list_marker("-5"), list_marker("(๒) งาน")
    ('-', None, '(๒)')
    """
    m = _LIST_MARKER.match(text)
    return m.group(0) if m else None


def starts_with_sub_number(text: str) -> bool:
    """Whether `text` opens with a two-level number (`๓.๒`, `1.1`).

    >>> starts_with_sub_number("๓.๒ จัดทำ"), starts_with_sub_number("๓. จัดทำ")
    (True, False)
    """
    return _SUB_NUMBER.match(text) is not None


def split_numbering(text: str) -> tuple[str | None, str]:
    """Split a leading item number (or drop a bullet) from the text that follows it.

    >>> split_numbering("๑.๑ มีเก้าอี้")
    ('๑.๑', 'มีเก้าอี้')
    >>> split_numbering("- abc")
    (None, 'abc')
    >>> split_numbering("๒๕๖๕ ปี")
    (None, '๒๕๖๕ ปี')
    >>> split_numbering("๔.๑สร้างฐานความคิด"), split_numbering("๘๕.๕๐คะแนน"), split_numbering("๒๕๖๕ปี")
    (('๔.๑', 'สร้างฐานความคิด'), (None, '๘๕.๕๐คะแนน'), (None, '๒๕๖๕ปี'))
    """
    match = _NUMBERING.match(text)
    if match is not None:
        return re.sub(r"\s+", "", match.group("num")), match.group("rest").strip()
    bullet = _BULLET.match(text)
    if bullet is not None:
        return None, text[bullet.end():].strip()
    return None, text.strip()
