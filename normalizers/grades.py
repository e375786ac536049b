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
from thai.chars import without_marks

__all__ = ["parse_grade", "letter_grade", "grade_cell", "LETTER_GRADES"]

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
_PASS_BY_SKELETON = {without_marks(phrase): key for phrase, key in _PASS_SCHEME}
# A letter grade is a token of its own: not the A of "ITA", not the E of "E-Service".
_LETTER_RE = re.compile(r"(?<![A-Za-z0-9\-.])(AA|A|B|C|D|E|F)(?![A-Za-z0-9\-+])")

_BANDS = ((95.0, "AA"), (85.0, "A"), (75.0, "B"), (65.0, "C"), (55.0, "D"), (50.0, "E"))
LETTER_GRADES = frozenset(grade for _, grade in _BANDS) | {"F"}


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


# What OCR makes of a letter grade standing alone in a cell, seen on 200 dpi scans: B read as
# the digit 8, C as G, 6 or a zero, D as a zero. Only a grade column's
# cell is read this way, and only as the letter whose band the score beside it falls in.
_LONE_LETTER_MISREAD: dict[str, frozenset[str]] = {
    "8": frozenset("B"), "๘": frozenset("B"), "G": frozenset("C"), "6": frozenset("C"),
    "0": frozenset("CD"), "๐": frozenset("CD"), "O": frozenset("CD"),
}
# C is drawn the same in both cases: its lower case (or both, `Cc`) is the letter itself.
_SAME_SHAPE = {"c": "C", "Cc": "C"}


def grade_cell(text: str | None, score: float | None) -> tuple[str | None, bool]:
    """A grade column's cell: (the grade, whether OCR's misreading of its letter was undone).

    >>> grade_cell("B", 80.0), grade_cell("8", 80.0), grade_cell("8", 90.0), grade_cell("ผ่านดี", None)
    (('B', False), ('B', True), (None, False), ('pass_good', False))
    >>> grade_cell("๐", 70.0), grade_cell("๐", 60.0), grade_cell("๐", 90.0), grade_cell("ผานด", None)
    (('C', True), ('D', True), (None, False), ('pass_good', False))
    >>> grade_cell("c", None)
    ('C', False)
    """
    grade = parse_grade(text)
    if grade is None and text is not None:
        # OCR drops the marks of a phrase alone in its cell (`ผานด` for ผ่านดี)
        grade = (_PASS_BY_SKELETON.get(without_marks(text.replace(" ", "")))
                 or _SAME_SHAPE.get(text.strip()))
    if grade is not None or text is None or score is None:
        return grade, False
    band = letter_grade(score)
    if band in _LONE_LETTER_MISREAD.get(text.strip(), frozenset()):
        return band, True
    return None, False
