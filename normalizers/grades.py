"""ITA grades: the letter scheme (AA–F) and the newer pass scheme (ผ่านดีเยี่ยม …).

    >>> parse_grade("อยู่ในระดับ A ดังนี้")
    'A'
    >>> parse_grade("ผ่านดีเยี่ยม")
    'pass_excellent'
    >>> letter_grade(90.79)
    'A'
"""
from __future__ import annotations

import re

from normalizers.thai_text import clean

__all__ = ["parse_grade", "letter_grade"]

# Longest phrase first: ผ่านดีเยี่ยม contains ผ่านดี, which contains ผ่าน.
_PASS_SCHEME = (
    ("ต้องปรับปรุงโดยด่วน", "improve_urgent"),
    ("ผ่านดีเยี่ยม", "pass_excellent"),
    ("ต้องปรับปรุง", "improve"),
    ("ผ่านดี", "pass_good"),
    ("ผ่าน", "pass"),
)
# Thai phrases may be split by layout spaces ("ผ่าน ดีเยี่ยม"); "ไม่ผ่าน" is not a pass.
_PASS_RE = re.compile(
    "(?<!ไม่)(?<!ไม่ )(" + "|".join(r"\s?".join(phrase) for phrase, _ in _PASS_SCHEME) + ")")
_PASS_KEYS = {phrase: key for phrase, key in _PASS_SCHEME}
# A letter grade is a token of its own: not the A of "ITA", not the E of "E-Service".
_LETTER_RE = re.compile(r"(?<![A-Za-z0-9\-.])(AA|A|B|C|D|E|F)(?![A-Za-z0-9\-+])")

_BANDS = ((95.0, "AA"), (85.0, "A"), (75.0, "B"), (65.0, "C"), (55.0, "D"), (50.0, "E"))


def parse_grade(text: str | None) -> str | None:
    """The grade printed in the text (whichever scheme comes first), else None.

    >>> parse_grade("ระดับ AA")
    'AA'
    >>> parse_grade("ต้องปรับปรุงโดยด่วน")
    'improve_urgent'
    >>> parse_grade("ผลการประเมิน ITA") is None
    True
    """
    text = clean(text)
    if text is None:
        return None
    found: list[tuple[int, str]] = []
    letter = _LETTER_RE.search(text)
    if letter is not None:
        found.append((letter.start(), letter.group(1)))
    phrase = _PASS_RE.search(text)
    if phrase is not None:
        found.append((phrase.start(), _PASS_KEYS[re.sub(r"\s", "", phrase.group(1))]))
    return min(found)[1] if found else None


def letter_grade(score: float) -> str:
    """The letter band of a 0–100 score (SCHEMA.md), for plausibility checks.

    >>> letter_grade(95), letter_grade(94.99), letter_grade(49.9)
    ('AA', 'A', 'F')
    """
    for floor, grade in _BANDS:
        if score >= floor:
            return grade
    return "F"
