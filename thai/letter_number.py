"""The number of an official letter or memo (เลขที่หนังสือ): the one grammar the header reader
and the normaliser use for its end.

`พล ๐๐๒๓.๑/ว ๗๑๔`: the sender's letter code and office number, a slash, ว for a circular, then
the running number, which a clerk often writes in by hand after the letter is printed. OCR
reads that handwriting as print of some kind: letters (`ปตอง`), or digits of both scripts and
letters run together (`๓8ซ่`). A typist prints a running number as digits of one script; what
stands after the slash otherwise is no print.

    >>> running_number("พล ๐๐๒๓.๑/ว ๗๑๔"), running_number("พส ๐๐๒๓.๑/ ว ๓8ซ่")
    (('พล ๐๐๒๓.๑/ว', '๗๑๔'), ('พส ๐๐๒๓.๑/ ว', '๓8ซ่'))
"""
from __future__ import annotations

import re

from thai.chars import DIGIT_CLASS, LETTER_CLASS

# The slash and a circular's ว (a letter alone, not the start of a word) end the number's head.
_AFTER_SLASH = re.compile(rf"/\s*(?:ว(?![{LETTER_CLASS}])\s*)?")
_PRINTED = re.compile(r"[๐-๙]+(?:[\s.\-]+[๐-๙]+)*|[0-9]+(?:[\s.\-]+[0-9]+)*")
_DIGIT = re.compile(f"[{DIGIT_CLASS}]")


def running_number(text: str) -> tuple[str, str] | None:
    """The number's head (to its slash, and ว after it) and what stands after it, stripped; None
    for a number with no slash."""
    slashes = list(_AFTER_SLASH.finditer(text))
    if not slashes:
        return None
    end = slashes[-1].end()
    return text[:end].rstrip(), text[end:].strip()


def is_printed_running(after: str) -> bool:
    """Whether what stands after a number's slash is a printed running number: digits of one
    script (a typist's `๑๕๖`, `1234`), maybe spaced by OCR.

    >>> [is_printed_running(t) for t in ("๑๕๖", "1234", "๑๕ ๖", "๓8ซ่", "๗๑ต", "ปตอง", "-", "")]
    [True, True, True, False, False, False, False, False]
    """
    return _PRINTED.fullmatch(after) is not None


def is_unprinted_running(after: str) -> bool:
    """Whether what stands after a number's slash is handwriting OCR read as print: letters or
    digits that no typist prints so (a typed dash, or nothing, is neither).

    >>> [is_unprinted_running(t) for t in ("๓8ซ่", "ปตอง", "๑๕๖", "-", "")]
    [True, True, False, False, False]
    """
    return bool(after) and after != "-" and not is_printed_running(after) and (
        _DIGIT.search(after) is not None or re.search(f"[{LETTER_CLASS}]", after) is not None)
