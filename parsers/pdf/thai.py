"""Thai character classes the text-layer code reasons with, built once at import.

    >>> is_mark("\u0e49"), is_base("ก"), is_following_vowel("า"), is_leading_vowel("เ")
    (True, True, True, True)
"""
from __future__ import annotations

CONSONANTS = frozenset(chr(c) for c in range(0x0E01, 0x0E2F))
LEADING_VOWELS = frozenset("เแโใไ")
FOLLOWING_VOWELS = frozenset("ะาำๅ")
# Drawn above or below the character before them, with no advance of their own.
MARKS = frozenset("\u0e31" + "".join(chr(c) for c in range(0x0E34, 0x0E3B))
                  + "".join(chr(c) for c in range(0x0E47, 0x0E4F)))
TONE_MARKS = frozenset("\u0e48\u0e49\u0e4a\u0e4b")
THAI = frozenset(chr(c) for c in range(0x0E01, 0x0E5C))
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
TO_THAI_DIGIT = str.maketrans("0123456789", THAI_DIGITS)

SARA_AA, SARA_AM, NIKHAHIT = "\u0e32", "\u0e33", "\u0e4d"


def is_mark(ch: str) -> bool:
    return ch in MARKS


def is_base(ch: str) -> bool:
    """A character with an advance of its own (everything but the marks and spaces)."""
    return ch not in MARKS and not ch.isspace()


def is_thai(ch: str) -> bool:
    return ch in THAI


def is_following_vowel(ch: str) -> bool:
    return ch in FOLLOWING_VOWELS


def is_leading_vowel(ch: str) -> bool:
    return ch in LEADING_VOWELS
